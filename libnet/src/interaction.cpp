#include "rolo/interaction.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/intro.hpp"
#include "rolo/search.hpp"
#include "rolo/store.hpp"
#include "sql.hpp"
#include "where.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {

const std::vector<std::string_view>& interaction_kinds() {
    static const std::vector<std::string_view> kinds = {"meeting", "coffee", "call",   "email",    "message",
                                                        "event",   "note",   "invite", "accepted", "intro"};
    return kinds;
}

void check_interaction_kind(std::string_view kind) {
    const auto& kinds = interaction_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
    throw Error(fmt::format("unknown interaction kind '{}': expected one of {}", kind, fmt::join(kinds, ", ")));
}

std::string_view to_string(Direction direction) { return direction == Direction::in ? "in" : "out"; }

std::int64_t log_interaction(Store& store, Interaction& interaction, Date today) {
    check_interaction_kind(interaction.kind);
    Contact contact = get_contact(store, interaction.contact_id);
    interaction.created_at = timestamp(today);
    SQLite::Statement insert(store.db(),
                             "INSERT INTO interactions (contact_id, on_date, kind, direction, summary, next_on, "
                             "created_at, topic, by_rolo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, interaction.contact_id);
    insert.bind(2, format_date(interaction.on));
    insert.bind(3, interaction.kind);
    insert.bind(4, std::string(to_string(interaction.direction)));
    insert.bind(5, interaction.summary);
    sql::bind_date(insert, 6, interaction.next_on);
    insert.bind(7, interaction.created_at);
    sql::bind_text(insert, 8, interaction.topic);
    insert.bind(9, interaction.by_rolo ? 1 : 0);
    insert.exec();
    interaction.id = store.db().getLastInsertRowid();
    interaction.contact_name = contact.name;
    if (interaction.kind == "intro" && interaction.direction == Direction::out)
        mark_followed_up(store, interaction.contact_id, interaction.on);
    if (interaction.kind == "accepted" && !(contact.connected && contact.connected_on)) {
        contact.connected = true;
        contact.connected_on = interaction.on;
        update_contact(store, contact, today);
    }
    return interaction.id;
}

std::vector<Interaction> list_interactions(Store& store, const HistoryFilter& filter) {
    sql::Where where;
    if (filter.contact_id) where.add("i.contact_id = ?", *filter.contact_id);
    if (filter.since) where.add("i.on_date >= ?", format_date(*filter.since));
    if (filter.kind) where.add("i.kind = ?", *filter.kind);
    if (filter.grep) {
        auto query = SearchQuery::parse(*filter.grep);
        if (!query.words.empty())
            where.add("i.id IN (SELECT rowid FROM interaction_search WHERE interaction_search MATCH ?)", query.words);
        if (!query.fields.empty())
            where.add("i.contact_id IN (SELECT rowid FROM person_search WHERE person_search MATCH ?)", query.fields);
    }
    std::string limit = where.parameter(std::int64_t{filter.limit ? *filter.limit : -1});
    SQLite::Statement query(store.db(),
                            "SELECT i.id, i.contact_id, i.on_date, i.kind, i.direction, i.summary, i.next_on, "
                            "i.created_at, c.name, i.topic, i.by_rolo FROM interactions i JOIN contacts c ON c.id = i.contact_id " +
                                where.sql() + "ORDER BY i.on_date DESC, i.id DESC LIMIT " + limit);
    where.bind(query);
    std::vector<Interaction> list;
    while (query.executeStep()) {
        Interaction i;
        i.id = query.getColumn(0).getInt64();
        i.contact_id = query.getColumn(1).getInt64();
        i.on = parse_iso_date(query.getColumn(2).getString()).value_or(Date{});
        i.kind = query.getColumn(3).getString();
        i.direction = query.getColumn(4).getString() == "in" ? Direction::in : Direction::out;
        i.summary = query.getColumn(5).getString();
        i.next_on = sql::date(query.getColumn(6));
        i.created_at = query.getColumn(7).getString();
        i.contact_name = query.getColumn(8).getString();
        i.topic = sql::text(query.getColumn(9));
        i.by_rolo = query.getColumn(10).getInt() != 0;
        list.push_back(std::move(i));
    }
    return list;
}

}  // namespace rolo
