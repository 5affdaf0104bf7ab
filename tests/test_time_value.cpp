// The TIMEX3 value reader (include/eventloom/timex_value.hpp): every grain,
// the calendar's edges (leap years, ISO weeks across New Year, years before
// Boost's 1400) and what is not a value at all.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "eventloom/timex_value.hpp"

using namespace eventloom;
using F = TimexForm;
using G = TimexGrain;

namespace {

const char* form_name(TimexForm f) {
  switch (f) {
    case F::Invalid: return "invalid";
    case F::Calendar: return "calendar";
    case F::Partial: return "partial";
    case F::Reference: return "reference";
    case F::Duration: return "duration";
  }
  return "?";
}

struct Row {
  const char* value;
  TimexForm form;
  TimexGrain grain;   // Calendar and Partial only
  const char* first;  // Calendar only: "YYYY-MM-DD"
  const char* last;
};

void check(const Row& r) {
  INFO("value \"" << r.value << "\"");
  TimexValue t = parse_timex(r.value);
  CHECK(form_name(t.form) == std::string(form_name(r.form)));
  if (r.form == F::Calendar || r.form == F::Partial) CHECK(to_string(t.grain) == std::string(to_string(r.grain)));
  CHECK(t.first_iso() == r.first);
  CHECK(t.last_iso() == r.last);
  CHECK(t.calendar() == (r.form == F::Calendar));
  if (r.form != F::Calendar) {
    CHECK_FALSE(t.first());
    CHECK(t.days() == 0);
    return;
  }
  CHECK(t.days() == t.last_day - t.first_day + 1);
  // From 1400 on, Boost's dates are the same days.
  if (std::string(r.first) >= "1400") {
    REQUIRE(t.first());
    REQUIRE(t.last());
    CHECK(boost::gregorian::to_iso_extended_string(*t.first()) == r.first);
    CHECK(boost::gregorian::to_iso_extended_string(*t.last()) == r.last);
    CHECK(static_cast<long>(t.first()->day_number()) == t.first_day);
  } else {
    CHECK_FALSE(t.first());
  }
}

}  // namespace

TEST_CASE("every grain of a TIMEX3 value, with its first and last day") {
  const Row rows[] = {
      {"2025-02-12", F::Calendar, G::Day, "2025-02-12", "2025-02-12"},
      {"2025-02-12T14:00", F::Calendar, G::Day, "2025-02-12", "2025-02-12"},
      {"2025-02-12T14:00:30", F::Calendar, G::Day, "2025-02-12", "2025-02-12"},
      {"1987-03-03T24:00", F::Calendar, G::Day, "1987-03-03", "1987-03-03"},
      {"2025-02-12TNI", F::Calendar, G::Day, "2025-02-12", "2025-02-12"},
      {"2025-02-12TMO", F::Calendar, G::Day, "2025-02-12", "2025-02-12"},
      {"2025-W07-4", F::Calendar, G::Day, "2025-02-13", "2025-02-13"},
      {"2025-W07-WE", F::Calendar, G::Weekend, "2025-02-15", "2025-02-16"},
      {"2025-W07", F::Calendar, G::Week, "2025-02-10", "2025-02-16"},
      {"2025-02", F::Calendar, G::Month, "2025-02-01", "2025-02-28"},
      {"2025-02-XX", F::Calendar, G::Month, "2025-02-01", "2025-02-28"},  // some day of February
      {"2025-12", F::Calendar, G::Month, "2025-12-01", "2025-12-31"},
      {"2025-SP", F::Calendar, G::Season, "2025-03-01", "2025-05-31"},
      {"2025-SU", F::Calendar, G::Season, "2025-06-01", "2025-08-31"},
      {"2025-FA", F::Calendar, G::Season, "2025-09-01", "2025-11-30"},
      {"2025-WI", F::Calendar, G::Season, "2025-12-01", "2026-02-28"},
      {"2023-WI", F::Calendar, G::Season, "2023-12-01", "2024-02-29"},
      {"2025-Q1", F::Calendar, G::Quarter, "2025-01-01", "2025-03-31"},
      {"2025-Q2", F::Calendar, G::Quarter, "2025-04-01", "2025-06-30"},
      {"2025-Q4", F::Calendar, G::Quarter, "2025-10-01", "2025-12-31"},
      {"2025-H1", F::Calendar, G::Half, "2025-01-01", "2025-06-30"},
      {"2025-H2", F::Calendar, G::Half, "2025-07-01", "2025-12-31"},
      {"2025", F::Calendar, G::Year, "2025-01-01", "2025-12-31"},
      {"2025-XX", F::Calendar, G::Year, "2025-01-01", "2025-12-31"},  // some month of 2025
      {"2025-XX-XX", F::Calendar, G::Year, "2025-01-01", "2025-12-31"},
      {"2025-QX", F::Calendar, G::Year, "2025-01-01", "2025-12-31"},
      {"2025-HX", F::Calendar, G::Year, "2025-01-01", "2025-12-31"},
      {"1989-WXX", F::Calendar, G::Year, "1989-01-01", "1989-12-31"},  // "last week", unresolved
      {"2025-WXX-4", F::Calendar, G::Year, "2025-01-01", "2025-12-31"},
      {"2025-W07-X", F::Calendar, G::Week, "2025-02-10", "2025-02-16"},  // some day of week 7
      {"199", F::Calendar, G::Decade, "1990-01-01", "1999-12-31"},
      {"199X", F::Calendar, G::Decade, "1990-01-01", "1999-12-31"},
      {"202", F::Calendar, G::Decade, "2020-01-01", "2029-12-31"},
      {"19", F::Calendar, G::Century, "1900-01-01", "1999-12-31"},
      {"19XX", F::Calendar, G::Century, "1900-01-01", "1999-12-31"},
      {"20", F::Calendar, G::Century, "2000-01-01", "2099-12-31"},
      {"00", F::Calendar, G::Century, "0001-01-01", "0099-12-31"},  // there is no year 0
      // Years before Boost's 1400 are on the same calendar, without Boost dates.
      {"1066", F::Calendar, G::Year, "1066-01-01", "1066-12-31"},
      {"1066-10-14", F::Calendar, G::Day, "1066-10-14", "1066-10-14"},
      {"0001-01-01", F::Calendar, G::Day, "0001-01-01", "0001-01-01"},
      {"0001-W01", F::Calendar, G::Week, "0001-01-01", "0001-01-07"},  // 1 January 1 was a Monday
      {"10", F::Calendar, G::Century, "1000-01-01", "1099-12-31"},
      {"1399-12-31", F::Calendar, G::Day, "1399-12-31", "1399-12-31"},
      {"1400-01-01", F::Calendar, G::Day, "1400-01-01", "1400-01-01"},
      {"9999-12-31", F::Calendar, G::Day, "9999-12-31", "9999-12-31"},
      {"9999", F::Calendar, G::Year, "9999-01-01", "9999-12-31"},
      // The year left open: no days.
      {"XXXX", F::Partial, G::Year, "", ""},
      {"XXXX-XX", F::Partial, G::Month, "", ""},
      {"XXXX-06", F::Partial, G::Month, "", ""},
      {"XXXX-02-12", F::Partial, G::Day, "", ""},
      {"XXXX-02-29", F::Partial, G::Day, "", ""},  // exists in a leap year
      {"XXXX-XX-XX", F::Partial, G::Day, "", ""},
      {"XXXX-XX-XXTNI", F::Partial, G::Day, "", ""},
      {"XXXX-WXX", F::Partial, G::Week, "", ""},
      {"XXXX-WXX-4", F::Partial, G::Day, "", ""},
      {"XXXX-WXX-4T14:00", F::Partial, G::Day, "", ""},
      {"XXXX-WXX-WE", F::Partial, G::Weekend, "", ""},
      {"XXXX-Q1", F::Partial, G::Quarter, "", ""},
      {"XXXX-H2", F::Partial, G::Half, "", ""},
      {"XXXX-SU", F::Partial, G::Season, "", ""},
      {"PRESENT_REF", F::Reference, G::Day, "", ""},
      {"PAST_REF", F::Reference, G::Day, "", ""},
      {"FUTURE_REF", F::Reference, G::Day, "", ""},
      {"P3Y", F::Duration, G::Day, "", ""},
      {"P2Y6M", F::Duration, G::Day, "", ""},
      {"PT5H30M", F::Duration, G::Day, "", ""},
      {"P1DT12H", F::Duration, G::Day, "", ""},
      {"P1.5D", F::Duration, G::Day, "", ""},
      {"PXD", F::Duration, G::Day, "", ""},
      {"P1DE", F::Duration, G::Day, "", ""},
      {"PXWE", F::Duration, G::Day, "", ""},
      {"P2CE", F::Duration, G::Day, "", ""},
      {"PXQ", F::Duration, G::Day, "", ""},
  };
  for (const Row& r : rows) check(r);
}

TEST_CASE("leap years: Boost's calendar, before 1400 too") {
  const Row rows[] = {
      {"2024-02-29", F::Calendar, G::Day, "2024-02-29", "2024-02-29"},
      {"2000-02-29", F::Calendar, G::Day, "2000-02-29", "2000-02-29"},
      {"1600-02-29", F::Calendar, G::Day, "1600-02-29", "1600-02-29"},
      {"1200-02-29", F::Calendar, G::Day, "1200-02-29", "1200-02-29"},
      {"2024-02", F::Calendar, G::Month, "2024-02-01", "2024-02-29"},
      {"1900-02", F::Calendar, G::Month, "1900-02-01", "1900-02-28"},
      {"2023-02-29", F::Invalid, G::Day, "", ""},
      {"1900-02-29", F::Invalid, G::Day, "", ""},
      {"2100-02-29", F::Invalid, G::Day, "", ""},
      {"1300-02-29", F::Invalid, G::Day, "", ""},
  };
  for (const Row& r : rows) check(r);
  CHECK(parse_timex("2024").days() == 366);
  CHECK(parse_timex("2023").days() == 365);
  CHECK(parse_timex("1900").days() == 365);
  CHECK(parse_timex("2000").days() == 366);
  CHECK(parse_timex("2024-Q1").days() == 91);
  CHECK(parse_timex("2023-Q1").days() == 90);
  CHECK(parse_timex("2024-H2").days() == 184);
  CHECK(parse_timex("2024-W10").days() == 7);
  CHECK(parse_timex("2024-W10-WE").days() == 2);
  CHECK(parse_timex("199").days() == 3652);
}

TEST_CASE("ISO weeks across New Year: week 1 holds January 4th, some years have a week 53") {
  const Row rows[] = {
      {"2020-W01", F::Calendar, G::Week, "2019-12-30", "2020-01-05"},
      {"2020-W53", F::Calendar, G::Week, "2020-12-28", "2021-01-03"},
      {"2021-W01", F::Calendar, G::Week, "2021-01-04", "2021-01-10"},
      {"2021-W52", F::Calendar, G::Week, "2021-12-27", "2022-01-02"},
      {"2019-W01", F::Calendar, G::Week, "2018-12-31", "2019-01-06"},
      {"2025-W01", F::Calendar, G::Week, "2024-12-30", "2025-01-05"},
      {"2015-W53", F::Calendar, G::Week, "2015-12-28", "2016-01-03"},
      {"2026-W53", F::Calendar, G::Week, "2026-12-28", "2027-01-03"},
      {"2004-W53", F::Calendar, G::Week, "2004-12-27", "2005-01-02"},
      {"2020-W53-WE", F::Calendar, G::Weekend, "2021-01-02", "2021-01-03"},
      {"2020-W01-1", F::Calendar, G::Day, "2019-12-30", "2019-12-30"},
      {"2021-W53", F::Invalid, G::Week, "", ""},
      {"2025-W53", F::Invalid, G::Week, "", ""},
      {"2024-W00", F::Invalid, G::Week, "", ""},
      {"2024-W54", F::Invalid, G::Week, "", ""},
  };
  for (const Row& r : rows) check(r);
  // The year of a week is the one written, not its first day's.
  TimexValue w = parse_timex("2020-W01");
  CHECK(w.year == 2020);
  CHECK(w.week == 1);
}

TEST_CASE("what is not a TIMEX3 value, or names no real day, is invalid") {
  for (const char* bad :
       {"", "2024-13", "2024-00", "2024-02-30", "2024-04-31", "2024-02-00", "2024-02-32", "XXXX-13", "XXXX-02-30",
        "XXXX-04-31", "0000", "0000-01-01", "yesterday", "garbage", "X", "XX", "XXX", "19X", "1X", "2024-6",
        "2024-06-1", "2024-06-123", "24-06-01", "2024/06", "20240601", " 2024", "2024 ", "2024-", "2024--01",
        "-2024", "2024-06-01T", "2024-06-01T25:00", "2024-06-01T12:60", "2024-06-01Tfoo", "2024-06-01x",
        "2024-06-01 12:00", "2024-W7", "2024-W07-0", "2024-W07-8", "2024-W07-WX", "2024-WXX-4T10:00", "2024-W07-XTNI",
        "2024-Q0", "2024-Q5", "2024-H0", "2024-H3", "2024-XY", "2024-SPR", "2025-02-XXTNI", "2025-XX-12",
        "9999-WI", "P", "PT", "P3", "P3YT", "PT3D", "P3H", "P.5Y", "PACIFIC", "PRESENT", "PRESENT_REFX",
        "present_ref", "2024-02-12\n", "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94"}) {
    INFO("value \"" << bad << "\"");
    TimexValue t = parse_timex(bad);
    CHECK(t.form == F::Invalid);
    CHECK_FALSE(t.valid());
    CHECK(t.first_iso().empty());
    CHECK_FALSE(t.first());
  }
}

TEST_CASE("what a value names: its fields") {
  TimexValue d = parse_timex("2025-02-12T14:00");
  CHECK((d.year == 2025 && d.month == 2 && d.day == 12 && d.time && d.week == 0));
  TimexValue p = parse_timex("XXXX-02-12");
  CHECK((p.year == 0 && p.month == 2 && p.day == 12 && !p.time));
  TimexValue wd = parse_timex("XXXX-WXX-4");
  CHECK((wd.weekday == 4 && wd.week == 0 && wd.month == 0));
  CHECK(parse_timex("2025-Q3").part == 3);
  CHECK(parse_timex("2025-H2").part == 2);
  CHECK(parse_timex("2025-WI").part == 4);
  CHECK(parse_timex("199").year == 1990);
  CHECK(parse_timex("19").year == 1900);
  // A calendar stretch of at most a year dates an item; a decade does not.
  CHECK(parse_timex("2025").concrete());
  CHECK(parse_timex("2025-W07").concrete());
  CHECK_FALSE(parse_timex("199").concrete());
  CHECK_FALSE(parse_timex("19").concrete());
  CHECK_FALSE(parse_timex("XXXX-02-12").concrete());
  CHECK_FALSE(parse_timex("PRESENT_REF").concrete());
}

TEST_CASE("day numbers run on across Boost's 1400 and read back") {
  CHECK(parse_timex("1400-01-01").first_day - parse_timex("1399-12-31").first_day == 1);
  CHECK(parse_timex("1400").first_day - parse_timex("1000").first_day == 146097);  // 400 years
  for (const char* day : {"0001-01-01", "0004-02-29", "1066-10-14", "1399-12-31", "1400-01-01", "2024-02-29", "9999-12-31"}) {
    INFO(day);
    TimexValue t = parse_timex(day);
    CHECK(iso_day(t.first_day) == day);
    YearMonthDay ymd = year_month_day(t.first_day);
    CHECK((ymd.year == t.year && ymd.month == t.month && ymd.day == t.day));
  }
  CHECK(iso_day(parse_timex("9999-12-31").first_day + 1).empty());
  CHECK(year_month_day(parse_timex("0001-01-01").first_day - 1).year == 0);
}

TEST_CASE("every year and every ISO week follows the one before, and agrees with Boost") {
  auto year = [](int y) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d", y);
    return std::string(b);
  };
  long last_day = parse_timex("0001").first_day - 1, last_week_end = parse_timex("0001-W01").first_day - 1;
  for (int y = 1; y <= 9999; ++y) {
    TimexValue t = parse_timex(year(y));
    REQUIRE(t.calendar());
    REQUIRE(t.first_day == last_day + 1);
    last_day = t.last_day;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    REQUIRE(t.days() == (leap ? 366 : 365));
    TimexValue w53 = parse_timex(year(y) + "-W53");
    int weeks = w53.calendar() ? 53 : 52;
    if (y == 9999) break;  // its last week ends in 10000
    for (int w = 1; w <= weeks; ++w) {
      char b[32];
      std::snprintf(b, sizeof b, "%04d-W%02d", y, w);
      TimexValue wk = parse_timex(b);
      REQUIRE(wk.calendar());
      REQUIRE(wk.first_day == last_week_end + 1);
      last_week_end = wk.last_day;
      if (auto d = wk.first(); d && (w == 1 || w == weeks)) {
        REQUIRE(d->day_of_week().as_number() == 1);  // a Monday
        REQUIRE(static_cast<int>(d->week_number()) == w);
      }
    }
  }
}

TEST_CASE("plain calendar dates, as typed on the command line or stored") {
  CHECK(parse_calendar_date("2024")->last_iso() == "2024-12-31");
  CHECK(parse_calendar_date("2024-02")->last_iso() == "2024-02-29");
  CHECK(parse_calendar_date("2024-02-29")->first_iso() == "2024-02-29");
  CHECK(parse_calendar_date("1066")->first_iso() == "1066-01-01");
  for (const char* bad : {"2024-W07", "2024-Q1", "2024-02-XX", "2024-XX", "2024-02-12T10:00", "199", "XXXX", "2023-02-29",
                          "2024-W07-4", "PRESENT_REF", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_calendar_date(bad));
  }
  CHECK(parse_iso_day("2024-02-29") == boost::gregorian::date(2024, 2, 29));
  CHECK_FALSE(parse_iso_day("2024-02"));
  CHECK_FALSE(parse_iso_day("1066-10-14"));  // before Boost's calendar
  CHECK_FALSE(parse_iso_day("2024-02-29T10:00"));
}

TEST_CASE("random and mutated values never throw, and every calendar value has consistent days") {
  // Seeded, so a failure repeats: strings over the characters values are
  // made of, and one-character changes of real values.
  std::mt19937 rng(20250212);
  const std::string alphabet = "0123456789-XWQHTPSUFAIENOMDYRC_:.";
  const std::vector<std::string> real = {"2025-02-12", "2025-02-12T14:00", "2025-W07-WE", "2025-W07-4", "2020-W53",
                                         "2025-Q1", "2025-H2", "2023-WI", "199X", "19", "XXXX-WXX-4", "PRESENT_REF",
                                         "P2Y6M", "PT5H30M", "1066-10-14", "9999-12-31", "0001-01-01", "2025-02-XX"};
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  for (int i = 0; i < 200000; ++i) {
    std::string v;
    if (i % 2) {
      v = real[pick(real.size())];
      v[pick(v.size())] = alphabet[pick(alphabet.size())];
      if (i % 7 == 0) v.insert(pick(v.size() + 1), 1, alphabet[pick(alphabet.size())]);
      if (i % 11 == 0) v.erase(pick(v.size()), 1);
    } else {
      for (size_t n = pick(14); n-- > 0;) v += alphabet[pick(alphabet.size())];
    }
    INFO("value \"" << v << "\"");
    TimexValue t;
    REQUIRE_NOTHROW(t = parse_timex(v));
    if (!t.calendar()) {
      REQUIRE(t.first_iso().empty());
      REQUIRE(t.days() == 0);
      continue;
    }
    REQUIRE(t.first_day <= t.last_day);
    REQUIRE(parse_timex(t.first_iso()).first_day == t.first_day);  // the first day reads back
    REQUIRE(parse_timex(t.last_iso()).first_day == t.last_day);
    if (auto d = t.first()) REQUIRE(static_cast<long>(d->day_number()) == t.first_day);
  }
}
