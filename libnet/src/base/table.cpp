#include "rolo/table.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rolo {
namespace {

constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view red = "\x1b[31m";
constexpr std::string_view yellow = "\x1b[33m";
constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view normal_weight = "\x1b[22m";  // ends bold, keeps a row's colour

nlohmann::ordered_json cell_json(const Cell& cell) {
    return std::visit(
        [](const auto& value) -> nlohmann::ordered_json {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return nullptr;
            else
                return value;
        },
        cell);
}

std::string delimited_line(const std::vector<std::string>& texts, std::string (*field)(std::string_view),
                           char separator) {
    std::string out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i) out += separator;
        out += field(texts[i]);
    }
    return out + '\n';
}

std::vector<std::string> cell_texts(const std::vector<Cell>& row) {
    std::vector<std::string> texts;
    texts.reserve(row.size());
    for (const auto& cell : row) texts.push_back(cell_text(cell));
    return texts;
}

nlohmann::ordered_json row_json(const std::vector<std::string>& columns, const std::vector<Cell>& row) {
    auto object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) object[columns[i]] = cell_json(row[i]);
    return object;
}

// A cell as shown: on one line, sending nothing to the terminal but text,
// and, with `highlights`, its marked parts in bold on a colour terminal.
// Returns the text and the columns it takes.
std::pair<std::string, std::size_t> terminal_cell(std::string_view text, bool highlights, bool color) {
    std::pair<std::string, std::size_t> cell;
    constexpr std::string_view marks = {"\x02\x03", 2};
    for (std::size_t at = 0;;) {
        std::size_t next = highlights ? text.find_first_of(marks, at) : std::string_view::npos;
        std::string piece = terminal_text(text.substr(at, next == std::string_view::npos ? next : next - at), true);
        cell.second += display_width(piece);
        cell.first += piece;
        if (next == std::string_view::npos) return cell;
        if (color) cell.first += text[next] == highlight_start ? bold : normal_weight;
        at = next + 1;
    }
}

// A table cell as a person reads it: flags as yes/no, and text as
// terminal_cell shows it without colour, highlight marks left out.
std::string table_cell_text(const Cell& cell, bool highlights) {
    if (const bool* flag = std::get_if<bool>(&cell)) return *flag ? "yes" : "no";
    return terminal_cell(cell_text(cell), highlights, false).first;
}

std::size_t line_width(const std::vector<std::size_t>& widths) {
    std::size_t total = 0;
    for (std::size_t width : widths) total += width;
    return widths.empty() ? 0 : total + 2 * (widths.size() - 1);
}

// Narrows the widest text columns a column at a time until the line fits
// `limit` or none can give more (a column keeps its header, and at least 4).
void shrink_to(std::vector<std::size_t>& widths, const std::vector<std::size_t>& least, std::size_t limit) {
    while (line_width(widths) > limit) {
        std::size_t widest = widths.size();
        for (std::size_t i = 0; i < widths.size(); ++i)
            if (widths[i] > least[i] && (widest == widths.size() || widths[i] > widths[widest])) widest = i;
        if (widest == widths.size()) return;
        --widths[widest];
    }
}

std::string render_aligned(Table table, bool color, std::size_t limit) {
    std::vector<std::vector<std::string>> cells;
    auto measure = [&] {
        cells.clear();
        std::vector<std::size_t> widths(table.columns.size());
        for (std::size_t i = 0; i < table.columns.size(); ++i) widths[i] = display_width(table.columns[i]);
        for (const auto& row : table.rows) {
            auto& texts = cells.emplace_back();
            for (std::size_t i = 0; i < row.size(); ++i) {
                texts.push_back(table_cell_text(row[i], table.highlights));
                widths[i] = std::max(widths[i], display_width(texts.back()));
            }
        }
        return widths;
    };
    std::vector<std::size_t> widths = measure();
    // Too wide for the terminal: first drop what matters least, then shorten text.
    for (const auto& name : table.droppable) {
        if (!limit || line_width(widths) <= limit) break;
        auto found = std::find(table.columns.begin(), table.columns.end(), name);
        if (found == table.columns.end()) continue;
        auto index = found - table.columns.begin();
        table.columns.erase(found);
        for (auto& row : table.rows) row.erase(row.begin() + index);
        widths = measure();
    }
    if (limit && line_width(widths) > limit) {
        std::vector<std::size_t> least(widths.size());
        for (std::size_t i = 0; i < widths.size(); ++i)
            least[i] = std::min(widths[i], std::max<std::size_t>(display_width(table.columns[i]), 4));
        shrink_to(widths, least, limit);
        for (auto& texts : cells)
            for (std::size_t i = 0; i < texts.size(); ++i) texts[i] = fit_width(texts[i], widths[i]);
    }
    std::vector<std::vector<std::size_t>> cell_widths;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        auto& text_widths = cell_widths.emplace_back();
        for (std::size_t i = 0; i < cells[r].size(); ++i) {
            text_widths.push_back(display_width(cells[r][i]));
            // Bold matches only in text shown whole: a shortened cell may have cut a mark.
            if (table.highlights && color && std::holds_alternative<std::string>(table.rows[r][i]) &&
                text_widths.back() == display_width(table_cell_text(table.rows[r][i], true)))
                cells[r][i] = terminal_cell(cell_text(table.rows[r][i]), true, true).first;
        }
    }
    auto is_number = [&](std::size_t column) {
        if (table.rows.empty()) return false;
        const Cell& cell = table.rows.front()[column];
        return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<double>(cell);
    };
    std::string out;
    auto line = [&](const std::vector<std::string>& texts, const std::vector<std::size_t>& text_widths,
                    std::string_view style) {
        std::string text;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            std::size_t pad = widths[i] - text_widths[i];
            bool last = i + 1 == texts.size();
            if (i) text += "  ";
            if (is_number(i)) text.append(pad, ' ');
            text += texts[i];
            if (!is_number(i) && !last) text.append(pad, ' ');
        }
        text.erase(text.find_last_not_of(' ') + 1);
        if (color && !style.empty())
            out += fmt::format("{}{}{}\n", style, text, reset);
        else
            out += text + '\n';
    };
    std::vector<std::size_t> column_widths;
    for (const auto& name : table.columns) column_widths.push_back(display_width(name));
    line(table.columns, column_widths, bold);
    for (std::size_t r = 0; r < cells.size(); ++r) {
        Style style = r < table.row_styles.size() ? table.row_styles[r] : Style::plain;
        line(cells[r], cell_widths[r], style == Style::alert ? red : style == Style::warn ? yellow : std::string_view{});
    }
    return out;
}

}  // namespace

void Table::add_row(std::vector<Cell> row, Style style) {
    rows.push_back(std::move(row));
    row_styles.resize(rows.size() - 1, Style::plain);
    row_styles.push_back(style);
}

Format parse_format(std::string_view name) {
    if (name == "table") return Format::table;
    if (name == "tsv") return Format::tsv;
    if (name == "csv") return Format::csv;
    if (name == "json") return Format::json;
    throw Error(fmt::format("unknown format '{}': expected table, tsv, csv or json", name));
}

Cell text_cell(const std::string& value) {
    if (value.empty()) return std::monostate{};
    return value;
}

Cell date_cell(const std::optional<Date>& value) {
    if (!value) return std::monostate{};
    return format_date(*value);
}

std::string cell_text(const Cell& cell) {
    return std::visit(
        [](const auto& value) -> std::string {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return {};
            else if constexpr (std::is_same_v<T, bool>)
                return value ? "1" : "0";
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return std::to_string(value);
            else if constexpr (std::is_same_v<T, double>)
                return fmt::format("{:.3f}", value);
            else if constexpr (std::is_same_v<T, std::string>)
                return value;
            else
                return join(value, ";");
        },
        cell);
}

std::string csv_field(std::string_view text) {
    bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                        (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs_quotes) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

namespace {

bool starts_formula(std::string_view text) {
    std::size_t start = text.find_first_not_of('\'');
    return start != std::string_view::npos && std::string_view("=+-@\t\r").find(text[start]) != std::string_view::npos;
}

}  // namespace

std::string guard_formula(std::string_view text) {
    return starts_formula(text) ? "'" + std::string(text) : std::string(text);
}

void unguard_formula(std::string& text) {
    if (text.starts_with('\'') && starts_formula(text)) text.erase(0, 1);
}

Table with_formulas_guarded(Table table) {
    for (auto& row : table.rows)
        for (auto& cell : row) {
            if (auto* text = std::get_if<std::string>(&cell)) *text = guard_formula(*text);
            if (auto* list = std::get_if<std::vector<std::string>>(&cell); list && !list->empty())
                list->front() = guard_formula(list->front());
        }
    return table;
}

std::string tsv_field(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

std::string render_head(const std::vector<std::string>& columns, Format format) {
    switch (format) {
    case Format::tsv: return delimited_line(columns, tsv_field, '\t');
    case Format::csv: return delimited_line(columns, csv_field, ',');
    case Format::json: return "[";
    case Format::table: break;
    }
    throw Error("an aligned table cannot be written a row at a time");
}

std::string render_row(const std::vector<std::string>& columns, const std::vector<Cell>& row, Format format,
                       bool first) {
    switch (format) {
    case Format::tsv: return delimited_line(cell_texts(row), tsv_field, '\t');
    case Format::csv: return delimited_line(cell_texts(row), csv_field, ',');
    case Format::json: {
        // The object as an element of an array dumped with indent 2, without
        // the array's own brackets.
        auto one = nlohmann::ordered_json::array({row_json(columns, row)});
        std::string text = one.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        return (first ? "\n" : ",\n") + text.substr(2, text.size() - 4);
    }
    case Format::table: break;
    }
    throw Error("an aligned table cannot be written a row at a time");
}

std::string render_tail(Format format, bool empty) {
    if (format != Format::json) return {};
    return empty ? "]\n" : "\n]\n";
}

std::string render(const Table& table, Format format, bool color, std::size_t width) {
    if (format == Format::table) return render_aligned(table, color, width);
    std::string out = render_head(table.columns, format);
    for (std::size_t r = 0; r < table.rows.size(); ++r) out += render_row(table.columns, table.rows[r], format, r == 0);
    return out + render_tail(format, table.rows.empty());
}

std::string json_text(const nlohmann::ordered_json& value) {
    return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

nlohmann::ordered_json table_json(const Table& table) {
    auto array = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) array.push_back(row_json(table.columns, row));
    return array;
}

std::string render_ids(const Table& table) {
    std::string out;
    for (const auto& row : table.rows)
        if (!row.empty()) out += cell_text(row.front()) + '\n';
    return out;
}

}  // namespace rolo
