// The time tagger's matchers of relative expressions: "last/next/this X",
// quarters, quantities ("three years ago"), deictic and anaphoric words,
// frequencies and seasons (tagger.cpp says how the scan tries them).
#include <algorithm>
#include <cstdio>

#include "eventloom/timex_value.hpp"
#include "time/scanner.hpp"
#include "time/tagger_util.hpp"

namespace eventloom::timex {

using namespace scan_util;

// "last week", "next month", "this year", "last Friday", "this past June",
// "last fall", "this morning", "last night".
std::optional<Hit> Scanner::relative(uint32_t i) {
  std::string_view w = t(i).low;
  uint32_t first = i;
  bool the = false;
  if (w == "the" && one_of(t(i + 1).low, {"past", "last", "next", "coming", "previous", "following", "current", "latest"})) {
    the = true;
    ++i;
    w = t(i).low;
  }
  Direction dir;
  if (w == "last" || w == "previous") dir = Direction::Last;
  else if (w == "next" || w == "coming" || (w == "following" && the)) dir = Direction::Next;
  else if (w == "this" || w == "current" || w == "latest") dir = Direction::This;
  else if (w == "past") dir = Direction::Last;
  else return std::nullopt;
  uint32_t j = i + 1;
  if (is(j, "fiscal") && kind(j + 1) == WordKind::Unit) ++j;
  if (w == "this" && is(j, "past")) {
    dir = Direction::Last;
    ++j;
  } else if (w == "this" && is(j, "coming")) {
    dir = Direction::Next;
    ++j;
  }
  WordKind k = kind(j);
  if (k == WordKind::Weekday && upper(j)) {
    if (the && w == "previous" && ref_day_) {  // "the previous Friday": the one before the day last named
      if (auto p = add_days(*ref_day_, -1)) {
        date d = weekday_on_or_before(*p, t(j).word->value);
        return make_hit(first, j + 1, TimexType::Date, fmt_day(d), true);
      }
    }
    if (the) return std::nullopt;
    auto h = weekday_phrase(j, dir);
    if (h) h->first = first;
    return h;
  }
  if (k == WordKind::Month && upper(j)) {
    if (the) return std::nullopt;
    int m = t(j).word->value;
    if (long d = 0; day_at(j + 1, d) && make_date(2000, m, d)) {  // "last Oct. 23"
      std::string v = month_day_value(m, d, dir);
      if (v.empty()) return std::nullopt;
      return make_hit(first, j + 2, TimexType::Date, v, true);
    }
    return make_hit(first, j + 1, TimexType::Date, month_value(m, dir), true);
  }
  if (k == WordKind::Season && !the) {
    std::string_view code = t(j).word->code;
    if (!dct_) return make_hit(first, j + 1, TimexType::Date, "XXXX-" + std::string(code), true);
    long y = dct_->year();
    int cm = dct_->month();
    // Season start months; winter belongs to the year it starts in.
    int start = code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12;
    int cur_start = cm >= 3 && cm <= 5 ? 3 : cm >= 6 && cm <= 8 ? 6 : cm >= 9 && cm <= 11 ? 9 : 12;
    long cur_y = cm <= 2 ? y - 1 : y;
    long key_cur = cur_y * 12 + cur_start;
    long key = cur_y * 12 + start;
    if (dir == Direction::Last) {
      if (key >= key_cur) key -= 12;
    } else if (dir == Direction::Next) {
      if (key <= key_cur) key += 12;
    } else {
      key = y * 12 + start;
      if (start == 12 && cm <= 2) key -= 12;
    }
    return make_hit(first, j + 1, TimexType::Date, fmt_year(key / 12) + "-" + std::string(code), true);
  }
  if (k == WordKind::PartOfDay && !the) {
    std::string_view code = t(j).word->code;
    if (w == "this" && code != "NI") {
      std::string day = dct_ ? fmt_day(*dct_) : "XXXX-XX-XX";
      return make_hit(first, j + 1, TimexType::Time, day + "T" + std::string(code), true);
    }
    if (w == "last" && code == "NI") {
      std::string day = "XXXX-XX-XX";
      if (dct_) {
        auto d = add_days(*dct_, -1);
        if (!d) return std::nullopt;
        day = fmt_day(*d);
      }
      return make_hit(first, j + 1, TimexType::Time, day + "TNI", true);
    }
    return std::nullopt;
  }
  if (k == WordKind::Unit && upper(j) && (t(first - 1).flags & kQuote) && first > sent_first_)
    return std::nullopt;  // "This Week With David Brinkley": a title
  if (k == WordKind::Unit && !t(j).word->plural) {
    Unit u = t(j).word->unit;
    if (u == Unit::Day || is_clock_unit(u)) return std::nullopt;
    uint32_t end = j + 1;
    // "the past year", "the last decade": a stretch of time up to now.
    // TimeBank reads "the past year" as the previous calendar year.
    if (the && w == "past" && u == Unit::Year && dct_) return make_hit(first, end, TimexType::Date, shifted(u, -1), true);
    if (the && (w == "past" || w == "last")) return make_hit(first, end, TimexType::Duration, duration(u, 1, true));
    if (!the && w == "past") return make_hit(first, end, TimexType::Duration, duration(u, 1, true));
    if (the && one_of(w, {"next", "coming", "following", "previous"}) && last_year_ && u == Unit::Year) {
      long y = last_year_ + (w == "previous" ? -1 : 1);
      if (!valid_year(y)) return std::nullopt;
      return make_hit(first, end, TimexType::Date, fmt_year(y), true);
    }
    if (w == "current" && dct_) {
      std::string v = shifted(u, 0);
      return make_hit(first, end, TimexType::Date, v, true);
    }
    if (w == "latest") {
      if (!the || u != Unit::Quarter) return std::nullopt;
      std::string v = last_completed_quarter();
      if (v.empty()) return std::nullopt;
      return make_hit(first, end, TimexType::Date, v, true);
    }
    long n = dir == Direction::Last ? -1 : dir == Direction::Next ? 1 : 0;
    if (!dct_) {
      std::string v = u == Unit::Year ? "XXXX" : u == Unit::Month ? "XXXX-XX" : u == Unit::Week ? "XXXX-WXX"
                    : u == Unit::Weekend ? "XXXX-WXX-WE" : "";
      if (v.empty()) return std::nullopt;
      return make_hit(first, end, TimexType::Date, v, true);
    }
    std::string v = shifted(u, n);
    if (v.empty()) return std::nullopt;
    return make_hit(first, end, TimexType::Date, v, true);
  }
  return std::nullopt;
}

// "the third quarter", "the fiscal first quarter", "the first half",
// "the quarter", "the year-earlier quarter".
std::optional<Hit> Scanner::quarter(uint32_t i) {
  uint32_t j = i;
  long year_hint = 0;  // "the 1988 second quarter", "this year's third quarter"
  if (is(j, "the")) ++j;
  if (year_at(j, year_hint)) {
    ++j;
    // "the 1988 quarter", "the 1989 period": the quarter reported on, that year.
    if (j == i + 2 && one_of(t(j).low, {"quarter", "period"}) && ref_quarter_ && !is(j + 1, "of"))
      return make_hit(i, j + 1, TimexType::Date, fmt_quarter(year_hint, ref_quarter_->second), true);
  } else if (one_of(t(j).low, {"this", "last", "next"}) && is(j + 1, "year") && (t(j + 2).flags & kPossessive) && dct_) {
    year_hint = dct_->year() + (is(j, "last") ? -1 : is(j, "next") ? 1 : 0);
    j += 3;
    if (is(j, "quarter")) {  // "last year's quarter": the named quarter of that year
      if (!ref_quarter_) return std::nullopt;
      return make_hit(i, j + 1, TimexType::Date, fmt_quarter(year_hint, ref_quarter_->second), true);
    }
  }
  if (is(j, "fiscal")) ++j;
  int q = ordinal_value(t(j).word, t(j).low);
  bool pair = false;  // "the first two quarters": a half
  if (is(j, "last") && (is(j + 1, "half") || (is(j + 1, "two") && is(j + 2, "quarters")))) q = 2;
  if ((q == 1 || q == 2) && is(j + 1, "two") && is(j + 2, "quarters")) pair = true;
  if (q > 0 && j < end_) {
    uint32_t k = j + 1;
    if (pair) ++k;
    if (is(k, "fiscal")) ++k;
    bool half = pair || is(k, "half");
    if (!(is(k, "quarter") || half) || q > (half ? 2 : 4)) return std::nullopt;
    ++k;
    long y = 0;
    bool explicit_year = false;
    if (is(k, "of") && year_at(k + 1, y)) {
      k += 2;
      explicit_year = true;
    } else if (year_at(k, y)) {
      ++k;
      explicit_year = true;
    } else if (year_hint) {
      y = year_hint;
      explicit_year = true;
    } else if (dct_) {
      y = dct_->year();
      int cq = (dct_->month() - 1) / 3 + 1;
      if (!half && q > cq && cq == 1) --y;
      if (half && q == 2 && dct_->month() <= 6) --y;
    }
    if (!y) return make_hit(i, k, TimexType::Date, std::string("XXXX-") + (half ? "H" : "Q") + std::to_string(q), true);
    if (half) return make_hit(i, k, TimexType::Date, fmt_year(y) + "-H" + std::to_string(q), !explicit_year);
    note_quarter(y, q);
    return make_hit(i, k, TimexType::Date, fmt_quarter(y, q), !explicit_year);
  }
  if (j == i + 1 && t(i).low == "the") {
    // "the quarter", "the year-ago quarter"
    if (is(j, "quarter") && !is(j + 1, "of") && !(t(j + 1).flags & kPossessive)) {
      std::string v = quarter_ref(0);
      if (v.empty()) return std::nullopt;
      return make_hit(i, j + 1, TimexType::Date, v, true);
    }
  }
  return std::nullopt;
}

// "three years", "the past two months", "a year ago", "several days",
// "the first nine months", "recent months".
std::optional<Hit> Scanner::quantity(uint32_t i) {
  uint32_t j = i;
  bool the = false;
  if (is(j, "the")) {
    the = true;
    ++j;
  }
  std::string_view mod = t(j).low;
  bool has_mod = one_of(mod, {"past", "last", "next", "first", "coming", "previous", "following", "recent", "final"});
  if (has_mod) ++j;
  if (mod == "recent" && kind(j) == WordKind::Unit && t(j).word->plural) {
    return make_hit(i, j + 1, TimexType::Date, "PAST_REF", true);
  }
  // "the coming weeks", "the past months": an unquantified stretch.
  if (has_mod && mod != "first" && kind(j) == WordKind::Unit && t(j).word->plural)
    return make_hit(i, j + 1, TimexType::Duration, duration(t(j).word->unit, 0, false));
  long n = 0;
  bool known = true;
  uint32_t k = j;
  if (!number_at(j, k, n, known)) {
    // A bare plural: "for years", "decades", "weeks or months".
    if (the || has_mod || kind(j) != WordKind::Unit || !t(j).word->plural) return std::nullopt;
    std::string_view prev = j > sent_first_ ? t(j - 1).low : std::string_view();
    if (!one_of(prev, {"for", "over", "within", "in", "of", "after", "than", "take", "takes", "took", "last", "lasted"}))
      return std::nullopt;
    Unit u = t(j).word->unit;
    if (is(j + 1, "ago")) return make_hit(j, j + 2, TimexType::Date, "PAST_REF", true);
    return make_hit(j, j + 1, TimexType::Duration, duration(u, 0, false));
  }
  bool half = false;  // "2 1/2 years", "a minute and a half"
  if (known && is(k, "1/2")) {
    half = true;
    ++k;
  }
  if (kind(k) != WordKind::Unit) return std::nullopt;
  if (upper(k) && k != sent_first_) return std::nullopt;  // "60 Minutes", a title
  if (known && t(j).digits == 4 && the) return std::nullopt;  // "the 1988 quarter"
  if (known && !half && is(k + 1, "and") && is(k + 2, "a") && is(k + 3, "half") && !t(k).word->plural) half = true;
  const WordInfo* uw = t(k).word;
  if (uw->unit == Unit::Quarter && is(k + 1, "of")) return std::nullopt;  // "a quarter of the votes"
  Unit u = uw->unit;
  if (uw->value == 2) n *= 2;  // a fortnight
  if (n > 100000) return std::nullopt;
  bool singular_article = one_of(t(j).low, {"a", "an"});
  // "a second group", "a second betrayal": the ordinal.
  if (singular_article && u == Unit::Second && (t(k + 1).flags & kLower) && !(t(k + 1).flags & kPunct) &&
      !one_of(t(k + 1).low, {"or", "and", "to", "of", "in", "for", "later", "ago", "earlier", "before", "after"}))
    return std::nullopt;
  if (known && n == 1 && uw->plural && singular_article) return std::nullopt;  // "a years"?
  uint32_t end = k + 1;
  if (half) {
    if (is(end, "and")) end += 3;
    std::string v = half_duration(u, n);
    if (v.empty()) return std::nullopt;
    return make_hit(i, end, TimexType::Duration, v);
  }
  std::string_view after = t(end).low;
  // "a year ago", "three years earlier"
  if (!the && !has_mod && one_of(after, {"later", "after"}))  // anchored to an event: "three days later"
    return make_hit(i, end, TimexType::Duration, duration(u, n, known));
  if (!the && !has_mod && after == "before")  // "a day before the vote": the stretch, not the day
    return make_hit(i, end, TimexType::Duration, duration(u, n, known));
  if (!the && !has_mod && after == "earlier" && u < Unit::Month)  // "a day earlier"
    return make_hit(i, end + 1, TimexType::Duration, duration(u, n, known));
  if (!the && !has_mod && one_of(after, {"ago", "earlier", "hence"})) {
    bool back = after != "hence";
    if (!known) return make_hit(i, end + 1, TimexType::Date, back ? "PAST_REF" : "FUTURE_REF", true);
    std::string v;
    if (u == Unit::Year && n == 1 && ref_quarter_ && (after == "ago" || after == "earlier")) v = quarter_ref(-1);
    else v = shifted(u, back ? -n : n);
    if (v.empty() && dct_) return std::nullopt;
    if (v.empty()) v = back ? "PAST_REF" : "FUTURE_REF";
    return make_hit(i, end + 1, TimexType::Date, v, true);
  }
  if (!the && !has_mod && after == "from" && is(end + 1, "now")) {
    std::string v = known ? shifted(u, n) : "FUTURE_REF";
    if (v.empty()) v = "FUTURE_REF";
    return make_hit(i, end + 2, TimexType::Date, v, true);
  }
  // "$5 a year", "twice a week": a frequency.
  if (singular_article && !the && !has_mod && i > sent_first_) {
    const TokInfo& p = t(i - 1);
    if (p.num >= 0 || one_of(p.low, {"times", "twice", "once", "thrice", "dollars", "cents", "%", "percent", "hours", "days"}) ||
        (p.flags & kDigit))
      return make_hit(i, end, TimexType::Set, duration(u, 1, true));
  }
  if (u == Unit::Weekend) return std::nullopt;
  return make_hit(i, end, TimexType::Duration, duration(u, n, known));
}

std::optional<Hit> Scanner::deictic(uint32_t i) {
  if (kind(i) != WordKind::Deictic) return std::nullopt;
  std::string_view code = t(i).word->code;
  std::string_view w = t(i).low;
  uint32_t end = i + 1;
  if (code.size() > 3 && code.substr(code.size() - 4) == "_REF") {
    if (w == "current" && one_of(t(i + 1).low, {"account", "accounts", "affairs", "events", "flowing"})) return std::nullopt;
    if (w == "recent" && (t(i + 1).flags & kPunct)) return std::nullopt;
    return make_hit(i, end, TimexType::Date, std::string(code), true);
  }
  bool night = code.substr(0, 3) == "TNI";
  long off = 0;
  size_t sign = code.find_first_of("+-");
  if (sign != std::string_view::npos) off = (code[sign] == '-' ? -1 : 1) * small_number(code.substr(sign + 1));
  std::string day = "XXXX-XX-XX";
  if (dct_) {
    auto d = add_days(*dct_, off);
    if (!d) return std::nullopt;
    day = fmt_day(*d);
  } else if (off == 0 && !night) {
    return make_hit(i, end, TimexType::Date, "PRESENT_REF", true);
  }
  if (night) return make_hit(i, end, TimexType::Time, day + "TNI", true);
  if (kind(end) == WordKind::PartOfDay) {
    std::string_view pod = t(end).word->code;
    return make_hit(i, end + 1, TimexType::Time, day + "T" + std::string(pod), true);
  }
  return make_hit(i, end, TimexType::Date, day, true);
}

// The last day and month the text named become the reference of "that day",
// "the next day", "later that year", "the following month".
void Scanner::note_reference(std::string_view v) {
  TimexValue t = parse_timex(v);
  if (!t.calendar() || !t.month) return;  // a month of a known year ("2024-11", "2024-11-21TNI")
  ref_month_ = {t.year, t.month};
  ref_day_.reset();  // a month named after a day is the newer reference ("last October ... that day")
  if (t.day) ref_day_ = t.first();
}

// "that day", "the same year", "the next day", "the following month":
// resolved against what the text named last.
std::optional<Hit> Scanner::anaphoric(uint32_t i) {
  std::string_view w = t(i).low;
  uint32_t j = i + 1;
  int shift = 0;
  if (w == "that") {
    if (is(j, "same")) ++j;
  } else if (w == "the" && is(j, "same")) {
    ++j;
  } else if (w == "the" && one_of(t(j).low, {"next", "following", "previous"})) {
    shift = is(j, "previous") ? -1 : 1;
    ++j;
  } else {
    return std::nullopt;
  }
  std::string_view u = t(j).low;
  if (u == "day" || (shift > 0 && one_of(u, {"morning", "evening", "afternoon"}))) {
    if (!ref_day_ && shift == 0 && ref_month_)  // a day of the month named last
      return make_hit(i, j + 1, TimexType::Date, fmt_month(ref_month_->first, ref_month_->second) + "-XX", true);
    if (!ref_day_) return std::nullopt;
    auto d = add_days(*ref_day_, shift);
    if (!d) return std::nullopt;
    return make_hit(i, j + 1, TimexType::Date, fmt_day(*d), true);
  }
  if (u == "month" && ref_month_) {
    long mm = ref_month_->first * 12 + (ref_month_->second - 1) + shift;
    if (!valid_year(mm / 12)) return std::nullopt;
    return make_hit(i, j + 1, TimexType::Date, fmt_month(mm / 12, static_cast<int>(mm % 12) + 1), true);
  }
  if (u == "year" && shift == 0 && last_year_) return make_hit(i, j + 1, TimexType::Date, fmt_year(last_year_), true);
  return std::nullopt;
}

std::optional<Hit> Scanner::the_phrase(uint32_t i) {
  std::string_view w = t(i).low;
  if (w == "these" && is(i + 1, "days")) return make_hit(i, i + 2, TimexType::Date, "PRESENT_REF", true);
  std::string_view prev = i > sent_first_ ? t(i - 1).low : std::string_view();
  if (w == "present" && prev == "at") return make_hit(i, i + 1, TimexType::Date, "PRESENT_REF", true);
  if (w != "the") return std::nullopt;
  std::string_view n = t(i + 1).low;
  if (n == "past" && !(kind(i + 2) == WordKind::Unit) && !(t(i + 2).flags & kDigit) && kind(i + 2) != WordKind::Number)
    return make_hit(i, i + 2, TimexType::Date, "PAST_REF", true);
  if (n == "year" && !(t(i + 2).flags & (kDigit | kPossessive)) && kind(i + 2) != WordKind::Number) {
    if (dct_ && one_of(prev, {"of", "in", "during"}))
      return make_hit(i, i + 2, TimexType::Date, fmt_year(dct_->year()), true);
    return make_hit(i, i + 2, TimexType::Duration, "P1Y");
  }
  if (n == "future" && !is(i + 2, "of")) return make_hit(i, i + 2, TimexType::Date, "FUTURE_REF", true);
  if ((n == "near" && one_of(t(i + 2).low, {"future", "term"})) || (n == "short" && is(i + 2, "term")))
    return make_hit(i, i + 3, TimexType::Date, "FUTURE_REF", true);
  if (n == "time" && prev == "at" && (t(i + 2).flags & kPunct))  // "at the time,"
    return make_hit(i, i + 2, TimexType::Date, "PAST_REF", true);
  if (n == "moment" && one_of(prev, {"at", "for", "of"})) return make_hit(i, i + 2, TimexType::Date, "PRESENT_REF", true);
  if (n == "week" && is(i + 2, "of") && kind(i + 3) == WordKind::Month) {  // "the week of March 6"
    if (auto h = month_phrase(i + 3, sentence_direction(i)))
      if (TimexValue day = parse_timex(h->value); day.grain == TimexGrain::Day)
        if (auto d = day.first()) return make_hit(i, h->end, TimexType::Date, fmt_week(*d), h->relative);
  }
  if (n == "weekend") {
    if (!dct_) return make_hit(i, i + 2, TimexType::Date, "XXXX-WXX-WE", true);
    Direction sd = sentence_direction(i);
    long shift = sd != Direction::Future && iso_weekday(*dct_) <= 4 ? -1 : 0;
    return make_hit(i, i + 2, TimexType::Date, shifted(Unit::Weekend, shift), true);
  }
  if (n == "latest" && is(i + 2, "period") && ref_quarter_)
    return make_hit(i, i + 3, TimexType::Date, quarter_ref(0), true);
  if (n == "full" && is(i + 2, "year") && dct_)
    return make_hit(i, i + 3, TimexType::Date, fmt_year(dct_->year()), true);
  if ((n == "year-earlier" || n == "year-ago") && one_of(t(i + 2).low, {"quarter", "period"})) {
    std::string v = ref_quarter_ ? quarter_ref(-1) : shifted(Unit::Year, -1);
    if (v.empty()) return std::nullopt;
    return make_hit(i, i + 3, TimexType::Date, v, true);
  }
  return std::nullopt;
}

std::optional<Hit> Scanner::set(uint32_t i) {
  if (kind(i) == WordKind::Set) {
    std::string_view code = t(i).word->code;
    if (code == "NI") return make_hit(i, i + 1, TimexType::Set, "XXXX-XX-XXTNI");
    return make_hit(i, i + 1, TimexType::Set, duration(t(i).word->unit, 1, true));
  }
  std::string_view w = t(i).low;
  if (!one_of(w, {"every", "each", "per"})) return std::nullopt;
  uint32_t j = i + 1;
  if (w == "every" && is(j, "other")) ++j;
  long n = 1;
  bool known = true;
  uint32_t k = j;
  if (w == "every" && number_at(j, k, n, known) && known) j = k;
  if (kind(j) == WordKind::Weekday && upper(j))
    return make_hit(i, j + 1, TimexType::Set, "XXXX-WXX-" + std::to_string(t(j).word->value));
  int month = 0;
  if (w != "per" && month_at(j, month))
    return make_hit(i, j + 1, TimexType::Set, fmt_month(0, month).replace(0, 4, "XXXX"));
  if (kind(j) != WordKind::Unit) return std::nullopt;
  Unit u = t(j).word->unit;
  if (u == Unit::Weekend) return make_hit(i, j + 1, TimexType::Set, "XXXX-WXX-WE");
  return make_hit(i, j + 1, TimexType::Set, duration(u, n, true));
}

std::optional<Hit> Scanner::season(uint32_t i) {
  uint32_t j = i;
  bool det = false;
  if (one_of(t(j).low, {"the", "early", "late", "mid"})) {
    det = true;
    ++j;
  }
  if (kind(j) != WordKind::Season) return std::nullopt;
  std::string_view code = t(j).word->code;
  uint32_t end = j + 1;
  long y = 0;
  uint32_t after = 0;
  if (is(end, "of") && any_year_at(end + 1, after, y)) end = after;
  else if (any_year_at(end, after, y)) end = after;
  std::string_view prev = i > sent_first_ ? t(i - 1).low : std::string_view();
  if (!y && !det && !(prev == "in" && t(j).low != "fall")) return std::nullopt;
  if (!y) {
    if (!dct_) return make_hit(i, end, TimexType::Date, "XXXX-" + std::string(code), true);
    y = dct_->year();
  }
  return make_hit(i, end, TimexType::Date, fmt_year(y) + "-" + std::string(code), true);
}

}  // namespace eventloom::timex
