// rolo export [--format csv|json|vcard] [--what contacts|interactions|knows|intros] [-o FILE]:
// everything needed to rebuild the database, or read it elsewhere.
#include "common.hpp"

#include "rolo/error.hpp"
#include "rolo/export.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace rolo::app {
namespace {

struct ExportCommand {
    std::string format = "csv";
    std::optional<std::string> what;  // csv: contacts when absent; json: the whole document
    std::optional<std::string> output;
    bool raw = false;  // csv: cells as stored, formulas unguarded
};

// Writes next to the target and renames, so a reader never sees half a file;
// the file holds private data, so it is created mode 0600.
void write_file(const std::string& path, const std::string& text) {
    std::string temporary = path + ".rolo-tmp";
    int fd = ::open(temporary.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) throw Error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ::fsync(fd) == 0 && ok;  // on disk before it replaces the old file: a crash leaves one or the other
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
        int error = errno;
        std::remove(temporary.c_str());
        throw Error(fmt::format("cannot write {}: {}", path, std::strerror(error)));
    }
}

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
    Store store = context.store_or_empty();
    std::string text;
    if (command.format == "json") {
        auto document = export_json(store);
        const auto& json = command.what ? document.at(what) : document;
        text = json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    } else if (command.format == "vcard") {
        text = export_vcards(store);
    } else {
        Table table = table_of(store, what);
        text = render(command.raw ? table : with_formulas_guarded(std::move(table)), Format::csv, false);
    }
    if (command.output)
        write_file(*command.output, text);
    else
        std::cout << text;
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
    sub->add_option("-o,--output", command->output, "Write to FILE (mode 0600) instead of stdout");
    sub->callback([&context, command] { run_export(context, *command); });
}

}  // namespace rolo::app
