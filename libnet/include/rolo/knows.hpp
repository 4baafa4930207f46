#pragma once
// "These two people know each other": the undirected edges of the graph that
// `rolo intro` searches. You are not in it; every connected contact is one hop from you.
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rolo {

class Store;

constexpr int default_strength = 3;

struct Knows {
    std::int64_t a = 0;
    std::int64_t b = 0;
    int strength = default_strength;  // 1 (barely) .. 5 (close)
    std::string context = {};         // how they know each other
    std::optional<Date> since = {};
};

// Adds the edge, or updates its strength and (when given) context of an existing one.
void link(Store& store, const Knows& edge);

// Returns false when there was no such edge.
bool unlink(Store& store, std::int64_t a, std::int64_t b);

// Someone a contact knows, seen from that contact.
struct Acquaintance {
    std::int64_t id = 0;
    std::string name;
    std::string company;
    int strength = default_strength;
    std::string context;
};

// Strongest first, then by name.
std::vector<Acquaintance> acquaintances(Store& store, std::int64_t id);

// Parses "WHO[:STRENGTH]" into the WHO text and the strength (1..5, default 3).
std::pair<std::string, int> split_strength(const std::string& spec);

void check_strength(int strength);

}  // namespace rolo
