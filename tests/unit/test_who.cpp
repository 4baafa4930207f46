#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/store.hpp"
#include "rolo/who.hpp"

#include <doctest/doctest.h>

using namespace rolo;

namespace {

std::int64_t make(Store& store, const std::string& name, const std::string& company = "", bool archived = false) {
    Contact c;
    c.name = name;
    c.company = company;
    c.archived = archived;
    return insert_contact(store, c, today);
}
}  // namespace

TEST_CASE("WHO resolves ids, emails, LinkedIn URLs and names") {
    Store store = Store::open_memory();
    auto janet = make(store, "Janet Mellor", "Acme");
    auto jose = make(store, "José Núñez");
    Contact c = get_contact(store, janet);
    c.email = "janet@example.com";
    c.linkedin_url = "https://www.linkedin.com/in/janetm";
    update_contact(store, c, today);

    CHECK(resolve_who(store, "1") == janet);
    CHECK(resolve_who(store, "#2") == jose);
    CHECK(resolve_who(store, "JANET@example.com") == janet);
    CHECK(resolve_who(store, "linkedin.com/in/JanetM/") == janet);
    CHECK(resolve_who(store, "janet") == janet);
    CHECK(resolve_who(store, "jose nunez") == jose);
    CHECK(resolve_who(store, "NÚÑ") == jose);
    CHECK_THROWS_WITH_AS(resolve_who(store, "#99"), "no contact #99", Error);
    CHECK_THROWS_WITH_AS(resolve_who(store, "nobody"), "no contact matches 'nobody'", Error);
    CHECK_THROWS_AS(resolve_who(store, "nobody@example.com"), Error);
    CHECK_THROWS_AS(resolve_who(store, "  "), Error);
}

TEST_CASE("ambiguous names list the candidates and guess nothing") {
    Store store = Store::open_memory();
    make(store, "Janet Mellor", "Acme");
    make(store, "Janet Smith");
    CHECK_THROWS_WITH_AS(resolve_who(store, "janet"),
                         "'janet' is ambiguous: #1 Janet Mellor (Acme), #2 Janet Smith; name one by id", Error);
}

TEST_CASE("an exact name beats substrings, and active beats archived") {
    Store store = Store::open_memory();
    auto jan = make(store, "Jan");
    make(store, "Janet");
    CHECK(resolve_who(store, "jan") == jan);
    auto old = make(store, "Old Friend", "", true);
    auto current = make(store, "Old Friendship");
    CHECK(resolve_who(store, "old friend") == old);  // the exact name, though archived
    CHECK(resolve_who(store, "friend") == current);  // substrings only: the active one
}

TEST_CASE("a name is found by its folded key, kept with every change of name") {
    Store store = Store::open_memory();
    auto lukasz = make(store, "Łukasz Øberg");
    CHECK(resolve_who(store, "lukasz oberg") == lukasz);
    Contact c = get_contact(store, lukasz);
    c.name = "Łukasz Øberg-Lind";
    update_contact(store, c, today);
    CHECK(resolve_who(store, "LUKASZ OBERG-LIND") == lukasz);
    CHECK(resolve_who(store, "oberg") == lukasz);
    c.name = "Ana";
    update_contact(store, c, today);
    CHECK_THROWS_AS(resolve_who(store, "oberg"), Error);

    // A row another program wrote has no key: its name is folded instead.
    store.db().exec("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Zoë Ñúñez', 'x', 'x')");
    auto zoe = store.db().getLastInsertRowid();
    CHECK(resolve_who(store, "zoe nunez") == zoe);
    CHECK(resolve_who(store, "nunez") == zoe);
    Contact same;
    same.name = " ZOE NUNEZ ";
    CHECK(same_name_ids(store, same) == std::vector<std::int64_t>{zoe});
}
