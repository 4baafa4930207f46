#include "rolo/import.hpp"

#include "import_address_book.hpp"
#include "import_rows.hpp"
#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/store.hpp"
#include "rolo/table.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"
#include "rolo/vdir.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <limits>
#include <iterator>
#include <map>
#include <memory_resource>
#include <unordered_map>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rolo {
namespace {

const std::vector<std::string> linkedin_header = {"First Name", "Last Name", "URL", "Email Address",
                                                  "Company", "Position", "Connected On"};
// Positions in linkedin_header.
enum LinkedInColumn : std::size_t { first_name, last_name, url, email_address, company, position, connected_on };

bool is_linkedin_header(const CsvRecord& record) {
    return record.fields.size() >= 2 && trim_view(record.fields[0]) == "First Name" &&
           trim_view(record.fields[1]) == "Last Name";
}

void set_text(std::optional<std::string>& field, std::string_view value) {
    if (auto text = trim_view(value); !text.empty()) field = text;
}

std::optional<bool> parse_flag(const std::string& text) {
    std::string word = fold(trim_view(text));
    if (word == "1" || word == "true" || word == "yes") return true;
    if (word == "0" || word == "false" || word == "no") return false;
    return std::nullopt;
}

RowSource linkedin_rows(std::string_view text, const std::string& source) {
    CsvReader reader(text);
    CsvRecord record;
    std::size_t width = 0;
    std::array<std::optional<std::size_t>, 7> column;  // where each of linkedin_header is, if anywhere
    while (!width && reader.next(record)) {
        if (!is_linkedin_header(record)) continue;  // the "Notes:" preamble
        width = record.fields.size();
        for (std::size_t i = 0; i < width; ++i) {
            auto name = std::find(linkedin_header.begin(), linkedin_header.end(), trim_view(record.fields[i]));
            if (name != linkedin_header.end()) column[static_cast<std::size_t>(name - linkedin_header.begin())] = i;
        }
    }
    if (!width) throw Error(fmt::format("{}:1: no LinkedIn header ({})", source, join(linkedin_header, ",")));
    return [reader, record, width, column](ImportRow& row) mutable {
        auto field = [&](LinkedInColumn c) {
            return column[c] ? trim_view(record.fields[*column[c]]) : std::string_view();
        };
        do {
            if (!reader.next(record)) return false;
        } while (blank(record));
        fill_row(row, record.line, text_problem(record.text), [&](ContactChange& change) {
            if (record.fields.size() != width)
                throw Error(fmt::format("expected {} fields, found {}", width, record.fields.size()));
            auto first = field(first_name), last = field(last_name);
            if (first.empty() && last.empty()) throw Error("no name");
            std::string name(first);
            if (!first.empty() && !last.empty()) name += ' ';
            change.name = name.append(last);
            set_text(change.call_name, std::string(first));
            set_text(change.linkedin_url, field(url));
            set_text(change.email, field(email_address));
            set_text(change.company, field(company));
            set_text(change.title, field(position));
            change.connected = true;
            if (auto on = field(connected_on); !on.empty()) {
                auto date = parse_connected_on(on);
                if (!date) throw Error(fmt::format("bad Connected On date '{}'", on));
                change.connected_on = date;
            }
        });
        return true;
    };
}

using Setter = std::function<void(ContactChange&, const std::string&, Date)>;

const std::map<std::string, Setter>& csv_columns() {
    static const std::map<std::string, Setter> columns = {
        {"name", [](ContactChange& c, const std::string& v, Date) { set_text(c.name, v); }},
        {"call_name", [](ContactChange& c, const std::string& v, Date) { set_text(c.call_name, v); }},
        {"email", [](ContactChange& c, const std::string& v, Date) { set_text(c.email, v); }},
        {"phone", [](ContactChange& c, const std::string& v, Date) { set_text(c.phone, v); }},
        {"company", [](ContactChange& c, const std::string& v, Date) { set_text(c.company, v); }},
        {"title", [](ContactChange& c, const std::string& v, Date) { set_text(c.title, v); }},
        {"location", [](ContactChange& c, const std::string& v, Date) { set_text(c.location, v); }},
        {"linkedin_url", [](ContactChange& c, const std::string& v, Date) { set_text(c.linkedin_url, v); }},
        {"met_at", [](ContactChange& c, const std::string& v, Date) { set_text(c.met_at, v); }},
        {"interests", [](ContactChange& c, const std::string& v, Date) { set_text(c.interests, v); }},
        {"notes", [](ContactChange& c, const std::string& v, Date) { set_text(c.notes, v); }},
        {"met_on", [](ContactChange& c, const std::string& v, Date today) {
             if (!trim(v).empty()) c.met_on = parse_date(v, today);
         }},
        {"connected_on", [](ContactChange& c, const std::string& v, Date today) {
             if (!trim(v).empty()) c.connected_on = parse_date(v, today);
         }},
        {"snoozed_until", [](ContactChange& c, const std::string& v, Date today) {
             if (!trim(v).empty()) c.snoozed_until = parse_date(v, today);
         }},
        {"every", [](ContactChange& c, const std::string& v, Date) {
             if (!trim(v).empty()) c.every = parse_every(v);
         }},
        {"tags", [](ContactChange& c, const std::string& v, Date) {
             for (const auto& tag : split(v, ';'))
                 if (auto t = trim(tag); !t.empty()) c.add_tags.push_back(t);
         }},
        {"connected", [](ContactChange& c, const std::string& v, Date) {
             if (trim(v).empty()) return;
             c.connected = parse_flag(v);
             if (!c.connected) throw Error(fmt::format("bad connected value '{}': expected 1 or 0", v));
         }},
        {"archived", [](ContactChange& c, const std::string& v, Date) {
             if (trim(v).empty()) return;
             c.archived = parse_flag(v);
             if (!c.archived) throw Error(fmt::format("bad archived value '{}': expected 1 or 0", v));
         }},
    };
    return columns;
}

// The id column of rolo's own export; anything else is no id.
std::optional<std::int64_t> parse_id(std::string_view text) {
    text = trim_view(text);
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

RowSource csv_rows(std::string_view text, const std::string& source, Date today,
                   std::vector<std::string>& warnings) {
    CsvReader reader(text);
    CsvRecord header;
    if (!reader.next(header) || blank(header)) throw Error(fmt::format("{}:1: no header line", source));
    // Our own export's bookkeeping columns are known, and ignored.
    static const std::vector<std::string> ignored = {"id", "created_at", "updated_at"};
    std::vector<const Setter*> setters;  // per column; null for columns not read
    std::vector<std::string> unknown;
    std::vector<std::string> read;  // the columns read, so far
    std::optional<std::size_t> first, last, id;
    bool has_name = false;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = fold(trim_view(header.fields[i]));
        if (name == "first_name" || name == "last_name") name.resize(name.size() - 5);  // first, last
        auto column = csv_columns().find(name);
        setters.push_back(column == csv_columns().end() ? nullptr : &column->second);
        bool is_read = setters.back() || name == "first" || name == "last";
        // Two columns for one field would leave which of them counts to chance.
        if (is_read && std::find(read.begin(), read.end(), name) != read.end())
            throw Error(fmt::format("{}:{}: two columns for {}", source, header.line, name));
        if (is_read) read.push_back(name);
        has_name = has_name || name == "name";
        if (name == "first") first = i;
        else if (name == "last") last = i;
        else if (name == "id") id = i;
        else if (!setters.back() && std::find(ignored.begin(), ignored.end(), name) == ignored.end())
            unknown.push_back(trim(header.fields[i]));
    }
    if (!unknown.empty())
        warnings.push_back(fmt::format("{}: unknown columns ignored: {}", source, join(unknown, ", ")));
    if (!has_name && !first && !last)
        throw Error(fmt::format("{}:{}: the header needs a name column (or first and last)", source, header.line));
    return [reader, record = CsvRecord(), setters, first, last, id, today](ImportRow& row) mutable {
        do {
            if (!reader.next(record)) return false;
        } while (blank(record));
        fill_row(row, record.line, text_problem(record.text), [&](ContactChange& change) {
            if (record.fields.size() != setters.size())
                throw Error(fmt::format("expected {} fields, found {}", setters.size(), record.fields.size()));
            // Read as a spreadsheet reads them, which is how rolo's export writes them.
            for (auto& field : record.fields) unguard_formula(field);
            for (std::size_t i = 0; i < setters.size(); ++i)
                if (setters[i]) (*setters[i])(change, record.fields[i], today);
            if (!change.name && (first || last))
                set_text(change.name, (first ? trim(record.fields[*first]) : "") + " " +
                                          (last ? trim(record.fields[*last]) : ""));
        });
        if (id && *id < record.fields.size()) row.id = parse_id(record.fields[*id]);
        return true;
    };
}

RowSource vcard_rows(std::string_view text) {
    return [cards = read_vcards(text), next = std::size_t{0}](ImportRow& row) mutable {
        if (next == cards.size()) return false;
        const VCard& card = cards[next++];
        std::string_view problem;
        for (const std::string* field : {&card.name, &card.email, &card.phone, &card.company, &card.title, &card.url,
                                         &card.note})
            if (problem.empty()) problem = text_problem(*field);
        for (const auto& category : card.categories)
            if (problem.empty()) problem = text_problem(category);
        fill_row(row, card.line, problem, [&](ContactChange& change) {
            set_text(change.name, card.name);
            set_text(change.email, card.email);
            set_text(change.phone, card.phone);
            set_text(change.company, card.company);
            set_text(change.title, card.title);
            if (looks_like_linkedin_url(card.url))
                set_text(change.linkedin_url, card.url);
            set_text(change.notes, card.note);
            change.add_tags = card.categories;
        });
        row.uid = card.uid;
        return true;
    };
}

// The CSV and vCard readers name only a line; give it the file too.
template <typename Read>
auto naming_file(const std::string& source, Read&& read) {
    try {
        return read();
    } catch (const Error& e) {
        std::string message = e.what();
        if (message.starts_with("line ")) throw Error(fmt::format("{}:{}", source, message.substr(5)));
        throw;
    }
}

bool same_fields(const Contact& a, const Contact& b) {
    auto fields = [](const Contact& c) {
        return std::tie(c.name, c.call_name, c.email, c.phone, c.company, c.title, c.location, c.linkedin_url, c.met_at, c.met_on,
                        c.interests, c.notes, c.every, c.connected, c.connected_on, c.archived, c.tags);
    };
    return fields(a) == fields(b);
}

}  // namespace

ImportFormat parse_import_format(std::string_view name) {
    if (name == "linkedin") return ImportFormat::linkedin;
    if (name == "csv") return ImportFormat::csv;
    if (name == "vcard") return ImportFormat::vcard;
    if (name == "json") return ImportFormat::json;
    if (name == "google") return ImportFormat::google;
    if (name == "outlook") return ImportFormat::outlook;
    throw Error(fmt::format("unknown import format '{}': expected linkedin, csv, vcard, json, google or outlook", name));
}

ImportFormat detect_import_format(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (fold(trim_view(text.substr(0, 64))).starts_with("begin:vcard")) return ImportFormat::vcard;
    if (trim(text.substr(0, 64)).starts_with('{')) return ImportFormat::json;
    if (auto book = detect_address_book(text)) return *book;
    // Lines may end in LF, CRLF, or CR alone (old Mac files), as CsvReader reads them.
    std::string head(text.substr(0, 4096));
    std::replace(head.begin(), head.end(), '\r', '\n');
    int lines = 0;
    for (const auto& line : split(head, '\n')) {
        if (trim(line).starts_with("First Name,Last Name")) return ImportFormat::linkedin;
        if (++lines > 20) break;
    }
    return ImportFormat::csv;
}

std::optional<Date> parse_connected_on(std::string_view text) {
    // Parsed in place: an import reads one of these per row.
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (auto iso = parse_iso_date(text)) return iso;
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    auto first_space = text.find(' ');
    auto last_space = text.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space) return std::nullopt;
    std::string_view day_text = text.substr(0, first_space);
    std::string_view month_text = text.substr(first_space + 1, last_space - first_space - 1);
    std::string_view year_text = text.substr(last_space + 1);
    if (month_text.size() < 3) return std::nullopt;
    auto month = std::find_if(months.begin(), months.end(), [&](std::string_view name) {
        return std::equal(name.begin(), name.end(), month_text.begin(),
                          [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b); });
    });
    if (month == months.end()) return std::nullopt;
    unsigned day = 0;
    int year = 0;
    auto [d_end, d_ec] = std::from_chars(day_text.data(), day_text.data() + day_text.size(), day);
    auto [y_end, y_ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (d_ec != std::errc{} || y_ec != std::errc{} || d_end != day_text.data() + day_text.size() ||
        y_end != year_text.data() + year_text.size() || year_text.size() != 4)
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{year},
                                    std::chrono::month{static_cast<unsigned>(month - months.begin() + 1)},
                                    std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

ImportReader::ImportReader(std::string_view text, ImportFormat format, std::string source, Date today)
    : source_(std::move(source)) {
    next_ = naming_file(source_, [&]() -> RowSource {
        switch (format) {
        case ImportFormat::linkedin: return linkedin_rows(text, source_);
        case ImportFormat::vcard: return vcard_rows(text);
        case ImportFormat::google:
        case ImportFormat::outlook: return address_book_rows(text, format);
        case ImportFormat::csv: break;
        case ImportFormat::json:
            throw Error(fmt::format("{}: a JSON export is restored whole, not read as rows", source_));
        }
        return csv_rows(text, source_, today, warnings_);
    });
}

bool ImportReader::next(ImportRow& row) {
    return naming_file(source_, [&] { return next_(row); });
}

namespace {

// Keys (normalised LinkedIn URLs, or emails) to the ids of the contacts
// they match. An open-addressing table of 8-byte slots over keys kept in
// one arena: matching the rows of a 50,000-row import spent a tenth of its
// time in std::unordered_map, chasing a node or two per lookup.
class KeyIndex {
public:
    std::optional<std::int64_t> find(std::string_view key) const {
        if (key.empty() || slots_.empty()) return std::nullopt;
        const Slot& slot = slots_[probe(key, hash(key))];
        return slot.entry ? std::optional(ids_[slot.entry - 1]) : std::nullopt;
    }

    // The first contact added with a key keeps it.
    void add(std::string_view key, std::int64_t id) {
        if (key.empty()) return;
        if (2 * (keys_.size() + 1) > slots_.size()) grow(std::max<std::size_t>(1024, 2 * slots_.size()));
        std::size_t h = hash(key);
        Slot& slot = slots_[probe(key, h)];
        if (slot.entry) return;
        auto* text = static_cast<char*>(arena_.allocate(key.size(), 1));
        std::copy(key.begin(), key.end(), text);
        keys_.emplace_back(text, key.size());
        ids_.push_back(id);
        slot = {tag(h), static_cast<std::uint32_t>(keys_.size())};
    }

private:
    struct Slot {
        std::uint32_t tag = 0;    // high bits of the key's hash: most mismatches end here
        std::uint32_t entry = 0;  // 1 + the key's place in keys_ and ids_; 0: empty
    };

    static std::size_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
    static std::uint32_t tag(std::size_t h) { return static_cast<std::uint32_t>(h >> 32); }

    // The slot holding `key`, else the empty slot where it would go.
    std::size_t probe(std::string_view key, std::size_t h) const {
        std::size_t mask = slots_.size() - 1;
        std::size_t i = h & mask;
        while (slots_[i].entry && (slots_[i].tag != tag(h) || keys_[slots_[i].entry - 1] != key)) i = (i + 1) & mask;
        return i;
    }

    void grow(std::size_t size) {
        slots_.assign(size, Slot{});
        for (std::size_t entry = 0; entry < keys_.size(); ++entry) {
            std::size_t h = hash(keys_[entry]);
            std::size_t i = h & (size - 1);
            while (slots_[i].entry) i = (i + 1) & (size - 1);
            slots_[i] = {tag(h), static_cast<std::uint32_t>(entry + 1)};
        }
    }

    std::vector<Slot> slots_;  // a power of two long, at most half full
    std::vector<std::string_view> keys_;
    std::vector<std::int64_t> ids_;
    std::pmr::monotonic_buffer_resource arena_;
};

std::string email_key(std::string_view email) { return fold(trim_view(email)); }

// For people with neither a LinkedIn URL nor an email (an address book's
// plumber): the name and the phone's digits, so a re-import finds them again.
std::string name_phone_key(std::string_view name, std::string_view phone) {
    std::string key = fold(trim_view(name));
    key += '\n';
    std::copy_if(phone.begin(), phone.end(), std::back_inserter(key), [](char c) { return c >= '0' && c <= '9'; });
    return key;
}

// The person a row of rolo's own export names: by UID, or by id and the
// same name.
std::optional<std::int64_t> own_export_match(const ImportRow& row,
                                             const std::unordered_map<std::string, std::int64_t>& by_uid,
                                             const std::unordered_map<std::int64_t, Contact>& contacts) {
    if (auto found = by_uid.find(row.uid); !row.uid.empty() && found != by_uid.end()) return found->second;
    if (!row.id || !row.change.name) return std::nullopt;
    auto found = contacts.find(*row.id);
    if (found == contacts.end() || fold(found->second.name) != fold(trim(*row.change.name))) return std::nullopt;
    return found->first;
}

}  // namespace

ImportSummary import_contacts(Store& store, ImportReader& rows, const ImportOptions& options, Date today) {
    ImportSummary summary;
    auto transaction = store.transaction();
    ContactWriter writer(store);
    // Everyone there before the import, by id. People it adds are not kept:
    // they are read back only when a later row of the file matches them.
    std::unordered_map<std::int64_t, Contact> contacts;
    for (auto& contact : all_contacts(store)) {
        auto id = contact.id;
        contacts.emplace(id, std::move(contact));
    }
    auto by_uid = ids_by_uid(store);
    ContactReader added_earlier(store);
    auto known = [&](std::int64_t id) -> Contact& {
        auto found = contacts.find(id);
        if (found == contacts.end()) found = contacts.emplace(id, added_earlier.find(id).value()).first;
        return found->second;
    };
    KeyIndex by_linkedin, by_email, by_name_phone;
    auto remember = [&](const Contact& contact, std::string_view linkedin, std::string_view email) {
        by_linkedin.add(linkedin, contact.id);
        by_email.add(email, contact.id);
        by_name_phone.add(name_phone_key(contact.name, contact.phone), contact.id);
    };
    for (const auto& [id, contact] : contacts)
        remember(contact, contact.linkedin_url.empty() ? std::string() : linkedin_key(contact.linkedin_url),
                 email_key(contact.email));

    // Writes one row and returns the counter it adds to; a problem of the row
    // is an Error, thrown before anything of the row is written.
    auto upsert = [&](ImportRow& row) -> int& {
        if (!row.error.empty()) throw Error(row.error);
        ContactChange& change = row.change;
        std::string key = change.linkedin_url ? linkedin_key(*change.linkedin_url) : std::string();
        std::string email = change.email ? email_key(*change.email) : std::string();
        if (change.linkedin_url && key.find("linkedin.com/") == std::string::npos)
            throw Error(fmt::format("'{}' is not a LinkedIn profile URL", *change.linkedin_url));
        std::optional<std::int64_t> match = by_linkedin.find(key);
        std::optional<std::int64_t> email_match = by_email.find(email);
        // A row must not hand one person's address to another, as `rolo edit` would not
        // without --force; people who already share an address (added with --force) may keep it.
        if (match && email_match && *match != *email_match && email_key(known(*match).email) != email)
            throw Error(fmt::format("the LinkedIn URL is {}'s but the email {} is {}'s", describe(known(*match)),
                                    *change.email, describe(known(*email_match))));
        if (!match) match = email_match;
        if (!match) match = own_export_match(row, by_uid, contacts);
        if (!match && key.empty() && email.empty() && change.name)
            match = by_name_phone.find(name_phone_key(*change.name, change.phone.value_or("")));
        if (!options.tag.empty()) change.add_tags.push_back(options.tag);
        if (!match) {
            if (!change.name) throw Error("no name");
            // Only what the file says: unlike `rolo add`, no "connected today", or an
            // address book of hundreds would all come due for a hello at once.
            Contact added;
            apply(added, std::move(change));
            // A row of rolo's own CSV keeps its id where that is free, so that
            // an export imported into an empty database exports the same bytes.
            if (row.id && !contacts.contains(*row.id) && !added_earlier.find(*row.id)) added.id = *row.id;
            writer.insert(added, today);
            remember(added, key, email);
            return summary.added;
        }
        Contact& existing = known(*match);
        // The same profile or address spelled another way is not a change.
        if (change.linkedin_url && key == linkedin_key(existing.linkedin_url)) change.linkedin_url.reset();
        if (change.email && email == email_key(existing.email)) change.email.reset();
        Contact updated = existing;
        apply(updated, change);
        if (same_fields(existing, updated)) return summary.unchanged;
        writer.update(updated, today);
        existing = std::move(updated);
        remember(existing, change.linkedin_url ? key : std::string(), change.email ? email : std::string());
        return summary.updated;
    };

    ImportRow row;
    while (rows.next(row)) {
        try {
            ++upsert(row);
        } catch (const Error& e) {
            std::string problem = fmt::format("{}:{}: {}", options.source, row.line, e.what());
            if (!options.skip_bad) throw Error(problem);
            summary.problems.push_back(std::move(problem));
            ++summary.skipped;
        }
    }
    if (!options.dry_run) transaction.commit();
    return summary;
}

namespace {

// Reads the fields of one JSON entry, naming "FILE: table[i].field" when one is wrong.
class JsonEntry {
public:
    JsonEntry(const nlohmann::json& entry, std::string where) : entry_(entry), where_(std::move(where)) {
        if (!entry_.is_object()) fail("", "expected an object");
    }
    std::string text(const char* key) const {
        const auto* value = find(key);
        if (!value || value->is_null()) return {};
        return checked_text(key, *value);
    }
    // A whole number in min..max: nothing is truncated or wrapped to fit.
    std::int64_t number(const char* key, std::int64_t min, std::int64_t max) const {
        const auto* value = find(key);
        if (!value || !value->is_number_integer()) fail(key, "expected a whole number");
        bool above = value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max);
        if (above || value->get<std::int64_t>() < min || value->get<std::int64_t>() > max)
            fail(key, fmt::format("{} is out of range ({}..{})", value->dump(), min, max));
        return value->get<std::int64_t>();
    }
    std::int64_t id(const char* key) const { return number(key, 1, std::numeric_limits<std::int64_t>::max()); }
    bool flag(const char* key) const {
        const auto* value = find(key);
        if (!value || !value->is_boolean()) fail(key, "expected true or false");
        return value->get<bool>();
    }
    // For flags that later rolos added: absent from older exports.
    bool flag_or(const char* key, bool absent) const { return find(key) ? flag(key) : absent; }
    std::optional<Date> date(const char* key) const {
        std::string value = text(key);
        if (value.empty()) return std::nullopt;
        if (auto parsed = parse_iso_date(value)) return parsed;
        fail(key, fmt::format("bad date '{}'", value));
    }
    std::vector<std::string> list(const char* key) const {
        const auto* value = find(key);
        std::vector<std::string> items;
        if (!value || value->is_null()) return items;
        if (!value->is_array()) fail(key, "expected a list");
        for (const auto& item : *value) {
            if (!item.is_string()) fail(key, "expected a list of text");
            items.push_back(checked_text(key, item));
        }
        return items;
    }
    [[noreturn]] void fail(std::string_view key, std::string_view message) const {
        throw Error(fmt::format("{}{}{}: {}", where_, key.empty() ? "" : ".", key, message));
    }

private:
    std::string checked_text(const char* key, const nlohmann::json& value) const {
        if (!value.is_string()) fail(key, "expected text");
        std::string result = value.get<std::string>();
        if (auto problem = text_problem(result); !problem.empty()) fail(key, problem);
        return result;
    }
    const nlohmann::json* find(const char* key) const {
        auto found = entry_.find(key);
        return found == entry_.end() ? nullptr : &*found;
    }
    const nlohmann::json& entry_;
    std::string where_;
};

template <typename Each>
int for_each_entry(const nlohmann::json& document, const char* table, const std::string& source, Each each) {
    auto found = document.find(table);
    if (found == document.end()) return 0;
    if (!found->is_array()) throw Error(fmt::format("{}: {} must be a list", source, table));
    int count = 0;
    for (const auto& entry : *found) {
        std::string where = fmt::format("{}: {}[{}]", source, table, count++);
        try {
            each(JsonEntry(entry, where));
        } catch (const SQLite::Exception& e) {
            throw Error(fmt::format("{}: {}", where, e.what()));
        } catch (const Error& e) {
            if (std::string_view(e.what()).starts_with(where)) throw;
            throw Error(fmt::format("{}: {}", where, e.what()));
        }
    }
    return count;
}

}  // namespace

RestoreSummary restore_json(Store& store, std::string_view text, const std::string& source, Date today, bool dry_run) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(fmt::format("{}: not valid JSON: {}", source, e.what()));
    }
    if (!document.is_object() || !document.contains("contacts"))
        throw Error(fmt::format("{}: not a rolo export (expected an object with \"contacts\")", source));
    auto transaction = store.transaction();
    if (!all_contacts(store).empty())
        throw Error(fmt::format("{}: a JSON export restores into an empty database only; use --db NEW.db", source));
    RestoreSummary summary;
    ContactWriter writer(store);
    summary.contacts = for_each_entry(document, "contacts", source, [&](const JsonEntry& e) {
        Contact c;
        c.id = e.id("id");
        c.name = e.text("name");
        c.call_name = e.text("call_name");
        c.email = e.text("email");
        c.phone = e.text("phone");
        c.company = e.text("company");
        c.title = e.text("title");
        c.location = e.text("location");
        c.linkedin_url = e.text("linkedin_url");
        c.met_at = e.text("met_at");
        c.met_on = e.date("met_on");
        c.interests = e.text("interests");
        c.notes = e.text("notes");
        try {
            c.every = parse_every(e.text("every"));
        } catch (const Error& error) {
            e.fail("every", error.what());
        }
        c.connected = e.flag("connected");
        c.connected_on = e.date("connected_on");
        c.archived = e.flag("archived");
        c.snoozed_until = e.date("snoozed_until");
        c.tags = e.list("tags");
        std::sort(c.tags.begin(), c.tags.end());
        c.created_at = e.text("created_at");
        c.updated_at = e.text("updated_at");
        writer.insert(c, today);
    });
    summary.interactions = for_each_entry(document, "interactions", source, [&](const JsonEntry& e) {
        Interaction i{.contact_id = e.id("contact_id"), .on = e.date("date").value_or(Date{}), .kind = e.text("kind")};
        if (!e.date("date")) e.fail("date", "missing");
        std::string direction = e.text("direction");
        if (direction != "in" && direction != "out") e.fail("direction", "expected \"in\" or \"out\"");
        i.direction = direction == "in" ? Direction::in : Direction::out;
        i.summary = e.text("summary");
        i.next_on = e.date("next_on");
        i.topic = e.text("topic");
        i.by_rolo = e.flag_or("by_rolo", false);
        log_interaction(store, i, today);
    });
    summary.knows = for_each_entry(document, "knows", source, [&](const JsonEntry& e) {
        link(store, {e.id("a"), e.id("b"), static_cast<int>(e.number("strength", 1, 5)), e.text("context"),
                     e.date("since")});
    });
    summary.intros = for_each_entry(document, "intros", source, [&](const JsonEntry& e) {
        Intro intro;
        intro.id = e.id("id");
        intro.kind = e.text("kind");
        intro.broker_id = e.id("broker_id");
        intro.target_id = e.id("target_id");
        intro.asked_on = e.date("asked_on").value_or(today);
        intro.followed_up_on = e.date("followed_up_on");
        intro.status = e.text("status");
        intro.reason = e.text("reason");
        intro.note = e.text("note");
        insert_intro(store, intro);
    });
    if (!dry_run) transaction.commit();
    return summary;
}

}  // namespace rolo
