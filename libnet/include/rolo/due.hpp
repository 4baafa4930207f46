#pragma once
// Who needs a touch, and why. Seven reasons, each with its own rule:
//   follow-up       the last interaction with them set a next step that is due,
//                   and it is not done; or a todo you logged is due and not done;
//   intro-follow-up an introduction you asked them for has waited its period
//                   with no follow-up yet (they are the broker);
//   hello           connected within the hello window, and you have sent
//                   nothing since connecting (an entry dated after today
//                   does not count);
//   cadence         last touch (else connected_on, met_on, created) + cadence;
//                   with a window (4w..6w) due from the ideal, late past the maximum;
//   connect         met (met_on, else the day added with --met) within the
//                   connect window, not connected, no invitation logged;
//                   ideal the first two days, late after, dropped after the window;
//   invite-unanswered the last invitation has had no answer for the invite
//                   window: listed for one week, then dropped;
//   job-change      an import recorded a new role (a job-change interaction)
//                   within the job-change window, and you have written nothing since.
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

enum class Reason { follow_up, intro_follow_up, hello, cadence, connect, invite_unanswered, job_change };

std::string_view to_string(Reason reason);

// Urgency weight of a reason: follow-up 4, intro-follow-up 3, hello, connect and job-change 2,
// cadence and invite-unanswered 1.
int weight(Reason reason);

struct DueReason {
    Reason reason = Reason::cadence;
    Date due_on{};
    Date late_on{};      // the first day it counts as late: due_on, or the day after a window's maximum
    std::string detail;  // what it is about: the next step, the intro, the cadence
};

// "soon" (not yet due), "ideal" (past a window's ideal, not its maximum),
// "due" (due today, without a window) or "late".
std::string_view state(const DueReason& reason, Date today);

// Someone not connected, on the way from meeting to connection.
struct ConnectState {
    std::string name;
    std::optional<Date> met_on;      // met_on, else the day added with --met
    std::optional<Date> invited_on;  // the last invitation
    bool answered = false;           // something logged with them after it
};

// What rolo knows of one person that decides when they are due.
struct DueFacts {
    Contact contact;                  // id, name, cadence, tags, connected, connected_on, met_on
    std::optional<Date> added_on;     // the day they were added
    std::optional<Date> last_on;      // the last interaction, its kind, next step and summary
    std::string last_kind;
    std::optional<Date> next_on;
    std::string last_summary;
    bool greeted = false;             // something sent since connecting, not dated after today
    int recent = 0;                   // interactions in the past year, at most 10
    std::vector<Intro> awaiting;      // requests to them as broker, open and not followed up
    std::vector<NextStep> todos;      // next steps with words, open
    std::optional<ConnectState> connect;  // when not connected
    std::optional<Date> changed_job_on;   // the last job change an import recorded
    std::string new_role;                 // its topic ("Head of Data at Acme")
    bool wrote_since_job_change = false;  // something sent on or after that day
};

// Every reason the person will be due, whenever that is, in no order: the
// rules above, as arithmetic on the facts alone.
std::vector<DueReason> reasons_for(const DueFacts& facts, Date today, const Config& config);

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

// urgency = weight(reason) * tie * (min(days_late + 2 * days past a window's
// maximum, 30) + 1) when due, and -(days until due) / (weight * tie) when not yet due.
// Ordered by urgency, then
// name (case- and accent-insensitive), then id. Archived and snoozed people
// never appear; people not connected appear only for follow-ups.
std::vector<DueItem> compute_due(Store& store, const DueQuery& query, const Config& config);

// Every reason a person will be due, whenever that is (for `show`).
std::optional<DueItem> next_due(Store& store, std::int64_t contact_id, Date today, const Config& config);

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
