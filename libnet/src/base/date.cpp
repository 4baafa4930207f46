#include "rolo/date.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <array>
#include <charconv>
#include <utility>

#include <fmt/format.h>

namespace rolo {
namespace {

using namespace std::chrono;

// Dates are stored as YYYY-MM-DD: arithmetic may not leave the years that spells.
Date checked(Date date) {
    year_month_day ymd{date};
    if (ymd.year() < year{0} || ymd.year() > year{9999}) throw Error("it falls outside 0000-01-01..9999-12-31");
    return date;
}

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::optional<Duration> try_duration(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    char unit = text.back();
    if (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') return std::nullopt;
    std::string_view digits = text.substr(0, text.size() - 1);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    auto count = parse_int(digits);
    // A century bounds every useful offset and keeps date arithmetic in range.
    constexpr int max_days = 36600;
    if (!count || *count > max_days || duration_days({*count, unit}) > max_days) return std::nullopt;
    return Duration{*count, unit};
}

std::optional<Date> try_relative(std::string_view text, Date today) {
    if (text.empty()) return std::nullopt;
    int sign = 1;
    std::string_view rest = text;
    if (rest.front() == '-' || rest.front() == '+') {
        sign = rest.front() == '-' ? -1 : 1;
        rest.remove_prefix(1);
    }
    auto duration = try_duration(rest);
    if (!duration) return std::nullopt;
    return add(today, *duration, sign);
}

std::optional<Date> try_weekday(std::string_view text, Date today, Weekday sense) {
    if (text.size() < 3) return std::nullopt;
    for (unsigned i = 0; i < 7; ++i) {
        if (fold(weekday_name(weekday{i})).starts_with(text)) {
            if (sense == Weekday::last) return checked(today - (weekday{today} - weekday{i}));
            // "friday" is the next Friday, never today.
            auto ahead = (weekday{i} - weekday{today}).count();
            return checked(today + days{ahead == 0 ? 7 : ahead});
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = parse_int(text.substr(0, 4));
    auto m = parse_int(text.substr(5, 2));
    auto d = parse_int(text.substr(8, 2));
    if (!y || !m || !d || text.substr(0, 4).find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

Date parse_date(std::string_view text, Date today, Weekday sense) {
    std::string word = fold(trim(text));
    if (auto date = parse_iso_date(word)) return *date;
    if (word == "today") return today;
    try {
        if (word == "yesterday") return checked(today - days{1});
        if (word == "tomorrow") return checked(today + days{1});
        if (auto date = try_relative(word, today)) return *date;
        if (auto date = try_weekday(word, today, sense)) return *date;
    } catch (const Error& e) {
        throw Error(fmt::format("bad date '{}' (from {}): {}", text, format_date(today), e.what()));
    }
    throw Error(fmt::format(
        "bad date '{}': expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, or an offset like 2w or -3d",
        text));
}

Duration parse_duration(std::string_view text) {
    if (auto duration = try_duration(fold(trim(text)))) return *duration;
    throw Error(fmt::format("bad duration '{}': expected a number and a unit, like 3d, 2w, 6m or 1y", text));
}

Date add(Date date, Duration duration, int sign) {
    int n = duration.count * sign;
    switch (duration.unit) {
    case 'd': return checked(date + days{n});
    case 'w': return checked(date + days{7 * n});
    default: break;
    }
    year_month_day ymd{date};
    year_month shifted = year_month{ymd.year(), ymd.month()} +
                         months{duration.unit == 'y' ? 12 * n : n};
    auto last = year_month_day_last{shifted.year(), month_day_last{shifted.month()}}.day();
    return checked(sys_days{year_month_day{shifted.year(), shifted.month(), std::min(ymd.day(), last)}});
}

int duration_days(Duration duration) {
    switch (duration.unit) {
    case 'w': return 7 * duration.count;
    case 'm': return 30 * duration.count;
    case 'y': return 365 * duration.count;
    default: return duration.count;
    }
}

std::string format_days(int days_count) {
    if (days_count > 0 && days_count % 7 == 0) return fmt::format("{}w", days_count / 7);
    return fmt::format("{}d", days_count);
}

std::optional<Every> parse_every(std::string_view text) {
    std::string word = trim(text);
    if (word.empty() || word == "0") return std::nullopt;
    auto dots = word.find("..");
    Every every;
    every.days = duration_days(parse_duration(word.substr(0, dots)));
    if (dots != std::string::npos) {
        every.max_days = duration_days(parse_duration(word.substr(dots + 2)));
        if (*every.max_days < every.days || every.days == 0)
            throw Error(fmt::format("bad cadence '{}': expected IDEAL..MAXIMUM with IDEAL at least a day and "
                                    "no more than MAXIMUM, like 4w..6w", text));
    }
    if (every.days == 0) return std::nullopt;
    return every;
}

std::string format_every(const Every& every) {
    if (!every.max_days) return format_days(every.days);
    return fmt::format("{}..{}", format_days(every.days), format_days(*every.max_days));
}

std::string relative_date(Date date, Date today) {
    int days = days_between(date, today);
    if (days == 0) return "today";
    if (days == 1) return "yesterday";
    if (days == -1) return "tomorrow";
    int span = days < 0 ? -days : days;
    auto [count, unit] = span < 14    ? std::pair{span, "day"}
                         : span < 60  ? std::pair{span / 7, "week"}
                         : span < 365 ? std::pair{span / 30, "month"}
                                      : std::pair{span / 365, "year"};
    std::string amount = fmt::format("{} {}{}", count, unit, count == 1 ? "" : "s");
    return days > 0 ? amount + " ago" : "in " + amount;
}

std::string format_date(Date date) {
    // Written by hand: bulk imports format a date for every row.
    year_month_day ymd{date};
    int y = static_cast<int>(ymd.year());
    unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    std::string text = "0000-00-00";
    for (int i = 3; i >= 0; --i, y /= 10) text[i] = static_cast<char>('0' + y % 10);
    text[5] = static_cast<char>('0' + m / 10);
    text[6] = static_cast<char>('0' + m % 10);
    text[8] = static_cast<char>('0' + d / 10);
    text[9] = static_cast<char>('0' + d % 10);
    return text;
}

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

std::string_view month_name(std::chrono::month month) {
    static constexpr std::array<std::string_view, 12> names = {"January", "February", "March",     "April",
                                                               "May",     "June",     "July",      "August",
                                                               "September", "October", "November", "December"};
    return names.at(static_cast<unsigned>(month) - 1);
}

std::string_view weekday_name(std::chrono::weekday day) {
    static constexpr std::array<std::string_view, 7> names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                              "Thursday", "Friday", "Saturday"};
    return names.at(day.c_encoding());
}

Date system_today() { return floor<days>(system_clock::now()); }

std::string timestamp(Date today) {
    auto now = system_clock::now();
    auto time_of_day = hh_mm_ss{floor<seconds>(now - floor<days>(now))};
    return fmt::format("{} {:02}:{:02}:{:02}", format_date(today), time_of_day.hours().count(),
                       time_of_day.minutes().count(), time_of_day.seconds().count());
}

}  // namespace rolo
