#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/dupes.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/store.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace rolo;

namespace {

std::int64_t add_person(Store& store, Contact c) { return insert_contact(store, c, today); }

Contact person(std::string name, std::string email = "", std::string company = "", std::string linkedin = "") {
    Contact c;
    c.name = std::move(name);
    c.email = std::move(email);
    c.company = std::move(company);
    c.linkedin_url = std::move(linkedin);
    return c;
}

int count(Store& store, const std::string& sql) { return store.db().execAndGet(sql).getInt(); }

Intro ask(Store& store, std::int64_t broker, std::int64_t target) {
    Intro intro;
    intro.kind = IntroKind::asked;
    intro.broker_id = broker;
    intro.target_id = target;
    intro.asked_on = today;
    insert_intro(store, intro);
    return intro;
}

}  // namespace

TEST_CASE("name keys: honorifics, suffixes, 'Last, First', accents") {
    CHECK(name_key("Dr. Zoë Ñúñez, PhD") == "nunez zoe");
    CHECK(name_key("Ñúñez, Zoë") == "nunez zoe");
    CHECK(name_key("zoe  NUNEZ") == "nunez zoe");
    CHECK(name_key("Mr John Smith Jr.") == "john smith");
    CHECK(edit_distance("jon smith", "john smith", 2) == 1);
    CHECK(edit_distance("jhon smith", "john smith", 2) == 1);
    CHECK(edit_distance("anna", "bob", 1) == 2);
    CHECK(edit_distance("same", "same", 0) == 0);
}

TEST_CASE("dupes: the evidence, strongest first; unrelated people are no pair") {
    Store store = Store::open_memory();
    auto a = add_person(store, person("Janet Mellor", "", "Acme", "https://www.linkedin.com/in/janet"));
    auto b = add_person(store, person("J. Mellor", "", "", "linkedin.com/in/janet/"));
    auto c = add_person(store, person("Bob Stone", "bob@x.org"));
    auto d = add_person(store, person("Robert Stone", "BOB@x.org"));
    auto e = add_person(store, person("Mellor, Janet", "", "ACME"));
    auto f = add_person(store, person("Dr. Zoë Ñúñez, PhD"));
    auto g = add_person(store, person("Zoe Nunez"));
    auto h = add_person(store, person("Katarzyna Nowak"));
    auto i = add_person(store, person("Katarzina Nowak"));
    add_person(store, person("Someone Else Entirely"));
    auto pairs = find_duplicates(store);
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    for (const auto& p : pairs) found.emplace_back(p.first.id, p.second.id);
    REQUIRE(pairs.size() >= 5);
    CHECK(found[0] == std::pair{a, b});
    CHECK(pairs[0].evidence.front().starts_with("same LinkedIn profile"));
    CHECK(found[1] == std::pair{c, d});
    CHECK(pairs[1].evidence.front().starts_with("same email"));
    CHECK(found[2] == std::pair{a, e});
    CHECK(pairs[2].evidence.front() == "same name and company");
    CHECK(std::find(found.begin(), found.end(), std::pair{f, g}) != found.end());
    CHECK(std::find(found.begin(), found.end(), std::pair{h, i}) != found.end());
    CHECK(pairs.back().evidence.front().starts_with("similar names"));
    for (const auto& p : pairs) CHECK(p.first.name != "Someone Else Entirely");
}

TEST_CASE("dupes: 50 people named alike are no evidence, and archived people are left out") {
    Store store = Store::open_memory();
    for (int n = 0; n < 50; ++n) add_person(store, person("John Smith"));
    auto archived = add_person(store, person("Archie Vee", "a@v.org"));
    add_person(store, person("Archie Vee", "a@v.org"));
    set_archived(store, archived, true, today);
    CHECK(find_duplicates(store).empty());
}

TEST_CASE("merge: moves history, links, intros, tags, snooze; fills fields; records; removes other") {
    Store store = Store::open_memory();
    Contact keep_person = person("Janet Mellor", "janet@acme.com", "Acme");
    keep_person.tags = {"client"};
    keep_person.notes = "prefers mornings";
    auto keep = add_person(store, keep_person);
    Contact other_person = person("J. Mellor", "jm@old.org", "", "https://linkedin.com/in/jm");
    other_person.tags = {"client", "speaker"};
    other_person.title = "CTO";
    other_person.snoozed_until = parse_iso_date("2026-12-24");
    other_person.notes = "met twice";
    auto other = add_person(store, other_person);
    auto friend_of_both = add_person(store, person("Friend"));
    auto friend_of_other = add_person(store, person("Other Friend"));
    auto broker = add_person(store, person("Broker"));
    link(store, {keep, other, 5, "same person", today});
    link(store, {keep, friend_of_both, 2, "", today});
    link(store, {other, friend_of_both, 4, "school", today});
    link(store, {other, friend_of_other, 3, "", today});
    Interaction i;
    i.contact_id = other;
    i.on = today;
    i.summary = "coffee";
    log_interaction(store, i, today);
    ask(store, broker, other);

    auto result = merge_contacts(store, keep, other, today);
    CHECK_FALSE(find_contact(store, other));
    const Contact& kept = result.kept;
    CHECK(kept.email == "janet@acme.com");
    CHECK(kept.title == "CTO");
    CHECK(kept.linkedin_url == "https://linkedin.com/in/jm");
    CHECK(kept.tags == std::vector<std::string>{"client", "speaker"});
    CHECK(kept.snoozed_until == parse_iso_date("2026-12-24"));
    CHECK(kept.notes.find("prefers mornings") == 0);
    CHECK(kept.notes.find("Merged #2 J. Mellor on 2026-11-24") != std::string::npos);
    CHECK(kept.notes.find("email jm@old.org") != std::string::npos);
    CHECK(kept.notes.find("notes met twice") != std::string::npos);
    CHECK(count(store, "SELECT count(*) FROM interactions WHERE contact_id = 1") == 1);
    CHECK(count(store, "SELECT count(*) FROM knows WHERE a = b") == 0);
    CHECK(count(store, "SELECT count(*) FROM knows") == 2);
    CHECK(count(store, "SELECT strength FROM knows WHERE a = 1 AND b = 3") == 4);
    CHECK(count(store, "SELECT count(*) FROM intros WHERE target_id = 1") == 1);
    CHECK(result.actions.size() >= 6);
}

TEST_CASE("merge: refuses a self-merge, an archived person, an open intro between the two; nothing changes") {
    Store store = Store::open_memory();
    auto a = add_person(store, person("Ann"));
    auto b = add_person(store, person("Ann B"));
    auto c = add_person(store, person("Ann C"));
    CHECK_THROWS_WITH_AS(merge_contacts(store, a, a, today), "cannot merge #1 Ann with itself", Error);
    set_archived(store, c, true, today);
    CHECK_THROWS_AS(merge_contacts(store, a, c, today), Error);
    CHECK_THROWS_AS(merge_contacts(store, c, a, today), Error);
    Intro intro = ask(store, b, a);
    CHECK_THROWS_AS(merge_contacts(store, a, b, today), Error);
    CHECK(count(store, "SELECT count(*) FROM contacts") == 3);
    close_intro(store, intro.id, IntroStatus::done);
    merge_contacts(store, a, b, today);
    CHECK(count(store, "SELECT count(*) FROM intros") == 0);
}

TEST_CASE("dupes: same name with different LinkedIn profiles is two people unless an address or number says otherwise") {
    Store store = Store::open_memory();
    auto a = add_person(store, person("Wei Zhang", "", "", "https://www.linkedin.com/in/wei-zhang-1"));
    auto b = add_person(store, person("Wei Zhang", "", "", "https://www.linkedin.com/in/wei-zhang-2"));
    auto c = add_person(store, person("Wei Zhangg", "", "", "https://www.linkedin.com/in/wei-zhang-3"));
    auto d = add_person(store, person("Ana Lima", "", "", "https://www.linkedin.com/in/ana-1"));
    auto e = add_person(store, person("Ana Lima", "", "", "https://www.linkedin.com/in/ana-2"));
    Contact f = person("Oskar Berg");
    f.phone = "+44 20 7946 0958";
    Contact g = person("O. Berg");
    g.phone = "020 7946 0958";
    auto fid = add_person(store, f);
    auto gid = add_person(store, g);
    // Ana's two profiles share an address: that, not the name, makes them a pair.
    store.db().exec(fmt::format("UPDATE contacts SET email = 'ana@lima.pt' WHERE id IN ({}, {})", d, e));
    auto pairs = find_duplicates(store);
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    for (const auto& p : pairs) found.emplace_back(p.first.id, p.second.id);
    CHECK(std::find(found.begin(), found.end(), std::pair{a, b}) == found.end());
    CHECK(std::find(found.begin(), found.end(), std::pair{a, c}) == found.end());
    REQUIRE(pairs.size() == 2);
    CHECK(found[0] == std::pair{d, e});
    CHECK(pairs[0].evidence.front() == "same email (ana@lima.pt)");
    CHECK(found[1] == std::pair{fid, gid});
    CHECK(pairs[1].evidence.front() == "same phone number");
}
