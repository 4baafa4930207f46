// rolo init: create the database and a commented config file.
#include "common.hpp"

#include "rolo/files.hpp"
#include "rolo/paths.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

void run_init(Context& context) {
    auto db_path = database_path(context.db);
    Store::open(db_path);
    auto path = config_path(context.config);
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (!exists) {
        if (path.has_parent_path()) create_private_directories(path.parent_path());
        StagedFile file(path);
        file.write(default_config_text());
        exists = !file.place(false);  // another init wrote it meanwhile
    }
    if (!context.quiet) {
        std::cout << fmt::format("database {}\n", db_path.string());
        std::cout << fmt::format("config   {}{}\n", path.string(), exists ? " (exists, left as it was)" : " (created)");
    }
}

}  // namespace

void register_init(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Create the database and a commented config file");
    command->callback([&context] { run_init(context); });
}

}  // namespace rolo::app
