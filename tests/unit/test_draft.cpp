#include "rolo/draft.hpp"
#include "rolo/error.hpp"

#include <cstdio>
#include <fstream>

#include <doctest/doctest.h>

using namespace rolo;

namespace {

Date day(const char* text) { return parse_iso_date(text).value(); }
const Date today = day("2026-11-24");
const std::filesystem::path data = ROLO_SOURCE_DATADIR;

std::filesystem::path write_template(const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / "rolo-test-template.toml";
    std::ofstream(path) << text;
    return path;
}

std::vector<std::string> rules(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.rule);
    return out;
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

TEST_CASE("sentences: . ! ? end them; abbreviations, initials and decimals do not") {
    CHECK(count_sentences("One. Two! Three? Four.") == 4);
    CHECK(count_sentences("Dr. Smith met Mr. Jones, e.g. at 3.5 p.m. yesterday.") == 1);
    CHECK(count_sentences("I met J. Smith i.e. the CEO.") == 1);
    CHECK(count_sentences("Really?! Yes... Fine.") == 3);
    CHECK(count_sentences("Hi Janet,\n\nThanks for connecting.\n\nAda") == 1);
    CHECK(count_sentences("Visit example.com today.") == 1);
    CHECK(count_sentences("He said \"no.\" Then left.") == 2);
    CHECK(count_sentences("") == 0);
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

TEST_CASE("lint rules each fire, and only when they should") {
    LintContext connect{.kind = "connect", .connect_limit = 20};
    CHECK(rules(lint("short note, fine.", connect)).empty());
    CHECK(rules(lint("this note is long enough to pass twenty", connect)) == std::vector<std::string>{"length"});
    CHECK(rules(lint("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", connect)).empty());  // code points, not bytes
    LintContext any{};
    CHECK(rules(lint("One. Two. Three. Four. Five.", any)).empty());
    CHECK(rules(lint("One. Two. Three. Four. Five. Six.", any)) == std::vector<std::string>{"sentences"});
    CHECK(rules(lint("Hi {first}.", any)) == std::vector<std::string>{"empty-field"});
    any.missing = {"interests is empty"};
    CHECK(rules(lint("Hi.", any)) == std::vector<std::string>{"empty-field"});
    LintContext pitch{.kind = "hello", .pitch_applies = true, .pitch_words = {"demo", "our services", "price"}};
    CHECK(rules(lint("Happy to give you a Demo of our services.", pitch)) == std::vector<std::string>{"pitch"});
    CHECK(lint("See our services.", pitch).front().message.starts_with("'our services'"));
    CHECK(rules(lint("A priceless chat about democracy.", pitch)).empty());  // whole words only
    pitch.pitch_applies = false;
    CHECK(rules(lint("Happy to give you a demo.", pitch)).empty());
    CHECK(rules(lint("I'd like to add you to my professional network on LinkedIn.\n- Ada", connect)) ==
          std::vector<std::string>{"length", "default-note"});
    LintContext roomy{.kind = "connect"};
    CHECK(rules(lint("I’d like to join your LinkedIn network", roomy)).empty());  // curly quote: not the default
    CHECK(rules(lint("i'd like to join your linkedin network!", roomy)) == std::vector<std::string>{"default-note"});
}

TEST_CASE("every shipped template passes every lint rule on a contact with met_at and interests") {
    Contact janet;
    janet.id = 1;
    janet.name = "Janet Mellor";
    janet.company = "Mellor & Co";
    janet.title = "Managing Partner";
    janet.met_at = "the BNI breakfast in Leeds";
    janet.interests = "sailing and family businesses";
    janet.tags = {"data"};
    Contact clive = janet;
    clive.id = 2;
    clive.name = "Clive Smith";
    clive.company = "Acme";
    Interaction last{.contact_id = 1, .on = day("2026-11-10"), .kind = "coffee", .summary = "coffee at Stage Door"};
    Me me{"Ada Lovelace", "ada@example.com", "Ada"};
    auto pitch_words = read_word_list(data / "pitch-words.txt");
    REQUIRE(pitch_words.size() > 10);
    for (const auto& kind : draft_kinds()) {
        CAPTURE(kind);
        Template tmpl = load_template(data / "templates" / (kind + ".toml"));
        bool with_other = kind.starts_with("intro");
        DraftSubject subject{&janet, with_other ? &clive : nullptr, &last, "", with_other ? "you both sail" : ""};
        Rendered rendered = render(tmpl, draft_fields(subject, me, today));
        CHECK(rendered.missing.empty());
        LintContext context{.kind = kind, .pitch_applies = true, .pitch_words = pitch_words};
        auto findings = lint(rendered.text, context);
        for (const auto& f : findings) CAPTURE(f.message);
        CHECK(rules(findings).empty());
        CHECK(rendered.text.find("Janet") != std::string::npos);
    }
}
