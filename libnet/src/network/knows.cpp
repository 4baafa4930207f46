#include "rolo/knows.hpp"

#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "sql.hpp"

#include <cctype>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {

void check_strength(int strength) {
    if (strength < 1 || strength > 5)
        throw Error(fmt::format("strength {} is out of range: expected 1 (barely) to 5 (close)", strength));
}

void link(Store& store, const Knows& edge) {
    if (edge.a == edge.b) throw Error("a person cannot be linked to themselves");
    check_strength(edge.strength);
    SQLite::Statement upsert(store.db(),
                             "INSERT INTO knows (a, b, strength, context, since) VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (a, b) DO UPDATE SET strength = excluded.strength, "
                             "context = coalesce(excluded.context, knows.context)");
    upsert.bind(1, std::min(edge.a, edge.b));
    upsert.bind(2, std::max(edge.a, edge.b));
    upsert.bind(3, edge.strength);
    sql::bind_text(upsert, 4, edge.context);
    sql::bind_date(upsert, 5, edge.since);
    upsert.exec();
}

bool unlink(Store& store, std::int64_t a, std::int64_t b) {
    SQLite::Statement remove(store.db(), "DELETE FROM knows WHERE a = ? AND b = ?");
    remove.bind(1, std::min(a, b));
    remove.bind(2, std::max(a, b));
    return remove.exec() == 1;
}

std::vector<Acquaintance> acquaintances(Store& store, std::int64_t id) {
    SQLite::Statement query(store.db(),
                            "SELECT c.id, c.name, c.company, k.strength, k.context FROM knows k "
                            "JOIN contacts c ON c.id = CASE WHEN k.a = ?1 THEN k.b ELSE k.a END "
                            "WHERE k.a = ?1 OR k.b = ?1 ORDER BY k.strength DESC, rolo_fold(c.name), c.id");
    query.bind(1, id);
    std::vector<Acquaintance> list;
    while (query.executeStep()) {
        Acquaintance person;
        person.id = query.getColumn(0).getInt64();
        person.name = query.getColumn(1).getString();
        person.company = sql::text(query.getColumn(2));
        person.strength = query.getColumn(3).getInt();
        person.context = sql::text(query.getColumn(4));
        list.push_back(std::move(person));
    }
    return list;
}

std::pair<std::string, int> split_strength(const std::string& spec) {
    auto colon = spec.rfind(':');
    if (colon != std::string::npos && colon + 2 == spec.size() && std::isdigit(static_cast<unsigned char>(spec.back()))) {
        int strength = spec.back() - '0';
        check_strength(strength);
        return {spec.substr(0, colon), strength};
    }
    return {spec, default_strength};
}

}  // namespace rolo
