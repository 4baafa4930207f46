// rolo show: everything rolo knows about a person. Usage: rolo-show(1).
#include "common.hpp"

#include "rolo/cadence.hpp"
#include "rolo/contact.hpp"
#include "rolo/due.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/provenance.hpp"
#include "rolo/text.hpp"
#include "rolo/records.hpp"
#include "rolo/snapshot.hpp"
#include "rolo/who.hpp"

#include <iostream>
#include <limits>

#include <unistd.h>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rolo::app {
namespace {

struct ShowOptions {
    std::string who;
    std::optional<int> limit;
    bool sources = false;  // each field with where its value came from, instead of the card
};

struct Profile {
    Contact contact;
    std::optional<Cadence> cadence;
    std::optional<DueItem> due;
    std::string path;  // from meeting to connection
    std::vector<Acquaintance> knows;
    std::vector<Interaction> interactions;
    bool more_interactions = false;  // -n left some out
    std::vector<Intro> intros;
    Date today{};  // what "3 weeks ago" counts from
    std::vector<NextStep> next_steps;  // open: what you owe them
};

// An imported message's first line, so that what they wrote can be read
// here; `rolo history --full` has all of it.
std::string message_opening(const Interaction& i) {
    constexpr std::size_t longest = 72;
    if (i.body.empty()) return "";
    std::string line = trim(i.body.substr(0, i.body.find('\n')));
    if (line.empty()) return "";
    return fmt::format("  \"{}\"", fit_width(line, longest));
}

std::string card(const Profile& p) {
    const Contact& c = p.contact;
    auto dated = [&](Date date) { return fmt::format("{} ({})", format_date(date), relative_date(date, p.today)); };
    std::string out = fmt::format("{}{}\n", describe(c), c.archived ? " [archived]" : "");
    auto field = [&](std::string_view label, const std::string& value) {
        if (!value.empty()) out += fmt::format("  {:<11}{}\n", label, value);
    };
    field("called", c.call_name);
    field("title", c.title);
    field("email", c.email);
    field("phone", c.phone);
    field("location", c.location);
    field("linkedin", c.linkedin_url);
    std::string met = c.met_at;
    if (c.met_on) met += (met.empty() ? "on " : ", on ") + dated(*c.met_on);
    field("met", met);
    field("interests", c.interests);
    field("tags", join(c.tags, ", "));
    field("cadence", p.cadence ? describe(*p.cadence) : "none: never due for a check-in");
    field("connected", c.connected ? (c.connected_on ? "since " + dated(*c.connected_on) : "yes") : "no");
    field("path", p.path);
    if (c.snoozed_until) field("snoozed", "until " + format_date(*c.snoozed_until));
    if (p.due) {
        std::vector<std::string> dates;
        for (const auto& r : p.due->reasons) dates.push_back(dated(r.due_on) + " " + std::string(to_string(r.reason)));
        field("due", join(dates, ", "));
    }
    for (const auto& step : p.next_steps)
        if (!step.todo.empty()) field("todo", describe(step));
    field("notes", c.notes);

    if (!p.knows.empty()) out += "\nknows\n";
    for (const auto& k : p.knows)
        out += fmt::format("  #{} {}{}  strength {}{}\n", k.id, k.name, k.company.empty() ? "" : " (" + k.company + ")",
                           k.strength, k.context.empty() ? "" : "  " + k.context);
    if (!p.intros.empty()) out += "\nintros\n";
    for (const auto& i : p.intros)
        out += fmt::format("  #{} {} {} -> {}  {} since {}\n", i.id, to_string(i.kind), i.broker_name, i.target_name, to_string(i.status),
                           format_date(i.asked_on));
    if (!p.interactions.empty()) out += "\nhistory\n";
    for (const auto& i : p.interactions)
        out += fmt::format("  {}  {:<16} {:<8} {:<3}  {}{}{}\n", format_date(i.on), "(" + relative_date(i.on, p.today) + ")",
                           i.kind, to_string(i.direction), i.summary,
                           i.next_on ? "  (next " + format_date(*i.next_on) + ")" : "", message_opening(i));
    if (p.more_interactions)
        out += fmt::format("  ... older ones: rolo history {}\n", p.contact.id);
    return out;
}

nlohmann::ordered_json profile_json(const Profile& p) {
    auto due = nlohmann::ordered_json::array();
    if (p.due)
        for (const auto& r : p.due->reasons)
            due.push_back({{"reason", to_string(r.reason)}, {"due_on", format_date(r.due_on)}, {"detail", r.detail}});
    auto next_steps = nlohmann::ordered_json::array();
    for (const auto& step : p.next_steps)
        next_steps.push_back({{"id", step.interaction_id}, {"due_on", format_date(step.due_on)},
                              {"todo", step.todo.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(step.todo)},
                              {"summary", step.summary}});
    return {{"contact", table_json(contact_records({p.contact})).at(0)},
            {"cadence", p.cadence ? nlohmann::ordered_json{{"every", format_every(p.cadence->every)}, {"source", p.cadence->source}}
                                  : nlohmann::ordered_json()},
            {"path", p.path},
            {"due", due},
            {"next_steps", next_steps},
            {"knows", table_json(acquaintance_records(p.knows))},
            {"intros", table_json(intro_records(p.intros))},
            {"interactions", table_json(interaction_records(p.interactions))}};
}

void run_show(Context& context, const ShowOptions& options) {
    Store store = context.store();
    if (options.sources) {
        Contact contact = get_contact(store, resolve_who(store, options.who));
        if (context.quiet)
            std::cout << contact.id << '\n';
        else
            context.print(source_records(contact));
        return;
    }
    ReadSnapshot snapshot(store);  // the card's parts agree with each other
    Profile profile;
    profile.today = context.today();
    profile.contact = get_contact(store, resolve_who(store, options.who));
    profile.cadence = effective_cadence(profile.contact, context.settings());
    if (!profile.contact.archived) profile.due = next_due(store, profile.contact.id, context.today(), context.settings());
    profile.knows = acquaintances(store, profile.contact.id);
    profile.intros = intros_involving(store, profile.contact.id);
    derive_silence(profile.intros, context.today(), context.settings().intro_follow_up_days);
    std::optional<int> one_more = options.limit ? std::optional<int>(*options.limit + 1) : std::nullopt;
    profile.interactions = list_interactions(store, {.contact_id = profile.contact.id, .limit = one_more});
    if (options.limit && profile.interactions.size() > static_cast<std::size_t>(*options.limit)) {
        profile.interactions.resize(static_cast<std::size_t>(*options.limit));
        profile.more_interactions = true;
    }
    profile.next_steps = open_next_steps(store, profile.contact.id);
    profile.path = connection_path(profile.contact, profile.interactions, context.today(), context.settings());

    if (context.quiet) {
        std::cout << profile.contact.id << '\n';
        return;
    }
    // A card is for people; a format asked for by name gets records.
    Format format = context.format_given() ? context.output_format() : Format::table;
    if (format == Format::json)
        std::cout << json_text(profile_json(profile));
    else if (format == Format::table)
        // Through the pager when longer than the terminal, which shows what it
        // is given: on a terminal the card is made safe first, as tables are.
        context.print_styled(isatty(STDOUT_FILENO) ? terminal_text(card(profile)) : card(profile));
    else
        context.print(contact_records({profile.contact}));
}

}  // namespace

void register_show(CLI::App& app, Context& context) {
    auto options = std::make_shared<ShowOptions>();
    auto* command = app.add_subcommand("show", "Show a person: card, tags, who they know, intros, history");
    command->add_option("WHO", options->who, "Id, email, LinkedIn URL or name")->required();
    command->add_option("-n,--limit", options->limit, "At most N interactions, the newest")
        ->check(CLI::Range(0, std::numeric_limits<int>::max()));
    command->add_flag("--sources", options->sources,
                      "Each field with its source (user, linkedin, vcard, sync, address book, csv, json) and when "
                      "it was set, and what each source last said");
    command->callback([&context, options] { run_show(context, *options); });
}

}  // namespace rolo::app
