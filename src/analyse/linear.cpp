#include "analyse/linear.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

namespace eventloom::analyse {
namespace {

constexpr char kMagic[4] = {'E', 'L', 'L', 'M'};
constexpr uint32_t kVersion = 1;

template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& v) {
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// A bounds-checked reader over the model's bytes.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  bool get(T* v) {
    if (b_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool get_string(std::string* s) {
    uint32_t n = 0;
    if (!get(&n) || n > b_.size() - pos_) return false;
    s->assign(b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // The next n bytes, or nullptr when fewer are left.
  const char* take(size_t n) {
    if (n > b_.size() - pos_) return nullptr;
    pos_ += n;
    return b_.data() + pos_ - n;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace

// Rows of (class, weight) by rising key: row r is entries [row_start(r),
// row_start(r + 1)). Read with memcpy: in a model's bytes they need not be
// aligned.
struct LinearModel::Table {
  const char* keys = nullptr;   // Feature[features]
  const char* start = nullptr;  // uint32_t[features + 1]
  const char* cls = nullptr;    // uint8_t[entries]
  const char* w = nullptr;      // float[entries]
  uint32_t features = 0;
  template <typename T>
  static T at(const char* p, size_t i) {
    T v;
    std::memcpy(&v, p + i * sizeof(T), sizeof v);
    return v;
  }
  Feature key(uint32_t r) const { return at<Feature>(keys, r); }
  uint32_t row_start(uint32_t r) const { return at<uint32_t>(start, r); }
  uint8_t class_of(uint32_t e) const { return at<uint8_t>(cls, e); }
  float weight(uint32_t e) const { return at<float>(w, e); }
};

std::optional<LinearModel> LinearModel::parse(std::string_view bytes, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<LinearModel> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 4) != 0) return fail("not an eventloom model");
  Reader r(bytes.substr(4));
  uint32_t version = 0, nclass = 0, nfeat = 0, nentry = 0;
  if (!r.get(&version)) return fail("truncated model");
  if (version != kVersion) return fail("model of another format version");
  if (!r.get(&nclass) || nclass == 0 || nclass > 256) return fail("bad class count");
  LinearModel m;
  m.names_.resize(nclass);
  for (auto& n : m.names_)
    if (!r.get_string(&n)) return fail("truncated class names");
  if (!r.get(&nfeat) || !r.get(&nentry)) return fail("truncated model");
  Table t;
  t.features = nfeat;
  t.keys = r.take(size_t(nfeat) * sizeof(Feature));
  t.start = t.keys ? r.take((size_t(nfeat) + 1) * sizeof(uint32_t)) : nullptr;
  t.cls = t.start ? r.take(nentry) : nullptr;
  t.w = t.cls ? r.take(size_t(nentry) * sizeof(float)) : nullptr;
  if (!t.w || !r.done()) return fail("truncated or oversized model");
  if (t.row_start(0) != 0 || t.row_start(nfeat) != nentry) return fail("bad row table");
  for (uint32_t i = 0; i < nfeat; ++i) {
    if (t.row_start(i) > t.row_start(i + 1)) return fail("bad row table");
    if (t.key(i) == 0 || (i && t.key(i - 1) >= t.key(i))) return fail("unsorted features");
  }
  for (uint32_t e = 0; e < nentry; ++e)
    if (t.class_of(e) >= nclass) return fail("weight of an unknown class");
  m.build_index(t);
  return m;
}

namespace {

// The slot of a key: the table's size need not be a power of two, so the key
// (well mixed) is mapped onto it by a multiplication (Lemire's reduction).
__extension__ typedef unsigned __int128 Wide;  // __extension__: GCC's and Clang's, not ISO C++
uint64_t home_slot(Feature key, size_t size) { return static_cast<uint64_t>((static_cast<Wide>(key) * size) >> 64); }

}  // namespace

void LinearModel::build_index(const Table& t) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
  // The features in the order of their keys, each in the first free slot
  // from its home on: homes grow with the keys, so the table stays sorted by
  // key (empty slots between) and a slot past the home range is added at
  // the end rather than wrapping. A search stops at an empty slot or at a
  // greater key (an ordered table, Amble and Knuth 1974): a missing feature
  // costs about what a present one does, so the table can be fuller than
  // plain linear probing allows. Two slots in three used at most: on
  // the first 3,000 articles of Reuters-21578 (one thread) a build took 4 %
  // less CPU time at one in two, 3 % more at two in three and 9 % more at
  // four in five than the plain table at one in two (which holds 21 MB
  // more than two in three).
  const uint32_t nf = t.features;
  home_size_ = std::max<size_t>(16, nf + nf / 2);
  size_t used = 0;  // one past the last slot taken
  for (uint32_t r = 0; r < nf; ++r) used = std::max<size_t>(home_slot(t.key(r), home_size_), used) + 1;
  slots_.assign(std::max(home_size_, used), Slot{});
  more_.clear();
  dense_.clear();
  dense_pairs_.clear();
  dense_start_.clear();
  // A dense row costs a pass over every class (16 at a time) and four bytes
  // a class, a sparse one a scattered add and five bytes a pair: dense from
  // a quarter of the classes on (the taggers' and the parser's 102 and 103:
  // 25 pairs; the name tagger's 17: 4). From a sixth on, the parser's rows
  // took 5 MB more, and the build no less CPU time.
  dense_min_ = std::max<uint32_t>(kInline + 1, classes() / 4);
  // A dense row gives back its pairs as they were (serialize()) when their
  // classes rise and no weight is -0.0 (what the row holds for a class it
  // lacks): true of every trained model, whose rows are sorted by class and
  // drop weights near 0. Otherwise the pairs are kept as well. Every table
  // is made at its size at once: grown by doubling, it would hold twice its
  // size while a model loads.
  size_t dense_rows = 0, dense_pairs = 0, more_pairs = 0;
  bool keep_pairs = false;
  for (uint32_t r = 0; r < nf; ++r) {
    const uint32_t from = t.row_start(r), to = t.row_start(r + 1), n = to - from;
    if (n < dense_min_) {
      more_pairs += n - inline_pairs(n);
      continue;
    }
    ++dense_rows;
    dense_pairs += n;
    for (uint32_t e = from; e < to; ++e) {
      const float w = t.weight(e);
      keep_pairs |= (e > from && t.class_of(e) <= t.class_of(e - 1)) || (std::signbit(w) && w == 0.0f);
    }
  }
  dense_.reserve(dense_rows * stride());
  more_.reserve(more_pairs);
  if (keep_pairs) {
    dense_pairs_.reserve(dense_pairs);
    dense_start_.reserve(dense_rows + 1);
    dense_start_.push_back(0);
  }
  uint64_t last = 0;
  for (uint32_t r = 0; r < nf; ++r) {
    const uint64_t i = std::max<uint64_t>(home_slot(t.key(r), home_size_), r ? last + 1 : 0);
    last = i;
    Slot& s = slots_[i];
    s.key = t.key(r);
    const uint32_t from = t.row_start(r), to = t.row_start(r + 1), n = to - from;
    if (n >= dense_min_) {
      s.n = kDenseRow;
      const auto d = static_cast<uint32_t>(dense_.size());
      set_more(s, d);
      dense_.resize(dense_.size() + stride(), -0.0f);
      for (uint32_t e = from; e < to; ++e) {
        dense_[d + t.class_of(e)] += t.weight(e);
        if (keep_pairs) dense_pairs_.push_back(Weight{t.weight(e), t.class_of(e)});
      }
      if (keep_pairs) dense_start_.push_back(static_cast<uint32_t>(dense_pairs_.size()));
      continue;
    }
    s.n = static_cast<uint8_t>(n);
    const uint32_t in = inline_pairs(n);
    if (n > in) set_more(s, static_cast<uint32_t>(more_.size()));
    for (uint32_t e = from; e < to; ++e) {
      const uint32_t j = e - from;
      if (j < in) {
        s.cls[j] = t.class_of(e);
        s.w[j] = t.weight(e);
      } else {
        more_.push_back(Weight{t.weight(e), t.class_of(e)});
      }
    }
  }
  features_ = nf;
  weights_ = t.row_start(nf);
}

template <typename F>
void LinearModel::for_each_pair(const Slot& s, F&& f) const {
  if (s.n >= dense_min_) {
    const uint32_t row = more(s);
    if (dense_start_.empty()) {  // the pairs are the row's weights other than -0.0, by class
      for (uint32_t c = 0; c < classes(); ++c) {
        float w = dense_[row + c];
        if (!(w == 0.0f && std::signbit(w))) f(c, w);
      }
      return;
    }
    const size_t d = row / stride();
    for (uint32_t e = dense_start_[d]; e < dense_start_[d + 1]; ++e) f(dense_pairs_[e].cls, dense_pairs_[e].w);
    return;
  }
  const uint32_t in = inline_pairs(s.n);
  for (uint32_t j = 0; j < in; ++j) f(s.cls[j], s.w[j]);
  if (s.n > in)
    for (uint32_t e = more(s); e < more(s) + s.n - in; ++e) f(more_[e].cls, more_[e].w);
}

std::string LinearModel::serialize() const {
  std::vector<const Slot*> rows;
  rows.reserve(features_);
  for (const Slot& s : slots_)
    if (s.key) rows.push_back(&s);
  std::sort(rows.begin(), rows.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<Feature> keys;
  std::vector<uint32_t> start{0};
  std::vector<uint8_t> cls;
  std::vector<float> w;
  for (const Slot* s : rows) {
    keys.push_back(s->key);
    for_each_pair(*s, [&](uint32_t c, float x) {
      cls.push_back(static_cast<uint8_t>(c));
      w.push_back(x);
    });
    start.push_back(static_cast<uint32_t>(cls.size()));
  }
  std::string out(kMagic, 4);
  put(out, kVersion);
  put(out, static_cast<uint32_t>(names_.size()));
  for (const auto& n : names_) {
    put(out, static_cast<uint32_t>(n.size()));
    out += n;
  }
  put(out, static_cast<uint32_t>(keys.size()));
  put(out, static_cast<uint32_t>(cls.size()));
  put_array(out, keys);
  put_array(out, start);
  put_array(out, cls);
  put_array(out, w);
  return out;
}

int LinearModel::class_index(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return static_cast<int>(i);
  return -1;
}

void LinearModel::prefetch(const Feature* f, size_t n) const {
  if (slots_.empty()) return;
  for (size_t k = 0; k < n; ++k) {
    const char* s = reinterpret_cast<const char*>(&slots_[home_slot(f[k], home_size_)]);
    __builtin_prefetch(s);
    __builtin_prefetch(s + sizeof(Slot) - 1);  // a slot of 24 bytes may end on the next cache line
  }
}

// Compiled twice where the compiler can: the dense rows add 16 classes at a
// time with AVX-512 (chosen when the program loads), 4 without.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
__attribute__((target_clones("arch=x86-64-v4", "default")))
#endif
void LinearModel::score(const Feature* f, size_t n, float* scores) const {
  if (slots_.empty()) return;
  // The scores in a buffer as wide as a row of dense_ (a dense row adds to
  // all of it; what lies past the classes is not read back).
  const uint32_t nc = classes();
  const size_t stride = this->stride();
  alignas(64) float acc[256];
  std::copy(scores, scores + nc, acc);
  std::fill(acc + nc, acc + stride, 0.0f);
  // In three sweeps, so that the cache misses of all the features overlap:
  // ask for every feature's slot, then find each (and ask for the rest of a
  // sparse row), then add the rows in the features' order.
  constexpr size_t kBatch = 128;
  const Slot* found[kBatch];
  uint64_t home[kBatch];
  for (size_t b = 0; b < n; b += kBatch) {
    const size_t m = std::min(kBatch, n - b);
    for (size_t k = 0; k < m; ++k) {
      home[k] = home_slot(f[b + k], home_size_);
      // A slot of 24 bytes may end on the next cache line.
      __builtin_prefetch(&slots_[home[k]]);
      __builtin_prefetch(reinterpret_cast<const char*>(&slots_[home[k]]) + sizeof(Slot) - 1);
    }
    for (size_t k = 0; k < m; ++k) {
      // The slots from the home on hold rising keys up to an empty one (or
      // the end): the feature is the first key not below it, or absent.
      const Slot* s = &slots_[home[k]];
      const Slot* end = slots_.data() + slots_.size();
      while (s->key && s->key < f[b + k] && ++s != end) {
      }
      found[k] = s != end && s->key == f[b + k] ? s : nullptr;
      s = found[k];
      // (Dense rows are few and read often: in cache.)
      if (s && s->n > kInline && s->n < dense_min_) __builtin_prefetch(&more_[more(*s)]);
    }
    for (size_t k = 0; k < m; ++k) {
      const Slot* s = found[k];
      if (!s) continue;
      if (s->n >= dense_min_) {
        const float* d = &dense_[more(*s)];
        for (size_t c = 0; c < stride; ++c) acc[c] += d[c];
        continue;
      }
      if (s->n <= kInline) {
        for (uint32_t j = 0; j < s->n; ++j) acc[s->cls[j]] += s->w[j];
        continue;
      }
      acc[s->cls[0]] += s->w[0];
      acc[s->cls[1]] += s->w[1];
      const Weight* e = &more_[more(*s)];
      for (const Weight* end = e + (s->n - (kInline - 1)); e != end; ++e) acc[e->cls] += e->w;
    }
  }
  std::copy(acc, acc + nc, scores);
}

PerceptronTrainer::PerceptronTrainer(std::vector<std::string> class_names) : names_(std::move(class_names)) {}

uint32_t PerceptronTrainer::find(Feature x) const {
  const size_t mask = table_.size() - 1;
  for (size_t i = home(x);; i = (i + 1) & mask) {
    if (table_[i].key == x) return table_[i].row;
    if (table_[i].key == 0) return kNoRow;
  }
}

std::vector<PerceptronTrainer::Entry>& PerceptronTrainer::row(Feature x) {
  size_t mask = table_.size() - 1;
  size_t i = home(x);
  for (; table_[i].key != 0; i = (i + 1) & mask)
    if (table_[i].key == x) return rows_[table_[i].row];
  if (2 * (rows_.size() + 1) > table_.size()) {  // grow, then find x's empty slot anew
    std::vector<Slot> old(table_.size() * 2);
    old.swap(table_);
    --shift_;
    mask = table_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t j = home(s.key);
      while (table_[j].key != 0) j = (j + 1) & mask;
      table_[j] = s;
    }
    for (i = home(x); table_[i].key != 0; i = (i + 1) & mask) {
    }
  }
  table_[i] = Slot{x, static_cast<uint32_t>(rows_.size())};
  rows_.emplace_back();
  return rows_.back();
}

void PerceptronTrainer::score(const std::vector<Feature>& f, float* scores) const {
  // In batches: the slots of a batch asked for, then its rows, then their
  // entries, so that the memory reads overlap; the sums are made in the
  // features' order, as one loop over them would.
  constexpr size_t kBatch = 16;
  const size_t mask = table_.size() - 1;
  for (size_t b = 0; b < f.size(); b += kBatch) {
    const size_t m = std::min(kBatch, f.size() - b);
    uint32_t r[kBatch];
    for (size_t k = 0; k < m; ++k) __builtin_prefetch(&table_[home(f[b + k])]);
    for (size_t k = 0; k < m; ++k) {
      r[k] = kNoRow;
      for (size_t i = home(f[b + k]);; i = (i + 1) & mask) {
        if (table_[i].key == f[b + k]) r[k] = table_[i].row;
        if (table_[i].key == f[b + k] || table_[i].key == 0) break;
      }
      if (r[k] != kNoRow) __builtin_prefetch(&rows_[r[k]]);
    }
    for (size_t k = 0; k < m; ++k)
      if (r[k] != kNoRow) __builtin_prefetch(rows_[r[k]].data());
    for (size_t k = 0; k < m; ++k) {
      if (r[k] == kNoRow) continue;
      for (const Entry& e : rows_[r[k]]) scores[e.cls] += e.w;
    }
  }
}

void PerceptronTrainer::bump(std::vector<Entry>& row, uint32_t c, float d) {
  for (Entry& e : row) {
    if (e.cls != c) continue;
    e.total += double(e.w) * double(time_ - e.stamp);
    e.stamp = time_;
    e.w += d;
    return;
  }
  row.push_back(Entry{static_cast<uint8_t>(c), d, 0.0, time_});
}

void PerceptronTrainer::update(const std::vector<Feature>& f, uint32_t gold, uint32_t predicted, float step) {
  if (gold == predicted) return;
  for (Feature x : f) {
    std::vector<Entry>& r = row(x);
    bump(r, gold, step);
    bump(r, predicted, -step);
  }
}

void PerceptronTrainer::add(const std::vector<Feature>& f, uint32_t cls, float d) {
  for (Feature x : f) bump(row(x), cls, d);
}

LinearModel PerceptronTrainer::from_rows(const std::vector<std::string>& names, const std::vector<Feature>& keys,
                                         const std::function<void(Feature, Row&)>& row_of) {
  LinearModel m;
  m.names_ = names;
  std::vector<Feature> kept;
  std::vector<uint32_t> start{0};
  std::vector<uint8_t> cls;
  std::vector<float> w;
  Row row;
  for (Feature k : keys) {
    row.clear();
    row_of(k, row);
    if (row.empty()) continue;
    std::sort(row.begin(), row.end());
    kept.push_back(k);
    for (auto& [c, x] : row) {
      cls.push_back(c);
      w.push_back(x);
    }
    start.push_back(static_cast<uint32_t>(cls.size()));
  }
  LinearModel::Table t;
  t.keys = reinterpret_cast<const char*>(kept.data());
  t.start = reinterpret_cast<const char*>(start.data());
  t.cls = reinterpret_cast<const char*>(cls.data());
  t.w = reinterpret_cast<const char*>(w.data());
  t.features = static_cast<uint32_t>(kept.size());
  m.build_index(t);
  return m;
}

LinearModel PerceptronTrainer::finish_mean(const std::vector<const PerceptronTrainer*>& ts, float min_weight) {
  std::vector<Feature> keys;
  for (const PerceptronTrainer* tr : ts)
    for (const Slot& s : tr->table_)
      if (s.key != 0) keys.push_back(s.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const std::vector<std::string>& names = ts.front()->names_;
  std::vector<double> sum(names.size());
  std::vector<uint8_t> seen(names.size());
  return from_rows(names, keys, [&](Feature k, Row& row) {
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(seen.begin(), seen.end(), 0);
    for (const PerceptronTrainer* tr : ts) {
      const uint32_t r = tr->find(k);
      if (r == kNoRow) continue;
      for (const Entry& e : tr->rows_[r]) {
        sum[e.cls] += (e.total + double(e.w) * double(tr->time_ - e.stamp)) / double(tr->time_);
        seen[e.cls] = 1;
      }
    }
    for (size_t c = 0; c < sum.size(); ++c) {
      const float avg = static_cast<float>(sum[c] / double(ts.size()));
      if (seen[c] && std::fabs(avg) >= min_weight) row.emplace_back(static_cast<uint8_t>(c), avg);
    }
  });
}

LinearModel PerceptronTrainer::finish(float min_weight, const std::function<bool(Feature)>& keep) const {
  std::vector<Feature> keys;
  keys.reserve(rows_.size());
  for (const Slot& s : table_)
    if (s.key != 0 && (!keep || keep(s.key))) keys.push_back(s.key);
  std::sort(keys.begin(), keys.end());
  return from_rows(names_, keys, [&](Feature k, Row& row) {
    for (const Entry& e : rows_[find(k)]) {
      double total = e.total + double(e.w) * double(time_ - e.stamp);
      float avg = static_cast<float>(total / double(time_));
      if (std::fabs(avg) >= min_weight) row.emplace_back(e.cls, avg);
    }
  });
}

}  // namespace eventloom::analyse
