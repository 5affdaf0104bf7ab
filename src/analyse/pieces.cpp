#include "analyse/pieces.hpp"

#include <algorithm>

namespace eventloom::analyse {
namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool ends_with_ci(std::string_view w, std::string_view suf) {
  if (w.size() < suf.size()) return false;
  for (size_t i = 0; i < suf.size(); ++i)
    if (lower(w[w.size() - suf.size() + i]) != suf[i]) return false;
  return true;
}

bool equals_ci(std::string_view w, std::string_view s) { return w.size() == s.size() && ends_with_ci(w, s); }

}  // namespace

void piece_cuts(std::string_view w, std::vector<uint32_t>& cuts) {
  cuts.clear();
  size_t end = w.size();
  // Clitics at the end: n't, 'm, 're, 've, 'll, 'd.
  uint32_t clitic = 0;
  if (end > 3 && ends_with_ci(w, "n't") && letter(w[end - 4])) {
    clitic = static_cast<uint32_t>(end - 3);
  } else {
    for (std::string_view c : {"'m", "'re", "'ve", "'ll", "'d"}) {
      if (end > c.size() && ends_with_ci(w, c) && letter(w[end - c.size() - 1])) {
        clitic = static_cast<uint32_t>(end - c.size());
        break;
      }
    }
  }
  if (!clitic) {
    if (equals_ci(w, "cannot")) clitic = 3;
    else if (equals_ci(w, "gonna") || equals_ci(w, "wanna") || equals_ci(w, "gotta")) clitic = 3;
  }
  if (clitic) end = clitic;
  // Inner hyphens between letters: "Al-Zaman", "al-Ani", "pro-Russian".
  for (size_t i = 1; i + 1 < end; ++i) {
    if (w[i] != '-' || !letter(w[i - 1]) || !letter(w[i + 1])) continue;
    cuts.push_back(static_cast<uint32_t>(i));
    cuts.push_back(static_cast<uint32_t>(i + 1));
  }
  if (clitic) cuts.push_back(clitic);
}

void split_pieces(const AnnotatedText& at, uint32_t first, uint32_t last, std::vector<Piece>& out) {
  std::vector<uint32_t> cuts;
  for (uint32_t k = first; k < last; ++k) {
    const Span sp = at.tokens[k].span;
    piece_cuts(at.word(k), cuts);
    uint32_t b = sp.start;
    for (uint32_t c : cuts) {
      out.push_back({{b, sp.start + c}, k});
      b = sp.start + c;
    }
    out.push_back({{b, sp.end}, k});
  }
}

}  // namespace eventloom::analyse
