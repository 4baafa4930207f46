#include "rolo/fields.hpp"

#include "rolo/error.hpp"
#include "rolo/table.hpp"
#include "rolo/text.hpp"

#include <array>

#include <fmt/format.h>

namespace rolo {
namespace {

using Text = std::string Contact::*;
using TextChange = std::optional<std::string> ContactChange::*;
using DateField = std::optional<Date> Contact::*;
using DateChange = std::optional<std::optional<Date>> ContactChange::*;
using Flag = bool Contact::*;
using FlagChange = std::optional<bool> ContactChange::*;

template <Text field, TextChange change>
constexpr ContactField text(std::string_view name, std::string_view property, CardShape shape, std::string_view label,
                            bool sayable) {
    return {name, FieldType::text, property, shape, label, sayable,
            [](const Contact& c) { return text_cell(c.*field); },
            [](ContactChange& c, const std::string& value, Date) { c.*change = value; },
            [](const ContactChange& c) { return (c.*change).has_value(); }};
}

template <DateField field, DateChange change>
constexpr ContactField date(std::string_view name, std::string_view property, std::string_view label, bool sayable) {
    return {name, FieldType::date, property, CardShape::text, label, sayable,
            [](const Contact& c) { return date_cell(c.*field); },
            [](ContactChange& c, const std::string& value, Date today) {
                c.*change = trim_view(value).empty() ? std::nullopt : std::optional(parse_date(value, today));
            },
            [](const ContactChange& c) { return (c.*change).has_value(); }};
}

template <Flag field, FlagChange change, bool absent>
constexpr ContactField flag(std::string_view name, std::string_view property) {
    return {name, FieldType::flag, property, CardShape::text, "", false,
            [](const Contact& c) { return Cell{c.*field}; },
            [](ContactChange& c, const std::string& value, Date) {
                if (trim_view(value).empty()) {
                    c.*change = absent;
                    return;
                }
                c.*change = parse_flag(value);
                if (!(c.*change)) throw Error(fmt::format("'{}' is not a yes or no (1 or 0)", value));
            },
            [](const ContactChange& c) { return (c.*change).has_value(); }};
}

// In the order of the columns of an export; the vCard properties are the
// standard ones where vCard has one.
const std::array<ContactField, 18> fields = {{
    text<&Contact::name, &ContactChange::name>("name", "FN", CardShape::text, "name", true),
    text<&Contact::email, &ContactChange::email>("email", "EMAIL", CardShape::text, "email", false),
    text<&Contact::phone, &ContactChange::phone>("phone", "TEL", CardShape::text, "phone", false),
    text<&Contact::company, &ContactChange::company>("company", "ORG", CardShape::first, "company", true),
    text<&Contact::title, &ContactChange::title>("title", "TITLE", CardShape::text, "title", true),
    text<&Contact::location, &ContactChange::location>("location", "ADR", CardShape::address, "location", true),
    text<&Contact::linkedin_url, &ContactChange::linkedin_url>("linkedin_url", "URL", CardShape::text, "linkedin",
                                                               false),
    text<&Contact::met_at, &ContactChange::met_at>("met_at", "X-ROLO-MET", CardShape::text, "met", true),
    date<&Contact::met_on, &ContactChange::met_on>("met_on", "X-ROLO-MET-ON", "met_on", true),
    text<&Contact::interests, &ContactChange::interests>("interests", "X-ROLO-INTERESTS", CardShape::text,
                                                         "interests", true),
    text<&Contact::notes, &ContactChange::notes>("notes", "NOTE", CardShape::text, "notes", false),
    {"every", FieldType::every, "X-ROLO-EVERY", CardShape::text, "every", false,
     [](const Contact& c) { return c.every ? Cell{format_every(*c.every)} : Cell{}; },
     [](ContactChange& c, const std::string& value, Date) { c.every = parse_every(value); },
     [](const ContactChange& c) { return c.every.has_value(); }},
    flag<&Contact::connected, &ContactChange::connected, true>("connected", "X-ROLO-CONNECTED"),
    date<&Contact::connected_on, &ContactChange::connected_on>("connected_on", "X-ROLO-CONNECTED-ON", "", false),
    flag<&Contact::archived, &ContactChange::archived, false>("archived", "X-ROLO-ARCHIVED"),
    {"tags", FieldType::tags, "CATEGORIES", CardShape::list, "tags", false,
     [](const Contact& c) { return Cell{c.tags}; },
     [](ContactChange& c, const std::string& value, Date) {
         // Added to the person's (replace_tags makes them all of them); apply() keeps them sorted and unique.
         c.add_tags.clear();
         for (const auto& tag : split(value, ';'))
             if (!trim_view(tag).empty()) c.add_tags.push_back(tag);
     },
     [](const ContactChange& c) { return c.replace_tags || !c.add_tags.empty(); }},
    date<&Contact::snoozed_until, &ContactChange::snoozed_until>("snoozed_until", "X-ROLO-SNOOZED-UNTIL", "", false),
    text<&Contact::call_name, &ContactChange::call_name>("call_name", "NICKNAME", CardShape::first_item, "call",
                                                         true),
}};

}  // namespace

std::optional<bool> parse_flag(std::string_view text) {
    std::string word = fold(trim_view(text));
    if (word == "1" || word == "true" || word == "yes") return true;
    if (word == "0" || word == "false" || word == "no") return false;
    return std::nullopt;
}

std::span<const ContactField> contact_field_table() { return fields; }

const ContactField* find_field(std::string_view name) {
    for (const auto& field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

std::string field_text(const ContactField& field, const Contact& contact) { return cell_text(field.cell(contact)); }

std::string field_default(const ContactField& field) {
    static const Contact nobody;
    return field_text(field, nobody);
}

bool same_fields(const Contact& a, const Contact& b) {
    for (const auto& field : fields)
        if (field.cell(a) != field.cell(b)) return false;
    return true;
}

std::vector<std::string> contact_columns() {
    std::vector<std::string> columns = {"id"};
    for (const auto& field : fields) columns.emplace_back(field.name);
    columns.insert(columns.end(), {"created_at", "updated_at"});
    return columns;
}

std::vector<Cell> contact_row(const Contact& contact) {
    std::vector<Cell> row = {contact.id};
    for (const auto& field : fields) row.push_back(field.cell(contact));
    row.insert(row.end(), {text_cell(contact.created_at), text_cell(contact.updated_at)});
    return row;
}

}  // namespace rolo
