#include "rolo/config.hpp"
#include "rolo/error.hpp"

#include <doctest/doctest.h>

using namespace rolo;

TEST_CASE("a missing config file means defaults") {
    Config config = load_config("/nonexistent/rolo/config.toml");
    CHECK_FALSE(config.found);
    CHECK(config.hello_window_days == 14);
    CHECK(config.intro_follow_up_days == 7);
    CHECK(config.connect_limit == 200);
    CHECK_FALSE(config.default_every);
}

TEST_CASE("the config init writes shows the defaults the code has") {
    // Uncommenting every key of [defaults] and [draft] changes nothing.
    std::string text = default_config_text(), uncommented;
    bool defaults = false;
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        if (line.starts_with('[')) defaults = line.starts_with("[defaults]") || line.starts_with("[draft]");
        if (defaults && line.starts_with("# ") && line.find(" = ") != std::string::npos) line = line.substr(2);
        uncommented += line + '\n';
    }
    Config shown = parse_config(uncommented, "config.toml");
    Config none = parse_config("", "config.toml");
    CHECK(shown.warnings.empty());
    CHECK_FALSE(shown.default_every);
    CHECK(shown.hello_window_days == none.hello_window_days);
    CHECK(shown.intro_follow_up_days == none.intro_follow_up_days);
    CHECK(shown.connect_window_days == none.connect_window_days);
    CHECK(shown.invite_window_days == none.invite_window_days);
    CHECK(shown.connect_limit == none.connect_limit);
}

TEST_CASE("the spec's example config parses") {
    Config config = parse_config(R"(
[me]
name = "Ada Lovelace"
email = "ada@example.com"

[defaults]
every = "90d"
hello_window = "2w"
intro_follow_up = "7d"

[every]
family = "14d"
"good friend" = "1m"
client = "4w..6w"

[draft]
connect_limit = 300
)",
                                 "config.toml");
    CHECK(config.me.name == "Ada Lovelace");
    CHECK(config.me.signature == "Ada Lovelace");  // defaults to the name
    CHECK(config.default_every == Every{90, {}});
    CHECK(config.hello_window_days == 14);
    CHECK(config.every_by_tag.at("family") == Every{14, {}});
    CHECK(config.every_by_tag.at("good friend") == Every{30, {}});
    CHECK(config.every_by_tag.at("client") == Every{28, 42});
    CHECK(config.connect_limit == 300);
    CHECK(config.warnings.empty());
}

TEST_CASE("an empty every means no default cadence") {
    CHECK_FALSE(parse_config("[defaults]\nevery = \"\"\n", "c.toml").default_every);
    CHECK_THROWS_WITH_AS(parse_config("[every]\nclient = \"6w..4w\"\n", "c.toml"),
                         doctest::Contains("c.toml:2:10: every.client: bad cadence '6w..4w'"), Error);
}

TEST_CASE("syntax errors name file, line and column") {
    CHECK_THROWS_WITH_AS(parse_config("[me]\nname = \"Ada\"\nemail = \n", "c.toml"),
                         doctest::Contains("c.toml:3:"), Error);
}

TEST_CASE("bad values name file, line, column and key") {
    CHECK_THROWS_WITH_AS(parse_config("[defaults]\nevery = \"soon\"\n", "c.toml"),
                         doctest::Contains("c.toml:2:9: defaults.every"), Error);
    CHECK_THROWS_WITH_AS(parse_config("[me]\nname = 3\n", "c.toml"), doctest::Contains("c.toml:2:8: me.name"),
                         Error);
    CHECK_THROWS_WITH_AS(parse_config("[draft]\nconnect_limit = -1\n", "c.toml"),
                         doctest::Contains("draft.connect_limit"), Error);
    CHECK_THROWS_WITH_AS(parse_config("me = 1\n", "c.toml"), doctest::Contains("[me] must be a table"), Error);
}

TEST_CASE("unknown keys are warnings with their place") {
    Config config = parse_config("[me]\nnmae = \"x\"\n[colour]\n", "c.toml");
    REQUIRE(config.warnings.size() == 2);
    CHECK(config.warnings[0] == "c.toml:3:2: unknown key 'colour'");
    CHECK(config.warnings[1] == "c.toml:2:1: unknown key 'nmae' in [me]");
}

TEST_CASE("the config init writes is valid and all defaults") {
    Config config = parse_config(default_config_text(), "init.toml");
    CHECK(config.warnings.empty());
    CHECK(config.hello_window_days == 14);
}

TEST_CASE("[every] names a tag in any case") {
    Config config = parse_config("[every]\nML = \"14d\"\n", "config.toml");
    REQUIRE(config.every_by_tag.contains("ml"));
    CHECK(config.every_by_tag.at("Ml") == Every{14, {}});
}

TEST_CASE("the config init writes carries who you are, quoted as TOML") {
    Config config = parse_config(default_config_text({"Ada \"Countess\" Lovelace", "ada@example.com", ""}), "init.toml");
    CHECK(config.warnings.empty());
    CHECK(config.me.name == "Ada \"Countess\" Lovelace");
    CHECK(config.me.email == "ada@example.com");
    CHECK(default_config_text({"Ada", "", ""}).find("# signature = ") != std::string::npos);
}
