#pragma once
// Who needs a touch, and why. Six reasons, each with its own rule:
//   follow-up       the last interaction with them set a next step that is due,
//                   and it is not done; or a todo you logged is due and not done;
//   intro-follow-up an introduction you asked them for has waited its period
//                   with no follow-up yet (they are the broker);
//   hello           connected within the hello window, and you have sent
//                   nothing since connecting;
//   cadence         last touch (else connected_on, met_on, created) + cadence;
//                   with a window (4w..6w) due from the ideal, late past the maximum;
//   connect         met (met_on, else the day added with --met) within the
//                   connect window, not connected, no invitation logged;
//                   ideal the first two days, late after, dropped after the window;
//   invite-unanswered the last invitation has had no answer for the invite
//                   window: listed for one week, then dropped.
// The rows come from one query over contacts (the last interaction found
// through the (contact_id, on_date) index) and one over open intros; the
// rest is arithmetic here. People not connected get one more query of their
// own (the acquaintance query) for the connect path.
#include "rolo/config.hpp"
#include "rolo/contact.hpp"
#include "rolo/date.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

class Store;

enum class Reason { follow_up, intro_follow_up, hello, cadence, connect, invite_unanswered };

std::string_view to_string(Reason reason);

// Urgency weight of a reason: follow-up 4, intro-follow-up 3, hello and connect 2,
// cadence and invite-unanswered 1.
int weight(Reason reason);

struct DueReason {
    Reason reason = Reason::cadence;
    Date due_on{};
    Date late_on{};      // the first day it counts as late: due_on, or the day after a window's maximum
    std::string detail;  // what it is about: the next step, the intro, the cadence
};

// "soon" (not yet due), "ideal" (past a window's ideal, not its maximum) or "late".
std::string_view state(const DueReason& reason, Date today);

struct DueItem {
    std::int64_t contact_id = 0;
    std::string name;
    std::vector<DueReason> reasons;  // most urgent first
    std::optional<Date> last_on;     // last interaction, if any
    std::string last_kind;
    double tie = 1.0;      // 1 + (interactions in the past year, at most 10) / 10
    double urgency = 0.0;  // of the first reason
    int days_late = 0;     // of the first reason; negative: due in that many days
    std::string state;     // of the first reason

    // The command that helps with the first reason, e.g. "rolo draft checkin 42"
    // (for invite-unanswered, "rolo show 42": their other ways to reach them).
    std::string suggestion() const;
};

struct DueQuery {
    Date today{};
    int within_days = 0;  // also list what falls due this many days ahead
    std::string tag = {};                         // only people with this tag
    std::optional<std::int64_t> contact_id = {};  // only this person
};

// urgency = weight(reason) * tie * (days_late + 1 + 2 * days past a window's
// maximum) when due, and -(days until due) / (weight * tie) when not yet due.
// Ordered by urgency, then
// name (case- and accent-insensitive), then id. Archived and snoozed people
// never appear; people not connected appear only for follow-ups.
std::vector<DueItem> compute_due(Store& store, const DueQuery& query, const Config& config);

// Every reason a person will be due, whenever that is (for `show`).
std::optional<DueItem> next_due(Store& store, std::int64_t contact_id, Date today, const Config& config);

// An intro you followed up on that has waited the follow-up period again
// becomes `silent` (a gentle no). Returns the ones changed, to say so once.
std::vector<Intro> silence_unanswered_intros(Store& store, Date today, const Config& config);

// An invitation you sent that is still pending (no answer yet, inside the invite window).
struct PendingInvitation {
    std::int64_t contact_id = 0;
    std::string name;
    Date invited_on{};
    Date unanswered_on{};  // when it becomes invite-unanswered
};

// The pending invitations of the people `query` selects (its today, tag and id).
std::vector<PendingInvitation> pending_invitations(Store& store, const DueQuery& query, const Config& config);

// One plain-text message for cron: a count line, then the items grouped by
// reason (follow-ups first, connect as "to connect"), then the pending
// invitations as "waiting".
std::string format_digest(const std::vector<DueItem>& items, const std::vector<PendingInvitation>& waiting, Date today);

// Where a person is on the way from meeting to relationship, for `show`:
// "met 2026-11-20 at PyData, invitation sent 2026-11-21, pending". Empty for
// someone connected without an invitation on record. `history` is theirs, any order.
std::string connection_path(const Contact& contact, const std::vector<Interaction>& history, Date today,
                            const Config& config);

// The contacts query, for EXPLAIN QUERY PLAN in tests.
std::string_view due_contacts_sql();

}  // namespace rolo
