#include "rolo/export.hpp"

#include "rolo/card.hpp"
#include "rolo/contact.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/records.hpp"
#include "rolo/snapshot.hpp"
#include "rolo/store.hpp"
#include "rolo/vcard.hpp"
#include "rolo/vdir.hpp"
#include "sql.hpp"

#include <fmt/format.h>

namespace rolo {

Table export_contacts(Store& store) {
    // The id is what the interactions export's contact_id refers to, and
    // what a re-import into the same database matches (with the name). The
    // stamps are the database's own: a CSV import writes its own.
    Table table = contact_records(all_contacts(store));
    table.columns.resize(table.columns.size() - 2);
    for (auto& row : table.rows) row.resize(row.size() - 2);
    return table;
}

Table export_interactions(Store& store) {
    auto interactions = list_interactions(store, {});
    Table table = interaction_records(interactions);
    // An imported message's text and key: for a backup to be whole, not for listings.
    table.columns.insert(table.columns.end(), {"body", "import_key"});
    for (std::size_t k = 0; k < interactions.size(); ++k) {
        const auto& key = interactions[k].import_key;
        table.rows[k].insert(table.rows[k].end(), {text_cell(interactions[k].body), key ? Cell{*key} : Cell{}});
    }
    // Oldest first, the order they happened in.
    std::reverse(table.rows.begin(), table.rows.end());
    std::reverse(table.row_styles.begin(), table.row_styles.end());
    table.columns.erase(table.columns.begin());
    for (auto& row : table.rows) row.erase(row.begin());
    return table;
}

Table export_knows(Store& store) {
    Table table;
    table.columns = {"a", "a_name", "b", "b_name", "strength", "context", "since"};
    SQLite::Statement query(store.db(),
                            "SELECT k.a, ca.name, k.b, cb.name, k.strength, k.context, k.since FROM knows k "
                            "JOIN contacts ca ON ca.id = k.a JOIN contacts cb ON cb.id = k.b ORDER BY k.a, k.b");
    while (query.executeStep())
        table.add_row({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getInt64(),
                       query.getColumn(3).getString(), std::int64_t{query.getColumn(4).getInt()},
                       text_cell(sql::text(query.getColumn(5))), date_cell(sql::date(query.getColumn(6)))});
    return table;
}

Table export_intros(Store& store) {
    auto intros = list_intros(store, std::nullopt);
    std::sort(intros.begin(), intros.end(), [](const Intro& a, const Intro& b) { return a.id < b.id; });
    return intro_records(intros);
}

namespace {

// Contacts as the JSON document has them: every field, and for a backup to
// be whole (a restored vdir keeps its cards), not for listings, the vCard
// UID, the lines of an imported card rolo does not model, and where each
// field came from (provenance.hpp).
Table json_contacts(Store& store) {
    auto contacts = all_contacts(store);
    Table people = contact_records(contacts);
    auto uids = card_uids(store);
    auto extras = card_extras(store);
    people.columns.insert(people.columns.end(), {"uid", "card_extra", "sources"});
    auto cell_for = [](const auto& texts, std::int64_t id) {
        auto found = texts.find(id);
        return found == texts.end() ? Cell{} : Cell{found->second};
    };
    for (std::size_t k = 0; k < contacts.size(); ++k)
        people.rows[k].insert(people.rows[k].end(), {cell_for(uids, contacts[k].id), cell_for(extras, contacts[k].id),
                                                     text_cell(contacts[k].sources)});
    return people;
}

Table json_list(Store& store, std::string_view name) {
    if (name == "contacts") return json_contacts(store);
    if (name == "interactions") return export_interactions(store);
    if (name == "knows") return export_knows(store);
    return export_intros(store);
}

// A list as an array of objects, laid out as a JSON dump with indent 2
// would: render_row writes a top-level array's elements, so a member of
// the document has each of its lines indented once more. Handed on in
// pieces of about a megabyte.
void write_json_array(const Table& table, std::string_view indent, const std::function<void(std::string_view)>& write) {
    constexpr std::size_t piece = 1 << 20;
    std::string out = render_head(table.columns, Format::json);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        for (char c : render_row(table.columns, table.rows[r], Format::json, r == 0)) {
            out += c;
            if (c == '\n') out += indent;
        }
        if (out.size() >= piece) {
            write(out);
            out.clear();
        }
    }
    out += table.rows.empty() ? "]" : fmt::format("\n{}]", indent);
    write(out);
}

}  // namespace

void write_export_json(Store& store, const std::optional<std::string>& only,
                       const std::function<void(std::string_view)>& write) {
    // One snapshot: an interaction written meanwhile could name a contact the
    // contacts list was read without, and the export would not restore.
    ReadSnapshot snapshot(store);
    if (only) {
        write_json_array(json_list(store, *only), "", write);
        write("\n");
        return;
    }
    const char* separator = "{\n";
    for (const char* name : {"contacts", "interactions", "knows", "intros"}) {
        write(fmt::format("{}  \"{}\": ", separator, name));
        write_json_array(json_list(store, name), "  ", write);
        separator = ",\n";
    }
    write("\n}\n");
}

std::string export_vcards(Store& store) {
    auto uids = assign_uids(store);
    auto extras = card_extras(store);
    std::string out;
    for (const auto& c : all_contacts(store)) {
        auto kept = extras.contains(c.id) ? parse_lines(extras[c.id]) : std::vector<CardLine>{};
        out += write_card(person_card(contact_fields(c), kept, uids[c.id], rev_text(rev_digits(c.updated_at))), "3.0");
    }
    return out;
}

}  // namespace rolo
