#pragma once
// Introductions: ones you asked a broker for, and ones you made between two
// people. The SQL for the intros table.
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rolo {

class Store;

struct Intro {
    std::int64_t id = 0;
    std::string kind;  // "asked": broker -> you -> target; "made": you introduced broker (from) to target (to)
    std::int64_t broker_id = 0;
    std::string broker_name;
    std::int64_t target_id = 0;
    std::string target_name;
    Date asked_on{};
    std::optional<Date> followed_up_on;
    std::string status = "open";  // open done declined silent
    std::string reason;
    std::string note;
};

// An outgoing `intro` interaction with a broker after you asked them is the
// one follow-up: it marks their open, not yet followed-up requests.
void mark_followed_up(Store& store, std::int64_t broker_id, Date on);

// Intros in which the contact is the broker or the target, open ones first, newest first.
std::vector<Intro> intros_involving(Store& store, std::int64_t contact_id);

}  // namespace rolo
