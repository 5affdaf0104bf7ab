// The small helpers every phase of the time tagger uses (tagger.cpp, the
// scan; tagger_pieces.cpp, the pieces of an expression and their values;
// tagger_dates.cpp and tagger_relative.cpp, the matchers).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "time/scanner.hpp"

namespace eventloom::timex::scan_util {

inline bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

inline const char* unit_code(Unit u) {
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
inline int ordinal_value(const WordInfo* w, std::string_view low) {
  if (low == "second") return 2;
  return w && w->kind == WordKind::Ordinal ? w->value : 0;
}

inline bool is_clock_unit(Unit u) { return u == Unit::Second || u == Unit::Minute || u == Unit::Hour; }

inline Hit make_hit(uint32_t first, uint32_t end, TimexType type, std::string value, bool relative = false) {
  Hit h;
  h.first = first;
  h.end = end;
  h.type = type;
  h.value = std::move(value);
  h.relative = relative;
  return h;
}

// "13th", "1st", "22nd": the day number, else -1.
inline long ordinal_digits(std::string_view w) {
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
inline int split_hyphen(std::string_view w, std::string_view* parts) {
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

inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

inline long small_number(std::string_view s) {  // digits only, at most 9, else -1
  if (!all_digits(s) || s.size() > 9) return -1;
  long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A number word or digits, alone or as "twenty-four".
inline long number_word(std::string_view w) {
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
inline bool regular_past(std::string_view w) {
  if (w.size() < 5 || w.substr(w.size() - 2) != "ed" || w.substr(w.size() - 3) == "eed") return false;
  return w.substr(0, 2) != "un" && !one_of(w, {"hundred", "naked", "wicked", "sacred", "kindred", "beloved", "alleged"});
}

inline bool finite_after(std::string_view prev) {
  return !one_of(prev, {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                        "my", "your", "be", "been", "being", "is", "are", "am", "'s", "have", "has", "get", "gets",
                        "to", "and", "or", "of", "newly", "recently", "previously", "already", "once", "well"});
}

}  // namespace eventloom::timex::scan_util
