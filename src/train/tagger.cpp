// Training the part-of-speech tagger on UD English EWT.
#include <algorithm>
#include <map>
#include <optional>

#include "analyse/tagger.hpp"
#include "train/common.hpp"
#include "train/train.hpp"

namespace eventloom::train {

std::vector<TagSentence> prepare_tagging(const std::vector<conllu::Sentence>& ss, const std::map<std::string, uint8_t>& classes,
                                 const analyse::WordClusters* cl) {
  std::vector<TagSentence> out;
  out.reserve(ss.size());
  for (const auto& s : ss) {
    TagSentence t;
    t.words.resize(s.words.size());
    for (size_t i = 0; i < s.words.size(); ++i) {
      analyse::describe_word(s.form(i), cl, t.words[i]);
      auto it = classes.find(s.col(i, conllu::kUpos) + "|" + s.col(i, conllu::kXpos));
      t.gold.push_back(it == classes.end() ? 0 : it->second);
    }
    out.push_back(std::move(t));
  }
  return out;
}

namespace {

struct Accuracy {
  double upos, xpos;
};

Accuracy evaluate(const analyse::PosTagger& tagger, const std::vector<TagSentence>& dev,
                  const std::vector<conllu::Sentence>& raw) {
  size_t n = 0, u = 0, x = 0;
  std::vector<uint8_t> tags;
  for (size_t k = 0; k < dev.size(); ++k) {
    tagger.tag(dev[k].words, tags);
    for (size_t i = 0; i < tags.size(); ++i) {
      std::string_view joint = tagger.model().class_name(tags[i]);
      ++n;
      u += analyse::upos_of(joint) == raw[k].col(i, conllu::kUpos);
      x += analyse::xpos_of(joint) == raw[k].col(i, conllu::kXpos);
    }
  }
  return {100.0 * u / n, 100.0 * x / n};
}

}  // namespace

analyse::LinearModel train_pass(const std::vector<TagSentence>& tr, const std::vector<size_t>& use,
                                const std::vector<std::vector<uint8_t>>* first, const std::vector<std::string>& names,
                                int epochs, float min_weight, uint64_t seed, int members) {
  // `members` perceptrons, each over its own order of the sentences (seed,
  // seed + 7919, ...); the model is the mean of their averaged weights.
  std::vector<analyse::PerceptronTrainer> trainers;
  for (int j = 0; j < std::max(members, 1); ++j) trainers.emplace_back(names);
  for (size_t j = 0; j < trainers.size(); ++j) train_member(tr, use, first, epochs, seed + 7919 * j, trainers[j]);
  if (trainers.size() == 1) return trainers[0].finish(min_weight);
  std::vector<const analyse::PerceptronTrainer*> ts;
  for (const auto& t : trainers) ts.push_back(&t);
  return analyse::PerceptronTrainer::finish_mean(ts, min_weight);
}

void train_member(const std::vector<TagSentence>& tr, const std::vector<size_t>& use,
                  const std::vector<std::vector<uint8_t>>* first, int epochs, uint64_t seed,
                  analyse::PerceptronTrainer& trainer) {
  std::vector<size_t> order = use;
  std::vector<analyse::Feature> f;
  std::vector<float> scores(trainer.classes());
  std::vector<uint8_t> tags;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    shuffle(order, seed + epoch);
    for (size_t k : order) {
      const TagSentence& s = tr[k];
      tags.assign(s.words.size(), 0);
      for (size_t i = 0; i < s.words.size(); ++i) {
        analyse::pos_features(s.words, i, tags, first ? &(*first)[k] : nullptr, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f, scores.data());
        uint32_t p = analyse::best_class(scores.data(), trainer.classes());
        trainer.update(f, s.gold[i], p);
        trainer.tick();
        tags[i] = static_cast<uint8_t>(p);
      }
    }
  }
}

std::vector<std::vector<uint8_t>> jackknife_tags(const std::vector<TagSentence>& tr, const std::vector<std::string>& names,
                                                 size_t folds, int epochs, float min_weight,
                                                 const analyse::WordClusters* cl, bool two_passes, int members) {
  std::vector<std::vector<uint8_t>> first(tr.size()), out;
  std::vector<analyse::LinearModel> models;
  models.reserve(folds);
  std::vector<std::vector<size_t>> uses(folds);
  for (size_t fold = 0; fold < folds; ++fold) {
    for (size_t i = 0; i < tr.size(); ++i)
      if (i % folds != fold) uses[fold].push_back(i);
    models.push_back(train_pass(tr, uses[fold], nullptr, names, epochs, min_weight, 0x7a66e4 + 100 * fold, members));
    analyse::PosTagger t(models.back(), nullptr, cl);
    for (size_t i = fold; i < tr.size(); i += folds) t.tag(tr[i].words, first[i]);
    std::cerr << "fold " << fold + 1 << " of " << folds << " tagged\n";
  }
  if (!two_passes) return first;
  // The second pass of each fold learns from the other folds' jackknifed
  // first-pass tags, and reads its own fold's.
  out.resize(tr.size());
  for (size_t fold = 0; fold < folds; ++fold) {
    analyse::LinearModel second =
        train_pass(tr, uses[fold], &first, names, epochs, min_weight, 0x2a55 + 100 * fold, members);
    analyse::PosTagger t(models[fold], &second, cl);
    for (size_t i = fold; i < tr.size(); i += folds) t.tag(tr[i].words, out[i]);
    std::cerr << "fold " << fold + 1 << " of " << folds << " tagged in two passes\n";
  }
  return out;
}

int train_tagger(const TaggerArgs& a) {
  auto train = read_conllu_or_die(a.train);
  auto dev = read_conllu_or_die(a.dev);
  std::optional<analyse::WordClusters> clusters;
  std::string cluster_bytes;
  if (!a.clusters.empty()) clusters = load_or_die<analyse::WordClusters>(a.clusters, cluster_bytes);
  const analyse::WordClusters* cl = clusters ? &*clusters : nullptr;
  std::map<std::string, size_t> counts;
  for (const auto& s : train)
    for (size_t i = 0; i < s.words.size(); ++i) ++counts[s.col(i, conllu::kUpos) + "|" + s.col(i, conllu::kXpos)];
  std::vector<std::string> names;
  std::map<std::string, uint8_t> classes;
  for (const auto& [k, n] : counts) {
    if (names.size() == 255) break;
    classes[k] = static_cast<uint8_t>(names.size());
    names.push_back(k);
  }
  auto tr = prepare_tagging(train, classes, cl);
  auto dv = prepare_tagging(dev, classes, cl);
  std::vector<size_t> all(tr.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  analyse::LinearModel first = train_pass(tr, all, nullptr, names, a.epochs, a.min_weight, 0x7a66e4, a.members);
  Accuracy one = evaluate(analyse::PosTagger(first, nullptr, cl), dv, dev);
  std::cerr << "first pass: dev UPOS " << one.upos << " XPOS " << one.xpos << " (" << first.features() << " features)\n";
  write_file_or_die(a.out, first.serialize());
  if (a.second.empty()) return 0;
  // First-pass tags of every training sentence from a model that did not see it.
  std::vector<std::vector<uint8_t>> jack =
      jackknife_tags(tr, names, static_cast<size_t>(a.folds), a.epochs, a.min_weight, cl, false, a.members);
  analyse::LinearModel second = train_pass(tr, all, &jack, names, a.epochs, a.min_weight, 0x2a55, a.members);
  Accuracy two = evaluate(analyse::PosTagger(first, &second, cl), dv, dev);
  std::cerr << "two passes: dev UPOS " << two.upos << " XPOS " << two.xpos << " (" << second.features() << " features)\n";
  write_file_or_die(a.second, second.serialize());
  return 0;
}

}  // namespace eventloom::train
