#pragma once
// `rolo graph`: the who-knows-whom graph, whole or around one person, as a
// list of links or as Graphviz DOT for a picture.
#include "rolo/date.hpp"
#include "rolo/knows.hpp"
#include "rolo/warm_path.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rolo {

class Store;

// Archived people and their links left out. People by id; links by (a, b), a < b.
struct KnowsGraph {
    std::vector<Person> people;  // everyone a link touches (and the centre)
    std::vector<Knows> links;
};

// A graph a piece at a time: every person by id, then every link by (a, b).
struct GraphVisitor {
    std::function<void(const Person&)> person;
    std::function<void(const Knows&)> link;
};

// The whole graph streamed from one snapshot: a million links are never held
// at once.
void visit_whole_graph(Store& store, const GraphVisitor& visit);
void visit_graph(const KnowsGraph& graph, const GraphVisitor& visit);
KnowsGraph whole_graph(Store& store);

// The people within `hops` links of `centre`, and the links between them.
KnowsGraph graph_around(Store& store, std::int64_t centre, int hops, Date today);

// The id "you" take in a graph: no contact has it.
constexpr std::int64_t you_id = 0;

// Adds you, linked to everyone in the graph you are connected to; with
// `all_connected` (the whole graph), also the people you are connected to
// who know no one else in rolo, so that the picture is one network.
void add_you(Store& store, KnowsGraph& graph, bool all_connected);

// An undirected DOT graph: a box per person (dashed when you are not
// connected to them, bold for the centre), a line per link as thick as its
// strength, labelled with its context.
std::string to_dot(const KnowsGraph& graph, std::optional<std::int64_t> centre);
// to_dot a piece at a time: the head, a line per person and per link, the tail.
std::string dot_head();
std::string dot_node(const Person& person, std::optional<std::int64_t> centre);
std::string dot_link(const Knows& link);
std::string dot_tail();

}  // namespace rolo
