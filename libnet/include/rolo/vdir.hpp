#pragma once
// `rolo sync DIR`: two-way between the database and a vdir, the folder of
// one .vcf per contact that vdirsyncer, khard and mutt share (vdirsyncer's
// docs/vdir.rst). Files are written under a temporary name and renamed,
// keep their names when changed, and new ones are named after the UID when
// it is a safe file name. Per file the database keeps its stat and its text
// as last synced, so an unchanged vdir is not even read, and so that
// changes on both sides merge property by property (the newer REV wins a
// conflict). A sync cut short (kill -9) leaves files the next one
// recognises by their content and UID.
#include "rolo/date.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rolo {

class Store;

struct SyncReport {
    int written = 0;   // cards written, new or changed
    int removed = 0;   // cards removed: their person was archived or purged
    int added = 0;     // people added from new cards
    int updated = 0;   // people changed from cards
    int archived = 0;  // people archived: their card was deleted
    std::vector<std::string> conflicts;  // one per property both sides changed
    std::vector<std::string> problems;   // files left alone, and why
};

// `version`: "3.0" or "4.0", for the cards rolo writes. Throws Error when
// the directory cannot be read or a file cannot be written; the database
// is then left as it was.
SyncReport sync_vdir(Store& store, const std::filesystem::path& dir, std::string_view version, Date today);

// Gives every person without a UID a new one (a random UUID); returns each
// person's UID by id.
std::unordered_map<std::int64_t, std::string> assign_uids(Store& store);

// The people who have a UID, by UID.
std::unordered_map<std::string, std::int64_t> ids_by_uid(Store& store);

}  // namespace rolo
