#pragma once
// Words that can be said to a person, made from what rolo knows about them.
// Fields are written by the user for themselves, in shorthand and in the
// third person; a message speaks to the person. Each function here returns
// nothing rather than a phrase it cannot make safely, so that the caller
// leaves that sentence out instead of sending something odd.
#include "rolo/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

// Why a text written about someone cannot be said to them as it is
// ("reads as a note to yourself: 'his'"), or nothing when it can. Third-person
// pronouns (unless they follow "through"/"with" and a name, as in "through
// Janet at her BBQ") and note shorthand (w/, re:, asap, ->) make a note.
std::optional<std::string> unsayable(std::string_view text);

struct GreetingName {
    std::string name;     // empty: no name can be said safely ("Hello,")
    std::string problem;  // why the name was doubtful, for a warning; empty when fine
};

// What to call someone in a greeting: their call name when set, else the
// first name read from the full name: honorifics ("Dr. Ana Lima" -> Ana, but
// "Dr. Smith" stays whole), "Last, First", credentials ("Ann Lee, PhD"),
// initials ("J. Smith": none), handles ("jkowalski-88c1": none) and case
// ("kevin" -> Kevin, with a problem to report).
GreetingName greeting_name(std::string_view name, std::string_view call_name);

// A full name as it is said: "Pieter van der Berg" for "van der Berg,
// Pieter", "Ann Lee" for "Ann Lee, PhD".
std::string spoken_name(std::string_view name);

// "a", "a and b", "a, b and c".
std::string join_list(const std::vector<std::string>& items);

// The sayable items of an interests text ("data contracts, dbt; mentoring"),
// at most `most` of them, as one list: "data contracts, dbt and mentoring".
// Items that read as notes ("his kids", "wrote about X") or are cut off
// ("mentoring junior…") are left out; empty when none is left.
std::string interests_phrase(std::string_view interests, std::size_t most = 3);

// Where you met, with its preposition: "at PyData Berlin", "at the AWS booth",
// "at the BNI breakfast in Leeds" (from "BNI breakfast, Leeds"),
// "through Janet", "over coffee with Sam", "on LinkedIn".
struct MetPhrase {
    std::string text;
    bool in_person = true;  // false for a platform ("on LinkedIn"): you have not met
};
std::optional<MetPhrase> met_phrase(std::string_view met_at);

// A reason as the end of "I'd like to meet them …": "because I'm moving
// into fintech", "to learn about X", "for advice on licensing". Empty text
// gives empty. `both` turns "they both" into "you both" (said to one of the two).
std::string reason_phrase(std::string_view why, bool to_one_of_them = false);

// What the user typed as a sentence said to the person. A clause stays as
// it is ("Here is the deck"); a bare verb becomes "I will send you the
// checklist", a past tense "I sent you the link", a gerund "I am attaching
// it"; a noun phrase goes into `noun_frame` ("I thought you might like {}").
std::string about_sentence(std::string_view about, std::string_view noun_frame);

// How a --topic is asked about: "How are things going with your move?" for
// a topic, "I would love to hear how the launch went." for a how/what
// clause; nothing for a sentence ("you wanted my deck").
enum class TopicForm { topic, question, none };
TopicForm topic_form(std::string_view topic);

// A user's text as a sentence of its own: capitalised, ending in . ! or ?.
std::string as_sentence(std::string_view text);

// A fragment to put after "for"/"about": trimmed of end punctuation and of a
// leading word the sentence already has ("for for sending" -> "sending").
std::string fragment(std::string_view text, std::string_view leading_word);

// Whether news names a job ("your new role as CTO", "joining Acme"): only
// then is "I hope it is off to a great start" true of it, not of tenure or a prize.
bool names_a_job(std::string_view news);

// "Head of Data at Acme", "at Acme", "Head of Data", or "". After a comma,
// "at Acme" drops the comma when filled in (see draft.cpp).
std::string role_phrase(std::string_view title, std::string_view company);

// When something is planned: "today", "tomorrow", "on Friday", "next week",
// "later this month", "in December", "in January 2027".
std::string humanize_future(Date date, Date today);

}  // namespace rolo
