#pragma once
// LinkedIn's "Download your data" export, as the zip LinkedIn sends
// (Basic_LinkedInDataExport_MM-DD-YYYY.zip, or Complete_...) or unzipped in
// a folder. rolo reads four of its files: Profile.csv (who you are),
// Connections.csv (people), Invitations.csv and messages.csv (interactions).
#include "rolo/date.hpp"
#include "rolo/import.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace rolo {

class Store;

struct ArchiveFile {
    std::string name;  // as inside the archive, for messages ("messages.csv:9: ...")
    std::string text;
};

struct LinkedInArchive {
    std::optional<Date> exported_on;  // from the archive's name, when it has one
    std::optional<ArchiveFile> profile, connections, invitations, messages;
    // When set, messages.text is still to be read, by this: messages.csv is
    // most of an archive, and the import inflates it on a thread of its own
    // while it imports the people. An error reading it is thrown then.
    std::function<std::string()> read_messages;
};

// Starts like a zip file ("PK\3\4", or an empty zip's "PK\5\6").
bool looks_like_zip(std::string_view bytes);

// Reads the known files of a zip held in memory; `source` names it in errors
// and its name may carry the export's date. Error for bytes that are not a
// zip, a truncated or encrypted one, or one holding none of the four files.
LinkedInArchive read_linkedin_zip(std::string_view bytes, const std::string& source);

// The same for an unzipped archive; Error for a folder holding none of them.
LinkedInArchive read_linkedin_folder(const std::filesystem::path& folder);

// Imports the whole archive in one transaction: Profile, Connections (as a
// Connections.csv import: job changes, gone and new connections), then
// Invitations and messages as interactions with known people, each keyed
// so a re-import, or an older export after a newer one, adds nothing. A bad
// row is an Error "FILE:LINE: ..." naming the file inside the archive, and
// nothing is written, unless skip_bad.
ImportSummary import_linkedin_archive(Store& store, const LinkedInArchive& archive, const ImportOptions& options,
                                      Date today);

}  // namespace rolo
