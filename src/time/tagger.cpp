// Recognising and normalising time expressions (TimeML TIMEX3).
//
// Algorithm. The scanner makes one pass over each sentence's tokens. Every
// token first gets a TokInfo (its lower-case form, its lexicon entry, its
// value when it is a small all-digit number), computed once per document in
// a single lower-cased copy of the text. At each position a fixed list of
// matchers is tried (times of day, holidays, weekday and month phrases,
// numbers, hyphenated compounds, "last/next/this X", quantities "three
// years (ago)", quarters, deictic words, frequencies, seasons); each returns
// the longest expression it recognises there, with its TIMEX3 type and value.
// Modifiers that TimeML keeps in the span ("early", "late", "mid", "the end
// of", "nearly", "more than") are consumed in front of a core expression.
// After a hit the scan resumes after it, so expressions never overlap.
//
// Values. Explicit dates are validated on the calendar (make_date) and
// dropped when invalid ("February 30"). Relative expressions resolve against
// the publication date (dct): a bare weekday is the latest such day on or
// before the dct, unless a future cue ("will", "scheduled") precedes it in
// the sentence; months and days without a year take the year that puts them
// nearest the dct on the side the sentence points to. Without a dct they stay
// underspecified ("XXXX-WXX-4", "XXXX-06"). Financial "a year earlier" and
// "the quarter" follow the last quarter the article named.
//
// Invariants: no value outside years 1..9999 (a hit whose value left the
// calendar is dropped, never emitted empty); every index is bounds-checked
// through t(i)/is(i)/kind(i), which read as empty past the sentence end.
#include <algorithm>
#include <cstdio>

#include "eventloom/timex_value.hpp"
#include "time/scanner.hpp"

namespace eventloom {

const char* to_string(TimexType t) {
  switch (t) {
    case TimexType::Date: return "DATE";
    case TimexType::Time: return "TIME";
    case TimexType::Duration: return "DURATION";
    case TimexType::Set: return "SET";
  }
  return "DATE";
}

namespace timex {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

const char* unit_code(Unit u) {
  switch (u) {
    case Unit::Second: return "S";
    case Unit::Minute: return "M";
    case Unit::Hour: return "H";
    case Unit::Day: return "D";
    case Unit::Week: return "W";
    case Unit::Weekend: return "WE";
    case Unit::Month: return "M";
    case Unit::Quarter: return "Q";
    case Unit::Year: return "Y";
    case Unit::Decade: return "DE";
    case Unit::Century: return "CE";
  }
  return "D";
}

// "third" -> 3; "second" is listed as a unit, so it is handled here.
int ordinal_value(const WordInfo* w, std::string_view low) {
  if (low == "second") return 2;
  return w && w->kind == WordKind::Ordinal ? w->value : 0;
}

bool is_clock_unit(Unit u) { return u == Unit::Second || u == Unit::Minute || u == Unit::Hour; }

Hit make_hit(uint32_t first, uint32_t end, TimexType type, std::string value, bool relative = false) {
  Hit h;
  h.first = first;
  h.end = end;
  h.type = type;
  h.value = std::move(value);
  h.relative = relative;
  return h;
}

// "13th", "1st", "22nd": the day number, else -1.
long ordinal_digits(std::string_view w) {
  if (w.size() < 3 || w.size() > 4) return -1;
  std::string_view suf = w.substr(w.size() - 2);
  if (!one_of(suf, {"st", "nd", "rd", "th"})) return -1;
  long v = 0;
  for (char c : w.substr(0, w.size() - 2)) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Split a hyphenated token into at most 4 parts.
int split_hyphen(std::string_view w, std::string_view* parts) {
  int n = 0;
  size_t i = 0;
  while (i <= w.size() && n < 4) {
    size_t e = w.find('-', i);
    if (e == std::string_view::npos) e = w.size();
    parts[n++] = w.substr(i, e - i);
    i = e + 1;
  }
  return i <= w.size() ? 0 : n;  // more than 4 parts: none
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

long small_number(std::string_view s) {  // digits only, at most 9, else -1
  if (!all_digits(s) || s.size() > 9) return -1;
  long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A number word or digits, alone or as "twenty-four".
long number_word(std::string_view w) {
  long v = small_number(w);
  if (v >= 0) return v;
  const Lexicon& lex = Lexicon::get();
  if (const WordInfo* wi = lex.find(w); wi && wi->kind == WordKind::Number) return wi->value;
  size_t dash = w.find('-');
  if (dash != std::string_view::npos) {
    const WordInfo* a = lex.find(w.substr(0, dash));
    const WordInfo* b = lex.find(w.substr(dash + 1));
    if (a && b && a->kind == WordKind::Number && b->kind == WordKind::Number && a->value >= 20 &&
        a->value % 10 == 0 && a->value < 100 && b->value < 10)
      return a->value + b->value;
  }
  return -1;
}

// A regular past form ("announced", "charged"), told from adjectives and
// participles by the word before it ("the armed forces", "was charged",
// "will be named": the auxiliary gives the tense there).
bool regular_past(std::string_view w) {
  if (w.size() < 5 || w.substr(w.size() - 2) != "ed" || w.substr(w.size() - 3) == "eed") return false;
  return w.substr(0, 2) != "un" && !one_of(w, {"hundred", "naked", "wicked", "sacred", "kindred", "beloved", "alleged"});
}

bool finite_after(std::string_view prev) {
  return !one_of(prev, {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                        "my", "your", "be", "been", "being", "is", "are", "am", "'s", "have", "has", "get", "gets",
                        "to", "and", "or", "of", "newly", "recently", "previously", "already", "once", "well"});
}

}  // namespace

Scanner::Scanner(const AnnotatedText& at, const TimeOptions& opt) : at_(at), dct_(opt.dct), ages_(opt.ages) {
  if (dct_ && !valid_year(dct_->year())) dct_.reset();
  lower_ = text::lower_ascii(at.text());
  const Lexicon& lex = Lexicon::get();
  toks_.resize(at.tokens.size());
  for (size_t k = 0; k < at.tokens.size(); ++k) {
    const Token& tok = at.tokens[k];
    TokInfo& ti = toks_[k];
    ti.flags = tok.flags;
    ti.low = std::string_view(lower_).substr(tok.span.start, tok.span.size());
    if (tok.has(kAbbrev) && ti.low.size() > 1 && ti.low.back() == '.') ti.low.remove_suffix(1);
    if (tok.has(kAlpha) && !tok.has(kDigit)) ti.word = lex.find(ti.low);
    if (tok.has(kDigit) && !tok.has(kAlpha) && all_digits(ti.low)) {
      ti.digits = static_cast<uint8_t>(std::min<size_t>(ti.low.size(), 255));
      ti.num = small_number(ti.low);
    }
    ti.may_start = ti.word || tok.has(kDigit) || tok.has(kHyphen);
  }
}

// The tense word k gives its clause, worked out the first time it is asked
// (only words near a weekday or a month ever are).
Tense Scanner::tense(uint32_t k) const {
  const TokInfo& ti = toks_[k];
  if (ti.tense_known) return ti.tense;
  ti.tense_known = true;
  if (!(ti.flags & kAlpha)) return ti.tense = ti.low == ";" ? Tense::Break : Tense::None;
  // An intention points ahead: "plans to", "is to", "set to", "going to".
  if (k + 1 < toks_.size() && toks_[k + 1].low == "to" &&
      one_of(ti.low, {"plan", "plans", "intend", "intends", "aim", "aims", "hope", "hopes", "want", "wants", "vow",
                      "vows", "promise", "promises", "pledge", "pledges", "threaten", "threatens", "set", "going", "is",
                      "are", "ready", "prepared", "preparing", "supposed", "due", "scheduled", "expected"}))
    return ti.tense = Tense::Future;
  Tense t = Lexicon::get().tense(ti.low);
  if (t == Tense::None && ti.low.size() > 3 && ti.low.substr(ti.low.size() - 3) == "'ll") t = Tense::Future;
  if (t == Tense::None && (ti.flags & kLower) && regular_past(ti.low)) t = Tense::PastForm;
  if (t == Tense::PastForm) t = finite_after(k ? toks_[k - 1].low : "") ? Tense::Past : Tense::None;
  return ti.tense = t;
}

bool Scanner::upper(uint32_t i) const { return i < end_ && (toks_[i].flags & kUpperInit); }

std::vector<Timex> Scanner::run() {
  std::vector<Timex> out;
  for (const Sentence& s : at_.sentences) {
    sent_first_ = s.first_token;
    end_ = std::min<uint32_t>(s.last_token, static_cast<uint32_t>(toks_.size()));
    uint32_t i = s.first_token;
    while (i < end_) {
      const TokInfo& ti = toks_[i];
      bool needs_next = ti.word && ti.word->kind == WordKind::Starter && ti.word->value == 0;
      if (!ti.may_start || (needs_next && !t(i + 1).may_start)) {
        ++i;
        continue;
      }
      auto h = match(i);
      if (!h || h->end <= i) {
        ++i;
        continue;
      }
      if (h->value.empty()) {  // a value that left the calendar: no expression
        i = h->end;
        continue;
      }
      Timex tx;
      tx.span = {at_.tokens[h->first].span.start, at_.tokens[h->end - 1].span.end};
      tx.type = h->type;
      tx.value = std::move(h->value);
      tx.paragraph = s.paragraph;
      tx.first_token = h->first;
      tx.last_token = h->end;
      tx.relative = h->relative;
      tx.future = sentence_direction(h->first) == Direction::Future;
      if (tx.type == TimexType::Date || tx.type == TimexType::Time) note_reference(tx.value);
      out.push_back(std::move(tx));
      i = h->end;
    }
  }
  return out;
}

std::optional<Hit> Scanner::match(uint32_t i) {
  if (auto h = prefixed(i)) return h;
  return core(i);
}

// Modifiers kept in the span: "early", "late", "mid", "earlier", "later",
// "the end of" (not before a bare weekday: "Earlier Friday" tags "Friday"),
// and the approximators TimeBank keeps ("nearly", "more than", "up to");
// "about", "only", "just" stay out, and so does a possessive "'s".
std::optional<Hit> Scanner::prefixed(uint32_t i) {
  std::string_view w = t(i).low;
  uint32_t j = i;
  bool date_only = true;
  if (one_of(w, {"early", "late", "mid", "earlier", "later"})) {
    j = i + 1;
  } else if ((w == "the" || w == "at") && one_of(t(i + 1).low, {"end", "beginning", "start", "middle", "turn"}) &&
             is(i + 2, "of")) {
    j = i + 3;
  } else if (one_of(w, {"end", "beginning", "start", "middle"}) && is(i + 1, "of")) {
    j = i + 2;
  } else if (one_of(w, {"nearly", "almost", "over", "under"})) {
    j = i + 1;
    date_only = false;
  } else if (one_of(w, {"more", "less", "fewer"}) && is(i + 1, "than")) {
    j = i + 2;
    date_only = false;
  } else if (one_of(w, {"at", "up"}) && one_of(t(i + 1).low, {"least", "most", "to"})) {
    j = i + 2;
    date_only = false;
  } else {
    return std::nullopt;
  }
  if (j >= end_) return std::nullopt;
  auto h = core(j);
  if (!h) return std::nullopt;
  bool vague = h->value.find("_REF") != std::string::npos;
  if (date_only) {
    if (h->type == TimexType::Duration || h->type == TimexType::Set || vague) return std::nullopt;
    if (kind(j) == WordKind::Weekday) return std::nullopt;  // "Earlier Friday": TimeML tags "Friday"
  } else {
    // "about 10 years", "nearly three years ago"; not "over Friday".
    bool quantity = kind(j) == WordKind::Number || t(j).num >= 0 || is(j, "a") || is(j, "an") ||
                    (t(j).flags & kHyphen);
    if (!quantity || vague) return std::nullopt;
  }
  h->first = i;
  return h;
}

std::optional<Hit> Scanner::core(uint32_t i) {
  using M = std::optional<Hit> (Scanner::*)(uint32_t);
  static constexpr M kMatchers[] = {&Scanner::time_of_day, &Scanner::holiday,  &Scanner::day_month,
                                    &Scanner::numeric,     &Scanner::hyphenated, &Scanner::quarter,
                                    &Scanner::anaphoric,   &Scanner::relative, &Scanner::quantity, &Scanner::deictic,
                                    &Scanner::the_phrase,  &Scanner::set,      &Scanner::season};
  WordKind k = kind(i);
  if (k == WordKind::Weekday)
    if (auto h = weekday_phrase(i, sentence_direction(i))) return h;
  if (k == WordKind::Month)
    if (auto h = month_phrase(i, sentence_direction(i))) return h;
  for (M m : kMatchers)
    if (auto h = (this->*m)(i)) return h;
  return std::nullopt;
}

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

}  // namespace timex

std::vector<Timex> tag_times(const AnnotatedText& at, const TimeOptions& opt) {
  timex::Scanner scanner(at, opt);
  return scanner.run();
}

}  // namespace eventloom
