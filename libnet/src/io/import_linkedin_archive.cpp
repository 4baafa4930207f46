// A LinkedIn archive's Profile.csv, Invitations.csv and messages.csv, and
// the import of the whole archive. Messages become one interaction per
// message and known participant: `message`, out when you wrote it (to each
// known recipient), in when someone else did (with the sender). The text is
// kept in interactions.body for search; the summary says only "LinkedIn
// message", so nothing of it reaches a draft or `due`.
#include "rolo/linkedin_archive.hpp"

#include "import_rows.hpp"
#include "import_upsert.hpp"
#include "pipeline.hpp"
#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <charconv>
#include <future>
#include <unordered_set>

#include <fmt/format.h>

namespace rolo {
namespace {

// A file's columns by name (case and spaces around them aside), found in its first non-blank line.
class Columns {
public:
    Columns(CsvReader& reader, const ArchiveFile& file) : file_(file.name) {
        CsvRecord header;
        do {
            if (!reader.next(header)) throw Error(fmt::format("{}:1: no header line", file_));
        } while (blank(header));
        line_ = header.line;
        width_ = header.fields.size();
        for (std::size_t i = 0; i < width_; ++i) names_.push_back(fold(trim_view(header.fields[i])));
    }
    std::size_t required(std::string_view name) const {
        auto found = find(name);
        if (!found) throw Error(fmt::format("{}:{}: no {} column", file_, line_, name));
        return *found;
    }
    std::optional<std::size_t> find(std::string_view name) const {
        std::string key = fold(name);
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == key) return i;
        return std::nullopt;
    }
    std::size_t width() const { return width_; }

private:
    std::string file_;
    int line_ = 1;
    std::size_t width_ = 0;
    std::vector<std::string> names_;
};

void check_width(const CsvRecord& record, const Columns& columns) {
    if (record.fields.size() != columns.width())
        throw Error(fmt::format("expected {} fields, found {}", columns.width(), record.fields.size()));
    if (auto problem = text_problem(record.text); !problem.empty()) throw Error(std::string(problem));
}

std::string_view field(const CsvRecord& record, std::optional<std::size_t> column) {
    return column ? trim_view(record.fields[*column]) : std::string_view();
}

// "2025-06-01 14:03:22 UTC" (messages.csv).
Date message_date(std::string_view text, std::string_view column) {
    auto date = parse_iso_date(text.substr(0, 10));
    if (!date || (text.size() > 10 && text[10] != ' ')) throw Error(fmt::format("bad {} '{}'", column, text));
    return *date;
}

// "1/29/26, 2:37 PM" (Invitations.csv): month/day/year, two digits or four.
Date invitation_date(std::string_view text, std::string_view column) {
    auto fail = [&]() -> Date { throw Error(fmt::format("bad {} '{}'", column, text)); };
    std::string_view date = text.substr(0, text.find(','));
    auto first = date.find('/'), second = date.rfind('/');
    if (first == std::string_view::npos || first == second) return fail();
    unsigned month = 0, day = 0;
    int year = 0;
    auto number = [](std::string_view part, auto& value) {
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        return ec == std::errc{} && end == part.data() + part.size();
    };
    std::string_view year_text = date.substr(second + 1);
    if (!number(date.substr(0, first), month) || !number(date.substr(first + 1, second - first - 1), day) ||
        !number(year_text, year) || (year_text.size() != 2 && year_text.size() != 4))
        return fail();
    if (year_text.size() == 2) year += 2000;
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!ymd.ok()) return fail();
    return Date{ymd};
}

// Who you are: your name from Profile.csv (else [me] name), and the profile
// URLs your own messages are sent from, learnt as they are read.
class Me {
public:
    explicit Me(std::string name) : name_(fold(trim_view(name))) {}
    bool known() const { return !name_.empty(); }
    bool is(std::string_view name, std::string_view url) {
        std::string key = url.empty() ? std::string() : linkedin_key(url);
        if (!key.empty() && urls_.contains(key)) return true;
        if (name_.empty() || fold(trim_view(name)) != name_) return false;
        if (!key.empty()) urls_.insert(key);
        return true;
    }

private:
    std::string name_;
    std::unordered_set<std::string> urls_;
};

std::string profile_name(const ArchiveFile& file) {
    CsvReader reader(file.text);
    Columns columns(reader, file);
    auto first = columns.required("First Name"), last = columns.required("Last Name");
    CsvRecord record;
    while (reader.next(record))
        if (!blank(record) && record.fields.size() == columns.width())
            return trim(trim(record.fields[first]) + " " + trim(record.fields[last]));
    return {};
}

// Reads a file's rows after its header, each through guarded_row, telling
// the progress callback every few thousand rows.
template <typename Each>
void each_row(const ArchiveFile& file, const ImportOptions& options, ImportSummary& summary, Each each) {
    naming_file(file.name, [&] {
        CsvReader reader(file.text);
        Columns columns(reader, file);
        auto read = each(columns);
        CsvRecord record;
        long rows = 0;
        while (reader.next(record)) {
            if (blank(record)) continue;
            if (options.progress && ++rows % 4096 == 0)
                options.progress(file.name, static_cast<long>(record.text.data() - file.text.data()),
                                 static_cast<long>(file.text.size()));
            guarded_row(options, summary, file.name, record.line, [&] {
                check_width(record, columns);
                read(record);
            });
        }
    });
}

// "Jane Doe, PhD, Bob Li": names joined by ", " where a name may hold one
// too. Known names are taken longest first; the rest one part at a time.
std::vector<std::string> split_names(std::string_view joined, const ContactUpsert& upsert) {
    std::vector<std::string> parts = split(joined, ',');
    std::vector<std::string> names;
    for (std::size_t i = 0; i < parts.size();) {
        std::size_t take = 1;
        for (std::size_t j = parts.size(); j > i + 1; --j) {
            std::string name;
            for (std::size_t k = i; k < j; ++k) name += (k > i ? "," : "") + parts[k];
            if (upsert.find_name(name)) {
                take = j - i;
                break;
            }
        }
        std::string name;
        for (std::size_t k = i; k < i + take; ++k) name += (k > i ? "," : "") + parts[k];
        if (auto trimmed = trim(name); !trimmed.empty()) names.push_back(trimmed);
        i += take;
    }
    return names;
}

void read_invitations(const ArchiveFile& file, ContactUpsert& upsert, Me& me, const ImportOptions& options,
                      ImportSummary& summary) {
    each_row(file, options, summary, [&](const Columns& c) {
        auto from = c.required("From"), to = c.required("To"), sent_at = c.required("Sent At"),
             direction = c.required("Direction");
        auto message = c.find("Message"), inviter = c.find("inviterProfileUrl"), invitee = c.find("inviteeProfileUrl");
        return [&, from, to, sent_at, direction, message, inviter, invitee](const CsvRecord& r) {
            Date on = invitation_date(field(r, sent_at), "Sent At");
            std::string way = fold(field(r, direction));
            if (way != "outgoing" && way != "incoming")
                throw Error(fmt::format("bad Direction '{}': expected OUTGOING or INCOMING", field(r, direction)));
            bool out = way == "outgoing";
            std::string_view name = field(r, out ? to : from), url = field(r, out ? invitee : inviter);
            if (me.is(name, url)) return;
            std::optional<std::int64_t> id = url.empty() ? upsert.find_name(name) : upsert.find_linkedin(url);
            if (!id && !out) {
                ++summary.not_imported["invitations from people not known"];
                return;
            }
            if (!id) {
                // Someone you invited who has not answered: known, not connected.
                ImportRow row;
                row.line = r.line;
                set_trimmed(row.change.name, name);
                set_trimmed(row.change.linkedin_url, url);
                row.change.connected = false;
                id = upsert.upsert(row, file.name);
                if (!id) return;
            }
            Interaction invite{.contact_id = *id, .on = on, .kind = "invite",
                               .direction = out ? Direction::out : Direction::in, .summary = "LinkedIn invitation"};
            invite.body = std::string(field(r, message));
            invite.import_key = stable_hash(fmt::format("invitation\n{}\n{}\n{}", field(r, from), field(r, to),
                                                        field(r, sent_at)));
            upsert.record(std::move(invite));
        };
    });
}

// Rows are read and matched to people on a thread of their own (see
// pipelined), which counts in its own summary and only looks people up;
// this thread records what it finds.
void read_messages(const ArchiveFile& file, ContactUpsert& upsert, Me& me, const ImportOptions& options,
                   ImportSummary& summary) {
    ImportSummary read;
    auto each_message = [&](auto emit) {
        each_row(file, options, read, [&](const Columns& c) {
            auto conversation = c.required("CONVERSATION ID"), from = c.required("FROM"),
                 sender_url = c.required("SENDER PROFILE URL"), to = c.required("TO"), date = c.required("DATE"),
                 content = c.required("CONTENT");
            auto recipient_urls = c.find("RECIPIENT PROFILE URLS"), folder = c.find("FOLDER"),
                 draft = c.find("IS MESSAGE DRAFT");
            if (!me.known())
                throw Error(fmt::format("{}: no Profile.csv to say which messages are yours; set [me] name in "
                                        "config.toml, or import the whole archive",
                                        file.name));
            return [&, conversation, from, sender_url, to, date, content, recipient_urls, folder,
                    draft](const CsvRecord& r) {
                Date on = message_date(field(r, date), "DATE");
                ++read.messages;
                if (fold(field(r, draft)) == "yes") {
                    ++read.not_imported["drafts"];
                    return;
                }
                if (fold(field(r, folder)).find("sponsored") != std::string::npos) {
                    ++read.not_imported["sponsored messages"];
                    return;
                }
                std::string_view sender = field(r, from), url = field(r, sender_url);
                if (url.empty() && sender == "LinkedIn Member") {
                    ++read.not_imported["messages from \"LinkedIn Member\""];
                    return;
                }
                bool out = me.is(sender, url);
                std::vector<std::int64_t> people;
                auto add = [&](std::optional<std::int64_t> id) {
                    if (id && std::find(people.begin(), people.end(), *id) == people.end()) people.push_back(*id);
                };
                if (!out) {
                    add(url.empty() ? upsert.find_name(sender) : upsert.find_linkedin(url));
                } else if (auto urls = field(r, recipient_urls); !urls.empty()) {
                    for (const auto& recipient : split(urls, ','))
                        if (!me.is("", trim_view(recipient))) add(upsert.find_linkedin(trim_view(recipient)));
                } else {
                    for (const auto& name : split_names(field(r, to), upsert))
                        if (!me.is(name, "")) add(upsert.find_name(name));
                }
                if (people.empty()) {
                    ++read.not_imported["messages with no one known"];
                    return;
                }
                std::int64_t key =
                    stable_hash(fmt::format("message\n{}\n{}\n{}\n{}", field(r, conversation), field(r, date),
                                            url.empty() ? sender : url, field(r, content)));
                for (auto id : people) {
                    Interaction message{.contact_id = id, .on = on, .kind = "message",
                                        .direction = out ? Direction::out : Direction::in,
                                        .summary = people.size() > 1 ? "LinkedIn message (group)" : "LinkedIn message"};
                    message.body = r.fields[content];
                    message.import_key = key;
                    emit(std::move(message));
                }
            };
        });
    };
    pipelined<Interaction>(each_message, [&](Interaction& message) { upsert.record(std::move(message)); });
    summary.messages += read.messages;
    summary.skipped += read.skipped;
    for (auto& problem : read.problems) summary.problems.push_back(std::move(problem));
    for (const auto& [why, count] : read.not_imported) summary.not_imported[why] += count;
}

}  // namespace

ImportSummary import_linkedin_archive(Store& store, const LinkedInArchive& archive, const ImportOptions& options,
                                      Date today) {
    ImportSummary summary;
    // Inflated meanwhile, on a thread of its own (see LinkedInArchive).
    std::future<std::string> messages_text;
    if (archive.messages && archive.read_messages)
        messages_text = std::async(std::launch::async, archive.read_messages);
    // Every id written is one the upsert read or added in this transaction.
    auto transaction = store.bulk_transaction(Store::References::trusted);
    ContactUpsert upsert(store, options, summary, today, Source::linkedin);
    std::string me_name = archive.profile ? naming_file(archive.profile->name, [&] {
        return profile_name(*archive.profile);
    })
                                          : options.me;
    Me me(me_name);
    if (archive.connections) {
        track_linkedin_export(store, upsert, summary, archive.exported_on.value_or(today));
        ImportReader rows(archive.connections->text, ImportFormat::linkedin, archive.connections->name, today);
        upsert.upsert_all(rows, archive.connections->name);
        report_gone(upsert, summary);
    }
    const ArchiveFile* messages = archive.messages ? &*archive.messages : nullptr;
    std::optional<ArchiveFile> inflated;
    if (messages_text.valid()) messages = &inflated.emplace(ArchiveFile{archive.messages->name, messages_text.get()});
    // A low estimate (a row of either file takes 250 bytes to a few KB): the
    // table's indexes are rebuilt only for an import that clearly outweighs it.
    std::size_t bytes = (archive.invitations ? archive.invitations->text.size() : 0) +
                        (messages ? messages->text.size() : 0);
    upsert.expect_interactions(static_cast<std::int64_t>(bytes / 1024));
    if (archive.invitations) read_invitations(*archive.invitations, upsert, me, options, summary);
    if (messages) read_messages(*messages, upsert, me, options, summary);
    upsert.finish();
    if (!options.dry_run) transaction.commit();
    return summary;
}

}  // namespace rolo
