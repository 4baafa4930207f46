#include "contact_options.hpp"

#include "common.hpp"

#include "rolo/error.hpp"
#include "rolo/knows.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "rolo/who.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

// A day something happened: a weekday name is the most recent one.
std::optional<Date> optional_date(const std::string& text, Date today) {
    if (trim(text).empty()) return std::nullopt;
    return parse_date(text, today, Weekday::last);
}

}  // namespace

void add_contact_options(CLI::App& command, ContactOptions& o) {
    command.add_option("--call", o.call, "What they are called, for greetings (\"Kasia\"); default: from the name");
    command.add_option("--email", o.email, "Email address");
    command.add_option("--phone", o.phone, "Phone number");
    command.add_option("--company", o.company, "Company");
    command.add_option("--title", o.title, "Job title");
    command.add_option("--location", o.location, "Where they live or work");
    command.add_option("--linkedin", o.linkedin, "LinkedIn profile URL");
    command.add_option("--met", o.met, "Where and how you met, e.g. \"BNI breakfast\"");
    command.add_option("--met-on", o.met_on, "When you met (a date; a weekday is the last one)");
    command.add_option("--tag", o.tags, "A tag (repeatable)")->allow_extra_args(false);
    command.add_option("--interests", o.interests, "What they care about, what they wrote: your homework");
    command.add_option("--note", o.note, "Free-form notes");
    command.add_option("--every", o.every, "Keep in touch this often (30d, or a window 4w..6w); 0 or \"\" clears");
    command.add_flag("--not-connected", o.not_connected, "Someone you know of but are not connected to yet");
    command.add_option("--knows", o.knows, "Someone they know, WHO[:STRENGTH 1-5] (repeatable)")
        ->allow_extra_args(false);
    command.add_option("--via", o.via, "You know of them through WHO: links them, marks them not connected");
    command.add_option("--known-since", o.known_since, "Connected since this date: someone you have known for years, "
                                                       "so no hello is due")
        ->excludes(command.get_option("--not-connected"))
        ->excludes(command.get_option("--via"));
}

ContactChange to_change(const ContactOptions& o, Date today) {
    ContactChange change;
    change.call_name = o.call;
    change.email = o.email;
    change.phone = o.phone;
    change.company = o.company;
    change.title = o.title;
    change.location = o.location;
    change.linkedin_url = o.linkedin;
    change.met_at = o.met;
    change.interests = o.interests;
    change.notes = o.note;
    if (o.met_on) change.met_on = optional_date(*o.met_on, today);
    if (o.every) change.every = parse_every(*o.every);
    if (o.not_connected || o.via) change.connected = false;
    if (o.known_since) {
        auto since = optional_date(*o.known_since, today);
        if (!since) throw Error("--known-since needs a date");
        change.connected = true;
        change.connected_on = since;
    }
    change.add_tags = o.tags;
    if (change.linkedin_url && !change.linkedin_url->empty() && !looks_like_linkedin_url(*change.linkedin_url))
        throw Error(fmt::format("'{}' does not look like a LinkedIn profile URL", *change.linkedin_url));
    return change;
}

std::vector<PlannedLink> plan_links(Store& store, const ContactOptions& o) {
    std::vector<PlannedLink> links;
    for (const auto& spec : o.knows) {
        auto [who, strength] = split_strength(spec);
        links.push_back({resolve_who(store, who), strength});
    }
    if (o.via) links.push_back({resolve_who(store, *o.via), default_strength});
    return links;
}

void add_links(Store& store, std::int64_t id, const std::vector<PlannedLink>& links, Date today) {
    for (const auto& planned : links) link(store, {id, planned.id, planned.strength, "", today});
}

void refuse_duplicate(Store& store, const Contact& contact) {
    if (auto existing = find_duplicate(store, contact, contact.id)) {
        bool same_email = !contact.email.empty() && fold(existing->email) == fold(trim(contact.email));
        throw Error(fmt::format("{} already has {} {}; use --force to keep both", describe(*existing),
                                same_email ? "email" : "LinkedIn URL",
                                same_email ? existing->email : existing->linkedin_url));
    }
}

void warn_same_name(Store& store, const Contact& contact) {
    for (auto id : same_name_ids(store, contact))
        warn(fmt::format("#{} is also named '{}'", id, get_contact(store, id).name));
}

}  // namespace rolo::app
