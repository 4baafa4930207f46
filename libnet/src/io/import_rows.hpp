#pragma once
// The one interface of the importers of people: each source format
// (import_linkedin.cpp, import_csv.cpp, import_vcard.cpp,
// import_address_book.cpp) turns its text into a RowSource of ContactChanges,
// and import.cpp's ContactUpsert writes them all the same way.
#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/import.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rolo {

// Reads the next row of a file into its argument; false at the end.
using RowSource = std::function<bool(ImportRow&)>;

// Row-level problems are thrown as Error inside a row and caught into it.
// The row is reused from one line to the next.
template <typename Fill>
void fill_row(ImportRow& row, int line, std::string_view problem, Fill fill) {
    row.line = line;
    row.change = {};
    row.error.clear();
    row.uid.clear();
    row.id.reset();
    row.location.clear();
    row.card_extra.reset();
    try {
        if (!problem.empty()) throw Error(std::string(problem));
        fill(row.change);
        if (row.change.name && trim_view(*row.change.name).empty()) row.change.name.reset();
    } catch (const Error& e) {
        row.error = e.what();
    }
}

// Sets a field the file gives (trimmed); an empty value leaves it untouched.
inline void set_trimmed(std::optional<std::string>& field, std::string_view value) {
    if (auto text = trim_view(value); !text.empty()) field = text;
}

// LinkedIn's Connections.csv. Throws Error "FILE:1: ..." without its header.
RowSource linkedin_rows(std::string_view text, const std::string& source);

// CSV whose header names rolo's fields; unknown columns are warned about.
RowSource csv_rows(std::string_view text, const std::string& source, Date today, std::vector<std::string>& warnings);

// A JSON list of people (`ls --format json`, `export --format json --what
// contacts`); throws Error "FILE: ..." for text that is not one.
RowSource json_rows(std::string_view text, const std::string& source, Date today);

// vCard 3 and 4; throws Error "line N: ..." for a card never ended.
RowSource vcard_rows(std::string_view text);

// The CSV and vCard readers name only a line; give it the file too.
template <typename Read>
auto naming_file(const std::string& source, Read&& read) {
    try {
        return read();
    } catch (const Error& e) {
        std::string message = e.what();
        if (message.starts_with("line ")) throw Error(source + ":" + message.substr(5));
        throw;
    }
}

inline bool blank(const CsvRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const std::string& f) { return trim_view(f).empty(); });
}

}  // namespace rolo
