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

std::string render_delimited(const Table& table, std::string (*field)(std::string_view), char separator) {
    std::string out;
    auto line = [&](auto&& cells, auto&& text_of) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += separator;
            out += field(text_of(cells[i]));
        }
        out += '\n';
    };
    line(table.columns, [](const std::string& name) { return name; });
    for (const auto& row : table.rows) line(row, cell_text);
    return out;
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

std::string render_aligned(const Table& table, bool color) {
    std::vector<std::vector<std::string>> cells;
    std::vector<std::vector<std::size_t>> cell_widths;
    cells.reserve(table.rows.size());
    std::vector<std::size_t> widths(table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) widths[i] = display_width(table.columns[i]);
    for (const auto& row : table.rows) {
        auto& texts = cells.emplace_back();
        auto& text_widths = cell_widths.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) {
            auto [text, width] = terminal_cell(cell_text(row[i]), table.highlights, color);
            texts.push_back(std::move(text));
            text_widths.push_back(width);
            widths[i] = std::max(widths[i], width);
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

std::string render(const Table& table, Format format, bool color) {
    switch (format) {
    case Format::tsv: return render_delimited(table, tsv_field, '\t');
    case Format::csv: return render_delimited(table, csv_field, ',');
    case Format::json: return table_json(table).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
    case Format::table: return render_aligned(table, color);
    }
    return {};
}

nlohmann::ordered_json table_json(const Table& table) {
    auto array = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
        auto object = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < table.columns.size() && i < row.size(); ++i)
            object[table.columns[i]] = cell_json(row[i]);
        array.push_back(std::move(object));
    }
    return array;
}

std::string render_ids(const Table& table) {
    std::string out;
    for (const auto& row : table.rows)
        if (!row.empty()) out += cell_text(row.front()) + '\n';
    return out;
}

}  // namespace rolo
