#pragma once
// Introductions: ones you asked a broker for, and ones you made between two
// people. The SQL for the intros table.
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rolo/contact.hpp"

namespace rolo {

class Store;

// asked: you asked the broker to introduce you to the target; made: you
// introduced the broker (from) to the target (to).
enum class IntroKind { asked, made };
enum class IntroStatus { open, done, declined, silent };

// The text each is stored, printed and exported as ("asked", "silent"), and
// back again: text that names none is an Error naming it.
std::string_view to_string(IntroKind kind);
std::string_view to_string(IntroStatus status);
IntroKind parse_intro_kind(std::string_view text);
IntroStatus parse_intro_status(std::string_view text);

struct Intro {
    std::int64_t id = 0;
    IntroKind kind = IntroKind::asked;
    std::int64_t broker_id = 0;
    std::string broker_name = {};
    std::int64_t target_id = 0;
    std::string target_name = {};
    Date asked_on{};
    std::optional<Date> followed_up_on = {};
    IntroStatus status = IntroStatus::open;
    std::string reason = {};
    std::string note = {};
};

// Records a new intro (asked or made); assigns its id unless it has one (a restore).
std::int64_t insert_intro(Store& store, Intro& intro);

Intro get_intro(Store& store, std::int64_t id);

// Intros with this status (all without one), open first, newest first.
std::vector<Intro> list_intros(Store& store, std::optional<IntroStatus> status);
// Open requests you asked for and have not followed up yet, of one broker or all.
std::vector<Intro> requests_awaiting_follow_up(Store& store, std::optional<std::int64_t> broker_id);

// Closes an intro as done, declined or silent; throws Error for open, and
// for an intro already closed unless `force`.
void close_intro(Store& store, std::int64_t id, IntroStatus status, bool force = false);

// Opens a closed intro again. For a request you already followed up on, the
// wait for an answer starts again on `today`. Throws Error when it is open.
void reopen_intro(Store& store, std::int64_t id, Date today);

// A request still open after its one follow-up has waited `follow_up_days`
// again is silent (a gentle no). This is derived when read, never stored by
// a read, so a what-if with --today changes nothing: sets `status` to
// silent on such intros in memory.
void derive_silence(std::vector<Intro>& intros, Date today, int follow_up_days);

// The newest open request you made of this broker, if any.
std::optional<Intro> open_request_to(Store& store, std::int64_t broker_id);

// The open request you made of this broker for this target, if any.
std::optional<Intro> open_request(Store& store, std::int64_t broker_id, std::int64_t target_id);

// Records that you asked `broker` to introduce you to `target`, and a row
// in the broker's history that rolo logged itself. A second open request
// for the same pair is an Error.
Intro ask_for_intro(Store& store, const Contact& broker, const Contact& target, const std::string& why, Date today);

// Records an introduction you made between a and b: the intro (done), a row
// in each history, and a link between them unless they have one.
Intro record_intro_made(Store& store, const Contact& a, const Contact& b, const std::string& why, Date today);

// Records the one follow-up on an intro request.
void set_followed_up(Store& store, std::int64_t intro_id, Date on);

// Intros in which the contact is the broker or the target, open ones first, newest first.
std::vector<Intro> intros_involving(Store& store, std::int64_t contact_id);

// Two people you could introduce: connected, not linked yet, sharing a
// company (3 points), tags (2 each) or interest words (1 each).
struct IntroSuggestion {
    Contact a, b;
    int score = 0;
    std::vector<std::string> reasons;  // "both at Acme", "both tagged data", "both interested in sailing"
};

// Best first (ties by ids). A company, tag or word that more than a third of
// the people share (and more than 5; at most 100) is too common to suggest
// an introduction and is not counted. Two people who both hold a tag in
// `apart` (two clients) are never paired.
std::vector<IntroSuggestion> suggest_intros(Store& store, const std::string& tag, std::size_t limit,
                                            const std::vector<std::string>& apart = {});

}  // namespace rolo
