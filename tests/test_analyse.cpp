// The learned analysis: the model files, the tagger, the name tagger, the
// pieces the models read, CoNLL-U, and the `tag` command.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <sstream>

#include "analyse/conllu.hpp"
#include "analyse/linear.hpp"
#include "analyse/models.hpp"
#include "analyse/pieces.hpp"
#include "analyse/tagger.hpp"
#include "analyse/words.hpp"
#include "eventloom/analyse.hpp"
#include "test_support.hpp"

using namespace eventloom;

namespace {

std::vector<std::string> tags_of(const std::string& text, bool xp) {
  AnnotatedText at = analyze_text(text);
  Analysis an = analyse_article(at);
  std::vector<std::string> out;
  for (const auto& w : an.words) out.emplace_back(xp ? xpos(w.tag) : upos(w.tag));
  return out;
}

std::vector<std::pair<std::string, std::string>> names_of(const std::string& text) {
  AnnotatedText at = analyze_text(text);
  Analysis an = analyse_article(at);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : an.names)
    out.emplace_back(std::string(at.norm.view({at.tokens[m.first].span.start, at.tokens[m.last - 1].span.end})),
                     to_string(m.type));
  return out;
}

}  // namespace

TEST_CASE("the built-in models load and have the classes the code expects") {
  const analyse::Models& m = analyse::models();
  CHECK(m.tagger_model.classes() > 40);
  CHECK(m.tagger_model.features() > 10000);
  CHECK(m.tagger_model.class_index("PROPN|NNP") >= 0);
  CHECK(m.tagger_model.class_index("VERB|VBD") >= 0);
  REQUIRE(m.names_model.classes() == analyse::kNameLabels);
  CHECK(m.names_model.class_name(0) == "O");
  CHECK(m.names_model.class_name(analyse::make_label(NameType::Person, 'U')) == "U-PER");
  CHECK(m.clusters.level_sizes()[0] > 0);
}

TEST_CASE("a model file reads back to the same bytes, and broken bytes are refused") {
  analyse::PerceptronTrainer t({"A", "B"});
  std::vector<analyse::Feature> f{analyse::feature(1, 7), analyse::feature(2, 9)};
  for (int i = 0; i < 5; ++i) {
    t.update(f, 1, 0);
    t.tick();
  }
  std::string bytes = t.finish().serialize();
  std::string err;
  auto m = analyse::LinearModel::parse(bytes, &err);
  REQUIRE(m);
  CHECK(m->serialize() == bytes);
  float s[2] = {0, 0};
  m->score(f.data(), f.size(), s);
  CHECK(s[1] > s[0]);
  CHECK_FALSE(analyse::LinearModel::parse(bytes.substr(0, bytes.size() - 3), &err));
  CHECK(err.find("truncated") != std::string::npos);
  CHECK_FALSE(analyse::LinearModel::parse("not a model at all", &err));
  std::string bad = bytes;
  bad[8] = 0;  // no classes
  CHECK_FALSE(analyse::LinearModel::parse(bad, &err));
  CHECK(err == "bad class count");
}

TEST_CASE("the mean of several trainers scores as the mean of their models") {
  // finish_mean() of one trainer is finish(); of two, each feature's weight
  // is the mean of the two averaged weights (absent ones count as 0).
  analyse::PerceptronTrainer a({"A", "B", "C"}), b({"A", "B", "C"});
  const std::vector<analyse::Feature> f{analyse::feature(1, 7), analyse::feature(2, 9)}, g{analyse::feature(3, 4)};
  for (int i = 0; i < 6; ++i) {
    a.update(f, 1, 0);
    a.tick();
    b.update(i % 2 ? f : g, 2, 1);
    b.tick();
  }
  CHECK(analyse::PerceptronTrainer::finish_mean({&a}).serialize() == a.finish().serialize());
  const analyse::LinearModel ma = a.finish(0), mb = b.finish(0), mean = analyse::PerceptronTrainer::finish_mean({&a, &b}, 0);
  for (const auto& x : {f, g}) {
    float sa[3] = {0, 0, 0}, sb[3] = {0, 0, 0}, sm[3] = {0, 0, 0};
    ma.score(x.data(), x.size(), sa);
    mb.score(x.data(), x.size(), sb);
    mean.score(x.data(), x.size(), sm);
    for (int c = 0; c < 3; ++c) CHECK(sm[c] == Approx((sa[c] + sb[c]) / 2));
  }
  CHECK(mean.features() == 3);
}

// The scores as the file says them: for each feature in order, each pair of
// its row in order, added to its class.
static std::vector<float> reference_scores(const std::string& bytes, const std::vector<analyse::Feature>& f) {
  size_t p = 8;
  auto u32 = [&] {
    uint32_t v;
    std::memcpy(&v, bytes.data() + p, 4);
    p += 4;
    return v;
  };
  const uint32_t nclass = u32();
  for (uint32_t c = 0; c < nclass; ++c) p += u32();
  const uint32_t nfeat = u32(), nentry = u32();
  std::vector<uint64_t> keys(nfeat);
  std::vector<uint32_t> start(nfeat + 1);
  std::vector<uint8_t> cls(nentry);
  std::vector<float> w(nentry);
  std::memcpy(keys.data(), bytes.data() + p, nfeat * 8);
  std::memcpy(start.data(), bytes.data() + p + nfeat * 8, (nfeat + 1) * 4);
  std::memcpy(cls.data(), bytes.data() + p + nfeat * 12 + 4, nentry);
  std::memcpy(w.data(), bytes.data() + p + nfeat * 12 + 4 + nentry, nentry * 4);
  std::vector<float> s(nclass, 0.0f);
  for (analyse::Feature x : f) {
    auto it = std::lower_bound(keys.begin(), keys.end(), x);
    if (it == keys.end() || *it != x) continue;
    const size_t r = static_cast<size_t>(it - keys.begin());
    for (uint32_t e = start[r]; e < start[r + 1]; ++e) s[cls[e]] += w[e];
  }
  return s;
}

TEST_CASE("a model's scores are its rows added in the features' order, to the bit") {
  // Rows of every length, from one pair to every class: kept in the slot,
  // continued elsewhere, or dense; features absent, repeated, and more of
  // them than score() takes in one sweep.
  for (uint32_t classes : {3u, 17u, 40u, 102u}) {
    std::vector<std::string> names;
    for (uint32_t c = 0; c < classes; ++c) names.push_back("c" + std::to_string(c));
    analyse::PerceptronTrainer t(names);
    for (uint32_t len = 2; len <= classes; ++len) {
      std::vector<analyse::Feature> f{analyse::feature(1, len)};
      for (uint32_t c = 0; c + 1 < len; ++c) {
        t.update(f, c, c + 1, 0.25f + 0.125f * static_cast<float>((c * 7 + len) % 5));
        t.tick();
      }
    }
    const std::string bytes = t.finish().serialize();
    std::string err;
    auto m = analyse::LinearModel::parse(bytes, &err);
    REQUIRE(m);
    CHECK(m->serialize() == bytes);  // read back from the slots, dense rows as the file has them
    std::vector<analyse::Feature> f;
    for (uint32_t i = 0; i < 300; ++i) f.push_back(analyse::feature(i % 3 ? 1 : 2, (i * 37) % (classes + 3)));
    std::vector<float> got(classes, 0.0f);
    m->score(f.data(), f.size(), got.data());
    const std::vector<float> want = reference_scores(bytes, f);
    CHECK(std::memcmp(got.data(), want.data(), classes * sizeof(float)) == 0);
  }
}

TEST_CASE("a model's table finds every feature it has, and no other, when it is full and past its end") {
  // Many features of one and two pairs fill runs of slots, some past the
  // last home; each present feature once, each absent one near it.
  analyse::PerceptronTrainer t({"x", "y", "z"});
  std::vector<analyse::Feature> have;
  for (uint32_t i = 0; i < 20000; ++i) {
    std::vector<analyse::Feature> f{analyse::feature(5, i)};
    t.update(f, i % 3, (i + 1) % 3, 0.5f + static_cast<float>(i % 7));
    t.tick();
    have.push_back(f[0]);
  }
  const std::string bytes = t.finish().serialize();
  std::string err;
  auto m = analyse::LinearModel::parse(bytes, &err);
  REQUIRE(m);
  CHECK(m->features() > 19000);  // (the last few weights average to nearly 0, and are dropped)
  CHECK(m->serialize() == bytes);
  size_t wrong = 0;
  for (size_t i = 0; i < have.size(); ++i) {
    for (analyse::Feature x : {have[i], have[i] + 2, have[i] - 2, ~have[i] | 1}) {
      float got[3] = {0, 0, 0};
      m->score(&x, 1, got);
      const std::vector<float> want = reference_scores(bytes, {x});
      wrong += std::memcmp(got, want.data(), sizeof got) != 0;
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("a dense row whose pairs the file does not give by rising class still reads back as the file has it") {
  std::vector<std::string> names;
  for (uint32_t c = 0; c < 24; ++c) names.push_back("c" + std::to_string(c));
  analyse::PerceptronTrainer t(names);
  std::vector<analyse::Feature> f{analyse::feature(3, 1)};
  for (uint32_t c = 0; c + 1 < 24; ++c) {
    t.update(f, c, c + 1, 1.0f + static_cast<float>(c));
    t.tick();
  }
  std::string bytes = t.finish().serialize();
  // One row of 24 pairs: the classes sit after the key and the row table,
  // then the weights. Swap the first two pairs of the row.
  const size_t classes_at = bytes.size() - 24 * 5, weights_at = bytes.size() - 24 * 4;
  std::swap(bytes[classes_at], bytes[classes_at + 1]);
  for (int k = 0; k < 4; ++k) std::swap(bytes[weights_at + k], bytes[weights_at + 4 + k]);
  std::string err;
  auto m = analyse::LinearModel::parse(bytes, &err);
  REQUIRE(m);
  CHECK(m->serialize() == bytes);
  std::vector<float> got(24, 0.0f);
  m->score(f.data(), f.size(), got.data());
  const std::vector<float> want = reference_scores(bytes, f);
  CHECK(std::memcmp(got.data(), want.data(), 24 * sizeof(float)) == 0);
}

TEST_CASE("the models, once released, load again and tag as before, but not while an article holds them") {
  const std::string text = "The minister said on Tuesday that the bank would cut its rates.";
  const std::vector<std::string> before = tags_of(text, true);
  {
    analyse::ModelUse use;
    CHECK_FALSE(analyse::release_models());
    CHECK(tags_of(text, true) == before);
  }
  CHECK(analyse::release_models());
  CHECK(tags_of(text, true) == before);
  CHECK(analyse::models().tagger_model.features() > 10000);
}

TEST_CASE("best_class is the first of the highest scores, as one comparison after another would find") {
  auto one_by_one = [](const std::vector<float>& s) {
    uint32_t b = 0;
    for (uint32_t c = 1; c < s.size(); ++c)
      if (s[c] > s[b]) b = c;
    return b;
  };
  std::vector<std::vector<float>> cases = {
      {1.0f}, {0.0f, -0.0f}, {-0.0f, 0.0f}, {-1.0f, -1.0f, -2.0f}, {3, 1, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9},
      {9, 8, 7, 6, 5, 4, 3, 2, 9}};
  std::vector<float> long_one;  // 102 classes, ties in several lanes and in the tail
  for (int c = 0; c < 102; ++c) long_one.push_back(static_cast<float>((c * 37) % 11) - 5.0f);
  cases.push_back(long_one);
  long_one[101] = 100.0f;
  cases.push_back(long_one);
  for (const auto& s : cases) CHECK(analyse::best_class(s.data(), static_cast<uint32_t>(s.size())) == one_by_one(s));
  CHECK(analyse::best_class(nullptr, 0) == 0);
}

TEST_CASE("training is deterministic: the same examples give the same bytes") {
  auto train = [] {
    analyse::PerceptronTrainer t({"X", "Y", "Z"});
    for (int i = 0; i < 50; ++i) {
      std::vector<analyse::Feature> f{analyse::feature(0, uint64_t(i % 7)), analyse::feature(1, uint64_t(i % 3))};
      float s[3] = {0, 0, 0};
      t.score(f, s);
      t.update(f, static_cast<uint32_t>(i % 3), analyse::best_class(s, 3));
      t.tick();
    }
    return t.finish().serialize();
  };
  CHECK(train() == train());
}

TEST_CASE("tokens are cut into the pieces UD English EWT uses, inside their own bytes") {
  std::vector<uint32_t> cuts;
  analyse::piece_cuts("didn't", cuts);
  CHECK(cuts == std::vector<uint32_t>{3});
  analyse::piece_cuts("can't", cuts);
  CHECK(cuts == std::vector<uint32_t>{2});
  analyse::piece_cuts("I'm", cuts);
  CHECK(cuts == std::vector<uint32_t>{1});
  analyse::piece_cuts("Al-Zaman", cuts);
  CHECK(cuts == std::vector<uint32_t>{2, 3});
  analyse::piece_cuts("cannot", cuts);
  CHECK(cuts == std::vector<uint32_t>{3});
  analyse::piece_cuts("1996-08-30", cuts);
  CHECK(cuts.empty());
  analyse::piece_cuts("n't", cuts);
  CHECK(cuts.empty());
  AnnotatedText at = analyze_text("They didn't meet Al-Zaman's envoy.");
  Analysis an = analyse_article(at);
  std::vector<std::string> words;
  for (const auto& w : an.words) {
    CHECK(at.tokens[w.token].span.contains(w.span));
    words.emplace_back(at.norm.view(w.span));
  }
  CHECK(words == std::vector<std::string>{"They", "did", "n't", "meet", "Al", "-", "Zaman", "'s", "envoy", "."});
}

TEST_CASE("the tagger gives the tags of plain news sentences") {
  CHECK(tags_of("The minister said the talks would resume on Monday.", true) ==
        std::vector<std::string>{"DT", "NN", "VBD", "DT", "NNS", "MD", "VB", "IN", "NNP", "."});
  CHECK(tags_of("She didn't sign it.", false) ==
        std::vector<std::string>{"PRON", "AUX", "PART", "VERB", "PRON", "PUNCT"});
}

TEST_CASE("the tagger scores, word by word from its cache, the features it was trained on") {
  // pos_features() is what training reads; the tagger adds up the same
  // features grouped by the word they read (pos_features_by_role). For every
  // position, with and without first-pass tags, the two lists hold the same
  // features.
  const analyse::Models& m = analyse::models();
  for (std::string text : {std::string("Officials in Kyiv said on Monday that the U.S.-led talks would resume."),
                           std::string("Yes."), std::string("Go"), std::string("A B C D E F G")}) {
    std::vector<std::string_view> words;
    size_t b = 0;
    for (size_t e = 0; e <= text.size(); ++e)
      if (e == text.size() || text[e] == ' ') {
        words.push_back(std::string_view(text).substr(b, e - b));
        b = e + 1;
      }
    std::vector<analyse::WordInfo> info(words.size());
    for (size_t i = 0; i < words.size(); ++i) analyse::describe_word(words[i], &m.clusters, info[i]);
    std::vector<uint8_t> tags(words.size()), first(words.size());
    for (size_t i = 0; i < words.size(); ++i) tags[i] = static_cast<uint8_t>(i * 7 % 50), first[i] = static_cast<uint8_t>(i * 3 % 40);
    std::vector<analyse::Feature> a, r;
    for (size_t i = 0; i < words.size(); ++i)
      for (const std::vector<uint8_t>* f : std::vector<const std::vector<uint8_t>*>{nullptr, &first}) {
        analyse::pos_features(info, i, tags, f, a);
        analyse::pos_features_by_role(info, i, tags, f, r);
        std::sort(a.begin(), a.end());
        std::sort(r.begin(), r.end());
        CHECK(a == r);
      }
  }
  // And the tags from the cache are those of the features one by one, as
  // training scores them, in both passes (twice: the second time from a
  // cache the first filled).
  std::string text = "Prices of crude oil rose sharply on Tuesday after OPEC said it would cut output .";
  std::vector<std::string_view> words;
  for (size_t b = 0, e; b < text.size(); b = e + 1) {
    e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    words.push_back(std::string_view(text).substr(b, e - b));
  }
  std::vector<analyse::WordInfo> info(words.size());
  for (size_t i = 0; i < words.size(); ++i) analyse::describe_word(words[i], &m.clusters, info[i]);
  auto one_by_one = [&](const analyse::LinearModel& model, const std::vector<uint8_t>* first) {
    std::vector<uint8_t> t(info.size(), 0);
    std::vector<analyse::Feature> f;
    std::vector<float> sc(model.classes());
    for (size_t i = 0; i < info.size(); ++i) {
      analyse::pos_features(info, i, t, first, f);
      std::fill(sc.begin(), sc.end(), 0.0f);
      model.score(f.data(), f.size(), sc.data());
      t[i] = static_cast<uint8_t>(analyse::best_class(sc.data(), model.classes()));
    }
    return t;
  };
  std::vector<uint8_t> first = one_by_one(m.tagger_model, nullptr);
  std::vector<uint8_t> expected = one_by_one(m.tagger2_model, &first);
  for (int round = 0; round < 2; ++round) {
    std::vector<uint8_t> tags;
    m.tagger.tag(info, tags);
    CHECK(tags == expected);
  }
}

TEST_CASE("the name tagger finds people, organisations and places") {
  auto n = names_of("Russian Foreign Minister Sergei Lavrov met Antony Blinken in Geneva on Thursday, "
                    "the Foreign Ministry said.");
  CHECK(std::find(n.begin(), n.end(), std::make_pair(std::string("Sergei Lavrov"), std::string("PER"))) != n.end());
  CHECK(std::find(n.begin(), n.end(), std::make_pair(std::string("Antony Blinken"), std::string("PER"))) != n.end());
  CHECK(std::find(n.begin(), n.end(), std::make_pair(std::string("Geneva"), std::string("LOC"))) != n.end());
  auto o = names_of("Shares of General Motors Corp fell 3 percent in New York.");
  CHECK(std::find(o.begin(), o.end(), std::make_pair(std::string("General Motors Corp"), std::string("ORG"))) != o.end());
}

TEST_CASE("a wire dateline is read apart from the sentence it opens") {
  // Read with the dateline, "Valdorian President Ilse" was one name and the
  // surname none.
  auto n = names_of("MARENHOLT, March 12 (Wirepress) - Valdorian President Ilse Maren-Kovac and Zarevian Prime "
                    "Minister Matvei Lesnitsky spoke by telephone on Wednesday.");
  CHECK(std::find(n.begin(), n.end(), std::make_pair(std::string("Ilse Maren-Kovac"), std::string("PER"))) != n.end());
  CHECK(std::find(n.begin(), n.end(), std::make_pair(std::string("Matvei Lesnitsky"), std::string("PER"))) != n.end());
  // The agency in its brackets is no name of the story.
  for (const auto& [name, type] : n) CHECK(name != "Wirepress");
  // The words are tagged all the same, and each sentence still begins at
  // its first word.
  AnnotatedText at = analyze_text("OSLO, May 2 (Nordwire) - Prices rose. They fell later.");
  Analysis an = analyse_article(at);
  REQUIRE(an.sentence_words.size() == at.sentences.size() + 1);
  for (size_t s = 0; s < at.sentences.size(); ++s)
    CHECK(an.words[an.sentence_words[s]].token == at.sentences[s].first_token);
  for (size_t k = 0; k < at.tokens.size(); ++k) CHECK(an.words[an.token_word[k]].token == k);
}

TEST_CASE("odd sentences go through the analysis without harm") {
  for (std::string text : {std::string(""), std::string("."), std::string(5000, 'a'), std::string("\"\"\" ((( )))"),
                           std::string("Ünïcödé Wörds façade naïve"), std::string(2000, '-')}) {
    AnnotatedText at = analyze_text(text);
    Analysis an = analyse_article(at);
    CHECK(an.token_word.size() == at.tokens.size());
    for (const auto& m : an.names) CHECK(m.first < m.last);
  }
}

TEST_CASE("CoNLL-U reads and writes back byte for byte, and a malformed line is named") {
  const std::string doc =
      "# sent_id = 1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n\n";
  std::istringstream in(doc);
  std::vector<conllu::Sentence> s;
  std::string err;
  REQUIRE(conllu::read(in, s, &err));
  REQUIRE(s.size() == 1);
  CHECK(s[0].words.size() == 4);
  CHECK(s[0].form(1) == "do");
  std::ostringstream out;
  conllu::write(out, s[0]);
  CHECK(out.str() == doc);
  std::istringstream bad("1\tI\tI\tPRON\n");
  std::vector<conllu::Sentence> b;
  CHECK_FALSE(conllu::read(bad, b, &err));
  CHECK(err.find("line 1") == 0);
}

TEST_CASE("tag writes CoNLL-U for raw text and for given words") {
  test_support::TempDir tmp;
  auto in = tmp.path / "in.conllu";
  {
    std::ofstream f(in);
    f << "# sent_id = a\n1\tPutin\t_\t_\t_\t_\t_\t_\t_\t_\n2\tspoke\t_\t_\t_\t_\t_\t_\t_\t_\n"
         "3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  }
  auto r = test_support::run({"tag", "--conllu-in", in.string(), "-o", (tmp.path / "out.conllu").string()});
  CHECK(r.code == 0);
  std::string out = test_support::slurp(tmp.path / "out.conllu");
  CHECK(out.find("1\tPutin\t_\tPROPN\tNNP") != std::string::npos);
  CHECK(out.find("2\tspoke\t_\tVERB\tVBD") != std::string::npos);

  auto txt = tmp.path / "a.txt";
  {
    std::ofstream f(txt);
    f << "Moscow, March 3 - Vladimir Putin said he didn't expect talks.\n";
  }
  auto t = test_support::run({"tag", txt.string()});
  CHECK(t.code == 0);
  CHECK(t.out.find("Vladimir\t_\tPROPN\tNNP\t_\t_\t_\t_\tName=B-PER") != std::string::npos);
  CHECK(t.out.find("-") != std::string::npos);
  CHECK(t.out.find("\tdidn't\t") != std::string::npos);  // the multiword token line

  auto missing = test_support::run({"tag", "--conllu-in", (tmp.path / "nope.conllu").string()});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("nope.conllu") != std::string::npos);
  auto both = test_support::run({"tag", txt.string(), "--conllu-in", in.string()});
  CHECK(both.code == 2);
}

TEST_CASE("a sentence repeated word for word is read once, with the same tags and names") {
  const std::string s = "Vladimir Putin met Emmanuel Macron in Paris on Monday. ";
  AnnotatedText at = analyze_text(s + "Talks went well. " + s);
  Analysis an = analyse_article(at);
  REQUIRE(at.sentences.size() == 3);
  auto words_of = [&](size_t si) {
    std::vector<std::pair<std::string, std::string>> out;
    for (uint32_t w = an.sentence_words[si]; w < an.sentence_words[si + 1]; ++w)
      out.emplace_back(at.norm.view(an.words[w].span), xpos(an.words[w].tag));
    return out;
  };
  CHECK(words_of(0) == words_of(2));
  size_t first = 0, last = 0;
  for (const auto& m : an.names) {
    if (m.first < at.sentences[0].last_token) ++first;
    if (m.first >= at.sentences[2].first_token) ++last;
    CHECK(at.tokens[m.first].sentence == at.tokens[m.last - 1].sentence);
  }
  CHECK(first == last);
  CHECK(first >= 3);
  for (uint32_t k = 0; k < at.tokens.size(); ++k) CHECK(at.tokens[an.words[an.token_word[k]].token].span == at.tokens[k].span);
}
