// rolo edit WHO [options]: change what rolo knows about a person.
#include "common.hpp"
#include "contact_options.hpp"

#include "rolo/who.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct EditOptions {
    std::string who;
    std::optional<std::string> name;
    ContactOptions contact;
    std::vector<std::string> untags;
    bool connected = false;
    bool restore = false;
    bool force = false;
};

void run_edit(Context& context, const EditOptions& options) {
    Date today = context.today();
    ContactChange change = to_change(options.contact, today);
    change.name = options.name;
    change.remove_tags = options.untags;

    Store store = context.store();
    auto transaction = store.transaction();
    Contact contact = get_contact(store, resolve_who(store, options.who));
    bool was_connected = contact.connected;
    apply(contact, change);
    if (options.connected) contact.connected = true;
    if (contact.connected && !was_connected && !contact.connected_on) contact.connected_on = today;
    if (options.restore) contact.archived = false;
    // An existing duplicate made with --force must not block unrelated edits.
    if (!options.force && (change.email || change.linkedin_url)) refuse_duplicate(store, contact);
    update_contact(store, contact, today);
    if (change.name) warn_same_name(store, contact);
    add_links(store, contact.id, plan_links(store, options.contact), today);
    transaction.commit();

    context.report(contact.id, "updated " + describe(contact));
}

}  // namespace

void register_edit(CLI::App& app, Context& context) {
    auto options = std::make_shared<EditOptions>();
    auto* command = app.add_subcommand("edit", "Change what rolo knows about a person");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    command->add_option("--name", options->name, "New full name");
    add_contact_options(*command, options->contact);
    command->add_option("--untag", options->untags, "Remove a tag (repeatable)")->allow_extra_args(false);
    auto* connected = command->add_flag("--connected", options->connected, "Mark as connected (in your network)");
    connected->excludes(command->get_option("--not-connected"));
    command->add_flag("--restore", options->restore, "Bring back an archived contact");
    command->add_flag("--force", options->force, "Allow an email or LinkedIn URL another contact has");
    command->callback([&context, options] { run_edit(context, *options); });
}

}  // namespace rolo::app
