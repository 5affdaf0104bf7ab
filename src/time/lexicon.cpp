#include "time/lexicon.hpp"

#include <algorithm>
#include <charconv>

#include "util/lines.hpp"

namespace eventloom::timex {
namespace {

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool parse_unit(std::string_view code, Unit& u) {
  static const std::pair<std::string_view, Unit> kCodes[] = {
      {"S", Unit::Second}, {"MI", Unit::Minute}, {"H", Unit::Hour},     {"D", Unit::Day},
      {"W", Unit::Week},   {"WE", Unit::Weekend}, {"M", Unit::Month},   {"Q", Unit::Quarter},
      {"Y", Unit::Year},   {"DE", Unit::Decade}, {"CE", Unit::Century}, {"NI", Unit::Day}};
  for (const auto& [c, unit] : kCodes)
    if (c == code) {
      u = unit;
      return true;
    }
  return false;
}

WordInfo parse_word(std::string_view kind, std::string_view value) {
  WordInfo w;
  if (kind == "month") w.kind = WordKind::Month;
  else if (kind == "weekday") w.kind = WordKind::Weekday;
  else if (kind == "num") w.kind = WordKind::Number;
  else if (kind == "ord") w.kind = WordKind::Ordinal;
  else if (kind == "unit") w.kind = WordKind::Unit;
  else if (kind == "season") w.kind = WordKind::Season;
  else if (kind == "pod") w.kind = WordKind::PartOfDay;
  else if (kind == "deictic") w.kind = WordKind::Deictic;
  else if (kind == "set") w.kind = WordKind::Set;
  else if (kind == "tz") w.kind = WordKind::Zone;
  else if (kind == "decadeword") w.kind = WordKind::DecadeWord;
  else if (kind == "starter") w.kind = WordKind::Starter;
  w.code = value;
  if (w.kind == WordKind::Unit || w.kind == WordKind::Set) {
    std::string_view c = value;
    if (!c.empty() && c.back() == '+') {
      w.plural = true;
      c.remove_suffix(1);
    }
    if (c == "W2") {  // a fortnight: two weeks
      w.unit = Unit::Week;
      w.value = 2;
    } else {
      w.value = 1;
      if (!parse_unit(c, w.unit)) w.kind = WordKind::None;
    }
  } else {
    w.value = to_int(value);
  }
  return w;
}

std::string_view strip_period(std::string_view w) {
  if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  return w;
}

}  // namespace

Lexicon::Lexicon() {
  words_.max_load_factor(0.25f);  // few collisions: most lookups miss
  holiday_index_.max_load_factor(0.25f);
  util::read_data_file("time/data/words.txt", {3, 3, false}, [&](const util::DataFields& f) -> const char* {
    WordInfo w = parse_word(f[1], f[2]);
    if (w.kind == WordKind::None) return "unknown kind of time word, or a unit code that is none";
    if (w.kind == WordKind::Starter && words_.count(f[0])) return nullptr;  // a time word already
    words_[f[0]] = w;
    return nullptr;
  });
  util::read_data_file("time/data/tense.txt", {2, 2, false}, [&](const util::DataFields& f) -> const char* {
    static const std::pair<std::string_view, Tense> kTenses[] = {{"past", Tense::Past},
                                                                 {"form", Tense::PastForm},
                                                                 {"future", Tense::Future},
                                                                 {"break", Tense::Break},
                                                                 {"present", Tense::Present}};
    for (const auto& [name, tense] : kTenses)
      if (f[1] == name) {
        tenses_[f[0]] = tense;
        return nullptr;
      }
    return "expected past, form, future, break or present";
  });
  util::read_data_file("time/data/holidays.txt", {2, 8, false}, [&](const util::DataFields& f) -> const char* {
    Holiday h;
    std::string_view rule = f[0];
    // "MM-DD" or "NTH-WEEKDAY-MONTH" (NTH may be -1).
    std::vector<int> parts;
    size_t i = 0;
    while (i <= rule.size()) {
      size_t j = i;
      if (j < rule.size() && rule[j] == '-') ++j;  // a sign
      while (j < rule.size() && rule[j] != '-') ++j;
      parts.push_back(to_int(rule.substr(i, j - i)));
      i = j + 1;
    }
    if (parts.size() == 2) {
      h.month = parts[0];
      h.day = parts[1];
    } else if (parts.size() == 3) {
      h.nth = parts[0];
      h.weekday = parts[1];
      h.month = parts[2];
    } else {
      return "expected MM-DD or NTH-WEEKDAY-MONTH";
    }
    if (h.month < 1 || h.month > 12) return "no such month";
    for (size_t k = 1; k < f.size(); ++k) h.words.push_back(strip_period(f[k]));
    holidays_.push_back(std::move(h));
    return nullptr;
  });
  for (const Holiday& h : holidays_) {
    holiday_index_[h.words.front()].push_back(&h);
    if (!words_.count(h.words.front())) words_[h.words.front()].kind = WordKind::Starter;
  }
  // Longest phrase first, so the matcher can stop at the first that fits.
  for (auto& [k, v] : holiday_index_)
    std::stable_sort(v.begin(), v.end(), [](const Holiday* a, const Holiday* b) { return a->words.size() > b->words.size(); });
}

const Lexicon& Lexicon::get() {
  static const Lexicon lexicon;
  return lexicon;
}

}  // namespace eventloom::timex
