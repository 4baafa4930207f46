// rolo history: interactions, newest first. Usage: rolo-history(1).
#include "common.hpp"

#include "rolo/interaction.hpp"
#include "rolo/records.hpp"
#include "rolo/who.hpp"

#include <limits>
#include <memory>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

struct HistoryOptions {
    std::optional<std::string> who, since, kind, grep;
    std::optional<int> limit;
    bool full = false;
};

void run_history(Context& context, const HistoryOptions& options) {
    Date today = context.today();
    HistoryFilter filter;
    if (options.since) filter.since = parse_date(*options.since, today);
    if (options.kind) {
        check_interaction_kind(*options.kind);
        filter.kind = options.kind;
    }
    filter.limit = options.limit;
    filter.grep = options.grep;
    // Without a database the history is empty, but a named person is not found.
    auto store = options.who ? std::optional<Store>(context.existing_store()) : context.open_existing_store();
    std::vector<Interaction> interactions;
    if (store) {
        if (options.who) filter.contact_id = resolve_who(*store, *options.who);
        interactions = list_interactions(*store, filter);
    }
    Table table = interaction_records(interactions);
    table.droppable = {"group_id", "done_on", "todo", "by_rolo", "topic", "contact_id", "next_on", "direction"};
    if (options.full) {
        table.columns.push_back("text");
        for (std::size_t i = 0; i < interactions.size(); ++i) table.rows[i].push_back(text_cell(interactions[i].body));
    }
    // People read "3 weeks ago" beside a date; programs get the date alone.
    if (context.output_format() == Format::table)
        for (auto& row : table.rows)
            if (auto* date = std::get_if<std::string>(&row[1]))
                *date += " (" + relative_date(*parse_iso_date(*date), today) + ")";
    context.print(table);
}

}  // namespace

void register_history(CLI::App& app, Context& context) {
    auto options = std::make_shared<HistoryOptions>();
    auto* command = app.add_subcommand("history", "List interactions, newest first");
    command->add_option("WHO", options->who, "Only this person");
    command->add_option("--since", options->since, "Only on or after this date");
    command->add_option("--kind", options->kind, "Only this kind of interaction")->type_name(interaction_kind_type());
    command->add_option("--grep", options->grep, "Only those whose summary, topic or imported message text has these words (as rolo search)");
    command->add_option("-n,--limit", options->limit, "At most N interactions")->check(CLI::Range(0, std::numeric_limits<int>::max()));
    command->add_flag("--full", options->full, "Add the text of imported messages (a column 'text')");
    command->callback([&context, options] { run_history(context, *options); });
}

}  // namespace rolo::app
