// Restoring a `rolo export --format json` document.
#include "rolo/import.hpp"

#include "import_rows.hpp"

#include "rolo/card.hpp"
#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/fields.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/provenance.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rolo {
namespace {

// Reads the fields of one JSON entry, naming "FILE: table[i].field" when one is wrong.
class JsonEntry {
public:
    JsonEntry(const nlohmann::json& entry, std::string where) : entry_(entry), where_(std::move(where)) {
        if (!entry_.is_object()) fail("", "expected an object");
    }
    std::string text(const char* key) const {
        const auto* value = find(key);
        if (!value || value->is_null()) return {};
        return checked_text(key, *value);
    }
    // A whole number in min..max: nothing is truncated or wrapped to fit.
    std::int64_t number(const char* key, std::int64_t min, std::int64_t max) const {
        const auto* value = find(key);
        if (!value || !value->is_number_integer()) fail(key, "expected a whole number");
        bool above = value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max);
        if (above || value->get<std::int64_t>() < min || value->get<std::int64_t>() > max)
            fail(key, fmt::format("{} is out of range ({}..{})", value->dump(), min, max));
        return value->get<std::int64_t>();
    }
    std::int64_t id(const char* key) const { return number(key, 1, std::numeric_limits<std::int64_t>::max()); }
    std::optional<std::int64_t> optional_id(const char* key) const {
        const auto* value = find(key);
        if (!value || value->is_null()) return std::nullopt;
        return id(key);
    }
    // Any whole number, or none: absent from exports of older rolos.
    std::optional<std::int64_t> optional_number(const char* key) const {
        const auto* value = find(key);
        if (!value || value->is_null()) return std::nullopt;
        return number(key, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
    }
    bool has(const char* key) const { return find(key) != nullptr; }
    bool flag(const char* key) const {
        const auto* value = find(key);
        if (!value || !value->is_boolean()) fail(key, "expected true or false");
        return value->get<bool>();
    }
    // For flags that later rolos added: absent from older exports.
    bool flag_or(const char* key, bool absent) const { return find(key) ? flag(key) : absent; }
    std::optional<Date> date(const char* key) const {
        std::string value = text(key);
        if (value.empty()) return std::nullopt;
        if (auto parsed = parse_iso_date(value)) return parsed;
        fail(key, fmt::format("bad date '{}'", value));
    }
    // The text as `parse` reads it; its Error names the field.
    template <typename Parse>
    auto parsed(const char* key, Parse parse) const -> decltype(parse(std::string_view{})) {
        std::string value = text(key);
        try {
            return parse(value);
        } catch (const Error& error) {
            fail(key, error.what());
        }
    }
    std::vector<std::string> list(const char* key) const {
        const auto* value = find(key);
        std::vector<std::string> items;
        if (!value || value->is_null()) return items;
        if (!value->is_array()) fail(key, "expected a list");
        for (const auto& item : *value) {
            if (!item.is_string()) fail(key, "expected a list of text");
            items.push_back(checked_text(key, item));
        }
        return items;
    }
    [[noreturn]] void fail(std::string_view key, std::string_view message) const {
        throw Error(fmt::format("{}{}{}: {}", where_, key.empty() ? "" : ".", key, message));
    }

private:
    std::string checked_text(const char* key, const nlohmann::json& value) const {
        if (!value.is_string()) fail(key, "expected text");
        std::string result = value.get<std::string>();
        if (auto problem = text_problem(result); !problem.empty()) fail(key, problem);
        return result;
    }
    const nlohmann::json* find(const char* key) const {
        auto found = entry_.find(key);
        return found == entry_.end() ? nullptr : &*found;
    }
    const nlohmann::json& entry_;
    std::string where_;
};

template <typename Each>
int for_each_entry(const nlohmann::json& document, const char* table, const std::string& source, Each each) {
    auto found = document.find(table);
    if (found == document.end()) return 0;
    if (!found->is_array()) throw Error(fmt::format("{}: {} must be a list", source, table));
    int count = 0;
    for (const auto& entry : *found) {
        std::string where = fmt::format("{}: {}[{}]", source, table, count++);
        try {
            each(JsonEntry(entry, where));
        } catch (const SQLite::Exception& e) {
            throw Error(fmt::format("{}: {}", where, e.what()));
        } catch (const Error& e) {
            if (std::string_view(e.what()).starts_with(where)) throw;
            throw Error(fmt::format("{}: {}", where, e.what()));
        }
    }
    return count;
}

// The fields of a person as a JSON entry holds them (an export's, or a
// listing's), every one of the field table: a field an older export lacks is
// the field of someone new. With `empty_clears` false (rows of a list, which
// as every import never blank a field) an empty field is not given.
ContactChange person_change(const JsonEntry& e, Date today, bool empty_clears) {
    ContactChange change;
    for (const auto& field : contact_field_table()) {
        std::string name(field.name);
        std::string text;
        if (field.type == FieldType::flag)
            text = e.has(name.c_str()) ? (e.flag(name.c_str()) ? "1" : "0") : field_default(field);
        else if (field.type == FieldType::tags)
            text = join(e.list(name.c_str()), ";");
        else
            text = e.text(name.c_str());
        if (text.empty() && !empty_clears) continue;
        try {
            field.set(change, text, today);
        } catch (const Error& error) {
            e.fail(name, error.what());
        }
    }
    change.replace_tags = true;
    return change;
}

nlohmann::json parse_document(std::string_view text, const std::string& source) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(fmt::format("{}: not valid JSON: {}", source, e.what()));
    }
}

}  // namespace

bool is_restore_document(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return trim_view(text).starts_with('{');
}

RowSource json_rows(std::string_view text, const std::string& source, Date today) {
    auto document = std::make_shared<nlohmann::json>(parse_document(text, source));
    if (!document->is_array())
        throw Error(fmt::format("{}: a JSON export is restored whole, not read as rows", source));
    return [document, source, today, next = std::size_t{0}](ImportRow& row) mutable {
        if (next == document->size()) return false;
        std::size_t index = next++;
        std::string where = fmt::format("{}: [{}]", source, index);
        // A listing has no lines: a row is named by its place in the list.
        fill_row(row, static_cast<int>(index + 1), "", [&](ContactChange& change) {
            JsonEntry entry((*document)[index], where);
            change = person_change(entry, today, false);
            row.id = entry.optional_id("id");
            row.uid = entry.text("uid");
            if (auto extra = entry.text("card_extra"); !extra.empty()) row.card_extra = extra;
        });
        return true;
    };
}

RestoreSummary restore_json(Store& store, std::string_view text, const std::string& source, Date today, bool dry_run) {
    nlohmann::json document = parse_document(text, source);
    if (!document.is_object() || !document.contains("contacts"))
        throw Error(fmt::format("{}: not a rolo export (expected an object with \"contacts\")", source));
    auto transaction = store.bulk_transaction();
    if (!all_contacts(store).empty())
        throw Error(fmt::format("{}: a JSON export restores into an empty database only; use --db NEW.db", source));
    RestoreSummary summary;
    ContactWriter writer(store);
    CardKeeper card_keeper(store);
    summary.contacts = for_each_entry(document, "contacts", source, [&](const JsonEntry& e) {
        Contact c;
        c.id = e.id("id");
        apply(c, person_change(e, today, true));
        // Where each field came from, as the export had it; else the export is where.
        c.sources = e.text("sources");
        if (c.sources.empty()) record_changes(Contact{}, c, Source::json, timestamp(today));
        c.created_at = e.text("created_at");
        c.updated_at = e.text("updated_at");
        writer.insert(c, today);
        // Absent from exports of older rolos: a UID is then given at the next sync, as to anyone new.
        if (auto uid = e.text("uid"); !uid.empty()) card_keeper.set_uid(c.id, uid);
        if (auto extra = e.text("card_extra"); !extra.empty()) card_keeper.set_lines(c.id, extra);
    });
    std::map<std::int64_t, std::int64_t> groups;
    DeferredIndexes search(store);
    summary.interactions = for_each_entry(document, "interactions", source, [&](const JsonEntry& e) {
        Interaction i{.contact_id = e.id("contact_id"), .on = e.date("date").value_or(Date{}), .kind = e.text("kind")};
        if (!e.date("date")) e.fail("date", "missing");
        std::string direction = e.text("direction");
        if (direction != "in" && direction != "out") e.fail("direction", "expected \"in\" or \"out\"");
        i.direction = direction == "in" ? Direction::in : Direction::out;
        i.summary = e.text("summary");
        i.next_on = e.date("next_on");
        i.topic = e.text("topic");
        i.by_rolo = e.flag_or("by_rolo", false);
        i.created_at = timestamp(today);
        i.todo = e.text("todo");
        i.done_on = e.date("done_on");
        i.body = e.text("body");
        i.import_key = e.optional_number("import_key");
        // A group's ids are the file's: its rows get the id of the first restored.
        auto group = e.optional_id("group_id");
        if (group && groups.contains(*group)) i.group_id = groups.at(*group);
        insert_interaction(store, i);  // the row as it was: logging again would apply its rules again
        if (group && !groups.contains(*group)) groups[*group] = start_group(store, i);
    });
    search.finish();
    summary.knows = for_each_entry(document, "knows", source, [&](const JsonEntry& e) {
        link(store, {e.id("a"), e.id("b"), static_cast<int>(e.number("strength", 1, 5)), e.text("context"),
                     e.date("since")});
    });
    summary.intros = for_each_entry(document, "intros", source, [&](const JsonEntry& e) {
        Intro intro;
        intro.id = e.id("id");
        intro.kind = e.parsed("kind", parse_intro_kind);
        intro.broker_id = e.id("broker_id");
        intro.target_id = e.id("target_id");
        intro.asked_on = e.date("asked_on").value_or(today);
        intro.followed_up_on = e.date("followed_up_on");
        intro.status = e.parsed("status", parse_intro_status);
        intro.reason = e.text("reason");
        intro.note = e.text("note");
        insert_intro(store, intro);
    });
    if (!dry_run) transaction.commit();
    return summary;
}

}  // namespace rolo
