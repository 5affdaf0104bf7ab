// Calendar arithmetic for making TIMEX3 values on Boost.DateTime, with every
// result range-checked: a value is produced only for years 1..9999, so no
// input ("year 99999", "10,000 years ago", "February 30") can throw or give
// an absurd date. Reading a value is eventloom/timex_value.hpp's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace eventloom::timex {

using boost::gregorian::date;

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

bool valid_year(long y);
// The date, if (y, m, d) is a real day.
std::optional<date> make_date(long y, long m, long d);
std::optional<date> add_days(const date& d, long n);
// 1 Monday .. 7 Sunday.
int iso_weekday(const date& d);
// The same weekday on or before (after) `d`.
date weekday_on_or_before(const date& d, int weekday);
date weekday_on_or_after(const date& d, int weekday);
// The nth (1-based; -1: last) weekday of a month.
std::optional<date> nth_weekday(int year, int month, int nth, int weekday);

std::string fmt_year(long y);               // "1998"
std::string fmt_month(long y, long m);      // "1998-01"
std::string fmt_day(const date& d);         // "1998-01-08"
std::string fmt_week(const date& d);        // ISO week: "1998-W02"
std::string fmt_quarter(long y, int q);     // "1998-Q3"

}  // namespace eventloom::timex
