// LinkedIn's Connections.csv: a "Notes:" preamble, then the header, found by its names.
#include "import_rows.hpp"

#include "rolo/csv.hpp"
#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

namespace rolo {
namespace {

const std::vector<std::string> linkedin_header = {"First Name", "Last Name", "URL", "Email Address",
                                                  "Company", "Position", "Connected On"};
// Positions in linkedin_header.
enum LinkedInColumn : std::size_t { first_name, last_name, url, email_address, company, position, connected_on };

bool is_linkedin_header(const CsvRecord& record) {
    return record.fields.size() >= 2 && trim_view(record.fields[0]) == "First Name" &&
           trim_view(record.fields[1]) == "Last Name";
}

}  // namespace

RowSource linkedin_rows(std::string_view text, const std::string& source) {
    CsvReader reader(text);
    CsvRecord record;
    std::size_t width = 0;
    std::array<std::optional<std::size_t>, 7> column;  // where each of linkedin_header is, if anywhere
    while (!width && reader.next(record)) {
        if (!is_linkedin_header(record)) continue;  // the "Notes:" preamble
        width = record.fields.size();
        for (std::size_t i = 0; i < width; ++i) {
            auto name = std::find(linkedin_header.begin(), linkedin_header.end(), trim_view(record.fields[i]));
            if (name != linkedin_header.end()) column[static_cast<std::size_t>(name - linkedin_header.begin())] = i;
        }
    }
    if (!width) throw Error(fmt::format("{}:1: no LinkedIn header ({})", source, join(linkedin_header, ",")));
    return [reader, record, width, column](ImportRow& row) mutable {
        auto field = [&](LinkedInColumn c) {
            return column[c] ? trim_view(record.fields[*column[c]]) : std::string_view();
        };
        do {
            if (!reader.next(record)) return false;
        } while (blank(record));
        fill_row(row, record.line, text_problem(record.text), [&](ContactChange& change) {
            if (record.fields.size() != width)
                throw Error(fmt::format("expected {} fields, found {}", width, record.fields.size()));
            auto first = field(first_name), last = field(last_name);
            if (first.empty() && last.empty()) throw Error("no name");
            std::string name(first);
            if (!first.empty() && !last.empty()) name += ' ';
            change.name = name.append(last);
            set_trimmed(change.call_name, std::string(first));
            set_trimmed(change.linkedin_url, field(url));
            set_trimmed(change.email, field(email_address));
            set_trimmed(change.company, field(company));
            set_trimmed(change.title, field(position));
            change.connected = true;
            if (auto on = field(connected_on); !on.empty()) {
                auto date = parse_connected_on(on);
                if (!date) throw Error(fmt::format("bad Connected On date '{}'", on));
                change.connected_on = date;
            }
        });
        return true;
    };
}

std::optional<Date> parse_connected_on(std::string_view text) {
    // Parsed in place: an import reads one of these per row.
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (auto iso = parse_iso_date(text)) return iso;
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    auto first_space = text.find(' ');
    auto last_space = text.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space) return std::nullopt;
    std::string_view day_text = text.substr(0, first_space);
    std::string_view month_text = text.substr(first_space + 1, last_space - first_space - 1);
    std::string_view year_text = text.substr(last_space + 1);
    if (month_text.size() < 3) return std::nullopt;
    auto month = std::find_if(months.begin(), months.end(), [&](std::string_view name) {
        return std::equal(name.begin(), name.end(), month_text.begin(),
                          [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b); });
    });
    if (month == months.end()) return std::nullopt;
    unsigned day = 0;
    int year = 0;
    auto [d_end, d_ec] = std::from_chars(day_text.data(), day_text.data() + day_text.size(), day);
    auto [y_end, y_ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (d_ec != std::errc{} || y_ec != std::errc{} || d_end != day_text.data() + day_text.size() ||
        y_end != year_text.data() + year_text.size() || year_text.size() != 4)
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{year},
                                    std::chrono::month{static_cast<unsigned>(month - months.begin() + 1)},
                                    std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

}  // namespace rolo
