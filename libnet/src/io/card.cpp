#include "rolo/card.hpp"

#include "rolo/error.hpp"
#include "rolo/fields.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "sql.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rolo {
namespace {

using Shape = CardShape;

// The fields a card holds: every one of the table with a property, in the
// order a new card lists them.
const ContactField* spec_for(std::string_view property) {
    for (const auto& field : contact_field_table())
        if (field.property == property) return &field;
    return nullptr;
}

std::string field_text(const CardLine& line, Shape shape) {
    switch (shape) {
        case Shape::text: return unescape_value(line.value);
        case Shape::first: return value_components(line.value, ';')[0];
        case Shape::first_item: return value_components(line.value, ',')[0];
        case Shape::address: return address_location(line.value);
        case Shape::list: {
            std::set<std::string> tags;
            for (const auto& item : value_components(line.value, ','))
                if (auto tag = trim(item); !tag.empty()) tags.insert(tag);
            return join({tags.begin(), tags.end()}, "\n");
        }
    }
    return {};
}

std::string field_value(std::string_view text, Shape shape) {
    switch (shape) {
        case Shape::address: return ";;;" + escape_value(text) + ";;;";
        case Shape::list: {
            std::vector<std::string> items;
            for (const auto& tag : split(text, '\n')) items.push_back(escape_value(tag));
            return join(items, ",");
        }
        default: return escape_value(text);
    }
}

// The line that holds a property's field: the first, but for URL the first
// LinkedIn profile, as the import picks it.
std::optional<std::size_t> modelled_line(const Card& card, std::string_view property) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < card.lines.size(); ++i) {
        if (card.lines[i].name != property) continue;
        if (property != "URL") return i;
        if (!found) found = i;
        if (looks_like_linkedin_url(unescape_value(card.lines[i].value))) return i;
    }
    return found;
}

// Properties rolo takes a part of (the first NICKNAME, ADR's locality):
// the line itself is kept too.
bool partly_modelled(std::string_view property) { return property == "NICKNAME" || property == "ADR"; }

bool is_particle(std::string_view word) {
    static const std::set<std::string, std::less<>> particles = {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "bin", "ibn", "al", "el", "ter", "ten"};
    return particles.contains(word);
}

// A flag on a card says yes or no, and only when it is not what a new
// person has (X-ROLO-CONNECTED:no); "" for that.
std::string card_flag(const ContactField& field, std::string_view text) {
    std::optional<bool> yes = parse_flag(text);
    if (!yes) return std::string(text);  // refused when applied, naming the property
    return (*yes ? "1" : "0") == field_default(field) ? "" : *yes ? "yes" : "no";
}

// Tags are one a line in CardFields, ';'-separated in the field's text.
std::string replaced(std::string text, char from, char to) {
    std::replace(text.begin(), text.end(), from, to);
    return text;
}

}  // namespace

CardFields contact_fields(const Contact& c) {
    CardFields fields;
    for (const auto& field : contact_field_table()) {
        std::string text = field_text(field, c);
        if (text == field_default(field)) continue;
        if (field.type == FieldType::flag) text = card_flag(field, text);
        if (field.type == FieldType::tags) text = replaced(text, ';', '\n');
        if (!text.empty()) fields[std::string(field.property)] = text;
    }
    return fields;
}

CardFields card_fields(const Card& card) {
    CardFields fields;
    for (const auto& field : contact_field_table())
        if (auto index = modelled_line(card, field.property)) {
            std::string text = field_text(card.lines[*index], field.shape);
            if (field.type == FieldType::flag) text = card_flag(field, text);
            if (!trim_view(text).empty()) fields[std::string(field.property)] = text;
        }
    if (!fields.contains("FN"))
        if (auto index = modelled_line(card, "N")) {
            auto parts = value_components(card.lines[*index].value, ';');
            std::string given = parts.size() > 1 ? trim(parts[1]) : "";
            if (auto name = trim(given + " " + trim(parts[0])); !name.empty()) fields["FN"] = name;
        }
    return fields;
}

ContactChange card_change(const CardFields& fields, bool whole) {
    ContactChange change;
    for (const auto& field : contact_field_table()) {
        auto found = fields.find(std::string(field.property));
        if (found == fields.end() && (!whole || field.property == "FN")) continue;
        std::string text = found == fields.end() ? "" : found->second;
        try {
            if (field.type == FieldType::date && !text.empty() && !parse_iso_date(text))
                throw Error(fmt::format("'{}' is not a date (YYYY-MM-DD)", text));
            field.set(change, field.type == FieldType::tags ? replaced(text, '\n', ';') : text, Date{});
        } catch (const Error& e) {
            throw Error(fmt::format("{}: {}", field.property, e.what()));
        }
    }
    // The card's tags replace the person's.
    change.replace_tags = whole;
    return change;
}

void apply_fields(Contact& contact, const CardFields& fields) { apply(contact, card_change(fields, true)); }

Card card_from(const CardFields& fields, const Card& base, std::string_view uid, std::string_view rev) {
    auto value_of = [](const CardFields& map, std::string_view property) {
        auto found = map.find(std::string(property));
        return found == map.end() ? std::string() : found->second;
    };
    CardFields before = card_fields(base);
    Card card{base.line, base.version, {}};
    card.lines.push_back({"", "UID", "", escape_value(uid)});
    bool same_name = value_of(before, "FN") == value_of(fields, "FN");
    std::set<std::string_view> written;
    for (std::size_t i = 0; i < base.lines.size(); ++i) {
        const CardLine& line = base.lines[i];
        if (line.name == "UID" || line.name == "REV") continue;
        if (line.name == "N") {
            if (same_name && !written.contains("N")) {
                card.lines.push_back(line);
                written.insert("N");
            }
            continue;
        }
        const ContactField* spec = spec_for(line.name);
        if (!spec || modelled_line(base, spec->property) != i) {
            card.lines.push_back(line);
            continue;
        }
        written.insert(spec->property);
        std::string now = value_of(fields, spec->property);
        if (now == value_of(before, spec->property))
            card.lines.push_back(line);
        else if (!now.empty())
            card.lines.push_back({line.group, line.name, line.params, field_value(now, spec->shape)});
    }
    for (const auto& spec : contact_field_table()) {
        std::string now = value_of(fields, spec.property);
        if (!written.contains(spec.property) && !now.empty())
            card.lines.push_back({"", std::string(spec.property), "", field_value(now, spec.shape)});
    }
    // N follows FN: kept while the name is, else written from it, after FN.
    if (!written.contains("N")) {
        auto fn = std::find_if(card.lines.begin(), card.lines.end(), [](const CardLine& l) { return l.name == "FN"; });
        if (fn != card.lines.end()) ++fn;
        card.lines.insert(fn, {"", "N", "", structured_name(value_of(fields, "FN"), value_of(fields, "NICKNAME"))});
    }
    if (!rev.empty()) card.lines.push_back({"", "REV", "", std::string(rev)});
    return card;
}

std::string rev_digits(std::string_view stamp) {
    std::string digits;
    for (char c : stamp)
        if (c >= '0' && c <= '9' && digits.size() < 14) digits += c;
    if (digits.size() < 8) return "";
    digits.resize(14, '0');
    return digits;
}

std::string rev_text(std::string_view digits) {
    if (digits.size() != 14) return "";
    return fmt::format("{}T{}Z", digits.substr(0, 8), digits.substr(8));
}

std::string card_uid(const Card& card) {
    for (const auto& line : card.lines)
        if (line.name == "UID") return trim(unescape_value(line.value));
    return "";
}

std::vector<CardLine> kept_lines(const Card& card) {
    std::set<std::string_view> taken;
    std::vector<CardLine> kept;
    for (const auto& line : card.lines) {
        const std::string& name = line.name;
        if (name == "N" || name == "FN" || name == "UID" || name == "REV" || name == "CATEGORIES" ||
            name.starts_with("X-ROLO-"))
            continue;
        const ContactField* spec = spec_for(name);
        if (!spec || taken.contains(spec->property)) {
            kept.push_back(line);
            continue;
        }
        std::string text = field_text(line, spec->shape);
        if (text.empty()) continue;
        if (name == "URL" && !looks_like_linkedin_url(text)) {
            kept.push_back(line);
            continue;
        }
        taken.insert(spec->property);
        if (partly_modelled(name) && line != CardLine{"", name, "", field_value(text, spec->shape)})
            kept.push_back(line);
    }
    return kept;
}

Card person_card(const CardFields& fields, const std::vector<CardLine>& kept, std::string_view uid,
                 std::string_view rev) {
    Card card = card_from(fields, {}, uid, "");
    std::set<std::string_view> replaced;
    // Each kept line goes after rolo's, in its order, so that the card read
    // again keeps the same lines.
    for (const auto& line : kept) {
        if (partly_modelled(line.name) && !replaced.contains(line.name)) {
            const ContactField* spec = spec_for(line.name);
            auto own = modelled_line(card, spec->property);
            if (own && field_text(card.lines[*own], spec->shape) == field_text(line, spec->shape)) {
                card.lines.erase(card.lines.begin() + static_cast<std::ptrdiff_t>(*own));
                replaced.insert(spec->property);
            }
        }
        card.lines.push_back(line);
    }
    if (!rev.empty()) card.lines.push_back({"", "REV", "", std::string(rev)});
    return card;
}

std::string line_says(const CardLine& line) { return line.name + ':' + fold(unescape_value(line.value)); }

std::vector<CardLine> merged_lines(const CardFields& fields, const std::vector<CardLine>& kept,
                                   const std::vector<CardLine>& others) {
    std::set<std::string> said;
    for (const auto& line : person_card(fields, kept, "", "").lines) said.insert(line_says(line));
    std::vector<CardLine> merged = kept;
    for (const auto& line : others)
        if (said.insert(line_says(line)).second) merged.push_back(line);
    return merged;
}

namespace {

// The text of one contacts column by id, for `sql` selecting id and it where it is not NULL.
std::unordered_map<std::int64_t, std::string> texts_by_id(Store& store, const char* sql) {
    std::unordered_map<std::int64_t, std::string> texts;
    SQLite::Statement query(store.db(), sql);
    while (query.executeStep()) texts.emplace(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    return texts;
}

}  // namespace

std::unordered_map<std::int64_t, std::string> card_extras(Store& store) {
    return texts_by_id(store, "SELECT id, card_extra FROM contacts WHERE card_extra IS NOT NULL");
}

std::unordered_map<std::int64_t, std::string> card_uids(Store& store) {
    return texts_by_id(store, "SELECT id, uid FROM contacts WHERE uid IS NOT NULL");
}

CardKeeper::CardKeeper(Store& store)
    : lines_(std::make_unique<SQLite::Statement>(store.db(), "UPDATE contacts SET card_extra = ? WHERE id = ?")),
      uid_(std::make_unique<SQLite::Statement>(store.db(), "UPDATE contacts SET uid = ? WHERE id = ?")) {}

CardKeeper::~CardKeeper() = default;

namespace {

void set_text(SQLite::Statement& statement, std::int64_t id, const std::string& text) {
    sql::bind_text(statement, 1, text);
    statement.bind(2, id);
    statement.exec();
    statement.reset();
}

}  // namespace

void CardKeeper::set_lines(std::int64_t id, const std::string& lines) { set_text(*lines_, id, lines); }

void CardKeeper::set_uid(std::int64_t id, const std::string& uid) { set_text(*uid_, id, uid); }

std::string card_call_name(const VCard& card) {
    // A NICKNAME is what people call them ("Kasia" for Katarzyna), so it wins
    // over the given name. A given name is kept only when the name starts
    // with it and rolo would split the name otherwise ("Fatima Zahra" of
    // "Fatima Zahra El Amrani"): the N of a card rolo wrote, or "Robert" of
    // "Robert Smith" (one word), says nothing a greeting does not find by itself, and
    // "Robert" of "Bob Smith" is not what they go by.
    if (!card.nickname.empty()) return card.nickname;
    if (!starts_with_words(card.name, card.given) || card.given.find(' ') == std::string::npos) return "";
    std::string guessed = value_components(structured_name(card.name), ';')[1];
    return guessed == card.given ? "" : card.given;
}

std::string structured_name(std::string_view name, std::string_view known_given) {
    name = trim_view(name);
    known_given = trim_view(known_given);
    if (starts_with_words(name, known_given) && name.size() > known_given.size())
        return escape_value(trim_view(name.substr(known_given.size()))) + ";" + escape_value(known_given) + ";;;";
    auto words = split(trim(name), ' ');
    std::erase(words, "");
    if (words.size() < 2) return escape_value(trim(name)) + ";;;;";
    std::size_t family_start = words.size() - 1;
    for (std::size_t i = 1; i + 1 < words.size(); ++i)
        if (is_particle(words[i])) {
            family_start = i;
            break;
        }
    std::vector<std::string> given(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(family_start));
    std::vector<std::string> family(words.begin() + static_cast<std::ptrdiff_t>(family_start), words.end());
    return escape_value(join(family, " ")) + ";" + escape_value(join(given, " ")) + ";;;";
}

}  // namespace rolo
