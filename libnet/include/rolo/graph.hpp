#pragma once
// `rolo graph`: the who-knows-whom graph, whole or around one person, as a
// list of links or as Graphviz DOT for a picture.
#include "rolo/date.hpp"
#include "rolo/knows.hpp"
#include "rolo/warm_path.hpp"

#include <cstdint>
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

}  // namespace rolo
