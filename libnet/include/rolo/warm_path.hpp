#pragma once
// Warm paths: who can introduce you to someone. You are implicitly linked to
// every connected contact; from there the search follows `knows` edges.
// Only the target's neighbourhood (hops - 1 edges around it) is loaded: one
// query walks out to its edges, one reads the people those edges touch; the
// search itself is a bounded depth-first walk in memory.
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rolo {

class Store;

// Your tie to a person, from 0.2 (no interactions) to 1: 0.2, plus up to 0.4
// for frequency (interactions in the past year, counted up to 10), plus up to
// 0.4 for recency (full within 30 days of the last interaction, falling
// linearly to nothing at 365 days).
double broker_tie(int interactions_past_year, std::optional<int> days_since_last);

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::string company;
    bool connected = false;
    int interactions_past_year = 0;
    std::optional<Date> last_on;
    std::string last_kind;
};

struct Edge {
    std::int64_t other = 0;
    int strength = 3;
    std::string context;
};

// The people and edges within reach of a target, archived people left out.
struct Neighborhood {
    std::unordered_map<std::int64_t, Person> people;
    std::unordered_map<std::int64_t, std::vector<Edge>> edges;
};

Neighborhood load_neighborhood(Store& store, std::int64_t target, int hops, Date today);

struct Hop {
    std::int64_t id = 0;
    std::string name;
    std::string context;  // how this hop is known: "coffee 12d ago", "worked together at Acme"
};

struct IntroPath {
    std::vector<Hop> hops;  // from your first broker to the target
    double score = 0;       // broker_tie(first) x product of edge strength / 5
};

// Every simple path from you to the target of at most `hops` hops (the first
// hop is you -> a connected contact), best first; ties by length, then names.
std::vector<IntroPath> find_paths(const Neighborhood& graph, std::int64_t target, int hops, Date today);

// "you → Janet Mellor (coffee 12d ago) → Clive Smith (worked together at Acme)"
std::string describe(const IntroPath& path);

}  // namespace rolo
