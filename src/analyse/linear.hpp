// Sparse linear models over hashed features: what the tagger, the name
// tagger and the parser score with.
//
// A feature is a 64-bit hash of a template and its value ("the word before
// is 'the'"); a model maps each feature it knows to a short list of (class,
// weight) pairs, and a class's score is the sum of its weights over the
// features present. Models are trained by the averaged perceptron (Collins
// 2002) below: online, so a greedy tagger or a transition parser learns from
// its own predicted history (and a parser from a dynamic oracle), which a
// batch learner such as liblinear, trained on fixed feature vectors, cannot
// do. The trainer is deterministic: the same examples in the same order give
// the same bytes.
//
// File format (little-endian): "ELLM", version, the class names, then the
// features sorted by hash with their rows of (class, weight). Loading builds
// an open-addressing table over the hashes whose slots hold the rows (see
// Slot below); the model is read-only after it, and shared by all threads.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "util/hash.hpp"

namespace eventloom::analyse {

using Feature = uint64_t;

// The feature for template `tmpl` with value `v` (a hash or a small number).
inline Feature feature(uint32_t tmpl, uint64_t v) {
  return util::mix64(v * 0x9e3779b97f4a7c15ull + tmpl + 1) | 1;  // never 0, the empty slot
}
// Two values in one (a conjunction of templates).
inline uint64_t pair_value(uint64_t a, uint64_t b) { return util::mix64(a ^ (b * 0xc2b2ae3d27d4eb4full)); }

class LinearModel {
 public:
  LinearModel() = default;
  // Parses a model's bytes; nullopt (with `error` set) when they are not a model.
  static std::optional<LinearModel> parse(std::string_view bytes, std::string* error);
  std::string serialize() const;

  uint32_t classes() const { return static_cast<uint32_t>(names_.size()); }
  const std::string& class_name(uint32_t c) const { return names_[c]; }
  int class_index(std::string_view name) const;  // -1 when absent
  size_t features() const { return features_; }
  size_t weights() const { return weights_; }
  // Distinct for every model built or parsed in this process (copies share
  // it: they score alike), so that caches of its scores never outlive it.
  uint64_t id() const { return id_; }

  // scores[c] += the weight of each feature for c; scores holds classes() floats.
  void score(const Feature* f, size_t n, float* scores) const;
  // Asks the memory for the slots of features that a later score() will
  // read, so that their cache misses overlap with the work before it.
  void prefetch(const Feature* f, size_t n) const;

 private:
  friend class PerceptronTrainer;

  std::vector<std::string> names_;
  // The file's tables where parse() finds them (in the model's bytes, not
  // copied) or finish() makes them; build_index() puts them into the slots
  // (serialize() reads them back from there).
  struct Table;
  size_t features_ = 0, weights_ = 0;
  uint64_t id_ = 0;

  // What score() reads: an open-addressing table (ordered by key, two
  // slots in three used at most: see build_index) of 24-byte slots. A slot
  // holds a feature's key and its row when the row has at most kInline pairs
  // (four rows in five of the taggers', a third of the parser's); a longer
  // sparse row keeps its first two pairs there and the rest in `more_`, whose
  // index takes the third weight's place; a long row (dense_min_ pairs or
  // more: the bias, the tags before, frequent words) is whole in `dense_`, a
  // weight for every class (-0.0 for those it lacks), added in one vectorised
  // loop. A feature then costs one slot (it was five reads: key, row number,
  // row start, classes, weights). Adding -0.0 leaves any float as it was, so
  // the sums are exactly those of one loop over the rows, in the same order:
  // the same scores to the bit.
  static constexpr uint32_t kInline = 3;
  static constexpr uint8_t kDenseRow = 255;  // Slot::n of a dense row (sparse rows are shorter than dense_min_ <= 64)
  struct Slot {
    Feature key = 0;        // 0: empty
    float w[kInline] = {};  // the row's first weights; see more()
    uint8_t cls[kInline] = {};
    uint8_t n = 0;          // pairs in a sparse row, or kDenseRow
  };
  static_assert(sizeof(Slot) == 24);
  // Where the rest of a row is: a sparse row of more than kInline pairs at
  // more_[more(s)] (its pairs from the third on), a dense one at dense_[more(s)].
  static uint32_t more(const Slot& s) {
    uint32_t m;
    std::memcpy(&m, &s.w[kInline - 1], sizeof m);
    return m;
  }
  static void set_more(Slot& s, uint32_t m) { std::memcpy(&s.w[kInline - 1], &m, sizeof m); }
  // The pairs of an n-pair sparse row that are in its slot.
  static uint32_t inline_pairs(uint32_t n) { return n <= kInline ? n : kInline - 1; }
  // A pair as a sparse row stores it, five bytes (read unaligned).
  struct __attribute__((packed)) Weight {
    float w;
    uint8_t cls;
  };
  void build_index(const Table& t);
  size_t stride() const { return (classes() + 15) / 16 * 16; }
  template <typename F>
  void for_each_pair(const Slot& s, F&& f) const;  // f(cls, w) in the file's order
  std::vector<Slot> slots_;  // sorted by key, empty slots between (see build_index)
  size_t home_size_ = 0;     // the slots a home can be; a few more may follow
  std::vector<Weight> more_;
  std::vector<float> dense_;  // rows of classes() weights, each from a multiple of 16 floats
  uint32_t dense_min_ = 0;
  // The pairs of dense row d as the file has them: dense_pairs_[dense_start_[d], dense_start_[d + 1]);
  // both empty when the rows themselves give them back (see build_index).
  std::vector<Weight> dense_pairs_;
  std::vector<uint32_t> dense_start_;
};

// The averaged perceptron. Weights are kept with the time of their last
// change, so averaging costs nothing per example (Daumé's trick).
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::vector<std::string> class_names);
  uint32_t classes() const { return static_cast<uint32_t>(names_.size()); }
  // Current (not averaged) scores, for decoding while training.
  void score(const std::vector<Feature>& f, float* scores) const;
  // One example seen: moves weight from `predicted` to `gold` when they differ.
  void update(const std::vector<Feature>& f, uint32_t gold, uint32_t predicted, float step = 1.0f);
  // Adds d to the weight of class cls for each feature of f (a structured
  // update: the gold sequence's moves up, the predicted one's down).
  void add(const std::vector<Feature>& f, uint32_t cls, float d);
  void tick() { ++time_; }  // call once per example
  // The averaged model; weights with |w| below `min_weight` are dropped,
  // and so are the features for which `keep` (when given) says false.
  LinearModel finish(float min_weight = 1e-3f, const std::function<bool(Feature)>& keep = {}) const;
  // The mean of several trainers' averaged models (same classes): one
  // linear model that scores as their ensemble does.
  static LinearModel finish_mean(const std::vector<const PerceptronTrainer*>& ts, float min_weight = 1e-3f);

 private:
  struct Entry {
    uint8_t cls;
    float w;
    double total;    // sum of w over time, up to `stamp`
    uint64_t stamp;
  };
  void bump(std::vector<Entry>& row, uint32_t c, float d);
  // The model of `names` whose features are `keys` (sorted), each with the
  // (class, weight) pairs that row_of() gives it (none: left out).
  using Row = std::vector<std::pair<uint8_t, float>>;
  static LinearModel from_rows(const std::vector<std::string>& names, const std::vector<Feature>& keys,
                               const std::function<void(Feature, Row&)>& row_of);
  // The row of feature x, created empty when absent; and its index, or kNoRow.
  std::vector<Entry>& row(Feature x);
  static constexpr uint32_t kNoRow = ~0u;
  uint32_t find(Feature x) const;
  // Rows in the order their features came, found through an open-addressing
  // table (at most half full; key 0 is empty, and no feature is 0): the
  // beam's training scores several times as many configurations as greedy
  // training, and a table it can prefetch from in batches reads the memory
  // of many features at once, where a node-based map reads one at a time.
  struct Slot {
    Feature key = 0;
    uint32_t row = 0;
  };
  size_t home(Feature x) const { return size_t(x >> shift_); }
  std::vector<std::string> names_;
  std::vector<Slot> table_ = std::vector<Slot>(size_t(1) << 16);
  uint32_t shift_ = 64 - 16;
  std::vector<std::vector<Entry>> rows_;
  uint64_t time_ = 1;
};

// argmax over n scores, the lowest index on ties. The maximum first, in
// eight runs side by side, then the first score equal to it: the answer of
// one comparison after another (scores are never NaN, and +0 == -0),
// without a chain of n dependent comparisons (102 for the tagger).
inline uint32_t best_class(const float* s, uint32_t n) {
  if (n == 0) return 0;
  float m[8];
  for (uint32_t j = 0; j < 8; ++j) m[j] = s[j < n ? j : 0];
  uint32_t c = 8;
  for (; c + 8 <= n; c += 8)
    for (uint32_t j = 0; j < 8; ++j) m[j] = s[c + j] > m[j] ? s[c + j] : m[j];
  for (; c < n; ++c) m[0] = s[c] > m[0] ? s[c] : m[0];
  float best = m[0];
  for (uint32_t j = 1; j < 8; ++j) best = m[j] > best ? m[j] : best;
  uint32_t b = 0;
  while (!(s[b] == best)) ++b;
  return b;
}

}  // namespace eventloom::analyse
