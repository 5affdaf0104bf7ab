// The one reader of TIMEX3 values ("2025-02-12", "2025-W07-WE", "2025-H2",
// "199", "XXXX-WXX-4", "PRESENT_REF", "P3Y"): what a value names, at which
// grain, and which days of the calendar it covers.
//
// Everything that reads a value's date (the graph's days, the timeline's
// spans, the event merging, the command line's --from/--to, the tagger's
// "that day") goes through parse_timex(), so the calendar (leap years, month
// lengths, ISO weeks) is Boost.DateTime's, checked in one place.
//
// Days are numbered as Boost numbers them (date::day_number(), the Julian
// day). Boost's calendar starts in 1400; an earlier year (a value names years
// 1 to 9999) is read 400 years later, where the Gregorian calendar repeats
// itself day for day and weekday for weekday, and its day numbers are moved
// back by the 146097 days of those 400 years. Such days have no Boost date:
// first() and last() are empty for them, their numbers and ISO text are not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace eventloom {

// How long a stretch a value names, shortest first.
enum class TimexGrain : uint8_t { Day, Weekend, Week, Month, Season, Quarter, Half, Year, Decade, Century };
const char* to_string(TimexGrain g);  // "day", "weekend", "week", ...

enum class TimexForm : uint8_t {
  Invalid,    // not a TIMEX3 value, or no real one: "", "2024-13", "2023-02-29", "2021-W53", "XXXX-02-30"
  Calendar,   // days of the calendar: "2025-02-12", "2025-02-12T14:00", "2025-W07", "2025-Q1", "199", "19"
  Partial,    // the year left open: "XXXX", "XXXX-02-12", "XXXX-WXX-4", "XXXX-XX-XXTNI", "XXXX-Q1"
  Reference,  // "PRESENT_REF", "PAST_REF", "FUTURE_REF"
  Duration,   // "P3Y", "P2Y6M", "PT5H30M", "PXD", "P1DE"
};

struct TimexValue {
  TimexForm form = TimexForm::Invalid;
  TimexGrain grain = TimexGrain::Day;  // for Calendar and Partial values
  bool time = false;  // a time of day follows the day: "T14:00", "TNI"
  // What the value names, 0 where it names nothing. `year`: the year
  // written (a week's ISO year; a decade's or century's first year: "199" is
  // 1990, "19" is 1900); 0 when open. `month` and `day` as written
  // ("2025-02-12"; "XXXX-02-12"); `week` and `weekday` (1 Monday .. 7 Sunday)
  // of an ISO week ("2025-W07-4", "XXXX-WXX-4"); `part` the quarter or half
  // (1..4, 1..2) or season (1 spring, 2 summer, 3 autumn, 4 winter).
  int year = 0, month = 0, day = 0, week = 0, weekday = 0, part = 0;
  // Calendar values: the first and the last day covered, inclusive, as day
  // numbers (see above).
  long first_day = 0, last_day = 0;

  bool valid() const { return form != TimexForm::Invalid; }
  bool calendar() const { return form == TimexForm::Calendar; }
  // A calendar value of at most a year: one an item can be dated by. A
  // decade or a century is too long a stretch to place an item on.
  bool concrete() const { return calendar() && grain <= TimexGrain::Year; }
  long days() const { return calendar() ? last_day - first_day + 1 : 0; }  // how many days it covers
  // The first and last day as Boost dates: empty unless a calendar value, and
  // for days before 1400.
  std::optional<boost::gregorian::date> first() const;
  std::optional<boost::gregorian::date> last() const;
  // "YYYY-MM-DD" of the first and last day (sortable as text); empty unless
  // a calendar value.
  std::string first_iso() const;
  std::string last_iso() const;
};

TimexValue parse_timex(std::string_view value);

// A plain calendar date as a person types one: "YYYY", "YYYY-MM" or
// "YYYY-MM-DD" and nothing else (no week, quarter, time or X); nullopt for
// anything else or a day that does not exist.
std::optional<TimexValue> parse_calendar_date(std::string_view s);
// A day written exactly "YYYY-MM-DD", as a Boost date (so from 1400 on).
std::optional<boost::gregorian::date> parse_iso_day(std::string_view s);

// The year, month and day of a day number (as TimexValue numbers days, for
// years 1 to 9999), and its ISO text "YYYY-MM-DD".
struct YearMonthDay {
  int year = 0, month = 0, day = 0;
};
YearMonthDay year_month_day(long day_number);
std::string iso_day(long day_number);

}  // namespace eventloom
