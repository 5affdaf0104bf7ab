// The events stage's lexicons, read once from src/events/data/ (compiled in):
// the trigger phrases with their CAMEO roots, irregular word forms, and the
// CAMEO root of each reporting verb. Keys are string_views into the embedded
// data, so lookups allocate nothing; the tables are built on first use (a
// function-local static) and read-only afterwards.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "eventloom/cameo.hpp"
#include "util/hash.hpp"
#include <vector>

namespace eventloom::events {

struct TriggerPhrase {
  std::vector<std::string_view> lemmas;  // at least one
  uint8_t code = 0;                      // CAMEO root 1..20; 0 blocks the phrase
  bool weak = false;                     // needs a date, possessor or "with X" to count
  bool alone = false;                    // names an event without actors ("talks went well")
  bool dyadic = false;                   // an act only between a subject and an object the parse names
};

class Lexicon {
 public:
  static const Lexicon& get();
  // Phrases whose first lemma is `lemma`, longest first.
  const std::vector<uint32_t>* starting_with(std::string_view lemma) const;
  const TriggerPhrase& phrase(uint32_t i) const { return phrases_[i]; }
  // The lemma of a lower-case word, as the lexicon knows it; the word itself
  // when no known lemma fits. `buf` holds the result when it is built.
  std::string_view lemma(std::string_view lower, char (&buf)[48]) const;
  // CAMEO root of a reporting verb's lemma; 1 when not listed.
  uint8_t statement_code(std::string_view lemma) const;

 private:
  Lexicon();
  bool known(std::string_view w) const { return words_.count(w) != 0; }
  std::vector<TriggerPhrase> phrases_;
  std::unordered_map<std::string_view, std::vector<uint32_t>, util::WordHash> by_first_;
  std::unordered_map<std::string_view, uint8_t, util::WordHash> words_;  // every lemma of a phrase or verb
  std::unordered_map<std::string_view, std::string_view, util::WordHash> irregular_;
  std::unordered_map<std::string_view, uint8_t, util::WordHash> statement_codes_;
  // The first two bytes of every word of words_ and irregular_, one bit
  // each: every candidate lemma() tries keeps a word's first two bytes, so
  // a word whose pair has no bit has no known lemma (most words of news).
  std::array<uint64_t, 1024> pairs_{};
  static uint32_t pair_of(std::string_view w) {
    return uint32_t(static_cast<unsigned char>(w[0])) << 8 | static_cast<unsigned char>(w[1]);
  }
  bool may_know(std::string_view w) const {
    return w.size() < 2 || (pairs_[pair_of(w) >> 6] >> (pair_of(w) & 63) & 1) != 0;
  }
};

// "04 CONSULT" for 4; "" outside 1..20.
std::string_view cameo_name(uint8_t code);

using eventloom::cameo_root;  // include/eventloom/cameo.hpp
using eventloom::kNoCameo;

}  // namespace eventloom::events
