// The part-of-speech tagger: greedy, left to right, in two passes. The first
// model reads the word, its neighbours, affixes, shape, clusters and the two
// tags before it; the second reads the same and the first pass's tags of the
// two words after it, so both sides of a word inform its tag. (The second is
// trained on first-pass tags of the training data from models that did not
// see those sentences: jackknifing, so it learns how far to trust them.)
// Its classes are joint "UPOS|XPOS" tags ("PROPN|NNP", "AUX|VBZ"), as UD
// English EWT annotates them, so the two tag sets never contradict.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyse/linear.hpp"
#include "analyse/words.hpp"

namespace eventloom::analyse {

// The features of word i of a sentence given the tags already chosen before
// it (tags[i - 1], tags[i - 2]) and, in the second pass, the first pass's
// tags (`first`, null in the first pass).
void pos_features(const std::vector<WordInfo>& words, size_t i, const std::vector<uint8_t>& tags,
                  const std::vector<uint8_t>* first, std::vector<Feature>& out);

// The same features, grouped as the tagger scores them (the word's own, the
// word before's, the word after's, then the context's), for tests.
void pos_features_by_role(const std::vector<WordInfo>& words, size_t i, const std::vector<uint8_t>& tags,
                          const std::vector<uint8_t>* first, std::vector<Feature>& out);

class PosTagger {
 public:
  // `second` may be null: one pass.
  PosTagger(const LinearModel& first, const LinearModel* second, const WordClusters* clusters)
      : model_(first), second_(second), clusters_(clusters) {}
  // Tags one sentence: tags[i] is a class of the model.
  void tag(const std::vector<std::string_view>& words, std::vector<uint8_t>& tags) const;
  void tag(const std::vector<WordInfo>& words, std::vector<uint8_t>& tags) const;
  const LinearModel& model() const { return model_; }
  const WordClusters* clusters() const { return clusters_; }

 private:
  void pass(const LinearModel& m, const std::vector<WordInfo>& words, const std::vector<uint8_t>* first,
            std::vector<uint8_t>& tags) const;
  const LinearModel& model_;
  const LinearModel* second_;
  const WordClusters* clusters_;
};

// "PROPN|NNP" -> "PROPN" and "NNP".
std::string_view upos_of(std::string_view joint);
std::string_view xpos_of(std::string_view joint);

}  // namespace eventloom::analyse
