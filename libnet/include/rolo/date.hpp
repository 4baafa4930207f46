#pragma once
// Dates and durations as the spec defines them. A Date is a calendar day;
// relative forms ("tomorrow", "friday", "2w", "-3d") are resolved against an
// explicit `today` so that --today / ROLO_TODAY can freeze time.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rolo {

using Date = std::chrono::sys_days;

// An amount of calendar time: `3d`, `2w`, `6m`, `1y`.
struct Duration {
    int count = 0;
    char unit = 'd';  // one of d w m y
    bool operator==(const Duration&) const = default;
};

// Strict YYYY-MM-DD with a real calendar day; nothing else.
std::optional<Date> parse_iso_date(std::string_view text);

// Which way a weekday name points: the next one (never today), for a plan or
// a deadline; or the most recent one (today if it is that day), for
// something that happened.
enum class Weekday { next, last };

// Any date form the CLI accepts, offsets ("2w", "-3d") counted from today;
// throws Error naming the text when it is not one, or when the offset leaves
// 0000-01-01..9999-12-31.
Date parse_date(std::string_view text, Date today, Weekday sense = Weekday::next);

// `3d 2w 6m 1y` (non-negative); throws Error naming the text.
Duration parse_duration(std::string_view text);

// Calendar arithmetic: months and years clamp to the end of a shorter month
// (2024-01-31 + 1m = 2024-02-29). A result outside 0000-01-01..9999-12-31
// throws Error: rolo stores dates as YYYY-MM-DD.
Date add(Date date, Duration duration, int sign = 1);

// A duration as a whole number of days, for cadences stored in days:
// d=1, w=7, m=30, y=365.
int duration_days(Duration duration);

// Days as the shortest exact duration text: 14 -> "2w", 30 -> "30d".
std::string format_days(int days);

// A keep-in-touch interval: `30d`, or an ideal and a maximum, `4w..6w`.
struct Every {
    int days = 0;                  // ideal
    std::optional<int> max_days;   // maximum, when a window is given
    bool operator==(const Every&) const = default;
};

// "" and "0" (in any unit) mean no cadence; throws Error naming the text.
std::optional<Every> parse_every(std::string_view text);

// "30d", "2w..6w"
std::string format_every(const Every& every);

std::string format_date(Date date);

int days_between(Date from, Date to);

// How long ago (or ahead) a date is, as people say it: "today", "yesterday",
// "5 days ago", "3 weeks ago", "4 months ago", "2 years ago", "tomorrow",
// "in 2 weeks". Whole units, rounded down.
std::string relative_date(Date date, Date today);

// English names, as written in a sentence: "January", "Sunday".
std::string_view month_name(std::chrono::month month);
std::string_view weekday_name(std::chrono::weekday day);

// The real current UTC date.
Date system_today();

// "YYYY-MM-DD HH:MM:SS": rolo's `today` with the real UTC time of day, so
// that frozen-time runs still store plausible creation stamps.
std::string timestamp(Date today);

}  // namespace rolo
