#pragma once
// The output layer every listing shares: one Table, rendered as an aligned
// table for people or as tsv, csv or json for programs. Column order is the
// order the command declares, and it is part of rolo's interface.
#include "rolo/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rolo {

// null, a flag, a whole number, a score, text, or a list (tags): json keeps
// the types; the text formats write a score with three decimals and a list
// joined by ';'.
using Cell = std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

// In a Table with `highlights`, text cells mark parts to highlight (a
// search's matches) between these two: bold in a table on a colour terminal,
// dropped from a plain one. Other formats take the cell as it is, so strip
// them first.
inline constexpr char highlight_start = '\x02';
inline constexpr char highlight_end = '\x03';

enum class Style { plain, warn, alert };  // alert: red, warn: yellow, on a colour terminal only

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<Style> row_styles;  // optional, parallel to rows
    // Columns a table too wide for the terminal leaves out, in this order,
    // before it shortens any text.
    std::vector<std::string> droppable = {};
    bool highlights = false;        // cells hold highlight_start .. highlight_end marks

    void add_row(std::vector<Cell> row, Style style = Style::plain);
};

enum class Format { table, tsv, csv, json };

// Throws Error for anything but table, tsv, csv, json.
Format parse_format(std::string_view name);

// tsv escapes backslash, tab, newline and carriage return as \\ \t \n \r; csv
// follows RFC 4180 (quotes where needed, LF line ends); json is an array of
// objects keyed by column; table aligns columns by display width, one line a
// row, its cells passed through terminal_text, flags as yes/no. A table wider
// than `width` columns (when not 0) drops its droppable columns, then
// shortens the widest text with "…"; the other formats ignore `width`.
std::string render(const Table& table, Format format, bool color, std::size_t width = 0);

// The same text as render, a piece at a time, for tsv, csv and json (an
// aligned table needs every row's width first): a listing of any length then
// holds one row in memory. `first` is true for the first row only.
std::string render_head(const std::vector<std::string>& columns, Format format);
std::string render_row(const std::vector<std::string>& columns, const std::vector<Cell>& row, Format format,
                       bool first);
std::string render_tail(Format format, bool empty);

// The table as a json array of objects, keys in column order.
nlohmann::ordered_json table_json(const Table& table);

// How rolo writes json: indented by two, invalid UTF-8 replaced, a final newline.
std::string json_text(const nlohmann::ordered_json& value);

// The first column of every row, one per line: what -q prints.
std::string render_ids(const Table& table);

std::string csv_field(std::string_view text);
std::string tsv_field(std::string_view text);

// OWASP's rule against CSV formula injection: text that begins with = + - @,
// tab or CR, after any number of ', gains one more ' in front, so that a
// spreadsheet shows it as text instead of running it as a formula.
std::string guard_formula(std::string_view text);

// Undoes guard_formula as a spreadsheet reads such a cell: drops one leading '
// from text that guard_formula would have guarded.
void unguard_formula(std::string& text);

// The table with guard_formula applied to its text and list cells.
Table with_formulas_guarded(Table table);

// A cell as plain text (lists joined by ';', null as empty, flags as 1/0).
std::string cell_text(const Cell& cell);

// Empty text and absent dates are null cells.
Cell text_cell(const std::string& value);
Cell date_cell(const std::optional<Date>& value);

}  // namespace rolo
