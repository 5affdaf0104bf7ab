// An open-addressing index from 64-bit keys (already well mixed, never 0) to
// their row numbers, at most half full: what the models and the word
// clusters look their features and words up in.
#pragma once

#include <cstdint>
#include <vector>

namespace eventloom::analyse {

class HashIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  void build(const std::vector<uint64_t>& keys) {
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    mask_ = cap - 1;
    key_.assign(cap, 0);
    row_.assign(cap, 0);
    for (uint32_t r = 0; r < keys.size(); ++r) {
      uint64_t i = keys[r] & mask_;
      while (key_[i]) i = (i + 1) & mask_;
      key_[i] = keys[r];
      row_[i] = r;
    }
  }

  uint32_t find(uint64_t key) const {
    if (key_.empty()) return kNone;
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      if (key_[i] == key) return row_[i];
      if (key_[i] == 0) return kNone;
    }
  }

  // Asks the cache for the key's first slot ahead of find().
  void prefetch(uint64_t key) const {
    if (!key_.empty()) __builtin_prefetch(&key_[key & mask_]);
  }

 private:
  std::vector<uint64_t> key_;  // 0: empty
  std::vector<uint32_t> row_;
  uint64_t mask_ = 0;
};

}  // namespace eventloom::analyse
