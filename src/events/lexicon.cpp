#include "events/lexicon.hpp"

#include <algorithm>
#include <cstring>

#include "statements/saying.hpp"
#include "util/embedded.hpp"
#include "util/lines.hpp"

namespace eventloom::events {

const Lexicon& Lexicon::get() {
  static const Lexicon lex;
  return lex;
}

Lexicon::Lexicon() {
  util::read_data_file("events/data/triggers.txt", {2, 8, false}, [&](const util::DataFields& w) -> const char* {
    const uint8_t code = w[0].size() == 2 ? cameo_root(w[0]) : kNoCameo;
    if (code > 20) return "expected a CAMEO root 01-20 (or 00, not an event) first";
    TriggerPhrase p;
    p.code = code;
    for (size_t i = 1; i < w.size(); ++i) {
      if (w[i] == "?") {
        p.weak = true;
      } else if (w[i] == "!") {
        p.alone = true;
      } else if (w[i] == "&") {
        p.dyadic = true;
      } else {
        p.lemmas.push_back(w[i]);
        words_.emplace(w[i], 1);
      }
    }
    if (p.lemmas.empty()) return "no words";
    by_first_[p.lemmas[0]].push_back(static_cast<uint32_t>(phrases_.size()));
    phrases_.push_back(std::move(p));
    return nullptr;
  });
  for (auto& [first, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].lemmas.size() > phrases_[b].lemmas.size();
    });
  }
  util::read_data_file("events/data/irregular.txt", {2, 2, false}, [&](const util::DataFields& w) -> const char* {
    irregular_.emplace(w[0], w[1]);
    return nullptr;
  });
  for (const statements::SayingVerb& v : statements::SayingVerbs::get().verbs()) {
    if (v.cameo == 1) continue;  // the default
    statement_codes_.emplace(v.lemma, v.cameo);
    words_.emplace(v.lemma, 1);
  }
  auto mark = [&](std::string_view w) {
    if (w.size() >= 2) pairs_[pair_of(w) >> 6] |= uint64_t{1} << (pair_of(w) & 63);
  };
  for (const auto& [w, _] : words_) mark(w);
  for (const auto& [w, _] : irregular_) mark(w);
}

const std::vector<uint32_t>* Lexicon::starting_with(std::string_view lemma) const {
  auto it = by_first_.find(lemma);
  return it == by_first_.end() ? nullptr : &it->second;
}

// Candidates, in order: the word, its irregular lemma, then the word with
// -s/-es/-ies, -ed/-d/-ied or -ing stripped (with a final e restored or a
// doubled consonant undone). The first one the lexicon knows wins.
std::string_view Lexicon::lemma(std::string_view w, char (&buf)[48]) const {
  auto hit = [&](std::string_view c) -> std::string_view {
    auto it = words_.find(c);
    return it == words_.end() ? std::string_view() : it->first;
  };
  if (!may_know(w)) return w;  // what the look-ups below would all miss
  if (auto h = hit(w); !h.empty()) return h;
  if (auto it = irregular_.find(w); it != irregular_.end()) return it->second;
  if (w.size() < 4 || w.size() + 2 > sizeof buf) return w;
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() + 1 && w.substr(w.size() - suf.size()) == suf;
  };
  auto try_stem = [&](size_t cut, std::string_view add) -> std::string_view {
    size_t n = w.size() - cut;
    std::memcpy(buf, w.data(), n);
    std::memcpy(buf + n, add.data(), add.size());
    return hit(std::string_view(buf, n + add.size()));
  };
  auto undouble = [&](size_t cut) -> std::string_view {
    size_t n = w.size() - cut;
    if (n < 3 || w[n - 1] != w[n - 2]) return {};
    return try_stem(cut + 1, "");
  };
  std::string_view r;
  if (ends("ies") && !(r = try_stem(3, "y")).empty()) return r;
  if (ends("ied") && !(r = try_stem(3, "y")).empty()) return r;
  if (ends("es") && !(r = try_stem(2, "")).empty()) return r;
  if (ends("s") && !(r = try_stem(1, "")).empty()) return r;
  if (ends("ed")) {
    if (!(r = try_stem(2, "")).empty() || !(r = try_stem(1, "")).empty() || !(r = undouble(2)).empty()) return r;
  }
  if (ends("ing")) {
    if (!(r = try_stem(3, "")).empty() || !(r = try_stem(3, "e")).empty() || !(r = undouble(3)).empty()) return r;
  }
  return w;
}

uint8_t Lexicon::statement_code(std::string_view lemma) const {
  auto it = statement_codes_.find(lemma);
  return it == statement_codes_.end() ? 1 : it->second;
}

std::string_view cameo_name(uint8_t code) {
  static constexpr std::string_view names[] = {
      "",
      "01 MAKE PUBLIC STATEMENT",
      "02 APPEAL",
      "03 EXPRESS INTENT TO COOPERATE",
      "04 CONSULT",
      "05 ENGAGE IN DIPLOMATIC COOPERATION",
      "06 ENGAGE IN MATERIAL COOPERATION",
      "07 PROVIDE AID",
      "08 YIELD",
      "09 INVESTIGATE",
      "10 DEMAND",
      "11 DISAPPROVE",
      "12 REJECT",
      "13 THREATEN",
      "14 PROTEST",
      "15 EXHIBIT FORCE POSTURE",
      "16 REDUCE RELATIONS",
      "17 COERCE",
      "18 ASSAULT",
      "19 FIGHT",
      "20 USE UNCONVENTIONAL MASS VIOLENCE",
  };
  return code <= 20 ? names[code] : std::string_view();
}

}  // namespace eventloom::events
