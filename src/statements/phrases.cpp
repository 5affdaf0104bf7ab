// Reader: what every stage of find_statements() reads the article with.
// Noun phrases are walked a bounded number of tokens (kMaxNpTokens), so each
// call costs a few token reads.
#include <algorithm>

#include "statements/stages.hpp"

namespace eventloom::statements {

uint32_t Reader::content_end(const Sentence& sn) const {
  uint32_t e = sn.last_token;
  while (e > sn.first_token && punct(e - 1) && !tok(e - 1).has(kQuote)) --e;
  return e;
}

// A word that may stand in a speaker's noun phrase.
bool Reader::np_word(uint32_t i) const {
  if (in_quote_[i]) return false;
  const Token& t = tok(i);
  if (t.has(kPossessive)) return true;
  if (t.has(kPunct) || !(t.has(kAlpha) || t.has(kDigit))) return false;
  std::string_view s = w(i);
  if (lex_.stopword(s) || lex_.pre_verb(s)) return false;
  // After a determiner a verb-like word is a noun: "The Post", "the ruling".
  if (i > 0 && !in_quote_[i - 1] && lex_.determiner(w(i - 1))) return true;
  // A capitalised verb of saying after a capitalised word goes on a name
  // ("the Evening Post"), but not in a headline ("the Kremlin Says").
  if (lex_.verb(s) != VerbClass::None &&
      !(t.has(kUpperInit) && i > 0 && tok(i - 1).has(kUpperInit) && !in_quote_[i - 1] &&
        at_.paragraphs[sent_of(i).paragraph].kind != ParagraphKind::Title))
    return false;
  if (t.has(kUpperInit)) return true;
  return !(ends_with(s, "ly") || ends_with(s, "ing") || ends_with(s, "ed"));
}

bool Reader::has_head(TokRange r) const {
  for (uint32_t i = r.first; i < r.last; ++i)
    if (!tok(i).has(kPossessive) && !lex_.determiner(w(i)) && !lex_.np_link_before(w(i))) return true;
  return false;
}

// The noun phrase that ends just before `end`, not before `floor`.
TokRange Reader::np_before(uint32_t end, uint32_t floor) const {
  if (end > floor && is(end - 1, ")")) {  // "Paul D. Ryan (R-Wis.)"
    uint32_t k = end - 1;
    while (k > floor && end - k < 8 && !is(k, "(")) --k;
    if (is(k, "(")) end = k;
  }
  if (end <= floor) return {};
  if (lex_.pronoun(w(end - 1)) != PronounClass::None) return {end - 1, end};
  uint32_t j = end;
  while (j > floor && end - j < kMaxNpTokens) {
    uint32_t i = j - 1;
    std::string_view s = w(i);
    if (tok(i).has(kPossessive)) {
      if (j == end) break;
      j = i;
      continue;
    }
    if (lex_.determiner(s) && !in_quote_[i]) {
      j = i;
      if (i >= floor + 2 && lex_.np_link_before(w(i - 1)) && np_word(i - 2)) {
        j = i - 1;
        continue;
      }
      break;
    }
    if (lex_.np_link_before(s) && !in_quote_[i]) {
      if (j == end || i == floor || !np_word(i - 1)) break;
      j = i;
      continue;
    }
    if (!np_word(i)) break;
    j = i;
  }
  TokRange r{j, end};
  while (!r.empty() && lex_.np_link_before(w(r.first))) ++r.first;
  if (r.empty() || !has_head(r)) return {};
  return r;
}

// The noun phrase that starts at `begin`, not past `limit`.
TokRange Reader::np_after(uint32_t begin, uint32_t limit) const {
  uint32_t j = begin;
  while (j < limit && j - begin < kMaxNpTokens) {
    std::string_view s = w(j);
    if (lex_.determiner(s) && !in_quote_[j]) {
      ++j;
      continue;
    }
    if (lex_.np_link(s) && j == begin) break;  // "said at a Washington event"
    if (lex_.np_link(s) && j > begin && j + 1 < limit && (np_word(j + 1) || lex_.determiner(w(j + 1)))) {
      ++j;
      continue;
    }
    if (!np_word(j)) break;
    ++j;
  }
  TokRange r{begin, j};
  while (!r.empty() && (lex_.np_link(w(r.last - 1)) || lex_.determiner(w(r.last - 1)))) --r.last;
  if (r.empty() || !has_head(r)) return {};
  return r;
}

const QuoteUnit* Reader::unit_at(uint32_t t) const {
  auto it = std::upper_bound(units_.begin(), units_.end(), t,
                             [](uint32_t x, const QuoteUnit& u) { return x < u.toks.first; });
  if (it == units_.begin()) return nullptr;
  --it;
  return t < it->toks.last ? &*it : nullptr;
}

bool Reader::title_unit(const QuoteUnit& u) const {
  uint32_t caps = 0;
  for (uint32_t k = u.toks.first; k < u.toks.last; ++k) {
    if (!tok(k).has(kAlpha)) continue;
    if (tok(k).has(kUpperInit)) ++caps;
    else if (!(w(k).size() <= 4 && (lex_.stopword(w(k)) || lex_.determiner(w(k)) || lex_.np_link_before(w(k)))))
      return false;
  }
  return caps >= 2 && 2 * caps > u.words;
}

// The capitalised words from b on: "Anna Berg made the following comment".
TokRange Reader::name_after(uint32_t b, uint32_t limit) const {
  uint32_t j = b;
  while (j < limit && j - b < kMaxNpTokens && !in_quote_[j] && tok(j).has(kUpperInit) && !punct(j) &&
         !lex_.stopword(w(j)))
    ++j;
  return {b, j < limit ? j : b};
}

// The capitalised words just before i: "footage of Anna Berg saying".
TokRange Reader::name_before(uint32_t i, uint32_t floor) const {
  uint32_t j = i;
  while (j > floor && i - j < kMaxNpTokens && !in_quote_[j - 1] && tok(j - 1).has(kUpperInit) && !punct(j - 1)) --j;
  return {j, i};
}

// The first token after a leading adverbial ("On July 6, 2015, Sanders
// made ..."): when the sentence opens with a preposition or a conjunction,
// past the last comma of its first 12 tokens (`limit` if there is none),
// else the sentence start.
uint32_t Reader::after_adverbial(const Sentence& sn, uint32_t limit) const {
  uint32_t b = sn.first_token;
  // "On July 6, ...", "Following a late meeting, ...": a preposition or a participle opens it
  if (!lex_.stopword(w(b)) && !(participle(w(b)) && tok(b).has(kUpperInit))) return b;
  uint32_t last_comma = 0;
  for (uint32_t k = b; k < limit && k < b + 12; ++k)
    if (is(k, ",")) last_comma = k;
  if (!last_comma) return limit;
  b = last_comma + 1;
  while (b < limit && tok(b).has(kQuote)) ++b;
  return b;
}

std::vector<Mention>::const_iterator Reader::mentions_from(uint32_t pos) const {
  const auto& ms = in_.actors.mentions;
  return std::lower_bound(ms.begin(), ms.end(), pos, [](const Mention& m, uint32_t p) { return m.span.start < p; });
}

}  // namespace eventloom::statements
