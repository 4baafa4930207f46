// rolo graph: who knows whom, as a list of links or as Graphviz DOT.
// Usage: rolo-graph(1).
#include "common.hpp"

#include "rolo/graph.hpp"
#include "rolo/records.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <memory>
#include <unordered_map>

#include <CLI/CLI.hpp>

namespace rolo::app {
namespace {

struct GraphOptions {
    std::optional<std::string> who;
    std::optional<int> hops;
    bool dot = false;
    bool me = false;
};

Table links_table(const KnowsGraph& graph) {
    std::unordered_map<std::int64_t, const Person*> people;
    for (const Person& p : graph.people) people.emplace(p.id, &p);
    Table table;
    table.columns = {"a", "a_name", "b", "b_name", "strength", "context"};
    for (const Knows& k : graph.links)
        table.add_row({k.a, people.at(k.a)->name, k.b, people.at(k.b)->name, std::int64_t{k.strength},
                       text_cell(k.context)});
    return table;
}

void run_graph(Context& context, const GraphOptions& options) {
    if (options.hops && !options.who) throw CLI::ValidationError("--hops", "goes with WHO");
    // Without a database the graph is empty, but a named person is not found.
    Store store = options.who ? context.existing_store() : context.store_or_empty();
    std::optional<std::int64_t> centre;
    if (options.who) centre = resolve_who(store, *options.who);
    KnowsGraph graph = centre ? graph_around(store, *centre, options.hops.value_or(2), context.today()) : whole_graph(store);
    if (options.me) add_you(store, graph, !centre);
    if (options.dot)
        std::cout << to_dot(graph, centre);
    else
        context.print(links_table(graph));
}

}  // namespace

void register_graph(CLI::App& app, Context& context) {
    auto options = std::make_shared<GraphOptions>();
    auto* command = app.add_subcommand("graph", "Who knows whom: the links, or a Graphviz DOT picture");
    command->add_option("WHO", options->who, "Only the people around this person");
    command->add_option("--hops", options->hops, "With WHO: how many links out (default 2)")->check(CLI::Range(1, 6));
    command->add_flag("--dot", options->dot, "Graphviz DOT instead of a list (pipe to: dot -Tsvg)");
    command->add_flag("--me", options->me, "Include you (id 0), linked to everyone you are connected to");
    command->callback([&context, options] { run_graph(context, *options); });
}

}  // namespace rolo::app
