// find_events, phase 2: the trigger phrases of a sentence, longest first (finder.hpp).
#include "events/finder.hpp"

namespace eventloom::events::detail {

std::string_view Finder::lemma_at(uint32_t i, char (&low)[48], char (&buf)[48]) const {
  std::string_view w = word(i);
  if (w.empty() || w.size() >= sizeof low) return {};
  return lex_.lemma(*text::lower_ascii(w, low), buf);
}

std::string_view Finder::phrase_lemma(uint32_t i) const {
  const uint32_t k = i - lemma_first_;
  if (!lemma_done_[k]) {
    char low[48], buf[48];
    std::string_view l = lemma_at(i, low, buf);
    // Lexicon::lemma() gives the word itself (in `low`) when the lexicon
    // knows no lemma of it; every phrase word is in the lexicon, so that
    // word matches none.
    if (l.data() >= low && l.data() < low + sizeof low) l = {};
    lemmas_[k] = l;
    lemma_done_[k] = 1;
  }
  return lemmas_[k];
}

// Tries the phrases that start at token i; returns the end token of the
// match (0 when none) and its phrase.
uint32_t Finder::match_at(uint32_t i, uint32_t end, const events::TriggerPhrase*& hit) const {
  std::string_view l0 = phrase_lemma(i);
  if (l0.empty()) return 0;
  const auto* list = lex_.starting_with(l0);
  if (!list) return 0;
  // Longest phrase first; among equally long ones the tightest match
  // ("call with Putin on" is "call with", not "call ... on").
  uint32_t best_end = 0;
  size_t best_len = 0;
  for (uint32_t pi : *list) {
    const auto& p = lex_.phrase(pi);
    uint32_t j = i + 1;
    bool ok = true;
    for (size_t k = 1; k < p.lemmas.size() && ok; ++k) {
      ok = false;
      for (uint32_t g = 0; g < 3 && j < end; ++g, ++j) {
        if (at_.tokens[j].has(kPunct)) break;
        if (phrase_lemma(j) == p.lemmas[k]) {
          ok = true;
          ++j;
          break;
        }
      }
    }
    if (ok && (p.lemmas.size() > best_len || (p.lemmas.size() == best_len && j < best_end))) {
      hit = &p;
      best_end = j;
      best_len = p.lemmas.size();
    }
  }
  return best_end;
}

std::vector<Trigger> Finder::triggers(const Sentence& s) const {
  std::vector<Trigger> out;
  lemma_first_ = s.first_token;
  lemmas_.assign(s.last_token - s.first_token, {});
  lemma_done_.assign(s.last_token - s.first_token, 0);
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    if (!at_.tokens[i].has(kAlpha)) continue;
    if (inside_unit(i) && at_.tokens[i].has(kUpperInit)) continue;  // a name: "Ban Ki-moon", "Desert Storm"
    const events::TriggerPhrase* p = nullptr;
    uint32_t e = match_at(i, s.last_token, p);
    if (!e) {
      // "called the strike an escalatory step": a verb of characterising
      // with a hostile predicate.
      if (in_.analysis && has_unit_in(at_.sentences[at_.tokens[i].sentence]))
        if (uint8_t code = events::characterising_code(at_, *in_.analysis, at_.tokens[i].sentence, i))
          out.push_back({i, i + 1, code, false, {}});
      continue;
    }
    if (p->code) out.push_back({i, e, p->code, p->weak, p->lemmas[0], p->alone, p->dyadic});
    if (p->lemmas.size() > 1) i = e - 1;
  }
  return out;
}

}  // namespace eventloom::events::detail
