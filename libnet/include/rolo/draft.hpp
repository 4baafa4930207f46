#pragma once
// Messages from templates (the lint that checks them is rolo/lint.hpp).
//
// A template is a TOML file with one or more [[variant]] tables, each with a
// `text`. Placeholders are {field} (see known_fields); {{ and }} are literal
// braces. A variant can be used when every field it names has a value, so a
// template lists its most personal variant first and plainer ones after.
#include "rolo/config.hpp"
#include "rolo/contact.hpp"
#include "rolo/date.hpp"
#include "rolo/interaction.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolo {

// connect hello checkin followup thanks intro-request intro-follow-up intro
const std::vector<std::string>& draft_kinds();

// Field name -> value; an empty value means unknown.
using Fields = std::map<std::string, std::string>;

// first name company title met_at met_on interests last_summary last_on
// shared_tags other.first other.name other.company other.title other.interests
// why about me.name me.first me.email me.signature
const std::vector<std::string>& known_fields();

struct Template {
    std::filesystem::path file;
    struct Variant {
        std::string text;
        int line = 0;  // where its text starts in the file
    };
    std::vector<Variant> variants;
};

// Reads and checks a template: a TOML error, a missing text or an unknown
// placeholder is an Error naming FILE:LINE.
Template load_template(const std::filesystem::path& file);

// The placeholders a text names, in order of first appearance.
std::vector<std::string> placeholders(std::string_view text);

// Replaces the placeholders (unknown or empty ones become "").
std::string fill(std::string_view text, const Fields& fields);

struct Rendered {
    std::string text;
    std::size_t variant = 0;            // which variant was used
    std::vector<std::string> missing;  // fields the first variant wanted that are empty
};

// The first variant whose fields are all known; the last one if none is.
// Your own fields (me.*) never decide the variant: they are reported as
// missing instead, so that a missing signature costs no personalisation.
// {about} is optional and never reported missing.
Rendered render(const Template& tmpl, const Fields& fields);

// The fields for a message to `recipient`, about `other` when there is one.
struct DraftSubject {
    const Contact* recipient = nullptr;
    const Contact* other = nullptr;        // the target, the broker's target, or who to introduce
    const Interaction* last = nullptr;     // the last interaction with the recipient
    std::string about;                     // --about
    std::string why;                       // the reason for an introduction
};
Fields draft_fields(const DraftSubject& subject, const Me& me, Date today);

// How to fill an empty field, e.g. "interests is empty: do your homework: rolo edit 42 --interests \"...\"".
std::string how_to_fill(const std::string& field, const DraftSubject& subject, const std::string& config_file);

// "today", "yesterday", "last week", "earlier this month", "in March", "in March 2025".
std::string humanize_date(Date date, Date today);

}  // namespace rolo
