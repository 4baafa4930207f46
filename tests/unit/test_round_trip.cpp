// Every export restores: generated contacts, exported as CSV, JSON (the
// whole document and a list of people) and vCard, imported into a fresh
// database, have every field of the contact table they had. And the field
// table's own rules: provenance, and an import that never undoes a user's edit.
#include "testing.hpp"

#include "rolo/card.hpp"
#include "rolo/contact.hpp"
#include "rolo/export.hpp"
#include "rolo/fields.hpp"
#include "rolo/import.hpp"
#include "rolo/provenance.hpp"
#include "rolo/store.hpp"
#include "rolo/table.hpp"
#include "rolo/text.hpp"
#include "rolo/vcard.hpp"

#include <doctest/doctest.h>

#include <random>
#include <set>

using namespace rolo;

namespace {

// Values as people type them: Unicode, separators of every format, spaces
// at either end, line breaks, and nothing at all.
const std::vector<std::string> pieces = {
    "Zoë", "Ångström", "李小龙", "🚀", "a, b", "say \"hi\"", "x; y", "back\\slash", " lead", "trail ", "O'Neil",
    "Mellor & Co", "=SUM(A1)", "two\nlines", "tab\there", "plain", "", ""};

struct Generator {
    std::mt19937 random;
    std::string piece() { return pieces[random() % pieces.size()]; }
    std::optional<Date> date() {
        if (random() % 2) return std::nullopt;
        return Date{std::chrono::year_month_day{std::chrono::year(1990 + static_cast<int>(random() % 40)),
                                                std::chrono::month(1 + random() % 12),
                                                std::chrono::day(1 + random() % 28)}};
    }
    Contact contact(int n) {
        Contact c;
        c.name = fmt::format("{}{} {}", piece(), n, piece());
        for (const auto& field : contact_field_table()) {
            if (field.type != FieldType::text || field.name == "name") continue;
            std::string value = piece();
            if (field.name == "email" && !value.empty()) value = fmt::format("p{}@example.com", n);
            if (field.name == "linkedin_url" && !value.empty()) value = fmt::format("https://www.linkedin.com/in/p{}", n);
            // A line break is a note's, and a tab no card or cell confuses.
            if (field.name != "notes" && field.name != "interests")
                std::erase_if(value, [](char ch) { return ch == '\n' || ch == '\t'; });
            ContactChange change;
            field.set(change, value, today);
            apply(c, std::move(change));
        }
        c.met_on = date();
        c.connected_on = date();
        c.snoozed_until = date();
        c.connected = random() % 3 != 0;
        c.archived = random() % 5 == 0;
        if (random() % 2) c.every = Every{static_cast<int>(1 + random() % 90), {}};
        if (random() % 4 == 0) c.every = Every{28, 42};
        for (int i = 0, count = static_cast<int>(random() % 3); i < count; ++i) {
            std::string tag = piece();
            std::erase_if(tag, [](char ch) { return ch == ';' || ch == '\n' || ch == '\t'; });
            if (!trim_view(tag).empty()) c.tags.push_back(checked_tag(tag));
        }
        ContactChange none;
        apply(c, std::move(none));  // tags sorted and unique, as stored
        return c;
    }
};

// What an export carries of a person: the fields; a vCard, which lists no
// interactions, carries them all too.
void check_same_people(Store& original, Store& restored) {
    auto before = all_contacts(original), after = all_contacts(restored);
    REQUIRE(before.size() == after.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        for (const auto& field : contact_field_table()) {
            INFO("person ", before[i].id, ", field ", field.name);
            CHECK(field_text(field, after[i]) == field_text(field, before[i]));
        }
}

void import_text(Store& store, const std::string& text, ImportFormat format) {
    ImportReader rows(text, format, "export", today);
    import_contacts(store, rows, {"export"}, today);
}

}  // namespace

TEST_CASE("round trip: every export of generated people imports into a fresh database with every field") {
    for (unsigned seed : {1u, 2u, 3u, 29u}) {
        INFO("seed ", seed);
        Generator generate{std::mt19937(seed)};
        Store store = Store::open_memory();
        for (int n = 1; n <= 25; ++n) {
            Contact c = generate.contact(n);
            insert_contact(store, c, today);
        }
        SUBCASE("csv") {
            Store restored = Store::open_memory();
            import_text(restored, render(with_formulas_guarded(export_contacts(store)), Format::csv, false),
                        ImportFormat::csv);
            check_same_people(store, restored);
        }
        SUBCASE("json document") {
            std::string text;
            write_export_json(store, std::nullopt, [&](std::string_view piece) { text += piece; });
            Store restored = Store::open_memory();
            restore_json(restored, text, "export", today, false);
            check_same_people(store, restored);
        }
        SUBCASE("json list of people") {
            std::string text;
            write_export_json(store, "contacts", [&](std::string_view piece) { text += piece; });
            Store restored = Store::open_memory();
            import_text(restored, text, ImportFormat::json);
            check_same_people(store, restored);
        }
        SUBCASE("vcard 3.0 and 4.0") {
            std::string cards = export_vcards(store);
            Store restored = Store::open_memory();
            import_text(restored, cards, ImportFormat::vcard);
            check_same_people(store, restored);
            // The same cards as 4.0 read the same.
            std::string four;
            for (const auto& card : parse_cards(cards)) four += write_card(card, "4.0");
            Store restored4 = Store::open_memory();
            import_text(restored4, four, ImportFormat::vcard);
            check_same_people(store, restored4);
        }
    }
}

TEST_CASE("fields: one table, names unique, every column of CSV and JSON") {
    std::set<std::string_view> names, properties;
    for (const auto& field : contact_field_table()) {
        CHECK(names.insert(field.name).second);
        CHECK(properties.insert(field.property).second);
        CHECK(find_field(field.name) == &field);
    }
    CHECK(contact_columns().front() == "id");
    CHECK(contact_columns().size() == contact_field_table().size() + 3);
    CHECK(find_field("nope") == nullptr);
    CHECK(field_default(*find_field("connected")) == "1");
    CHECK(find_field("interests")->sayable);
    CHECK_FALSE(find_field("notes")->sayable);
}

TEST_CASE("provenance: an import changes only what its own source changed since it last said it") {
    const std::string day1 = "2026-11-20 10:00:00", day2 = "2026-11-24 10:00:00";
    ContactChange linkedin;
    linkedin.name = "Mary Major";
    linkedin.title = "Scientist";
    linkedin.company = "Acme";
    Contact mary = sourced_update(Contact{}, linkedin, Source::linkedin, day1);
    CHECK(mary.title == "Scientist");
    // The user edits the title.
    Contact edited = mary;
    edited.title = "Principal Scientist";
    record_changes(mary, edited, Source::user, day2);
    // LinkedIn says what it said before: the user's title stays.
    Contact again = sourced_update(edited, linkedin, Source::linkedin, day2);
    CHECK(again.title == "Principal Scientist");
    CHECK(same_fields(again, edited));
    auto provenance = parse_provenance(again.sources);
    CHECK(provenance.at("title").set_by == Source::user);
    CHECK(provenance.at("title").set_at == day2);
    CHECK(provenance.at("title").said_by(Source::linkedin)->value == "Scientist");
    CHECK(provenance.at("company").set_by == Source::linkedin);
    // LinkedIn's own value changes: that is news, and it wins.
    linkedin.title = "Director";
    Contact news = sourced_update(again, linkedin, Source::linkedin, day2);
    CHECK(news.title == "Director");
    CHECK(parse_provenance(news.sources).at("title").set_by == Source::linkedin);
    // Another source says it for the first time: it is news from that source.
    ContactChange csv;
    csv.company = "Beta";
    CHECK(sourced_update(news, csv, Source::csv, day2).company == "Beta");
    // The text survives a round trip, and a text rolo cannot read is no provenance.
    CHECK(parse_provenance(provenance_text(provenance)) == provenance);
    CHECK(parse_provenance("not json").empty());
    CHECK(to_string(Source::address_book) == "address book");
    CHECK(parse_source("address book") == Source::address_book);
}

TEST_CASE("provenance: show --sources lists each field with its source and date") {
    ContactChange change;
    change.name = "Ann";
    change.company = "Acme";
    Contact ann = sourced_update(Contact{}, change, Source::vcard, "2026-11-24 09:00:00");
    Table table = source_records(ann);
    CHECK(table.columns == std::vector<std::string>{"field", "value", "source", "set_at", "said"});
    bool found = false;
    for (const auto& row : table.rows)
        if (row[0] == Cell{std::string("company")}) {
            found = true;
            CHECK(row[1] == Cell{std::string("Acme")});
            CHECK(row[2] == Cell{std::string("vcard")});
            CHECK(row[3] == Cell{std::string("2026-11-24 09:00:00")});
        }
    CHECK(found);
}
