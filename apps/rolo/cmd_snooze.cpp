// rolo snooze: hide a person from `due` for a while. Usage: rolo-snooze(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/provenance.hpp"
#include "rolo/who.hpp"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct SnoozeOptions {
    std::string who;
    std::optional<std::string> until;
    bool clear = false;
};

void run_snooze(Context& context, const SnoozeOptions& options) {
    Date today = context.today();
    std::optional<Date> until;
    if (!options.clear) {
        until = parse_date(*options.until, today);
        if (*until <= today) throw Error(fmt::format("snooze until {}: that is not after today", format_date(*until)));
    }
    Store store = context.store();
    auto transaction = store.transaction();
    Contact contact = get_contact(store, resolve_who(store, options.who));
    const Contact before = contact;
    contact.snoozed_until = until;
    record_changes(before, contact, Source::user, timestamp(today));
    update_contact(store, contact, today);
    transaction.commit();
    context.report(contact.id, until ? fmt::format("snoozed {} until {}", describe(contact), format_date(*until))
                                     : describe(contact) + " is no longer snoozed");
}

}  // namespace

void register_snooze(CLI::App& app, Context& context) {
    auto options = std::make_shared<SnoozeOptions>();
    auto* command = app.add_subcommand("snooze", "Hide a person from `rolo due` until a date");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    auto* until = command->add_option("UNTIL", options->until, "A date, or a duration from today like 2w");
    auto* clear = command->add_flag("--clear", options->clear, "Show them in `rolo due` again");
    until->excludes(clear);
    command->callback([&context, options] {
        if (!options->until && !options->clear) throw CLI::RequiredError("UNTIL or --clear");
        run_snooze(context, *options);
    });
}

}  // namespace rolo::app
