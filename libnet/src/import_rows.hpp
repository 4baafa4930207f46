#pragma once
// What the readers of import.cpp and import_address_book.cpp share: a row
// source, and how a row is filled.
#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/import.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <functional>

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
    try {
        if (!problem.empty()) throw Error(std::string(problem));
        fill(row.change);
        if (row.change.name && trim_view(*row.change.name).empty()) row.change.name.reset();
    } catch (const Error& e) {
        row.error = e.what();
    }
}

inline bool blank(const CsvRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const std::string& f) { return trim_view(f).empty(); });
}

}  // namespace rolo
