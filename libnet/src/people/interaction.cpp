#include "rolo/interaction.hpp"

#include "rolo/contact.hpp"
#include "rolo/provenance.hpp"
#include "rolo/error.hpp"
#include "rolo/search.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"
#include "where.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {

const std::vector<std::string_view>& interaction_kinds() {
    static const std::vector<std::string_view> kinds = {"meeting", "coffee", "call",   "email",    "message",
                                                        "event",   "note",   "invite", "accepted", "intro",
                                                        "job-change"};
    return kinds;
}

namespace {

bool is_kind(std::string_view word) {
    const auto& kinds = interaction_kinds();
    return std::find(kinds.begin(), kinds.end(), word) != kinds.end();
}

}  // namespace

void check_interaction_kind(std::string_view kind) {
    if (is_kind(kind)) return;
    throw Error(fmt::format("unknown interaction kind '{}': expected one of {}", kind,
                            fmt::join(interaction_kinds(), ", ")));
}

namespace {

struct KindWord {
    std::string_view word, kind;
};
constexpr KindWord rolo_kind_words[] = {
    {"lunch", "meeting"}, {"dinner", "meeting"}, {"drinks", "meeting"}, {"breakfast", "meeting"},
    {"video", "call"},    {"zoom", "call"},      {"phone", "call"},     {"text", "message"},
    {"sms", "message"},   {"whatsapp", "message"}};

// What each kind that needs no summary is logged as when none is given.
constexpr KindWord summaries_by_kind[] = {
    {"invite", "sent a connection request"}, {"accepted", "accepted the connection request"},
    {"job-change", "changed jobs"}};

}  // namespace

LoggedKind logged_kind(std::string_view word, const KindWords& user_words) {
    if (is_kind(word)) return {std::string(word), ""};
    std::string spoken = fold(word);
    if (auto user = user_words.find(word); user != user_words.end()) {
        if (!is_kind(user->second))
            throw Error(fmt::format("config [kinds] {} = \"{}\" is not a kind: expected one of {}", user->first,
                                    user->second, fmt::join(interaction_kinds(), ", ")));
        return {user->second, spoken};
    }
    for (const auto& known : rolo_kind_words)
        if (known.word == spoken) return {std::string(known.kind), spoken};
    check_interaction_kind(word);  // throws, listing the kinds
    return {};
}

bool kind_needs_summary(std::string_view kind) {
    return std::none_of(std::begin(summaries_by_kind), std::end(summaries_by_kind),
                        [kind](const KindWord& known) { return known.word == kind; });
}

std::string logged_summary(const LoggedKind& kind, std::string_view summary) {
    std::string text = trim(summary);
    if (text.empty()) {
        for (const auto& known : summaries_by_kind)
            if (known.word == kind.kind) return std::string(known.kind);
        return text;
    }
    if (kind.word.empty() || fold(text).find(kind.word) != std::string::npos) return text;
    return kind.word + ": " + text;
}

std::string_view to_string(Direction direction) { return direction == Direction::in ? "in" : "out"; }

namespace {

constexpr std::string_view select_interactions =
    "SELECT i.id, i.contact_id, i.on_date, i.kind, i.direction, i.summary, i.next_on, i.created_at, c.name, i.topic, "
    "i.by_rolo, i.todo, i.done_on, i.group_id, i.body, i.import_key FROM interactions i JOIN contacts c ON c.id = i.contact_id ";

std::vector<Interaction> read_interactions(SQLite::Statement& query) {
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
        i.todo = sql::text(query.getColumn(11));
        i.done_on = sql::date(query.getColumn(12));
        if (!query.getColumn(13).isNull()) i.group_id = query.getColumn(13).getInt64();
        i.body = sql::text(query.getColumn(14));
        if (!query.getColumn(15).isNull()) i.import_key = query.getColumn(15).getInt64();
        list.push_back(std::move(i));
    }
    return list;
}

// The row alone, as it is (a restore brings its created_at); returns the
// contact it belongs to (an Error when there is none).
Contact insert_row(Store& store, Interaction& interaction) {
    check_interaction_kind(interaction.kind);
    Contact contact = get_contact(store, interaction.contact_id);
    SQLite::Statement insert(store.db(),
                             "INSERT INTO interactions (contact_id, on_date, kind, direction, summary, next_on, "
                             "created_at, topic, by_rolo, todo, done_on, group_id, body, import_key) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, interaction.contact_id);
    insert.bind(2, format_date(interaction.on));
    insert.bind(3, interaction.kind);
    insert.bind(4, std::string(to_string(interaction.direction)));
    insert.bind(5, interaction.summary);
    sql::bind_date(insert, 6, interaction.next_on);
    insert.bind(7, interaction.created_at);
    sql::bind_text(insert, 8, interaction.topic);
    insert.bind(9, interaction.by_rolo ? 1 : 0);
    sql::bind_text(insert, 10, interaction.todo);
    sql::bind_date(insert, 11, interaction.done_on);
    if (interaction.group_id) insert.bind(12, *interaction.group_id);
    sql::bind_text(insert, 13, interaction.body);
    if (interaction.import_key) insert.bind(14, *interaction.import_key);
    insert.exec();
    interaction.id = store.db().getLastInsertRowid();
    interaction.contact_name = contact.name;
    return contact;
}

void check_todo(const Interaction& interaction) {
    if (!interaction.todo.empty() && !interaction.next_on)
        throw Error("a todo needs a date: give --next too (a date or a duration like 2w)");
}

void record_effect(Store& store, const Interaction& interaction, std::string_view effect, std::int64_t row_id,
                   const Contact* before) {
    SQLite::Statement insert(store.db(), "INSERT INTO log_effects (interaction_id, effect, row_id, old_connected, "
                                         "old_connected_on) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, interaction.id);
    insert.bind(2, std::string(effect));
    insert.bind(3, row_id);
    if (before) {
        insert.bind(4, before->connected ? 1 : 0);
        sql::bind_date(insert, 5, before->connected_on);
    }
    insert.exec();
}

// What an interaction's kind means beyond its own row, recorded as done.
void apply_effects(Store& store, const Interaction& interaction, Date today) {
    if (interaction.kind == "intro" && interaction.direction == Direction::out)
        for (auto intro_id : mark_followed_up(store, interaction.contact_id, interaction.on))
            record_effect(store, interaction, "followed_up", intro_id, nullptr);
    if (interaction.kind != "accepted") return;
    Contact contact = get_contact(store, interaction.contact_id);
    if (contact.connected && contact.connected_on) return;
    record_effect(store, interaction, "connected", contact.id, &contact);
    const Contact before = contact;
    contact.connected = true;
    contact.connected_on = interaction.on;
    record_changes(before, contact, Source::user, timestamp(today));
    update_contact(store, contact, today);
}

// Undoes what apply_effects recorded for this interaction, each only where
// it still stands (an edit since wins), and forgets the record.
std::vector<std::string> revert_effects(Store& store, const Interaction& interaction, Date today) {
    struct Effect {
        std::string effect;
        std::int64_t row_id;
        bool old_connected;
        std::optional<Date> old_connected_on;
    };
    std::vector<Effect> effects;
    SQLite::Statement query(store.db(), "SELECT effect, row_id, old_connected, old_connected_on FROM log_effects "
                                        "WHERE interaction_id = ? ORDER BY rowid");
    query.bind(1, interaction.id);
    while (query.executeStep())
        effects.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                           query.getColumn(2).getInt() != 0, sql::date(query.getColumn(3))});
    std::vector<std::string> reverted;
    for (const auto& e : effects) {
        if (e.effect == "followed_up") {
            if (unmark_followed_up(store, e.row_id, interaction.on))
                reverted.push_back(fmt::format("intro #{} is no longer followed up", e.row_id));
            continue;
        }
        Contact contact = get_contact(store, e.row_id);
        if (!contact.connected || contact.connected_on != interaction.on) continue;
        const Contact before = contact;
        contact.connected = e.old_connected;
        contact.connected_on = e.old_connected_on;
        record_changes(before, contact, Source::user, timestamp(today));
        update_contact(store, contact, today);
        reverted.push_back(e.old_connected ? fmt::format("{} is connected as before, since {}", contact.name,
                                                         e.old_connected_on ? format_date(*e.old_connected_on) : "an unknown day")
                                           : fmt::format("{} is no longer connected", contact.name));
    }
    SQLite::Statement forget(store.db(), "DELETE FROM log_effects WHERE interaction_id = ?");
    forget.bind(1, interaction.id);
    forget.exec();
    return reverted;
}

}  // namespace

std::int64_t insert_interaction(Store& store, Interaction& interaction) {
    insert_row(store, interaction);
    return interaction.id;
}

std::int64_t log_interaction(Store& store, Interaction& interaction, Date today) {
    check_todo(interaction);
    interaction.created_at = timestamp(today);
    insert_row(store, interaction);
    apply_effects(store, interaction, today);
    return interaction.id;
}

namespace {

constexpr const char* search_insert_trigger = "interaction_search_insert";

std::int64_t last_interaction_id(Store& store) {
    return store.db().execAndGet("SELECT coalesce(max(id), 0) FROM interactions").getInt64();
}

}  // namespace

DeferredIndexes::DeferredIndexes(Store& store) : store_(store), last_id_before_(last_interaction_id(store)) {
    SQLite::Statement trigger(store.db(), "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
    trigger.bind(1, search_insert_trigger);
    if (!trigger.executeStep())
        throw Error(fmt::format("the database has no trigger {}: was it changed outside rolo?", search_insert_trigger));
    trigger_sql_ = trigger.getColumn(0).getString();
    store.db().exec(fmt::format("DROP TRIGGER {}", search_insert_trigger));
}

DeferredIndexes::~DeferredIndexes() {
    if (finished_) return;
    try {
        for (const auto& sql : index_sql_) store_.db().exec(sql);
        store_.db().exec(trigger_sql_);
    } catch (const SQLite::Exception&) {
        // The transaction around it is being undone, and the DROPs with it.
    }
}

void DeferredIndexes::defer_table_indexes() {
    if (!index_sql_.empty()) return;
    // The indexes every imported row enters. The other partial ones (open
    // to-dos, groups, job changes) take next to none of them, and building
    // one again would cost a scan of the table.
    SQLite::Statement indexes(store_.db(), "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                           "tbl_name = 'interactions' AND sql IS NOT NULL AND "
                                           "(sql NOT LIKE '% WHERE %' OR name = 'interactions_import_key') ORDER BY name");
    std::vector<std::string> names;
    while (indexes.executeStep()) {
        names.push_back(indexes.getColumn(0).getString());
        index_sql_.push_back(indexes.getColumn(1).getString());
    }
    for (const auto& name : names) store_.db().exec(fmt::format("DROP INDEX \"{}\"", name));
}

void DeferredIndexes::finish() {
    for (const auto& sql : index_sql_) store_.db().exec(sql);
    SQLite::Statement index(store_.db(), "INSERT INTO interaction_search (rowid, summary, topic, body) "
                                         "SELECT id, summary, topic, body FROM interactions WHERE id > ?");
    index.bind(1, last_id_before_);
    index.exec();
    store_.db().exec(trigger_sql_);
    finished_ = true;
}

std::size_t InteractionImporter::KeyHash::operator()(const std::pair<std::int64_t, std::int64_t>& key) const noexcept {
    // import_key is already a hash; the person's id spreads keys shared by a group.
    auto [person, import_key] = key;
    return std::hash<std::uint64_t>()(static_cast<std::uint64_t>(import_key) ^
                                      (static_cast<std::uint64_t>(person) * 0x9e3779b97f4a7c15ULL));
}

namespace {

constexpr std::string_view insert_imported =
    "INSERT OR IGNORE INTO interactions (contact_id, on_date, kind, direction, summary, created_at, topic, by_rolo, "
    "body, import_key) VALUES ";
constexpr std::string_view imported_row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr int imported_columns = 10;

// Binds the row's values from `first` on, in place: the row outlives exec().
void bind_imported(SQLite::Statement& insert, int first, const Interaction& row) {
    insert.bind(first, row.contact_id);
    insert.bind(first + 1, format_date(row.on));
    insert.bindNoCopy(first + 2, row.kind);
    insert.bind(first + 3, std::string(to_string(row.direction)));
    insert.bindNoCopy(first + 4, row.summary);
    insert.bindNoCopy(first + 5, row.created_at);
    sql::bind_text_in_place(insert, first + 6, row.topic);
    insert.bind(first + 7, row.by_rolo ? 1 : 0);
    sql::bind_text_in_place(insert, first + 8, row.body);
    if (row.import_key) insert.bind(first + 9, *row.import_key);
}

}  // namespace

InteractionImporter::InteractionImporter(Store& store)
    : store_(store),
      indexes_(store),
      insert_(std::make_unique<SQLite::Statement>(store.db(), fmt::format("{}{}", insert_imported, imported_row))) {}

InteractionImporter::~InteractionImporter() = default;

void InteractionImporter::expect(std::int64_t rows) {
    if (insert_batch_) return;  // already writing in batches, its indexes deferred
    if (store_.db().execAndGet("SELECT count(*) FROM interactions").getInt64() >= rows) return;
    SQLite::Statement keys(store_.db(), "SELECT contact_id, import_key FROM interactions WHERE import_key IS NOT NULL");
    while (keys.executeStep()) keys_.emplace(keys.getColumn(0).getInt64(), keys.getColumn(1).getInt64());
    indexes_.defer_table_indexes();
    std::vector<std::string_view> rows_sql(batch_rows, imported_row);
    insert_batch_ = std::make_unique<SQLite::Statement>(
        store_.db(), fmt::format("{}{}", insert_imported, fmt::join(rows_sql, ", ")));
    pending_.reserve(batch_rows);
}

bool InteractionImporter::insert(Interaction interaction, Date today) {
    if (created_at_.empty()) created_at_ = timestamp(today);
    interaction.created_at = created_at_;
    if (insert_batch_) {
        if (interaction.import_key && !keys_.emplace(interaction.contact_id, *interaction.import_key).second)
            return false;
        pending_.push_back(std::move(interaction));
        if (pending_.size() == batch_rows) write_pending();
        return true;
    }
    insert_->reset();
    insert_->clearBindings();
    bind_imported(*insert_, 1, interaction);
    return insert_->exec() > 0;
}

void InteractionImporter::write_pending() {
    // A whole batch in one statement; what is left over, a row at a time.
    bool whole = pending_.size() == batch_rows;
    SQLite::Statement& statement = whole ? *insert_batch_ : *insert_;
    std::size_t per_statement = whole ? batch_rows : 1;
    for (std::size_t first = 0; first < pending_.size(); first += per_statement) {
        statement.reset();
        statement.clearBindings();
        for (std::size_t i = 0; i < per_statement; ++i)
            bind_imported(statement, static_cast<int>(i) * imported_columns + 1, pending_[first + i]);
        statement.exec();
    }
    pending_.clear();
}

void InteractionImporter::finish() {
    write_pending();
    indexes_.finish();
}

std::vector<Interaction> log_group(Store& store, const Interaction& interaction,
                                   const std::vector<std::int64_t>& contact_ids, Date today) {
    for (auto it = contact_ids.begin(); it != contact_ids.end(); ++it)
        if (std::find(contact_ids.begin(), it, *it) != it)
            throw Error(fmt::format("#{} is named twice; nothing logged", *it));
    std::vector<Interaction> rows;
    for (auto contact_id : contact_ids) {
        Interaction row = interaction;
        row.contact_id = contact_id;
        if (!rows.empty()) row.group_id = rows.front().id;
        log_interaction(store, row, today);
        rows.push_back(std::move(row));
    }
    if (rows.size() > 1) start_group(store, rows.front());
    return rows;
}

std::int64_t start_group(Store& store, Interaction& first) {
    SQLite::Statement update(store.db(), "UPDATE interactions SET group_id = id WHERE id = ?");
    update.bind(1, first.id);
    update.exec();
    first.group_id = first.id;
    return first.id;
}

std::int64_t last_logged_interaction(Store& store) {
    // Ids only grow, so the highest is the newest; imported rows are history, not a slip.
    SQLite::Statement query(store.db(), "SELECT max(id) FROM interactions WHERE import_key IS NULL");
    if (!query.executeStep() || query.getColumn(0).isNull()) throw Error("nothing logged yet: no interaction to remove");
    return query.getColumn(0).getInt64();
}

std::vector<Interaction> interaction_group(Store& store, std::int64_t id) {
    SQLite::Statement query(store.db(), std::string(select_interactions) +
                                            "WHERE i.id = ?1 OR i.group_id = (SELECT group_id FROM interactions "
                                            "WHERE id = ?1) ORDER BY i.id");
    query.bind(1, id);
    auto rows = read_interactions(query);
    if (rows.empty()) throw Error(fmt::format("no interaction #{}; 'rolo history' lists them with their ids", id));
    return rows;
}

std::vector<Interaction> amend_interaction(Store& store, std::int64_t id, const InteractionChange& change, Date today) {
    if (change.kind) check_interaction_kind(*change.kind);
    auto rows = interaction_group(store, id);
    SQLite::Statement update(store.db(), "UPDATE interactions SET on_date = ?, kind = ?, direction = ?, summary = ?, "
                                         "next_on = ?, topic = ?, todo = ? WHERE id = ?");
    for (auto& row : rows) {
        revert_effects(store, row, today);
        row.kind = change.kind.value_or(row.kind);
        row.summary = change.summary.value_or(row.summary);
        row.topic = change.topic.value_or(row.topic);
        row.todo = change.todo.value_or(row.todo);
        row.on = change.on.value_or(row.on);
        if (change.next_on) row.next_on = change.next_on;
        row.direction = change.direction.value_or(row.direction);
        check_todo(row);
        update.reset();
        update.bind(1, format_date(row.on));
        update.bind(2, row.kind);
        update.bind(3, std::string(to_string(row.direction)));
        update.bind(4, row.summary);
        sql::bind_date(update, 5, row.next_on);
        sql::bind_text(update, 6, row.topic);
        sql::bind_text(update, 7, row.todo);
        update.bind(8, row.id);
        update.exec();
        apply_effects(store, row, today);
    }
    return rows;
}

std::vector<std::string> unlog_interaction(Store& store, std::int64_t id, Date today) {
    std::vector<std::string> reverted;
    SQLite::Statement remove(store.db(), "DELETE FROM interactions WHERE id = ?");
    for (const auto& row : interaction_group(store, id)) {
        auto undone = revert_effects(store, row, today);
        reverted.insert(reverted.end(), undone.begin(), undone.end());
        remove.reset();
        remove.bind(1, row.id);
        remove.exec();
    }
    return reverted;
}

std::vector<NextStep> open_next_steps(Store& store, std::int64_t contact_id) {
    SQLite::Statement query(store.db(), R"sql(
SELECT id, next_on, todo, summary FROM interactions
WHERE contact_id = ?1 AND next_on IS NOT NULL AND done_on IS NULL
  AND (todo IS NOT NULL OR id = (SELECT id FROM interactions WHERE contact_id = ?1 ORDER BY on_date DESC, id DESC LIMIT 1))
ORDER BY next_on, id)sql");
    query.bind(1, contact_id);
    std::vector<NextStep> steps;
    while (query.executeStep())
        steps.push_back({query.getColumn(0).getInt64(), sql::date(query.getColumn(1)).value_or(Date{}),
                         sql::text(query.getColumn(2)), query.getColumn(3).getString()});
    return steps;
}

std::multimap<std::int64_t, NextStep> open_todos(Store& store) {
    SQLite::Statement query(store.db(), "SELECT contact_id, id, next_on, todo, summary FROM interactions "
                                        "WHERE todo IS NOT NULL AND done_on IS NULL AND next_on IS NOT NULL");
    std::multimap<std::int64_t, NextStep> todos;
    while (query.executeStep())
        todos.emplace(query.getColumn(0).getInt64(),
                      NextStep{query.getColumn(1).getInt64(), sql::date(query.getColumn(2)).value_or(Date{}),
                               query.getColumn(3).getString(), query.getColumn(4).getString()});
    return todos;
}

std::string describe(const NextStep& step) {
    return fmt::format("#{} {} by {}", step.interaction_id,
                       step.todo.empty() ? fmt::format("follow up on \"{}\"", step.summary) : step.todo,
                       format_date(step.due_on));
}

NextStep finish_next_step(Store& store, std::int64_t contact_id, std::optional<std::int64_t> interaction_id,
                          Date today) {
    auto steps = open_next_steps(store, contact_id);
    Contact contact = get_contact(store, contact_id);
    if (interaction_id) std::erase_if(steps, [&](const NextStep& s) { return s.interaction_id != *interaction_id; });
    if (steps.empty())
        throw Error(interaction_id ? fmt::format("{} has no open todo #{}", describe(contact), *interaction_id)
                                   : fmt::format("{} has no open next step", describe(contact)));
    if (steps.size() > 1) {
        std::vector<std::string> listed;
        for (const auto& step : steps) listed.push_back(describe(step));
        throw Error(fmt::format("{} has {} open next steps: {}; say which with --todo-id", describe(contact),
                                steps.size(), join(listed, ", ")));
    }
    SQLite::Statement update(store.db(), "UPDATE interactions SET done_on = ? WHERE id = ?");
    update.bind(1, format_date(today));
    update.bind(2, steps.front().interaction_id);
    update.exec();
    return steps.front();
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
    SQLite::Statement query(store.db(), std::string(select_interactions) + where.sql() +
                                            "ORDER BY i.on_date DESC, i.id DESC LIMIT " + limit);
    where.bind(query);
    return read_interactions(query);
}

std::vector<std::int64_t> mark_followed_up(Store& store, std::int64_t broker_id, Date on) {
    SQLite::Statement update(store.db(),
                             "UPDATE intros SET followed_up_on = ?2 WHERE kind = 'asked' AND status = 'open' "
                             "AND followed_up_on IS NULL AND broker_id = ?1 AND asked_on < ?2 RETURNING id");
    update.bind(1, broker_id);
    update.bind(2, format_date(on));
    std::vector<std::int64_t> marked;
    while (update.executeStep()) marked.push_back(update.getColumn(0).getInt64());
    return marked;
}

bool unmark_followed_up(Store& store, std::int64_t intro_id, Date on) {
    SQLite::Statement update(store.db(), "UPDATE intros SET followed_up_on = NULL WHERE id = ? AND followed_up_on = ?");
    update.bind(1, intro_id);
    update.bind(2, format_date(on));
    return update.exec() > 0;
}

}  // namespace rolo
