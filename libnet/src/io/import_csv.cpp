// CSV whose header names rolo's fields (what `rolo export` writes).
#include "import_rows.hpp"

#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/fields.hpp"
#include "rolo/table.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace rolo {
namespace {

// The id column of rolo's own export; anything else is no id.
std::optional<std::int64_t> parse_id(std::string_view text) {
    text = trim_view(text);
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

}  // namespace

RowSource csv_rows(std::string_view text, const std::string& source, Date today,
                   std::vector<std::string>& warnings) {
    CsvReader reader(text);
    CsvRecord header;
    if (!reader.next(header) || blank(header)) throw Error(fmt::format("{}:1: no header line", source));
    // Our own export's bookkeeping columns are known, and ignored.
    static const std::vector<std::string> ignored = {"created_at", "updated_at"};
    std::vector<const ContactField*> setters;  // per column; null for columns not read
    std::vector<std::string> unknown;
    std::vector<std::string> read;  // the columns read, so far
    std::optional<std::size_t> first, last, id;
    bool has_name = false;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = fold(trim_view(header.fields[i]));
        if (name == "first_name" || name == "last_name") name.resize(name.size() - 5);  // first, last
        setters.push_back(find_field(name));
        bool is_read = setters.back() || name == "first" || name == "last";
        // Two columns for one field would leave which of them counts to chance.
        if (is_read && std::find(read.begin(), read.end(), name) != read.end())
            throw Error(fmt::format("{}:{}: two columns for {}", source, header.line, name));
        if (is_read) read.push_back(name);
        has_name = has_name || name == "name";
        if (name == "first") first = i;
        else if (name == "last") last = i;
        else if (name == "id") id = i;
        else if (!setters.back() && std::find(ignored.begin(), ignored.end(), name) == ignored.end())
            unknown.push_back(trim(header.fields[i]));
    }
    if (!unknown.empty())
        warnings.push_back(fmt::format("{}: unknown columns ignored: {}", source, join(unknown, ", ")));
    if (!has_name && !first && !last)
        throw Error(fmt::format("{}:{}: the header needs a name column (or first and last)", source, header.line));
    return [reader, record = CsvRecord(), setters, first, last, id, today](ImportRow& row) mutable {
        do {
            if (!reader.next(record)) return false;
        } while (blank(record));
        fill_row(row, record.line, text_problem(record.text), [&](ContactChange& change) {
            if (record.fields.size() != setters.size())
                throw Error(fmt::format("expected {} fields, found {}", setters.size(), record.fields.size()));
            // Read as a spreadsheet reads them, which is how rolo's export writes them.
            for (auto& field : record.fields) unguard_formula(field);
            // A cell is the field as written, spaces and all; an empty one leaves the field as it is.
            for (std::size_t i = 0; i < setters.size(); ++i)
                if (setters[i] && !record.fields[i].empty()) setters[i]->set(change, record.fields[i], today);
            if (!change.name && (first || last))
                set_trimmed(change.name, (first ? trim(record.fields[*first]) : "") + " " +
                                          (last ? trim(record.fields[*last]) : ""));
        });
        if (id && *id < record.fields.size()) row.id = parse_id(record.fields[*id]);
        return true;
    };
}

}  // namespace rolo
