// The one reader of TIMEX3 values: see include/eventloom/timex_value.hpp.
//
// A value is read left to right: a reference or a duration; a decade or a
// century; else a year ("2025", "XXXX") and what follows it: "-MM[-DD]",
// "-Wnn[-D|-WE]", "-Qn", "-Hn", "-SP/SU/FA/WI", with "X" for what is open,
// and a time of day after a day. The days it covers are then computed with
// Boost.DateTime, which refuses what does not exist ("2023-02-29",
// "2021-W53").
#include "eventloom/timex_value.hpp"

#include <cstdio>

namespace eventloom {
namespace {

namespace greg = boost::gregorian;

constexpr int kCycleYears = 400;
constexpr long kCycleDays = 146097;  // 400 Gregorian years: 20871 whole weeks

// A year moved by whole 400-year cycles into 1401..9998, where Boost also
// has the year before and the year after it (an ISO week, a winter).
struct Frame {
  int cycles = 0;
  explicit Frame(int year) {
    if (year < 1401) cycles = (1401 - year + kCycleYears - 1) / kCycleYears;
    else if (year > 9998) cycles = -1;
  }
  unsigned short year(int y) const { return static_cast<unsigned short>(y + kCycleYears * cycles); }
  greg::date date(int y, int m, int d) const {
    return greg::date(year(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
  }
  long number(const greg::date& d) const { return static_cast<long>(d.day_number()) - kCycleDays * cycles; }
  int days_in_month(int y, int m) const {
    return greg::gregorian_calendar::end_of_month_day(year(y), static_cast<unsigned short>(m));
  }
};

long boost_first_day() {
  static const long n = static_cast<long>(greg::date(1400, 1, 1).day_number());
  return n;
}
long first_day_of_calendar() {  // 0001-01-01
  static const long n = Frame(1).number(Frame(1).date(1, 1, 1));
  return n;
}
long last_day_of_calendar() {  // 9999-12-31
  static const long n = static_cast<long>(greg::date(9999, 12, 31).day_number());
  return n;
}

int iso_weekday(const greg::date& d) {
  int w = d.day_of_week().as_number();  // 0 Sunday
  return w == 0 ? 7 : w;
}

// The Monday of ISO week 1 of `year`: the week that holds January 4th.
long week_one(const Frame& f, int year) {
  greg::date jan4 = f.date(year, 1, 4);
  return f.number(jan4) - (iso_weekday(jan4) - 1);
}

int weeks_in(const Frame& f, int year) { return week_one(f, year + 1) - week_one(f, year) == 371 ? 53 : 52; }

// The digits v[at, at + n) as a number; -1 when any is not a digit.
int number(std::string_view v, size_t at, size_t n) {
  if (v.size() < at + n) return -1;
  int x = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (v[i] < '0' || v[i] > '9') return -1;
    x = x * 10 + (v[i] - '0');
  }
  return x;
}

bool all_x(std::string_view v) { return !v.empty() && v.find_first_not_of('X') == std::string_view::npos; }

// What follows the "T" of a day: a part of the day or a clock time.
bool time_of_day(std::string_view t) {
  for (std::string_view part : {"MO", "MI", "AF", "EV", "NI", "DT"})
    if (t == part) return true;
  if (t.size() != 2 && t.size() != 5 && t.size() != 8) return false;
  int hh = number(t, 0, 2);
  if (hh < 0 || hh > 24) return false;
  for (size_t at = 2; at < t.size(); at += 3) {
    int x = t[at] == ':' ? number(t, at + 1, 2) : -1;
    if (x < 0 || x > (at == 2 ? 59 : 60)) return false;
  }
  return true;
}

// "P3Y", "P2Y6M", "PT5H30M", "P1.5D", "PXD", "P1DE", "PXWE": amounts (digits,
// maybe a fraction, or X) with their units, the clock units after a "T".
bool duration(std::string_view v) {
  size_t i = 1;
  bool clock = false, any = false;
  while (i < v.size()) {
    if (v[i] == 'T' && !clock) {
      clock = true;
      if (++i == v.size()) return false;
      continue;
    }
    if (v[i] == 'X') {
      ++i;
    } else {
      size_t from = i;
      while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
      if (i == from) return false;
      if (i < v.size() && v[i] == '.') {
        size_t frac = ++i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
        if (i == frac) return false;
      }
    }
    std::string_view rest = v.substr(i);
    size_t unit = 0;
    if (clock) {
      if (!rest.empty() && (rest[0] == 'H' || rest[0] == 'M' || rest[0] == 'S')) unit = 1;
    } else if (rest.substr(0, 2) == "DE" || rest.substr(0, 2) == "CE" || rest.substr(0, 2) == "WE") {
      unit = 2;
    } else if (!rest.empty() && std::string_view("YMWDQ").find(rest[0]) != std::string_view::npos) {
      unit = 1;
    }
    if (!unit) return false;
    i += unit;
    any = true;
  }
  return any;
}

// The parts after the year. Each field is 0 when absent, -1 when written
// with X; `grain` is the shape: what the value names.
struct Shape {
  TimexGrain grain = TimexGrain::Year;
  int month = 0, day = 0, week = 0, weekday = 0, part = 0;
  bool time = false;
};

// Reads "-MM[-DD][Ttime]", "-Wnn[-D[Ttime]|-WE]", "-Qn", "-Hn", "-SP" (X for
// a digit part left open); false when `rest` is none of these.
bool read_shape(std::string_view rest, Shape& s) {
  if (rest.empty()) return true;
  if (rest[0] != '-' || rest.size() < 3) return false;
  std::string_view r = rest.substr(1);
  auto field = [&](std::string_view x, int lo, int hi, int& out) {
    if (all_x(x)) {
      out = -1;
      return true;
    }
    int n = number(x, 0, x.size());  // -1, below any `lo`, when not digits
    if (n < lo || n > hi) return false;
    out = n;
    return true;
  };
  // A day may be followed by a time of day.
  auto time = [&](std::string_view after) {
    if (after.empty()) return true;
    if (after[0] != 'T' || !time_of_day(after.substr(1))) return false;
    s.time = true;
    return true;
  };
  if (r.size() == 2 && (r[0] == 'Q' || r[0] == 'H')) {
    s.grain = r[0] == 'Q' ? TimexGrain::Quarter : TimexGrain::Half;
    return field(r.substr(1), 1, r[0] == 'Q' ? 4 : 2, s.part);
  }
  static const std::string_view kSeasons[] = {"SP", "SU", "FA", "WI"};
  for (int k = 0; k < 4; ++k)
    if (r == kSeasons[k]) {
      s.grain = TimexGrain::Season;
      s.part = k + 1;
      return true;
    }
  if (r[0] == 'W') {
    s.grain = TimexGrain::Week;
    if (r.size() < 3 || !field(r.substr(1, 2), 1, 53, s.week)) return false;
    std::string_view after = r.substr(3);
    if (after.empty()) return true;
    if (after == "-WE") {
      s.grain = TimexGrain::Weekend;
      return true;
    }
    if (after.size() < 2 || after[0] != '-' || !field(after.substr(1, 1), 1, 7, s.weekday)) return false;
    s.grain = TimexGrain::Day;
    return time(after.substr(2));
  }
  s.grain = TimexGrain::Month;
  if (!field(r.substr(0, 2), 1, 12, s.month)) return false;
  std::string_view after = r.substr(2);
  if (after.empty()) return true;
  if (after.size() < 3 || after[0] != '-' || !field(after.substr(1, 2), 1, 31, s.day)) return false;
  s.grain = TimexGrain::Day;
  return time(after.substr(3));
}

// What a value of a known year with open parts stands for: the stretch
// around them ("2025-02-XX": February; "2025-W07-X": week 7; "2025-XX",
// "2025-WXX", "2025-QX": the year). False when it names nothing
// ("2025-XX-12") or a time follows an open day ("2025-02-XXTNI").
bool close_open_parts(Shape& s) {
  const bool open_day = s.month < 0 || s.day < 0 || s.week < 0 || s.weekday < 0;
  if (s.grain == TimexGrain::Day && s.time && open_day) return false;
  if (s.month < 0 && s.day > 0) return false;
  if (s.month < 0 || s.week < 0 || s.part < 0) s = Shape{};  // the year
  else if (s.day < 0) s.grain = TimexGrain::Month;
  else if (s.weekday < 0) s.grain = TimexGrain::Week;
  return true;
}

// The days of a value whose year is written, or false when it has none.
bool place(TimexValue& t, Shape s) {
  if (!close_open_parts(s)) return false;
  const Frame f(t.year);
  const int y = t.year;
  long first = 0, last = 0;
  auto months = [&](int from, int count) {  // `count` months from month `from` of year y
    first = f.number(f.date(y, from, 1));
    int m = from + count - 1, yy = y + (m - 1) / 12;
    m = (m - 1) % 12 + 1;
    last = f.number(f.date(yy, m, f.days_in_month(yy, m)));
  };
  if (s.week > 0 && s.week > weeks_in(f, y)) return false;
  const long monday = s.week > 0 ? week_one(f, y) + 7L * (s.week - 1) : 0;
  switch (s.grain) {
    case TimexGrain::Day:
      if (s.week > 0) {  // "2025-W07-4"
        first = last = monday + (s.weekday - 1);
      } else {
        if (s.day > f.days_in_month(y, s.month)) return false;
        first = last = f.number(f.date(y, s.month, s.day));
      }
      break;
    case TimexGrain::Week:
      first = monday;
      last = monday + 6;
      break;
    case TimexGrain::Weekend:  // Saturday and Sunday
      first = monday + 5;
      last = monday + 6;
      break;
    case TimexGrain::Month: months(s.month, 1); break;
    case TimexGrain::Quarter: months((s.part - 1) * 3 + 1, 3); break;
    case TimexGrain::Half: months((s.part - 1) * 6 + 1, 6); break;
    case TimexGrain::Season: months(s.part * 3, 3); break;  // spring from March, winter from December
    default: months(1, 12); break;
  }
  if (first < first_day_of_calendar() || last > last_day_of_calendar()) return false;
  t.grain = s.grain;
  t.first_day = first;
  t.last_day = last;
  return true;
}

// "199", "199X": a decade; "19", "19XX": a century.
bool decade_or_century(std::string_view v, TimexValue& t) {
  int n = -1;
  bool century = false;
  if (v.size() == 2 || v.size() == 3) {
    n = number(v, 0, v.size());
    century = v.size() == 2;
  } else if (v.size() == 4 && v.substr(2) == "XX") {
    n = number(v, 0, 2);
    century = true;
  } else if (v.size() == 4 && v[3] == 'X') {
    n = number(v, 0, 3);
  }
  if (n < 0) return false;
  int from = century ? n * 100 : n * 10, to = from + (century ? 99 : 9);
  if (from == 0) from = 1;  // there is no year 0
  t.form = TimexForm::Calendar;
  t.grain = century ? TimexGrain::Century : TimexGrain::Decade;
  t.year = from;
  t.first_day = Frame(from).number(Frame(from).date(from, 1, 1));
  t.last_day = Frame(to).number(Frame(to).date(to, 12, 31));
  return true;
}

}  // namespace

const char* to_string(TimexGrain g) {
  switch (g) {
    case TimexGrain::Day: return "day";
    case TimexGrain::Weekend: return "weekend";
    case TimexGrain::Week: return "week";
    case TimexGrain::Month: return "month";
    case TimexGrain::Season: return "season";
    case TimexGrain::Quarter: return "quarter";
    case TimexGrain::Half: return "half";
    case TimexGrain::Year: return "year";
    case TimexGrain::Decade: return "decade";
    case TimexGrain::Century: return "century";
  }
  return "day";
}

TimexValue parse_timex(std::string_view v) {
  TimexValue t;
  if (v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF") {
    t.form = TimexForm::Reference;
    return t;
  }
  if (!v.empty() && v[0] == 'P') {
    if (duration(v)) t.form = TimexForm::Duration;
    return t;
  }
  if (decade_or_century(v, t)) return t;
  if (v.size() < 4) return t;
  const bool open = v.substr(0, 4) == "XXXX";
  const int year = open ? 0 : number(v, 0, 4);
  Shape s;
  if (year < 0 || (!open && year < 1) || !read_shape(v.substr(4), s)) return t;
  auto known = [](int x) { return x > 0 ? x : 0; };
  t.year = year;
  t.month = known(s.month);
  t.day = known(s.day);
  t.week = known(s.week);
  t.weekday = known(s.weekday);
  t.part = known(s.part);
  t.time = s.time;
  if (open) {
    // Only the day of a known month is checked: February 29 exists in some year.
    if (s.month > 0 && s.day > 0 && s.day > greg::gregorian_calendar::end_of_month_day(2000, static_cast<unsigned short>(s.month)))
      return TimexValue{};
    t.form = TimexForm::Partial;
    t.grain = s.grain;
    return t;
  }
  if (!place(t, s)) return TimexValue{};
  t.form = TimexForm::Calendar;
  return t;
}

std::optional<TimexValue> parse_calendar_date(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return std::nullopt;
  TimexValue t = parse_timex(s);
  if (!t.calendar()) return std::nullopt;
  return t;
}

std::optional<boost::gregorian::date> parse_iso_day(std::string_view s) {
  if (s.size() != 10) return std::nullopt;
  auto t = parse_calendar_date(s);
  return t ? t->first() : std::nullopt;
}

YearMonthDay year_month_day(long n) {
  if (n < first_day_of_calendar() || n > last_day_of_calendar()) return {};
  long lo = boost_first_day();
  long cycles = n < lo ? (lo - n + kCycleDays - 1) / kCycleDays : 0;
  greg::date d = greg::date(1400, 1, 1) + greg::days(n + cycles * kCycleDays - lo);
  return {static_cast<int>(d.year()) - static_cast<int>(cycles) * kCycleYears, static_cast<int>(d.month()),
          static_cast<int>(d.day())};
}

std::string iso_day(long n) {
  YearMonthDay d = year_month_day(n);
  if (!d.year) return {};
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", d.year, d.month, d.day);
  return b;
}

namespace {
std::optional<boost::gregorian::date> boost_date(long n) {
  if (n < boost_first_day() || n > last_day_of_calendar()) return std::nullopt;
  return greg::date(1400, 1, 1) + greg::days(n - boost_first_day());
}
}  // namespace

std::optional<boost::gregorian::date> TimexValue::first() const {
  return calendar() ? boost_date(first_day) : std::nullopt;
}
std::optional<boost::gregorian::date> TimexValue::last() const {
  return calendar() ? boost_date(last_day) : std::nullopt;
}
std::string TimexValue::first_iso() const { return calendar() ? iso_day(first_day) : std::string(); }
std::string TimexValue::last_iso() const { return calendar() ? iso_day(last_day) : std::string(); }

}  // namespace eventloom
