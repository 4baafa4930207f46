// rolo link: record that two people know each other. Usage: rolo-link(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/knows.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct LinkOptions {
    std::string first, second;
    int strength = default_strength;
    std::string context;
};

void run_link(Context& context, const LinkOptions& options) {
    Date today = context.today();
    Store store = context.store();
    auto transaction = store.transaction();
    Contact a = get_contact(store, resolve_who(store, options.first));
    Contact b = get_contact(store, resolve_who(store, options.second));
    link(store, {a.id, b.id, options.strength, options.context, today});
    transaction.commit();
    if (!context.quiet)
        std::cout << fmt::format("linked {} and {} (strength {})\n", describe(a), describe(b), options.strength);
}

}  // namespace

void register_link(CLI::App& app, Context& context) {
    auto options = std::make_shared<LinkOptions>();
    auto* command = app.add_subcommand("link", "Record that two people know each other (for warm introductions)");
    command->add_option("WHO", options->first, "One person")->required();
    command->add_option("OTHER", options->second, "The other person")->required();
    command->add_option("--strength", options->strength, "How well they know each other, 1 (barely) to 5 (close)")
        ->check(CLI::Range(1, 5));
    command->add_option("--context", options->context, "How they know each other, e.g. \"worked together at Acme\"");
    command->callback([&context, options] { run_link(context, *options); });
}

}  // namespace rolo::app
