// Every query that serves one person must reach that person through an index:
// at 100,000 people and 1,000,000 interactions a scan costs seconds. The tests
// run the library's own functions on a small network, record each statement
// SQLite runs, and read its plan with EXPLAIN QUERY PLAN.
#include "testing.hpp"
#include "rolo/config.hpp"
#include "rolo/contact.hpp"
#include "rolo/due.hpp"
#include "rolo/dupes.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/search.hpp"
#include "rolo/store.hpp"
#include "rolo/warm_path.hpp"
#include "rolo/who.hpp"

#include <algorithm>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace rolo;

namespace {

// A few people who know each other, with history and an open intro request.
struct Network {
    Store store = Store::open_memory();
    std::vector<std::int64_t> ids;

    Network() {
        for (int i = 0; i < 40; ++i) {
            Contact c;
            c.name = "Person " + std::to_string(i);
            c.email = "person" + std::to_string(i) + "@example.com";
            c.connected = i % 4 != 0;
            if (c.connected) c.connected_on = day("2025-06-01");
            c.every = Every{30, {}};
            c.tags = {i % 2 ? "client" : "family"};
            ids.push_back(insert_contact(store, c, day("2025-01-01")));
        }
        for (std::size_t i = 0; i < ids.size(); ++i) {
            link(store, {.a = ids[i], .b = ids[(i + 1) % ids.size()]});
            link(store, {.a = ids[i], .b = ids[(i + 7) % ids.size()]});
            for (const char* on : {"2026-01-05", "2026-05-10", "2026-09-20"}) {
                Interaction interaction{.contact_id = ids[i], .on = day(on), .kind = "call", .summary = "catch-up"};
                log_interaction(store, interaction, today);
            }
        }
        Intro intro{.kind = IntroKind::asked, .broker_id = ids[1], .target_id = ids[4], .asked_on = day("2026-11-01")};
        insert_intro(store, intro);
    }
};

// The text of every statement SQLite starts while `run` runs.
std::set<std::string> statements_of(Store& store, const std::function<void()>& run) {
    std::set<std::string> statements;
    auto record = [](unsigned, void* context, void* statement, void*) {
        // A trigger starting is reported as "-- TRIGGER name": no statement of its own.
        std::string text = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
        if (!text.starts_with("--")) static_cast<std::set<std::string>*>(context)->insert(text);
        return 0;
    };
    sqlite3* db = store.db().getHandle();
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, record, &statements);
    run();
    sqlite3_trace_v2(db, 0, nullptr, nullptr);
    return statements;
}

// The plan's steps, one a line.
std::string plan_of(Store& store, const std::string& statement) {
    std::string steps;
    SQLite::Statement plan(store.db(), "EXPLAIN QUERY PLAN " + statement);
    while (plan.executeStep()) steps += plan.getColumn(3).getString() + "\n";
    return steps;
}

// The steps of the statement's plan that read a whole table of people,
// interactions, links, intros or tags: "SCAN i USING INDEX interactions_date"
// and the like.
std::string scans_in(Store& store, const std::string& statement) {
    // Names the tables go by in the statement: their own and any alias.
    std::set<std::string> names;
    static const std::regex table(R"(\b(interactions|contacts|knows|intros|tags)\b(?:\s+(?:AS\s+)?(\w+))?)", std::regex::icase);
    for (std::sregex_iterator it(statement.begin(), statement.end(), table), end; it != end; ++it) {
        names.insert((*it)[1]);
        if ((*it)[2].matched) names.insert((*it)[2]);
    }
    std::string scans;
    std::istringstream steps(plan_of(store, statement));
    for (std::string step; std::getline(steps, step);) {
        if (!step.starts_with("SCAN ")) continue;
        std::string scanned = step.substr(5, step.find(' ', 5) - 5);
        if (names.contains(scanned)) scans += (scans.empty() ? "" : "; ") + step;
    }
    return scans;
}

void check_no_scans(Store& store, const std::function<void()>& run) {
    auto statements = statements_of(store, run);
    REQUIRE_FALSE(statements.empty());
    for (const auto& statement : statements) {
        CAPTURE(statement);
        CHECK(scans_in(store, statement) == "");
    }
}

}  // namespace

TEST_CASE("the plan check sees a scan") {
    Network network;
    CHECK(scans_in(network.store, "SELECT * FROM interactions i WHERE i.kind = 'call'") == "SCAN i");
    CHECK(scans_in(network.store, "SELECT * FROM interactions WHERE contact_id = 1") == "");
}

TEST_CASE("due finds each person's last job change through its own index") {
    Network network;
    auto statements = statements_of(network.store, [&] { compute_due(network.store, {.today = today}, Config{}); });
    auto with_jobs = std::find_if(statements.begin(), statements.end(),
                                  [](const std::string& s) { return s.find("'job-change'") != std::string::npos; });
    REQUIRE(with_jobs != statements.end());
    CHECK(plan_of(network.store, *with_jobs).find("interactions_job_changes") != std::string::npos);
}

TEST_CASE("per-person queries use an index on that person") {
    Network network;
    Store& store = network.store;
    std::int64_t who = network.ids[5], broker = network.ids[1], target = network.ids[4];
    Config config;

    SUBCASE("finding them by id or email") {
        check_no_scans(store, [&] { resolve_who(store, "#" + std::to_string(who)); });
        check_no_scans(store, [&] { resolve_who(store, "person5@example.com"); });
    }
    SUBCASE("finding them by name, and add's check for someone of the same name") {
        check_no_scans(store, [&] { resolve_who(store, "person 5"); });
        Contact same;
        same.name = "PERSON 5";
        check_no_scans(store, [&] { same_name_ids(store, same); });
    }
    SUBCASE("show") {
        check_no_scans(store, [&] {
            get_contact(store, who);
            next_due(store, who, today, config);
            acquaintances(store, who);
            intros_involving(store, who);
            list_interactions(store, {.contact_id = who});
        });
    }
    SUBCASE("history with filters") {
        check_no_scans(store, [&] { list_interactions(store, {.contact_id = who, .limit = 20}); });
        check_no_scans(store, [&] { list_interactions(store, {.contact_id = who, .since = day("2026-03-01")}); });
        check_no_scans(store, [&] { list_interactions(store, {.contact_id = who, .kind = "call"}); });
    }
    SUBCASE("draft's context: the last interaction and the open request") {
        check_no_scans(store, [&] {
            list_interactions(store, {.contact_id = who, .limit = 1});
            open_request_to(store, broker);
        });
    }
    SUBCASE("log, an intro follow-up and an acceptance") {
        check_no_scans(store, [&] {
            Interaction intro{.contact_id = broker, .on = today, .kind = "intro", .summary = "nudged"};
            log_interaction(store, intro, today);
            Interaction accepted{.contact_id = target, .on = today, .kind = "accepted", .direction = Direction::in};
            log_interaction(store, accepted, today);
        });
    }
    SUBCASE("add with an email") {
        Contact c;
        c.name = "New Person";
        c.email = "new@example.com";
        check_no_scans(store, [&] {
            find_duplicate(store, c);
            insert_contact(store, c, today);
        });
    }
    SUBCASE("search and history --grep go through the index") {
        check_no_scans(store, [&] {
            search(store, "catch");
            search(store, "catch tag:client");
            list_interactions(store, {.grep = "catch"});
        });
    }
    SUBCASE("merge") {
        check_no_scans(store, [&] { merge_contacts(store, who, network.ids[6], today); });
    }
    SUBCASE("intro TARGET: the neighbourhood") {
        check_no_scans(store, [&] { load_neighborhood(store, target, 3, today); });
    }
    SUBCASE("intro TARGET reads each reached person's links, not every pair of reached people") {
        for (const auto& statement : statements_of(store, [&] { load_neighborhood(store, target, 3, today); })) {
            CAPTURE(statement);
            CHECK(plan_of(store, statement).find("(a=? AND b=?)") == std::string::npos);
        }
    }
}
