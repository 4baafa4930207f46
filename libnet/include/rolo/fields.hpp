#pragma once
// The one table of a contact's fields: each field once, with its name, its
// type, how it reads and writes as a cell (CSV, JSON, listings), as a vCard
// property, and on `rolo edit`'s card, and whether a message may say it.
// Every reader and writer walks this table, so a new field is added here.
#include "rolo/contact.hpp"
#include "rolo/table.hpp"

#include <span>
#include <string>
#include <string_view>

namespace rolo {

enum class FieldType {
    text,   // a string; empty is none
    date,   // YYYY-MM-DD, or none
    every,  // a cadence: 30d, 4w..6w, or none
    flag,   // true or false (1/0 in CSV, yes/no on a card)
    tags,   // a sorted list; ';' separates them as text
};

// How a field's text sits in its vCard property's value (card.cpp).
enum class CardShape {
    text,        // the whole value
    first,       // the first of ;-separated components (ORG)
    first_item,  // the first of ,-separated items (NICKNAME)
    address,     // where ADR's components say they are (address_location)
    list,        // every ,-separated item (CATEGORIES)
};

struct ContactField {
    std::string_view name;      // its column in CSV and JSON, and its name in `show --sources`
    FieldType type;
    std::string_view property;  // its vCard property: standard where there is one, X-ROLO-* else
    CardShape shape;
    std::string_view label;     // its line on `rolo edit`'s card; "" when it is not there
    bool sayable;               // a message may say it (the rest is private to the user)
    // The field as a cell: text, a date's text, a flag, the tags; null for none.
    Cell (*cell)(const Contact&);
    // Sets the field of a change from text as cell_text writes it ("" clears
    // it; a flag reads 1/0, true/false, yes/no). Throws Error naming the bad text.
    void (*set)(ContactChange&, const std::string& text, Date today);
    // Whether a change gives the field a value (tags: adds any).
    bool (*given)(const ContactChange&);
};

// A flag's text: 1/0, true/false, yes/no, in any case; none for anything else.
std::optional<bool> parse_flag(std::string_view text);

// Every field, in the order of the columns of CSV and JSON.
std::span<const ContactField> contact_field_table();

// The field of that name; nullptr for none.
const ContactField* find_field(std::string_view name);

// The field as text, as cell_text writes its cell ("" for none).
std::string field_text(const ContactField& field, const Contact& contact);

// What the field is on a contact that nobody has filled in (connected: 1).
std::string field_default(const ContactField& field);

// Whether the two contacts differ in any field of the table.
bool same_fields(const Contact& a, const Contact& b);

// The contact's id, its fields, and its stamps, as one record: the columns
// of `export --format csv|json` and `ls --format json`.
std::vector<std::string> contact_columns();
std::vector<Cell> contact_row(const Contact& contact);

}  // namespace rolo
