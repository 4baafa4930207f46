#include "rolo/due.hpp"

#include "rolo/cadence.hpp"
#include "rolo/intro.hpp"
#include "rolo/snapshot.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"
#include "where.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace rolo {
namespace {

// One row per candidate person: the last interaction is found through the
// (contact_id, on_date) index, `greeted` and `recent` are bounded lookups on
// the same index. ?1 today, ?2 one year ago; collect() adds the filters.
constexpr std::string_view contacts_sql = R"sql(
SELECT c.id, c.name, c.cadence_days, c.connected, c.connected_on, c.met_on, substr(c.created_at, 1, 10),
       (SELECT group_concat(tag, char(31)) FROM tags WHERE contact_id = c.id),
       l.kind, l.on_date, CASE WHEN l.todo IS NULL AND l.done_on IS NULL THEN l.next_on END, l.summary,
       EXISTS (SELECT 1 FROM interactions o
               WHERE o.contact_id = c.id AND o.on_date >= c.connected_on AND o.on_date <= ?1
                 AND o.direction = 'out' AND o.kind NOT IN ('invite', 'accepted')),
       (SELECT count(*) FROM (SELECT 1 FROM interactions r
                              WHERE r.contact_id = c.id AND r.on_date > ?2 LIMIT 10)),
       c.cadence_max_days,
       j.on_date, coalesce(j.topic, j.summary),
       EXISTS (SELECT 1 FROM interactions w
               WHERE w.contact_id = c.id AND w.on_date >= j.on_date AND w.direction = 'out' AND w.by_rolo = 0
                 AND w.kind <> 'job-change')
FROM contacts c
LEFT JOIN interactions l ON l.id = (SELECT id FROM interactions
                                    WHERE contact_id = c.id AND kind <> 'job-change'
                                    ORDER BY on_date DESC, id DESC LIMIT 1)
LEFT JOIN interactions j ON j.id = (SELECT id FROM interactions
                                    WHERE contact_id = c.id AND kind = 'job-change'
                                    ORDER BY on_date DESC, id DESC LIMIT 1)
WHERE c.archived = 0
  AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?1)
)sql";

// People not connected, with the day you met them (met_on, else the day they
// were added with --met), their last invitation and whether anything was
// logged with them after it (an answer, or reaching them another way).
// ?1 today; a tag filter is appended when asked for (?2).
constexpr std::string_view acquaintances_sql = R"sql(
SELECT c.id, c.name, coalesce(c.met_on, CASE WHEN c.met_at <> '' THEN substr(c.created_at, 1, 10) END),
       i.on_date,
       EXISTS (SELECT 1 FROM interactions a
               WHERE a.contact_id = c.id AND a.on_date >= i.on_date AND a.kind <> 'invite'
                 AND (a.on_date > i.on_date OR a.id > i.id))
FROM contacts c
LEFT JOIN interactions i ON i.id = (SELECT id FROM interactions
                                    WHERE contact_id = c.id AND kind = 'invite' ORDER BY on_date DESC, id DESC LIMIT 1)
WHERE c.connected = 0 AND c.archived = 0
  AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?1)
)sql";

// How long an unanswered invitation stays listed: one week, so a weekly look sees it once.
constexpr int unanswered_listed_days = 7;
// Connecting is ideal within two days of meeting; late after.
constexpr int connect_ideal_days = 2;

std::map<std::int64_t, ConnectState> acquaintances(Store& store, const DueQuery& query) {
    std::string text(acquaintances_sql);
    if (!query.tag.empty()) text += "  AND EXISTS (SELECT 1 FROM tags t WHERE t.contact_id = c.id AND t.tag = ?2)\n";
    if (query.contact_id) text += "  AND c.id = ?3\n";
    SQLite::Statement row(store.db(), text);
    row.bind(1, format_date(query.today));
    if (!query.tag.empty()) row.bind(2, query.tag);
    if (query.contact_id) row.bind(3, *query.contact_id);
    std::map<std::int64_t, ConnectState> people;
    while (row.executeStep())
        people[row.getColumn(0).getInt64()] = {row.getColumn(1).getString(), sql::date(row.getColumn(2)),
                                               sql::date(row.getColumn(3)), row.getColumn(4).getInt() != 0};
    return people;
}

Date unanswered_on(Date invited_on, const Config& config) {
    return invited_on + std::chrono::days{config.invite_window_days};
}

// The connect path of someone not connected: connect after meeting, or an
// invitation left unanswered.
void add_connect_reasons(std::vector<DueReason>& reasons, const ConnectState& person, Date today,
                         const Config& config) {
    if (!person.invited_on) {
        if (person.met_on && days_between(*person.met_on, today) < config.connect_window_days)
            reasons.push_back({Reason::connect, *person.met_on, *person.met_on + std::chrono::days{connect_ideal_days},
                               fmt::format("met {}", format_date(*person.met_on))});
        return;
    }
    Date due_on = unanswered_on(*person.invited_on, config);
    if (!person.answered && days_between(due_on, today) < unanswered_listed_days)
        reasons.push_back({Reason::invite_unanswered, due_on, due_on + std::chrono::days{unanswered_listed_days},
                           fmt::format("invitation sent {}, no answer: let it go, or reach them another way",
                                       format_date(*person.invited_on))});
}

// Requests you asked a broker for that are still open and not followed up, by broker.
std::multimap<std::int64_t, Intro> awaiting_follow_up(Store& store, std::optional<std::int64_t> broker_id) {
    std::multimap<std::int64_t, Intro> intros;
    for (auto& intro : requests_awaiting_follow_up(store, broker_id)) intros.emplace(intro.broker_id, std::move(intro));
    return intros;
}

// One row of contacts_sql, decoded once: the columns are named here only.
DueFacts read_facts(SQLite::Statement& row) {
    DueFacts facts;
    Contact& contact = facts.contact;
    contact.id = row.getColumn(0).getInt64();
    contact.name = row.getColumn(1).getString();
    if (!row.getColumn(2).isNull()) contact.every = Every{row.getColumn(2).getInt(), {}};
    if (contact.every && !row.getColumn(14).isNull()) contact.every->max_days = row.getColumn(14).getInt();
    contact.connected = row.getColumn(3).getInt() != 0;
    contact.connected_on = sql::date(row.getColumn(4));
    contact.met_on = sql::date(row.getColumn(5));
    facts.added_on = sql::date(row.getColumn(6));
    if (!row.getColumn(7).isNull()) contact.tags = split(row.getColumn(7).getString(), '\x1f');
    facts.last_kind = sql::text(row.getColumn(8));
    facts.last_on = sql::date(row.getColumn(9));
    facts.next_on = sql::date(row.getColumn(10));
    facts.last_summary = sql::text(row.getColumn(11));
    facts.greeted = row.getColumn(12).getInt() != 0;
    facts.recent = row.getColumn(13).getInt();
    facts.changed_job_on = sql::date(row.getColumn(15));
    facts.new_role = sql::text(row.getColumn(16));
    facts.wrote_since_job_change = row.getColumn(17).getInt() != 0;
    return facts;
}

// Lateness counts up to a month: past that, one more day changes nothing, and
// a connection neglected for years does not outrank a follow-up you promised.
constexpr int lateness_cap_days = 30;

// Past due: weight x tie x (days late + 1), so the first day already counts,
// and each day past a window's maximum counts three times, up to the cap. Not
// yet due (--within): -(days until due) / (weight x tie), so these rank below
// everything due, and among themselves sooner and weightier first.
double urgency(const DueReason& reason, double tie, Date today) {
    double factor = weight(reason.reason) * tie;
    int days_late = days_between(reason.due_on, today);
    if (days_late < 0) return days_late / factor;
    int days_past_max = reason.late_on > reason.due_on ? std::max(0, days_between(reason.late_on, today) + 1) : 0;
    return factor * (std::min(days_late + 2 * days_past_max, lateness_cap_days) + 1);
}

std::vector<DueItem> collect(Store& store, const DueQuery& query, const Config& config, int horizon_days) {
    ReadSnapshot snapshot(store);  // intros awaiting a follow-up, then people
    auto intros = awaiting_follow_up(store, query.contact_id);
    // One person's through the index on them; everyone's from the open-todos index.
    std::multimap<std::int64_t, NextStep> todos;
    if (!query.contact_id) todos = open_todos(store);
    else
        for (auto& step : open_next_steps(store, *query.contact_id))
            if (!step.todo.empty()) todos.emplace(*query.contact_id, std::move(step));
    auto acquainted = acquaintances(store, query);
    sql::Where filters(3);
    if (!query.tag.empty()) filters.add("c.id IN (SELECT contact_id FROM tags WHERE tag = ?)", query.tag);
    if (query.contact_id) filters.add("c.id = ?", *query.contact_id);
    SQLite::Statement row(store.db(), std::string(contacts_sql) + filters.sql("AND"));
    row.bind(1, format_date(query.today));
    row.bind(2, format_date(add(query.today, {1, 'y'}, -1)));
    filters.bind(row);

    Date horizon = query.today + std::chrono::days{horizon_days};
    std::vector<DueItem> items;
    while (row.executeStep()) {
        DueFacts facts = read_facts(row);
        auto [first, last] = intros.equal_range(facts.contact.id);
        for (auto it = first; it != last; ++it) facts.awaiting.push_back(it->second);
        auto [first_todo, last_todo] = todos.equal_range(facts.contact.id);
        for (auto it = first_todo; it != last_todo; ++it) facts.todos.push_back(it->second);
        if (auto person = acquainted.find(facts.contact.id); person != acquainted.end()) facts.connect = person->second;
        auto reasons = reasons_for(facts, query.today, config);
        std::erase_if(reasons, [&](const DueReason& r) { return r.due_on > horizon; });
        if (reasons.empty()) continue;

        DueItem item;
        item.contact_id = facts.contact.id;
        item.name = facts.contact.name;
        item.last_on = facts.last_on;
        item.last_kind = facts.last_kind;
        item.tie = 1.0 + facts.recent / 10.0;
        auto score = [&](const DueReason& r) { return urgency(r, item.tie, query.today); };
        std::stable_sort(reasons.begin(), reasons.end(), [&](const DueReason& a, const DueReason& b) {
            if (score(a) != score(b)) return score(a) > score(b);
            return weight(a.reason) > weight(b.reason);
        });
        item.reasons = std::move(reasons);
        item.days_late = days_between(item.reasons.front().due_on, query.today);
        item.urgency = score(item.reasons.front());
        item.state = state(item.reasons.front(), query.today);
        items.push_back(std::move(item));
    }
    std::sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
        if (a.urgency != b.urgency) return a.urgency > b.urgency;
        auto fa = fold(a.name), fb = fold(b.name);
        if (fa != fb) return fa < fb;
        return a.contact_id < b.contact_id;
    });
    return items;
}

}  // namespace

std::vector<DueReason> reasons_for(const DueFacts& facts, Date today, const Config& config) {
    const Contact& contact = facts.contact;
    std::vector<DueReason> reasons;
    if (facts.next_on) reasons.push_back({Reason::follow_up, *facts.next_on, *facts.next_on, facts.last_summary});
    for (const auto& todo : facts.todos)
        reasons.push_back({Reason::follow_up, todo.due_on, todo.due_on,
                           fmt::format("{} (todo #{})", todo.todo, todo.interaction_id)});
    for (const auto& intro : facts.awaiting) {
        Date due_on = intro.asked_on + std::chrono::days{config.intro_follow_up_days};
        reasons.push_back({Reason::intro_follow_up, due_on, due_on,
                           fmt::format("intro to {} asked {}", intro.target_name, format_date(intro.asked_on))});
    }
    if (facts.connect) add_connect_reasons(reasons, *facts.connect, today, config);
    if (!contact.connected) return reasons;  // not in your network: only what you owe them and the connect path

    if (contact.connected_on && !facts.greeted && days_between(*contact.connected_on, today) < config.hello_window_days)
        reasons.push_back({Reason::hello, *contact.connected_on, *contact.connected_on,
                           fmt::format("connected {}", format_date(*contact.connected_on))});
    if (auto cadence = effective_cadence(contact, config)) {
        auto base = facts.last_on ? facts.last_on
                    : contact.connected_on ? contact.connected_on
                    : contact.met_on ? contact.met_on
                                     : facts.added_on;
        if (base) {
            const Every& every = cadence->every;
            Date due_on = *base + std::chrono::days{every.days};
            Date late_on = every.max_days ? *base + std::chrono::days{*every.max_days + 1} : due_on;
            reasons.push_back({Reason::cadence, due_on, late_on, describe(*cadence)});
        }
    }
    // A new role is news to congratulate on, for a while, unless you wrote since.
    if (facts.changed_job_on && !facts.wrote_since_job_change &&
        days_between(*facts.changed_job_on, today) < config.job_change_window_days)
        reasons.push_back({Reason::job_change, *facts.changed_job_on, *facts.changed_job_on, facts.new_role});
    return reasons;
}

std::string_view to_string(Reason reason) {
    switch (reason) {
    case Reason::follow_up: return "follow-up";
    case Reason::intro_follow_up: return "intro-follow-up";
    case Reason::hello: return "hello";
    case Reason::cadence: return "cadence";
    case Reason::connect: return "connect";
    case Reason::invite_unanswered: return "invite-unanswered";
    case Reason::job_change: return "job-change";
    }
    return "";
}

std::string_view state(const DueReason& reason, Date today) {
    if (today < reason.due_on) return "soon";
    if (today < reason.late_on) return "ideal";
    if (today == reason.due_on) return "due";  // the day itself is not late yet
    return "late";
}

std::string format_digest(const std::vector<DueItem>& items, const std::vector<PendingInvitation>& waiting,
                          Date today) {
    std::string out = items.empty() ? fmt::format("Nobody is due on {}.\n", format_date(today))
                                    : fmt::format("{} {} to get in touch with on {}.\n", items.size(),
                                                  items.size() == 1 ? "person" : "people", format_date(today));
    for (Reason reason : {Reason::follow_up, Reason::intro_follow_up, Reason::hello, Reason::job_change,
                          Reason::connect, Reason::cadence, Reason::invite_unanswered}) {
        std::string group;
        int count = 0;
        for (const auto& item : items) {
            if (item.reasons.front().reason != reason) continue;
            ++count;
            group += fmt::format("  #{} {}: {}, {}\n      {}\n", item.contact_id, item.name,
                                 item.state == "soon" ? "soon" : item.state, item.reasons.front().detail,
                                 item.suggestion());
        }
        std::string heading = reason == Reason::connect ? "to connect" : std::string(to_string(reason));
        if (count) out += fmt::format("\n{} ({})\n{}", heading, count, group);
    }
    if (!waiting.empty()) out += fmt::format("\nwaiting ({})\n", waiting.size());
    for (const auto& invitation : waiting)
        out += fmt::format("  #{} {}: invitation sent {}, pending until {}\n", invitation.contact_id, invitation.name,
                           format_date(invitation.invited_on), format_date(invitation.unanswered_on));
    return out;
}

int weight(Reason reason) {
    switch (reason) {
    case Reason::follow_up: return 4;
    case Reason::intro_follow_up: return 3;
    case Reason::hello: return 2;
    case Reason::cadence: return 1;
    case Reason::connect: return 2;
    case Reason::invite_unanswered: return 1;
    case Reason::job_change: return 2;
    }
    return 1;
}

std::string DueItem::suggestion() const {
    static constexpr std::string_view commands[] = {"draft followup", "draft intro-follow-up", "draft hello",
                                                    "draft checkin",  "draft connect",         "show",
                                                    "draft congrats"};
    return fmt::format("rolo {} {}", commands[static_cast<int>(reasons.front().reason)], contact_id);
}

std::vector<DueItem> compute_due(Store& store, const DueQuery& query, const Config& config) {
    return collect(store, query, config, query.within_days);
}

std::optional<DueItem> next_due(Store& store, std::int64_t contact_id, Date today, const Config& config) {
    constexpr int forever = 36600;
    auto items = collect(store, {.today = today, .contact_id = contact_id}, config, forever);
    if (items.empty()) return std::nullopt;
    auto& item = items.front();
    // For a calendar, the soonest reason comes first.
    std::stable_sort(item.reasons.begin(), item.reasons.end(),
                     [](const DueReason& a, const DueReason& b) { return a.due_on < b.due_on; });
    return item;
}

std::vector<PendingInvitation> pending_invitations(Store& store, const DueQuery& query, const Config& config) {
    std::vector<PendingInvitation> pending;
    for (const auto& [id, person] : acquaintances(store, query)) {
        if (!person.invited_on || person.answered) continue;
        Date due_on = unanswered_on(*person.invited_on, config);
        if (query.today < due_on) pending.push_back({id, person.name, *person.invited_on, due_on});
    }
    std::sort(pending.begin(), pending.end(), [](const PendingInvitation& a, const PendingInvitation& b) {
        return a.invited_on != b.invited_on ? a.invited_on < b.invited_on : a.contact_id < b.contact_id;
    });
    return pending;
}

std::string connection_path(const Contact& contact, const std::vector<Interaction>& history, Date today,
                            const Config& config) {
    const Interaction* invitation = nullptr;
    const Interaction* answer = nullptr;  // the first thing logged after the last invitation
    auto before = [](const Interaction& a, const Interaction& b) { return a.on != b.on ? a.on < b.on : a.id < b.id; };
    for (const auto& i : history)
        if (i.kind == "invite" && (!invitation || before(*invitation, i))) invitation = &i;
    if (invitation)
        for (const auto& i : history)
            if (i.kind != "invite" && before(*invitation, i) && (!answer || before(i, *answer))) answer = &i;
    if (contact.connected && !invitation) return "";

    std::vector<std::string> steps;
    auto met_on = contact.met_on;
    if (!met_on && !contact.met_at.empty()) met_on = parse_iso_date(contact.created_at.substr(0, 10));
    if (met_on || !contact.met_at.empty())
        steps.push_back(fmt::format("met{}{}", met_on ? " " + format_date(*met_on) : "",
                                    contact.met_at.empty() ? "" : " at " + contact.met_at));
    if (invitation) steps.push_back("invitation sent " + format_date(invitation->on));
    if (contact.connected)
        steps.push_back(contact.connected_on ? "connected " + format_date(*contact.connected_on) : "connected");
    else if (!invitation)
        steps.push_back(met_on && days_between(*met_on, today) < config.connect_window_days
                            ? fmt::format("not connected: connect by {}",
                                          format_date(*met_on + std::chrono::days{config.connect_window_days - 1}))
                            : "not connected");
    else if (answer)
        steps.push_back(fmt::format("no acceptance; {} logged {}", answer->kind, format_date(answer->on)));
    else if (today < unanswered_on(invitation->on, config))
        steps.push_back("pending");
    else
        steps.push_back(fmt::format("unanswered since {}", format_date(unanswered_on(invitation->on, config))));
    return join(steps, ", ");
}

std::string_view due_contacts_sql() { return contacts_sql; }

}  // namespace rolo
