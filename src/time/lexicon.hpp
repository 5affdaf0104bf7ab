// The time lexicon: words of time (months, weekdays, numbers, units, seasons,
// parts of day, deictic words, frequencies) and holiday phrases, read once
// from src/time/data/*.txt into read-only tables.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/hash.hpp"

namespace eventloom::timex {

enum class WordKind : uint8_t { None, Month, Weekday, Number, Ordinal, Unit, Season, PartOfDay, Deictic, Set, Zone, DecadeWord, Starter };

// Units, coarsest last; the order matters for granularity comparisons.
enum class Unit : uint8_t { Second, Minute, Hour, Day, Week, Weekend, Month, Quarter, Year, Decade, Century };

// The tense a word gives its clause ("was", "will", "is"); PastForm: a past
// form that may be a participle ("paid": past in "paid Monday", not in
// "will be paid Monday").
// Break: a word that opens another clause, beyond which the tense is not the
// expression's ("will hold talks Tuesday after Russia attacked").
enum class Tense : uint8_t { None, Past, Future, Present, PastForm, Break };

struct WordInfo {
  WordKind kind = WordKind::None;
  int value = 0;              // month, weekday, number, ordinal
  Unit unit = Unit::Day;      // Unit and Set
  bool plural = false;        // "years"
  std::string_view code;      // season / part of day / deictic code ("SU", "MO", "D-1", "PAST_REF")
};

struct Holiday {
  std::vector<std::string_view> words;  // lower case, abbreviation periods removed
  int nth = 0, weekday = 0, month = 0, day = 0;  // fixed day when nth == 0
};

using util::WordHash;

class Lexicon {
 public:
  static constexpr size_t kMaxWord = 16;  // longer tokens are never time words
  static const Lexicon& get();
  const WordInfo* find(std::string_view lower) const {
    if (lower.size() > kMaxWord) return nullptr;
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  Tense tense(std::string_view lower) const {
    auto it = tenses_.find(lower);
    return it == tenses_.end() ? Tense::None : it->second;
  }
  // Holidays whose first word is `lower`.
  const std::vector<const Holiday*>* holidays_from(std::string_view lower) const {
    auto it = holiday_index_.find(lower);
    return it == holiday_index_.end() ? nullptr : &it->second;
  }

 private:
  Lexicon();
  std::unordered_map<std::string_view, WordInfo, WordHash> words_;
  std::unordered_map<std::string_view, Tense, WordHash> tenses_;
  std::vector<Holiday> holidays_;
  std::unordered_map<std::string_view, std::vector<const Holiday*>, WordHash> holiday_index_;
};

}  // namespace eventloom::timex
