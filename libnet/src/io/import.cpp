#include "rolo/import.hpp"

#include "import_address_book.hpp"
#include "import_rows.hpp"
#include "import_upsert.hpp"
#include "rolo/error.hpp"
#include "rolo/fields.hpp"
#include "rolo/interaction.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "rolo/vdir.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
Source import_source(ImportFormat format) {
    switch (format) {
    case ImportFormat::linkedin:
    case ImportFormat::linkedin_archive: return Source::linkedin;
    case ImportFormat::vcard: return Source::vcard;
    case ImportFormat::google:
    case ImportFormat::outlook: return Source::address_book;
    case ImportFormat::json: return Source::json;
    case ImportFormat::csv: break;
    }
    return Source::csv;
}

ImportFormat parse_import_format(std::string_view name) {
    if (name == "linkedin") return ImportFormat::linkedin;
    if (name == "csv") return ImportFormat::csv;
    if (name == "vcard") return ImportFormat::vcard;
    if (name == "json") return ImportFormat::json;
    if (name == "google") return ImportFormat::google;
    if (name == "outlook") return ImportFormat::outlook;
    if (name == "linkedin-archive") return ImportFormat::linkedin_archive;
    throw Error(fmt::format("unknown import format '{}': expected linkedin, linkedin-archive, csv, vcard, json, "
                            "google or outlook",
                            name));
}

ImportFormat detect_import_format(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (fold(trim_view(text.substr(0, 64))).starts_with("begin:vcard")) return ImportFormat::vcard;
    if (auto head = trim(text.substr(0, 64)); head.starts_with('{') || head.starts_with('[')) return ImportFormat::json;
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

ImportReader::ImportReader(std::string_view text, ImportFormat format, std::string source, Date today)
    : source_(std::move(source)), format_(format) {
    next_ = naming_file(source_, [&]() -> RowSource {
        switch (format) {
        case ImportFormat::linkedin: return linkedin_rows(text, source_);
        case ImportFormat::vcard: return vcard_rows(text);
        case ImportFormat::google:
        case ImportFormat::outlook: return address_book_rows(text, format);
        case ImportFormat::csv: break;
        case ImportFormat::linkedin_archive:
            throw Error(fmt::format("{}: a LinkedIn archive is read whole, not as rows", source_));
        case ImportFormat::json: return json_rows(text, source_, today);
        }
        return csv_rows(text, source_, today, warnings_);
    });
}

bool ImportReader::next(ImportRow& row) {
    return naming_file(source_, [&] { return next_(row); });
}

ContactUpsert::ContactUpsert(Store& store, const ImportOptions& options, ImportSummary& summary, Date today,
                             Source source)
    : store_(store), options_(options), summary_(summary), today_(today), source_(source), stamp_(timestamp(today)),
      writer_(store), card_keeper_(store),
      added_earlier_(store), interactions_(store), by_uid_(ids_by_uid(store)), extras_(card_extras(store)),
      purge_marks_(purge_marks(store)) {
    for (auto& contact : all_contacts(store)) {
        auto id = contact.id;
        before_.push_back(id);
        contacts_.emplace(id, std::move(contact));
    }
    for (const auto& [id, contact] : contacts_)
        remember(contact, contact.linkedin_url.empty() ? std::string() : linkedin_key(contact.linkedin_url),
                 email_key(contact.email));
}

void ContactUpsert::track_connections(Date on, bool adds_only) {
    job_changes_on_ = on;
    adds_only_ = adds_only;
}

void ContactUpsert::remember(const Contact& contact, std::string_view linkedin, std::string_view email) {
    by_linkedin_.add(linkedin, contact.id);
    by_email_.add(email, contact.id);
    by_name_phone_.add(name_phone_key(contact.name, contact.phone), contact.id);
    std::string name = fold(trim_view(contact.name));
    if (auto other = by_name_.find(name); other && *other != contact.id) shared_names_.insert(name);
    by_name_.add(name, contact.id);
}

Contact& ContactUpsert::known(std::int64_t id) {
    auto found = contacts_.find(id);
    if (found == contacts_.end()) found = contacts_.emplace(id, added_earlier_.find(id).value()).first;
    return found->second;
}

std::optional<std::int64_t> ContactUpsert::find_linkedin(std::string_view url) const {
    return url.empty() ? std::nullopt : by_linkedin_.find(linkedin_key(url));
}

std::optional<std::int64_t> ContactUpsert::find_name(std::string_view name) const {
    std::string key = fold(trim_view(name));
    if (shared_names_.contains(key)) return std::nullopt;
    return by_name_.find(key);
}

bool ContactUpsert::purged(std::string_view linkedin, std::string_view email) const {
    if (options_.include_purged || purge_marks_.empty()) return false;
    return (!linkedin.empty() && purge_marks_.contains(purge_mark("linkedin", linkedin))) ||
           (!email.empty() && purge_marks_.contains(purge_mark("email", email)));
}

std::vector<std::int64_t> ContactUpsert::unmatched_connections() {
    std::vector<std::int64_t> ids;
    if (adds_only_) return ids;
    for (auto id : before_) {
        const Contact& contact = contacts_.at(id);
        if (contact.connected && !contact.archived && !contact.linkedin_url.empty() && !matched_.contains(id))
            ids.push_back(id);
    }
    return ids;
}

void ContactUpsert::record(Interaction interaction) {
    std::int64_t contact_id = interaction.contact_id;
    if (!interactions_.insert(std::move(interaction), today_)) return;
    ++summary_.interactions_added;
    ++added_with_[contact_id];
}

void ContactUpsert::finish() {
    interactions_.finish();
    for (const auto& [id, count] : added_with_) summary_.interactions_by_person[describe(known(id))] = count;
}

namespace {

// "CTO at Beta", "CTO", "at Beta": a role as it is said.
std::string role_of(const Contact& contact) {
    if (contact.title.empty()) return contact.company.empty() ? std::string("no role") : "at " + contact.company;
    return contact.company.empty() ? contact.title : contact.title + " at " + contact.company;
}

}  // namespace

void ContactUpsert::note_job_change(const Contact& before, const Contact& after) {
    bool company_changed = !before.company.empty() && after.company != before.company;
    bool title_changed = !before.title.empty() && after.title != before.title;
    if (!job_changes_on_ || !(company_changed || title_changed)) return;
    std::string change = fmt::format("{} → {}", role_of(before), role_of(after));
    Interaction job{.contact_id = after.id, .on = *job_changes_on_, .kind = "job-change", .direction = Direction::in};
    job.summary = "job change: " + change;
    // Said to them by `draft congrats`: the new role, never the old one.
    job.topic = "your new role as " + role_of(after);
    if (after.title.empty()) job.topic = "your move to " + after.company;
    job.by_rolo = true;
    job.import_key = stable_hash("job-change\n" + change);
    int added_before = summary_.interactions_added;
    record(std::move(job));
    if (summary_.interactions_added == added_before) return;
    ++summary_.job_changes;
    summary_.changed_jobs.push_back(fmt::format("{}: {}", describe(after), change));
}

bool ContactUpsert::new_extra(std::int64_t id, const ImportRow& row) const {
    if (!row.card_extra) return false;
    auto found = extras_.find(id);
    return *row.card_extra != (found == extras_.end() ? std::string() : found->second);
}

void ContactUpsert::keep_extra(std::int64_t id, const ImportRow& row) {
    if (!new_extra(id, row)) return;
    card_keeper_.set_lines(id, *row.card_extra);
    extras_[id] = *row.card_extra;
}

std::optional<std::int64_t> ContactUpsert::own_export_match(const ImportRow& row) const {
    if (auto found = by_uid_.find(row.uid); !row.uid.empty() && found != by_uid_.end()) return found->second;
    if (!row.id || !row.change.name) return std::nullopt;
    auto found = contacts_.find(*row.id);
    if (found == contacts_.end() || fold(found->second.name) != fold(trim(*row.change.name))) return std::nullopt;
    return found->first;
}

std::optional<std::int64_t> ContactUpsert::upsert(ImportRow& row, std::string_view source) {
    if (!row.error.empty()) throw Error(row.error);
    ContactChange& change = row.change;
    std::string key = change.linkedin_url ? linkedin_key(*change.linkedin_url) : std::string();
    std::string email = change.email ? email_key(*change.email) : std::string();
    if (change.linkedin_url && key.find("linkedin.com/") == std::string::npos)
        throw Error(fmt::format("'{}' is not a LinkedIn profile URL", *change.linkedin_url));
    std::optional<std::int64_t> match = by_linkedin_.find(key);
    std::optional<std::int64_t> email_match = by_email_.find(email);
    // A row must not hand one person's address to another, as `rolo edit` would not
    // without --force; people who already share an address (added with --force) may keep it.
    if (match && email_match && *match != *email_match && email_key(known(*match).email) != email)
        throw Error(fmt::format("the LinkedIn URL is {}'s but the email {} is {}'s", describe(known(*match)),
                                *change.email, describe(known(*email_match))));
    if (!match) match = email_match;
    if (!match) match = own_export_match(row);
    if (!match && key.empty() && email.empty() && change.name)
        match = by_name_phone_.find(name_phone_key(*change.name, change.phone.value_or("")));
    if (!options_.tag.empty()) change.add_tags.push_back(options_.tag);
    // A card's address says where someone lives, which a location set by hand may say better.
    if (!row.location.empty() && !change.location && (!match || known(*match).location.empty()))
        change.location = row.location;
    if (!match) {
        if (!change.name) throw Error("no name");
        if (purged(key, email)) {
            ++summary_.purged;
            return std::nullopt;
        }
        // Only what the file says: unlike `rolo add`, no "connected today", or an
        // address book of hundreds would all come due for a hello at once.
        Contact added = sourced_update(Contact{}, std::move(change), source_, stamp_);
        // A row of rolo's own CSV keeps its id where that is free, so that
        // an export imported into an empty database exports the same bytes.
        if (row.id && !contacts_.contains(*row.id) && !added_earlier_.find(*row.id)) added.id = *row.id;
        // The first few are named; a file of thousands would bury the rest.
        constexpr int named = 10;
        if (auto same = by_name_.find(fold(trim_view(added.name))); same && ++summary_.same_names <= named)
            summary_.warnings.push_back(
                fmt::format("{}:{}: {} has the same name as {}", source, row.line, added.name, describe(known(*same))));
        writer_.insert(added, today_);
        keep_extra(added.id, row);
        // A card's UID stays its person's, for the export and the next import to name.
        if (!row.uid.empty() && by_uid_.emplace(row.uid, added.id).second) card_keeper_.set_uid(added.id, row.uid);
        remember(added, key, email);
        matched_.insert(added.id);
        ++summary_.added;
        summary_.added_names.push_back(describe(added));
        return added.id;
    }
    matched_.insert(*match);
    Contact& existing = known(*match);
    if (adds_only_) {
        ++summary_.unchanged;
        return existing.id;
    }
    // The same profile or address spelled another way is not a change.
    if (change.linkedin_url && key == linkedin_key(existing.linkedin_url)) change.linkedin_url.reset();
    if (change.email && email == email_key(existing.email)) change.email.reset();
    // Only what this source changed since it last said it: a value the user set since stays.
    Contact updated = sourced_update(existing, change, source_, stamp_);
    if (same_fields(existing, updated) && !new_extra(existing.id, row)) {
        // What the source says now is remembered, even when it changes nothing.
        if (updated.sources != existing.sources) {
            writer_.set_sources(existing.id, updated.sources);
            existing.sources = std::move(updated.sources);
        }
        ++summary_.unchanged;
        return existing.id;
    }
    note_job_change(existing, updated);
    writer_.update(updated, today_);
    keep_extra(existing.id, row);
    existing = std::move(updated);
    remember(existing, change.linkedin_url ? key : std::string(), change.email ? email : std::string());
    ++summary_.updated;
    return existing.id;
}

void ContactUpsert::upsert_all(ImportReader& rows, const std::string& source) {
    ImportRow row;
    while (rows.next(row)) guarded_row(options_, summary_, source, row.line, [&] { upsert(row, source); });
}

void track_linkedin_export(Store& store, ContactUpsert& upsert, ImportSummary& summary, Date exported_on) {
    SQLite::Statement newest(store.db(), "SELECT value FROM import_marks WHERE name = 'linkedin-export'");
    std::optional<Date> seen = newest.executeStep() ? parse_iso_date(newest.getColumn(0).getString()) : std::nullopt;
    upsert.track_connections(exported_on, seen && exported_on < *seen);
    summary.earlier_export = seen.has_value();
    if (seen && exported_on <= *seen) return;
    SQLite::Statement mark(store.db(), "INSERT OR REPLACE INTO import_marks (name, value) VALUES ('linkedin-export', ?)");
    mark.bind(1, format_date(exported_on));
    mark.exec();
}

void report_gone(ContactUpsert& upsert, ImportSummary& summary) {
    for (auto id : upsert.unmatched_connections()) summary.gone.push_back(describe(upsert.known(id)));
}

ImportSummary import_contacts(Store& store, ImportReader& rows, const ImportOptions& options, Date today) {
    ImportSummary summary;
    auto transaction = store.bulk_transaction();
    ContactUpsert upsert(store, options, summary, today, import_source(rows.format()));
    if (rows.format() == ImportFormat::linkedin) track_linkedin_export(store, upsert, summary, today);
    upsert.upsert_all(rows, options.source);
    if (rows.format() == ImportFormat::linkedin) report_gone(upsert, summary);
    upsert.finish();
    if (!options.dry_run) transaction.commit();
    return summary;
}

}  // namespace rolo
