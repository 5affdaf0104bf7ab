// The time tagger's pieces (numbers, years, days, months, the direction a
// sentence points to) and the values they make (relative to the publication
// date). The scan is in tagger.cpp, whose top comment says how it works.
#include <algorithm>
#include <cstdio>

#include "eventloom/timex_value.hpp"
#include "time/scanner.hpp"
#include "time/tagger_util.hpp"

namespace eventloom::timex {

using namespace scan_util;

// ---- pieces ---------------------------------------------------------------

bool Scanner::number_at(uint32_t i, uint32_t& next, long& n, bool& known) const {
  std::string_view w = t(i).low;
  known = true;
  if (w.empty()) return false;
  if (one_of(w, {"a", "an", "one"}) ) {
    if (is(i + 1, "couple") && is(i + 2, "of")) { n = 2; next = i + 3; return true; }
    if (is(i + 1, "few")) { known = false; n = 0; next = i + 2; return true; }
    if (is(i + 1, "dozen")) { n = 12; next = i + 2; return true; }
    if (is(i + 1, "half") && w != "one") { n = 0; known = false; return false; }
    n = 1;
    next = i + 1;
    return true;
  }
  if (one_of(w, {"several", "few", "many", "some", "numerous", "countless"})) {
    known = false;
    n = 0;
    next = i + 1;
    return true;
  }
  if (w == "couple" && is(i + 1, "of")) { n = 2; next = i + 2; return true; }
  if (t(i).num >= 0) {
    if (t(i).digits > 6) return false;
    n = t(i).num;
    next = i + 1;
    return true;
  }
  long v = kind(i) == WordKind::Number ? t(i).word->value : ((t(i).flags & kHyphen) ? number_word(w) : -1);
  if (v < 0) return false;
  next = i + 1;
  // "twenty four", "a hundred"
  if (v >= 20 && v < 100 && v % 10 == 0) {
    long u = kind(i + 1) == WordKind::Number ? t(i + 1).word->value : -1;
    if (u > 0 && u < 10) {
      v += u;
      next = i + 2;
    }
  }
  n = v;
  return true;
}

bool Scanner::year_at(uint32_t i, long& y) const {
  const TokInfo& ti = t(i);
  if (ti.digits != 4 || ti.num < 1000 || ti.num > 2100) return false;
  y = ti.num;
  return true;
}

// A year in words, as broadcasts write it: "nineteen ninety-six",
// "nineteen eighty four", "two thousand", "two thousand and one".
bool Scanner::spelled_year_at(uint32_t i, uint32_t& next, long& y) const {
  if (kind(i) != WordKind::Number) return false;
  long first = t(i).word->value;
  if (first == 2 && is(i + 1, "thousand")) {
    uint32_t k = i + 2;
    if (is(k, "and")) ++k;
    long u = kind(k) == WordKind::Number ? t(k).word->value : -1;
    if (u >= 1 && u <= 19 && !(t(k).flags & kUpperInit)) {
      y = 2000 + u;
      next = k + 1;
    } else {
      y = 2000;
      next = i + 2;
    }
    return true;
  }
  if (first < 15 || first > 20 || t(i + 1).num >= 0) return false;
  long tens = number_word(t(i + 1).low);
  if (tens < 10 || tens > 99) return false;
  next = i + 2;
  if (tens % 10 == 0 && tens >= 20) {  // "nineteen eighty four"
    long u = kind(i + 2) == WordKind::Number ? t(i + 2).word->value : -1;
    if (u >= 1 && u <= 9) {
      tens += u;
      next = i + 3;
    }
  }
  if (kind(next) == WordKind::Unit) return false;  // "nineteen ninety days"?
  y = first * 100 + tens;
  return true;
}

// A year in digits or words; `next` is the token after it.
bool Scanner::any_year_at(uint32_t i, uint32_t& next, long& y) const {
  if (year_at(i, y)) {
    next = i + 1;
    return true;
  }
  return spelled_year_at(i, next, y);
}

bool Scanner::day_at(uint32_t i, long& d) const {
  const TokInfo& ti = t(i);
  if (ti.num >= 1 && ti.num <= 31 && ti.digits <= 2) {
    d = ti.num;
    return true;
  }
  long o = ordinal_digits(ti.low);
  if (o >= 1 && o <= 31) {
    d = o;
    return true;
  }
  return false;
}

bool Scanner::month_at(uint32_t i, int& m) const {
  if (kind(i) != WordKind::Month || !upper(i)) return false;
  m = t(i).word->value;
  return true;
}

// The tense of the clause around the expression at i: the nearest word that
// marks one, before or after it in the sentence ("met Monday", "Monday,
// they had", "will meet Bush on Thursday"); before wins a tie. A possessive
// date names something that has happened or is known ("Wednesday's ruling"),
// and "as early as" looks ahead.
Direction Scanner::sentence_direction(uint32_t i) const {
  if (i >= sent_first_ + 3 && is(i - 3, "as") && is(i - 1, "as") && one_of(t(i - 2).low, {"early", "soon"}))
    return Direction::Future;
  if ((t(i + 1).flags & kPossessive) || (kind(i + 1) == WordKind::PartOfDay && (t(i + 2).flags & kPossessive)))
    return Direction::Near;
  constexpr uint32_t kReach = 15;
  Tense before = Tense::None, after = Tense::None;
  uint32_t db = kReach + 1, da = kReach + 1;
  for (uint32_t k = i, d = 1; k > sent_first_ && d <= kReach; --k, ++d) {
    Tense tk = tense(k - 1);
    if (tk == Tense::Break) break;
    if (tk != Tense::None) {
      before = tk;
      db = d;
      break;
    }
  }
  for (uint32_t k = i + 1, d = 1; k < end_ && d < db && d <= kReach; ++k, ++d) {
    Tense tk = tense(k);
    if (tk == Tense::Break) break;
    if (tk != Tense::None) {
      // "On Friday, the government planned to pay": the planning is past.
      after = toks_[k].low == "planned" ? Tense::Past : tk;
      da = d;
      break;
    }
  }
  Tense found = da < db ? after : before;
  // "had been due to expire Friday", "had been scheduled for Monday": a plan
  // seen from the past, which the news reports as overtaken.
  if (found == Tense::Future) {
    uint32_t m = da < db ? i + da : i - db;  // the marker
    if (m > sent_first_ && (is(m - 1, "been") || is(m - 1, "had"))) found = Tense::Past;
  }
  // "Until Thursday, they had not named him": a past perfect makes "until" look back.
  if (found == Tense::Future && db == 1 && da > kReach && is(i - 1, "until"))
    for (uint32_t k = i + 1; k < end_ && k <= i + kReach && tense(k) != Tense::Break; ++k)
      if (toks_[k].low == "had") return Direction::Past;
  return found == Tense::Past ? Direction::Past : found == Tense::Future ? Direction::Future : Direction::Near;
}

// ---- values ---------------------------------------------------------------

std::string Scanner::weekday_value(int wd, Direction dir) const {
  if (!dct_) return "XXXX-WXX-" + std::to_string(wd);
  date d = *dct_;
  switch (dir) {
    case Direction::Near:
    case Direction::Past: d = weekday_on_or_before(*dct_, wd); break;
    case Direction::Future: d = weekday_on_or_after(*dct_, wd); break;
    case Direction::Last:
      if (auto p = add_days(*dct_, -1)) d = weekday_on_or_before(*p, wd);
      break;
    case Direction::Next:
      if (auto p = add_days(*dct_, 1)) d = weekday_on_or_after(*p, wd);
      break;
    case Direction::This:
      if (auto p = add_days(*dct_, wd - iso_weekday(*dct_))) d = *p;
      break;
  }
  return fmt_day(d);
}

std::string Scanner::month_value(int m, Direction dir) const {
  if (!dct_) return "XXXX-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
  long y = dct_->year();
  int cm = dct_->month();
  switch (dir) {
    // Nearest to the publication month, leaning to the past.
    case Direction::Near: if (m - cm > 4) --y; else if (m - cm < -8) ++y; break;
    case Direction::Past: if (m - cm > 1) --y; break;  // a past clause may still speak of next month's business
    case Direction::Future: if (m < cm) ++y; break;
    case Direction::Last: if (m >= cm) --y; break;
    case Direction::Next: if (m <= cm) ++y; break;
    case Direction::This: break;
  }
  return fmt_month(y, m);
}

std::string Scanner::month_day_value(int m, long d, Direction dir) const {
  if (!dct_) {
    char b[24];
    std::snprintf(b, sizeof b, "XXXX-%02d-%02ld", m, d);
    return b;
  }
  long y = dct_->year();
  auto here = make_date(y, m, d);
  if (!here) here = make_date(y - 1, m, d);  // February 29
  if (!here) return "";
  long diff = static_cast<long>(here->julian_day()) - static_cast<long>(dct_->julian_day());
  if (dir == Direction::Future || dir == Direction::Next) {
    if (diff < -31) ++y;
  } else if (dir == Direction::Last) {
    if (diff > 0) --y;
  } else if (dir == Direction::Past) {  // the nearest, but never ahead by more than a few months
    if (diff > 122) --y;
  } else if (dir != Direction::This) {
    // Nearest to the publication date, leaning to the past.
    if (diff > 122) --y;
    else if (diff < -240) ++y;
  }
  auto r = make_date(y, m, d);
  return r ? fmt_day(*r) : "";
}

std::string Scanner::shifted(Unit u, long n) const {
  if (!dct_) return "";
  const date& d = *dct_;
  long y = d.year();
  switch (u) {
    case Unit::Second: case Unit::Minute: case Unit::Hour: case Unit::Day: {
      long days = u == Unit::Day ? n : 0;
      auto r = add_days(d, days);
      return r ? fmt_day(*r) : "";
    }
    case Unit::Week: case Unit::Weekend: {
      if (n > 100000 || n < -100000) return "";
      auto r = add_days(d, 7 * n);
      if (!r) return "";
      return u == Unit::Weekend ? fmt_week(*r) + "-WE" : fmt_week(*r);
    }
    case Unit::Month: {
      if (n > 100000 || n < -100000) return "";
      long m = y * 12 + (d.month() - 1) + n;
      long ny = m / 12;
      if (!valid_year(ny)) return "";
      return fmt_month(ny, m % 12 + 1);
    }
    case Unit::Quarter: {
      if (n > 100000 || n < -100000) return "";
      long q = y * 4 + (d.month() - 1) / 3 + n;
      if (!valid_year(q / 4)) return "";
      return fmt_quarter(q / 4, static_cast<int>(q % 4) + 1);
    }
    case Unit::Year: return n > 9999 || n < -9999 || !valid_year(y + n) ? "" : fmt_year(y + n);
    case Unit::Decade: {
      if (n > 999 || n < -999 || !valid_year(y + 10 * n)) return "";
      return fmt_year(y + 10 * n).substr(0, 3);
    }
    case Unit::Century: {
      if (n > 99 || n < -99 || !valid_year(y + 100 * n)) return "";
      return fmt_year(y + 100 * n).substr(0, 2);
    }
  }
  return "";
}

std::string Scanner::duration(Unit u, long n, bool known) const {
  std::string v = is_clock_unit(u) ? "PT" : "P";
  if (u == Unit::Weekend) return known && n == 1 ? "P2D" : "PXWE";
  if (u == Unit::Decade && known) return "P" + std::to_string(10 * n) + "Y";
  v += known ? std::to_string(n) : "X";
  v += unit_code(u);
  return v;
}

// n and a half units: "P2Y6M", "PT5H30M"; units without a half in the
// next smaller one give none.
std::string Scanner::half_duration(Unit u, long n) const {
  std::string whole = n > 0 ? duration(u, n, true) : (is_clock_unit(u) ? "PT" : "P");
  switch (u) {
    case Unit::Year: return whole + "6M";
    case Unit::Day: return whole + "T12H";
    case Unit::Hour: return whole + "30M";
    case Unit::Minute: return whole + "30S";
    default: return "";
  }
}

// A quarter the article reports on becomes the reference for "the quarter"
// and "a year earlier"; a quarter still ahead (a forecast) does not.
void Scanner::note_quarter(long y, int q) {
  if (dct_) {
    long completed = static_cast<long>(dct_->year()) * 4 + (dct_->month() - 1) / 3 - 1;
    if (y * 4 + (q - 1) > completed) return;
  }
  ref_quarter_ = {y, q};
}

std::string Scanner::last_completed_quarter() const {
  if (!dct_) return "";
  long q = static_cast<long>(dct_->year()) * 4 + (dct_->month() - 1) / 3 - 1;
  return fmt_quarter(q / 4, static_cast<int>(q % 4) + 1);
}

std::string Scanner::quarter_ref(int year_shift) const {
  if (ref_quarter_) return fmt_quarter(ref_quarter_->first + year_shift, ref_quarter_->second);
  if (!dct_) return "";
  // The last quarter completed before the publication date.
  long q = static_cast<long>(dct_->year()) * 4 + (dct_->month() - 1) / 3 - 1;
  return fmt_quarter(q / 4 + year_shift, static_cast<int>(q % 4) + 1);
}

}  // namespace eventloom::timex
