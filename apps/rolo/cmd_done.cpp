// rolo done: mark a next step done without logging an interaction. Usage: rolo-done(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/interaction.hpp"
#include "rolo/who.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct DoneOptions {
    std::string who;
    std::optional<std::int64_t> todo_id;
};

void run_done(Context& context, const DoneOptions& options) {
    Store store = context.existing_store();
    auto transaction = store.transaction();
    Contact contact = get_contact(store, resolve_who(store, options.who));
    NextStep step = finish_next_step(store, contact.id, options.todo_id, context.today());
    transaction.commit();
    context.report(step.interaction_id, fmt::format("done: {} ({})", describe(step), describe(contact)));
}

}  // namespace

void register_done(CLI::App& app, Context& context) {
    auto options = std::make_shared<DoneOptions>();
    auto* command = app.add_subcommand("done", "Mark a next step or todo done, without logging an interaction");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    command->add_option("--todo-id", options->todo_id, "Which one, when they have several (the id `due` and `show` give)")
        ->check(CLI::PositiveNumber);
    command->callback([&context, options] { run_done(context, *options); });
}

}  // namespace rolo::app
