// rolo init: create the database and a commented config file.
#include "common.hpp"

#include "rolo/error.hpp"
#include "rolo/paths.hpp"

#include <fstream>
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
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
        std::ofstream file(path);
        if (!(file << default_config_text()))
            throw Error(fmt::format("cannot write config {}", path.string()));
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
