// rolo backup: a consistent copy of the database, safe to take while another
// rolo command (a cron job, say) is writing. Usage: rolo-backup(1).
#include "common.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct BackupCommand {
    std::string file;
    bool force = false;
};

void run_backup(Context& context, const BackupCommand& command) {
    Store store = context.store();
    store.backup(command.file, command.force);
    if (!context.quiet) std::cout << fmt::format("backed up to {}\n", command.file);
}

}  // namespace

void register_backup(CLI::App& app, Context& context) {
    auto command = std::make_shared<BackupCommand>();
    auto* sub = app.add_subcommand("backup", "Copy the database, consistently, to FILE (mode 0600)");
    sub->add_option("FILE", command->file, "Where to write the copy")->required();
    sub->add_flag("-f,--force", command->force, "Replace FILE if it exists");
    sub->callback([&context, command] { run_backup(context, *command); });
}

}  // namespace rolo::app
