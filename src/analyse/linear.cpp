#include "analyse/linear.hpp"

#include <algorithm>
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
  template <typename T>
  bool get_array(std::vector<T>* v, size_t n) {
    if (n > (b_.size() - pos_) / sizeof(T)) return false;
    v->resize(n);
    if (n) std::memcpy(v->data(), b_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_string(std::string* s) {
    uint32_t n = 0;
    if (!get(&n) || n > b_.size() - pos_) return false;
    s->assign(b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace

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
  if (!r.get_array(&m.keys_, nfeat) || !r.get_array(&m.start_, size_t(nfeat) + 1) ||
      !r.get_array(&m.cls_, nentry) || !r.get_array(&m.w_, nentry) || !r.done())
    return fail("truncated or oversized model");
  if (m.start_.front() != 0 || m.start_.back() != nentry) return fail("bad row table");
  for (uint32_t i = 0; i < nfeat; ++i) {
    if (m.start_[i] > m.start_[i + 1]) return fail("bad row table");
    if (m.keys_[i] == 0 || (i && m.keys_[i - 1] >= m.keys_[i])) return fail("unsorted features");
  }
  for (uint8_t c : m.cls_)
    if (c >= nclass) return fail("weight of an unknown class");
  m.index_.build(m.keys_);
  return m;
}

std::string LinearModel::serialize() const {
  std::string out(kMagic, 4);
  put(out, kVersion);
  put(out, static_cast<uint32_t>(names_.size()));
  for (const auto& n : names_) {
    put(out, static_cast<uint32_t>(n.size()));
    out += n;
  }
  put(out, static_cast<uint32_t>(keys_.size()));
  put(out, static_cast<uint32_t>(cls_.size()));
  put_array(out, keys_);
  put_array(out, start_);
  put_array(out, cls_);
  put_array(out, w_);
  return out;
}

int LinearModel::class_index(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return static_cast<int>(i);
  return -1;
}

void LinearModel::score(const Feature* f, size_t n, float* scores) const {
  for (size_t k = 0; k < n; ++k) index_.prefetch(f[k]);
  for (size_t k = 0; k < n; ++k) {
    uint32_t r = index_.find(f[k]);
    if (r == HashIndex::kNone) continue;
    for (uint32_t e = start_[r]; e < start_[r + 1]; ++e) scores[cls_[e]] += w_[e];
  }
}

PerceptronTrainer::PerceptronTrainer(std::vector<std::string> class_names) : names_(std::move(class_names)) {}

void PerceptronTrainer::score(const std::vector<Feature>& f, float* scores) const {
  for (Feature x : f) {
    auto it = rows_.find(x);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::update(const std::vector<Feature>& f, uint32_t gold, uint32_t predicted, float step) {
  if (gold == predicted) return;
  auto bump = [&](std::vector<Entry>& row, uint32_t c, float d) {
    for (Entry& e : row) {
      if (e.cls != c) continue;
      e.total += double(e.w) * double(time_ - e.stamp);
      e.stamp = time_;
      e.w += d;
      return;
    }
    row.push_back(Entry{static_cast<uint8_t>(c), d, 0.0, time_});
  };
  for (Feature x : f) {
    std::vector<Entry>& row = rows_[x];
    bump(row, gold, step);
    bump(row, predicted, -step);
  }
}

LinearModel PerceptronTrainer::finish(float min_weight) const {
  LinearModel m;
  m.names_ = names_;
  std::vector<Feature> keys;
  keys.reserve(rows_.size());
  for (const auto& kv : rows_) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());
  m.start_.push_back(0);
  for (Feature k : keys) {
    std::vector<std::pair<uint8_t, float>> row;
    for (const Entry& e : rows_.at(k)) {
      double total = e.total + double(e.w) * double(time_ - e.stamp);
      float avg = static_cast<float>(total / double(time_));
      if (std::fabs(avg) >= min_weight) row.emplace_back(e.cls, avg);
    }
    if (row.empty()) continue;
    std::sort(row.begin(), row.end());
    m.keys_.push_back(k);
    for (auto& [c, w] : row) {
      m.cls_.push_back(c);
      m.w_.push_back(w);
    }
    m.start_.push_back(static_cast<uint32_t>(m.cls_.size()));
  }
  m.index_.build(m.keys_);
  return m;
}

}  // namespace eventloom::analyse
