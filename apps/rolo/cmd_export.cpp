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
#include <nlohmann/json.hpp>

namespace rolo::app {
namespace {

struct ExportCommand {
    std::string format = "csv";
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

void run_export(Context& context, const ExportCommand& command) {
    std::string what = command.what.value_or("contacts");
    if (command.format == "vcard" && what != "contacts")
        throw Error("vCard holds contacts only: use --format csv or json for " + what);
    // `-o -` is stdout; any other FILE is checked before the export is read.
    bool to_file = command.output && *command.output != "-";
    auto target = to_file ? writable_target(*command.output, database_path(context.db)) : std::filesystem::path();
    Store store = context.store_or_empty();
    std::string text;
    if (command.format == "json") {
        auto document = export_json(store);
        const auto& json = command.what ? document.at(what) : document;
        text = json_text(json);
    } else if (command.format == "vcard") {
        text = export_vcards(store);
    } else {
        Table table = table_of(store, what);
        text = render(command.raw ? table : with_formulas_guarded(std::move(table)), Format::csv, false);
    }
    if (to_file) {
        StagedFile file(target);
        file.write(text);
        file.place();
    } else {
        std::cout << text;
    }
}

}  // namespace

void register_export(CLI::App& app, Context& context) {
    auto command = std::make_shared<ExportCommand>();
    auto* sub = app.add_subcommand("export", "Export everything: contacts (csv, json, vcard), interactions, links, intros");
    sub->add_option("--format", command->format, "csv (default), json (everything, one document) or vcard (contacts)")
        ->check(CLI::IsMember({"csv", "json", "vcard"}));
    sub->add_option("--what", command->what, "contacts (csv's default), interactions, knows or intros; "
                                       "with json, that list alone instead of the whole document")
        ->check(CLI::IsMember({"contacts", "interactions", "knows", "intros"}));
    sub->add_flag("--raw", command->raw, "csv: write cells as stored, without the ' that keeps a spreadsheet "
                                         "from running one that starts with = + - @ as a formula");
    sub->add_option("-o,--output", command->output, "Write to FILE (mode 0600) instead of stdout (-)");
    sub->callback([&context, command] { run_export(context, *command); });
}

}  // namespace rolo::app
