#pragma once
// `rolo stats`: how the network stands, in counts, and how it is kept up,
// month by month, tag by tag and kind by kind.
#include "rolo/config.hpp"
#include "rolo/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rolo {

class Store;

// "People" are the active (not archived) contacts.
struct NetworkStats {
    int people = 0;
    int connected = 0;        // people you are connected to
    int archived = 0;
    int never_contacted = 0;  // people with no interaction logged
    int interactions = 0;
    int past_30_days = 0;     // interactions in the 30 days up to today
    std::optional<Date> last_on;
    int links = 0;            // knows edges
    int intros_open = 0;
    int due_now = 0;          // as `rolo due` lists them today
};

NetworkStats network_stats(Store& store, Date today, const Config& config);

// Interactions in one month ("2026-11"), of one kind, or with the people of
// one tag; and people: those the interactions were with, or for a tag, those
// who carry it.
struct Activity {
    std::string key;
    int interactions = 0;
    int people = 0;
};

// The `months` calendar months up to today's, oldest first, empty ones included.
std::vector<Activity> activity_by_month(Store& store, Date today, int months);

// Every kind logged, most used first.
std::vector<Activity> activity_by_kind(Store& store);

// Every tag of an active person, with how many carry it (most first) and
// how many interactions were logged with them.
std::vector<Activity> activity_by_tag(Store& store);

}  // namespace rolo
