#include "rolo/date.hpp"
#include "rolo/error.hpp"

#include <doctest/doctest.h>

using namespace rolo;

namespace {
Date d(const char* text) { return parse_iso_date(text).value(); }
std::string s(Date date) { return format_date(date); }
}  // namespace

TEST_CASE("ISO dates are strict") {
    CHECK(s(d("2026-11-24")) == "2026-11-24");
    CHECK(parse_iso_date("2024-02-29"));
    CHECK_FALSE(parse_iso_date("2026-02-29"));  // not a leap year
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-00-10"));
    CHECK_FALSE(parse_iso_date("2026-04-31"));
    CHECK_FALSE(parse_iso_date("2026-4-1"));
    CHECK_FALSE(parse_iso_date("26-11-24xx"));
    CHECK_FALSE(parse_iso_date("+026-11-24"));
    CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("relative dates resolve against today") {
    Date today = d("2026-11-24");  // a Tuesday
    CHECK(s(parse_date("today", today)) == "2026-11-24");
    CHECK(s(parse_date("Yesterday", today)) == "2026-11-23");
    CHECK(s(parse_date("tomorrow", today)) == "2026-11-25");
    CHECK(s(parse_date("3d", today)) == "2026-11-27");
    CHECK(s(parse_date("-2w", today)) == "2026-11-10");
    CHECK(s(parse_date("+1m", today)) == "2026-12-24");
    CHECK(s(parse_date("1y", today)) == "2027-11-24");
    CHECK(s(parse_date(" 2026-01-05 ", today)) == "2026-01-05");
}

TEST_CASE("weekday names mean the next one, never today") {
    Date tuesday = d("2026-11-24");
    CHECK(s(parse_date("friday", tuesday)) == "2026-11-27");
    CHECK(s(parse_date("tue", tuesday)) == "2026-12-01");
    CHECK(s(parse_date("Monday", tuesday)) == "2026-11-30");
    CHECK_THROWS_AS(parse_date("fr", tuesday), Error);  // too short to be sure
}

TEST_CASE("for something that happened, a weekday name is the most recent one, today included") {
    Date tuesday = d("2026-11-24");
    CHECK(s(parse_date("wednesday", tuesday, Weekday::last)) == "2026-11-18");
    CHECK(s(parse_date("mon", tuesday, Weekday::last)) == "2026-11-23");
    CHECK(s(parse_date("tuesday", tuesday, Weekday::last)) == "2026-11-24");
    CHECK(s(parse_date("2026-12-01", tuesday, Weekday::last)) == "2026-12-01");  // a date is a date
    CHECK_THROWS_AS(parse_date("sunday", d("0000-01-01"), Weekday::last), Error);
}

TEST_CASE("bad dates name the text") {
    Date today = d("2026-11-24");
    for (const char* bad : {"", "soon", "2026-02-30", "3x", "d", "--2w", "2w3d", "99999999999d", "1000y"}) {
        CAPTURE(bad);
        try {
            parse_date(bad, today);
            FAIL("accepted a bad date");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find(std::string("'") + bad + "'") != std::string::npos);
        }
    }
}

TEST_CASE("month arithmetic clamps to month end") {
    CHECK(s(add(d("2026-01-31"), {1, 'm'})) == "2026-02-28");
    CHECK(s(add(d("2024-01-31"), {1, 'm'})) == "2024-02-29");
    CHECK(s(add(d("2024-02-29"), {1, 'y'})) == "2025-02-28");
    CHECK(s(add(d("2026-03-31"), {1, 'm'}, -1)) == "2026-02-28");
    CHECK(s(add(d("2026-12-15"), {1, 'm'})) == "2027-01-15");
    CHECK(s(add(d("2026-01-15"), {13, 'm'}, -1)) == "2024-12-15");
    CHECK(s(add(d("2026-12-31"), {1, 'd'})) == "2027-01-01");
    CHECK(s(add(d("2024-02-28"), {1, 'd'})) == "2024-02-29");
}

TEST_CASE("date arithmetic never leaves 0000-01-01..9999-12-31") {
    CHECK(s(add(d("9999-12-30"), {1, 'd'})) == "9999-12-31");
    CHECK(s(add(d("0000-01-02"), {1, 'd'}, -1)) == "0000-01-01");
    CHECK_THROWS_AS(add(d("9999-12-31"), {2, 'w'}), Error);
    CHECK_THROWS_AS(add(d("9999-12-31"), {1, 'm'}), Error);
    CHECK_THROWS_AS(add(d("0000-01-01"), {1, 'y'}, -1), Error);
    CHECK_THROWS_WITH(parse_date("2w", d("9999-12-31")),
                      "bad date '2w' (from 9999-12-31): it falls outside 0000-01-01..9999-12-31");
    CHECK_THROWS_AS(parse_date("-3d", d("0000-01-01")), Error);
    CHECK_THROWS_AS(parse_date("tomorrow", d("9999-12-31")), Error);
    CHECK_THROWS_AS(parse_date("yesterday", d("0000-01-01")), Error);
    CHECK_THROWS_AS(parse_date("friday", d("9999-12-31")), Error);
}

TEST_CASE("durations") {
    CHECK(parse_duration("3d") == Duration{3, 'd'});
    CHECK(parse_duration("2W") == Duration{2, 'w'});
    CHECK(parse_duration("0d") == Duration{0, 'd'});
    CHECK(duration_days(parse_duration("6m")) == 180);
    CHECK(duration_days(parse_duration("1y")) == 365);
    CHECK(duration_days(parse_duration("2w")) == 14);
    CHECK_THROWS_AS(parse_duration("-2w"), Error);
    CHECK_THROWS_AS(parse_duration("2"), Error);
    CHECK_THROWS_AS(parse_duration("w"), Error);
    CHECK_THROWS_AS(parse_duration("2 weeks"), Error);
    CHECK(format_days(14) == "2w");
    CHECK(parse_every("4w..6w") == Every{28, 42});
    CHECK(parse_every("30d") == Every{30, {}});
    CHECK(format_every(Every{28, 42}) == "4w..6w");
    CHECK_FALSE(parse_every(""));
    CHECK_FALSE(parse_every("0"));
    CHECK_FALSE(parse_every("0w"));
    CHECK(parse_every("2w..2w") == Every{14, 14});
    CHECK_THROWS_AS(parse_every("6w..4w"), Error);
    CHECK_THROWS_AS(parse_every("0d..4w"), Error);
    CHECK_THROWS_AS(parse_every("4w.."), Error);
    CHECK_THROWS_AS(parse_every("..4w"), Error);
    CHECK(format_days(30) == "30d");
    CHECK(days_between(d("2026-11-01"), d("2026-11-24")) == 23);
}

TEST_CASE("relative_date says how long ago, in whole units") {
    Date today = *parse_iso_date("2026-11-24");
    auto ago = [&](int days) { return relative_date(today - std::chrono::days{days}, today); };
    CHECK(ago(0) == "today");
    CHECK(ago(1) == "yesterday");
    CHECK(ago(-1) == "tomorrow");
    CHECK(ago(5) == "5 days ago");
    CHECK(ago(13) == "13 days ago");
    CHECK(ago(21) == "3 weeks ago");
    CHECK(ago(7 * 8) == "8 weeks ago");
    CHECK(ago(90) == "3 months ago");
    CHECK(ago(400) == "1 year ago");
    CHECK(ago(800) == "2 years ago");
    CHECK(ago(-14) == "in 2 weeks");
}
