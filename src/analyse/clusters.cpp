#include "analyse/clusters.hpp"

#include <algorithm>
#include <cstring>

#include "util/hash.hpp"

namespace eventloom::analyse {
namespace {

constexpr char kMagic[4] = {'E', 'L', 'W', 'C'};
constexpr uint32_t kVersion = 1;

uint64_t word_key(std::string_view w) { return util::mix64(util::fnv1a(w)) | 1; }

}  // namespace

std::optional<WordClusters> WordClusters::parse(std::string_view b, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<WordClusters> {
    if (error) *error = why;
    return std::nullopt;
  };
  const size_t head = 4 + 4 + sizeof(Ids) + 4;
  if (b.size() < head || std::memcmp(b.data(), kMagic, 4) != 0) return fail("not an eventloom cluster file");
  uint32_t version = 0, n = 0;
  WordClusters c;
  std::memcpy(&version, b.data() + 4, 4);
  if (version != kVersion) return fail("cluster file of another format version");
  std::memcpy(c.levels_.data(), b.data() + 8, sizeof(Ids));
  std::memcpy(&n, b.data() + 8 + sizeof(Ids), 4);
  const size_t row = sizeof(uint64_t) + sizeof(Ids);
  if ((b.size() - head) / row != n || (b.size() - head) % row != 0) return fail("truncated cluster file");
  c.keys_.resize(n);
  c.ids_.resize(n);
  const char* p = b.data() + head;
  std::memcpy(c.keys_.data(), p, n * sizeof(uint64_t));
  std::memcpy(c.ids_.data(), p + n * sizeof(uint64_t), n * sizeof(Ids));
  for (uint32_t i = 0; i < n; ++i) {
    if (c.keys_[i] == 0 || (i && c.keys_[i - 1] >= c.keys_[i])) return fail("unsorted cluster file");
    for (int l = 0; l < kLevels; ++l)
      if (c.ids_[i][l] > c.levels_[l]) return fail("cluster id out of range");
  }
  c.build_index();
  return c;
}

WordClusters WordClusters::from_words(const std::vector<std::pair<std::string, Ids>>& words, Ids level_sizes) {
  std::vector<std::pair<uint64_t, Ids>> rows;
  rows.reserve(words.size());
  for (const auto& [w, ids] : words) rows.emplace_back(word_key(w), ids);
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             rows.end());
  WordClusters c;
  c.levels_ = level_sizes;
  for (const auto& [k, ids] : rows) {
    c.keys_.push_back(k);
    c.ids_.push_back(ids);
  }
  c.build_index();
  return c;
}

std::string WordClusters::serialize() const {
  std::string out(kMagic, 4);
  uint32_t version = kVersion, n = static_cast<uint32_t>(keys_.size());
  out.append(reinterpret_cast<const char*>(&version), 4);
  out.append(reinterpret_cast<const char*>(levels_.data()), sizeof(Ids));
  out.append(reinterpret_cast<const char*>(&n), 4);
  out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(uint64_t));
  out.append(reinterpret_cast<const char*>(ids_.data()), ids_.size() * sizeof(Ids));
  return out;
}

void WordClusters::build_index() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  for (size_t r = 0; r < keys_.size(); ++r) {
    uint64_t i = keys_[r] & mask_;
    while (slots_[i].key) i = (i + 1) & mask_;
    slots_[i] = Slot{keys_[r], ids_[r]};
  }
}

WordClusters::Ids WordClusters::find(uint64_t key) const {
  if (slots_.empty()) return Ids{};
  for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return slots_[i].ids;
    if (!slots_[i].key) return Ids{};
  }
}

WordClusters::Ids WordClusters::lookup(std::string_view w) const {
  Ids ids = find(word_key(w));
  if (ids[0] || w.size() > 64) return ids;
  char buf[64];
  bool changed = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char ch = w[i];
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch + 32);
      changed = true;
    }
    buf[i] = ch;
  }
  return changed ? find(word_key(std::string_view(buf, w.size()))) : ids;
}

}  // namespace eventloom::analyse
