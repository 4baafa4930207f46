// rolo rm WHO [--purge]: archive a person, or delete them with their history.
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/who.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct RmOptions {
    std::string who;
    bool purge = false;
};

void run_rm(Context& context, const RmOptions& options) {
    Date today = context.today();
    Store store = context.store();
    auto transaction = store.transaction();
    Contact contact = get_contact(store, resolve_who(store, options.who));
    if (options.purge)
        purge_contact(store, contact.id);
    else
        set_archived(store, contact.id, true, today);
    transaction.commit();
    context.report(contact.id, fmt::format("{} {}", options.purge ? "purged" : "archived", describe(contact)));
}

}  // namespace

void register_rm(CLI::App& app, Context& context) {
    auto options = std::make_shared<RmOptions>();
    auto* command = app.add_subcommand("rm", "Archive a person (kept, hidden); --purge deletes them and their history");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    command->add_flag("--purge", options->purge, "Delete the person with all interactions, links and intros");
    command->callback([&context, options] { run_rm(context, *options); });
}

}  // namespace rolo::app
