// Gazetteer marks for the name tagger: which words of a sentence lie inside
// a phrase of eventloom's lexicons (countries, capitals, demonyms,
// organisations, places, given names, titles, organisation and place words),
// and where (begin, inside, last, unit). They are features the model weighs
// against everything else, never decisions on their own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventloom::analyse {

enum GazList : uint32_t {
  kGazCountry, kGazCapital, kGazDemonym, kGazOrg, kGazPlace, kGazGiven, kGazTitle, kGazOrgWord,
  kGazLists
};

// Per word: for each list, 4 bits (B, I, L, U of the longest match there).
using GazMarks = uint32_t;

class Gazetteer {
 public:
  static const Gazetteer& builtin();  // from the actors stage's data files
  // Marks for each word of a sentence.
  void mark(const std::vector<std::string_view>& words, std::vector<GazMarks>& out) const;

 private:
  Gazetteer();
  void add(std::string_view phrase, GazList list);
  std::unordered_map<std::string, uint32_t> phrases_;  // folded words, one space apart -> list bits
  std::unordered_map<std::string, uint32_t> words_;    // single-word lists (titles, org words)
  size_t max_words_ = 1;
};

}  // namespace eventloom::analyse
