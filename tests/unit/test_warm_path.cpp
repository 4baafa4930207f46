#include "testing.hpp"
#include "rolo/contact.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/store.hpp"
#include "rolo/warm_path.hpp"

#include <doctest/doctest.h>

using namespace rolo;

namespace {

struct Network {
    Store store = Store::open_memory();

    std::int64_t person(const std::string& name, bool connected, const std::string& company = "",
                        std::vector<std::string> tags = {}, const std::string& interests = "") {
        Contact c;
        c.name = name;
        c.connected = connected;
        c.company = company;
        c.tags = std::move(tags);
        c.interests = interests;
        apply(c, {});
        return insert_contact(store, c, today);
    }
    void knows(std::int64_t a, std::int64_t b, int strength = 5, const std::string& context = "") {
        link(store, {a, b, strength, context, today});
    }
    std::vector<std::string> paths(std::int64_t target, int hops = 3) {
        std::vector<std::string> out;
        for (const auto& path : find_paths(load_neighborhood(store, target, hops, today), target, hops, today))
            out.push_back(describe(path));
        return out;
    }
};

}  // namespace

TEST_CASE("broker tie grows with frequency and recency, within 0.2..1") {
    CHECK(broker_tie(0, std::nullopt) == doctest::Approx(0.2));
    CHECK(broker_tie(10, 0) == doctest::Approx(1.0));
    CHECK(broker_tie(25, 10) == doctest::Approx(1.0));
    CHECK(broker_tie(5, 30) == doctest::Approx(0.2 + 0.2 + 0.4));
    CHECK(broker_tie(0, 365) == doctest::Approx(0.2));
    CHECK(broker_tie(0, 97) == doctest::Approx(0.2 + 0.4 * 0.8));  // 67 of the 335 fading days gone
    CHECK(broker_tie(1, 100) > broker_tie(1, 200));
}

TEST_CASE("paths go through connected brokers and read from you to the target") {
    Network n;
    auto janet = n.person("Janet", true);
    auto clive = n.person("Clive", false);
    n.knows(janet, clive, 5, "worked together at Acme");
    CHECK(n.paths(clive) == std::vector<std::string>{
                                "you → Janet (no interactions yet) → Clive (worked together at Acme)"});
    Interaction coffee{.contact_id = janet, .on = parse_iso_date("2026-11-12").value(), .kind = "coffee"};
    log_interaction(n.store, coffee, today);
    CHECK(n.paths(clive).front() == "you → Janet (coffee 12d ago) → Clive (worked together at Acme)");
}

TEST_CASE("ranking multiplies the broker tie by each edge strength / 5") {
    Network n;
    auto strong = n.person("Strong", true);
    auto weak = n.person("Weak", true);
    auto middle = n.person("Middle", false);
    auto target = n.person("Target", false);
    n.knows(strong, middle, 5);
    n.knows(middle, target, 4);
    n.knows(weak, target, 2);
    auto found = find_paths(load_neighborhood(n.store, target, 3, today), target, 3, today);
    REQUIRE(found.size() == 2);
    CHECK(found[0].hops.front().id == strong);
    CHECK(found[0].score == doctest::Approx(0.2 * 1.0 * 0.8));
    CHECK(found[1].score == doctest::Approx(0.2 * 0.4));
}

TEST_CASE("a connected person who knows the target is asked directly, never through another broker") {
    Network n;
    auto close = n.person("Close", true);
    auto direct = n.person("Direct", true);
    auto target = n.person("Target", false);
    n.knows(close, direct, 5);
    n.knows(direct, target, 4);
    for (int i = 0; i < 10; ++i) {
        Interaction coffee{.contact_id = close, .on = add(today, {i + 1, 'd'}, -1), .kind = "coffee"};
        log_interaction(n.store, coffee, today);
    }
    // Through Close the path scores higher (a tie of 1 against 0.2), but it asks Close to ask Direct.
    CHECK(n.paths(target) == std::vector<std::string>{"you → Direct (no interactions yet) → Target (strength 4)"});
}

TEST_CASE("equal paths are ordered by length, then names") {
    Network n;
    auto bea = n.person("Bea", true);
    auto abe = n.person("Abe", true);
    auto target = n.person("Target", false);
    n.knows(bea, target);
    n.knows(abe, target);
    CHECK(n.paths(target) == std::vector<std::string>{"you → Abe (no interactions yet) → Target (strength 5)",
                                                      "you → Bea (no interactions yet) → Target (strength 5)"});
}

TEST_CASE("cycles are walked once: paths stay simple") {
    Network n;
    auto a = n.person("A", true);
    auto b = n.person("B", false);
    auto c = n.person("C", false);
    auto target = n.person("T", false);
    n.knows(a, b);
    n.knows(b, c);
    n.knows(c, a);
    n.knows(c, target);
    auto found = n.paths(target, 4);
    CHECK(found == std::vector<std::string>{"you → A (no interactions yet) → C (strength 5) → T (strength 5)",
                                            "you → A (no interactions yet) → B (strength 5) → C (strength 5) → T (strength 5)"});
}

TEST_CASE("the hop limit counts you -> broker as the first hop") {
    Network n;
    auto a = n.person("A", true);
    auto b = n.person("B", false);
    auto c = n.person("C", false);
    auto target = n.person("T", false);
    n.knows(a, b);
    n.knows(b, c);
    n.knows(c, target);
    CHECK(n.paths(target, 3).empty());
    CHECK(n.paths(target, 4).size() == 1);
}

TEST_CASE("disconnected, self, archived and not-connected brokers") {
    Network n;
    auto a = n.person("A", true);
    auto lonely = n.person("Lonely", false);
    CHECK(n.paths(lonely).empty());
    auto stranger = n.person("Stranger", false);
    auto target = n.person("T", false);
    n.knows(stranger, target);  // a broker must be connected to you
    CHECK(n.paths(target).empty());
    n.knows(a, target);
    CHECK(n.paths(target).size() == 1);
    set_archived(n.store, a, true, today);
    CHECK(n.paths(target).empty());
    CHECK(n.paths(a).empty());  // archived target
}

TEST_CASE("suggestions: shared company, tags and interests, not already linked") {
    Network n;
    auto a = n.person("Ann", true, "Acme", {"data"}, "sailing and climate data");
    auto b = n.person("Ben", true, "acme", {"data"}, "Sailing");
    n.person("Cat", true, "Other", {"data"}, "knitting");
    n.person("Dan", false, "Acme", {"data"}, "sailing");  // not connected: never suggested
    auto suggestions = suggest_intros(n.store, "", 10);
    REQUIRE(suggestions.size() == 3);
    CHECK(suggestions[0].a.id == a);
    CHECK(suggestions[0].b.id == b);
    CHECK(suggestions[0].score == 3 + 2 + 1);
    CHECK(suggestions[0].reasons == std::vector<std::string>{"both at Acme", "both tagged data", "both interested in sailing"});
    CHECK(suggestions[1].score == 2);
    n.knows(a, b);
    suggestions = suggest_intros(n.store, "", 10);
    CHECK(suggestions.size() == 2);
    CHECK(suggest_intros(n.store, "nope", 10).empty());
    CHECK(suggest_intros(n.store, "", 1).size() == 1);
}

TEST_CASE("suggestions: a tag most people share is no reason, and tags kept apart are never paired") {
    Network n;
    // Ten people tagged "network", the two sailors also "client".
    auto a = n.person("Ann", true, "", {"client", "network"}, "sailing");
    auto b = n.person("Ben", true, "", {"client", "network"}, "sailing");
    auto c = n.person("Cat", true, "", {"network", "rust"}, "");
    auto d = n.person("Dan", true, "", {"network", "rust"}, "");
    for (const char* name : {"E", "F", "G", "H", "I", "J"}) n.person(name, true, "", {"network"}, "");
    auto suggestions = suggest_intros(n.store, "", 10);
    REQUIRE(suggestions.size() == 2);
    CHECK(suggestions[0].a.id == a);
    CHECK(suggestions[0].b.id == b);
    CHECK(suggestions[0].reasons == std::vector<std::string>{"both tagged client", "both interested in sailing"});
    CHECK(suggestions[1].a.id == c);
    CHECK(suggestions[1].b.id == d);
    suggestions = suggest_intros(n.store, "", 10, {"client"});
    REQUIRE(suggestions.size() == 1);
    CHECK(suggestions[0].a.id == c);
}
