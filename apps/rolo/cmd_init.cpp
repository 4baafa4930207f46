// rolo init: create the database and a commented config file. Usage: rolo-init(1).
#include "common.hpp"

#include "rolo/files.hpp"
#include "rolo/paths.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

// Who you are, for the [me] of a new config: as given, else asked on a
// terminal (an empty answer leaves the example line).
Me who_you_are(Me me) {
    auto fill = [](std::string& value, std::string_view question) {
        if (value.empty()) value = ask(question).value_or("");
    };
    fill(me.name, "Your name, to sign drafts (e.g. Ada Lovelace): ");
    fill(me.email, "Your email, for introduction requests: ");
    fill(me.signature, fmt::format("Signature [{}]: ", me.name.empty() ? "your name" : me.name));
    return me;
}

void run_init(Context& context, const Me& given) {
    auto db_path = database_path(context.db);
    Store::open(db_path);
    auto path = config_path(context.config);
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (!exists) {
        if (path.has_parent_path()) create_private_directories(path.parent_path());
        Me me = who_you_are(given);
        StagedFile file(path);
        file.write(default_config_text(me));
        exists = !file.place(false);  // another init wrote it meanwhile
    }
    if (exists && !(given.name + given.email + given.signature).empty())
        warn(fmt::format("{} exists: --name, --email and --signature go in its [me] section by hand", path.string()));
    if (!context.quiet) {
        std::cout << fmt::format("database {}\n", db_path.string());
        std::cout << fmt::format("config   {}{}\n", path.string(), exists ? " (exists, left as it was)" : " (created)");
    }
}

}  // namespace

void register_init(CLI::App& app, Context& context) {
    auto me = std::make_shared<Me>();
    auto* command = app.add_subcommand("init", "Create the database and a commented config file");
    command->add_option("--name", me->name, "Your name, to sign drafts (asked on a terminal)");
    command->add_option("--email", me->email, "Your email, for introduction requests (asked on a terminal)");
    command->add_option("--signature", me->signature, "How drafts are signed (default: your name)");
    command->callback([&context, me] { run_init(context, *me); });
}

}  // namespace rolo::app
