#include "rolo/contact.hpp"

#include "rolo/error.hpp"
#include "rolo/provenance.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"
#include "where.hpp"

#include <algorithm>
#include <functional>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

// Tags come back in the same row, joined by the ASCII unit separator.
constexpr const char* select_contacts =
    "SELECT c.id, c.name, c.email, c.phone, c.company, c.title, c.location, c.linkedin_url, c.met_at, "
    "c.met_on, c.interests, c.notes, c.cadence_days, c.connected, c.connected_on, c.archived, c.snoozed_until, "
    "c.created_at, c.updated_at, c.cadence_max_days, (SELECT group_concat(tag, char(31)) FROM tags WHERE contact_id = c.id), "
    "(SELECT max(on_date) FROM interactions WHERE contact_id = c.id) AS last_on, c.call_name, c.sources FROM contacts c ";

Contact read_contact(SQLite::Statement& row) {
    Contact c;
    c.id = row.getColumn(0).getInt64();
    c.name = row.getColumn(1).getString();
    c.email = sql::text(row.getColumn(2));
    c.phone = sql::text(row.getColumn(3));
    c.company = sql::text(row.getColumn(4));
    c.title = sql::text(row.getColumn(5));
    c.location = sql::text(row.getColumn(6));
    c.linkedin_url = sql::text(row.getColumn(7));
    c.met_at = sql::text(row.getColumn(8));
    c.met_on = sql::date(row.getColumn(9));
    c.interests = sql::text(row.getColumn(10));
    c.notes = sql::text(row.getColumn(11));
    if (!row.getColumn(12).isNull()) c.every = Every{row.getColumn(12).getInt(), {}};
    if (c.every && !row.getColumn(19).isNull()) c.every->max_days = row.getColumn(19).getInt();
    c.connected = row.getColumn(13).getInt() != 0;
    c.connected_on = sql::date(row.getColumn(14));
    c.archived = row.getColumn(15).getInt() != 0;
    c.snoozed_until = sql::date(row.getColumn(16));
    c.created_at = row.getColumn(17).getString();
    c.updated_at = row.getColumn(18).getString();
    if (!row.getColumn(20).isNull()) {
        c.tags = split(row.getColumn(20).getString(), '\x1f');
        std::sort(c.tags.begin(), c.tags.end(), tag_less);
    }
    c.last_on = sql::date(row.getColumn(21));
    c.call_name = sql::text(row.getColumn(22));
    c.sources = sql::text(row.getColumn(23));
    return c;
}

// Binds the writable fields as parameters 1..19 and 22, in table column order after
// id, and clears the others. Most fields of an imported contact are empty:
// clearing them all at once is cheaper than binding NULLs one by one.
void bind_fields(SQLite::Statement& statement, const Contact& c) {
    statement.clearBindings();
    statement.bindNoCopy(1, c.name);
    sql::bind_text_in_place(statement, 2, c.email);
    sql::bind_text_in_place(statement, 3, c.phone);
    sql::bind_text_in_place(statement, 4, c.company);
    sql::bind_text_in_place(statement, 5, c.title);
    sql::bind_text_in_place(statement, 6, c.location);
    sql::bind_text_in_place(statement, 7, c.linkedin_url);
    sql::bind_text_in_place(statement, 8, c.met_at);
    sql::bind_date(statement, 9, c.met_on);
    sql::bind_text_in_place(statement, 10, c.interests);
    sql::bind_text_in_place(statement, 11, c.notes);
    if (c.every) statement.bind(12, c.every->days);
    if (c.every && c.every->max_days) statement.bind(17, *c.every->max_days);
    statement.bind(13, c.connected ? 1 : 0);
    sql::bind_date(statement, 14, c.connected_on);
    statement.bind(15, c.archived ? 1 : 0);
    sql::bind_date(statement, 16, c.snoozed_until);
    sql::bind_text_in_place(statement, 18, c.call_name);
    statement.bind(19, fold(c.name));
    sql::bind_text_in_place(statement, 22, c.sources);
}

void validate(const Contact& c) {
    if (trim(c.name).empty()) throw Error("a contact needs a name");
    for (const auto& tag : c.tags)
        if (trim(tag).empty()) throw Error("a tag cannot be empty");
    if (c.every && (c.every->days <= 0 || c.every->max_days.value_or(c.every->days) < c.every->days))
        throw Error("a cadence must be at least one day, and its maximum no less than its ideal");
}

}  // namespace

std::string checked_tag(std::string_view tag) {
    std::string_view text = trim_view(tag);
    if (text.empty()) throw Error("a tag cannot be empty");
    // A CSV export separates tags with ';', so a tag holding one would come back as two.
    if (text.find(';') != std::string_view::npos)
        throw Error(fmt::format("a tag cannot contain ';' (it separates tags): '{}'", text));
    // Tags are read back joined by the unit separator (U+001F): no control character survives that.
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        throw Error("a tag cannot contain control characters");
    return std::string(text);
}

void apply(Contact& c, ContactChange change) {
    auto set = [](std::string& field, std::optional<std::string>& value) {
        if (value) field = std::move(*value);
    };
    set(c.name, change.name);
    set(c.call_name, change.call_name);
    set(c.email, change.email);
    set(c.phone, change.phone);
    set(c.company, change.company);
    set(c.title, change.title);
    set(c.location, change.location);
    set(c.linkedin_url, change.linkedin_url);
    set(c.met_at, change.met_at);
    set(c.interests, change.interests);
    set(c.notes, change.notes);
    if (change.met_on) c.met_on = *change.met_on;
    if (change.connected_on) c.connected_on = *change.connected_on;
    if (change.snoozed_until) c.snoozed_until = *change.snoozed_until;
    if (change.every) c.every = *change.every;
    if (change.connected) c.connected = *change.connected;
    if (change.archived) c.archived = *change.archived;
    if (change.replace_tags) c.tags.clear();
    for (const auto& tag : change.remove_tags)
        std::erase_if(c.tags, [&](const std::string& t) { return same_tag(t, trim_view(tag)); });
    for (const auto& tag : change.add_tags) c.tags.push_back(checked_tag(tag));
    std::stable_sort(c.tags.begin(), c.tags.end(), tag_less);
    c.tags.erase(std::unique(c.tags.begin(), c.tags.end(), same_tag), c.tags.end());
}


// The writable columns, in bind_fields' order, then the stamps.
constexpr std::string_view insert_columns =
    "INSERT INTO contacts (name, email, phone, company, title, location, linkedin_url, met_at, met_on, interests, "
    "notes, cadence_days, connected, connected_on, archived, snoozed_until, cadence_max_days, call_name, name_key, "
    "created_at, updated_at, sources";

struct ContactWriter::Statements {
    // A new contact's id comes from SQLite: an explicit id, even a NULL one,
    // makes every insert look the id up first.
    explicit Statements(SQLite::Database& db)
        : insert(db, fmt::format("{}) VALUES ({})", insert_columns, placeholders(22))),
          insert_with_id(db, fmt::format("{}, id) VALUES ({})", insert_columns, placeholders(23))),
          update(db,
                 "UPDATE contacts SET name = ?, email = ?, phone = ?, company = ?, title = ?, location = ?, "
                 "linkedin_url = ?, met_at = ?, met_on = ?, interests = ?, notes = ?, cadence_days = ?, connected = ?, "
                 "connected_on = ?, archived = ?, snoozed_until = ?, cadence_max_days = ?, call_name = ?, name_key = ?, "
                 "updated_at = ?20, sources = ?22 "
                 "WHERE id = ?21"),
          set_sources(db, "UPDATE contacts SET sources = ? WHERE id = ?"),
          clear_tags(db, "DELETE FROM tags WHERE contact_id = ?"),
          add_tag(db, "INSERT INTO tags (contact_id, tag) VALUES (?, ?)"),
          db(db) {}

    void save_tags(const Contact& contact, bool is_new) {
        if (!is_new) {
            clear_tags.bind(1, contact.id);
            clear_tags.exec();
            clear_tags.reset();
        }
        for (const auto& tag : contact.tags) {
            add_tag.bind(1, contact.id);
            add_tag.bind(2, tag);
            add_tag.exec();
            add_tag.reset();
        }
    }

    // One creation stamp per writer: the rows of one import share it.
    const std::string& stamp(Date today) {
        if (stamp_day != today || stamp_text.empty()) {
            stamp_text = timestamp(today);
            stamp_day = today;
        }
        return stamp_text;
    }

    static std::string placeholders(int count) {
        std::string text = "?";
        for (int i = 1; i < count; ++i) text += ", ?";
        return text;
    }

    SQLite::Statement insert, insert_with_id, update, set_sources, clear_tags, add_tag;
    SQLite::Database& db;
    Date stamp_day{};
    std::string stamp_text;
};

ContactWriter::ContactWriter(Store& store) : statements_(std::make_unique<Statements>(store.db())) {}

ContactWriter::~ContactWriter() = default;

std::int64_t ContactWriter::insert(Contact& contact, Date today) {
    validate(contact);
    // A restore brings its own id and stamps; everything else gets new ones.
    if (contact.created_at.empty()) contact.created_at = statements_->stamp(today);
    if (contact.updated_at.empty()) contact.updated_at = contact.created_at;
    auto& insert = contact.id > 0 ? statements_->insert_with_id : statements_->insert;
    bind_fields(insert, contact);
    insert.bindNoCopy(20, contact.created_at);
    insert.bindNoCopy(21, contact.updated_at);
    if (contact.id > 0) insert.bind(23, contact.id);
    insert.exec();
    insert.reset();
    contact.id = statements_->db.getLastInsertRowid();
    statements_->save_tags(contact, true);
    return contact.id;
}

void ContactWriter::update(Contact& contact, Date today) {
    validate(contact);
    contact.updated_at = statements_->stamp(today);
    auto& update = statements_->update;
    bind_fields(update, contact);
    update.bindNoCopy(20, contact.updated_at);
    update.bind(21, contact.id);
    int changed = update.exec();
    update.reset();
    if (changed != 1) throw Error(fmt::format("no contact #{}", contact.id));
    statements_->save_tags(contact, false);
}

void ContactWriter::set_sources(std::int64_t id, const std::string& sources) {
    auto& statement = statements_->set_sources;
    sql::bind_text(statement, 1, sources);
    statement.bind(2, id);
    statement.exec();
    statement.reset();
}

std::int64_t insert_contact(Store& store, Contact& contact, Date today) {
    return ContactWriter(store).insert(contact, today);
}

void update_contact(Store& store, Contact& contact, Date today) { ContactWriter(store).update(contact, today); }

std::vector<Contact> all_contacts(Store& store) {
    SQLite::Statement query(store.db(), std::string(select_contacts) + "ORDER BY c.id");
    std::vector<Contact> contacts;
    while (query.executeStep()) contacts.push_back(read_contact(query));
    return contacts;
}

ContactReader::ContactReader(Store& store)
    : query_(std::make_unique<SQLite::Statement>(store.db(), std::string(select_contacts) + "WHERE c.id = ?")) {}

ContactReader::~ContactReader() = default;

std::optional<Contact> ContactReader::find(std::int64_t id) {
    query_->reset();
    query_->bind(1, id);
    if (!query_->executeStep()) return std::nullopt;
    return read_contact(*query_);
}

std::optional<Contact> find_contact(Store& store, std::int64_t id) { return ContactReader(store).find(id); }

Contact get_contact(Store& store, std::int64_t id) {
    if (auto contact = find_contact(store, id)) return *contact;
    throw Error(fmt::format("no contact #{}", id));
}

std::optional<Contact> find_duplicate(Store& store, const Contact& contact, std::int64_t except_id) {
    // Only the keys the contact has: an email alone is found through its index.
    sql::Where where;
    std::vector<std::string> same;
    if (auto email = trim(contact.email); !email.empty())
        same.push_back("c.email = " + where.parameter(email) + " COLLATE NOCASE");
    if (auto key = linkedin_key(contact.linkedin_url); !key.empty())
        same.push_back("rolo_linkedin_key(c.linkedin_url) = " + where.parameter(key));
    if (same.empty()) return std::nullopt;
    where.add(join(same, " OR "));
    where.add("c.id <> ?", except_id);
    SQLite::Statement query(store.db(), std::string(select_contacts) + where.sql() + "ORDER BY c.id LIMIT 1");
    where.bind(query);
    if (!query.executeStep()) return std::nullopt;
    return read_contact(query);
}

std::vector<std::int64_t> same_name_ids(Store& store, const Contact& contact) {
    SQLite::Statement query(store.db(), fmt::format("SELECT id FROM contacts WHERE id <> ?1 AND ({}) ORDER BY id",
                                                    sql::folded_name_is("?2")));
    query.bind(1, contact.id);
    query.bind(2, fold(trim(contact.name)));
    std::vector<std::int64_t> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
    return ids;
}

void for_each_contact(Store& store, const ContactFilter& filter, ContactOrder order,
                      const std::function<void(const Contact&)>& visit) {
    sql::Where where;
    where.add(filter.archived ? "c.archived = 1" : "c.archived = 0");
    if (filter.connected) where.add(*filter.connected ? "c.connected = 1" : "c.connected = 0");
    if (auto company = fold(trim(filter.company)); !company.empty())
        where.add("instr(rolo_fold(c.company), ?) > 0", company);
    if (auto text = fold(trim(filter.text)); !text.empty())
        where.add("instr(rolo_fold(c.name), ?) > 0 OR instr(rolo_fold(c.company), ?) > 0 "
                  "OR instr(rolo_fold(c.title), ?) > 0 OR instr(rolo_fold(c.email), ?) > 0 "
                  "OR EXISTS (SELECT 1 FROM tags t WHERE t.contact_id = c.id AND instr(rolo_fold(t.tag), ?) > 0)",
                  text);
    for (const auto& tag : filter.tags) where.add("c.id IN (SELECT contact_id FROM tags WHERE tag = ?)", tag);
    if (filter.stale_before)
        where.add("c.connected = 1 AND NOT EXISTS "
                  "(SELECT 1 FROM interactions i WHERE i.contact_id = c.id AND i.on_date >= ?)",
                  format_date(*filter.stale_before));
    std::string_view order_by = order == ContactOrder::id     ? "ORDER BY c.id"
                                : order == ContactOrder::last ? "ORDER BY coalesce(last_on, ''), rolo_fold(c.name), c.id"
                                                              : "ORDER BY rolo_fold(c.name), c.id";
    SQLite::Statement query(store.db(), std::string(select_contacts) + where.sql() + std::string(order_by));
    where.bind(query);
    while (query.executeStep()) visit(read_contact(query));
}

std::vector<Contact> list_contacts(Store& store, const ContactFilter& filter, ContactOrder order) {
    std::vector<Contact> contacts;
    for_each_contact(store, filter, order, [&](const Contact& contact) { contacts.push_back(contact); });
    return contacts;
}

void set_archived(Store& store, std::int64_t id, bool archived, Date today) {
    Contact contact = get_contact(store, id);
    const Contact before = contact;
    contact.archived = archived;
    record_changes(before, contact, Source::user, timestamp(today));
    update_contact(store, contact, today);
}

std::int64_t purge_mark(std::string_view kind, std::string_view key) {
    std::string text(kind);
    text += '\n';
    text += key;
    return stable_hash(text);
}

std::unordered_set<std::int64_t> purge_marks(Store& store) {
    SQLite::Statement query(store.db(), "SELECT key_hash FROM purged");
    std::unordered_set<std::int64_t> marks;
    while (query.executeStep()) marks.insert(query.getColumn(0).getInt64());
    return marks;
}

void purge_contact(Store& store, std::int64_t id) {
    if (auto contact = find_contact(store, id)) {
        SQLite::Statement mark(store.db(), "INSERT OR IGNORE INTO purged (key_hash) VALUES (?)");
        auto remember = [&](std::string_view kind, const std::string& key) {
            if (key.empty()) return;
            mark.reset();
            mark.bind(1, purge_mark(kind, key));
            mark.exec();
        };
        remember("linkedin", contact->linkedin_url.empty() ? std::string() : linkedin_key(contact->linkedin_url));
        remember("email", fold(trim_view(contact->email)));
    }
    SQLite::Statement remove(store.db(), "DELETE FROM contacts WHERE id = ?");
    remove.bind(1, id);
    if (remove.exec() != 1) throw Error(fmt::format("no contact #{}", id));
}

std::string describe(const Contact& contact) {
    if (contact.company.empty()) return fmt::format("#{} {}", contact.id, contact.name);
    return fmt::format("#{} {} ({})", contact.id, contact.name, contact.company);
}

}  // namespace rolo
