#pragma once
// Importing people: LinkedIn's Connections.csv, CSV whose header names rolo's
// fields, vCard 3/4, and Google Contacts' and Outlook's CSV exports. Each row becomes a ContactChange holding only what
// the file gives, so an update never blanks out a field the file leaves
// empty. The whole import is one transaction.
#include "rolo/contact.hpp"
#include "rolo/provenance.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

class Store;

enum class ImportFormat { linkedin, csv, vcard, json, google, outlook, linkedin_archive };

// Where the rows of a format come from, as each field remembers it.
Source import_source(ImportFormat format);

// linkedin, linkedin-archive, csv, vcard, json, google or outlook; throws Error otherwise.
ImportFormat parse_import_format(std::string_view name);

// A JSON object or list, a vCard, Google's or Outlook's header, LinkedIn's header
// (after any "Notes:" preamble), else generic CSV.
ImportFormat detect_import_format(std::string_view text);

// UTF-16 text (Google's older export) as UTF-8: text starting with a UTF-16
// byte order mark, or whose first characters are ASCII spelled in UTF-16.
// nullopt for anything else; Error "SOURCE: ..." for broken UTF-16.
std::optional<std::string> utf8_from_utf16(std::string_view bytes, const std::string& source);

struct ImportRow {
    int line = 0;
    ContactChange change;
    std::string error;  // what is wrong with the row, if anything
    // Who rolo's own exports say the row is: a vCard's UID, and the CSV's id,
    // which matches only a person of the same name (ids are per database).
    std::string uid;
    std::optional<std::int64_t> id;
    // A vCard's: where its ADR says they are, given only to someone with no
    // location; and the lines rolo does not model (card.hpp's kept_lines, as
    // lines_text), which replace the person's, so that a card imported again
    // adds none twice.
    std::string location;
    std::optional<std::string> card_extra;
};

// Reads the rows of one file, one at a time, so that an import of any size
// never holds them all.
class ImportReader {
public:
    // Reads the header now: throws Error "FILE:LINE: ..." for a file that
    // cannot be read at all (no header, a vCard never ended). `text` must
    // outlive the reader.
    ImportReader(std::string_view text, ImportFormat format, std::string source, Date today);

    // "FILE: unknown columns ignored: x, y"
    const std::vector<std::string>& warnings() const { return warnings_; }
    ImportFormat format() const { return format_; }

    // Reads the next row into `row`, which a caller reuses from row to row;
    // false at the end. A problem of one row stays in the row; the rest of the file
    // unreadable (a quote never closed) is an Error "FILE:LINE: ...".
    bool next(ImportRow& row);

private:
    std::string source_;
    ImportFormat format_;
    std::vector<std::string> warnings_;
    std::function<bool(ImportRow&)> next_;
};

struct ImportOptions {
    std::string source = {};  // the file name, for messages
    bool skip_bad = false;    // report bad rows and import the rest
    bool dry_run = false;     // count, write nothing
    std::string tag = {};     // add this tag to everyone imported; each row checks it (checked_tag)
    bool include_purged = false;  // bring back people removed with `rm --purge`
    std::string me = {};          // your name ([me] name), when an archive has no Profile.csv
    // Told now and then how far a long import is: the file, rows read, rows in all (0: unknown).
    std::function<void(std::string_view, long, long)> progress = {};
};

struct ImportSummary {
    int added = 0, updated = 0, unchanged = 0, skipped = 0;
    int purged = 0;       // rows of people removed with `rm --purge`, left out
    int job_changes = 0;  // job-change interactions recorded
    int messages = 0;     // messages read (LinkedIn archive)
    int interactions_added = 0;
    std::vector<std::string> problems;  // "FILE:LINE: what is wrong", for skipped rows
    int same_names = 0;                 // people added with the name of someone known
    std::vector<std::string> warnings;  // "FILE:LINE: X has the same name as #3 X", for the first few
    std::vector<std::string> added_names;   // describe() of each person added
    std::vector<std::string> changed_jobs;  // "#3 Jane Doe (Beta): Engineer at Acme → CTO at Beta"
    std::vector<std::string> gone;          // LinkedIn connections missing from the export (kept)
    bool earlier_export = false;  // a LinkedIn export was read before: those added are new connections
    std::map<std::string, int> interactions_by_person;  // describe() -> interactions added
    std::map<std::string, int> not_imported;            // why rows made nothing ("drafts") -> how many
};

// Upserts every row: a contact with the same LinkedIn URL (normalised), else
// the same email (case-insensitive), is updated; otherwise one is added;
// someone removed with `rm --purge` is left out unless include_purged. A
// bad row aborts the import with Error "FILE:LINE: ..." and nothing written,
// unless skip_bad. LinkedIn's Connections.csv also records job changes of
// known people and reports connections missing from it.
ImportSummary import_contacts(Store& store, ImportReader& rows, const ImportOptions& options, Date today);

// Whether JSON text is a whole export (an object, which restore_json reads)
// rather than a list of people (read as rows, like any import).
bool is_restore_document(std::string_view text);

// Restores a `rolo export --format json` document into an empty database:
// contacts keep their ids and stamps, then interactions, links and intros,
// so exporting again gives the same document. One transaction; a malformed
// document is an Error naming the file and the entry.
struct RestoreSummary {
    int contacts = 0, interactions = 0, knows = 0, intros = 0;
};
RestoreSummary restore_json(Store& store, std::string_view text, const std::string& source, Date today,
                            bool dry_run);

// "24 Nov 2026" (LinkedIn's Connected On) or YYYY-MM-DD.
std::optional<Date> parse_connected_on(std::string_view text);

}  // namespace rolo
