// rolo unlink: forget that two people know each other. Usage: rolo-unlink(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/knows.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct UnlinkOptions {
    std::string first, second;
};

void run_unlink(Context& context, const UnlinkOptions& options) {
    Store store = context.store();
    auto transaction = store.transaction();
    Contact a = get_contact(store, resolve_who(store, options.first));
    Contact b = get_contact(store, resolve_who(store, options.second));
    if (!unlink(store, a.id, b.id)) throw Error(fmt::format("{} and {} are not linked", describe(a), describe(b)));
    transaction.commit();
    if (!context.quiet) std::cout << fmt::format("unlinked {} and {}\n", describe(a), describe(b));
}

}  // namespace

void register_unlink(CLI::App& app, Context& context) {
    auto options = std::make_shared<UnlinkOptions>();
    auto* command = app.add_subcommand("unlink", "Forget that two people know each other");
    command->add_option("WHO", options->first, "One person")->required();
    command->add_option("OTHER", options->second, "The other person")->required();
    command->callback([&context, options] { run_unlink(context, *options); });
}

}  // namespace rolo::app
