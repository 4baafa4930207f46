// rolo add NAME [options]: record a person.
#include "common.hpp"
#include "contact_options.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct AddOptions {
    std::string name;
    ContactOptions contact;
    bool force = false;
};

void run_add(Context& context, const AddOptions& options) {
    Date today = context.today();
    Contact contact;
    contact.name = options.name;
    apply(contact, to_change(options.contact, today));
    // A connection you record is new today unless you say when you met.
    if (contact.connected) contact.connected_on = contact.met_on.value_or(today);

    Store store = context.open_store();
    auto transaction = store.transaction();
    if (!options.force) refuse_duplicate(store, contact);
    auto links = plan_links(store, options.contact);
    insert_contact(store, contact, today);
    warn_same_name(store, contact);
    add_links(store, contact.id, links, today);
    transaction.commit();

    context.report(contact.id, "added " + describe(contact));
}

}  // namespace

void register_add(CLI::App& app, Context& context) {
    auto options = std::make_shared<AddOptions>();
    auto* command = app.add_subcommand("add", "Record a person: where you met, tags, interests, cadence");
    command->add_option("NAME", options->name, "Full name")->required();
    add_contact_options(*command, options->contact);
    command->add_flag("--force", options->force, "Add even if the email or LinkedIn URL is already known");
    command->callback([&context, options] { run_add(context, *options); });
}

}  // namespace rolo::app
