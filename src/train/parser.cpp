// Training the dependency parser on UD English EWT, with the tagger's
// predicted tags: jackknifed on train (each fold tagged by both passes
// trained without it), the built-in tagger's on dev, so that the parser
// learns how far to trust tags as good as those it will be given.
//
// The learner is the averaged perceptron of linear.hpp with the dynamic
// oracle of Goldberg and Nivre (2012, 2013): at each configuration the model
// is updated towards its best-scoring move of zero cost, and from the epoch
// `explore_from` on it follows its own prediction (with probability
// `explore`), mistakes included, so it learns to recover from them. A batch
// learner such as liblinear needs its examples fixed before it starts; here
// they depend on the model being trained, so the learner must be online.
#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <unordered_map>

#include "analyse/parser.hpp"
#include "analyse/tagger.hpp"
#include "train/common.hpp"
#include "train/train.hpp"

namespace eventloom::train {
namespace {

struct ParseSentence {
  std::vector<analyse::WordInfo> words;
  std::vector<uint8_t> tags;  // predicted
  analyse::GoldTree gold;
};

std::string base_relation(const std::string& r) { return r.substr(0, r.find(':')); }

// Gold trees of `ss` (words with their predicted tags filled in later).
std::vector<ParseSentence> prepare(const std::vector<conllu::Sentence>& ss, const std::map<std::string, uint8_t>& labels,
                                   const analyse::WordClusters* cl) {
  std::vector<ParseSentence> out(ss.size());
  for (size_t k = 0; k < ss.size(); ++k) {
    const auto& s = ss[k];
    auto& p = out[k];
    const size_t n = s.words.size();
    p.words.resize(n);
    p.gold.head.assign(n + 1, 0);
    p.gold.label.assign(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      analyse::describe_word(s.form(i), cl, p.words[i]);
      const std::string& h = s.col(i, conllu::kHead);
      uint32_t head = static_cast<uint32_t>(std::strtoul(h.c_str(), nullptr, 10));
      p.gold.head[i + 1] = head <= n ? head : 0;
      auto it = labels.find(s.col(i, conllu::kDeprel));
      p.gold.label[i + 1] = it == labels.end() ? 0 : it->second;
    }
  }
  return out;
}

struct Score {
  double uas, las;
};

Score evaluate(const analyse::Parser& parser, const std::vector<ParseSentence>& dev,
               const std::vector<std::string>& labels) {
  size_t n = 0, u = 0, l = 0;
  std::vector<uint32_t> head;
  std::vector<uint8_t> label;
  for (const auto& s : dev) {
    parser.parse(s.words, s.tags, head, label);
    for (size_t i = 0; i < head.size(); ++i) {
      ++n;
      if (head[i] != s.gold.head[i + 1]) continue;
      ++u;
      l += base_relation(parser.label_name(label[i])) == base_relation(labels[s.gold.label[i + 1]]);
    }
  }
  return {100.0 * u / n, 100.0 * l / n};
}

// The jackknifed tags of the training sentences, from `cache` when it holds
// them (one byte per word, sentence after sentence), else computed and
// written there.
std::vector<std::vector<uint8_t>> training_tags(const ParserArgs& a, const std::vector<conllu::Sentence>& train,
                                                const analyse::LinearModel& tagger, const analyse::WordClusters* cl) {
  size_t words = 0;
  for (const auto& s : train) words += s.words.size();
  std::vector<std::vector<uint8_t>> tags(train.size());
  if (!a.tags_cache.empty()) {
    std::ifstream in(a.tags_cache, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in && bytes.size() == words) {
      size_t p = 0;
      for (size_t k = 0; k < train.size(); ++k) {
        tags[k].assign(bytes.begin() + p, bytes.begin() + p + train[k].words.size());
        p += train[k].words.size();
      }
      std::cerr << "jackknifed tags from " << a.tags_cache << "\n";
      return tags;
    }
  }
  std::vector<std::string> names;
  std::map<std::string, uint8_t> classes;
  for (uint32_t c = 0; c < tagger.classes(); ++c) {
    names.push_back(tagger.class_name(c));
    classes[tagger.class_name(c)] = static_cast<uint8_t>(c);
  }
  auto tr = prepare_tagging(train, classes, cl);
  tags = jackknife_tags(tr, names, static_cast<size_t>(a.folds), a.tagger_epochs, a.min_weight, cl, true,
                        a.tagger_members);
  size_t right = 0;
  for (size_t k = 0; k < tr.size(); ++k)
    for (size_t i = 0; i < tags[k].size(); ++i) right += tags[k][i] == tr[k].gold[i];
  std::cerr << "jackknifed tags of train: " << 100.0 * right / words << "% joint tags right\n";
  if (!a.tags_cache.empty()) {
    std::string bytes;
    for (const auto& t : tags) bytes.append(t.begin(), t.end());
    write_file_or_die(a.tags_cache, bytes);
  }
  return tags;
}

// Global training of a beam of a.beam (Zhang and Clark 2008) by the
// structured averaged perceptron with max-violation updates (Huang, Fayong
// and Guo 2012): each sentence is decoded by the beam with the current
// weights, and at the step where the best configuration outscores the gold
// sequence's prefix (the static oracle's) by the most, the gold prefix's
// moves gain their features' weights and the best prefix's lose them. The
// averaging ticks once per sentence.
void train_beam(const ParserArgs& a, const std::vector<ParseSentence>& tr, const std::vector<size_t>& order0,
                const std::vector<ParseSentence>& dv, const std::vector<std::string>& label_names,
                const std::vector<std::string>& classes) {
  std::vector<size_t> order = order0;
  analyse::PerceptronTrainer trainer(classes);
  const uint32_t nc = trainer.classes();
  const uint32_t k = static_cast<uint32_t>(a.beam);
  analyse::ArcHybrid c;
  analyse::ParseAtoms atoms;
  analyse::BeamSearch beam;
  std::vector<uint32_t> gold, pred;
  std::vector<std::vector<analyse::Feature>> gold_f;  // empty where the move was the only one
  std::vector<double> gold_score;
  std::vector<analyse::Feature> f;
  std::vector<float> scores(nc);
  std::unordered_map<analyse::Feature, uint32_t> seen;
  auto keep = [&](analyse::Feature x) {
    auto it = seen.find(x);
    return it != seen.end() && it->second >= static_cast<uint32_t>(a.min_count);
  };
  auto forced = [](const analyse::ArcHybrid& x) {
    return x.can(analyse::kShift) && !x.can(analyse::kLeft) && !x.can(analyse::kRight);
  };
  auto score = [&](const std::vector<analyse::Feature>& x, float* s) { trainer.score(x, s); };
  for (int epoch = 1; epoch <= a.epochs; ++epoch) {
    shuffle(order, 0x5eed + epoch);
    size_t updates = 0, moves = 0, update_moves = 0;
    for (size_t sk : order) {
      const ParseSentence& s = tr[sk];
      const uint32_t n = static_cast<uint32_t>(s.words.size());
      atoms.fill(s.words, s.tags);
      // The gold sequence, its features and the scores of its prefixes.
      c.start(n);
      gold.clear();
      gold_f.resize(2 * size_t(n));
      gold_score.clear();
      double gs = 0;
      for (uint32_t t = 0; t < 2 * n; ++t) {
        uint32_t label = 0;
        const analyse::Move m = analyse::static_oracle(c, s.gold, label);
        const uint32_t cls = analyse::class_of(m, label);
        gold_f[t].clear();
        if (!forced(c)) {
          analyse::parse_features(c, atoms, gold_f[t]);
          if (epoch == 1)
            for (analyse::Feature x : gold_f[t]) ++seen[x];
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.score(gold_f[t], scores.data());
          gs += scores[cls];
        }
        gold.push_back(cls);
        gold_score.push_back(gs);
        c.apply(m, label);
      }
      beam.run(atoms, n, k, nc, score, &gold);
      moves += 2 * size_t(n);
      // The step of the largest violation: the best is not gold and outscores it the most.
      int worst = -1;
      double most = 0;
      for (uint32_t t = 0; t < 2 * n; ++t) {
        const analyse::BeamNode& top = beam.steps()[t][0];
        if (top.gold) continue;
        const double v = top.score - gold_score[t];
        if (worst < 0 || v > most) worst = static_cast<int>(t), most = v;
      }
      if (worst >= 0) {
        ++updates;
        beam.history(static_cast<uint32_t>(worst), 0, pred);
        // Moves before the first difference are the same in the same configurations: they cancel.
        uint32_t d = 0;
        while (d < pred.size() && pred[d] == gold[d]) ++d;
        c.start(n);
        for (uint32_t t = 0; t < d; ++t) c.apply(analyse::move_of(pred[t]), pred[t] ? analyse::label_of(pred[t]) : 0);
        for (uint32_t t = d; t < pred.size(); ++t) {
          if (!gold_f[t].empty()) trainer.add(gold_f[t], gold[t], 1.0f);
          if (!forced(c)) {
            analyse::parse_features(c, atoms, f);
            trainer.add(f, pred[t], -1.0f);
          }
          c.apply(analyse::move_of(pred[t]), pred[t] ? analyse::label_of(pred[t]) : 0);
        }
        update_moves += pred.size();
      }
      trainer.tick();
    }
    std::cerr << "epoch " << epoch << ": updates on " << 100.0 * double(updates) / double(order.size())
              << "% of sentences, at " << 100.0 * double(update_moves) / double(moves) << "% of their moves";
    if (a.verbose || epoch == a.epochs) {
      analyse::LinearModel m = trainer.finish(a.min_weight, keep);
      Score sc = evaluate(analyse::Parser(m, k), dv, label_names);
      std::cerr << "; dev UAS " << sc.uas << " LAS " << sc.las << " (beam " << k << ", " << m.features()
                << " features)";
      if (epoch == a.epochs) write_file_or_die(a.out, m.serialize());
      else if (a.verbose) write_file_or_die(a.out + ".epoch" + std::to_string(epoch), m.serialize());
    }
    std::cerr << std::endl;
  }
}

}  // namespace

int train_parser(const ParserArgs& a) {
  auto train = read_conllu_or_die(a.train);
  auto dev = read_conllu_or_die(a.dev);
  std::string cluster_bytes, tagger_bytes, tagger2_bytes;
  std::optional<analyse::WordClusters> clusters;
  if (!a.clusters.empty()) clusters = load_or_die<analyse::WordClusters>(a.clusters, cluster_bytes);
  const analyse::WordClusters* cl = clusters ? &*clusters : nullptr;
  auto tagger = load_or_die<analyse::LinearModel>(a.tagger, tagger_bytes);
  std::optional<analyse::LinearModel> tagger2;
  if (!a.tagger2.empty()) tagger2 = load_or_die<analyse::LinearModel>(a.tagger2, tagger2_bytes);

  // Relations of train, in byte order; the classes SHIFT, L:x, R:x, ...
  std::map<std::string, uint8_t> labels;
  for (const auto& s : train)
    for (size_t i = 0; i < s.words.size(); ++i) labels.emplace(s.col(i, conllu::kDeprel), 0);
  if (labels.size() > 127) {
    std::cerr << "eventloom_train: " << labels.size() << " relations, more than a model's classes hold\n";
    return 1;
  }
  std::vector<std::string> label_names, classes{"SHIFT"};
  for (auto& [name, id] : labels) {
    id = static_cast<uint8_t>(label_names.size());
    label_names.push_back(name);
    classes.push_back("L:" + name);
    classes.push_back("R:" + name);
  }

  auto tr = prepare(train, labels, cl);
  auto dv = prepare(dev, labels, cl);
  auto jack = training_tags(a, train, tagger, cl);
  for (size_t k = 0; k < tr.size(); ++k) tr[k].tags = std::move(jack[k]);
  analyse::PosTagger pos(tagger, tagger2 ? &*tagger2 : nullptr, cl);
  for (auto& s : dv) pos.tag(s.words, s.tags);

  std::vector<size_t> order;
  size_t words = 0, proj_words = 0;
  for (size_t k = 0; k < tr.size(); ++k) {
    words += tr[k].words.size();
    if (!analyse::projective(tr[k].gold) || tr[k].words.empty()) continue;
    order.push_back(k);
    proj_words += tr[k].words.size();
  }
  std::cerr << "projective: " << order.size() << " of " << tr.size() << " sentences ("
            << 100.0 * double(tr.size() - order.size()) / double(tr.size()) << "% not), " << proj_words << " of "
            << words << " words; training on the projective ones\n";

  if (a.beam > 1) {
    train_beam(a, tr, order, dv, label_names, classes);
    return 0;
  }
  analyse::PerceptronTrainer trainer(classes);
  const uint32_t nc = trainer.classes();
  analyse::ArcHybrid c;
  analyse::ParseAtoms atoms;
  std::vector<analyse::Feature> f;
  std::vector<float> scores(nc);
  std::vector<uint32_t> cost(nc);
  Rng rng{0x9a75e};
  // How often each feature occurs on the oracle's paths (epoch 1, before
  // exploring): the model keeps those seen `min_count` times or more.
  std::unordered_map<analyse::Feature, uint32_t> seen;
  auto keep = [&](analyse::Feature x) {
    auto it = seen.find(x);
    return it != seen.end() && it->second >= static_cast<uint32_t>(a.min_count);
  };
  for (int epoch = 1; epoch <= a.epochs; ++epoch) {
    shuffle(order, 0x5eed + epoch);
    size_t moves = 0, wrong = 0;
    for (size_t k : order) {
      const ParseSentence& s = tr[k];
      atoms.fill(s.words, s.tags);
      c.start(static_cast<uint32_t>(s.words.size()));
      while (!c.done()) {
        analyse::parse_features(c, atoms, f);
        if (epoch == 1)
          for (analyse::Feature x : f) ++seen[x];
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f, scores.data());
        // The move costs, labels apart: a label adds one when the arc is right and the label wrong.
        const bool can[3] = {c.can(analyse::kShift), c.can(analyse::kLeft), c.can(analyse::kRight)};
        uint32_t base[3];
        for (int m = 0; m < 3; ++m)
          base[m] = can[m] ? analyse::cost(c, s.gold, analyse::Move(m), s.gold.label[c.s(0) <= c.size() ? c.s(0) : 0]) : 0;
        uint32_t pred = nc, gold = nc;
        for (uint32_t cls = 0; cls < nc; ++cls) {
          const analyse::Move m = analyse::move_of(cls);
          if (!can[m]) continue;
          uint32_t k2 = base[m];
          if (m != analyse::kShift) {
            const uint32_t s0 = c.s(0), h = s.gold.head[s0];
            const bool arc = m == analyse::kLeft ? h == c.buffer_front() : h == c.s(1);
            k2 += arc && analyse::label_of(cls) != s.gold.label[s0];
          }
          cost[cls] = k2;
          if (pred == nc || scores[cls] > scores[pred]) pred = cls;
          if (k2 == 0 && (gold == nc || scores[cls] > scores[gold])) gold = cls;
        }
        if (gold == nc) gold = pred;  // no move keeps every reachable arc: cannot happen on a projective tree
        ++moves;
        if (cost[pred] > 0) {
          ++wrong;
          trainer.update(f, gold, pred);
        }
        trainer.tick();
        const bool explore = epoch >= a.explore_from && double(rng.next() >> 11) / 9007199254740992.0 < a.explore;
        const uint32_t next = explore ? pred : gold;
        c.apply(analyse::move_of(next), next == 0 ? 0 : analyse::label_of(next));
      }
    }
    std::cerr << "epoch " << epoch << ": " << 100.0 * double(wrong) / double(moves) << "% of moves wrong";
    if (a.verbose || epoch == a.epochs) {
      analyse::LinearModel m = trainer.finish(a.min_weight, keep);
      analyse::Parser p(m);
      Score sc = evaluate(p, dv, label_names);
      std::cerr << "; dev UAS " << sc.uas << " LAS " << sc.las << " (" << m.features() << " features)";
      if (epoch == a.epochs) write_file_or_die(a.out, m.serialize());
    }
    if (a.verbose && epoch == a.epochs) {  // what a sparser model would give
      for (uint32_t k : {1u, 2u, 3u, 5u, 8u}) {
        analyse::LinearModel m = trainer.finish(a.min_weight, [&](analyse::Feature x) {
          auto it = seen.find(x);
          return it != seen.end() && it->second >= k;
        });
        Score sc = evaluate(analyse::Parser(m), dv, label_names);
        std::cerr << "\nmin count " << k << ": dev UAS " << sc.uas << " LAS " << sc.las << " (" << m.features()
                  << " features, " << m.serialize().size() / 1000000.0 << " MB)";
      }
    }
    std::cerr << "\n";
  }
  return 0;
}

}  // namespace eventloom::train
