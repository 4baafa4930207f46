#include "testing.hpp"
#include "rolo/phrase.hpp"

#include <doctest/doctest.h>

using namespace rolo;

namespace {
}  // namespace

TEST_CASE("news names a job, or other news") {
    CHECK(names_a_job("your new role as VP Payments at Adyen"));
    CHECK(names_a_job("joining Acme"));
    CHECK_FALSE(names_a_job("getting tenure"));
    CHECK_FALSE(names_a_job("the Turing Award"));
}

TEST_CASE("a note to yourself is not said to them") {
    CHECK(unsayable("she is hiring a COO"));
    CHECK(unsayable("LinkedIn, after his post on pricing"));
    CHECK(unsayable("call w/ Li re: Q4"));
    CHECK(unsayable("intro -> Bob"));
    CHECK_FALSE(unsayable("through Janet at her BBQ"));
    CHECK_FALSE(unsayable("your search for a COO"));
    CHECK_FALSE(unsayable("the Hershey account"));  // a pronoun inside a word is no pronoun
}

TEST_CASE("greeting names: call name, honorifics, Last, First, credentials, initials, handles, case") {
    auto name = [](const char* full, const char* call = "") { return greeting_name(full, call).name; };
    CHECK(name("Katarzyna Nowak", "Kasia") == "Kasia");
    CHECK(name("Janet Mellor") == "Janet");
    CHECK(name("Dr. Ana Lima") == "Ana");
    CHECK(name("Prof. Smith") == "Prof. Smith");
    CHECK(name("Prof. Dr. Hans-Jürgen Müller") == "Hans-Jürgen");
    CHECK(name("Prof. Dr. Müller") == "Prof. Dr. Müller");
    CHECK(name("Sir Timothy Berners-Lee") == "Sir Timothy");
    CHECK(greeting_name("Дмитрий Соколов", "").problem.empty());
    CHECK(greeting_name("محمد علي", "").problem.empty());
    CHECK(name("Smith, John") == "John");
    CHECK(name("Ann Lee, PhD") == "Ann");
    CHECK(name("Ann Lee PhD") == "Ann");
    CHECK(name("J. Smith").empty());
    CHECK(name("jkowalski-88c1").empty());
    CHECK(name("kevin") == "Kevin");
    CHECK_FALSE(greeting_name("kevin", "").problem.empty());
    CHECK(name("JOHN SMITH") == "John");
    CHECK(name("王小明") == "王小明");
    CHECK(name("Zoë Ångström") == "Zoë");
    CHECK(greeting_name("Janet Mellor", "").problem.empty());
    CHECK(spoken_name("van der Berg, Pieter") == "Pieter van der Berg");
    CHECK(spoken_name("Ann Lee, PhD") == "Ann Lee");
    CHECK(spoken_name("Dr. Ana Lima") == "Dr. Ana Lima");
}

TEST_CASE("lists join with and; notes and cut-off items are left out") {
    CHECK(join_list({}).empty());
    CHECK(join_list({"a"}) == "a");
    CHECK(join_list({"a", "b"}) == "a and b");
    CHECK(join_list({"a", "b", "c"}) == "a, b and c");
    CHECK(interests_phrase("sailing and family businesses") == "sailing and family businesses");
    CHECK(interests_phrase("data contracts, dbt, mentoring junior analysts, and…") ==
          "data contracts, dbt and mentoring junior analysts");
    CHECK(interests_phrase("golf, his kids") == "golf");
    CHECK(interests_phrase("wrote about pricing; Rust.") == "Rust");
    CHECK(interests_phrase("his kids").empty());
    CHECK(interests_phrase("a, b, c, d", 2) == "a and b");
    CHECK(interests_phrase("OBSERVABILITY, AWS") == "observability and AWS");
    CHECK(interests_phrase("Africa-first SaaS, remote work, etc.") == "Africa-first SaaS and remote work");
    CHECK(interests_phrase("n/a").empty());
    CHECK(interests_phrase("we help companies like yours, pricing, demo days") == "pricing and demo days");
    CHECK(interests_phrase("my deck; eBPF") == "eBPF");
    CHECK(interests_phrase("DevRel; talks; writing") == "DevRel, talks and writing");
    // A judgement of the person is no topic to raise with them.
    CHECK(interests_phrase("loves mentoring, bit of a talker").empty());
    CHECK(interests_phrase("climbing; a bit shy; very private about family") == "climbing");
    CHECK(interests_phrase("not into sports, sort of a perfectionist, kind words") == "kind words");
    CHECK(interests_phrase("bit manipulation, so-called AI, kinda quiet") == "bit manipulation and so-called AI");
}

TEST_CASE("where you met takes its preposition, and a platform is no meeting") {
    auto met = [](const char* text) {
        auto phrase = met_phrase(text);
        return phrase ? phrase->text : std::string("-");
    };
    CHECK(met("the AWS booth") == "at the AWS booth");
    CHECK(met("at the AWS booth") == "at the AWS booth");
    CHECK(met("AWS booth") == "at the AWS booth");
    CHECK(met("BNI breakfast, Leeds") == "at the BNI breakfast in Leeds");
    CHECK(met("PyData Berlin") == "at PyData Berlin");
    CHECK(met("Marketo Summit, San Francisco") == "at Marketo Summit in San Francisco");
    CHECK(met("through Janet at her BBQ") == "through Janet at her BBQ");
    CHECK(met("via Janet") == "through Janet");
    CHECK(met("coffee with Sam") == "over coffee with Sam");
    CHECK(met("Janet's BBQ") == "at Janet's BBQ");
    CHECK(met("met at PyData.") == "at PyData");
    CHECK(met("PyData London, panel on data contracts") == "at PyData London");
    CHECK(met("PyData, he gave a talk on Arrow") == "at PyData");
    CHECK(met("she was on the panel") == "-");
    CHECK(met("") == "-");
    CHECK(met("Zoom call") == "on the Zoom call");
    CHECK(met("intro'd by Sam") == "through Sam");
    CHECK(met("my old team at Google") == "-");
    CHECK(met("my sister's wedding") == "at my sister's wedding");
    CHECK(met("Zoom") == "on Zoom");
    CHECK(met("a Zoom call") == "on a Zoom call");
    CHECK(met("phone") == "on the phone");
    CHECK(met_phrase("Teams")->in_person);
    CHECK(met("ex-colleague") == "-");
    CHECK(met("conference in Berlin, she spoke on eBPF") == "at the conference in Berlin");
    CHECK(met("Hacker News thread on SQLite") == "in the Hacker News thread on SQLite");
    CHECK(met("Discord") == "on Discord");
    CHECK(met("the Slack community for Rust in Spain") == "in the Slack community for Rust in Spain");
    auto online = met_phrase("LinkedIn, after his post on pricing");
    REQUIRE(online);
    CHECK(online->text == "on LinkedIn");
    CHECK_FALSE(online->in_person);
}

TEST_CASE("reasons read after 'I would like to meet them'") {
    CHECK(reason_phrase("advice on licensing Rust crates") == "for advice on licensing Rust crates");
    CHECK(reason_phrase("I'm moving into climate fintech.") == "because I'm moving into climate fintech");
    CHECK(reason_phrase("to learn how they priced their API") == "to learn how they priced their API");
    CHECK(reason_phrase("because we both sail") == "because we both sail");
    CHECK(reason_phrase("They both care about open data", true) == "because you both care about open data");
    CHECK(reason_phrase("get advice on hiring") == "to get advice on hiring");
    CHECK(reason_phrase("Dana is hiring a CTO") == "because Dana is hiring a CTO");
    CHECK(reason_phrase("both run engineering teams", true) == "because you both run engineering teams");
    CHECK(reason_phrase("").empty());
}

TEST_CASE("user text as a sentence, fragments, roles and future dates") {
    CHECK(as_sentence("here is the deck I mentioned") == "Here is the deck I mentioned.");
    CHECK(as_sentence("Did it work?") == "Did it work?");
    CHECK(fragment("for sending the deck.", "for") == "sending the deck");
    CHECK(fragment("Introducing me to Clive", "for") == "introducing me to Clive");
    CHECK(fragment("AWS credits", "for") == "AWS credits");
    CHECK(fragment("Kuda's expansion", "") == "Kuda's expansion");
    CHECK(fragment("The intro", "for") == "the intro");
    CHECK(role_phrase("CTO", "Acme") == "CTO at Acme");
    CHECK(role_phrase("", "Acme") == "at Acme");
    CHECK(role_phrase("CTO", "") == "CTO");
    CHECK(role_phrase("", "").empty());
    Date today = day("2026-11-24");  // a Tuesday
    CHECK(humanize_future(day("2026-11-25"), today) == "tomorrow");
    CHECK(humanize_future(day("2026-11-27"), today) == "on Friday");
    CHECK(humanize_future(day("2026-12-02"), today) == "next week");
    CHECK(humanize_future(day("2026-12-20"), today) == "in December");
    CHECK(humanize_future(day("2027-08-01"), today) == "in August 2027");
}

TEST_CASE("what the user typed, said as a sentence to them") {
    CHECK(about_sentence("send you our audit checklist", "I thought you might like {}") ==
          "I will send you our audit checklist.");
    CHECK(about_sentence("Sent you the link", "x {}") == "I sent you the link.");
    CHECK(about_sentence("to share the tokio article", "x {}") == "I will share the tokio article.");
    CHECK(about_sentence("attaching the deck", "x {}") == "I am attaching the deck.");
    CHECK(about_sentence("Here is the deck I mentioned", "x {}") == "Here is the deck I mentioned.");
    CHECK(about_sentence("the names for the COO role are below", "x {}") == "The names for the COO role are below.");
    CHECK(about_sentence("an article on token pipelines: https://example.com/t", "I thought you might like {}") ==
          "I thought you might like an article on token pipelines: https://example.com/t.");
    CHECK(about_sentence("an article on letterpress printing I think you'd like", "I thought you might like {}") ==
          "Here is an article on letterpress printing I think you'd like.");
    CHECK(about_sentence("The paper on COBOL compilers I mentioned", "As promised, here is {}") ==
          "As promised, here is the paper on COBOL compilers I mentioned.");
    CHECK(topic_form("your move to Berlin") == TopicForm::topic);
    CHECK(topic_form("how the Fleet launch went") == TopicForm::question);
    CHECK(topic_form("you wanted a copy of my deck") == TopicForm::none);
    CHECK(reason_phrase("pitch a film idea") == "to pitch a film idea");
    CHECK(reason_phrase("both of you love compilers", true) == "because both of you love compilers");
    CHECK(reason_phrase("i want to sell her a tool") == "because I want to sell her a tool");
    CHECK(greeting_name("xXcoderXx", "").name.empty());
}
