// The time tagger's matchers of dates and times: times of day, holidays,
// weekday and month phrases, numeric and hyphenated dates (tagger.cpp says
// how the scan tries them).
#include <algorithm>
#include <cstdio>

#include "eventloom/timex_value.hpp"
#include "time/scanner.hpp"
#include "time/tagger_util.hpp"

namespace eventloom::timex {

using namespace scan_util;

// ---- matchers -------------------------------------------------------------

std::optional<Hit> Scanner::time_of_day(uint32_t i) {
  std::string_view w = t(i).low;
  long hh = -1, mm = 0;
  uint32_t j = i + 1;
  if (w == "noon" || w == "midday") {
    hh = 12;
  } else if (w == "midnight") {
    hh = 24;
  } else {
    size_t colon = w.find(':');
    if (colon != std::string_view::npos) {
      long h = small_number(w.substr(0, colon)), m = small_number(w.substr(colon + 1));
      if (h < 0 || h > 24 || m < 0 || m > 59 || w.size() - colon != 3) return std::nullopt;
      hh = h;
      mm = m;
    } else if (t(i).num >= 1 && t(i).num <= 12 && t(i).digits <= 2) {
      hh = t(i).num;
    } else {
      return std::nullopt;
    }
    std::string_view ap = t(j).low;
    bool am = one_of(ap, {"a.m", "am"}), pm = one_of(ap, {"p.m", "pm"});
    if (am || pm) {
      if (hh > 12 || hh == 0) return std::nullopt;
      if (pm && hh != 12) hh += 12;
      if (am && hh == 12) hh = 0;
      ++j;
    } else if (ap == "o'clock") {
      ++j;
    } else if (colon == std::string_view::npos || !(is(i - 1, "at") || is(i - 1, "by") || is(i - 1, "until"))) {
      return std::nullopt;
    }
  }
  if (kind(j) == WordKind::Zone && (t(j).flags & kAllUpper)) ++j;
  if (long dd = 0; is(j, ",") && kind(j + 1) == WordKind::Month && upper(j + 1) && day_at(j + 2, dd))
    ++j;  // "5 p.m. EST, Nov. 6"
  // The day it belongs to: "9 a.m. Tuesday", "10 p.m. yesterday".
  std::string day;
  bool relative = true;
  if (kind(j) == WordKind::Weekday && upper(j)) {
    day = weekday_value(t(j).word->value, sentence_direction(i));
    ++j;
  } else if (kind(j) == WordKind::Month && upper(j)) {
    auto h = month_phrase(j, sentence_direction(i));
    if (!h || h->value.size() != 10) return std::nullopt;
    day = h->value;
    j = h->end;
  } else if (one_of(t(j).low, {"today", "yesterday", "tomorrow"})) {
    long off = t(j).low == "today" ? 0 : (t(j).low == "yesterday" ? -1 : 1);
    if (dct_) {
      if (auto d = add_days(*dct_, off)) day = fmt_day(*d);
    } else {
      day = "XXXX-XX-XX";
    }
    ++j;
  } else if (dct_) {
    day = fmt_day(*dct_);
  } else {
    day = "XXXX-XX-XX";
  }
  if (day.empty()) return std::nullopt;
  char b[16];
  std::snprintf(b, sizeof b, "T%02ld:%02ld", hh, mm);
  return make_hit(i, j, TimexType::Time, day + b, relative);
}

std::optional<Hit> Scanner::holiday(uint32_t i) {
  const auto* list = Lexicon::get().holidays_from(t(i).low);
  if (!list || !upper(i)) return std::nullopt;
  for (const Holiday* h : *list) {
    uint32_t j = i;
    bool ok = true;
    for (std::string_view hw : h->words) {
      if (!is(j, hw)) {
        ok = false;
        break;
      }
      ++j;
    }
    if (!ok) continue;
    long y = 0;
    bool explicit_year = year_at(j, y);
    if (explicit_year) ++j;
    else if (dct_) y = dct_->year();
    if (!y) {  // no publication date: the day when it is fixed, else the month
      std::string v = fmt_month(0, h->month).replace(0, 4, "XXXX");
      if (!h->nth) v += (h->day < 10 ? "-0" : "-") + std::to_string(h->day);
      return make_hit(i, j, TimexType::Date, v);
    }
    std::optional<date> d = h->nth ? nth_weekday(static_cast<int>(y), h->month, h->nth, h->weekday)
                                   : make_date(y, h->month, h->day);
    if (!d) return std::nullopt;
    if (!explicit_year && dct_) {
      // The nearest occurrence: a holiday more than half a year ahead was last year's.
      long diff = static_cast<long>(d->julian_day()) - static_cast<long>(dct_->julian_day());
      if (diff > 183) {
        auto prev = h->nth ? nth_weekday(static_cast<int>(y - 1), h->month, h->nth, h->weekday) : make_date(y - 1, h->month, h->day);
        if (prev) d = prev;
      }
    }
    return make_hit(i, j, TimexType::Date, fmt_day(*d), !explicit_year);
  }
  return std::nullopt;
}

std::optional<Hit> Scanner::weekday_phrase(uint32_t i, Direction dir) {
  if (kind(i) != WordKind::Weekday || !upper(i)) return std::nullopt;
  int wd = t(i).word->value;
  uint32_t j = i + 1;
  // "Monday, Oct. 26"
  uint32_t m = is(j, ",") ? j + 1 : j;
  if (kind(m) == WordKind::Month) {
    if (auto h = month_phrase(m, dir); h && h->value.size() >= 10) {
      h->first = i;
      return h;
    }
  }
  std::string value = weekday_value(wd, dir);
  if (kind(j) == WordKind::PartOfDay)  // "Friday night": 1991-02-22TNI
    return make_hit(i, j + 1, TimexType::Time, value + "T" + std::string(t(j).word->code), true);
  return make_hit(i, j, TimexType::Date, value, true);
}

std::optional<Hit> Scanner::month_phrase(uint32_t i, Direction dir) {
  int m = 0;
  if (!month_at(i, m)) return std::nullopt;
  std::string_view w = t(i).low;
  bool abbrev = (t(i).flags & kAbbrev) != 0;
  bool short_form = w.size() <= 4 && !one_of(w, {"may", "june", "july"});
  uint32_t j = i + 1;
  long d = 0, y = 0;
  if (day_at(j, d)) {
    uint32_t k = j + 1;
    if (is(k, ",") && year_at(k + 1, y)) k += 2;
    else if (year_at(k, y)) k += 1;
    if (y) {
      auto dd = make_date(y, m, d);
      if (!dd) return std::nullopt;
      last_year_ = y;
      return make_hit(i, k, TimexType::Date, fmt_day(*dd));
    }
    if (d > 29 && !make_date(2000, m, d)) return std::nullopt;  // "February 30"
    std::string v = month_day_value(m, d, dir);
    if (v.empty()) return std::nullopt;
    return make_hit(i, k, TimexType::Date, v, true);
  }
  if (uint32_t after = 0; any_year_at(j, after, y) || (is(j, "of") && any_year_at(j + 1, after, y))) {
    last_year_ = y;
    return make_hit(i, after, TimexType::Date, fmt_month(y, m));
  }
  // "June last year", "January this year"
  if (one_of(t(j).low, {"last", "this", "next"}) && is(j + 1, "year")) {
    if (!dct_) return make_hit(i, j + 2, TimexType::Date, month_value(m, dir), true);
    long yy = static_cast<long>(dct_->year()) + (is(j, "last") ? -1 : is(j, "next") ? 1 : 0);
    return make_hit(i, j + 2, TimexType::Date, fmt_month(yy, m), true);
  }
  // A bare month name.
  if (short_form && !abbrev) return std::nullopt;  // "Jan", "Dec" as names
  std::string_view prev = i > sent_first_ ? t(i - 1).low : std::string_view();
  bool prep = one_of(prev, {"in", "since", "by", "until", "till", "through", "early", "late", "mid", "last", "this",
                            "next", "of", "during", "from", "before", "after", "between", "and", "to", "past",
                            "or", "that", "each", "every", "until", "around", "for", "throughout"});
  if (one_of(w, {"may", "march"}) && !prep) return std::nullopt;
  if (i == sent_first_ && !prep) {
    if (one_of(w, {"may", "march", "august"})) return std::nullopt;
  }
  // "June Carter": a given name.
  if (!prep && upper(j) && kind(j) == WordKind::None && !(t(j).flags & kPunct)) return std::nullopt;
  std::string v = month_value(m, dir);
  return make_hit(i, j, TimexType::Date, v, true);
}

std::optional<Hit> Scanner::day_month(uint32_t i) {
  long d = 0;
  int m = 0;
  uint32_t j = i + 1;
  if (!day_at(i, d)) return std::nullopt;
  if (is(j, "of")) ++j;
  if (!month_at(j, m)) return std::nullopt;
  long y = 0;
  uint32_t k = j + 1;
  if (is(k, ",") && year_at(k + 1, y)) k += 2;
  else if (year_at(k, y)) ++k;
  if (y) {
    auto dd = make_date(y, m, d);
    if (!dd) return std::nullopt;
    last_year_ = y;
    return make_hit(i, k, TimexType::Date, fmt_day(*dd));
  }
  if (!make_date(2000, m, d)) return std::nullopt;
  std::string v = month_day_value(m, d, sentence_direction(i));
  if (v.empty()) return std::nullopt;
  return make_hit(i, k, TimexType::Date, v, true);
}

std::optional<Hit> Scanner::numeric(uint32_t i) {
  const TokInfo& ti = t(i);
  long y = 0;
  uint32_t first = i;
  if ((ti.low == "fiscal" || ti.low == "year") && year_at(i + 1, y)) {
    ++i;
  } else if (ti.low == "the" && is(i + 1, "year") && (year_at(i + 2, y) || kind(i + 2) == WordKind::Number)) {
    i += 2;
  }
  if (year_at(i, y)) {
    std::string_view prev = i > sent_first_ ? t(i - 1).low : std::string_view();
    std::string_view next = t(i + 1).low;
    if (one_of(prev, {"$", "#", "no", "number", "nos", "flight", "route", "room", "page", "model", "boeing", "airbus"}))
      return std::nullopt;
    if (one_of(next, {"%", "percent", "per", "cent", "km", "kilometers", "kilometres", "miles", "meters", "metres",
                      "feet", "tons", "tonnes", "barrels", "euros", "dollars", "pounds", ":", "-", "+"}))
      return std::nullopt;
    if (t(i - 1).num >= 0 && i > sent_first_) return std::nullopt;
    // "2000 people": a lower-case plural noun right after reads as a count.
    if (first == i && (t(i + 1).flags & kLower) && next.size() > 3 && next.back() == 's' && kind(i + 1) == WordKind::None &&
        !one_of(next, {"was", "has", "is", "as", "its", "this", "thus", "his", "plans", "ends", "begins", "starts"}))
      return std::nullopt;
    uint32_t end = i + 1;
    last_year_ = y;
    return make_hit(first, end, TimexType::Date, fmt_year(y));
  }
  std::string_view w = ti.low;
  // "the 20th century", "the eleventh century": its first two digits, "19", "10".
  {
    uint32_t c = ti.low == "the" ? i + 1 : i;
    long o = ordinal_digits(t(c).low);
    if (o < 0 && kind(c) == WordKind::Ordinal) o = t(c).word->value;
    if (o >= 1 && o <= 21 && is(c + 1, "century")) return make_hit(i, c + 2, TimexType::Date, fmt_year(100 * (o - 1)).substr(0, 2));
  }
  // "nineteen ninety-six", "(the year) two thousand"
  uint32_t after = 0;
  long sy = 0;
  if (kind(i) == WordKind::Number && spelled_year_at(i, after, sy) &&
      (sy != 2000 || first < i || is(i - 1, "in") || is(i - 1, "by") || is(i - 1, "until"))) {
    last_year_ = sy;
    return make_hit(first, after, TimexType::Date, fmt_year(sy));
  }
  if (w == "the" && kind(i + 1) == WordKind::DecadeWord) {
    // The latest such decade that has begun by the publication year.
    long now = dct_ ? static_cast<long>(dct_->year()) : 1999L;
    long start = now / 100 * 100 + 10L * t(i + 1).word->value;
    if (start > now) start -= 100;
    if (!valid_year(start)) return std::nullopt;
    return make_hit(i, i + 2, TimexType::Date, fmt_year(start).substr(0, 3), true);
  }
  // Decades: "1990s", "the 1990s".
  // "the" stays out of "the 1990s", as AQUAINT annotates (TimeBank keeps it).
  uint32_t k = i;
  std::string_view dw = t(k).low;
  if (dw.size() == 5 && dw.back() == 's' && all_digits(dw.substr(0, 4)) && dw[3] == '0') {
    long dy = small_number(dw.substr(0, 4));
    if (dy >= 1000 && dy <= 2100) return make_hit(first, k + 1, TimexType::Date, std::string(dw.substr(0, 3)));
  }
  // Numeric dates: "2/13/2025", "13.02.2025".
  if ((ti.flags & kDigit) && !(ti.flags & kAlpha) && w.size() >= 8 && w.size() <= 10) {
    char sep = w.find('/') != std::string_view::npos ? '/' : (w.find('.') != std::string_view::npos ? '.' : 0);
    if (!sep) return std::nullopt;
    std::string_view p[3];
    size_t a = w.find(sep), b = a == std::string_view::npos ? a : w.find(sep, a + 1);
    if (b == std::string_view::npos || w.find(sep, b + 1) != std::string_view::npos) return std::nullopt;
    p[0] = w.substr(0, a);
    p[1] = w.substr(a + 1, b - a - 1);
    p[2] = w.substr(b + 1);
    long x = small_number(p[0]), z = small_number(p[1]), yy = small_number(p[2]);
    if (p[2].size() != 4 || x < 1 || z < 1) return std::nullopt;
    long mo = x, da = z;  // US order, unless the first cannot be a month or dots are used
    if (sep == '.' || x > 12) std::swap(mo, da);
    auto dd = make_date(yy, mo, da);
    if (!dd) return std::nullopt;
    return make_hit(i, i + 1, TimexType::Date, fmt_day(*dd));
  }
  return std::nullopt;
}

std::optional<Hit> Scanner::hyphenated(uint32_t i) {
  const TokInfo& ti = t(i);
  if (!(ti.flags & kHyphen)) return std::nullopt;
  std::string_view p[4];
  int n = split_hyphen(ti.low, p);
  if (n < 2) return std::nullopt;
  const Lexicon& lex = Lexicon::get();
  // ISO dates: 2025-02-13.
  if (n == 3 && p[0].size() == 4 && p[1].size() == 2 && p[2].size() == 2 && all_digits(p[0]) && all_digits(p[1]) &&
      all_digits(p[2])) {
    auto d = make_date(small_number(p[0]), small_number(p[1]), small_number(p[2]));
    if (!d) return std::nullopt;
    return make_hit(i, i + 1, TimexType::Date, fmt_day(*d));
  }
  // mid-2024, mid-November, late-1990s, early-December
  if (one_of(p[0], {"mid", "early", "late"}) && n == 2) {
    long y = small_number(p[1]);
    if (p[1].size() == 4 && y >= 1000 && y <= 2100) return make_hit(i, i + 1, TimexType::Date, fmt_year(y));
    if (p[1].size() == 5 && p[1].back() == 's' && all_digits(p[1].substr(0, 4)))
      return make_hit(i, i + 1, TimexType::Date, std::string(p[1].substr(0, 3)));
    const WordInfo* wi = lex.find(p[1]);
    if (wi && wi->kind == WordKind::Month && p[1].size() > 3)
      return make_hit(i, i + 1, TimexType::Date, month_value(wi->value, sentence_direction(i)), true);
    return std::nullopt;
  }
  // third-quarter, fourth-quarter
  if (n == 2 && p[1] == "quarter") {
    int q = ordinal_value(lex.find(p[0]), p[0]);
    if (q >= 1 && q <= 4) {
      if (!dct_) return make_hit(i, i + 1, TimexType::Date, "XXXX-Q" + std::to_string(q));
      long y = dct_->year();
      int cq = (dct_->month() - 1) / 3 + 1;
      if (q > cq && cq == 1) --y;
      note_quarter(y, q);
      return make_hit(i, i + 1, TimexType::Date, fmt_quarter(y, q), true);
    }
  }
  if (n == 2 && p[0] == "year") {
    if (p[1] == "end" && dct_) return make_hit(i, i + 1, TimexType::Date, fmt_year(dct_->year()) + "-12-31", true);
    if (one_of(p[1], {"earlier", "ago"})) {
      uint32_t j = i + 1;
      if (one_of(t(j).low, {"quarter", "period"})) ++j;
      std::string v = ref_quarter_ ? quarter_ref(-1) : shifted(Unit::Year, -1);
      if (v.empty()) return std::nullopt;
      return make_hit(i, j, TimexType::Date, v, true);
    }
  }
  // Durations and ages: two-year, 33-month-old, five-hour, decades-long, twenty-four-hour
  int k = 0;
  long num = -1;
  if (n >= 3) num = number_word(std::string(p[0]) + "-" + std::string(p[1]));
  if (num >= 0) k = 2;
  else {
    num = number_word(p[0]);
    k = num >= 0 ? 1 : 0;
  }
  if (k < n) {
    const WordInfo* wi = lex.find(p[k]);
    if (wi && wi->kind == WordKind::Unit) {
      bool rest_ok = k + 1 == n || (k + 2 == n && one_of(p[k + 1], {"old", "long"}));
      if (!ages_ && k + 2 == n && p[k + 1] == "old") return std::nullopt;
      if (!rest_ok || (wi->unit == Unit::Quarter && is(i + 1, "of"))) return std::nullopt;
      if (k == 0) {
        if (!(k + 1 < n && p[k + 1] == "long")) return std::nullopt;  // "decades-long", "year-long"
        return make_hit(i, i + 1, TimexType::Duration, duration(wi->unit, 1, !wi->plural));
      }
      if (num <= 0 || num > 100000) return std::nullopt;
      return make_hit(i, i + 1, TimexType::Duration, duration(wi->unit, num, true));
    }
  }
  return std::nullopt;
}

}  // namespace eventloom::timex
