#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/export.hpp"
#include "rolo/interaction.hpp"
#include "rolo/knows.hpp"
#include "rolo/snapshot.hpp"
#include "rolo/store.hpp"
#include "rolo/who.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sys/stat.h>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <doctest/doctest.h>

using namespace rolo;

namespace {

Contact make(Store& store, const std::string& name, const std::string& email = "") {
    Contact c;
    c.name = name;
    c.email = email;
    insert_contact(store, c, today);
    return c;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/rolo-test-XXXXXX";
        path = mkdtemp(name);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("an export reads one snapshot while another connection writes") {
    TempDir dir;
    auto path = dir.path / "rolo.db";
    {
        Store setup = Store::open(path);
        make(setup, "Ann");
    }
    Store reader = Store::open(path);  // WAL from this open on: the writer need not wait
    Store writer = Store::open(path);
    // Cron logs a new person and an interaction with them while the export reads.
    struct Race {
        Store* writer;
        bool written = false;
    } race{&writer};
    sqlite3_progress_handler(reader.db().getHandle(), 1, [](void* data) {
        auto* r = static_cast<Race*>(data);
        if (r->written) return 0;
        r->written = true;
        Contact bob = make(*r->writer, "Bob");
        Interaction met{.contact_id = bob.id, .on = today, .kind = "call"};
        log_interaction(*r->writer, met, today);
        return 0;
    }, &race);
    std::string text;
    write_export_json(reader, std::nullopt, [&](std::string_view piece) { text += piece; });
    auto document = nlohmann::json::parse(text);
    sqlite3_progress_handler(reader.db().getHandle(), 0, nullptr, nullptr);
    REQUIRE(race.written);
    std::set<std::int64_t> ids;
    for (const auto& c : document.at("contacts")) ids.insert(c.at("id").get<std::int64_t>());
    for (const auto& i : document.at("interactions")) CHECK(ids.contains(i.at("contact_id").get<std::int64_t>()));
}

TEST_CASE("a snapshot inside a transaction is that transaction") {
    Store store = Store::open_memory();
    auto transaction = store.transaction();
    make(store, "Ann");
    { ReadSnapshot snapshot(store); }
    transaction.commit();
    CHECK(all_contacts(store).size() == 1);
}

TEST_CASE("a bulk transaction skips foreign-key checks only when trusted, and only while it lasts") {
    Store store = Store::open_memory();
    auto checking = [&] { return store.db().execAndGet("PRAGMA foreign_keys").getInt() == 1; };
    auto dangling = [&] {
        store.db().exec("INSERT INTO interactions (contact_id, on_date, kind, direction, summary, created_at) "
                        "VALUES (999, '2026-01-01', 'note', 'out', 'x', '2026-01-01T00:00:00Z')");
    };
    REQUIRE(checking());
    SUBCASE("checked") {
        auto transaction = store.bulk_transaction();
        CHECK(checking());
        CHECK_THROWS(dangling());
    }
    SUBCASE("trusted, committed") {
        {
            auto transaction = store.bulk_transaction(Store::References::trusted);
            CHECK_FALSE(checking());
            make(store, "Ann");
            transaction.commit();
            CHECK(checking());
        }
        CHECK(all_contacts(store).size() == 1);
    }
    SUBCASE("trusted, abandoned") {
        {
            auto transaction = store.bulk_transaction(Store::References::trusted);
            make(store, "Ann");
        }
        CHECK(all_contacts(store).empty());
    }
    CHECK(checking());
    CHECK_THROWS(dangling());
}

TEST_CASE("a new database is private and migrated, and in WAL mode from its second open") {
    TempDir dir;
    auto path = dir.path / "nested" / "rolo.db";
    {
        Store store = Store::open(path);
        CHECK(store.db().execAndGet("PRAGMA user_version").getInt() == Store::schema_version());
        CHECK(store.db().execAndGet("PRAGMA journal_mode").getString() == "delete");
        CHECK(store.db().execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(store.db().execAndGet("PRAGMA page_size").getInt() == 16384);
    }
    CHECK(Store::open(path).db().execAndGet("PRAGMA journal_mode").getString() == "wal");
    struct stat info {};
    REQUIRE(stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("a backup is a private copy of what was committed, taken while another connection writes") {
    TempDir dir;
    auto path = dir.path / "rolo.db", copy = dir.path / "backup.db";
    Store::open(path);  // the second open is in WAL mode, as every command after the first is
    Store store = Store::open(path);
    make(store, "Ada Lovelace");
    Store writer = Store::open(path);
    auto pending = writer.transaction();
    make(writer, "Not Yet");

    store.backup(copy, false);
    Store restored = Store::open(copy);
    CHECK(restored.db().execAndGet("SELECT group_concat(name) FROM contacts").getString() == "Ada Lovelace");
    CHECK(restored.db().execAndGet("PRAGMA integrity_check").getString() == "ok");
    struct stat info {};
    REQUIRE(stat(copy.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    CHECK_THROWS_WITH_AS(store.backup(copy, false), doctest::Contains("exists; give --force"), Error);
    pending.commit();
    store.backup(copy, true);
    CHECK(Store::open(copy).db().execAndGet("SELECT count(*) FROM contacts").getInt() == 2);
    CHECK_THROWS_WITH_AS(store.backup(path, true), doctest::Contains("is the database itself"), Error);
    CHECK_THROWS_WITH_AS(store.backup(dir.path / "no" / "x.db", false), doctest::Contains("no directory"), Error);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path), {}) == 4);  // rolo.db, -wal, -shm, backup.db
}

TEST_CASE("the email index serves lookups by email and leaves out people without one") {
    Store store = Store::open_memory();
    SQLite::Statement plan(store.db(), "EXPLAIN QUERY PLAN SELECT name FROM contacts WHERE email = ? COLLATE NOCASE");
    REQUIRE(plan.executeStep());
    CHECK(plan.getColumn(3).getString() == "SEARCH contacts USING INDEX contacts_email (email=?)");
    SQLite::Statement index(store.db(), "SELECT partial FROM pragma_index_list('contacts') WHERE name = 'contacts_email'");
    REQUIRE(index.executeStep());
    CHECK(index.getColumn(0).getInt() == 1);
}

TEST_CASE("open_existing never creates a file") {
    TempDir dir;
    CHECK_FALSE(Store::open_existing(dir.path / "absent.db"));
    CHECK_FALSE(std::filesystem::exists(dir.path / "absent.db"));
}

TEST_CASE("a database from a newer rolo is refused and left untouched") {
    TempDir dir;
    auto path = dir.path / "future.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 999");
    }
    auto before = std::filesystem::file_size(path);
    CHECK_THROWS_WITH_AS(Store::open(path), doctest::Contains("newer than this rolo"), Error);
    CHECK(std::filesystem::file_size(path) == before);
    CHECK_FALSE(std::filesystem::exists(dir.path / "future.db-wal"));
    SQLite::Database db(path.string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 999);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("a file that is not a database is an Error, not a crash") {
    TempDir dir;
    auto path = dir.path / "junk.db";
    { std::FILE* f = std::fopen(path.c_str(), "w"); std::fputs("this is not sqlite, just text long enough to matter....................................................", f); std::fclose(f); }
    CHECK_THROWS_AS(Store::open(path), Error);
}

TEST_CASE("contacts round-trip every field exactly") {
    Store store = Store::open_memory();
    Contact c;
    c.name = "O'Brien, \"Dana\"\n🙂 שלום'; DROP TABLE contacts; --";
    c.email = "dana@example.com";
    c.company = "Acme, Inc.";
    c.met_at = "Marketo Summit, San Francisco";
    c.met_on = parse_iso_date("2026-03-02");
    c.interests = "sailing; \"clean code\"";
    c.every = Every{28, 42};
    c.connected = false;
    c.tags = {"b", "a"};
    apply(c, {});
    insert_contact(store, c, today);
    Contact back = get_contact(store, c.id);
    CHECK(back.name == c.name);
    CHECK(back.company == c.company);
    CHECK(back.met_on == c.met_on);
    CHECK(back.interests == c.interests);
    CHECK(back.every == Every{28, 42});
    CHECK_FALSE(back.connected);
    CHECK(back.tags == std::vector<std::string>{"a", "b"});
    CHECK(back.phone.empty());
}

TEST_CASE("apply changes only what is given, and clears with empty values") {
    Contact c;
    c.name = "Janet";
    c.email = "j@example.com";
    c.every = Every{30, {}};
    c.tags = {"x", "y"};
    ContactChange change;
    change.company = "Acme";
    change.email = "";
    change.every = std::optional<Every>{};
    change.add_tags = {"z", "x"};
    change.remove_tags = {"y"};
    apply(c, change);
    CHECK(c.name == "Janet");
    CHECK(c.company == "Acme");
    CHECK(c.email.empty());
    CHECK_FALSE(c.every);
    CHECK(c.tags == std::vector<std::string>{"x", "z"});
}

TEST_CASE("added tags are trimmed, never empty, and never hold the CSV tag separator") {
    Contact c;
    ContactChange change;
    change.add_tags = {" padded ", "x"};
    apply(c, change);
    CHECK(c.tags == std::vector<std::string>{"padded", "x"});
    change.add_tags = {"a;b"};
    CHECK_THROWS_WITH_AS(apply(c, change), "a tag cannot contain ';' (it separates tags): 'a;b'", Error);
    change.add_tags = {" "};
    CHECK_THROWS_WITH_AS(apply(c, change), "a tag cannot be empty", Error);
}

TEST_CASE("duplicates are found by email case-insensitively and by normalised LinkedIn URL") {
    Store store = Store::open_memory();
    Contact janet = make(store, "Janet", "Janet@Example.com");
    Contact other;
    other.name = "Someone";
    other.email = "janet@example.COM";
    CHECK(find_duplicate(store, other)->id == janet.id);
    other.email = "";
    other.linkedin_url = "https://www.linkedin.com/in/janet/";
    CHECK_FALSE(find_duplicate(store, other));
    janet.linkedin_url = "linkedin.com/in/Janet";
    update_contact(store, janet, today);
    CHECK(find_duplicate(store, other)->id == janet.id);
    CHECK_FALSE(find_duplicate(store, other, janet.id));
}

TEST_CASE("list filters by text, tag, company, connection and archive") {
    Store store = Store::open_memory();
    Contact a = make(store, "Zoë Adams");
    a.company = "Acme";
    a.tags = {"client", "vip"};
    update_contact(store, a, today);
    Contact b = make(store, "Bob Brown");
    b.connected = false;
    b.tags = {"client"};
    update_contact(store, b, today);
    make(store, "Carol Archived");
    set_archived(store, 3, true, today);

    auto names = [&](const ContactFilter& filter) {
        std::vector<std::string> out;
        for (const auto& c : list_contacts(store, filter)) out.push_back(c.name);
        return out;
    };
    CHECK(names({}) == std::vector<std::string>{"Bob Brown", "Zoë Adams"});
    CHECK(names({.text = "zoe"}) == std::vector<std::string>{"Zoë Adams"});
    CHECK(names({.tags = {"client"}}) == std::vector<std::string>{"Bob Brown", "Zoë Adams"});
    CHECK(names({.tags = {"client", "vip"}}) == std::vector<std::string>{"Zoë Adams"});
    CHECK(names({.company = "acm"}) == std::vector<std::string>{"Zoë Adams"});
    CHECK(names({.connected = false}) == std::vector<std::string>{"Bob Brown"});
    CHECK(names({.archived = true}) == std::vector<std::string>{"Carol Archived"});
}

TEST_CASE("accepted marks the contact connected on that day") {
    Store store = Store::open_memory();
    Contact c;
    c.name = "New Person";
    c.connected = false;
    insert_contact(store, c, today);
    Interaction invite{.contact_id = c.id, .on = today, .kind = "invite"};
    log_interaction(store, invite, today);
    CHECK_FALSE(get_contact(store, c.id).connected);
    Interaction accepted{.contact_id = c.id, .on = parse_iso_date("2026-11-26").value(), .kind = "accepted"};
    log_interaction(store, accepted, today);
    Contact after = get_contact(store, c.id);
    CHECK(after.connected);
    CHECK(format_date(after.connected_on.value()) == "2026-11-26");
    Interaction bad{.contact_id = c.id, .on = today, .kind = "telegram"};
    CHECK_THROWS_AS(log_interaction(store, bad, today), Error);
}

TEST_CASE("history is newest first and filterable") {
    Store store = Store::open_memory();
    Contact c = make(store, "Janet");
    for (const char* date : {"2026-01-01", "2026-03-01", "2026-02-01"}) {
        Interaction i{.contact_id = c.id, .on = parse_iso_date(date).value(), .kind = "call"};
        log_interaction(store, i, today);
    }
    auto list = list_interactions(store, {});
    REQUIRE(list.size() == 3);
    CHECK(format_date(list[0].on) == "2026-03-01");
    CHECK(format_date(list[2].on) == "2026-01-01");
    CHECK(list_interactions(store, {.since = parse_iso_date("2026-02-01")}).size() == 2);
    CHECK(list_interactions(store, {.limit = 1}).size() == 1);
    CHECK(list_interactions(store, {.kind = std::string("coffee")}).empty());
}

TEST_CASE("knows edges are undirected, bounded and cascade on purge") {
    Store store = Store::open_memory();
    Contact a = make(store, "A");
    Contact b = make(store, "B");
    link(store, {b.id, a.id, 4, "school", today});
    REQUIRE(acquaintances(store, a.id).size() == 1);
    CHECK(acquaintances(store, a.id)[0].id == b.id);
    CHECK(acquaintances(store, b.id)[0].context == "school");
    link(store, {a.id, b.id, 2, "", today});  // update keeps the context
    CHECK(acquaintances(store, a.id)[0].strength == 2);
    CHECK(acquaintances(store, a.id)[0].context == "school");
    CHECK_THROWS_AS(link(store, {a.id, a.id}), Error);
    CHECK_THROWS_AS(link(store, {a.id, b.id, 6}), Error);
    Interaction i{.contact_id = b.id, .on = today, .kind = "call"};
    log_interaction(store, i, today);
    purge_contact(store, b.id);
    CHECK(acquaintances(store, a.id).empty());
    CHECK(list_interactions(store, {}).empty());
    CHECK(split_strength("Janet:5") == std::pair<std::string, int>{"Janet", 5});
    CHECK(split_strength("https://linkedin.com/in/x") == std::pair<std::string, int>{"https://linkedin.com/in/x", 3});
    CHECK_THROWS_AS(split_strength("Janet:9"), Error);
}

TEST_CASE("tags that differ only in case are one tag, in memory, in the table and after the migration") {
    Contact c;
    auto tags = [&](std::vector<std::string> add, std::vector<std::string> remove) {
        ContactChange change;
        change.add_tags = std::move(add);
        change.remove_tags = std::move(remove);
        apply(c, change);
        return c.tags;
    };
    CHECK(tags({"ML", "data"}, {}) == std::vector<std::string>{"data", "ML"});
    CHECK(tags({"ml", "Data"}, {}) == std::vector<std::string>{"data", "ML"});  // the first spelling stays
    CHECK(tags({}, {"ml"}) == std::vector<std::string>{"data"});

    TempDir dir;
    auto path = dir.path / "rolo.db";
    {
        Store store = Store::open(path);
        make(store, "Ada");
        // A database from before migration 6 could hold both spellings.
        rewind_schema(store.db(), 6);
        store.db().exec("PRAGMA user_version = 5");
        store.db().exec("DROP TABLE tags; CREATE TABLE tags (contact_id INTEGER NOT NULL, tag TEXT NOT NULL, "
                        "PRIMARY KEY (contact_id, tag)) WITHOUT ROWID");
        store.db().exec("INSERT INTO tags VALUES (1, 'ml'), (1, 'ML'), (1, 'x')");
    }
    Store store = Store::open(path);
    CHECK(get_contact(store, 1).tags == std::vector<std::string>{"ML", "x"});
    ContactFilter filter;
    filter.tags = {"Ml"};
    CHECK(list_contacts(store, filter).size() == 1);
}

TEST_CASE("the name key migration folds the names already there") {
    TempDir dir;
    auto path = dir.path / "rolo.db";
    {
        Store store = Store::open(path);
        make(store, "Łukasz Øberg");
        make(store, "Ana Lima");
        // Back to what a database from before migration 11 was.
        rewind_schema(store.db(), 10);
    }
    Store store = Store::open(path);
    CHECK(store.db().execAndGet("PRAGMA user_version").getInt() == Store::schema_version());
    auto keys = "SELECT group_concat(name_key, '|') FROM (SELECT name_key FROM contacts ORDER BY id)";
    CHECK(store.db().execAndGet(keys).getString() == "lukasz oberg|ana lima");
    CHECK(resolve_who(store, "LUKASZ OBERG") == 1);
}
