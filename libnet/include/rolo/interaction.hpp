#pragma once
// One touch with a person (a call, a coffee, a message...) and the SQL for the
// interactions table.
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

class Store;

enum class Direction { out, in };

struct Interaction {
    std::int64_t id = 0;
    std::int64_t contact_id = 0;
    Date on{};
    std::string kind = "note";
    Direction direction = Direction::out;
    std::string summary = {};
    std::optional<Date> next_on = {};  // a follow-up you owe
    // Said to them in drafts ("your COO search"); the summary never is.
    std::string topic = {};
    bool by_rolo = false;  // logged by rolo itself (intro bookkeeping, a sent draft): never a conversation
    std::string created_at = {};
    std::string contact_name = {};  // filled by queries that list interactions
};

// meeting coffee call email message event note invite accepted intro
const std::vector<std::string_view>& interaction_kinds();

// Throws Error listing the valid kinds.
void check_interaction_kind(std::string_view kind);

std::string_view to_string(Direction direction);

// Records the interaction and what its kind means for the contact:
// `accepted` marks them connected as of that day. Returns the new id.
std::int64_t log_interaction(Store& store, Interaction& interaction, Date today);

struct HistoryFilter {
    std::optional<std::int64_t> contact_id = {};
    std::optional<Date> since = {};
    std::optional<std::string> kind = {};
    std::optional<int> limit = {};
    // Only those whose summary or topic matches, as `rolo search` reads a query.
    std::optional<std::string> grep = {};
};

// Newest first (by date, then by id).
std::vector<Interaction> list_interactions(Store& store, const HistoryFilter& filter);

}  // namespace rolo
