// eventloom_train: builds the models in models/ from ../shared/datasets.
#pragma once

#include <string>
#include <vector>

namespace eventloom::train {

struct TaggerArgs {
  std::string train, dev, clusters, out, second;
  int epochs = 10;
  int folds = 5;
  float min_weight = 1e-3f;
};
int train_tagger(const TaggerArgs& a);

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
