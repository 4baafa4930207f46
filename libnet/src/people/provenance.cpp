#include "rolo/provenance.hpp"

#include "rolo/fields.hpp"
#include "rolo/table.hpp"

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rolo {
namespace {

constexpr std::array<std::string_view, 7> source_names = {"user", "linkedin", "vcard", "sync", "address book", "csv",
                                                          "json"};

FieldProvenance& entry(Provenance& provenance, std::string_view field) {
    auto found = provenance.find(field);
    if (found == provenance.end()) found = provenance.emplace(std::string(field), FieldProvenance{}).first;
    return found->second;
}

void say(FieldProvenance& field, Source source, const std::string& value, const std::string& at) {
    for (auto& said : field.said)
        if (said.source == source) {
            said = {source, value, at};
            return;
        }
    field.said.push_back({source, value, at});
}

void set(Provenance& provenance, std::string_view name, Source source, const std::string& value, const std::string& at) {
    FieldProvenance& field = entry(provenance, name);
    field.set_by = source;
    field.set_at = at;
    say(field, source, value, at);
}

}  // namespace

std::string_view to_string(Source source) { return source_names[static_cast<std::size_t>(source)]; }

std::optional<Source> parse_source(std::string_view name) {
    for (std::size_t i = 0; i < source_names.size(); ++i)
        if (source_names[i] == name) return static_cast<Source>(i);
    return std::nullopt;
}

const SourceSaid* FieldProvenance::said_by(Source source) const {
    for (const auto& s : said)
        if (s.source == source) return &s;
    return nullptr;
}

// {"title": {"set": ["user", AT], "said": [["linkedin", VALUE, AT], ...]}, ...}
std::string provenance_text(const Provenance& provenance) {
    if (provenance.empty()) return {};
    nlohmann::json document = nlohmann::json::object();
    for (const auto& [name, field] : provenance) {
        nlohmann::json& out = document[name];
        if (field.set_by) out["set"] = {std::string(to_string(*field.set_by)), field.set_at};
        for (const auto& said : field.said)
            out["said"].push_back({std::string(to_string(said.source)), said.value, said.at});
    }
    return document.dump();
}

Provenance parse_provenance(std::string_view text) {
    Provenance provenance;
    if (text.empty()) return provenance;
    auto document = nlohmann::json::parse(std::string(text), nullptr, false);
    if (!document.is_object()) return provenance;
    auto source_of = [](const nlohmann::json& value) {
        return value.is_string() ? parse_source(value.get<std::string>()) : std::nullopt;
    };
    auto text_of = [](const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : ""; };
    for (const auto& [name, value] : document.items()) {
        FieldProvenance field;
        if (auto set_by = value.find("set"); set_by != value.end() && set_by->is_array() && set_by->size() == 2) {
            field.set_by = source_of((*set_by)[0]);
            field.set_at = text_of((*set_by)[1]);
        }
        if (auto said = value.find("said"); said != value.end() && said->is_array())
            for (const auto& item : *said)
                if (item.is_array() && item.size() == 3)
                    if (auto source = source_of(item[0])) field.said.push_back({*source, text_of(item[1]), text_of(item[2])});
        provenance.emplace(name, std::move(field));
    }
    return provenance;
}

void record_changes(const Contact& before, Contact& after, Source source, const std::string& at) {
    Provenance provenance = parse_provenance(after.sources);
    bool changed = false;
    for (const auto& field : contact_field_table()) {
        if (field.cell(before) == field.cell(after)) continue;
        set(provenance, field.name, source, field_text(field, after), at);
        changed = true;
    }
    if (changed) after.sources = provenance_text(provenance);
}

Contact sourced_update(const Contact& existing, ContactChange change, Source source, const std::string& at) {
    Provenance provenance = parse_provenance(existing.sources);
    Contact given = existing;
    apply(given, change);
    // Each field the source gives: news from it (a value it did not give
    // last time) is taken; its old word again is not, whatever the field says now.
    Contact updated = existing;
    for (const auto& field : contact_field_table()) {
        if (!field.given(change)) continue;
        std::string value = field_text(field, given);
        auto known = provenance.find(field.name);
        const SourceSaid* before = known == provenance.end() ? nullptr : known->second.said_by(source);
        if (before && before->value == value) continue;
        // Tags are added, never taken away, by an import: a known person's
        // tags as the source gives them are theirs plus its own.
        ContactChange one;
        field.set(one, value, Date{});
        if (field.type == FieldType::tags) one.replace_tags = change.replace_tags;
        apply(updated, std::move(one));
        if (field.cell(updated) != field.cell(existing) || existing.id == 0)
            set(provenance, field.name, source, value, at);
        else
            say(entry(provenance, field.name), source, value, at);
    }
    updated.sources = provenance_text(provenance);
    return updated;
}

Table source_records(const Contact& contact) {
    Provenance provenance = parse_provenance(contact.sources);
    Table table;
    table.columns = {"field", "value", "source", "set_at", "said"};
    for (const auto& field : contact_field_table()) {
        std::string value = field_text(field, contact);
        auto known = provenance.find(field.name);
        if (known == provenance.end() && value == field_default(field)) continue;
        std::vector<std::string> said;
        Cell source, set_at;
        if (known != provenance.end()) {
            if (known->second.set_by) {
                source = std::string(to_string(*known->second.set_by));
                set_at = text_cell(known->second.set_at);
            }
            for (const auto& s : known->second.said)
                said.push_back(fmt::format("{}: {} ({})", to_string(s.source), s.value, s.at));
        }
        table.add_row({std::string(field.name), field.cell(contact), source, set_at, said});
    }
    return table;
}

}  // namespace rolo
