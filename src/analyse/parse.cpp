// Dependency trees on demand: which sentences the later stages need parsed,
// and the parse of one sentence of an analysed article (analyse.hpp).
#include <algorithm>
#include <array>

#include "analyse/models.hpp"
#include "analyse/parser.hpp"
#include "util/hash.hpp"
#include "eventloom/analyse.hpp"
#include "eventloom/text.hpp"
#include "events/lexicon.hpp"
#include "statements/lexicon.hpp"

namespace eventloom {

uint32_t SentenceParse::root() const {
  for (uint32_t w = 0; w < size(); ++w)
    if (head[w] == kNone) return w;
  return kNone;
}

std::string_view SentenceParse::relation(uint32_t w) const { return relation_name(rel[w]); }

bool SentenceParse::is(uint32_t w, std::string_view r) const {
  std::string_view mine = relation(w);
  if (mine == r) return true;
  return r.find(':') == std::string_view::npos && mine.size() > r.size() && mine[r.size()] == ':' &&
         mine.compare(0, r.size(), r) == 0;
}

uint32_t SentenceParse::child(uint32_t w, std::string_view r) const {
  for (uint32_t k = child_begin[w]; k < child_begin[w + 1]; ++k)
    if (is(children[k], r)) return children[k];
  return kNone;
}

std::string_view relation_name(uint8_t rel) {
  const analyse::Parser& p = analyse::parser_models().parser;
  return rel < p.labels() ? std::string_view(p.label_name(rel)) : std::string_view("dep");
}

void parse_words(const std::vector<std::string_view>& words, const std::vector<uint8_t>& tags,
                 std::vector<uint32_t>& head, std::vector<uint8_t>& rel) {
  const analyse::Models& m = analyse::models();
  std::vector<analyse::WordInfo> info(words.size());
  for (size_t i = 0; i < words.size(); ++i) analyse::describe_word(words[i], &m.clusters, info[i]);
  analyse::parser_models().parser.parse(info, tags, head, rel);
}

namespace {

// Per tagger class: whether its UPOS is VERB.
const std::vector<bool>& verb_tags() {
  static const std::vector<bool> v = [] {
    const auto& t = analyse::models().tagger_model;
    std::vector<bool> out(256, false);
    for (uint32_t c = 0; c < t.classes(); ++c) out[c] = analyse::upos_of(t.class_name(c)) == "VERB";
    return out;
  }();
  return v;
}

}  // namespace

bool needs_parse(const AnnotatedText& at, const Analysis& a, uint32_t s) {
  const Sentence& sn = at.sentences[s];
  // a.names is sorted: count this sentence's without reading the others.
  uint32_t names = 0;
  auto m = std::lower_bound(a.names.begin(), a.names.end(), sn.first_token,
                            [](const NameMention& n, uint32_t t) { return n.first < t; });
  for (; m != a.names.end() && m->first < sn.last_token && names < 2; ++m)
    if (m->type != NameType::Misc) ++names;
  if (names >= 2) return true;
  const auto& say = statements::Lexicon::get();
  const auto& ev = events::Lexicon::get();
  const auto& verb = verb_tags();
  for (uint32_t k = sn.first_token; k < sn.last_token; ++k) {
    const Token& t = at.tokens[k];
    if (t.has(kQuote)) return true;
    if (!t.has(kAlpha)) continue;
    std::string_view w = at.word(k);
    const bool is_verb = verb[a.words[a.token_word[k]].tag];
    const statements::VerbClass vc = say.verb(w);
    if (vc == statements::VerbClass::Say || vc == statements::VerbClass::Tell) return true;
    if (!is_verb || w.size() >= 48) continue;
    if (vc != statements::VerbClass::None) return true;
    char low[48], buf[48];
    const auto* phrases = ev.starting_with(ev.lemma(*text::lower_ascii(w, low), buf));
    if (!phrases) continue;
    for (uint32_t p : *phrases)
      if (ev.phrase(p).code) return true;
  }
  return false;
}

SentenceParse parse_sentence(const AnnotatedText& at, const Analysis& a, uint32_t s) {
  const analyse::Models& m = analyse::models();
  SentenceParse p;
  p.sentence = s;
  p.first_word = a.sentence_words[s];
  const uint32_t n = a.sentence_words[s + 1] - p.first_word;
  // The parser's input, in buffers kept per thread (a sentence allocates
  // only the tree it returns).
  thread_local std::vector<analyse::WordInfo> info;
  thread_local std::vector<uint8_t> tags;
  thread_local std::vector<uint32_t> head, fill;
  info.resize(n);
  tags.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const TaggedWord& tw = a.words[p.first_word + i];
    analyse::describe_word(at.norm.view(tw.span), &m.clusters, info[i]);
    tags[i] = tw.tag;
  }
  analyse::parser_models().parser.parse(info, tags, head, p.rel);
  p.head.resize(n);
  p.child_begin.assign(size_t(n) + 1, 0);
  for (uint32_t i = 0; i < n; ++i) {
    p.head[i] = head[i] == 0 ? SentenceParse::kNone : head[i] - 1;
    if (head[i]) ++p.child_begin[head[i]];  // counts, shifted by one
  }
  for (uint32_t i = 0; i < n; ++i) p.child_begin[i + 1] += p.child_begin[i];
  p.children.resize(p.child_begin[n]);
  fill.assign(p.child_begin.begin(), p.child_begin.end() - 1);
  for (uint32_t i = 0; i < n; ++i)
    if (head[i]) p.children[fill[head[i] - 1]++] = i;
  return p;
}

std::vector<SentenceParse> parse_article(const AnnotatedText& at, const Analysis& a) {
  std::vector<SentenceParse> out;
  for (uint32_t s = 0; s < at.sentences.size(); ++s)
    if (needs_parse(at, a, s)) out.push_back(parse_sentence(at, a, s));
  return out;
}

namespace {

// Whether sentences s and t of an analysis have the same words with the same
// tags: what the parser reads of a sentence, so their trees are the same.
bool same_words(const AnnotatedText& at, const Analysis& a, uint32_t s, uint32_t t) {
  const uint32_t n = a.sentence_words[s + 1] - a.sentence_words[s];
  if (a.sentence_words[t + 1] - a.sentence_words[t] != n) return false;
  for (uint32_t i = 0; i < n; ++i) {
    const TaggedWord &x = a.words[a.sentence_words[s] + i], &y = a.words[a.sentence_words[t] + i];
    if (x.tag != y.tag || at.norm.view(x.span) != at.norm.view(y.span)) return false;
  }
  return true;
}

uint64_t words_hash(const AnnotatedText& at, const Analysis& a, uint32_t s) {
  uint64_t h = util::kFnvBasis;
  for (uint32_t w = a.sentence_words[s]; w < a.sentence_words[s + 1]; ++w) {
    h = util::fnv1a(at.norm.view(a.words[w].span), h);
    h = util::mix64(h ^ (uint64_t{a.words[w].tag} << 1 | 1));
  }
  return h;
}

}  // namespace

// A sentence the article repeats word for word (a teaser, a caption, a
// sign-off) takes the tree of its first copy, re-anchored, instead of being
// parsed again: the same tree, since the parser reads only the words and tags.
const SentenceParse& Analysis::parse(const AnnotatedText& at, uint32_t s) const {
  if (sentence_parse_.empty()) sentence_parse_.assign(at.sentences.size(), SentenceParse::kNone);
  uint32_t& k = sentence_parse_[s];
  if (k == SentenceParse::kNone) {
    k = static_cast<uint32_t>(parses_.size());
    auto [it, fresh] = parse_by_words_.emplace(words_hash(at, *this, s), k);
    if (!fresh && same_words(at, *this, s, parses_[it->second].sentence)) {
      SentenceParse copy = parses_[it->second];
      copy.sentence = s;
      copy.first_word = sentence_words[s];
      parses_.push_back(std::move(copy));
    } else {
      parses_.push_back(parse_sentence(at, *this, s));
    }
  }
  return parses_[k];
}
}  // namespace eventloom
