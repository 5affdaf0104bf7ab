#include "analyse/gazetteer.hpp"

#include <algorithm>

#include "actors/lexicon.hpp"
#include "eventloom/text.hpp"
#include "util/lines.hpp"

namespace eventloom::analyse {
namespace {

void append_folded(std::string& out, std::string_view w) {
  bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    out += text::fold(w);
    return;
  }
  for (char c : w) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

}  // namespace

Gazetteer::Gazetteer(std::string_view names) {
  const actors::Lexicon& lx = actors::lexicon();
  for (const auto& [key, entry] : lx.phrases) {
    switch (lx.entries[entry].kind) {
      case actors::GazKind::Country: add(key, kGazCountry); break;
      case actors::GazKind::Capital: add(key, kGazCapital); break;
      case actors::GazKind::Demonym: add(key, kGazDemonym); break;
      case actors::GazKind::Org: add(key, kGazOrg); break;
      case actors::GazKind::Place: add(key, kGazPlace); break;
      case actors::GazKind::NotActor: break;
    }
  }
  for (const auto& [variant, canon] : lx.given) words_[variant] |= 1u << kGazGiven;
  for (const auto& t : lx.titles) words_[t] |= 1u << kGazTitle;
  for (const auto& w : lx.org_words) words_[w] |= 1u << kGazOrgWord;
  // The names list of the name tagger's model (absent from a gazetteer
  // made for training before the list exists).
  if (names.empty()) return;
  util::read_data_text("models/names_list.tsv", names, {1, 1, true}, [&](const util::DataFields& f) -> const char* {
    const std::string_view line = f[0];
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return "expected TYPE<tab>name";
    const std::string_view type = line.substr(0, tab);
    if (type != "PER" && type != "ORG" && type != "LOC" && type != "MISC") return "expected PER, ORG, LOC or MISC";
    GazList l = type == "PER" ? kGazNamePer : type == "ORG" ? kGazNameOrg : type == "LOC" ? kGazNameLoc : kGazNameMisc;
    std::string key;
    std::string_view name = line.substr(tab + 1);
    size_t i = 0;
    while (i < name.size()) {  // folded words, one space apart, as mark() builds its keys
      size_t e = name.find(' ', i);
      if (e == std::string_view::npos) e = name.size();
      if (e > i) {
        if (!key.empty()) key += ' ';
        append_folded(key, name.substr(i, e - i));
      }
      i = e + 1;
    }
    if (!key.empty()) add(key, l);
    return nullptr;
  });
}

void Gazetteer::add(std::string_view phrase, GazList list) {
  std::string key(phrase);
  phrases_[key] |= 1u << list;
  max_words_ = std::max<size_t>(max_words_, std::count(key.begin(), key.end(), ' ') + 1);
  // Each shorter run of its words begins a longer phrase.
  for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
    phrases_[key.substr(0, sp)] |= kLonger;
}

void Gazetteer::mark(const std::vector<std::string_view>& words, std::vector<GazMarks>& out) const {
  out.assign(words.size(), 0);
  std::string key;
  std::vector<size_t> longest(kGazLists);
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty()) continue;
    key.clear();
    append_folded(key, words[i]);
    if (auto it = words_.find(key); it != words_.end()) {
      for (uint32_t l = 0; l < kGazLists; ++l)
        if (it->second & (1u << l)) out[i] |= GazMarks{8} << (4 * l);  // U
    }
    unsigned char c0 = static_cast<unsigned char>(words[i][0]);
    if (!(c0 >= 'A' && c0 <= 'Z') && c0 < 0x80) continue;  // phrases start with a capital
    std::fill(longest.begin(), longest.end(), 0);
    for (size_t n = 1; n <= max_words_ && i + n <= words.size(); ++n) {
      if (n > 1) {
        key += ' ';
        append_folded(key, words[i + n - 1]);
      }
      auto it = phrases_.find(key);
      if (it == phrases_.end()) break;  // no phrase, and none begins with these words
      for (uint32_t l = 0; l < kGazLists; ++l)
        if (it->second & (1u << l)) longest[l] = n;
      if (!(it->second & kLonger)) break;
    }
    for (uint32_t l = 0; l < kGazLists; ++l) {
      size_t n = longest[l];
      if (!n) continue;
      if (n == 1) {
        out[i] |= GazMarks{8} << (4 * l);
        continue;
      }
      out[i] |= GazMarks{1} << (4 * l);
      for (size_t k = 1; k + 1 < n; ++k) out[i + k] |= GazMarks{2} << (4 * l);
      out[i + n - 1] |= GazMarks{4} << (4 * l);
    }
  }
}

}  // namespace eventloom::analyse
