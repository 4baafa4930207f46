#pragma once
// The etiquette lint: checks any message, drafted or hand-written, against the
// etiquette rolo drafts by (design/etiquette.md, "What the lint checks"); the
// rules and their fixes are documented in man/rolo-draft.1, LINT.
#include "rolo/contact.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

struct LintContext {
    // connect hello checkin followup thanks intro-request intro-follow-up intro
    // congrats; empty = unknown, and then an intro kind is inferred from the text.
    std::string kind = {};
    int connect_limit = 200;  // code points, for connect notes
    // Connected within the hello window, or a connect note to someone not connected.
    bool new_connection = false;
    // The recipient's own fields (see own_words_of): their words are never a pitch.
    std::vector<std::string> own_words = {};
    std::vector<std::string> missing = {};  // findings the renderer already phrased (rule "empty-field")
    std::string other_name = {};            // intro kinds: the person to meet, or to introduce
    bool follow_up_sent = false;            // intro-follow-up: one was already sent
    std::vector<std::string> pitch_words = {};  // more pitch phrases (read_word_list), on top of the built-in ones
};

// rule is one of: length sentences default-note pitch empty-field intro-request
// intro-follow-up intro. The message says what is wrong and how to fix it.
struct Finding {
    std::string rule;
    std::string message;
};

// Caps for any kind: words in a message, words in a sentence, sentences.
constexpr std::size_t word_limit = 150;
constexpr std::size_t sentence_word_limit = 45;
constexpr int sentence_limit = 5;

std::vector<Finding> lint(std::string_view text, const LintContext& context);

// Sentences end with . ! ? or an ellipsis (a run of them counts once) before
// white space or the end; a line end ends one too. These do not end one:
// abbreviations (Dr. Mr. Inc. Ltd. etc. e.g. U.S. Ph.D. Jan. ...), initials,
// decimals, URLs and email addresses, a "." or ellipsis before a lower-case
// word. Greetings and sign-offs ("Hi Ana,", "Best,\nAda", "Cheers!") are not
// sentences, nor are lines without end punctuation.
int count_sentences(std::string_view text);

// Runs of non-space characters holding a letter or a digit.
std::size_t count_words(std::string_view text);

// One phrase per non-empty, non-comment line of a pitch word list.
std::vector<std::string> read_word_list(const std::filesystem::path& file);

// What the recipient wrote or is: met_at, title, company, interests, tags.
std::vector<std::string> own_words_of(const Contact& recipient);

}  // namespace rolo
