#include "rolo/warm_path.hpp"

#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rolo {
namespace {

// The ids within ?2 knows-edges of ?1, walking both directions of each edge
// through its primary key (a) and the knows_b index. Archived people are
// reached too, and left out when the people are loaded.
constexpr const char* reach_sql = R"sql(
WITH RECURSIVE reach(id, depth) AS (
    SELECT ?1, 0
    UNION
    SELECT k.b, r.depth + 1 FROM reach r JOIN knows k ON k.a = r.id WHERE r.depth < ?2
    UNION
    SELECT k.a, r.depth + 1 FROM reach r JOIN knows k ON k.b = r.id WHERE r.depth < ?2
),
nodes AS (SELECT DISTINCT id FROM reach)
)sql";

// The links among the reached: each one's links as a, kept when b was
// reached too. The unary + keeps SQLite from looking up every pair (a, b) of
// reached people in the primary key, which at a few hundred people reached
// is a hundred thousand look-ups for a few hundred links.
void load_edges(Store& store, std::int64_t target, int depth, Neighborhood& graph) {
    SQLite::Statement query(store.db(), std::string(reach_sql) +
                                            "SELECT k.a, k.b, k.strength, k.context FROM knows k "
                                            "WHERE k.a IN nodes AND +k.b IN nodes");
    query.bind(1, target);
    query.bind(2, depth);
    while (query.executeStep()) {
        auto a = query.getColumn(0).getInt64();
        auto b = query.getColumn(1).getInt64();
        int strength = query.getColumn(2).getInt();
        std::string context = sql::text(query.getColumn(3));
        graph.edges[a].push_back({b, strength, context});
        graph.edges[b].push_back({a, strength, std::move(context)});
    }
}

// The people the edges touch, and the target: anyone else reached has no
// edge in the neighbourhood and so can be on no path. Only a connected
// person can be a broker, so only theirs are the history that scores a path:
// most of a neighbourhood is not connected, and each history read is a
// random page of the interactions.
void load_people(Store& store, std::int64_t target, Date today, Neighborhood& graph) {
    nlohmann::json ids = nlohmann::json::array({target});
    for (const auto& [id, edges] : graph.edges) ids.push_back(id);
    SQLite::Statement query(store.db(), R"sql(
SELECT c.id, c.name, c.company, c.connected,
       CASE WHEN c.connected THEN (SELECT count(*) FROM (SELECT 1 FROM interactions i
                                   WHERE i.contact_id = c.id AND i.on_date > ?2 LIMIT 10)) END,
       l.on_date, l.kind
FROM contacts c
LEFT JOIN interactions l ON l.id = CASE WHEN c.connected THEN (SELECT id FROM interactions WHERE contact_id = c.id
                                                               ORDER BY on_date DESC, id DESC LIMIT 1) END
WHERE c.id IN (SELECT value FROM json_each(?1)) AND c.archived = 0
)sql");
    query.bind(1, ids.dump());
    query.bind(2, format_date(add(today, {1, 'y'}, -1)));
    while (query.executeStep()) {
        Person person;
        person.id = query.getColumn(0).getInt64();
        person.name = query.getColumn(1).getString();
        person.company = sql::text(query.getColumn(2));
        person.connected = query.getColumn(3).getInt() != 0;
        person.interactions_past_year = query.getColumn(4).getInt();
        person.last_on = sql::date(query.getColumn(5));
        person.last_kind = sql::text(query.getColumn(6));
        graph.people.emplace(person.id, std::move(person));
    }
}

std::string broker_context(const Person& broker, Date today) {
    if (!broker.last_on) return "no interactions yet";
    int days = days_between(*broker.last_on, today);
    return fmt::format("{} {}", broker.last_kind, days == 0 ? "today" : fmt::format("{}d ago", days));
}

struct Search {
    const Neighborhood& graph;
    Date today;
    int max_edges;
    std::vector<std::int64_t> trail;  // target first, walking back towards you
    std::vector<const Edge*> trail_edges;
    std::vector<IntroPath> found;

    void record() {
        // trail = target .. broker; the path reads broker .. target.
        const Person& broker = graph.people.at(trail.back());
        IntroPath path;
        path.score = broker_tie(broker.interactions_past_year,
                                broker.last_on ? std::optional<int>(days_between(*broker.last_on, today)) : std::nullopt);
        path.hops.push_back({broker.id, broker.name, broker_context(broker, today)});
        for (std::size_t i = trail.size() - 1; i-- > 0;) {
            const Edge& edge = *trail_edges[i];
            path.score *= edge.strength / 5.0;
            const Person& person = graph.people.at(trail[i]);
            path.hops.push_back({person.id, person.name,
                                 edge.context.empty() ? fmt::format("strength {}", edge.strength) : edge.context});
        }
        found.push_back(std::move(path));
    }

    // A connected person on the way is a broker you could ask yourself: a
    // path on through them to someone else is only a longer way round.
    void walk(std::int64_t at) {
        if (trail.size() > 1 && graph.people.at(at).connected) {
            record();
            return;
        }
        if (static_cast<int>(trail_edges.size()) == max_edges) return;
        auto edges = graph.edges.find(at);
        if (edges == graph.edges.end()) return;
        for (const Edge& edge : edges->second) {
            if (!graph.people.contains(edge.other)) continue;
            if (std::find(trail.begin(), trail.end(), edge.other) != trail.end()) continue;
            trail.push_back(edge.other);
            trail_edges.push_back(&edge);
            walk(edge.other);
            trail.pop_back();
            trail_edges.pop_back();
        }
    }
};

}  // namespace

double broker_tie(int interactions_past_year, std::optional<int> days_since_last) {
    double frequency = std::min(interactions_past_year, 10) / 10.0;
    double recency = 0;
    if (days_since_last) recency = std::clamp(1.0 - (std::max(*days_since_last, 30) - 30) / 335.0, 0.0, 1.0);
    return 0.2 + 0.4 * frequency + 0.4 * recency;
}

Neighborhood load_neighborhood(Store& store, std::int64_t target, int hops, Date today) {
    Neighborhood graph;
    int depth = std::max(hops - 1, 0);
    load_edges(store, target, depth, graph);
    load_people(store, target, today, graph);
    return graph;
}

std::vector<IntroPath> find_paths(const Neighborhood& graph, std::int64_t target, int hops, Date today) {
    if (!graph.people.contains(target) || hops < 2) return {};
    Search search{graph, today, hops - 1, {target}, {}, {}};
    search.walk(target);
    auto key = [](const IntroPath& path) {
        std::vector<std::string> names;
        for (const auto& hop : path.hops) names.push_back(fold(hop.name) + "#" + std::to_string(hop.id));
        return names;
    };
    std::sort(search.found.begin(), search.found.end(), [&](const IntroPath& a, const IntroPath& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.hops.size() != b.hops.size()) return a.hops.size() < b.hops.size();
        return key(a) < key(b);
    });
    return search.found;
}

std::string describe(const IntroPath& path) {
    std::string text = "you";
    for (const auto& hop : path.hops) text += fmt::format(" → {} ({})", hop.name, hop.context);
    return text;
}

}  // namespace rolo
