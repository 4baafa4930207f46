#include "rolo/draft.hpp"
#include "rolo/lint.hpp"
#include "rolo/text.hpp"

#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <toml++/toml.h>

using namespace rolo;

namespace {

const std::filesystem::path data = ROLO_SOURCE_DATADIR;
const std::filesystem::path test_data = ROLO_TEST_DATADIR;

// The rules of the findings, sorted and each once.
std::vector<std::string> rules(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.rule);
    std::ranges::sort(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> strings(const toml::node_view<const toml::node>& node) {
    std::vector<std::string> out;
    if (const auto* array = node.as_array())
        for (const auto& item : *array) out.push_back(item.value_or(std::string{}));
    return out;
}

struct CorpusEntry {
    std::string name;
    std::string text;
    LintContext context;
    std::vector<std::string> expect;
};

std::vector<CorpusEntry> read_corpus(const std::filesystem::path& file, const std::vector<std::string>& pitch_words) {
    const toml::table root = toml::parse_file(file.string());
    std::vector<CorpusEntry> entries;
    for (const auto& node : *root["message"].as_array()) {
        auto message = toml::node_view<const toml::node>(node);
        CorpusEntry entry;
        entry.name = message["name"].value_or(std::string{});
        entry.text = message["text"].value_or(std::string{});
        entry.context.kind = message["kind"].value_or(std::string{});
        entry.context.new_connection = message["new_connection"].value_or(false);
        entry.context.own_words = strings(message["own_words"]);
        entry.context.other_name = message["other_name"].value_or(std::string{});
        entry.context.follow_up_sent = message["follow_up_sent"].value_or(false);
        entry.context.pitch_words = pitch_words;
        entry.expect = strings(message["expect"]);
        std::ranges::sort(entry.expect);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace

TEST_CASE("sentences: . ! ? end them, but abbreviations, initials and decimals do not") {
    CHECK(count_sentences("One. Two! Three? Four.") == 4);
    CHECK(count_sentences("Dr. Smith met Mr. Jones, e.g. at 3.5 p.m. yesterday.") == 1);
    CHECK(count_sentences("I met J. Smith i.e. the CEO.") == 1);
    CHECK(count_sentences("Really?! Yes... Fine.") == 3);
    CHECK(count_sentences("Hi Janet,\n\nThanks for connecting.\n\nAda") == 1);
    CHECK(count_sentences("Visit example.com today.") == 1);
    CHECK(count_sentences("He said \"no.\" Then left.") == 2);
    CHECK(count_sentences("") == 0);
}

TEST_CASE("sentences: U.S., Ph.D., Inc., Ltd., ellipses, URLs and salutations are not sentences") {
    CHECK(count_sentences("She moved to the U.S. Last year she got a Ph.D. From Oxford.") == 1);
    CHECK(count_sentences("I work at Acme Inc. With Bloggs Ltd. We share an office.") == 1);
    CHECK(count_sentences("I was thinking… maybe we could meet. Or not...") == 2);
    CHECK(count_sentences("Slides: https://example.com/a.b?x=1. Mail ada@example.com. Thanks.") == 2);
    CHECK(count_sentences("Hi Ana,\nGood to meet you.\n\nBest,\nAda") == 1);
    CHECK(count_sentences("Hi Ana! Good to meet you.\n\nThanks,\nAda") == 1);
    CHECK(count_sentences("Good to meet you.\nCheers!\nAda") == 1);
    CHECK(count_sentences("Dear Dr. Okafor,\nThank you for the talk.\nKind regards, Ada") == 1);
    CHECK(count_sentences("Hi Ana. One. Two.") == 2);
    CHECK(count_sentences("Hi how are you?") == 1);
    CHECK(count_sentences("The line ends here.\nAnother line without a stop\nA third.") == 2);
}

TEST_CASE("words: runs holding a letter or a digit") {
    CHECK(count_words("") == 0);
    CHECK(count_words("Hi Ana - good to meet you!") == 6);
    CHECK(count_words("  one\ntwo\t3.5 — ok ") == 4);
    CHECK(count_words("Zażółć gęślą jaźń") == 3);
}

TEST_CASE("lint rules each fire, and only when they should") {
    LintContext connect{.kind = "connect", .connect_limit = 20};
    CHECK(rules(lint("short note, fine.", connect)).empty());
    CHECK(rules(lint("this note is long enough to pass twenty", connect)) == std::vector<std::string>{"length"});
    CHECK(rules(lint("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", connect)).empty());  // code points, not bytes
    CHECK(LintContext{}.connect_limit == 200);
    LintContext any{};
    CHECK(rules(lint("One. Two. Three. Four. Five.", any)).empty());
    CHECK(rules(lint("One. Two. Three. Four. Five. Six.", any)) == std::vector<std::string>{"sentences"});
    CHECK(rules(lint("Hi {first}.", any)) == std::vector<std::string>{"empty-field"});
    CHECK(lint("Hi {first}.", any).front().message == "{first} is still in the message: fill it in");
    any.missing = {"interests is empty"};
    CHECK(rules(lint("Hi.", any)) == std::vector<std::string>{"empty-field"});
    LintContext pitch{.kind = "hello", .pitch_words = {"act now"}};
    CHECK(rules(lint("Happy to give you a Demo of our services.", pitch)) == std::vector<std::string>{"pitch"});
    CHECK(lint("See our services, or act now.", pitch).front().message.starts_with("'our services', 'act now' in"));
    CHECK(rules(lint("A priceless chat about democracy.", pitch)).empty());  // whole words only
    LintContext old_friend{.kind = "checkin"};
    CHECK(rules(lint("Happy to give you a demo.", old_friend)).empty());
    old_friend.new_connection = true;
    CHECK(rules(lint("Happy to give you a demo.", old_friend)) == std::vector<std::string>{"pitch"});
    CHECK(rules(lint("I'd like to add you to my professional network on LinkedIn.\n- Ada", connect)) ==
          std::vector<std::string>{"default-note", "length"});
    LintContext roomy{.kind = "connect"};
    CHECK(rules(lint("I’d like to join your LinkedIn network", roomy)) == std::vector<std::string>{"default-note"});
    CHECK(rules(lint("i'd like to join your linkedin network!", roomy)) == std::vector<std::string>{"default-note"});
}

TEST_CASE("length: a word cap for every kind, and a cap on each sentence") {
    std::string sentence;
    for (int i = 0; i < 46; ++i) sentence += "word ";
    CHECK(rules(lint(sentence + "end.", {.kind = "checkin"})) == std::vector<std::string>{"length"});
    CHECK(lint(sentence + "end.", {.kind = "checkin"}).front().message ==
          "a sentence of 47 words; split it, at most 45 words each");
    std::string message;
    for (int i = 0; i < 5; ++i) message += "These are ten words, said plainly, for one short sentence.\n";
    CHECK(rules(lint(message, {.kind = "checkin"})).empty());
    for (int i = 0; i < 11; ++i) message += "These are ten words on a line with no stop\n";
    CHECK(lint(message, {.kind = "checkin"}).front().message == "160 words; keep it under 150: one detail, one ask");
}

TEST_CASE("pitch: the recipient's own words are theirs, not a pitch") {
    LintContext hello{.kind = "hello"};
    CHECK(rules(lint("Good to meet you at the pricing summit.", hello)) == std::vector<std::string>{"pitch"});
    hello.own_words = {"the pricing summit, Berlin"};
    CHECK(rules(lint("Good to meet you at the pricing summit.", hello)).empty());
    hello.own_words = {"pricing strategy"};
    CHECK(rules(lint("I enjoyed what you said on pricing.", hello)).empty());
    CHECK(rules(lint("Happy to book a call about pricing.", hello)) == std::vector<std::string>{"pitch"});
}

TEST_CASE("intro checklists name what is missing") {
    LintContext request{.kind = "intro-request", .other_name = "Clive Smith"};
    auto findings = lint("Hi Janet, could you introduce me to Clive? Thanks!", request);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message == "say why you want to meet them and what you intend (advice, a partnership, a sale)");
    CHECK(findings[1].message == "give your direct email, so they can forward the note or ask you questions");
    CHECK(findings[2].message == "give them an out: \"if it's not a good time, no problem at all\"");
    CHECK(lint("Hi Janet, could you introduce me to someone at Acme?", request).front().message ==
          "say who you would like to meet: Clive Smith");
    LintContext follow_up{.kind = "intro-follow-up", .follow_up_sent = true};
    CHECK(lint("This is my only follow-up; if not, no problem.", follow_up).front().message ==
          "you already followed up once; silence after it is a gentle no: do not send another");
    findings = lint("Hi Janet, cc'd you both, you two should talk!", {});
    CHECK(rules(findings) == std::vector<std::string>{"intro"});
    CHECK(findings.size() == 3);
}

TEST_CASE("the linter corpus: bad messages give their findings, good ones none") {
    auto entries = read_corpus(test_data / "lint-corpus.toml", read_word_list(data / "pitch-words.txt"));
    int bad = 0, caught = 0, good = 0, flagged = 0;
    std::vector<std::string> failures;
    for (const auto& entry : entries) {
        auto findings = lint(entry.text, entry.context);
        auto got = rules(findings);
        bool is_bad = !entry.expect.empty();
        (is_bad ? bad : good) += 1;
        if (is_bad && std::ranges::includes(got, entry.expect)) ++caught;
        if (!is_bad && !got.empty()) ++flagged;
        if (got == entry.expect) continue;
        std::string said;
        for (const auto& f : findings) said += fmt::format("\n    {}: {}", f.rule, f.message);
        failures.push_back(fmt::format("'{}': expected [{}], got [{}]{}", entry.name, join(entry.expect, ", "),
                                       join(got, ", "), said));
    }
    MESSAGE(fmt::format("lint corpus: {} of {} bad messages caught, {} of {} good ones flagged", caught, bad, flagged,
                        good));
    CHECK(bad >= 30);
    CHECK(good >= 20);
    for (const auto& failure : failures) FAIL_CHECK(failure);
}
