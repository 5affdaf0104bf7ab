// Training the name tagger on CoNLL-2003 (train.txt), measured on its
// development set (docs.jsonl and gold_entities.json).
#include <simdjson.h>

#include <algorithm>
#include <functional>
#include <set>
#include <fstream>
#include <map>
#include <optional>

#include "analyse/names.hpp"
#include "eventloom/ingest.hpp"
#include "train/common.hpp"
#include "train/train.hpp"

namespace eventloom::train {
namespace {



struct NerSentence {
  std::vector<std::string> words;
  std::vector<uint8_t> gold;     // BILOU labels
  std::vector<analyse::NameWord> feats;
};
using NerDoc = std::vector<NerSentence>;

NameType type_of(std::string_view t) {
  if (t == "PER" || t == "PERSON") return NameType::Person;
  if (t == "ORG") return NameType::Org;
  if (t == "LOC" || t == "GPE") return NameType::Loc;
  if (t == "MISC") return NameType::Misc;
  return NameType::None;
}

// Spans (first, last, type) to BILOU labels.
void set_span(std::vector<uint8_t>& labels, size_t b, size_t e, NameType t) {
  if (e - b == 1) {
    labels[b] = analyse::make_label(t, 'U');
    return;
  }
  labels[b] = analyse::make_label(t, 'B');
  for (size_t k = b + 1; k + 1 < e; ++k) labels[k] = analyse::make_label(t, 'I');
  labels[e - 1] = analyse::make_label(t, 'L');
}

std::vector<NerDoc> read_conll(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "eventloom_train: cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<NerDoc> docs;
  NerSentence cur;
  std::vector<std::string> tags;
  auto flush = [&] {
    if (cur.words.empty()) return;
    cur.gold.assign(cur.words.size(), 0);
    for (size_t i = 0; i < tags.size(); ++i) {
      if (tags[i] == "O" || tags[i].size() < 3) continue;
      if (tags[i][0] != 'B' && !(i == 0 || tags[i - 1].substr(1) != tags[i].substr(1))) continue;
      size_t e = i + 1;
      while (e < tags.size() && tags[e][0] == 'I' && tags[e].substr(1) == tags[i].substr(1)) ++e;
      set_span(cur.gold, i, e, type_of(tags[i].substr(2)));
    }
    if (docs.empty()) docs.emplace_back();
    docs.back().push_back(std::move(cur));
    cur = NerSentence{};
    tags.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
      continue;
    }
    std::string cols[4];
    std::istringstream ss(line);
    for (auto& c : cols) ss >> c;
    if (cols[0] == "-DOCSTART-") {
      flush();
      docs.emplace_back();
      continue;
    }
    cur.words.push_back(cols[0]);
    tags.push_back(cols[3]);
  }
  flush();
  docs.erase(std::remove_if(docs.begin(), docs.end(), [](const NerDoc& d) { return d.empty(); }), docs.end());
  return docs;
}

// CoNLL-2003 dev in the layout of conll2003-dev: words split on spaces and
// newlines, one sentence a line, gold in byte offsets.
std::vector<NerDoc> read_jsonl_gold(const std::string& dir) {
  IngestResult r = ingest({dir + "/docs.jsonl"});
  simdjson::dom::parser parser;
  std::string gold_text = read_file_or_die(dir + "/gold_entities.json");
  simdjson::dom::element gold = parser.parse(gold_text);
  std::vector<NerDoc> docs;
  for (const Document& d : r.documents) {
    struct Word {
      uint32_t b, e;
    };
    std::vector<std::vector<Word>> sents(1);
    const std::string& t = d.text;
    for (uint32_t i = 0; i < t.size();) {
      if (t[i] == '\n') {
        if (!sents.back().empty()) sents.emplace_back();
        ++i;
      } else if (t[i] == ' ') {
        ++i;
      } else {
        uint32_t b = i;
        while (i < t.size() && t[i] != ' ' && t[i] != '\n') ++i;
        sents.back().push_back({b, i});
      }
    }
    if (sents.back().empty()) sents.pop_back();
    NerDoc doc;
    for (const auto& s : sents) {
      NerSentence ns;
      for (const Word& w : s) ns.words.push_back(t.substr(w.b, w.e - w.b));
      ns.gold.assign(s.size(), 0);
      doc.push_back(std::move(ns));
    }
    simdjson::dom::array ents;
    if (gold[d.id].get(ents) == simdjson::SUCCESS) {
      for (simdjson::dom::element e : ents) {
        uint64_t b = e["start"].get_uint64(), en = e["end"].get_uint64();
        std::string_view ct = e["conll_type"].get_string();
        for (size_t k = 0; k < sents.size(); ++k) {
          size_t first = SIZE_MAX, last = 0;
          for (size_t w = 0; w < sents[k].size(); ++w) {
            if (sents[k][w].b == b) first = w;
            if (sents[k][w].e == en) last = w + 1;
          }
          if (first != SIZE_MAX && last > first) set_span(doc[k].gold, first, last, type_of(ct));
        }
      }
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

void prepare(NerDoc& d, const analyse::PosTagger& tagger, const analyse::Gazetteer& gaz) {
  std::vector<std::string_view> views;
  for (auto& s : d) {
    views.assign(s.words.begin(), s.words.end());
    analyse::name_words(views, tagger, gaz, s.feats);
  }
}

// The names annotated in `docs` (those `use` says), as models/names_list.tsv
// writes them: "TYPE<TAB>words", sorted, each once.
std::string names_list(const std::vector<NerDoc>& docs, const std::function<bool(size_t)>& use) {
  std::set<std::string> lines;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!use(i)) continue;
    for (const auto& s : docs[i])
      for (const auto& sp : analyse::name_spans(s.gold)) {
        std::string line = std::string(eventloom::to_string(sp.type)) + "\t";
        for (uint32_t k = sp.first; k < sp.last; ++k) line += (k > sp.first ? " " : "") + s.words[k];
        lines.insert(line);
      }
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

analyse::NameMemory memory_of(const NerDoc& d) {
  analyse::NameMemory mem;
  for (const auto& s : d) mem.see_document(s.feats);
  return mem;
}

struct Prf {
  double p, r, f;
};

// Exact span P/R/F1 over all four types, and per type.
std::map<std::string, Prf> evaluate(const analyse::NameTagger& tagger, const std::vector<NerDoc>& docs) {
  std::map<std::string, std::array<size_t, 3>> c;  // tp, sys, gold
  std::vector<uint8_t> labels;
  for (const auto& d : docs) {
    analyse::NameMemory mem = memory_of(d);
    for (const auto& s : d) {
      tagger.tag(s.feats, mem, labels);
      auto sys = analyse::name_spans(labels), gold = analyse::name_spans(s.gold);
      for (const auto& g : gold) ++c[eventloom::to_string(g.type)][2], ++c["all"][2];
      for (const auto& x : sys) {
        ++c[eventloom::to_string(x.type)][1], ++c["all"][1];
        for (const auto& g : gold)
          if (g.first == x.first && g.last == x.last && g.type == x.type) ++c[eventloom::to_string(x.type)][0], ++c["all"][0];
      }
    }
  }
  std::map<std::string, Prf> out;
  for (auto& [k, v] : c) {
    double p = v[1] ? 100.0 * v[0] / v[1] : 0, r = v[2] ? 100.0 * v[0] / v[2] : 0;
    out[k] = {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
  }
  return out;
}

}  // namespace

int train_names(const NamesArgs& a) {
  std::string tagger_bytes, second_bytes, cluster_bytes;
  auto tagger_model = load_or_die<analyse::LinearModel>(a.tagger, tagger_bytes);
  std::optional<analyse::LinearModel> second;
  if (!a.tagger2.empty()) second = load_or_die<analyse::LinearModel>(a.tagger2, second_bytes);
  std::optional<analyse::WordClusters> clusters;
  if (!a.clusters.empty()) clusters = load_or_die<analyse::WordClusters>(a.clusters, cluster_bytes);
  analyse::PosTagger pos(tagger_model, second ? &*second : nullptr, clusters ? &*clusters : nullptr);
  auto train = read_conll(a.train);
  auto dev = read_jsonl_gold(a.dev);
  // Each training document sees the names of the other folds only.
  const size_t folds = 5;
  for (size_t fold = 0; fold < folds; ++fold) {
    analyse::Gazetteer gaz(names_list(train, [&](size_t i) { return i % folds != fold; }));
    for (size_t i = fold; i < train.size(); i += folds) prepare(train[i], pos, gaz);
  }
  const std::string all_names = names_list(train, [](size_t) { return true; });
  analyse::Gazetteer gaz(all_names);
  for (auto& d : dev) prepare(d, pos, gaz);
  std::cerr << "read " << train.size() << " training and " << dev.size() << " development documents\n";
  analyse::PerceptronTrainer trainer(analyse::name_label_names());
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<analyse::Feature> f;
  std::vector<uint8_t> labels;
  float scores[analyse::kNameLabels];
  for (int epoch = 1; epoch <= a.epochs; ++epoch) {
    shuffle(order, 0x4e45 + epoch);
    size_t errors = 0, total = 0;
    for (size_t k : order) {
      analyse::NameMemory mem = memory_of(train[k]);
      for (const auto& s : train[k]) {
        labels.assign(s.words.size(), 0);
        bool headline = analyse::all_caps_sentence(s.feats);
        for (size_t i = 0; i < s.words.size(); ++i) {
          analyse::name_features(s.feats, i, labels, mem, headline, f);
          std::fill(scores, scores + analyse::kNameLabels, 0.0f);
          trainer.score(f, scores);
          int best = analyse::best_label(scores, i ? labels[i - 1] : 0, i + 1 == s.words.size());
          trainer.update(f, s.gold[i], static_cast<uint32_t>(best));
          trainer.tick();
          errors += best != s.gold[i];
          ++total;
          labels[i] = static_cast<uint8_t>(best);
        }
        mem.remember(s.feats, labels);
      }
    }
    std::cerr << "epoch " << epoch << ": train error " << 100.0 * errors / total << "%";
    if (a.verbose || epoch == a.epochs) {
      analyse::LinearModel m = trainer.finish();
      auto r = evaluate(analyse::NameTagger(m), dev);
      std::cerr << ", dev F1 " << r["all"].f;
      for (const char* t : {"PER", "ORG", "LOC", "MISC"})
        std::cerr << " " << t << " " << r[t].f << " (R " << r[t].r << ")";
    }
    std::cerr << "\n";
  }
  analyse::LinearModel m = trainer.finish(a.min_weight);
  write_file_or_die(a.out, m.serialize());
  if (!a.names_list.empty()) write_file_or_die(a.names_list, all_names);
  std::cerr << "wrote " << a.out << ": " << m.features() << " features, " << m.weights() << " weights\n";
  return 0;
}

}  // namespace eventloom::train
