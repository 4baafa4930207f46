#include "testing.hpp"

#include "rolo/card.hpp"
#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/import.hpp"
#include "rolo/intro.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    CsvReader reader(text);
    CsvRecord record;
    while (reader.next(record)) rows.push_back(record.fields);
    return rows;
}
}  // namespace

TEST_CASE("csv: RFC 4180 quoting, CRLF and LF, BOM, line numbers") {
    using Rows = std::vector<std::vector<std::string>>;
    CHECK(read_all("a,b\r\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("\xEF\xBB\xBFx,\"y, z\",\"say \"\"hi\"\"\"\n") == Rows{{"x", "y, z", "say \"hi\""}});
    CHECK(read_all("\"two\nlines\",b\nnext,row") == Rows{{"two\nlines", "b"}, {"next", "row"}});
    CHECK(read_all(",,\n") == Rows{{"", "", ""}});
    CHECK(read_all("a\"b,c\n") == Rows{{"a\"b", "c"}});  // a stray quote is text
    CHECK(read_all("") == Rows{});
    CsvReader reader("h\n\"multi\nline\",x\nlast\n");
    CsvRecord record;
    for (auto [line, text] : {std::pair{1, "h\n"}, {2, "\"multi\nline\",x\n"}, {4, "last\n"}}) {
        CHECK(reader.next(record));
        CHECK(record.line == line);
        CHECK(record.text == text);
    }
    CHECK_FALSE(reader.next(record));
    CHECK_THROWS_WITH_AS(read_all("a\n\"open,b\n"), "line 2: a quoted field is never closed", Error);
}

TEST_CASE("vcard: unfolding, escapes, N without FN, groups, first value wins") {
    auto cards = read_vcards(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nitem1.EMAIL;TYPE=work:g@example.com\r\n"
        "EMAIL:second@example.com\r\nORG:US Navy\\, Retired;Dept\r\nNOTE:line one\\nline\r\n  two\r\n"
        "CATEGORIES:a,b\\,c\r\nURL:https://example.com\r\nURL:https://linkedin.com/in/grace\r\nEND:VCARD\r\n"
        "begin:vcard\nN:Lovelace;Ada;;;\nend:vcard\n");
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].line == 1);
    CHECK(cards[0].name == "Grace Hopper");
    CHECK(cards[0].email == "g@example.com");
    CHECK(cards[0].company == "US Navy, Retired");
    CHECK(cards[0].note == "line one\nline two");
    CHECK(cards[0].categories == std::vector<std::string>{"a", "b,c"});
    CHECK(cards[0].url == "https://linkedin.com/in/grace");
    CHECK(cards[1].line == 13);
    CHECK(cards[1].name == "Ada Lovelace");
    CHECK_THROWS_WITH_AS(read_vcards("BEGIN:VCARD\nFN:x\n"), doctest::Contains("line 1: a vCard is never ended"), Error);
}

TEST_CASE("vcard: what rolo writes, it reads back") {
    Contact contact;
    contact.name = "Zoë Ångström-Lindqvist";
    contact.email = "zoe@example.com";
    contact.company = "Fjord, AB";
    contact.title = "Lead; Data";
    contact.linkedin_url = "https://linkedin.com/in/zoe";
    contact.notes = std::string(200, 'x') + "\nsecond, line";
    contact.tags = {"a,b", "data"};
    std::string text = write_card(card_from(contact_fields(contact), {}, "uid-1", ""), "3.0");
    for (const auto& line : split(text, '\n')) CHECK(line.size() <= 76);  // 75 octets + CR
    auto back = read_vcards(text);
    REQUIRE(back.size() == 1);
    CHECK(back[0].name == contact.name);
    CHECK(back[0].company == "Fjord, AB");
    CHECK(back[0].title == contact.title);
    CHECK(back[0].note == contact.notes);
    CHECK(back[0].categories == contact.tags);
}

TEST_CASE("LinkedIn dates and format detection") {
    CHECK(format_date(parse_connected_on("24 Nov 2026").value()) == "2026-11-24");
    CHECK(format_date(parse_connected_on("03 Mar 2025").value()) == "2025-03-03");
    CHECK(format_date(parse_connected_on("2025-03-03").value()) == "2025-03-03");
    CHECK_FALSE(parse_connected_on("31 Feb 2026"));
    CHECK_FALSE(parse_connected_on("24 Nov 26"));
    CHECK_FALSE(parse_connected_on("Nov 24 2026"));
    CHECK(detect_import_format("Notes:\n\"x\"\n\nFirst Name,Last Name,URL\n") == ImportFormat::linkedin);
    CHECK(detect_import_format("\xEF\xBB\xBF  BEGIN:VCARD\n") == ImportFormat::vcard);
    CHECK(detect_import_format("name,email\n") == ImportFormat::csv);
}

TEST_CASE("import: upsert by LinkedIn URL then email, never blanking, in one transaction") {
    Store store = Store::open_memory();
    auto import = [&](std::string_view text, const ImportOptions& options = {"t.csv"}) {
        ImportReader rows(text, ImportFormat::csv, "t.csv", today);
        return import_contacts(store, rows, options, today);
    };
    auto first = import("name,email,linkedin_url,company,phone\n"
                        "Ann,ann@example.com,,Acme,123\n"
                        "Bob,,https://www.linkedin.com/in/bob,,\n");
    CHECK(first.added == 2);
    auto second = import("name,email,linkedin_url,company,phone\n"
                         "Ann B,ANN@example.com,,,\n"
                         "Bob,,linkedin.com/in/BOB/,Beta,\n"
                         "Cat,,,,\n");
    CHECK(second.added == 1);
    CHECK(second.updated == 2);
    auto contacts = all_contacts(store);
    CHECK(contacts[0].name == "Ann B");
    CHECK(contacts[0].company == "Acme");
    CHECK(contacts[0].phone == "123");
    CHECK(contacts[1].company == "Beta");
    CHECK(contacts[1].linkedin_url == "https://www.linkedin.com/in/bob");
    // A later row of the same file updates the person an earlier row added.
    auto again = import("name,email,linkedin_url,company\n"
                        "Dan,,linkedin.com/in/dan,\n"
                        "Dan,dan@example.com,https://www.linkedin.com/in/dan/,Delta\n"
                        "Daniel,DAN@example.com,,\n");
    CHECK(again.added == 1);
    CHECK(again.updated == 2);
    CHECK(all_contacts(store).back().name == "Daniel");
    CHECK(all_contacts(store).back().company == "Delta");
    CHECK(all_contacts(store).back().linkedin_url == "linkedin.com/in/dan");
    CHECK_THROWS_WITH_AS(import("name,met_on\nDee,2026-01-01\nEve,nope\n"),
                         doctest::Contains("t.csv:3: bad date 'nope'"), Error);
    CHECK(all_contacts(store).size() == 4);  // Dee was rolled back with the bad row
    CHECK_THROWS_WITH_AS(import("name\nGil\n\"Hal,x\n"), "t.csv:3: a quoted field is never closed", Error);
    CHECK(all_contacts(store).size() == 4);
    auto dry = import("name\nFay\n", {"t.csv", false, true});
    CHECK(dry.added == 1);
    CHECK(all_contacts(store).size() == 4);
}

TEST_CASE("import: a row never hands one person's email to another") {
    Store store = Store::open_memory();
    auto import = [&](std::string_view text, bool skip_bad = false) {
        ImportReader rows(text, ImportFormat::csv, "t.csv", today);
        return import_contacts(store, rows, {"t.csv", skip_bad}, today);
    };
    import("name,email,linkedin_url\nAnn,ann@example.com,linkedin.com/in/ann\nBob,bob@example.com,\n");
    CHECK_THROWS_WITH_AS(import("name,email,linkedin_url\nAnn,BOB@example.com,linkedin.com/in/ann\n"),
                         "t.csv:2: the LinkedIn URL is #1 Ann's but the email BOB@example.com is #2 Bob's", Error);
    // The same within one file: Cat, added by row 2, owns her address by row 3.
    auto skipped = import("name,email,linkedin_url\nCat,cat@example.com,\nAnn,cat@example.com,linkedin.com/in/ann\n",
                          true);
    CHECK(skipped.added == 1);
    CHECK(skipped.skipped == 1);
    CHECK(get_contact(store, 1).email == "ann@example.com");
    // Two people who already share an address (added with --force) may keep it.
    Contact twin;
    twin.name = "Ann Twin";
    twin.email = "ann@example.com";
    twin.linkedin_url = "linkedin.com/in/twin";
    insert_contact(store, twin, today);
    auto kept = import("name,email,linkedin_url,company\nAnn Twin,ann@example.com,linkedin.com/in/twin,Acme\n");
    CHECK(kept.updated == 1);
    CHECK(get_contact(store, twin.id).company == "Acme");
}

TEST_CASE("import: matching still works once thousands of keys are indexed") {
    Store store = Store::open_memory();
    std::string text = "name,email,linkedin_url\n";
    for (int i = 0; i < 3000; ++i)
        text += fmt::format("P{0},p{0}@example.com,https://www.linkedin.com/in/p-{0}\n", i);
    text += "Early,P7@EXAMPLE.COM,\nMiddle,p1500@example.com,\nLate,,linkedin.com/in/P-2999/\n";
    auto import = [&] {
        ImportReader rows(text, ImportFormat::csv, "many.csv", today);
        return import_contacts(store, rows, {"many.csv"}, today);
    };
    auto first = import();
    CHECK(first.added == 3000);
    CHECK(first.updated == 3);
    CHECK(get_contact(store, 8).name == "Early");
    CHECK(get_contact(store, 1501).name == "Middle");
    CHECK(get_contact(store, 3000).name == "Late");
    // Every row finds its person among the 3,000 indexed first; the three
    // renamed people are renamed back and forth again.
    auto again = import();
    CHECK(again.added == 0);
    CHECK(again.updated == 6);
    CHECK(again.unchanged == 2997);
}

TEST_CASE("json restore keeps ids and stamps, refuses a non-empty database, and is all or nothing") {
    Store store = Store::open_memory();
    std::string document = R"({"contacts": [
        {"id": 4, "name": "Ann", "connected": true, "archived": false, "tags": ["b", "a"], "every": "2w..4w",
         "created_at": "2025-01-01 10:00:00", "updated_at": "2025-02-01 10:00:00"},
        {"id": 9, "name": "Bob", "connected": false, "archived": true}],
      "interactions": [{"date": "2026-01-02", "contact_id": 9, "kind": "call", "direction": "in", "summary": "hi"}],
      "knows": [{"a": 4, "b": 9, "strength": 5, "context": "school", "since": null}],
      "intros": [{"id": 3, "kind": "asked", "broker_id": 4, "target_id": 9, "asked_on": "2026-01-03",
                  "followed_up_on": null, "status": "open", "reason": "x", "note": null}]})";
    auto summary = restore_json(store, document, "a.json", today, false);
    CHECK(summary.contacts == 2);
    CHECK(summary.intros == 1);
    Contact ann = get_contact(store, 4);
    CHECK(ann.created_at == "2025-01-01 10:00:00");
    CHECK(ann.updated_at == "2025-02-01 10:00:00");
    CHECK(ann.every == Every{14, 28});
    CHECK(ann.tags == std::vector<std::string>{"a", "b"});
    CHECK(get_contact(store, 9).archived);
    CHECK(get_intro(store, 3).reason == "x");
    CHECK_THROWS_WITH_AS(restore_json(store, document, "a.json", today, false),
                         doctest::Contains("restores into an empty database only"), Error);

    Store other = Store::open_memory();
    CHECK_THROWS_WITH_AS(restore_json(other, R"({"contacts": [{"id": 1, "name": "A", "connected": true,
        "archived": false}], "knows": [{"a": 1, "b": 2, "strength": 3}]})", "b.json", today, false),
                         doctest::Contains("b.json: knows[0]: "), Error);
    CHECK(all_contacts(other).empty());
    CHECK_THROWS_WITH_AS(restore_json(other, "[1, 2]", "c.json", today, false), doctest::Contains("not a rolo export"),
                         Error);
}
