#include "rolo/stats.hpp"

#include "rolo/due.hpp"
#include "rolo/snapshot.hpp"
#include "rolo/store.hpp"
#include "sql.hpp"

#include <chrono>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// An interaction had with several people is a row each sharing a group_id,
// and counts once: count(*) FILTER (WHERE group_id IS NULL) + count(DISTINCT
// group_id), here and below.
// ?1: 30 days before today, ?2: today (tests/bench/due_bench.sh times this
// in the sqlite3 shell too).
constexpr const char* counts_sql = R"sql(
SELECT (SELECT count(*) FROM contacts WHERE archived = 0),
       (SELECT count(*) FROM contacts WHERE archived = 0 AND connected = 1),
       (SELECT count(*) FROM contacts WHERE archived = 1),
       (SELECT count(*) FROM contacts c WHERE archived = 0
           AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = c.id)),
       (SELECT count(*) FILTER (WHERE group_id IS NULL) + count(DISTINCT group_id) FROM interactions),
       (SELECT count(*) FILTER (WHERE group_id IS NULL) + count(DISTINCT group_id) FROM interactions
        WHERE on_date > ?1 AND on_date <= ?2),
       (SELECT max(on_date) FROM interactions WHERE on_date <= ?2),
       (SELECT count(*) FROM knows),
       (SELECT count(*) FROM intros WHERE status = 'open')
)sql";

std::vector<Activity> read_activity(SQLite::Statement& query) {
    std::vector<Activity> rows;
    while (query.executeStep())
        rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt(), query.getColumn(2).getInt()});
    return rows;
}

std::string month_of(std::chrono::year_month month) {
    return fmt::format("{:04}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
}

}  // namespace

NetworkStats network_stats(Store& store, Date today, const Config& config) {
    ReadSnapshot snapshot(store);  // the counts and what is due agree
    SQLite::Statement query(store.db(), counts_sql);
    query.bind(1, format_date(today - std::chrono::days(30)));
    query.bind(2, format_date(today));
    query.executeStep();
    NetworkStats stats;
    stats.people = query.getColumn(0).getInt();
    stats.connected = query.getColumn(1).getInt();
    stats.archived = query.getColumn(2).getInt();
    stats.never_contacted = query.getColumn(3).getInt();
    stats.interactions = query.getColumn(4).getInt();
    stats.past_30_days = query.getColumn(5).getInt();
    stats.last_on = sql::date(query.getColumn(6));
    stats.links = query.getColumn(7).getInt();
    stats.intros_open = query.getColumn(8).getInt();
    DueQuery due;
    due.today = today;
    stats.due_now = static_cast<int>(compute_due(store, due, config).size());
    return stats;
}

std::vector<Activity> activity_by_month(Store& store, Date today, int months) {
    std::chrono::year_month_day day(today);
    std::chrono::year_month last = day.year() / day.month();
    std::chrono::year_month first = last - std::chrono::months(months - 1);
    SQLite::Statement query(store.db(), R"sql(
SELECT substr(on_date, 1, 7), count(*) FILTER (WHERE group_id IS NULL) + count(DISTINCT group_id),
       count(DISTINCT contact_id) FROM interactions
WHERE on_date >= ? AND on_date < ? GROUP BY 1)sql");
    query.bind(1, month_of(first) + "-01");
    query.bind(2, month_of(last + std::chrono::months(1)) + "-01");
    std::vector<Activity> logged = read_activity(query);
    std::vector<Activity> rows;
    auto next = logged.begin();
    for (auto month = first; month <= last; month += std::chrono::months(1)) {
        std::string key = month_of(month);
        if (next != logged.end() && next->key == key)
            rows.push_back(*next++);
        else
            rows.push_back({key, 0, 0});
    }
    return rows;
}

std::vector<Activity> activity_by_kind(Store& store) {
    SQLite::Statement query(store.db(), R"sql(
SELECT kind, count(*) FILTER (WHERE group_id IS NULL) + count(DISTINCT group_id), count(DISTINCT contact_id)
FROM interactions GROUP BY kind ORDER BY 2 DESC, kind)sql");
    return read_activity(query);
}

std::vector<Activity> activity_by_tag(Store& store) {
    SQLite::Statement query(store.db(), R"sql(
SELECT t.tag, coalesce(sum(logged.n), 0), count(*) FROM tags t
JOIN contacts c ON c.id = t.contact_id
LEFT JOIN (SELECT contact_id, count(*) AS n FROM interactions GROUP BY contact_id) logged
    ON logged.contact_id = t.contact_id
WHERE c.archived = 0 GROUP BY t.tag ORDER BY 3 DESC, t.tag)sql");
    return read_activity(query);
}

}  // namespace rolo
