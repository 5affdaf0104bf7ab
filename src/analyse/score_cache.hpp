// A memo of partial scores: the summed weights, for every class, of the
// features that depend on one word alone (its form, affixes, shape,
// clusters) in one role (the word itself, the word before, the word after).
// Words repeat: most tokens of news are among a few thousand word types, so
// a token costs three additions of rows from here and a handful of lookups
// for the features of its context, instead of some thirty lookups in the
// model. Two-way set-associative: a word pushed out by two others is scored
// again.
// One cache per model and thread (ScoreCache::local).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analyse/linear.hpp"

namespace eventloom::analyse {

class ScoreCache {
 public:
  static constexpr uint32_t kSlots = 2048;  // 0.85 MB for the tagger's 102 classes
  // (8,192 took 7 MB more on two threads, and the build no less CPU time;
  // 4,096 took 3.5 MB more than 2,048, and on the first 3,000 articles of
  // Reuters-21578, 8 interleaved pairs, no less CPU time: median 4.69 s
  // against 4.60 s)

  explicit ScoreCache(const LinearModel& m)
      : id_(m.id()), stride_((m.classes() + 7) / 8 * 8), keys_(kSlots, 0), rows_(size_t(kSlots) * stride_) {}

  // The row of partial scores of `key` (never 0) under `m` (the model this
  // cache was made for), computed on a miss from the features that
  // fill(std::vector<Feature>&) appends.
  template <typename Fill>
  const float* row(const LinearModel& m, uint64_t key, Fill&& fill) {
    // Two ways: a set of two slots, the one read least recently replaced.
    const size_t set = ((key ^ (key >> 29)) & (kSlots / 2 - 1)) * 2;
    for (size_t s = set; s < set + 2; ++s)
      if (keys_[s] == key) {
        recent_[set / 2] = static_cast<uint8_t>(s - set);
        return &rows_[s * stride_];
      }
    const size_t s = set + 1 - recent_[set / 2];
    recent_[set / 2] = static_cast<uint8_t>(s - set);
    float* r = &rows_[s * stride_];
    features_.clear();
    fill(features_);
    std::fill(r, r + stride_, 0.0f);
    m.score(features_.data(), features_.size(), r);
    keys_[s] = key;
    return r;
  }
  uint32_t stride() const { return stride_; }

  // This thread's cache for `m`, made on first use; the thread keeps the
  // caches of its last four models.
  static ScoreCache& local(const LinearModel& m) {
    std::vector<ScoreCache>& caches = mine();
    for (auto& c : caches)
      if (c.id_ == m.id()) return c;
    if (caches.size() == 4) caches.erase(caches.begin());
    caches.emplace_back(m);
    return caches.back();
  }
  // Frees this thread's caches (release_models(): their models are gone, and
  // a thread that lives on, as the one that ran a build does, would keep
  // them to its end).
  static void release_local() { std::vector<ScoreCache>().swap(mine()); }

 private:
  static std::vector<ScoreCache>& mine() {
    thread_local std::vector<ScoreCache> caches;
    return caches;
  }
  uint64_t id_;
  uint32_t stride_;
  std::vector<uint64_t> keys_;
  std::vector<uint8_t> recent_ = std::vector<uint8_t>(kSlots / 2, 0);  // per set: the way read last
  std::vector<float> rows_;
  std::vector<Feature> features_;
};

}  // namespace eventloom::analyse
