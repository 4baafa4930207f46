// rolo dupes: pairs of people who are likely one person, with the evidence,
// strongest first. Usage: rolo-dupes(1).
#include "common.hpp"

#include "rolo/dupes.hpp"
#include "rolo/text.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

void run_dupes(Context& context) {
    std::vector<DuplicatePair> pairs;
    if (auto store = context.open_existing_store()) pairs = find_duplicates(*store);
    Table table;
    table.columns = {"id", "name", "other_id", "other_name", "evidence", "merge"};
    for (const auto& pair : pairs)
        table.add_row({pair.first.id, pair.first.name, pair.second.id, pair.second.name, join(pair.evidence, "; "),
                       fmt::format("rolo merge {} {}", pair.first.id, pair.second.id)},
                      pair.strength >= 4 ? Style::warn : Style::plain);
    context.print(table);
}

}  // namespace

void register_dupes(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("dupes", "List people who are likely the same person, strongest evidence first");
    command->callback([&context] { run_dupes(context); });
}

}  // namespace rolo::app
