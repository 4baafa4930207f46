// rolo stats: how the network stands, and how it is kept up. Usage: rolo-stats(1).
#include "common.hpp"

#include "rolo/records.hpp"
#include "rolo/stats.hpp"

#include <memory>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

struct StatsOptions {
    std::optional<std::string> by;
    std::optional<int> months;
};

// One row with a column per figure, for programs; a person reads it turned
// into a column of "stat value" lines.
Table stats_table(const NetworkStats& s, bool vertical) {
    Table table;
    table.columns = {"people", "connected", "archived", "never_contacted", "interactions",
                     "past_30_days", "last_on", "links", "intros_open", "due_now"};
    std::vector<Cell> row = {std::int64_t{s.people}, std::int64_t{s.connected}, std::int64_t{s.archived},
                             std::int64_t{s.never_contacted}, std::int64_t{s.interactions},
                             std::int64_t{s.past_30_days}, date_cell(s.last_on), std::int64_t{s.links},
                             std::int64_t{s.intros_open}, std::int64_t{s.due_now}};
    if (!vertical) {
        table.add_row(std::move(row));
        return table;
    }
    Table turned;
    turned.columns = {"stat", "value"};
    for (std::size_t i = 0; i < row.size(); ++i) turned.add_row({table.columns[i], row[i]});
    return turned;
}

Table activity_table(const std::string& key, const std::vector<Activity>& rows) {
    Table table;
    table.columns = {key, "interactions", "people"};
    for (const auto& row : rows)
        table.add_row({row.key, std::int64_t{row.interactions}, std::int64_t{row.people}});
    return table;
}

void run_stats(Context& context, const StatsOptions& options) {
    if (options.months && options.by != "month") throw CLI::ValidationError("--months", "goes with --by month");
    Date today = context.today();
    Store store = context.store();
    if (!options.by)
        context.print(stats_table(network_stats(store, today, context.settings()),
                                  context.output_format() == Format::table && !context.quiet));
    else if (*options.by == "month")
        context.print(activity_table("month", activity_by_month(store, today, options.months.value_or(12))));
    else if (*options.by == "kind")
        context.print(activity_table("kind", activity_by_kind(store)));
    else
        context.print(activity_table("tag", activity_by_tag(store)));
}

}  // namespace

void register_stats(CLI::App& app, Context& context) {
    auto options = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand("stats", "Counts, who is due now, and interactions by month, kind or tag");
    command->add_option("--by", options->by, "Interactions per month, kind or tag instead of the counts")
        ->check(CLI::IsMember({"month", "kind", "tag"}));
    command->add_option("--months", options->months, "With --by month: how many months up to this one (default 12)")
        ->check(CLI::Range(1, 1200));
    command->callback([&context, options] { run_stats(context, *options); });
}

}  // namespace rolo::app
