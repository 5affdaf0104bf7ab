// Word clusters learned without labels: fastText vectors trained on the news
// corpora, clustered by k-means at three granularities (each level splits the
// clusters of the level above), so a rare name shares features with the
// frequent words it resembles. Built by `eventloom_train clusters`.
//
// File format: "ELWC", version, the level sizes, then the words sorted by
// their hash, each with its three cluster ids. Lookup is by the word as
// written, then by its lower-case form.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


namespace eventloom::analyse {

class WordClusters {
 public:
  static constexpr int kLevels = 3;
  using Ids = std::array<uint16_t, kLevels>;  // 1-based cluster ids, 0 for an unknown word

  static std::optional<WordClusters> parse(std::string_view bytes, std::string* error);
  // From (word, ids) pairs: what the trainer writes.
  static WordClusters from_words(const std::vector<std::pair<std::string, Ids>>& words, Ids level_sizes);
  std::string serialize() const;

  Ids lookup(std::string_view word) const;
  size_t size() const { return keys_.size(); }
  Ids level_sizes() const { return levels_; }

 private:
  Ids find(uint64_t key) const;
  void build_index();
  Ids levels_{};
  std::vector<uint64_t> keys_;  // sorted hashes of words
  std::vector<Ids> ids_;
  // An open-addressing table, at most half full, of each word's key with
  // its ids: a lookup reads one slot (it read a key, a row number and ids).
  struct Slot {
    uint64_t key = 0;  // 0: empty
    Ids ids{};
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
};

}  // namespace eventloom::analyse
