// eventloom_train: builds the models in models/ from ../shared/datasets.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analyse/conllu.hpp"
#include "analyse/linear.hpp"
#include "analyse/words.hpp"

namespace eventloom::train {

struct TaggerArgs {
  std::string train, dev, clusters, out, second;
  int epochs = 10;
  int folds = 5;
  int members = 1;  // perceptrons per pass, each over its own order of the data; their mean is the model
  float min_weight = 1e-3f;
};
int train_tagger(const TaggerArgs& a);

// The tagger's training pieces, shared with the parser's trainer (which
// jackknifes the tags of its training data the way the second pass is).
struct TagSentence {
  std::vector<analyse::WordInfo> words;
  std::vector<uint8_t> gold;
};
std::vector<TagSentence> prepare_tagging(const std::vector<conllu::Sentence>& ss,
                                         const std::map<std::string, uint8_t>& classes,
                                         const analyse::WordClusters* cl);
// One pass's model, trained on the sentences `use` of `tr` (with the first
// pass's tags `first` for the second pass, else null).
analyse::LinearModel train_pass(const std::vector<TagSentence>& tr, const std::vector<size_t>& use,
                                const std::vector<std::vector<uint8_t>>* first, const std::vector<std::string>& names,
                                int epochs, float min_weight, uint64_t seed, int members = 1);
// One member of a pass: `epochs` over `use` in orders drawn from `seed`.
void train_member(const std::vector<TagSentence>& tr, const std::vector<size_t>& use,
                  const std::vector<std::vector<uint8_t>>* first, int epochs, uint64_t seed,
                  analyse::PerceptronTrainer& trainer);

// Tags of every training sentence from models that did not see it, in
// `folds` folds: the first pass's, or with `two_passes` both passes' (each
// fold's second pass trained on the other folds' jackknifed first-pass tags).
std::vector<std::vector<uint8_t>> jackknife_tags(const std::vector<TagSentence>& tr, const std::vector<std::string>& names,
                                                 size_t folds, int epochs, float min_weight,
                                                 const analyse::WordClusters* cl, bool two_passes, int members = 1);

struct ParserArgs {
  std::string train, dev, clusters, tagger, tagger2, out, tags_cache;
  int epochs = 15;
  int tagger_epochs = 12;
  int tagger_members = 1;     // as the tagger was trained (eventloom_train tagger --members)
  int folds = 5;
  int explore_from = 2;       // the first epoch that follows the model's own moves
  float explore = 0.9f;       // how often it follows them from then on
  float min_weight = 1e-3f;
  int min_count = 2;          // features seen fewer times on the oracle's paths are dropped from the model
  int beam = 1;               // 1: greedy with the dynamic oracle; k > 1: a beam of k, trained globally
  bool verbose = false;
};
int train_parser(const ParserArgs& a);

struct CorpusArgs {
  std::vector<std::string> inputs;
  std::string out;
};
int write_corpus(const CorpusArgs& a);

struct ClusterArgs {
  std::string vectors, out;
  std::vector<int> levels{64, 512, 4096};  // clusters at each level, each a multiple of the one before
  int min_count = 0;                        // words from the .vec file kept (its order is by frequency)
  int iterations = 12;
};
int train_clusters(const ClusterArgs& a);

struct NamesArgs {
  std::string train, dev, tagger, tagger2, clusters, out, names_list;
  int epochs = 10;
  float min_weight = 1e-3f;
  bool verbose = false;
};
int train_names(const NamesArgs& a);

}  // namespace eventloom::train
