// rolo merge: fold one person into another and remove the other. Usage: rolo-merge(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/dupes.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct MergeOptions {
    std::string keep, other;
    bool dry_run = false;
};

void run_merge(Context& context, const MergeOptions& options) {
    Date today = context.today();
    Store store = context.existing_store();
    auto transaction = store.transaction();
    auto keep = resolve_who(store, options.keep);
    Contact other = get_contact(store, resolve_who(store, options.other));
    MergeResult result = merge_contacts(store, keep, other.id, today);
    // A dry run did it all in the transaction, and rolls it back.
    if (!options.dry_run) transaction.commit();
    if (context.quiet) {
        std::cout << result.kept.id << '\n';
        return;
    }
    std::cout << fmt::format("{} {} into {}:\n", options.dry_run ? "would merge" : "merged", describe(other),
                             describe(result.kept));
    for (const auto& action : result.actions) std::cout << "  " << action << '\n';
    if (options.dry_run) std::cout << "nothing was changed (--dry-run)\n";
}

}  // namespace

void register_merge(CLI::App& app, Context& context) {
    auto options = std::make_shared<MergeOptions>();
    auto* command = app.add_subcommand("merge", "Merge a duplicate person into another, moving their history");
    command->add_option("KEEP", options->keep, "The person to keep")->required();
    command->add_option("OTHER", options->other, "The duplicate, merged into KEEP and removed")->required();
    command->add_flag("--dry-run", options->dry_run, "Show what the merge would do, and change nothing");
    command->callback([&context, options] { run_merge(context, *options); });
}

}  // namespace rolo::app
