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

void run_graph(Context& context, const GraphOptions& options) {
    if (options.hops && !options.who) throw CLI::ValidationError("--hops", "goes with WHO");
    // Without a database the graph is empty, but a named person is not found.
    Store store = options.who ? context.existing_store() : context.store_or_empty();
    std::optional<std::int64_t> centre;
    if (options.who) centre = resolve_who(store, *options.who);
    auto visit = [&](const GraphVisitor& visitor) {
        // Adding you needs the whole picture; without you, the whole graph streams.
        if (!centre && !options.me) return visit_whole_graph(store, visitor);
        KnowsGraph graph = centre ? graph_around(store, *centre, options.hops.value_or(2), context.today()) : whole_graph(store);
        if (options.me) add_you(store, graph, !centre);
        visit_graph(graph, visitor);
    };
    if (options.dot) {
        std::cout << dot_head();
        visit({[&](const Person& p) { std::cout << dot_node(p, centre); },
               [](const Knows& k) { std::cout << dot_link(k); }});
        std::cout << dot_tail();
        return;
    }
    // People come before the links that name them.
    std::unordered_map<std::int64_t, std::string> names;
    Listing listing(context, {"a", "a_name", "b", "b_name", "strength", "context"});
    visit({[&](const Person& p) { names.emplace(p.id, p.name); },
           [&](const Knows& k) {
               listing.add_row({k.a, names.at(k.a), k.b, names.at(k.b), std::int64_t{k.strength}, text_cell(k.context)});
           }});
    listing.finish();
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
