#include "testing.hpp"
#include "rolo/cadence.hpp"
#include "rolo/contact.hpp"
#include "rolo/due.hpp"
#include "rolo/interaction.hpp"
#include "rolo/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;

namespace {

struct Fixture {
    Store store = Store::open_memory();
    Config config;

    std::int64_t person(const std::string& name, const char* connected_on, std::optional<int> every = {},
                        std::vector<std::string> tags = {}, std::optional<int> max_days = {}) {
        Contact c;
        c.name = name;
        c.connected = connected_on != nullptr;
        if (connected_on) c.connected_on = day(connected_on);
        if (every) c.every = Every{*every, max_days};
        c.tags = std::move(tags);
        return insert_contact(store, c, day("2026-01-01"));
    }

    std::int64_t log(std::int64_t id, const char* on, const char* kind = "call", const char* next = nullptr,
                     Direction direction = Direction::out) {
        Interaction i{.contact_id = id, .on = day(on), .kind = kind, .direction = direction};
        if (next) i.next_on = day(next);
        return log_interaction(store, i, today);
    }

    // Someone you met on `met_on` at an event, not connected.
    std::int64_t acquaintance(const std::string& name, const char* met_on) {
        Contact c;
        c.name = name;
        c.connected = false;
        c.met_at = "PyData Berlin";
        c.met_on = day(met_on);
        return insert_contact(store, c, day("2026-01-01"));
    }

    std::string first_reason_on(std::int64_t id, Date on) {
        auto items = compute_due(store, {.today = on, .contact_id = id}, config);
        return items.empty() ? "" : std::string(to_string(items.front().reasons.front().reason)) + " " +
                                        items.front().state;
    }

    std::vector<DueItem> due(int within = 0, std::string tag = "") {
        return compute_due(store, {.today = today, .within_days = within, .tag = std::move(tag)}, config);
    }

    std::string reasons_of(std::int64_t id, int within = 0) {
        for (const auto& item : due(within)) {
            if (item.contact_id != id) continue;
            std::string out;
            for (const auto& r : item.reasons) {
                if (!out.empty()) out += ',';
                out += to_string(r.reason);
            }
            return out;
        }
        return "";
    }
};

}  // namespace

TEST_CASE("follow-up: due when the last interaction's next step is due, settled by anything later") {
    Fixture f;
    auto id = f.person("Janet", "2025-01-01");
    f.log(id, "2026-11-01", "coffee", "2026-11-20");
    CHECK(f.reasons_of(id) == "follow-up");
    CHECK(f.due().front().days_late == 4);
    // weight 4 x tie (1 + 1 interaction / 10) x (4 days late + 1)
    CHECK(f.due().front().urgency == doctest::Approx(4 * 1.1 * 5));
    CHECK(f.due().front().suggestion() == "rolo draft followup 1");
    f.log(id, "2026-11-22", "message");
    CHECK(f.reasons_of(id) == "");
    // A backdated entry logged later does not settle a newer next step.
    f.log(id, "2026-11-23", "call", "2026-11-24");
    f.log(id, "2026-11-02", "note");
    CHECK(f.reasons_of(id) == "follow-up");
}

TEST_CASE("lateness counts up to 30 days: years of neglect do not outrank a promised follow-up") {
    Fixture f;
    auto ancient = f.person("Ancient", "2024-01-01", 30);
    auto promised = f.person("Promised", "2025-01-01");
    f.log(promised, "2026-11-10", "coffee", "2026-11-17");
    auto items = f.due();
    REQUIRE(items.size() == 2);
    CHECK(items[0].contact_id == promised);  // 4 x 1.1 x (7 + 1) = 35.2
    CHECK(items[1].contact_id == ancient);
    CHECK(items[1].days_late > 900);
    CHECK(items[1].urgency == doctest::Approx(31));
}

TEST_CASE("follow-up: not yet due unless within the window") {
    Fixture f;
    auto id = f.person("Janet", "2025-01-01");
    f.log(id, "2026-11-20", "coffee", "2026-12-01");
    CHECK(f.reasons_of(id) == "");
    CHECK(f.reasons_of(id, 7) == "follow-up");
    CHECK(f.due(7).front().days_late == -7);
    CHECK(f.due(7).front().urgency == doctest::Approx(-7 / (4 * 1.1)));
}

TEST_CASE("cadence: from the last touch, else connected, met or created") {
    Fixture f;
    auto touched = f.person("Touched", "2025-01-01", 30);
    f.log(touched, "2026-10-20", "call");
    auto connected = f.person("Connected", "2026-10-01", 30);
    auto met = f.person("Met", nullptr, 30);
    Contact m = get_contact(f.store, met);
    m.connected = true;
    m.met_on = day("2026-09-01");
    update_contact(f.store, m, today);
    auto created = f.person("Created", nullptr, 300);
    Contact c = get_contact(f.store, created);
    c.connected = true;
    update_contact(f.store, c, today);  // created 2026-01-01 + 300d = 2026-10-28

    auto items = f.due();
    std::map<std::int64_t, Date> due_on;
    for (const auto& item : items) due_on[item.contact_id] = item.reasons.front().due_on;
    CHECK(due_on[touched] == day("2026-11-19"));
    CHECK(due_on[connected] == day("2026-10-31"));
    CHECK(due_on[met] == day("2026-10-01"));
    CHECK(due_on[created] == day("2026-10-28"));
}

TEST_CASE("cadence precedence: own, else shortest tag, else default, else none") {
    Fixture f;
    f.config.every_by_tag = {{"family", {14, {}}}, {"client", {42, {}}}, {"friend", {14, 21}}};
    f.config.default_every = Every{90, {}};
    Contact c;
    c.tags = {"client", "family"};
    c.every = Every{7, {}};
    CHECK(effective_cadence(c, f.config)->source == "own");
    c.every.reset();
    CHECK(effective_cadence(c, f.config)->every.days == 14);
    c.tags = {"client", "friend"};
    CHECK(describe(*effective_cadence(c, f.config)) == "every 2w..3w, from tag friend");
    c.tags = {"family", "friend"};  // equal ideals: the shorter maximum (family has no window: 14)
    CHECK(effective_cadence(c, f.config)->source == "tag family");
    c.tags = {"client", "family"};
    CHECK(describe(*effective_cadence(c, f.config)) == "every 2w, from tag family");
    c.tags = {"other"};
    CHECK(describe(*effective_cadence(c, f.config)) == "every 90d, the default");
    f.config.default_every.reset();
    CHECK_FALSE(effective_cadence(c, f.config));
}

TEST_CASE("cadence windows: listed from the ideal, late past the maximum, urgency grows faster") {
    Fixture f;
    auto id = f.person("Window", "2025-01-01", 28, {}, 42);
    auto plain = f.person("Plain", "2025-01-01", 28);
    auto check = [&](const char* today_text, const char* want_state) {
        auto items = compute_due(f.store, {.today = day(today_text)}, f.config);
        std::string got;
        for (const auto& item : items)
            if (item.contact_id == id) got = item.state;
        CAPTURE(today_text);
        CHECK(got == want_state);
    };
    f.log(id, "2026-10-01");
    f.log(plain, "2026-10-01");
    check("2026-10-28", "");       // before the ideal (10-29)
    check("2026-10-29", "ideal");  // from the ideal on
    check("2026-11-12", "ideal");  // the maximum day itself
    check("2026-11-13", "late");   // past the maximum
    auto items = compute_due(f.store, {.today = day("2026-11-14")}, f.config);
    REQUIRE(items.size() == 2);
    CHECK(items[0].contact_id == id);
    // 16 days past the ideal, 2 days past the maximum: (16 + 1 + 2 * 2) x 1.1
    CHECK(items[0].urgency == doctest::Approx(21 * 1.1));
    CHECK(items[1].urgency == doctest::Approx(17 * 1.1));
    CHECK(items[1].state == "late");
}

TEST_CASE("digest groups by reason with a count line first") {
    Fixture f;
    auto a = f.person("Ann", "2025-01-01", 30);
    f.log(a, "2026-10-01");
    auto b = f.person("Bob", "2025-01-01");
    f.log(b, "2026-11-01", "call", "2026-11-20");
    CHECK(format_digest(f.due(), {}, today) ==
          "2 people to get in touch with on 2026-11-24.\n"
          "\nfollow-up (1)\n"
          "  #2 Bob: late, \n      rolo draft followup 2\n"
          "\ncadence (1)\n"
          "  #1 Ann: late, every 30d\n      rolo draft checkin 1\n");
    CHECK(format_digest({}, {}, today) == "Nobody is due on 2026-11-24.\n");
}

TEST_CASE("hello: a new connection not yet greeted") {
    Fixture f;
    auto fresh = f.person("Fresh", "2026-11-20");
    auto greeted = f.person("Greeted", "2026-11-20");
    f.log(greeted, "2026-11-21", "message");
    auto invited = f.person("Invited", "2026-11-20");
    f.log(invited, "2026-11-20", "invite");
    auto old = f.person("Old", "2026-11-01");
    auto incoming = f.person("Incoming", "2026-11-20");
    f.log(incoming, "2026-11-21", "message", nullptr, Direction::in);
    CHECK(f.reasons_of(fresh) == "hello");
    CHECK(f.reasons_of(greeted) == "");
    CHECK(f.reasons_of(invited) == "hello");
    CHECK(f.reasons_of(old) == "");  // outside the 14-day window
    CHECK(f.reasons_of(incoming) == "hello");
    f.config.hello_window_days = 30;
    CHECK(f.reasons_of(old) == "hello");
}

TEST_CASE("intro-follow-up: due after the period, settled by one follow-up, then silent") {
    Fixture f;
    auto broker = f.person("Broker", "2025-01-01");
    auto target = f.person("Target", nullptr);
    SQLite::Statement ask(f.store.db(),
                          "INSERT INTO intros (kind, broker_id, target_id, asked_on) VALUES ('asked', ?, ?, ?)");
    ask.bind(1, broker);
    ask.bind(2, target);
    ask.bind(3, "2026-11-17");
    ask.exec();
    f.log(broker, "2026-11-17", "intro");  // the ask itself is not the follow-up
    CHECK(f.reasons_of(broker) == "intro-follow-up");
    CHECK(f.due().front().reasons.front().detail == "intro to Target asked 2026-11-17");

    f.log(broker, "2026-11-24", "intro");  // the one follow-up
    CHECK(f.reasons_of(broker) == "");
    auto status_on = [&](Date on) {
        auto intros = list_intros(f.store, std::nullopt);
        derive_silence(intros, on, f.config.intro_follow_up_days);
        return intros.at(0).status;
    };
    CHECK(status_on(today) == IntroStatus::open);
    CHECK(status_on(day("2026-12-01")) == IntroStatus::silent);
    CHECK(list_intros(f.store, std::nullopt).at(0).status == IntroStatus::open);  // derived, never stored
}

TEST_CASE("archived, snoozed and not-connected people") {
    Fixture f;
    auto archived = f.person("Archived", "2025-01-01", 30);
    set_archived(f.store, archived, true, today);
    auto snoozed = f.person("Snoozed", "2025-01-01", 30);
    Contact s = get_contact(f.store, snoozed);
    s.snoozed_until = day("2026-11-30");
    update_contact(f.store, s, today);
    auto stranger = f.person("Stranger", nullptr, 30);
    CHECK(f.reasons_of(archived) == "");
    CHECK(f.reasons_of(snoozed) == "");
    CHECK(f.reasons_of(stranger) == "");
    f.log(stranger, "2026-11-01", "email", "2026-11-10");
    CHECK(f.reasons_of(stranger) == "follow-up");
    s.snoozed_until = today;  // the snooze ends on its day
    update_contact(f.store, s, today);
    CHECK(f.reasons_of(snoozed) == "cadence");
}

TEST_CASE("one line per person, most urgent reason first; ordering and ties are deterministic") {
    Fixture f;
    auto both = f.person("Both", "2026-11-20", 2);  // hello since 11-20, cadence due 11-22
    CHECK(f.reasons_of(both) == "hello,cadence");
    auto zed = f.person("Zed", "2025-01-01", 30);
    auto amy = f.person("Amy", "2025-01-01", 30);
    auto amy2 = f.person("amy", "2025-01-01", 30);
    auto items = f.due();
    std::vector<std::int64_t> order;
    for (const auto& item : items) order.push_back(item.contact_id);
    CHECK(order == std::vector<std::int64_t>{amy, amy2, zed, both});
    CHECK(f.due(0, "nope").empty());
}

TEST_CASE("tie strength raises urgency") {
    Fixture f;
    auto close = f.person("Close", "2025-01-01", 30);
    auto distant = f.person("Distant", "2025-01-01", 30);
    for (const char* on : {"2026-10-01", "2026-10-02", "2026-10-03"}) f.log(close, on);
    f.log(distant, "2026-10-03");
    auto items = f.due();
    REQUIRE(items.size() == 2);
    CHECK(items[0].contact_id == close);
    CHECK(items[0].tie == doctest::Approx(1.3));
    CHECK(items[0].days_late == items[1].days_late);
}

TEST_CASE("the due query never scans the interactions table") {
    Store store = Store::open_memory();
    SQLite::Statement plan(store.db(), "EXPLAIN QUERY PLAN " + std::string(due_contacts_sql()));
    std::vector<std::string> steps;
    while (plan.executeStep()) steps.push_back(plan.getColumn(3).getString());
    REQUIRE_FALSE(steps.empty());
    for (const auto& step : steps) {
        CAPTURE(step);
        bool scans_interactions = step.starts_with("SCAN") &&
                                  (step.find("interactions") != std::string::npos || step.starts_with("SCAN l") ||
                                   step.starts_with("SCAN o") || step.starts_with("SCAN r"));
        CHECK_FALSE(scans_interactions);
    }
}

TEST_CASE("connect: someone met within the connect window, not connected, no invitation") {
    Fixture f;
    auto id = f.acquaintance("Tomasz", "2026-11-20");
    CHECK(f.first_reason_on(id, day("2026-11-19")) == "");  // not met yet
    CHECK(f.first_reason_on(id, day("2026-11-20")) == "connect ideal");
    CHECK(f.first_reason_on(id, day("2026-11-21")) == "connect ideal");
    CHECK(f.first_reason_on(id, day("2026-11-22")) == "connect late");
    CHECK(f.first_reason_on(id, day("2026-11-26")) == "connect late");
    CHECK(f.first_reason_on(id, day("2026-11-27")) == "");  // past the window: no nagging
    auto items = compute_due(f.store, {.today = day("2026-11-21"), .contact_id = id}, f.config);
    REQUIRE(items.size() == 1);
    CHECK(items[0].suggestion() == "rolo draft connect 1");
    CHECK(items[0].reasons[0].detail == "met 2026-11-20");

    f.config.connect_window_days = 10;
    CHECK(f.first_reason_on(id, day("2026-11-29")) == "connect late");
}

TEST_CASE("connect: not for people connected, met long ago, or already invited") {
    Fixture f;
    auto connected = f.person("Con", "2026-11-20");
    auto old = f.acquaintance("Old", "2026-10-01");
    auto invited = f.acquaintance("Inv", "2026-11-20");
    f.log(invited, "2026-11-21", "invite");
    CHECK(f.reasons_of(connected).find("connect") == std::string::npos);
    CHECK(f.reasons_of(old) == "");
    CHECK(f.reasons_of(invited) == "");
}

TEST_CASE("invite-unanswered: after the invite window, listed one week, then dropped") {
    Fixture f;
    auto id = f.acquaintance("Tomasz", "2026-11-01");
    f.log(id, "2026-11-02", "invite");
    CHECK(f.first_reason_on(id, day("2026-11-22")) == "");  // pending: 20 days
    CHECK(f.first_reason_on(id, day("2026-11-23")) == "invite-unanswered ideal");
    CHECK(f.first_reason_on(id, day("2026-11-29")) == "invite-unanswered ideal");
    CHECK(f.first_reason_on(id, day("2026-11-30")) == "");  // said, then dropped
    auto items = compute_due(f.store, {.today = day("2026-11-23"), .contact_id = id}, f.config);
    REQUIRE(items.size() == 1);
    CHECK(items[0].suggestion() == "rolo show 1");

    // Reaching them another way settles it.
    f.log(id, "2026-11-23", "email");
    CHECK(f.first_reason_on(id, day("2026-11-23")) == "");
}

TEST_CASE("pending invitations, and accepted ones start the hello window") {
    Fixture f;
    auto id = f.acquaintance("Tomasz", "2026-11-20");
    f.log(id, "2026-11-21", "invite");
    auto pending = pending_invitations(f.store, {.today = today}, f.config);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].invited_on == day("2026-11-21"));
    CHECK(pending[0].unanswered_on == day("2026-12-12"));
    CHECK(format_digest({}, pending, today) ==
          "Nobody is due on 2026-11-24.\n"
          "\nwaiting (1)\n"
          "  #1 Tomasz: invitation sent 2026-11-21, pending until 2026-12-12\n");
    CHECK(pending_invitations(f.store, {.today = today, .tag = "other"}, f.config).empty());

    f.log(id, "2026-11-23", "accepted", nullptr, Direction::in);
    CHECK(pending_invitations(f.store, {.today = today}, f.config).empty());
    CHECK(f.first_reason_on(id, today) == "hello late");
}

TEST_CASE("connection path: where a person is between meeting and connection") {
    Fixture f;
    auto id = f.acquaintance("Tomasz", "2026-11-20");
    auto path = [&](Date on) {
        auto contact = get_contact(f.store, id);
        return connection_path(contact, list_interactions(f.store, {.contact_id = id}), on, f.config);
    };
    CHECK(path(today) == "met 2026-11-20 at PyData Berlin, not connected: connect by 2026-11-26");
    CHECK(path(day("2026-12-01")) == "met 2026-11-20 at PyData Berlin, not connected");
    f.log(id, "2026-11-21", "invite");
    CHECK(path(today) == "met 2026-11-20 at PyData Berlin, invitation sent 2026-11-21, pending");
    CHECK(path(day("2026-12-12")) == "met 2026-11-20 at PyData Berlin, invitation sent 2026-11-21, unanswered since 2026-12-12");
    f.log(id, "2026-11-23", "accepted", nullptr, Direction::in);
    CHECK(path(today) == "met 2026-11-20 at PyData Berlin, invitation sent 2026-11-21, connected 2026-11-23");
    CHECK(connection_path(get_contact(f.store, f.person("Con", "2026-01-01")), {}, today, f.config) == "");
}

namespace {

std::string reasons_text(const std::vector<DueReason>& reasons) {
    std::string out;
    for (const auto& r : reasons)
        out += fmt::format("{}{} {}..{} {}", out.empty() ? "" : "; ", to_string(r.reason), format_date(r.due_on),
                           format_date(r.late_on), r.detail);
    return out;
}

}  // namespace

TEST_CASE("reasons_for: the rules as arithmetic on facts, no database") {
    Config config;
    DueFacts facts;
    facts.contact.name = "Pure";
    facts.contact.connected = true;
    facts.added_on = day("2026-01-01");
    CHECK(reasons_text(reasons_for(facts, today, config)).empty());  // no cadence: never due for a check-in

    facts.contact.every = Every{30, {}};
    CHECK(reasons_text(reasons_for(facts, today, config)) == "cadence 2026-01-31..2026-01-31 every 30d");
    facts.contact.met_on = day("2026-02-01");
    CHECK(reasons_for(facts, today, config).at(0).due_on == day("2026-03-03"));  // met_on before added_on
    facts.contact.connected_on = day("2026-03-01");
    CHECK(reasons_for(facts, today, config).at(0).due_on == day("2026-03-31"));  // connected_on before met_on
    facts.last_on = day("2026-11-01");
    facts.contact.every = Every{28, 42};
    CHECK(reasons_text(reasons_for(facts, today, config)) == "cadence 2026-11-29..2026-12-14 every 4w..6w");

    facts.next_on = day("2026-11-20");
    facts.last_summary = "send the deck";
    facts.contact.connected_on = day("2026-11-20");
    CHECK(reasons_text(reasons_for(facts, today, config)) ==
          "follow-up 2026-11-20..2026-11-20 send the deck; hello 2026-11-20..2026-11-20 connected 2026-11-20; "
          "cadence 2026-11-29..2026-12-14 every 4w..6w");
    facts.greeted = true;
    CHECK(reasons_text(reasons_for(facts, today, config)).find("hello") == std::string::npos);

    Intro asked;
    asked.target_name = "Tara";
    asked.asked_on = day("2026-11-10");
    facts.awaiting = {asked};
    facts.contact.connected = false;  // not in your network: what you owe them, and the connect path
    facts.connect = ConnectState{"Pure", day("2026-11-23"), {}, false};
    CHECK(reasons_text(reasons_for(facts, today, config)) ==
          "follow-up 2026-11-20..2026-11-20 send the deck; intro-follow-up 2026-11-17..2026-11-17 intro to Tara "
          "asked 2026-11-10; connect 2026-11-23..2026-11-25 met 2026-11-23");
}

TEST_CASE("state: day 0 of a reason without a window is due, not late") {
    DueReason plain{Reason::hello, today, today, ""};
    CHECK(state(plain, today - std::chrono::days{1}) == "soon");
    CHECK(state(plain, today) == "due");
    CHECK(state(plain, today + std::chrono::days{1}) == "late");
    DueReason window{Reason::cadence, today, today + std::chrono::days{14}, ""};
    CHECK(state(window, today) == "ideal");
    CHECK(state(window, today + std::chrono::days{14}) == "late");
}
