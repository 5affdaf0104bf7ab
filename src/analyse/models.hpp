// The models compiled into the library from models/ (see models/README.md).
#pragma once

#include "analyse/clusters.hpp"
#include "analyse/gazetteer.hpp"
#include "analyse/linear.hpp"
#include "analyse/names.hpp"
#include "analyse/parser.hpp"
#include "analyse/tagger.hpp"

namespace eventloom::analyse {

// The training data's names (models/names_list.tsv) as linked in.
std::string_view names_list();

struct Models {
  WordClusters clusters;
  LinearModel tagger_model;
  LinearModel tagger2_model;
  LinearModel names_model;
  PosTagger tagger{tagger_model, &tagger2_model, &clusters};
  NameTagger names{names_model};
  Gazetteer gazetteer{names_list()};
};

// Loaded on first use; a model that does not parse is a build error, caught
// by the tests, so this aborts with the reason rather than going on without.
const Models& models();

// The dependency parser, loaded apart on its first use: a build that parses
// nothing does not hold its model (18 MB on disk) in memory.
struct ParserModels {
  LinearModel model;
  Parser parser{model};  // rebuilt once the model is loaded
};
const ParserModels& parser_models();

// Held while an article is being extracted (extract_document): the models
// are not released under it.
struct ModelUse {
  ModelUse();
  ~ModelUse();
  ModelUse(const ModelUse&) = delete;
  ModelUse& operator=(const ModelUse&) = delete;
};

// Frees the models (about 90 MB in memory) when no extraction is under way,
// so that what follows extraction (consolidation, the JSON) runs without
// them; false when some extraction still holds them. The next models() or
// parser_models() loads them again. Code that reads the models outside
// extract_document() while a build may run in another thread holds a
// ModelUse as well.
bool release_models();

}  // namespace eventloom::analyse
