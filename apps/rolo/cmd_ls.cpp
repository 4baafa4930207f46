// rolo ls: list people. Usage: rolo-ls(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/fields.hpp"
#include "rolo/records.hpp"

#include <memory>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

struct LsOptions {
    std::string text;
    std::vector<std::string> tags;
    std::string company;
    bool connected = false;
    bool not_connected = false;
    bool archived = false;
    std::optional<std::string> stale;
    std::optional<std::string> sort;
};

void run_ls(Context& context, const LsOptions& options) {
    ContactFilter filter;
    filter.text = options.text;
    filter.tags = options.tags;
    filter.company = options.company;
    if (options.connected) filter.connected = true;
    if (options.not_connected) filter.connected = false;
    filter.archived = options.archived;
    if (options.stale) filter.stale_before = add(context.today(), parse_duration(*options.stale), -1);
    // Losing touch is read oldest first.
    std::string sort = options.sort.value_or(options.stale ? "last" : "name");
    ContactOrder order = sort == "last" ? ContactOrder::last : sort == "id" ? ContactOrder::id : ContactOrder::name;
    // JSON is for programs: every field of the contact table, which `rolo import` reads back.
    if (context.output_format() == Format::json) {
        std::vector<std::string> columns = contact_columns();
        columns.emplace_back("last");
        Listing listing(context, columns);
        if (auto store = context.open_existing_store())
            for_each_contact(*store, filter, order, [&](const Contact& c) {
                auto row = contact_row(c);
                row.push_back(date_cell(c.last_on));
                listing.add_row(std::move(row));
            });
        listing.finish();
        return;
    }
    Listing listing(context, {"id", "name", "company", "title", "email", "tags", "connected", "every", "last"},
                    {"every", "title", "connected"});
    if (auto store = context.open_existing_store())
        for_each_contact(*store, filter, order, [&](const Contact& c) {
            listing.add_row({c.id, c.name, text_cell(c.company), text_cell(c.title), text_cell(c.email), c.tags,
                             c.connected, c.every ? Cell{format_every(*c.every)} : Cell{}, date_cell(c.last_on)});
        });
    listing.finish();
}

}  // namespace

void register_ls(CLI::App& app, Context& context) {
    auto options = std::make_shared<LsOptions>();
    auto* command = app.add_subcommand("ls", "List people, by name");
    command->add_option("TEXT", options->text, "Only those whose name, company, title, email or tags contain TEXT");
    command->add_option("--tag", options->tags, "Only those with this tag (repeatable: all of them)")
        ->allow_extra_args(false);
    command->add_option("--company", options->company, "Only those whose company contains this");
    auto* connected = command->add_flag("--connected", options->connected, "Only people in your network");
    auto* not_connected =
        command->add_flag("--not-connected", options->not_connected, "Only people you know of but are not connected to");
    connected->excludes(not_connected);
    command->add_flag("--archived", options->archived, "List archived people instead");
    command->add_option("--stale", options->stale,
                        "Losing touch: connected people with no interaction in this long (e.g. 45d), oldest first");
    command->add_option("--sort", options->sort, "Order by name (default), id, or last (oldest last interaction first)")
        ->check(CLI::IsMember({"name", "id", "last"}));
    command->callback([&context, options] { run_ls(context, *options); });
}

}  // namespace rolo::app
