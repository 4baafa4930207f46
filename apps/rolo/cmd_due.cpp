// rolo due [--within DURATION] [--tag T] [-n N] [--exit-code]: who needs a touch now, and why.
#include "common.hpp"

#include "rolo/due.hpp"
#include "rolo/records.hpp"

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

Table due_table(const std::vector<DueItem>& items) {
    Table table;
    table.columns = {"id", "name", "reason", "state", "when", "due_on", "last", "last_on", "also", "detail", "next"};
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

void run_due(Context& context, const DueOptions& options) {
    DueQuery query;
    query.today = context.today();
    query.within_days = duration_days(parse_duration(options.within));
    query.tag = options.tag;
    std::vector<DueItem> items;
    std::vector<PendingInvitation> waiting;
    if (auto store = context.open_existing_store()) {
        items = compute_due(*store, query, context.settings());
        if (options.digest) waiting = pending_invitations(*store, query, context.settings());
    }
    if (options.limit && items.size() > static_cast<std::size_t>(*options.limit)) items.resize(*options.limit);
    if (options.digest)
        std::cout << format_digest(items, waiting, query.today);
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
