// eventloom_train: one command per model; see models/README.md for the
// commands that build the committed models.
#include <CLI/CLI.hpp>

#include "train/train.hpp"

int main(int argc, char** argv) {
  using namespace eventloom::train;
  CLI::App app{"eventloom_train: builds eventloom's models from annotated data"};
  app.require_subcommand(1);
  TaggerArgs ta;
  auto* tagger = app.add_subcommand("tagger", "part-of-speech tagger from UD CoNLL-U");
  tagger->add_option("--train", ta.train, "training CoNLL-U")->required();
  tagger->add_option("--dev", ta.dev, "development CoNLL-U")->required();
  tagger->add_option("--clusters", ta.clusters, "word clusters (eventloom_train clusters)");
  tagger->add_option("--epochs", ta.epochs, "passes over the training data")->capture_default_str();
  tagger->add_option("--min-weight", ta.min_weight, "drop averaged weights below this")->capture_default_str();
  tagger->add_option("-o,--out", ta.out, "model file (the first pass)")->required();
  tagger->add_option("--second", ta.second, "model file of the second pass (none: one pass)");
  tagger->add_option("--folds", ta.folds, "jackknife folds for the second pass")->capture_default_str();
  tagger->add_option("--members", ta.members, "perceptrons averaged into each pass (each over its own order)")
      ->capture_default_str();
  CorpusArgs ca;
  auto* corpus = app.add_subcommand("corpus", "unlabelled sentences for the word vectors, one a line");
  corpus->add_option("inputs", ca.inputs, "news inputs (as for eventloom build) and .conllu files")->required();
  corpus->add_option("-o,--out", ca.out, "text file")->required();
  ClusterArgs ka;
  auto* clusters = app.add_subcommand("clusters", "word clusters from fastText vectors (.vec)");
  clusters->add_option("--vectors", ka.vectors, "fastText .vec file")->required();
  clusters->add_option("--levels", ka.levels, "clusters at each level")->capture_default_str();
  clusters->add_option("--iterations", ka.iterations, "k-means iterations per level")->capture_default_str();
  clusters->add_option("-o,--out", ka.out, "cluster file")->required();
  NamesArgs na;
  auto* names = app.add_subcommand("names", "name tagger from CoNLL-2003");
  names->add_option("--train", na.train, "CoNLL-2003 train.txt")->required();
  names->add_option("--dev", na.dev, "folder with docs.jsonl and gold_entities.json")->required();
  names->add_option("--tagger", na.tagger, "the part-of-speech model")->required();
  names->add_option("--tagger2", na.tagger2, "its second pass");
  names->add_option("--clusters", na.clusters, "word clusters");
  names->add_option("--epochs", na.epochs, "passes over the training data")->capture_default_str();
  names->add_option("--min-weight", na.min_weight, "drop averaged weights below this")->capture_default_str();
  names->add_flag("--verbose", na.verbose, "dev figures after every epoch");
  names->add_option("-o,--out", na.out, "model file")->required();
  names->add_option("--names-list", na.names_list, "write the training data's names here (models/names_list.tsv)");
  ParserArgs pa;
  auto* parser = app.add_subcommand("parser", "dependency parser from UD CoNLL-U, on jackknifed predicted tags");
  parser->add_option("--train", pa.train, "training CoNLL-U")->required();
  parser->add_option("--dev", pa.dev, "development CoNLL-U")->required();
  parser->add_option("--clusters", pa.clusters, "word clusters");
  parser->add_option("--tagger", pa.tagger, "the part-of-speech model (tags dev; its classes are the parser's tags)")
      ->required();
  parser->add_option("--tagger2", pa.tagger2, "its second pass");
  parser->add_option("--epochs", pa.epochs, "passes over the training data")->capture_default_str();
  parser->add_option("--tagger-epochs", pa.tagger_epochs, "epochs of the jackknifed taggers")->capture_default_str();
  parser->add_option("--tagger-members", pa.tagger_members, "perceptrons per pass of the jackknifed taggers")
      ->capture_default_str();
  parser->add_option("--folds", pa.folds, "jackknife folds for the training tags")->capture_default_str();
  parser->add_option("--explore-from", pa.explore_from, "first epoch that follows the model's own moves")
      ->capture_default_str();
  parser->add_option("--explore", pa.explore, "how often it follows them")->capture_default_str();
  parser->add_option("--min-weight", pa.min_weight, "drop averaged weights below this")->capture_default_str();
  parser->add_option("--min-count", pa.min_count, "drop features seen fewer times on the oracle's paths")
      ->capture_default_str();
  parser->add_option("--beam", pa.beam, "beam width: 1 greedy (dynamic oracle), more a beam trained globally "
                     "(max-violation updates)")->capture_default_str();
  parser->add_option("--tags-cache", pa.tags_cache, "keep the jackknifed training tags in this file");
  parser->add_flag("--verbose", pa.verbose, "dev figures after every epoch");
  parser->add_option("-o,--out", pa.out, "model file")->required();
  CLI11_PARSE(app, argc, argv);
  if (parser->parsed()) return train_parser(pa);
  if (names->parsed()) return train_names(na);
  if (tagger->parsed()) return train_tagger(ta);
  if (corpus->parsed()) return write_corpus(ca);
  if (clusters->parsed()) return train_clusters(ka);
  return 2;
}
