// rolo sync: two-way with a vdir of .vcf files. Usage: rolo-sync(1).
#include "common.hpp"

#include "rolo/vdir.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct SyncOptions {
    std::string dir;
    std::string version = "3.0";
};

void run_sync(Context& context, const SyncOptions& options) {
    Date today = context.today();
    Store store = context.open_store();
    SyncReport report = sync_vdir(store, options.dir, options.version, today);
    for (const auto& conflict : report.conflicts) warn("conflict: " + conflict);
    for (const auto& problem : report.problems) warn(problem);
    if (context.quiet) return;
    std::cout << fmt::format("{}: {} cards written, {} removed; {} people added, {} updated, {} archived", options.dir,
                             report.written, report.removed, report.added, report.updated, report.archived)
              << '\n';
}

}  // namespace

void register_sync(CLI::App& app, Context& context) {
    auto options = std::make_shared<SyncOptions>();
    auto* command = app.add_subcommand("sync", "Sync both ways with a vdir (a folder of .vcf files, as vdirsyncer and khard keep)");
    command->add_option("DIR", options->dir, "The vdir: one .vcf per person (created if missing)")->required();
    command->add_option("--vcard-version", options->version, "vCard version of the cards rolo writes: 3.0 (default) or 4.0")
        ->check(CLI::IsMember({"3.0", "4.0"}));
    command->callback([&context, options] { run_sync(context, *options); });
}

}  // namespace rolo::app
