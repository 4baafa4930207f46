// rolo due: who needs a touch now, and why. Usage: rolo-due(1).
#include "agenda.hpp"

#include "rolo/due.hpp"
#include "rolo/records.hpp"

#include <algorithm>
#include <iostream>
#include <limits>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct DueOptions {
    std::string within = "0d";
    std::string tag;
    std::optional<int> limit;
    bool exit_code = false;
    bool digest = false;
};

std::string when(int days_late) {
    if (days_late == 0) return "due today";
    if (days_late > 0) return fmt::format("{} day{} late", days_late, days_late == 1 ? "" : "s");
    return fmt::format("in {} day{}", -days_late, days_late == -1 ? "" : "s");
}

}  // namespace

Table due_table(const std::vector<DueItem>& items) {
    Table table;
    table.columns = {"id", "name", "reason", "state", "when", "due_on", "last", "last_on", "also", "detail", "next"};
    table.droppable = {"also", "next", "last", "last_on", "due_on"};
    for (const auto& item : items) {
        const DueReason& first = item.reasons.front();
        std::vector<std::string> also;
        for (std::size_t i = 1; i < item.reasons.size(); ++i) also.emplace_back(to_string(item.reasons[i].reason));
        table.add_row({item.contact_id, item.name, std::string(to_string(first.reason)), item.state,
                       when(item.days_late), format_date(first.due_on), text_cell(item.last_kind),
                       date_cell(item.last_on), also, text_cell(first.detail), item.suggestion()},
                      item.state == "late" ? Style::alert : item.state == "soon" ? Style::plain : Style::warn);
    }
    return table;
}

std::string nobody_due(Store* store, const DueQuery& query, const Config& config) {
    if (!store) return "Nobody is due.";
    DueQuery ahead = query;
    ahead.within_days = 10 * 366;
    auto coming = compute_due(*store, ahead, config);
    // The nearest: the least negative days_late.
    auto next = std::max_element(coming.begin(), coming.end(),
                                 [](const DueItem& a, const DueItem& b) { return a.days_late < b.days_late; });
    if (next == coming.end()) return "Nobody is due.";
    return fmt::format("Nobody is due. Next: {} {}.", next->name, when(next->days_late));
}

namespace {

void run_due(Context& context, const DueOptions& options) {
    DueQuery query;
    query.today = context.today();
    query.within_days = duration_days(parse_duration(options.within));
    query.tag = options.tag;
    std::vector<DueItem> items;
    std::vector<PendingInvitation> waiting;
    auto store = context.open_existing_store();
    if (store) {
        items = compute_due(*store, query, context.settings());
        if (options.digest) waiting = pending_invitations(*store, query, context.settings());
    }
    if (options.limit && items.size() > static_cast<std::size_t>(*options.limit)) items.resize(*options.limit);
    if (options.digest)
        std::cout << format_digest(items, waiting, query.today);
    else if (items.empty() && !context.quiet && context.output_format() == Format::table)
        std::cout << nobody_due(store ? &*store : nullptr, query, context.settings()) << '\n';
    else
        context.print(due_table(items));
    if (options.exit_code && !items.empty()) context.exit_code = 1;
}

}  // namespace

void register_due(CLI::App& app, Context& context) {
    auto options = std::make_shared<DueOptions>();
    auto* command = app.add_subcommand("due", "Who needs a touch now, and why (most urgent first)");
    command->add_option("--within", options->within, "Also list what falls due within this duration (e.g. 7d)");
    command->add_option("--tag", options->tag, "Only people with this tag");
    command->add_option("-n,--limit", options->limit, "At most N people")->check(CLI::Range(0, std::numeric_limits<int>::max()));
    command->add_flag("--exit-code", options->exit_code, "Exit 1 when anything is due, 0 when nothing is");
    command->add_flag("--digest", options->digest, "One plain-text message grouped by reason, for a cron mail");
    command->callback([&context, options] { run_due(context, *options); });
}

}  // namespace rolo::app
