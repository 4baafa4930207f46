#include "rolo/intro.hpp"

#include "rolo/store.hpp"
#include "sql.hpp"

namespace rolo {

void mark_followed_up(Store& store, std::int64_t broker_id, Date on) {
    SQLite::Statement update(store.db(),
                             "UPDATE intros SET followed_up_on = ?2 WHERE kind = 'asked' AND status = 'open' "
                             "AND followed_up_on IS NULL AND broker_id = ?1 AND asked_on < ?2");
    update.bind(1, broker_id);
    update.bind(2, format_date(on));
    update.exec();
}

std::vector<Intro> intros_involving(Store& store, std::int64_t contact_id) {
    SQLite::Statement query(store.db(),
                            "SELECT i.id, i.kind, i.broker_id, b.name, i.target_id, t.name, i.asked_on, "
                            "i.followed_up_on, i.status, i.reason, i.note FROM intros i "
                            "JOIN contacts b ON b.id = i.broker_id JOIN contacts t ON t.id = i.target_id "
                            "WHERE i.broker_id = ?1 OR i.target_id = ?1 "
                            "ORDER BY i.status <> 'open', i.asked_on DESC, i.id DESC");
    query.bind(1, contact_id);
    std::vector<Intro> intros;
    while (query.executeStep()) {
        Intro intro;
        intro.id = query.getColumn(0).getInt64();
        intro.kind = query.getColumn(1).getString();
        intro.broker_id = query.getColumn(2).getInt64();
        intro.broker_name = query.getColumn(3).getString();
        intro.target_id = query.getColumn(4).getInt64();
        intro.target_name = query.getColumn(5).getString();
        intro.asked_on = sql::date(query.getColumn(6)).value_or(Date{});
        intro.followed_up_on = sql::date(query.getColumn(7));
        intro.status = query.getColumn(8).getString();
        intro.reason = sql::text(query.getColumn(9));
        intro.note = sql::text(query.getColumn(10));
        intros.push_back(std::move(intro));
    }
    return intros;
}

}  // namespace rolo
