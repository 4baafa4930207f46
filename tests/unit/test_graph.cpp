#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/graph.hpp"
#include "rolo/knows.hpp"
#include "rolo/store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;

namespace {

struct Network {
    Store store = Store::open_memory();

    std::int64_t person(const std::string& name, bool connected = true, bool archived = false) {
        Contact c;
        c.name = name;
        c.connected = connected;
        c.archived = archived;
        return insert_contact(store, c, today);
    }

    void knows(std::int64_t a, std::int64_t b, int strength = 3, std::string context = "") {
        Knows edge;
        edge.a = a;
        edge.b = b;
        edge.strength = strength;
        edge.context = std::move(context);
        link(store, edge);
    }
};

std::string ids(const KnowsGraph& graph) {
    std::string out;
    for (const auto& p : graph.people) out += std::to_string(p.id) + " ";
    out += "|";
    for (const auto& k : graph.links) out += fmt::format(" {}-{}", k.a, k.b);
    return out;
}

}  // namespace

TEST_CASE("the whole graph leaves out archived people, their links, and people with no link") {
    Network n;
    auto a = n.person("A"), b = n.person("B"), c = n.person("C"), gone = n.person("Gone", true, true);
    n.person("Alone");
    auto d = n.person("D");
    n.knows(c, a);
    n.knows(a, b);
    n.knows(b, gone);
    n.knows(d, gone);  // D's only link is to someone archived
    CHECK(ids(whole_graph(n.store)) == fmt::format("{} {} {} | {}-{} {}-{}", a, b, c, a, b, a, c));
    Network empty;
    CHECK(ids(whole_graph(empty.store)) == "|");
}

TEST_CASE("the graph around someone reaches as many links out as asked, with the links among them") {
    Network n;
    auto a = n.person("A"), b = n.person("B"), c = n.person("C"), d = n.person("D"), e = n.person("E");
    n.knows(a, b);
    n.knows(b, c);
    n.knows(c, d);
    n.knows(a, c);
    n.knows(d, e);
    CHECK(ids(graph_around(n.store, a, 1, today)) == fmt::format("{} {} {} | {}-{} {}-{} {}-{}", a, b, c, a, b, a, c, b, c));
    CHECK(ids(graph_around(n.store, a, 2, today)) ==
          fmt::format("{} {} {} {} | {}-{} {}-{} {}-{} {}-{}", a, b, c, d, a, b, a, c, b, c, c, d));
    auto alone = n.person("Alone");
    CHECK(ids(graph_around(n.store, alone, 2, today)) == fmt::format("{} |", alone));
}

TEST_CASE("DOT output: a box per person, dashed when not connected, bold centre, escaped labels") {
    Network n;
    auto a = n.person("Ada \"the\" Countess");
    auto b = n.person("Back\\slash", false);
    n.knows(a, b, 5, "met at\nthe club");
    CHECK(to_dot(whole_graph(n.store), a) == fmt::format(R"(graph rolo {{
  node [shape=box, style=rounded];
  {0} [label="Ada \"the\" Countess", style="rounded,bold"];
  {1} [label="Back\\slash", style="rounded,dashed"];
  {0} -- {1} [penwidth=5, label="met at the club"];
}}
)",
                                                         a, b));
}
