// What the learned models see of a word: hashes of its forms, affixes and
// shape, its word clusters and a few flags, computed once per token and
// shared by every feature template (and by training and tagging alike, so
// the two can never disagree on a feature).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "analyse/clusters.hpp"

namespace eventloom::analyse {

enum WordFlag : uint16_t {
  kWCap = 1 << 0,       // first letter upper case
  kWAllCaps = 1 << 1,   // letters all upper case, at least one
  kWDigit = 1 << 2,     // a digit
  kWHyphen = 1 << 3,    // an inner hyphen
  kWPunct = 1 << 4,     // no letter or digit
  kWInnerCap = 1 << 5,  // an upper-case letter after the first ("McCain", "iPhone")
  kWPeriod = 1 << 6,    // a period inside or at the end ("U.S.", "Inc.")
};

struct WordInfo {
  uint64_t form = 0;   // the word as written
  uint64_t lower = 0;  // lower case, digits as 0
  uint64_t shape = 0;  // "Xx", "X.X.", "d-d": classes of characters, runs folded
  std::array<uint64_t, 3> prefix{};  // 1 to 3 bytes of the lower form
  std::array<uint64_t, 4> suffix{};  // 1 to 4 bytes
  std::array<uint16_t, WordClusters::kLevels> cluster{};  // coarse to fine, 0 unknown
  uint16_t flags = 0;
  uint16_t length = 0;
};

// Fills `wi` for `w`; `clusters` may be null.
void describe_word(std::string_view w, const WordClusters* clusters, WordInfo& wi);

// Hashes used for the pads before and after a sentence.
constexpr uint64_t kPadBefore = 0x5354415254ull, kPadAfter = 0x454e44ull;

// The lower-case hash of word j of a sentence of n words (lower(j)), or the
// pad's where j falls before or after it: each distance its own pad.
template <typename Lower>
uint64_t lower_or_pad(ptrdiff_t j, size_t n, Lower&& lower) {
  if (j < 0) return kPadBefore + uint64_t(-j);
  if (j >= static_cast<ptrdiff_t>(n)) return kPadAfter + uint64_t(j);
  return lower(static_cast<size_t>(j));
}

}  // namespace eventloom::analyse
