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
  LinearModel parser_model;
  PosTagger tagger{tagger_model, &tagger2_model, &clusters};
  NameTagger names{names_model};
  Parser parser{parser_model};  // rebuilt once parser_model is loaded
  Gazetteer gazetteer{names_list()};
};

// Loaded on first use; a model that does not parse is a build error, caught
// by the tests, so this aborts with the reason rather than going on without.
const Models& models();

}  // namespace eventloom::analyse
