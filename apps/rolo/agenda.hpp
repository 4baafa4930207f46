#pragma once
// What `rolo` alone shows: today's agenda, as taskwarrior runs its default
// report. Shared with `due`, which says the same when nobody is due.
#include "common.hpp"

#include "rolo/due.hpp"

#include <string>
#include <vector>

namespace rolo::app {

// The listing `rolo due` prints (cmd_due.cpp).
Table due_table(const std::vector<DueItem>& items);

// What an empty `due` says to a person: "Nobody is due. Next: Sofia in 2 days."
// (cmd_due.cpp); `store` is null when there is no database yet.
std::string nobody_due(Store* store, const DueQuery& query, const Config& config);

// Who is due today and the open intros, each under a heading.
void show_agenda(Context& context);

}  // namespace rolo::app
