// rolo add: record a person. Usage: rolo-add(1).
#include "common.hpp"
#include "contact_options.hpp"

#include "rolo/provenance.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct AddOptions {
    std::string name;
    ContactOptions contact;
    bool force = false;
    bool connected = false;
};

// Someone you met within the connect window (--met-on, else today with --met
// alone) is not connected yet unless you say so; anyone else you record is.
bool just_met(const Contact& contact, const AddOptions& options, Date today, const Config& config) {
    if (!options.contact.met && !contact.met_on) return false;
    return days_between(contact.met_on.value_or(today), today) < config.connect_window_days;
}

std::string connection_note(const Contact& contact, bool met_recently) {
    if (contact.connected) return "connected since " + format_date(*contact.connected_on);
    if (!met_recently) return "not connected";
    return fmt::format("not connected yet (met recently; --connected if you are): rolo draft connect {}", contact.id);
}

void run_add(Context& context, const AddOptions& options) {
    Date today = context.today();
    Contact contact;
    contact.name = options.name;
    apply(contact, to_change(options.contact, today));
    bool met_recently = just_met(contact, options, today, context.settings());
    if (!options.connected && !options.contact.known_since && met_recently) contact.connected = false;
    // A connection you record is new today unless you say since when, or when you met.
    if (contact.connected && !contact.connected_on) contact.connected_on = contact.met_on.value_or(today);

    Store store = context.store();
    auto transaction = store.transaction();
    if (!options.force) refuse_duplicate(store, contact);
    auto links = plan_links(store, options.contact);
    record_changes(Contact{}, contact, Source::user, timestamp(today));
    insert_contact(store, contact, today);
    warn_same_name(store, contact);
    add_links(store, contact.id, links, today);
    transaction.commit();

    context.report(contact.id,
                   fmt::format("added {}, {}", describe(contact), connection_note(contact, met_recently)));
}

}  // namespace

void register_add(CLI::App& app, Context& context) {
    auto options = std::make_shared<AddOptions>();
    auto* command = app.add_subcommand("add", "Record a person: where you met, tags, interests, cadence");
    command->add_option("NAME", options->name, "Full name")->required();
    add_contact_options(*command, options->contact);
    auto* connected = command->add_flag("--connected", options->connected,
                                        "Already connected, even if you met within the connect window");
    connected->excludes(command->get_option("--not-connected"))->excludes(command->get_option("--via"));
    command->add_flag("--force", options->force, "Add even if the email or LinkedIn URL is already known");
    command->callback([&context, options] { run_add(context, *options); });
}

}  // namespace rolo::app
