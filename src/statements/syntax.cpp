// The dependency parse, where the statements stage reads it (Reader,
// stages.hpp): the verb that governs a quotation and the subject of a verb.
// A sentence is parsed on the first such question about it
// (Analysis::parse), so only sentences with a quotation or a cue that the
// tokens alone leave open are parsed.
#include <algorithm>

#include "statements/stages.hpp"

namespace eventloom::statements {

const SentenceParse* Reader::parse_of(uint32_t t) const {
  const Analysis* an = in_.analysis;
  if (!an || t >= at_.tokens.size()) return nullptr;
  const uint32_t s = tok(t).sentence;
  if (s + 1 >= an->sentence_words.size()) return nullptr;
  return &an->parse(at_, s);
}

bool Reader::parsed_verb(const SentenceParse& p, uint32_t w) const {
  return upos(in_.analysis->words[p.first_word + w].tag) == "VERB";
}

uint32_t Reader::token_of(const SentenceParse& p, uint32_t w) const {
  return in_.analysis->words[p.first_word + w].token;
}

uint32_t Reader::governing_verb(TokRange q) const {
  if (q.empty() || tok(q.last - 1).sentence != tok(q.first).sentence) return kNoToken;
  if (at_.paragraphs[sent_of(q.first).paragraph].kind == ParagraphKind::Title) return kNoToken;
  const SentenceParse* pp = parse_of(q.first);
  if (!pp) return kNoToken;
  const SentenceParse& p = *pp;
  const Analysis& an = *in_.analysis;
  const uint32_t base = p.first_word;
  // The quotation's words [qb, qe), and its head: the word whose head lies outside.
  uint32_t qb = an.token_word[q.first] - base, qe = an.token_word[q.last - 1] - base + 1;
  while (qb > 0 && token_of(p, qb - 1) == q.first) --qb;
  uint32_t h = SentenceParse::kNone;
  for (uint32_t x = qb; x < qe && x < p.size(); ++x)
    if (p.head[x] == SentenceParse::kNone || p.head[x] < qb || p.head[x] >= qe) {
      h = x;
      break;
    }
  if (h == SentenceParse::kNone) return kNoToken;
  uint32_t v = h;
  for (int step = 0; step < 4; ++step) {
    if (p.is(v, "nsubj") || p.is(v, "csubj") || p.head[v] == SentenceParse::kNone) return kNoToken;
    v = p.head[v];
    if (parsed_verb(p, v)) return token_of(p, v);
  }
  return kNoToken;
}

TokRange Reader::parsed_subject(uint32_t vt) const {
  const SentenceParse* pp = parse_of(vt);
  if (!pp) return {};
  const SentenceParse& p = *pp;
  const uint32_t v = in_.analysis->token_word[vt] - p.first_word;
  if (v >= p.size()) return {};
  uint32_t subj = p.child(v, "nsubj");
  // "took to Twitter to accuse X of being “duped”", "Bemoaning the “phony
  // system,” Trump accused ...": a verb with no subject of its own shares
  // the subject of the verb it complements, modifies or is coordinated with.
  uint32_t holder = v;
  for (int step = 0; subj == SentenceParse::kNone && step < 2; ++step) {
    if (!(p.is(holder, "xcomp") || p.is(holder, "advcl") || p.is(holder, "conj")) ||
        p.head[holder] == SentenceParse::kNone)
      break;
    holder = p.head[holder];
    if (!parsed_verb(p, holder)) break;
    subj = p.child(holder, "nsubj");
  }
  if (subj == SentenceParse::kNone || p.is(subj, "nsubj:pass")) return {};
  uint32_t st = token_of(p, subj);
  // "standards that prohibit ...", "McConnell, who in 2010 said": a relative
  // pronoun stands for the noun its clause modifies
  bool relative = false;
  if ((is(st, "that") || is(st, "which") || is(st, "who")) && p.is(holder, "acl:relcl") &&
      p.head[holder] != SentenceParse::kNone) {
    st = token_of(p, p.head[holder]);
    relative = true;
  }
  if (in_quote_[st]) return {};
  // The subject's words: its subtree ("Senator" with its flat "Mira
  // Kallas"), when short; else the noun phrase that ends at it.
  uint32_t lo = subj, hi = subj;
  for (uint32_t x = 0; x < p.size(); ++x) {
    uint32_t y = x;
    for (int depth = 0; depth < 4 && y != subj && p.head[y] != SentenceParse::kNone; ++depth) y = p.head[y];
    if (y == subj) lo = std::min(lo, x), hi = std::max(hi, x);
  }
  TokRange r{token_of(p, lo), token_of(p, hi) + 1};
  if (relative || r.last - r.first > kMaxNpTokens) {
    r = np_before(st + 1, sent_of(st).first_token);
    if (r.empty() || r.last != st + 1) r = {st, st + 1};
  }
  return r;
}

}  // namespace eventloom::statements
