// rolo import: bring people in from LinkedIn's Connections.csv, a CSV, vCards
// or an address book export. Usage: rolo-import(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/files.hpp"
#include "rolo/import.hpp"
#include "rolo/paths.hpp"

#include <exception>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct ImportCommand {
    std::string file;
    std::optional<std::string> from;
    bool dry_run = false;
    bool skip_bad = false;
    std::string tag;
};

// Unwound by a failure, removes the database the import created.
struct RemoveIfFailed {
    Store& store;
    bool created;
    int exceptions = std::uncaught_exceptions();
    ~RemoveIfFailed() {
        if (created && std::uncaught_exceptions() > exceptions) remove_if_empty(store);
    }
};

void run_import(Context& context, const ImportCommand& command) {
    Date today = context.today();
    std::string source = command.file == "-" ? "stdin" : command.file;
    InputText input(command.file);
    // Google's older export is UTF-16; everything else is read as UTF-8.
    std::optional<std::string> decoded = utf8_from_utf16(input.text(), source);
    std::string_view text = decoded ? std::string_view(*decoded) : input.text();
    ImportFormat format = command.from ? parse_import_format(*command.from) : detect_import_format(text);
    if (format == ImportFormat::json && (command.skip_bad || !command.tag.empty()))
        throw Error("--skip-bad and --tag do not apply to a JSON restore");
    // The options and the header are read before the database is opened: a
    // mistake in either, or a file that cannot be read at all, never creates one.
    ImportOptions options{source, command.skip_bad, command.dry_run,
                          command.tag.empty() ? std::string() : checked_tag(command.tag)};
    std::optional<ImportReader> rows;
    if (format != ImportFormat::json) {
        rows.emplace(text, format, source, today);
        for (const auto& warning : rows->warnings()) warn(warning);
    }

    // A dry run never creates the database: without one it counts against an empty one.
    std::error_code ec;
    bool created = !command.dry_run && !std::filesystem::exists(database_path(context.db), ec);
    Store store = command.dry_run ? context.store_or_empty() : context.open_store();
    RemoveIfFailed new_file{store, created};  // a failed first import leaves no file behind
    std::string dry = command.dry_run ? " (dry run: nothing written)" : "";
    if (format == ImportFormat::json) {
        RestoreSummary restored = restore_json(store, text, source, today, command.dry_run);
        std::cout << fmt::format("{}: restored {} contacts, {} interactions, {} links, {} intros{}\n", source,
                                 restored.contacts, restored.interactions, restored.knows, restored.intros, dry);
        return;
    }
    ImportSummary summary = import_contacts(store, *rows, options, today);
    for (const auto& problem : summary.problems) warn(problem + " (skipped)");
    std::cout << fmt::format("{}: {} added, {} updated, {} unchanged, {} skipped{}\n", source, summary.added,
                             summary.updated, summary.unchanged, summary.skipped, dry);
}

}  // namespace

void register_import(CLI::App& app, Context& context) {
    auto command = std::make_shared<ImportCommand>();
    auto* sub = app.add_subcommand("import", "Import people from LinkedIn's Connections.csv, a CSV, vCards, "
                                             "Google Contacts or Outlook; restore a JSON export");
    sub->add_option("FILE", command->file, "The file to read, or - for stdin")->required();
    sub->add_option("--from", command->from, "linkedin, csv, vcard, json, google or outlook (default: detected from the content)")
        ->check(CLI::IsMember({"linkedin", "csv", "vcard", "json", "google", "outlook"}));
    sub->add_flag("--dry-run", command->dry_run, "Say what would happen and write nothing");
    sub->add_flag("--skip-bad", command->skip_bad, "Report bad rows and import the rest");
    sub->add_option("--tag", command->tag, "Tag everyone imported");
    sub->callback([&context, command] { run_import(context, *command); });
}

}  // namespace rolo::app
