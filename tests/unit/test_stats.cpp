#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/stats.hpp"
#include "rolo/store.hpp"

#include <doctest/doctest.h>

using namespace rolo;

namespace {

struct Network {
    Store store = Store::open_memory();

    std::int64_t person(const std::string& name, std::vector<std::string> tags = {}, bool connected = true,
                        bool archived = false) {
        Contact c;
        c.name = name;
        c.connected = connected;
        c.connected_on = connected ? std::optional(day("2025-01-01")) : std::nullopt;
        c.archived = archived;
        c.tags = std::move(tags);
        return insert_contact(store, c, day("2025-01-01"));
    }

    void intro(const char* kind, std::int64_t broker, std::int64_t target, const char* status) {
        Intro intro;
        intro.kind = parse_intro_kind(kind);
        intro.broker_id = broker;
        intro.target_id = target;
        intro.asked_on = day("2026-11-01");
        intro.status = parse_intro_status(status);
        insert_intro(store, intro);
    }

    void log(std::int64_t id, const char* on, const char* kind) {
        Interaction i{.contact_id = id, .on = day(on), .kind = kind};
        log_interaction(store, i, today);
    }
};

}  // namespace

TEST_CASE("network stats count active people, what was logged, links, open intros and who is due") {
    Network n;
    auto ada = n.person("Ada", {"client"});
    auto bob = n.person("Bob", {"client", "friend"});
    auto cy = n.person("Cy", {}, false);
    auto gone = n.person("Gone", {"client"}, true, true);
    n.log(ada, "2026-11-20", "call");
    n.log(ada, "2026-10-25", "coffee");  // 30 days before today: not in the past 30
    n.log(bob, "2026-06-01", "call");
    n.log(gone, "2026-11-01", "call");
    link(n.store, {.a = ada, .b = cy});
    n.intro("asked", ada, cy, "open");
    n.intro("made", ada, bob, "done");

    Config config;
    config.default_every = Every{90, std::nullopt};
    NetworkStats s = network_stats(n.store, today, config);
    CHECK(s.people == 3);
    CHECK(s.connected == 2);
    CHECK(s.archived == 1);
    CHECK(s.never_contacted == 1);  // Cy; Gone is archived
    CHECK(s.interactions == 4);
    CHECK(s.past_30_days == 2);  // Ada's call, Gone's call
    CHECK(s.last_on == day("2026-11-20"));
    CHECK(s.links == 1);
    CHECK(s.intros_open == 1);
    CHECK(s.due_now == 2);  // Bob: 176 days since his call, cadence 90; Ada: the intro asked of her
}

TEST_CASE("an empty database has zero of everything and no last interaction") {
    Network n;
    NetworkStats s = network_stats(n.store, today, Config{});
    CHECK(s.people == 0);
    CHECK(s.interactions == 0);
    CHECK_FALSE(s.last_on.has_value());
}

TEST_CASE("activity by month lists every month up to today's, oldest first, empty ones too") {
    Network n;
    auto ada = n.person("Ada");
    auto bob = n.person("Bob");
    n.log(ada, "2025-12-31", "call");  // the month before the window
    n.log(ada, "2026-09-02", "call");
    n.log(ada, "2026-09-30", "coffee");
    n.log(bob, "2026-09-15", "call");
    n.log(bob, "2026-11-24", "call");
    n.log(bob, "2026-12-01", "call");  // next month: outside
    auto rows = activity_by_month(n.store, today, 11);
    REQUIRE(rows.size() == 11);
    CHECK(rows.front().key == "2026-01");
    CHECK(rows.front().interactions == 0);
    CHECK(rows[8].key == "2026-09");
    CHECK(rows[8].interactions == 3);
    CHECK(rows[8].people == 2);
    CHECK(rows[9].interactions == 0);
    CHECK(rows.back().key == "2026-11");
    CHECK(rows.back().interactions == 1);
    auto january = activity_by_month(n.store, day("2026-01-10"), 2);
    REQUIRE(january.size() == 2);
    CHECK(january[0].key == "2025-12");  // across a year
    CHECK(january[0].interactions == 1);
}

TEST_CASE("activity by kind is most used first; by tag counts active people and their interactions") {
    Network n;
    auto ada = n.person("Ada", {"client"});
    auto bob = n.person("Bob", {"client", "friend"});
    auto gone = n.person("Gone", {"friend", "old"}, true, true);
    n.log(ada, "2026-11-01", "call");
    n.log(ada, "2026-11-02", "call");
    n.log(bob, "2026-11-03", "coffee");
    n.log(gone, "2026-11-03", "call");

    auto kinds = activity_by_kind(n.store);
    REQUIRE(kinds.size() == 2);
    CHECK(kinds[0].key == "call");
    CHECK(kinds[0].interactions == 3);
    CHECK(kinds[0].people == 2);
    CHECK(kinds[1].key == "coffee");

    auto tags = activity_by_tag(n.store);
    REQUIRE(tags.size() == 2);  // "old" is only an archived person's
    CHECK(tags[0].key == "client");
    CHECK(tags[0].people == 2);
    CHECK(tags[0].interactions == 3);
    CHECK(tags[1].key == "friend");
    CHECK(tags[1].people == 1);
    CHECK(tags[1].interactions == 1);
}
