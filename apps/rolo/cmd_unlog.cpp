// rolo unlog: remove an interaction and revert what logging it changed. Usage: rolo-unlog(1).
#include "common.hpp"

#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/text.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct UnlogOptions {
    std::int64_t id = 0;
    bool last = false;
    bool yes = false;
};

void run_unlog(Context& context, const UnlogOptions& options) {
    Date today = context.today();
    Store store = context.existing_store();
    std::int64_t id = options.last ? last_logged_interaction(store) : options.id;
    auto rows = interaction_group(store, id);
    std::vector<std::string> people;
    for (const auto& row : rows) people.push_back(fmt::format("#{} {}", row.contact_id, row.contact_name));
    const Interaction& first = rows.front();
    std::string what = fmt::format("interaction #{} ({} with {} on {}: {})", first.id, first.kind, join(people, ", "),
                                   format_date(first.on), first.summary);
    if (!confirm(fmt::format("Remove {}?", what), options.yes)) throw Error("nothing removed");
    auto transaction = store.transaction();
    auto reverted = unlog_interaction(store, id, today);
    transaction.commit();
    if (context.quiet) {
        for (const auto& row : rows) std::cout << row.id << '\n';
        return;
    }
    std::cout << "removed " << what << '\n';
    for (const auto& line : reverted) std::cout << "reverted: " << line << '\n';
}

}  // namespace

void register_unlog(CLI::App& app, Context& context) {
    auto options = std::make_shared<UnlogOptions>();
    auto* command = app.add_subcommand("unlog", "Remove an interaction and undo what logging it changed");
    auto* id = command->add_option("ID", options->id, "The interaction's id, as `rolo history` shows it")
                   ->check(CLI::PositiveNumber);
    auto* last = command->add_flag("--last", options->last, "The interaction you logged last (imports aside)");
    id->excludes(last);
    command->callback([&context, options, id, last] {
        if (!*id && !*last) throw CLI::RequiredError("ID or --last");
        run_unlog(context, *options);
    });
    command->add_flag("-y,--yes", options->yes, "Do not ask (needed when stdin is not a terminal)");
}

}  // namespace rolo::app
