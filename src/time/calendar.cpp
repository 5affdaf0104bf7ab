#include "time/calendar.hpp"

#include <cstdio>

namespace eventloom::timex {

bool valid_year(long y) { return y >= kMinYear && y <= kMaxYear; }

std::optional<date> make_date(long y, long m, long d) {
  if (!valid_year(y) || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (y < 1400) return std::nullopt;  // Boost's calendar starts at 1400
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                     static_cast<unsigned short>(m));
  if (d > last) return std::nullopt;
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

std::optional<date> add_days(const date& d, long n) {
  if (n > 3000000 || n < -3000000) return std::nullopt;
  long jd = static_cast<long>(d.julian_day()) + n;
  // Boost's range: 1400-01-01 .. 9999-12-31.
  static const long lo = static_cast<long>(date(1400, 1, 1).julian_day());
  static const long hi = static_cast<long>(date(9999, 12, 31).julian_day());
  if (jd < lo || jd > hi) return std::nullopt;
  return d + boost::gregorian::days(n);
}

int iso_weekday(const date& d) {
  int w = d.day_of_week().as_number();  // 0 Sunday
  return w == 0 ? 7 : w;
}

date weekday_on_or_before(const date& d, int weekday) {
  int back = (iso_weekday(d) - weekday + 7) % 7;
  auto r = add_days(d, -back);
  return r ? *r : d;
}

date weekday_on_or_after(const date& d, int weekday) {
  int fwd = (weekday - iso_weekday(d) + 7) % 7;
  auto r = add_days(d, fwd);
  return r ? *r : d;
}

std::optional<date> nth_weekday(int year, int month, int nth, int weekday) {
  if (nth > 0) {
    auto first = make_date(year, month, 1);
    if (!first) return std::nullopt;
    date d = weekday_on_or_after(*first, weekday);
    auto r = add_days(d, 7L * (nth - 1));
    if (!r || r->month() != month) return std::nullopt;
    return r;
  }
  auto first = make_date(year, month, 1);
  if (!first) return std::nullopt;
  auto last = make_date(year, month, first->end_of_month().day());
  if (!last) return std::nullopt;
  return weekday_on_or_before(*last, weekday);
}

std::string fmt_year(long y) {
  char b[16];
  std::snprintf(b, sizeof b, "%04ld", y);
  return b;
}

std::string fmt_month(long y, long m) {
  char b[24];
  std::snprintf(b, sizeof b, "%04ld-%02ld", y, m);
  return b;
}

std::string fmt_day(const date& d) {
  char b[24];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                static_cast<int>(d.day()));
  return b;
}

std::string fmt_week(const date& d) {
  // The ISO year is the year of the week's Thursday.
  auto thu = add_days(d, 4 - iso_weekday(d));
  int y = thu ? static_cast<int>(thu->year()) : static_cast<int>(d.year());
  char b[24];
  std::snprintf(b, sizeof b, "%04d-W%02d", y, static_cast<int>(d.week_number()));
  return b;
}

std::string fmt_quarter(long y, int q) {
  char b[24];
  std::snprintf(b, sizeof b, "%04ld-Q%d", y, q);
  return b;
}

}  // namespace eventloom::timex
