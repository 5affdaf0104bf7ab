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
//
// The phases are files: this one is the scan (run, match, the modifiers in
// front of an expression); tagger_pieces.cpp, the pieces and their values;
// tagger_dates.cpp and tagger_relative.cpp, the matchers; tagger_util.hpp,
// the helpers they share.
#include <algorithm>
#include <cstdio>

#include "eventloom/timex_value.hpp"
#include "time/scanner.hpp"
#include "time/tagger_util.hpp"

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
using namespace scan_util;

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

}  // namespace timex

std::vector<Timex> tag_times(const AnnotatedText& at, const TimeOptions& opt) {
  timex::Scanner scanner(at, opt);
  return scanner.run();
}

}  // namespace eventloom
