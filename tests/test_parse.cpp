// The dependency parser: the arc-hybrid system and its oracles, the model,
// the per-sentence trees of the library, and the `parse` command.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "analyse/conllu.hpp"
#include "analyse/models.hpp"
#include "analyse/parser.hpp"
#include "eventloom/analyse.hpp"
#include "test_support.hpp"

using namespace eventloom;
using analyse::ArcHybrid;
using analyse::GoldTree;
using analyse::Move;

namespace {

// Each sentence of CoNLL-U text is one tree: every word's head in range and
// exactly one word under the root, no cycle.
void check_trees(const std::string& text) {
  std::istringstream in(text);
  std::vector<conllu::Sentence> ss;
  std::string err;
  REQUIRE(conllu::read(in, ss, &err));
  for (const auto& s : ss) {
    const size_t n = s.words.size();
    size_t roots = 0;
    std::vector<size_t> head(n);
    for (size_t i = 0; i < n; ++i) {
      head[i] = std::stoul(s.col(i, conllu::kHead));
      REQUIRE(head[i] <= n);
      CHECK(head[i] != i + 1);
      roots += head[i] == 0;
      CHECK(s.col(i, conllu::kDeprel) != "_");
    }
    CHECK(roots == (n ? 1u : 0u));
    for (size_t i = 0; i < n; ++i) {  // from every word the root is reached within n steps
      size_t w = i + 1, steps = 0;
      while (w != 0 && steps <= n) w = head[w - 1], ++steps;
      CHECK(w == 0);
    }
  }
}

// The most gold heads a parse can still get from (stack, b) on, by trying
// every move sequence (memoised on the stack and the buffer's front).
struct Search {
  const GoldTree& g;
  uint32_t n;
  std::map<std::pair<std::vector<uint32_t>, uint32_t>, int> memo;
  int future(const std::vector<uint32_t>& stack, uint32_t b) {
    if (b > n && stack.size() == 1) return 0;
    auto key = std::make_pair(stack, b);
    auto it = memo.find(key);
    if (it != memo.end()) return it->second;
    int best = -1;
    if (b <= n) {  // SHIFT
      auto s = stack;
      s.push_back(b);
      best = std::max(best, future(s, b + 1));
    }
    if (b <= n && stack.size() > 1) {  // LEFT: b -> s0
      auto s = stack;
      const uint32_t d = s.back();
      s.pop_back();
      best = std::max(best, int(g.head[d] == b) + future(s, b));
    }
    if (stack.size() > 2 || (stack.size() == 2 && b > n)) {  // RIGHT: s1 -> s0
      auto s = stack;
      const uint32_t d = s.back();
      s.pop_back();
      best = std::max(best, int(g.head[d] == s.back()) + future(s, b));
    }
    memo.emplace(key, best);
    return best;
  }
};

struct Lcg {
  uint64_t s;
  uint32_t next(uint32_t bound) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((s >> 33) % bound);
  }
};

// A random tree of n words with one word under the root: random heads until
// they make a tree (acyclic), projective or not as asked.
GoldTree random_tree(uint32_t n, Lcg& r, bool want_projective) {
  for (;;) {
    GoldTree g;
    g.head.assign(n + 1, 0);
    g.label.assign(n + 1, 0);
    const uint32_t root = 1 + r.next(n);
    for (uint32_t d = 1; d <= n; ++d) {
      if (d == root) continue;
      uint32_t h;
      do h = 1 + r.next(n);
      while (h == d);
      g.head[d] = h;
      g.label[d] = static_cast<uint8_t>(r.next(3));
    }
    bool tree = true;
    for (uint32_t d = 1; d <= n && tree; ++d) {
      uint32_t w = d, steps = 0;
      while (w != 0 && steps <= n) w = g.head[w], ++steps;
      tree = w == 0;
    }
    if (tree && analyse::projective(g) == want_projective) return g;
  }
}

}  // namespace

TEST_CASE("the dynamic oracle's costs are the gold heads each move loses, on every small tree tried") {
  Lcg r{12345};
  int checked = 0;
  for (int t = 0; t < 300; ++t) {
    const uint32_t n = 1 + r.next(7);
    GoldTree g = random_tree(n, r, true);
    Search search{g, n, {}};
    for (int walk = 0; walk < 3; ++walk) {
      ArcHybrid c;
      c.start(n);
      while (!c.done()) {
        const int best = search.future(c.stack(), c.buffer_front());
        std::vector<Move> valid;
        for (Move m : {analyse::kShift, analyse::kLeft, analyse::kRight}) {
          if (!c.can(m)) continue;
          valid.push_back(m);
          ArcHybrid next = c;
          const uint32_t s0 = c.s(0);
          const uint32_t label = m == analyse::kShift ? 0 : g.label[s0];
          next.apply(m, label);
          int gain = 0;
          if (m != analyse::kShift) gain = next.head[s0] == g.head[s0];
          const int lost = best - (gain + search.future(next.stack(), next.buffer_front()));
          CHECK(analyse::cost(c, g, m, label) == static_cast<uint32_t>(lost));
          ++checked;
        }
        REQUIRE(!valid.empty());
        const Move m = valid[r.next(static_cast<uint32_t>(valid.size()))];
        c.apply(m, m == analyse::kShift ? 0 : g.label[c.s(0)]);
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("a wrong label costs one where the arc is right, and nothing elsewhere") {
  // "she left": 2 -> 1 (label 1), root -> 2 (label 0).
  GoldTree g{{0, 2, 0}, {0, 1, 0}};
  ArcHybrid c;
  c.start(2);
  c.apply(analyse::kShift, 0);
  CHECK(analyse::cost(c, g, analyse::kLeft, 1) == 0);
  CHECK(analyse::cost(c, g, analyse::kLeft, 0) == 1);
  CHECK(analyse::cost(c, g, analyse::kShift, 0) == 2);  // "she" under "left", and "left" under the root, both lost
  c.apply(analyse::kLeft, 1);
  c.apply(analyse::kShift, 0);
  CHECK_FALSE(c.can(analyse::kLeft));
  CHECK(c.can(analyse::kRight));
  CHECK(analyse::cost(c, g, analyse::kRight, 0) == 0);
  CHECK(analyse::cost(c, g, analyse::kRight, 5) == 1);
  c.apply(analyse::kRight, 0);
  CHECK(c.done());
  CHECK(c.head[1] == 2);
  CHECK(c.head[2] == 0);
}

TEST_CASE("the root takes one word, once the buffer is empty") {
  ArcHybrid c;
  c.start(3);
  c.apply(analyse::kShift, 0);
  CHECK_FALSE(c.can(analyse::kRight));  // the root would get a second word later
  c.apply(analyse::kShift, 0);
  CHECK(c.can(analyse::kRight));
  c.apply(analyse::kShift, 0);
  CHECK_FALSE(c.can(analyse::kShift));
  CHECK_FALSE(c.can(analyse::kLeft));
  while (!c.done()) c.apply(analyse::kRight, 0);
  CHECK(c.head[1] == 0);
  CHECK(c.head[2] == 1);
  CHECK(c.head[3] == 2);
}

TEST_CASE("a crossing tree is not projective") {
  CHECK(analyse::projective(GoldTree{{0, 2, 0, 2}, {0, 0, 0, 0}}));
  CHECK_FALSE(analyse::projective(GoldTree{{0, 3, 4, 0, 3}, {0, 0, 0, 0, 0}}));  // 3->1 crosses 4->2
}

TEST_CASE("the static oracle builds every projective tree of a sample of UD English EWT train", "[shared]") {
  auto path = test_support::shared_dir() / "datasets/ud-english-ewt/en_ewt-ud-train.conllu";
  std::ifstream in(path);
  if (!in) SKIP_TEST("no " << path);
  std::vector<conllu::Sentence> ss;
  std::string err;
  REQUIRE(conllu::read(in, ss, &err));
  std::map<std::string, uint8_t> labels;
  for (const auto& s : ss)
    for (size_t i = 0; i < s.words.size(); ++i) labels.emplace(s.col(i, conllu::kDeprel), uint8_t(labels.size()));
  size_t tried = 0, projective = 0;
  for (size_t k = 0; k < ss.size(); k += 4) {
    const auto& s = ss[k];
    const uint32_t n = static_cast<uint32_t>(s.words.size());
    GoldTree g{std::vector<uint32_t>(n + 1, 0), std::vector<uint8_t>(n + 1, 0)};
    for (uint32_t i = 0; i < n; ++i) {
      g.head[i + 1] = static_cast<uint32_t>(std::stoul(s.col(i, conllu::kHead)));
      g.label[i + 1] = labels.at(s.col(i, conllu::kDeprel));
    }
    ++tried;
    if (!analyse::projective(g)) continue;
    ++projective;
    ArcHybrid c;
    c.start(n);
    while (!c.done()) {
      uint32_t label = 0;
      Move m = analyse::static_oracle(c, g, label);
      REQUIRE(c.can(m));
      CHECK(analyse::cost(c, g, m, label) == 0);  // the static oracle's moves lose nothing
      c.apply(m, label);
    }
    for (uint32_t w = 1; w <= n; ++w) {
      CHECK(c.head[w] == g.head[w]);
      CHECK(c.label[w] == g.label[w]);
    }
  }
  CHECK(tried > 3000);
  CHECK(projective > tried * 95 / 100);  // 2.3% of EWT train's trees cross
}

TEST_CASE("the built-in parser loads with UD's relations") {
  const analyse::Models& m = analyse::models();
  const analyse::ParserModels& pm = analyse::parser_models();
  const analyse::Parser& p = pm.parser;
  REQUIRE(p.labels() > 30);
  CHECK(pm.model.classes() == 1 + 2 * p.labels());
  std::vector<std::string> names;
  for (uint32_t l = 0; l < p.labels(); ++l) names.push_back(p.label_name(l));
  for (const char* r : {"nsubj", "nsubj:pass", "obj", "iobj", "ccomp", "xcomp", "obl", "conj", "root", "punct"})
    CHECK(std::find(names.begin(), names.end(), r) != names.end());
  std::vector<std::string> rels;
  std::string err;
  CHECK(analyse::parser_labels(pm.model, rels, &err));
  CHECK_FALSE(analyse::parser_labels(m.tagger_model, rels, &err));
  CHECK_FALSE(err.empty());
}

TEST_CASE("a news sentence gets its subject, its clausal complement and their subjects") {
  AnnotatedText at = analyze_text("The minister said the talks would resume on Monday.");
  Analysis an = analyse_article(at);
  REQUIRE(at.sentences.size() == 1);
  SentenceParse p = parse_sentence(at, an, 0);
  REQUIRE(p.size() == 10);
  auto word = [&](uint32_t w) { return std::string(at.norm.view(an.words[p.first_word + w].span)); };
  const uint32_t said = p.root();
  REQUIRE(said != SentenceParse::kNone);
  CHECK(word(said) == "said");
  CHECK(word(p.child(said, "nsubj")) == "minister");
  const uint32_t resume = p.child(said, "ccomp");
  REQUIRE(resume != SentenceParse::kNone);
  CHECK(word(resume) == "resume");
  CHECK(word(p.child(resume, "nsubj")) == "talks");
  CHECK(p.is(p.child(resume, "obl"), "obl"));
  // The children lists are the heads read the other way.
  for (uint32_t w = 0; w < p.size(); ++w)
    for (uint32_t k = p.child_begin[w]; k < p.child_begin[w + 1]; ++k) CHECK(p.head[p.children[k]] == w);
  CHECK(p.children.size() == p.size() - 1);
}

TEST_CASE("relations match with or without their subtype") {
  AnnotatedText at = analyze_text("The plan was rejected by the council.");
  Analysis an = analyse_article(at);
  SentenceParse p = parse_sentence(at, an, 0);
  const uint32_t root = p.root();
  const uint32_t subj = p.child(root, "nsubj");
  REQUIRE(subj != SentenceParse::kNone);
  CHECK(p.relation(subj) == "nsubj:pass");
  CHECK(p.is(subj, "nsubj:pass"));
  CHECK_FALSE(p.is(subj, "nsubj:outer"));
  CHECK_FALSE(p.is(subj, "nsub"));
  CHECK(relation_name(255) == "dep");
}

TEST_CASE("only sentences with a reporting or event verb, a quote or two names are picked for parsing") {
  AnnotatedText at = analyze_text(
      "The weather was mild. The minister said talks would go on. \"We are ready,\" it read. "
      "Troops attacked the town. Vladimir Putin met Emmanuel Macron. The view was fine from the hill.");
  Analysis an = analyse_article(at);
  REQUIRE(at.sentences.size() == 6);
  std::vector<bool> picked;
  for (uint32_t s = 0; s < 6; ++s) picked.push_back(needs_parse(at, an, s));
  CHECK(picked == std::vector<bool>{false, true, true, true, true, false});
  auto trees = parse_article(at, an);
  REQUIRE(trees.size() == 4);
  CHECK(trees[0].sentence == 1);
  CHECK(trees[3].sentence == 4);
}

TEST_CASE("an analysis parses a sentence on its first request and keeps the tree") {
  AnnotatedText at = analyze_text("The weather was mild. The minister said talks would go on. Troops attacked the town.");
  const Analysis an = analyse_article(at);
  REQUIRE(at.sentences.size() == 3);
  CHECK(an.parsed() == 0);
  const SentenceParse& second = an.parse(at, 1);
  const SentenceParse& again = an.parse(at, 1);
  CHECK(&second == &again);
  // Parsing another sentence leaves the first tree where it was.
  const SentenceParse& third = an.parse(at, 2);
  CHECK(&an.parse(at, 1) == &second);
  CHECK(second.sentence == 1);
  CHECK(third.sentence == 2);
  CHECK(an.parsed() == 2);
  const SentenceParse direct = parse_sentence(at, an, 1);
  CHECK(second.head == direct.head);
  CHECK(second.rel == direct.rel);
}

TEST_CASE("a sentence repeated word for word takes the first copy's tree, anchored where it is") {
  AnnotatedText at = analyze_text("The envoy said the talks went well. Troops shelled the port. "
                                  "The envoy said the talks went well. The envoy said the talks went badly.");
  const Analysis an = analyse_article(at);
  REQUIRE(at.sentences.size() == 4);
  const SentenceParse& first = an.parse(at, 0);
  const SentenceParse& copy = an.parse(at, 2);
  const SentenceParse& other = an.parse(at, 3);
  CHECK(&copy != &first);
  CHECK(copy.sentence == 2);
  CHECK(copy.first_word == an.sentence_words[2]);
  const SentenceParse direct = parse_sentence(at, an, 2);
  CHECK(copy.head == direct.head);
  CHECK(copy.rel == direct.rel);
  CHECK(copy.children == direct.children);
  CHECK(copy.child_begin == direct.child_begin);
  CHECK(other.sentence == 3);  // one word differs: parsed on its own
  CHECK(other.head == parse_sentence(at, an, 3).head);
}

TEST_CASE("parse writes a tree for every sentence of raw text and of given words") {
  test_support::TempDir tmp;
  auto txt = tmp.file("a.txt", "Moscow, March 3 - Vladimir Putin said he didn't expect talks.\n\nThe army denied it.\n");
  auto t = test_support::run({"parse", txt});
  CHECK(t.code == 0);
  check_trees(t.out);
  CHECK(t.out.find("\tsaid\t_\tVERB\tVBD\t_\t0\troot\t") != std::string::npos);
  CHECK(t.out.find("Name=B-PER") != std::string::npos);

  auto in = tmp.file("in.conllu",
                     "# sent_id = a\n1\tPutin\t_\t_\t_\t_\t2\tnsubj\t2:nsubj\t_\n2\tspoke\t_\t_\t_\t_\t0\troot\t0:root\t_\n"
                     "3\t.\t_\t_\t_\t_\t2\tpunct\t2:punct\t_\n\n");
  auto r = test_support::run({"parse", "--conllu-in", in, "-o", tmp / "out.conllu"});
  CHECK(r.code == 0);
  const std::string out = test_support::slurp(tmp / "out.conllu");
  check_trees(out);
  CHECK(out.find("1\tPutin\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tspoke\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n") !=
        std::string::npos);
  // Written back, the output reads to the same bytes.
  std::istringstream back(out);
  std::vector<conllu::Sentence> ss;
  std::string err;
  REQUIRE(conllu::read(back, ss, &err));
  std::ostringstream again;
  for (const auto& s : ss) conllu::write(again, s);
  CHECK(again.str() == out);

  CHECK(test_support::run({"parse"}).code == 2);
  CHECK(test_support::run({"parse", txt, "--conllu-in", in}).code == 2);
}

TEST_CASE("parse survives bad input and says what is wrong") {
  test_support::TempDir tmp;
  // A 1,000-word sentence, a 10,000-byte word, invalid UTF-8, blank lines around them.
  std::string thousand, conllu = "\n\n";
  for (int i = 0; i < 1000; ++i) thousand += (i % 7 == 6 ? ", " : "word ");
  thousand += ".\n";
  std::string big(10000, 'x'), bad = "caf\xe9 \xff\xfe na\xc3 said \xed\xa0\x80.\n";
  for (int i = 1; i <= 1000; ++i) conllu += std::to_string(i) + "\tw" + std::to_string(i % 13) + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
  conllu += "\n\n1\t" + big + "\t_\t_\t_\t_\t_\t_\t_\t_\n\n1\t\xff\xfe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tok\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  // Raw text: a file eventloom cannot read (invalid UTF-8, empty) is named
  // and skipped (exit 1), and the others are parsed.
  auto good = tmp.file("long.txt", "\n" + thousand + "\n" + big + " said it.\n\n");
  auto r = test_support::run({"parse", tmp.file("bad.txt", bad), good});
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.txt") != std::string::npos);
  CHECK(r.err.find("invalid UTF-8") != std::string::npos);
  check_trees(r.out);
  CHECK(r.out.find("\t" + big + "\t") != std::string::npos);
  {  // eventloom's segmenter cuts the run of 1,000 words into long sentences
    std::istringstream in(r.out);
    std::vector<conllu::Sentence> ss;
    std::string err;
    REQUIRE(conllu::read(in, ss, &err));
    size_t longest = 0;
    for (const auto& s : ss) longest = std::max(longest, s.words.size());
    CHECK(longest > 500);
  }
  auto c = test_support::run({"parse", "--conllu-in", tmp.file("bad.conllu", conllu)});
  CHECK(c.code == 0);
  check_trees(c.out);
  std::istringstream in(c.out);
  std::vector<conllu::Sentence> ss;
  std::string err;
  REQUIRE(conllu::read(in, ss, &err));
  REQUIRE(ss.size() == 3);
  CHECK(ss[0].words.size() == 1000);
  CHECK(ss[1].form(0) == big);

  auto empty = test_support::run({"parse", tmp.file("empty.txt", "\n")});
  CHECK(empty.code == 1);
  CHECK(empty.err.find("empty.txt") != std::string::npos);
  CHECK(empty.out.empty());
  auto malformed = test_support::run({"parse", "--conllu-in", tmp.file("m.conllu", "1\tI\t_\n")});
  CHECK(malformed.code == 1);
  CHECK(malformed.err.find("m.conllu: line 1") != std::string::npos);
  auto missing = test_support::run({"parse", "--conllu-in", tmp / "nope.conllu"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("nope.conllu") != std::string::npos);
}

TEST_CASE("parse reads a seed article end to end", "[shared]") {
  auto seeds = test_support::shared_files("seeds", ".txt");
  if (seeds.empty()) SKIP_TEST("no seeds in " << test_support::shared_dir());
  auto r = test_support::run({"parse", seeds.front()});
  CHECK(r.code == 0);
  check_trees(r.out);
  size_t sentences = 0, subjects = 0;
  for (size_t p = r.out.find("# sent_id"); p != std::string::npos; p = r.out.find("# sent_id", p + 1)) ++sentences;
  for (size_t p = r.out.find("\tnsubj"); p != std::string::npos; p = r.out.find("\tnsubj", p + 1)) ++subjects;
  CHECK(sentences > 5);
  CHECK(subjects >= sentences / 2);
}

namespace {

// Greedy decoding as plainly as it can be written: every configuration
// scored over all the classes, the moves not allowed masked, fresh buffers.
void reference_parse(const analyse::LinearModel& m, const std::vector<analyse::WordInfo>& words,
                     const std::vector<uint8_t>& tags, std::vector<uint32_t>& head, std::vector<uint8_t>& label) {
  analyse::ParseAtoms atoms;
  atoms.fill(words, tags);
  ArcHybrid c;
  c.start(static_cast<uint32_t>(words.size()));
  std::vector<analyse::Feature> f;
  while (!c.done()) {
    analyse::parse_features(c, atoms, f);
    std::vector<float> scores(m.classes(), 0.0f);
    m.score(f.data(), f.size(), scores.data());
    for (uint32_t k = 0; k < m.classes(); ++k)
      if (!c.can(analyse::move_of(k))) scores[k] = -std::numeric_limits<float>::infinity();
    const uint32_t best = analyse::best_class(scores.data(), m.classes());
    c.apply(analyse::move_of(best), best == 0 ? 0 : analyse::label_of(best));
  }
  head.assign(c.head.begin() + 1, c.head.end() - 1);
  label.assign(c.label.begin() + 1, c.label.end() - 1);
}

}  // namespace

TEST_CASE("the parser decodes as the plain greedy loop does, whatever it parsed before") {
  // Sentences of different lengths in turn, so that the per-thread buffers
  // shrink and grow; the first words of a sentence can only be shifted.
  AnnotatedText at = analyze_text(
      "Officials in the northern province said on Tuesday that the new bridge, which cost more than "
      "it was meant to, would open to traffic next spring after two years of delays. Rain fell. "
      "The old ferry will keep running until then, the operator told reporters. Yes.");
  const Analysis an = analyse_article(at);
  REQUIRE(at.sentences.size() >= 3);
  const analyse::Models& models = analyse::models();
  const analyse::ParserModels& pm = analyse::parser_models();
  const analyse::Parser greedy(pm.model, 1);  // the built-in width may be a beam's
  for (int pass = 0; pass < 2; ++pass)
    for (uint32_t s = 0; s < at.sentences.size(); ++s) {
      const uint32_t first = an.sentence_words[s], n = an.sentence_words[s + 1] - first;
      std::vector<analyse::WordInfo> words(n);
      std::vector<uint8_t> tags(n);
      for (uint32_t i = 0; i < n; ++i) {
        analyse::describe_word(at.norm.view(an.words[first + i].span), &models.clusters, words[i]);
        tags[i] = an.words[first + i].tag;
      }
      std::vector<uint32_t> head, want_head;
      std::vector<uint8_t> label, want_label;
      greedy.parse(words, tags, head, label);
      reference_parse(pm.model, words, tags, want_head, want_label);
      CHECK(head == want_head);
      CHECK(label == want_label);
    }
}

namespace {

// The words and tags of each sentence of `text`, as the library gives them to the parser.
std::vector<std::pair<std::vector<analyse::WordInfo>, std::vector<uint8_t>>> parser_inputs(const std::string& text) {
  AnnotatedText at = analyze_text(text);
  const Analysis an = analyse_article(at);
  const analyse::Models& models = analyse::models();
  std::vector<std::pair<std::vector<analyse::WordInfo>, std::vector<uint8_t>>> out;
  for (uint32_t s = 0; s < at.sentences.size(); ++s) {
    const uint32_t first = an.sentence_words[s], n = an.sentence_words[s + 1] - first;
    auto& [words, tags] = out.emplace_back();
    words.resize(n);
    tags.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
      analyse::describe_word(at.norm.view(an.words[first + i].span), &models.clusters, words[i]);
      tags[i] = an.words[first + i].tag;
    }
  }
  return out;
}

const char* const kBeamText =
    "The harbour authority announced on Friday that two cranes, which had stood idle since the storm, "
    "would be repaired by a firm from the north before the grain season begins. Stop. "
    "Farmers who had waited for weeks told the council they feared losing their crops. Why?";

}  // namespace

TEST_CASE("a beam of one decodes as greedy decoding does") {
  const analyse::ParserModels& pm = analyse::parser_models();
  const analyse::Parser greedy(pm.model, 1);
  analyse::BeamSearch beam;
  analyse::ParseAtoms atoms;
  const analyse::LinearModel& m = pm.model;
  for (const auto& [words, tags] : parser_inputs(kBeamText)) {
    std::vector<uint32_t> head;
    std::vector<uint8_t> label;
    greedy.parse(words, tags, head, label);
    const uint32_t n = static_cast<uint32_t>(words.size());
    atoms.fill(words, tags);
    beam.run(atoms, n, 1, m.classes(),
             [&](const std::vector<analyse::Feature>& f, float* s) { m.score(f.data(), f.size(), s); });
    REQUIRE(beam.moves() == 2 * n);
    CHECK(beam.best().done());
    for (uint32_t i = 1; i <= n; ++i) {
      CHECK(beam.best().head[i] == head[i - 1]);
      CHECK(beam.best().label[i] == label[i - 1]);
    }
  }
}

TEST_CASE("a beam of any width returns a tree for every sentence") {
  const analyse::ParserModels& pm = analyse::parser_models();
  std::string text = kBeamText;
  text += " The ";
  for (int i = 0; i < 60; ++i) text += "long and winding road of the quiet valley, ";
  text += "ends here.";
  const auto inputs = parser_inputs(text);
  for (uint32_t k : {2u, 3u, 8u, 16u}) {
    const analyse::Parser p(pm.model, k);
    CHECK(p.beam() == k);
    for (const auto& [words, tags] : inputs) {
      std::vector<uint32_t> head;
      std::vector<uint8_t> label;
      p.parse(words, tags, head, label);
      const size_t n = words.size();
      REQUIRE(head.size() == n);
      size_t roots = 0;
      for (size_t i = 0; i < n; ++i) {
        REQUIRE(head[i] <= n);
        CHECK(head[i] != i + 1);
        CHECK(label[i] < p.labels());
        roots += head[i] == 0;
      }
      CHECK(roots == 1);
      for (size_t i = 0; i < n; ++i) {
        size_t w = i + 1, steps = 0;
        while (w != 0 && steps <= n) w = head[w - 1], ++steps;
        CHECK(w == 0);
      }
    }
    std::vector<uint32_t> head{7};
    std::vector<uint8_t> label{7};
    p.parse({}, {}, head, label);
    CHECK(head.empty());
  }
}

TEST_CASE("a beam marks the configurations that follow the gold moves, and keeps their histories") {
  Lcg r{42};
  analyse::BeamSearch beam;
  analyse::ParseAtoms atoms;
  analyse::ArcHybrid c;
  // Scores that depend on the features only, so the beam's order is arbitrary but fixed.
  auto score = [](const std::vector<analyse::Feature>& f, float* s) {
    for (analyse::Feature x : f) s[x % 7] += float(x >> 60) * 0.25f;
  };
  for (int trial = 0; trial < 40; ++trial) {
    const uint32_t n = 1 + r.next(9);
    GoldTree g = random_tree(n, r, true);
    std::vector<analyse::WordInfo> words(n);
    std::vector<uint8_t> tags(n);
    for (uint32_t i = 0; i < n; ++i) {
      analyse::describe_word(i % 2 ? "stone" : "river", nullptr, words[i]);
      tags[i] = static_cast<uint8_t>(r.next(5));
    }
    atoms.fill(words, tags);
    std::vector<uint32_t> gold;
    c.start(n);
    while (!c.done()) {
      uint32_t label = 0;
      const Move m = analyse::static_oracle(c, g, label);
      gold.push_back(analyse::class_of(m, label));
      c.apply(m, label);
    }
    REQUIRE(gold.size() == 2 * n);
    beam.run(atoms, n, 4, 7, score, &gold);
    REQUIRE(beam.moves() == 2 * n);
    std::vector<uint32_t> h;
    for (uint32_t t = 0; t < 2 * n; ++t)
      for (uint32_t i = 0; i < beam.steps()[t].size(); ++i) {
        beam.history(t, i, h);
        CHECK(beam.steps()[t][i].gold == std::equal(h.begin(), h.end(), gold.begin()));
        if (t + 1 < 2 * n) continue;
        c.start(n);  // the history replays to a finished configuration
        for (uint32_t cls : h) {
          REQUIRE(c.can(analyse::move_of(cls)));
          c.apply(analyse::move_of(cls), cls ? analyse::label_of(cls) : 0);
        }
        CHECK(c.done());
        if (i == 0)
          for (uint32_t w = 1; w <= n; ++w) CHECK(c.head[w] == beam.best().head[w]);
      }
  }
}

TEST_CASE("the built-in parser decodes with the default beam unless the environment picks one") {
  const analyse::ParserModels& pm = analyse::parser_models();
  if (std::getenv("EVENTLOOM_PARSER_BEAM") == nullptr) CHECK(pm.parser.beam() == analyse::kDefaultBeam);
  CHECK(pm.parser.beam() >= 1);
}
