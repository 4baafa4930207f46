#pragma once
// Messages from templates, built sentence by sentence from what may be said.
//
// A template is a TOML file (data/templates/KIND.toml; a user's copy in the
// config directory overrides it):
//
//   layout   = "letter"                 # or "note": one paragraph, no sign-off
//   greeting = ["Hi {first},", "Hello,"]
//   signoff  = ["{me.signature}", "{me.first}"]
//   [[sentence]]
//   say = ["Thanks for connecting, and it was good to meet you {met}.", "Thanks for connecting."]
//
// Each entry lists its wordings, richest first; the first whose fields are
// all known is used, and a sentence with none is left out, so a missing
// field costs one sentence and never the user's own text. {?field} requires
// a field without printing it. Fields are phrases made to be said (see
// phrase.hpp), never a note the user wrote to themselves.
#include "rolo/config.hpp"
#include "rolo/contact.hpp"
#include "rolo/date.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/lint.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

class Store;

// connect hello checkin followup thanks congrats intro-request intro-follow-up intro
const std::vector<std::string>& draft_kinds();

// What a kind of draft is for, in a line (for `rolo draft` alone); "" for another.
std::string_view draft_kind_purpose(std::string_view kind);

// Field name -> value; an empty value means unknown.
using Fields = std::map<std::string, std::string>;

// Every field a template may name; rolo-draft(1) says what each holds.
const std::vector<std::string>& known_fields();

struct Template {
    std::filesystem::path file;
    bool note = false;  // layout "note": greeting and sentences in one paragraph, no sign-off
    using Wordings = std::vector<std::string>;
    Wordings greeting;
    Wordings signoff;
    std::vector<Wordings> sentences;
};

// Reads and checks a template: a TOML error, an entry without wordings or
// an unknown placeholder is an Error naming FILE:LINE.
Template load_template(const std::filesystem::path& file);

// The placeholders a text names ({?flag} as "flag"), in order of first appearance.
std::vector<std::string> placeholders(std::string_view text);

struct Rendered {
    std::string text;
    // Fields the richest wording of a used or dropped entry wanted but did not have.
    std::vector<std::string> missing;
    bool has_detail = false;  // a sentence says something only this person would recognise
};

// Renders the first usable wording of each entry. Over `limit` code points
// (connect notes), entries step down to their next shorter wording, last
// entry first, until the text fits or nothing shorter is left.
Rendered render(const Template& tmpl, const Fields& fields, std::optional<std::size_t> limit = std::nullopt);

struct DraftRequest {
    std::string kind = {};
    std::string who = {};  // the recipient; for intro-request, who you want to meet
    std::optional<std::string> via = {}, to = {};
    std::string about = {};  // --about: what it is about, said as is
};

struct Draft {
    std::string kind;
    Contact recipient;
    std::optional<Contact> other;  // the person to meet, to introduce, or who introduced you
    std::optional<Intro> request;  // the open request an intro-request or intro-follow-up is about
    std::string reason;            // why, for an intro-request that --log records
    Rendered rendered;
    std::vector<std::string> hints;     // what to fill to make it more personal, and how
    std::vector<std::string> warnings;  // relationship state and doubtful names
    bool new_connection = false;        // see is_new_connection
    std::vector<std::string> own_words; // the recipient's own words (own_words_of, topics): never a pitch
};

// Builds the message: resolves WHO (and --via/--to, or the best broker for
// an intro-request), reads the relationship's state and refuses what it
// rules out (hello outside the hello window, a second intro follow-up, one
// sent too early) with an Error that says what to do instead.
Draft compose_draft(Store& store, const DraftRequest& request, const Template& tmpl, const Config& config, Date today);

// The lint rules for a draft: its kind and limit, the recipient's state and
// own words; the caller adds the user's pitch word list.
LintContext lint_context_of(const Draft& draft, const Config& config);

// `draft --log`: records that the message was sent (never its text): an
// invite for a connect note, an intro request and its row for intro-request,
// the one follow-up for intro-follow-up, else an outgoing message.
void record_draft(Store& store, const Draft& draft, Date today);

// "today", "yesterday", "on Monday" (this calendar week), "last week",
// "earlier this month", "in March", "in March 2025".
std::string humanize_date(Date date, Date today);

// Connected within the hello window, or (for a connect note) not connected:
// someone who gets no pitch. Shared by drafting and `draft --check`.
bool is_new_connection(const Contact& recipient, std::string_view kind, Date today, int hello_window_days);

}  // namespace rolo
