// The hashes the stages share: FNV-1a for short strings (words, keys) and
// the MurmurHash3 finaliser to spread a 64-bit value over all its bits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eventloom::util {

constexpr uint64_t kFnvBasis = 1469598103934665603ull, kFnvPrime = 1099511628211ull;

inline uint64_t fnv1a(std::string_view s, uint64_t h = kFnvBasis) {
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
}

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

// For the lexicons' tables of short words: cheaper than std::hash (a
// MurmurHash) on strings of a few bytes; the tables keep a low load factor,
// as most lookups miss.
struct WordHash {
  size_t operator()(std::string_view s) const { return static_cast<size_t>(fnv1a(s)); }
};

}  // namespace eventloom::util
