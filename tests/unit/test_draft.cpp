#include "rolo/draft.hpp"
#include "rolo/error.hpp"

#include <cstdio>
#include <fstream>

#include <doctest/doctest.h>

using namespace rolo;

namespace {

Date day(const char* text) { return parse_iso_date(text).value(); }
const Date today = day("2026-11-24");

std::filesystem::path write_template(const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / "rolo-test-template.toml";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("fill replaces placeholders; doubled braces are literal") {
    Fields fields{{"first", "Janet"}, {"me.email", "ada@example.com"}};
    CHECK(fill("Hi {first}, write to {me.email} {{not a field}}", fields) ==
          "Hi Janet, write to ada@example.com {not a field}");
    CHECK(placeholders("{first} {met_at} {first} { spaced } {{x}}") == std::vector<std::string>{"first", "met_at"});
}

TEST_CASE("render picks the first variant whose fields are known") {
    Template tmpl;
    tmpl.variants = {{"Met at {met_at}, {interests}. {me.signature}", 1}, {"Met at {met_at}. {about}", 2},
                     {"Hello {first}.", 3}};
    Fields fields{{"first", "Janet"}, {"met_at", "BNI"}, {"interests", ""}};
    Rendered r = render(tmpl, fields);
    CHECK(r.variant == 2);  // {about} not given
    CHECK(r.text == "Hello Janet.\n");
    CHECK(r.missing == std::vector<std::string>{"interests", "me.signature"});
    fields["about"] = "the deck";
    CHECK(render(tmpl, fields).text == "Met at BNI. the deck\n");
    fields["interests"] = "sailing";
    r = render(tmpl, fields);
    CHECK(r.variant == 0);  // your own empty signature does not cost personalisation
    CHECK(r.missing == std::vector<std::string>{"me.signature"});
}

TEST_CASE("an unknown placeholder is an error naming the file and line") {
    auto path = write_template("# comment\n[[variant]]\ntext = \"\"\"\nHi {first},\n\nabout {interets}.\n\"\"\"\n");
    CHECK_THROWS_WITH_AS(load_template(path),
                         doctest::Contains((path.string() + ":6: unknown placeholder {interets}").c_str()), Error);
    path = write_template("[[variant]]\ntext = \"Hi {frist}\"\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains(":2: unknown placeholder {frist}"), Error);
    path = write_template("[[variant]]\nbody = \"x\"\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains(":1: a [[variant]] needs a text"), Error);
    path = write_template("[[variant]\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains((path.string() + ":1:").c_str()), Error);
    std::filesystem::remove(path);
}

TEST_CASE("dates read as people say them") {
    CHECK(humanize_date(today, today) == "today");
    CHECK(humanize_date(day("2026-11-23"), today) == "yesterday");
    CHECK(humanize_date(day("2026-11-20"), today) == "this week");
    CHECK(humanize_date(day("2026-11-15"), today) == "last week");
    CHECK(humanize_date(day("2026-11-03"), today) == "earlier this month");
    CHECK(humanize_date(day("2026-03-10"), today) == "in March");
    CHECK(humanize_date(day("2025-03-10"), today) == "in March 2025");
}
