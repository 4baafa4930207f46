#include "rolo/graph.hpp"

#include "rolo/snapshot.hpp"
#include "rolo/store.hpp"
#include "sql.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// The whole graph: links between active people, and those people
// (tests/bench/intro_bench.sh times these in the sqlite3 shell too).
constexpr const char* links_sql = R"sql(
SELECT k.a, k.b, k.strength, k.context, k.since FROM knows k
JOIN contacts ca ON ca.id = k.a AND ca.archived = 0
JOIN contacts cb ON cb.id = k.b AND cb.archived = 0 ORDER BY k.a, k.b
)sql";
constexpr const char* people_sql = R"sql(
SELECT c.id, c.name, c.company, c.connected FROM contacts c
WHERE c.archived = 0 AND EXISTS (
    SELECT 1 FROM knows k JOIN contacts other ON other.id = CASE WHEN k.a = c.id THEN k.b ELSE k.a END
    WHERE (k.a = c.id OR k.b = c.id) AND other.archived = 0)
ORDER BY c.id
)sql";

// A DOT double-quoted string: quotes and backslashes escaped, and line
// breaks (which DOT would keep) made spaces.
std::string dot_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out + '"';
}

}  // namespace

void visit_whole_graph(Store& store, const GraphVisitor& visit) {
    // Both queries read one snapshot, so a link added between them cannot name
    // someone the first one missed.
    ReadSnapshot snapshot(store);
    SQLite::Statement people(store.db(), people_sql);
    while (people.executeStep()) {
        Person person;
        person.id = people.getColumn(0).getInt64();
        person.name = people.getColumn(1).getString();
        person.company = sql::text(people.getColumn(2));
        person.connected = people.getColumn(3).getInt() != 0;
        visit.person(person);
    }
    SQLite::Statement links(store.db(), links_sql);
    while (links.executeStep())
        visit.link({links.getColumn(0).getInt64(), links.getColumn(1).getInt64(), links.getColumn(2).getInt(),
                    sql::text(links.getColumn(3)), sql::date(links.getColumn(4))});
}

void visit_graph(const KnowsGraph& graph, const GraphVisitor& visit) {
    for (const Person& person : graph.people) visit.person(person);
    for (const Knows& link : graph.links) visit.link(link);
}

KnowsGraph whole_graph(Store& store) {
    KnowsGraph graph;
    visit_whole_graph(store, {[&](const Person& p) { graph.people.push_back(p); },
                              [&](const Knows& k) { graph.links.push_back(k); }});
    return graph;
}

KnowsGraph graph_around(Store& store, std::int64_t centre, int hops, Date today) {
    ReadSnapshot snapshot(store);
    // The warm-path search loads `hops` links around a target when asked for hops + 1.
    Neighborhood around = load_neighborhood(store, centre, hops + 1, today);
    KnowsGraph graph;
    for (const auto& [id, person] : around.people) graph.people.push_back(person);
    std::sort(graph.people.begin(), graph.people.end(), [](const Person& a, const Person& b) { return a.id < b.id; });
    for (const auto& [id, edges] : around.edges)
        for (const Edge& edge : edges)
            if (id < edge.other && around.people.contains(id) && around.people.contains(edge.other))
                graph.links.push_back({id, edge.other, edge.strength, edge.context, std::nullopt});
    std::sort(graph.links.begin(), graph.links.end(),
              [](const Knows& x, const Knows& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
    return graph;
}

std::string dot_head() { return "graph rolo {\n  node [shape=box, style=rounded];\n"; }

std::string dot_node(const Person& p, std::optional<std::int64_t> centre) {
    std::string label = p.company.empty() ? p.name : p.name + " (" + p.company + ")";
    std::string style = p.id == centre ? "rounded,bold" : p.connected ? "" : "rounded,dashed";
    return fmt::format("  {} [label={}{}];\n", p.id, dot_string(label),
                       style.empty() ? "" : fmt::format(", style=\"{}\"", style));
}

std::string dot_link(const Knows& k) {
    return fmt::format("  {} -- {} [penwidth={}{}];\n", k.a, k.b, k.strength,
                       k.context.empty() ? "" : ", label=" + dot_string(k.context));
}

std::string dot_tail() { return "}\n"; }

void add_you(Store& store, KnowsGraph& graph, bool all_connected) {
    std::vector<Person> people(1);
    people[0].id = you_id;
    people[0].name = "you";
    people[0].connected = true;
    std::vector<Knows> links;
    if (all_connected) {
        SQLite::Statement connected(store.db(), "SELECT id, name, company FROM contacts WHERE archived = 0 AND connected = 1");
        while (connected.executeStep()) {
            std::int64_t id = connected.getColumn(0).getInt64();
            links.push_back({you_id, id});
            bool known = std::any_of(graph.people.begin(), graph.people.end(), [&](const Person& p) { return p.id == id; });
            if (known) continue;
            Person& person = people.emplace_back();
            person.id = id;
            person.name = connected.getColumn(1).getString();
            person.company = sql::text(connected.getColumn(2));
            person.connected = true;
        }
    } else {
        for (const Person& p : graph.people)
            if (p.connected) links.push_back({you_id, p.id});
    }
    people.insert(people.end(), graph.people.begin(), graph.people.end());
    std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) { return a.id < b.id; });
    graph.people = std::move(people);
    std::sort(links.begin(), links.end(), [](const Knows& x, const Knows& y) { return x.b < y.b; });
    links.insert(links.end(), graph.links.begin(), graph.links.end());
    graph.links = std::move(links);
}

std::string to_dot(const KnowsGraph& graph, std::optional<std::int64_t> centre) {
    std::string out = dot_head();
    visit_graph(graph, {[&](const Person& p) { out += dot_node(p, centre); }, [&](const Knows& k) { out += dot_link(k); }});
    return out + dot_tail();
}

}  // namespace rolo
