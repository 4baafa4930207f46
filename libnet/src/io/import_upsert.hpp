#pragma once
// The one place imported people are written: a row is matched to someone
// known (LinkedIn URL, else email, else name and phone), then added or
// updated with what the row gives. Every importer goes through it, inside
// the caller's transaction.
#include "key_index.hpp"
#include "rolo/card.hpp"
#include "rolo/contact.hpp"
#include "rolo/import.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/provenance.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

namespace rolo {

// Runs `write` for the row at `line` of `source`; its Error aborts the
// import as "SOURCE:LINE: ...", or with skip_bad is counted and reported.
template <typename Write>
void guarded_row(const ImportOptions& options, ImportSummary& summary, std::string_view source, int line,
                 Write&& write) {
    try {
        write();
    } catch (const Error& e) {
        std::string problem = fmt::format("{}:{}: {}", source, line, e.what());
        if (!options.skip_bad) throw Error(problem);
        summary.problems.push_back(std::move(problem));
        ++summary.skipped;
    }
}

class ContactUpsert {
public:
    // `source`: where the rows come from, which each field it sets remembers (provenance.hpp).
    ContactUpsert(Store& store, const ImportOptions& options, ImportSummary& summary, Date today, Source source);

    // For LinkedIn's connections: a known person's changed company or
    // position is a job change, recorded as of `on`. With `adds_only` (an
    // export older than one read before) known people are left as they are.
    void track_connections(Date on, bool adds_only);

    // Writes one row and counts it; a problem of the row is an Error, thrown
    // before anything of it is written. The id of the person it matched or
    // added; nullopt for someone removed with `rm --purge`, left out.
    std::optional<std::int64_t> upsert(ImportRow& row, std::string_view source);

    // Runs every row through upsert; a bad row aborts with "SOURCE:LINE: ...",
    // or with skip_bad is counted and reported.
    void upsert_all(ImportReader& rows, const std::string& source);

    std::optional<std::int64_t> find_linkedin(std::string_view url) const;
    // The one person of that name (case and accents aside); nullopt for none or several.
    std::optional<std::int64_t> find_name(std::string_view name) const;
    Contact& known(std::int64_t id);

    // Connected LinkedIn people known before the import whom no row matched.
    std::vector<std::int64_t> unmatched_connections();

    // Records an imported interaction unless the person has it already (its import_key).
    void record(Interaction interaction);
    // The import may record up to about `rows` (see InteractionImporter::expect).
    void expect_interactions(std::int64_t rows) { interactions_.expect(rows); }

    // Indexes the interactions added for search, and names the people they
    // were added with in the summary.
    void finish();

private:
    void remember(const Contact& contact, std::string_view linkedin, std::string_view email);
    bool purged(std::string_view linkedin, std::string_view email) const;
    void note_job_change(const Contact& before, const Contact& after);
    // Whether the row's card_extra differs from what the person keeps.
    bool new_extra(std::int64_t id, const ImportRow& row) const;
    void keep_extra(std::int64_t id, const ImportRow& row);
    // The person a row of rolo's own export names: by UID, or by id and the
    // same name (ids are per database).
    std::optional<std::int64_t> own_export_match(const ImportRow& row) const;

    Store& store_;
    const ImportOptions& options_;
    ImportSummary& summary_;
    Date today_;
    Source source_;
    std::string stamp_;  // when the rows' fields were set
    ContactWriter writer_;
    CardKeeper card_keeper_;
    ContactReader added_earlier_;
    InteractionImporter interactions_;
    // Everyone there before the import, by id; people it adds are read back
    // only when a later row matches them.
    std::unordered_map<std::int64_t, Contact> contacts_;
    std::vector<std::int64_t> before_;
    std::unordered_set<std::int64_t> matched_;
    std::unordered_map<std::int64_t, int> added_with_;  // interactions added, by person
    KeyIndex by_linkedin_, by_email_, by_name_phone_, by_name_;
    std::unordered_map<std::string, std::int64_t> by_uid_;  // people with a UID: there before, or added with a card's
    std::unordered_map<std::int64_t, std::string> extras_;  // kept card lines, by person
    std::unordered_set<std::string> shared_names_;
    std::unordered_set<std::int64_t> purge_marks_;
    std::optional<Date> job_changes_on_;
    bool adds_only_ = false;
};

// Connections from a LinkedIn export of `exported_on`: job changes are dated
// then, and an export older than one read before only adds people. The
// newest export's date is kept in the database.
void track_linkedin_export(Store& store, ContactUpsert& upsert, ImportSummary& summary, Date exported_on);

// After a LinkedIn export's connections: who is missing from it (kept).
void report_gone(ContactUpsert& upsert, ImportSummary& summary);

}  // namespace rolo
