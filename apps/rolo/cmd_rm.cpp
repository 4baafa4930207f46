// rolo rm: archive a person, or delete them with their history. Usage: rolo-rm(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/who.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct RmOptions {
    std::string who;
    bool purge = false;
    bool yes = false;
};

// On a terminal, a purge is asked about first: it cannot be undone.
void confirm_purge(const Contact& contact) {
    auto answer = ask(fmt::format("Delete {} with all their interactions, links and intros? [y/N] ", describe(contact)));
    if (answer && *answer != "y" && *answer != "yes") throw Error(fmt::format("{} kept; nothing deleted", describe(contact)));
}

void run_rm(Context& context, const RmOptions& options) {
    Date today = context.today();
    Store store = context.store();
    std::int64_t id = resolve_who(store, options.who);
    if (options.purge && !options.yes) confirm_purge(get_contact(store, id));
    auto transaction = store.transaction();
    Contact contact = get_contact(store, id);
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
    command->add_flag("-y,--yes", options->yes, "With --purge: do not ask first on a terminal");
    command->callback([&context, options] { run_rm(context, *options); });
}

}  // namespace rolo::app
