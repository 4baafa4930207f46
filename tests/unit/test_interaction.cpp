// Amending and undoing a log, todos, and one interaction had with several people.
#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/due.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/stats.hpp"
#include "rolo/store.hpp"

#include <cstdlib>
#include <filesystem>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;

namespace {

struct Fixture {
    Store store = Store::open_memory();
    Config config;

    std::int64_t person(const std::string& name, bool connected = true) {
        Contact c;
        c.name = name;
        c.connected = connected;
        return insert_contact(store, c, day("2026-01-01"));
    }

    Interaction log(std::int64_t id, const char* on, const char* kind, const char* next = nullptr,
                    const char* todo = "") {
        Interaction i{.contact_id = id, .on = day(on), .kind = kind, .summary = "logged"};
        if (next) i.next_on = day(next);
        i.todo = todo;
        log_interaction(store, i, today);
        return i;
    }

    std::vector<std::string> follow_ups(std::int64_t id) {
        std::vector<std::string> details;
        for (const auto& item : compute_due(store, {.today = today, .contact_id = id}, config))
            for (const auto& reason : item.reasons)
                if (reason.reason == Reason::follow_up) details.push_back(reason.detail);
        return details;
    }
};

}  // namespace

TEST_CASE("unlogging an accepted log reverts the connection it made, and only that") {
    Fixture f;
    auto nadia = f.person("Nadia", false);
    auto accepted = f.log(nadia, "2026-11-20", "accepted");
    REQUIRE(get_contact(f.store, nadia).connected);
    auto reverted = unlog_interaction(f.store, accepted.id, today);
    CHECK(reverted == std::vector<std::string>{"Nadia is no longer connected"});
    Contact after = get_contact(f.store, nadia);
    CHECK_FALSE(after.connected);
    CHECK_FALSE(after.connected_on);
    CHECK(list_interactions(f.store, {.contact_id = nadia}).empty());
    CHECK_THROWS_AS(unlog_interaction(f.store, accepted.id, today), Error);

    // Someone connected without a date keeps being connected, without the date the log gave.
    auto old = f.person("Old Friend");
    auto dated = f.log(old, "2026-11-20", "accepted");
    CHECK(get_contact(f.store, old).connected_on == day("2026-11-20"));
    unlog_interaction(f.store, dated.id, today);
    CHECK(get_contact(f.store, old).connected);
    CHECK_FALSE(get_contact(f.store, old).connected_on);

    // A change made since wins over the undo.
    auto again = f.log(nadia, "2026-11-21", "accepted");
    Contact edited = get_contact(f.store, nadia);
    edited.connected_on = day("2026-10-01");
    update_contact(f.store, edited, today);
    CHECK(unlog_interaction(f.store, again.id, today).empty());
    CHECK(get_contact(f.store, nadia).connected_on == day("2026-10-01"));
}

TEST_CASE("an intro's kind and status as text: each value both ways; other text is an Error naming it") {
    for (auto kind : {IntroKind::asked, IntroKind::made}) CHECK(parse_intro_kind(to_string(kind)) == kind);
    for (auto status : {IntroStatus::open, IntroStatus::done, IntroStatus::declined, IntroStatus::silent})
        CHECK(parse_intro_status(to_string(status)) == status);
    CHECK(to_string(IntroKind::made) == "made");
    CHECK(to_string(IntroStatus::declined) == "declined");
    CHECK_THROWS_WITH_AS(parse_intro_kind("offered"), "unknown intro kind 'offered': expected asked or made", Error);
    CHECK_THROWS_WITH_AS(parse_intro_status("Open"), "unknown intro status 'Open': expected open, done, declined or silent",
                         Error);
    CHECK_THROWS_AS(parse_intro_status(""), Error);

    // A row another program wrote with a value rolo has no name for is an Error when read, not a guess.
    Fixture f;
    Intro intro{.kind = IntroKind::made, .broker_id = f.person("A"), .target_id = f.person("B"), .asked_on = today};
    intro.status = IntroStatus::done;
    insert_intro(f.store, intro);
    CHECK(f.store.db().execAndGet("SELECT kind || ' ' || status FROM intros").getString() == "made done");
    f.store.db().exec("PRAGMA ignore_check_constraints = ON; UPDATE intros SET status = 'lost'");
    CHECK_THROWS_WITH_AS(get_intro(f.store, intro.id), "unknown intro status 'lost': expected open, done, declined or silent",
                         Error);
}

TEST_CASE("unlogging an outgoing intro log unmarks the follow-up it made") {
    Fixture f;
    auto broker = f.person("Broker");
    auto target = f.person("Target");
    Intro intro{.kind = IntroKind::asked, .broker_id = broker, .target_id = target, .asked_on = day("2026-11-01")};
    insert_intro(f.store, intro);
    auto followed = f.log(broker, "2026-11-10", "intro");
    CHECK(get_intro(f.store, intro.id).followed_up_on == day("2026-11-10"));
    unlog_interaction(f.store, followed.id, today);
    CHECK_FALSE(get_intro(f.store, intro.id).followed_up_on);
}

TEST_CASE("amending a log changes only what is given and re-applies what its kind means") {
    Fixture f;
    auto omar = f.person("Omar", false);
    auto row = f.log(omar, "2026-11-20", "accepted");
    auto amended = amend_interaction(f.store, row.id, {.kind = std::string("message")}, today);
    REQUIRE(amended.size() == 1);
    CHECK(amended[0].summary == "logged");
    CHECK(amended[0].on == day("2026-11-20"));
    CHECK_FALSE(get_contact(f.store, omar).connected);
    amend_interaction(f.store, row.id, {.kind = std::string("accepted"), .on = day("2026-11-22")}, today);
    CHECK(get_contact(f.store, omar).connected_on == day("2026-11-22"));
    CHECK(list_interactions(f.store, {.contact_id = omar})[0].kind == "accepted");
    CHECK_THROWS_AS(amend_interaction(f.store, row.id, {.kind = std::string("dinner")}, today), Error);
    CHECK_THROWS_AS(amend_interaction(f.store, row.id, {.todo = std::string("words")}, today), Error);
}

TEST_CASE("todos stay open until done, several per person; a plain next step ends with a later log") {
    Fixture f;
    auto clive = f.person("Clive");
    auto sow = f.log(clive, "2026-11-10", "call", "2026-11-20", "send the SOW");
    auto deck = f.log(clive, "2026-11-12", "meeting", "2026-11-22", "send the deck");
    f.log(clive, "2026-11-15", "call", "2026-11-23");
    CHECK(f.follow_ups(clive).size() == 3);
    f.log(clive, "2026-11-16", "note");
    auto open = f.follow_ups(clive);
    CHECK(open == std::vector<std::string>{fmt::format("send the SOW (todo #{})", sow.id),
                                           fmt::format("send the deck (todo #{})", deck.id)});
    CHECK(open_next_steps(f.store, clive).size() == 2);
    CHECK_THROWS_AS(finish_next_step(f.store, clive, std::nullopt, today), Error);
    auto done = finish_next_step(f.store, clive, sow.id, today);
    CHECK(done.todo == "send the SOW");
    CHECK(f.follow_ups(clive) == std::vector<std::string>{fmt::format("send the deck (todo #{})", deck.id)});
    CHECK_THROWS_AS(finish_next_step(f.store, clive, sow.id, today), Error);
    finish_next_step(f.store, clive, std::nullopt, today);
    CHECK(f.follow_ups(clive).empty());
    CHECK(list_interactions(f.store, {.contact_id = clive}).size() == 4);  // done logs nothing

    // A next step without words is done the same way, and stays done.
    auto plain = f.log(clive, "2026-11-18", "call", "2026-11-21");
    CHECK(f.follow_ups(clive).size() == 1);
    CHECK(finish_next_step(f.store, clive, std::nullopt, today).interaction_id == plain.id);
    CHECK(f.follow_ups(clive).empty());
}

TEST_CASE("an interaction with several people is one: a row each, counted once, amended and removed together") {
    Fixture f;
    auto ana = f.person("Ana");
    auto ben = f.person("Ben");
    Interaction lunch{.on = day("2026-11-20"), .kind = "meeting", .summary = "team lunch"};
    auto rows = log_group(f.store, lunch, {ana, ben}, today);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].group_id == rows[0].id);
    CHECK(rows[1].group_id == rows[0].id);
    f.log(ana, "2026-11-21", "call");
    CHECK(network_stats(f.store, today, f.config).interactions == 2);
    auto by_kind = activity_by_kind(f.store);
    REQUIRE(by_kind.size() == 2);
    CHECK(by_kind[0].key == "call");
    CHECK(by_kind[1].interactions == 1);
    CHECK(by_kind[1].people == 2);
    CHECK(list_interactions(f.store, {.contact_id = ben}).size() == 1);
    amend_interaction(f.store, rows[1].id, {.summary = std::string("team lunch at Noma")}, today);
    CHECK(list_interactions(f.store, {.contact_id = ana, .kind = std::string("meeting")})[0].summary ==
          "team lunch at Noma");
    unlog_interaction(f.store, rows[1].id, today);
    CHECK(list_interactions(f.store, {.kind = std::string("meeting")}).empty());
    CHECK_THROWS_AS(log_group(f.store, lunch, {ana, ana}, today), Error);
}

TEST_CASE("an older database's log --with rows become one interaction when migrated") {
    char name[] = "/tmp/rolo-test-XXXXXX";
    std::filesystem::path dir = mkdtemp(name);
    auto path = dir / "rolo.db";
    {
        Store store = Store::open(path);
        // Back to schema 6, as an earlier rolo left it.
        rewind_schema(store.db(), 6);
        store.db().exec(R"sql(
INSERT INTO contacts (id, name, created_at, updated_at) VALUES (1, 'Ana', 'x', 'x'), (2, 'Ben', 'x', 'x'), (3, 'Cy', 'x', 'x');
INSERT INTO interactions (id, contact_id, on_date, kind, summary, created_at) VALUES
  (1, 1, '2026-11-20', 'meeting', 'team lunch', '2026-11-20T10:00:00Z'),
  (2, 2, '2026-11-20', 'meeting', 'team lunch', '2026-11-20T10:00:00Z'),
  (3, 3, '2026-11-20', 'meeting', 'team lunch', '2026-11-20T10:00:00Z'),
  (4, 1, '2026-11-20', 'meeting', 'team lunch', '2026-11-20T11:00:00Z'),
  (5, 2, '2026-11-21', 'call', 'hi', '2026-11-21T10:00:00Z'),
  (6, 2, '2026-11-21', 'call', 'hi', '2026-11-21T10:00:00Z');
)sql");
    }
    Store store = Store::open(path);
    std::vector<std::optional<std::int64_t>> groups;
    for (std::int64_t id = 1; id <= 6; ++id) groups.push_back(interaction_group(store, id).front().group_id);
    // 1-3: one lunch; 4 was logged apart; 5 and 6 name the same person twice.
    CHECK(groups == std::vector<std::optional<std::int64_t>>{1, 1, 1, std::nullopt, std::nullopt, std::nullopt});
    std::filesystem::remove_all(dir);
}
