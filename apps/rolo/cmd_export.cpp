// rolo export: everything needed to rebuild the database, or read it
// elsewhere. Usage: rolo-export(1).
#include "common.hpp"

#include "rolo/error.hpp"
#include "rolo/export.hpp"
#include "rolo/files.hpp"
#include "rolo/paths.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

struct ExportCommand {
    std::optional<std::string> what;  // csv: contacts when absent; json: the whole document
    std::optional<std::string> output;
    bool raw = false;  // csv: cells as stored, formulas unguarded
};

Table table_of(Store& store, const std::string& what) {
    if (what == "interactions") return export_interactions(store);
    if (what == "knows") return export_knows(store);
    if (what == "intros") return export_intros(store);
    return export_contacts(store);
}

// The one --format (or ROLO_FORMAT) every command reads: csv when it names
// none, or only the table a terminal shows (ROLO_FORMAT=table is for reading).
std::string export_format(const Context& context) {
    auto name = context.format_name();
    if (!name || (*name == "table" && !context.format)) return "csv";
    if (*name == "table") throw Error("export writes csv, tsv, json or vcard, not table");
    return *name;
}

void run_export(Context& context, const ExportCommand& command) {
    std::string what = command.what.value_or("contacts");
    std::string format = export_format(context);
    if (format == "vcard" && what != "contacts")
        throw Error("vCard holds contacts only: use --format csv or json for " + what);
    // `-o -` is stdout; any other FILE is checked before the export is read.
    bool to_file = command.output && *command.output != "-";
    auto target = to_file ? writable_target(*command.output, database_path(context.db)) : std::filesystem::path();
    Store store = context.store();
    std::optional<StagedFile> file;
    if (to_file) file.emplace(target);
    auto write = [&](std::string_view text) {
        if (file) file->write(text);
        else std::cout << text;
    };
    if (format == "json") {
        write_export_json(store, command.what, write);
    } else if (format == "vcard") {
        write(export_vcards(store));
    } else {
        Table table = table_of(store, what);
        write(render(command.raw ? table : with_formulas_guarded(std::move(table)), parse_format(format), false));
    }
    if (file) file->place();
}

}  // namespace

void register_export(CLI::App& app, Context& context) {
    auto command = std::make_shared<ExportCommand>();
    auto* sub = app.add_subcommand("export", "Export everything: contacts (csv, json, vcard), interactions, links, intros");
    // --format is rolo's own (csv by default here): `rolo --format json export` and
    // ROLO_FORMAT=json mean what `rolo export --format json` does.
    sub->add_option("--what", command->what, "contacts (csv's default), interactions, knows or intros; "
                                       "with json, that list alone instead of the whole document")
        ->check(CLI::IsMember({"contacts", "interactions", "knows", "intros"}));
    sub->add_flag("--raw", command->raw, "csv: write cells as stored, without the ' that keeps a spreadsheet "
                                         "from running one that starts with = + - @ as a formula");
    sub->add_option("-o,--output", command->output, "Write to FILE (mode 0600) instead of stdout (-)");
    sub->callback([&context, command] { run_export(context, *command); });
}

}  // namespace rolo::app
