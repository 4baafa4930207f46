#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/dupes.hpp"
#include "rolo/error.hpp"
#include "rolo/import.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/search.hpp"
#include "rolo/store.hpp"

#include <cstdlib>
#include <filesystem>
#include <random>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;

namespace {

std::int64_t add_person(Store& store, const std::string& name, const std::string& notes = "",
                        std::vector<std::string> tags = {}) {
    Contact c;
    c.name = name;
    c.notes = notes;
    c.tags = std::move(tags);
    return insert_contact(store, c, today);
}

std::int64_t log_text(Store& store, std::int64_t who, const std::string& summary, const std::string& topic = "") {
    Interaction i;
    i.contact_id = who;
    i.on = today;
    i.summary = summary;
    i.topic = topic;
    return log_interaction(store, i, today);
}

std::vector<std::int64_t> people_found(Store& store, std::string_view query) {
    std::vector<std::int64_t> ids;
    for (const auto& hit : search(store, query))
        if (!hit.interaction_id) ids.push_back(hit.contact_id);
    return ids;
}

// A message as an import writes it, with its import key.
Interaction imported_message(std::int64_t contact_id, const std::string& body, std::int64_t key) {
    Interaction i{.contact_id = contact_id, .on = today, .kind = "message", .summary = "message", .body = body};
    i.import_key = key;
    return i;
}

}  // namespace

TEST_CASE("search query: every term is quoted, prefixes, phrases, fields; syntax never reaches FTS5") {
    auto words = [](std::string_view text) { return SearchQuery::parse(text).words; };
    CHECK(words("pydata") == "\"pydata\"*");
    CHECK(words("Ada  Lovelace") == "\"Ada\"* \"Lovelace\"*");
    CHECK(words("\"machine learning\" ai") == "\"machine learning\" \"ai\"*");
    CHECK(words("NEAR( x") == "\"NEAR(\"* \"x\"*");
    CHECK(words("a:b") == "\"a:b\"*");
    CHECK(words("\"unclosed phrase") == "\"unclosed phrase\"");
    auto both = SearchQuery::parse("tag:client company:\"acme corp\" HL7");
    CHECK(both.words == "\"HL7\"*");
    CHECK(both.fields == "tags : \"client\"* company : \"acme corp\"");
    for (std::string_view nothing : {"", "   ", "\"", "*", "-", ":", "\"\"", "tag:", "( ) * -", "name:\"\""})
        CHECK_THROWS_AS(SearchQuery::parse(nothing), Error);
    std::string many;
    for (std::size_t i = 0; i <= SearchQuery::max_terms; ++i) many += "w ";
    CHECK_THROWS_AS(SearchQuery::parse(many), Error);
}

TEST_CASE("search: accent- and case-blind, prefixes, AND, phrases, fields, history") {
    Store store = Store::open_memory();
    auto zoe = add_person(store, "Zoë Ñúñez", "met at PyData Berlin", {"client"});
    auto bob = add_person(store, "Bob Stone", "likes bouldering and machine learning");
    auto ann = add_person(store, "Ann Lee", "learning machine");
    auto interaction = log_text(store, bob, "talked about HL7 interfaces", "your FHIR rollout");

    CHECK(people_found(store, "zoe") == std::vector{zoe});
    CHECK(people_found(store, "NUNEZ") == std::vector{zoe});
    CHECK(people_found(store, "pyd") == std::vector{zoe});
    CHECK(people_found(store, "boulder machine") == std::vector{bob});
    CHECK(people_found(store, "\"machine learning\"") == std::vector{bob});
    CHECK(people_found(store, "learning machine").size() == 2);
    CHECK(people_found(store, "tag:client") == std::vector{zoe});
    CHECK(people_found(store, "tag:client bouldering").empty());
    CHECK(people_found(store, "ann").size() == 1);
    CHECK(people_found(store, "ann").front() == ann);

    auto hits = search(store, "hl7");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].interaction_id == interaction);
    CHECK(hits[0].contact_id == bob);
    CHECK(hits[0].snippet == "talked about \x02HL7\x03 interfaces");
    CHECK(search(store, "fhir").size() == 1);
    // A field filter narrows history to the people it matches.
    CHECK(search(store, "hl7 tag:client").empty());

    HistoryFilter grep;
    grep.grep = "hl7";
    CHECK(list_interactions(store, grep).size() == 1);
    grep.grep = "coffee";
    CHECK(list_interactions(store, grep).empty());

    set_archived(store, zoe, true, today);
    CHECK(people_found(store, "zoe").empty());
    SearchOptions archived;
    archived.archived = true;
    CHECK(search(store, "zoe", archived).size() == 1);
}

TEST_CASE("search: names rank above notes") {
    Store store = Store::open_memory();
    auto noted = add_person(store, "Carl Jung", "introduced by Rivera, long notes about many other things");
    auto named = add_person(store, "Diego Rivera");
    CHECK(people_found(store, "rivera") == std::vector{named, noted});
}

TEST_CASE("search: hostile queries are a clear Error or a literal search, never SQL") {
    Store store = Store::open_memory();
    add_person(store, "Ann O'Neil", "NEAR AND OR NOT");
    for (std::string_view query : {"NEAR(", "\"", "*", "-", ":", "AND", "OR NOT", "ann*", "^ann", "o'neil",
                                   "{name}:ann", "name:ann:x", "\"ann\"\"", "x NEAR/3 y", "-ann", "+ann"}) {
        CAPTURE(query);
        try {
            search(store, query);
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find("SQL") == std::string::npos);
            CHECK(std::string(e.what()).find("fts5") == std::string::npos);
        }
    }
    CHECK(people_found(store, "near and or not").size() == 1);
    CHECK(people_found(store, std::string(10000, 'a')).empty());
    CHECK_THROWS_AS(search(store, std::string(10000, '*')), Error);
}

TEST_CASE("search index: the migration builds it for an existing database") {
    char directory[] = "/tmp/rolo-search-XXXXXX";
    REQUIRE(mkdtemp(directory));
    std::filesystem::path file = std::filesystem::path(directory) / "old.db";
    {
        Store store = Store::open(file);
        auto id = add_person(store, "Zoë Ñúñez", "bouldering", {"client"});
        log_text(store, id, "HL7 chat");
        // Back to what a database from before migration 8 was.
        rewind_schema(store.db(), 7);
    }
    Store store = Store::open(file);
    CHECK(store.db().execAndGet("PRAGMA user_version").getInt() == Store::schema_version());
    CHECK(people_found(store, "nunez client bouldering").size() == 1);
    CHECK(search(store, "hl7").size() == 1);
    CHECK_NOTHROW(check_search_index(store));
    std::filesystem::remove_all(directory);
}

TEST_CASE("search index: migration 13 enlarges its hash and indexes every row written outside an import") {
    char directory[] = "/tmp/rolo-search-XXXXXX";
    REQUIRE(mkdtemp(directory));
    std::filesystem::path file = std::filesystem::path(directory) / "old.db";
    auto hashsize = [](Store& store) {
        SQLite::Statement query(store.db(), "SELECT v FROM interaction_search_config WHERE k = 'hashsize'");
        return query.executeStep() ? query.getColumn(0).getInt64() : 0;
    };
    {
        Store store = Store::open(file);
        add_person(store, "Ann Lee");
        rewind_schema(store.db(), 12);
        CHECK(hashsize(store) == 0);
    }
    Store store = Store::open(file);
    CHECK(store.db().execAndGet("PRAGMA user_version").getInt() == Store::schema_version());
    CHECK(hashsize(store) == 16 * 1024 * 1024);
    // A row with an import key that no import wrote (the sqlite3 shell, say).
    store.db().exec("INSERT INTO interactions (contact_id, on_date, kind, direction, summary, created_at, body, "
                    "import_key) VALUES (1, '2026-01-01', 'message', 'in', 'message', '2026-01-01T00:00:00Z', "
                    "'grippers for the arm', 7)");
    CHECK(search(store, "grippers").size() == 1);
    CHECK_NOTHROW(check_search_index(store));
    std::filesystem::remove_all(directory);
}

// Random sequences of every kind of write leave both indexes exact.
TEST_CASE("search index: consistent after random add/edit/log/rm/import/merge") {
    const std::vector<std::string> words = {"alpha", "Bravo", "Zoë", "Ñúñez", "pydata", "hl7", "coffee", "acme"};
    for (unsigned seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        std::mt19937 random(seed);
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
        auto phrase = [&] { return words[pick(words.size())] + " " + words[pick(words.size())]; };
        Store store = Store::open_memory();
        std::vector<std::int64_t> ids;
        auto active = [&]() -> std::optional<std::int64_t> {
            if (ids.empty()) return std::nullopt;
            return ids[pick(ids.size())];
        };
        for (int step = 0; step < 60; ++step) {
            switch (pick(8)) {
            case 0: ids.push_back(add_person(store, phrase(), phrase(), {words[pick(3)]})); break;
            case 1:
                if (auto id = active()) {
                    Contact c = get_contact(store, *id);
                    ContactChange change;
                    change.notes = pick(3) ? phrase() : "";
                    change.company = phrase();
                    change.add_tags = {words[pick(4)]};
                    change.remove_tags = {words[pick(4)]};
                    apply(c, change);
                    update_contact(store, c, today);
                }
                break;
            case 2:
                if (auto id = active()) log_text(store, *id, phrase(), pick(2) ? phrase() : "");
                break;
            case 3:
                if (auto id = active()) {
                    if (pick(2)) {
                        purge_contact(store, *id);
                        std::erase(ids, *id);
                    } else {
                        set_archived(store, *id, true, today);
                        std::erase(ids, *id);
                    }
                }
                break;
            case 4: {
                std::string csv = "name,email,notes,tags\n";
                for (int row = 0; row < 3; ++row)
                    csv += fmt::format("{},p{}@example.com,{},{}\n", phrase(), pick(5), phrase(), words[pick(3)]);
                ImportReader rows(csv, ImportFormat::csv, "t.csv", today);
                import_contacts(store, rows, {"t.csv"}, today);
                ids.clear();
                SQLite::Statement all(store.db(), "SELECT id FROM contacts WHERE archived = 0");
                while (all.executeStep()) ids.push_back(all.getColumn(0).getInt64());
                break;
            }
            case 5:
                if (ids.size() >= 2) {
                    auto keep = ids[pick(ids.size())], other = ids[pick(ids.size())];
                    if (keep != other) {
                        link(store, {keep, other, 3, phrase(), today});
                        merge_contacts(store, keep, other, today);
                        std::erase(ids, other);
                    }
                }
                break;
            case 6:
                if (ids.size() >= 2) {
                    auto a = ids[pick(ids.size())], b = ids[pick(ids.size())];
                    if (a != b) link(store, {a, b, 2, "", today});
                }
                break;
            default:
                if (auto id = active()) {
                    Contact c = get_contact(store, *id);
                    c.name = phrase();
                    update_contact(store, c, today);
                }
            }
        }
        CHECK(store.db().execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK_NOTHROW(check_search_index(store));
    }
}

TEST_CASE("search index: the check sees an index that drifted") {
    Store store = Store::open_memory();
    auto id = add_person(store, "Ann Lee", "notes");
    store.db().exec("DROP TRIGGER person_search_update");
    Contact c = get_contact(store, id);
    c.notes = "other words";
    update_contact(store, c, today);
    CHECK_THROWS_AS(check_search_index(store), Error);
}

TEST_CASE("search index: interactions added in bulk are indexed once, and logging indexes again after") {
    Store store = Store::open_memory();
    auto id = add_person(store, "Ann Lee");
    auto imported = [&](const std::string& body, std::int64_t key) { return imported_message(id, body, key); };
    SUBCASE("finished: the rows added meanwhile are found, with or without an import key") {
        auto transaction = store.bulk_transaction();
        InteractionImporter importer(store);
        auto with_key = imported("grippers for the arm", 1);
        importer.insert(with_key, today);
        auto without_key = imported("a dinghy in Kiel", 1);
        without_key.import_key.reset();
        importer.insert(without_key, today);
        importer.finish();
        transaction.commit();
        CHECK(search(store, "grippers").size() == 1);
        CHECK(search(store, "dinghy").size() == 1);
    }
    SUBCASE("abandoned: the transaction undone keeps the trigger") {
        {
            auto transaction = store.bulk_transaction();
            InteractionImporter importer(store);
            auto row = imported("grippers for the arm", 1);
            importer.insert(row, today);
        }
        CHECK(search(store, "grippers").empty());
    }
    SUBCASE("abandoned inside a transaction that goes on: the trigger is back") {
        auto transaction = store.bulk_transaction();
        { DeferredIndexes indexes(store); }
        transaction.commit();
    }
    log_text(store, id, "talked about sailing");
    CHECK(search(store, "sailing").size() == 1);
    CHECK_NOTHROW(check_search_index(store));
}

TEST_CASE("interactions imported in bulk: the table's indexes are built once, and import keys stay unique") {
    Store store = Store::open_memory();
    auto id = add_person(store, "Ann Lee");
    auto imported = [&](const std::string& body, std::int64_t key) { return imported_message(id, body, key); };
    auto indexes = [&] {
        std::vector<std::string> sql;
        SQLite::Statement query(store.db(), "SELECT sql FROM sqlite_schema WHERE type = 'index' AND "
                                            "tbl_name = 'interactions' AND sql IS NOT NULL ORDER BY name");
        while (query.executeStep()) sql.push_back(query.getColumn(0).getString());
        return sql;
    };
    // The ones every imported row enters are deferred; the other partial ones stay.
    auto deferred = [&] {
        return store.db()
            .execAndGet("SELECT count(*) FROM sqlite_schema WHERE name IN ('interactions_contact_date', "
                        "'interactions_date', 'interactions_import_key')")
            .getInt() == 0;
    };
    const auto before = indexes();
    REQUIRE(before.size() == 6);
    {
        auto transaction = store.bulk_transaction();
        InteractionImporter importer(store);
        auto first = imported("grippers for the arm", 1);
        CHECK(importer.insert(first, today));
        importer.finish();
        transaction.commit();
    }
    auto count = [&] { return store.db().execAndGet("SELECT count(*) FROM interactions").getInt(); };

    SUBCASE("more rows coming than there are: indexes dropped meanwhile, keys checked in memory") {
        auto transaction = store.bulk_transaction();
        InteractionImporter importer(store);
        importer.expect(10);
        CHECK(deferred());
        CHECK(indexes().size() == 3);
        auto again = imported("grippers for the arm", 1);
        CHECK_FALSE(importer.insert(again, today));
        auto other = imported("a dinghy in Kiel", 2);
        CHECK(importer.insert(other, today));
        auto twice = imported("a dinghy in Kiel", 2);
        CHECK_FALSE(importer.insert(twice, today));
        // Enough for whole batches of rows and some left over.
        for (int key = 3; key < 43; ++key) CHECK(importer.insert(imported(fmt::format("note{}z", key), key), today));
        CHECK_FALSE(importer.insert(imported("note42z", 42), today));
        importer.finish();
        transaction.commit();
        CHECK(indexes() == before);
        CHECK(count() == 42);
        CHECK(search(store, "dinghy").size() == 1);
        CHECK(search(store, "note3z").size() == 1);
        CHECK(search(store, "note42z").size() == 1);
    }
    SUBCASE("fewer coming than there are: the indexes stay") {
        auto transaction = store.bulk_transaction();
        InteractionImporter importer(store);
        importer.expect(1);
        CHECK_FALSE(deferred());
        auto again = imported("grippers for the arm", 1);
        CHECK_FALSE(importer.insert(again, today));
        importer.finish();
        transaction.commit();
        CHECK(count() == 1);
    }
    SUBCASE("abandoned: the transaction undone keeps the indexes and the rows") {
        {
            auto transaction = store.bulk_transaction();
            InteractionImporter importer(store);
            importer.expect(10);
            auto other = imported("a dinghy in Kiel", 2);
            importer.insert(other, today);
        }
        CHECK(indexes() == before);
        CHECK(count() == 1);
    }
    SUBCASE("abandoned inside a transaction that goes on: the indexes are back") {
        auto transaction = store.bulk_transaction();
        {
            DeferredIndexes indexes_off(store);
            indexes_off.defer_table_indexes();
            CHECK(deferred());
        }
        transaction.commit();
        CHECK(indexes() == before);
    }
    CHECK_NOTHROW(check_search_index(store));
    CHECK(store.db().execAndGet("PRAGMA integrity_check").getString() == "ok");
}
