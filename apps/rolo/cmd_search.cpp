// rolo search: people and history whose words match, best first. Usage: rolo-search(1).
#include "common.hpp"

#include "rolo/records.hpp"
#include "rolo/search.hpp"

#include <algorithm>
#include <limits>
#include <memory>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

struct SearchCommand {
    std::vector<std::string> words;
    int limit = 50;
    bool archived = false;
};

Table hits_table(std::vector<SearchHit> hits, bool keep_highlights) {
    Table table;
    table.columns = {"id", "name", "where", "interaction_id", "date", "snippet"};
    table.highlights = keep_highlights;
    for (auto& hit : hits) {
        if (!keep_highlights)
            std::erase_if(hit.snippet, [](char c) { return c == highlight_start || c == highlight_end; });
        Cell interaction_id = hit.interaction_id ? Cell{*hit.interaction_id} : Cell{};
        table.add_row({hit.contact_id, hit.name, hit.interaction_id ? "history " + hit.kind : std::string("person"),
                       interaction_id, date_cell(hit.on), hit.snippet});
    }
    return table;
}

// -q: each person once, in the order of their best match.
Table person_ids(const std::vector<SearchHit>& hits) {
    Table table;
    table.columns = {"id"};
    std::vector<std::int64_t> seen;
    for (const auto& hit : hits) {
        if (std::find(seen.begin(), seen.end(), hit.contact_id) != seen.end()) continue;
        seen.push_back(hit.contact_id);
        table.add_row({hit.contact_id});
    }
    return table;
}

void run_search(Context& context, const SearchCommand& command) {
    std::string query;
    for (const auto& word : command.words) query += (query.empty() ? "" : " ") + word;
    SearchOptions options;
    options.limit = command.limit;
    options.archived = command.archived;
    // The query is checked even without a database: bad input is reported the same way.
    SearchQuery::parse(query);
    std::vector<SearchHit> hits;
    if (auto store = context.open_existing_store()) hits = search(*store, query, options);
    if (context.quiet)
        context.print(person_ids(hits));
    else
        context.print(hits_table(std::move(hits), context.output_format() == Format::table));
}

}  // namespace

void register_search(CLI::App& app, Context& context) {
    auto command_options = std::make_shared<SearchCommand>();
    auto* command = app.add_subcommand("search", "Find people and history by their words, best match first");
    command->add_option("QUERY", command_options->words,
                        "Words (prefixes, all of them), \"phrases\", field:value (name company title met interests "
                        "notes tag email)")
        ->required();
    command->add_option("-n,--limit", command_options->limit, "At most N results (default 50)")
        ->check(CLI::Range(1, std::numeric_limits<int>::max()));
    command->add_flag("--archived", command_options->archived, "Archived people and their history too");
    command->callback([&context, command_options] { run_search(context, *command_options); });
}

}  // namespace rolo::app
