// FNV-1a for the short words the lexicons look up: cheaper than std::hash
// (a MurmurHash) on strings of a few bytes, and the tables keep a low load
// factor, as most lookups miss.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eventloom::util {

struct WordHash {
  size_t operator()(std::string_view s) const {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

}  // namespace eventloom::util
