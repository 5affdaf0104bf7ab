// Gazetteer marks for the name tagger: which words of a sentence lie inside
// a phrase of eventloom's lexicons (countries, capitals, demonyms,
// organisations, places, given names, titles, organisation and place words)
// or of the names the training data annotates (models/names_list.tsv, by
// type), and where (begin, inside, last, unit). They are features the model
// weighs against everything else, never decisions on their own. (In
// training, each document sees the names of the other folds only, so the
// model learns how far a list of names from elsewhere can be trusted.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventloom::analyse {

enum GazList : uint32_t {
  kGazCountry, kGazCapital, kGazDemonym, kGazOrg, kGazPlace, kGazGiven, kGazTitle, kGazOrgWord,
  kGazNamePer, kGazNameOrg, kGazNameLoc, kGazNameMisc,  // names annotated in training data
  kGazLists
};

// Per word: for each list, 4 bits (B, I, L, U of the longest match there).
using GazMarks = uint64_t;

class Gazetteer {
 public:
  // The actors stage's lexicons, and `names`: lines "TYPE<TAB>name" (PER,
  // ORG, LOC, MISC), as models/names_list.tsv holds them.
  explicit Gazetteer(std::string_view names = {});
  void add(std::string_view phrase, GazList list);
  // Marks for each word of a sentence.
  void mark(const std::vector<std::string_view>& words, std::vector<GazMarks>& out) const;

 private:
  static constexpr uint32_t kLonger = 1u << 31;       // some longer phrase begins with these words
  std::unordered_map<std::string, uint32_t> phrases_;  // folded words, one space apart -> list bits, kLonger
  std::unordered_map<std::string, uint32_t> words_;    // single-word lists (titles, org words)
  size_t max_words_ = 1;
};

}  // namespace eventloom::analyse
