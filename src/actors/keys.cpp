// Alias keys and the merging of actors across articles.
//
// actor_key(): a person's key is "<given> <surname>" with the given name
// mapped to its canonical variant (given_names.txt: Volodymyr -> vladimir)
// and the surname reduced to a transliteration skeleton (y, j -> i; w -> v;
// kh -> h; doubled letters collapsed), so Zelensky, Zelenskiy and Zelenskyy
// agree. Places and organisations in the gazetteers key by their canonical
// name (Kiev -> kyiv, Turkiye -> turkey); other names by their skeleton.
//
// cluster_actors(): non-persons cluster by (type, key). Persons with a given
// name cluster by (given, surname): a different given name never merges. A
// surname-only person joins the one full-name cluster with that surname when
// there is exactly one (or exactly one whose roles share a word with its own);
// otherwise it stays with the other surname-only mentions. Cluster numbers
// follow the sorted cluster labels, so the result does not depend on the
// order of the input.
#include <algorithm>
#include <map>
#include <set>

#include "actors/lexicon.hpp"
#include "eventloom/actors.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string skeleton(std::string_view folded_word) {
  std::string out;
  for (size_t i = 0; i < folded_word.size(); ++i) {
    char c = folded_word[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
    if (c == 'y' || c == 'j') c = 'i';
    if (c == 'w') c = 'v';
    if (c == 'h' && !out.empty() && (out.back() == 'k' || out.back() == 'z')) {
      if (out.back() == 'k') out.back() = 'h';
      continue;
    }
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

std::string strip_article(std::string s) {
  if (s.rfind("the ", 0) == 0) s.erase(0, 4);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, "'s") == 0) s.resize(s.size() - 2);
  return s;
}

bool is_name_suffix(const std::string& w) {
  return w == "jr" || w == "jr." || w == "sr" || w == "sr." || w == "ii" || w == "iii" || w == "iv";
}

std::string person_key(const std::string& folded) {
  const auto& lx = actors::lexicon();
  std::vector<std::string> ws;
  for (auto& w : words_of(folded)) {
    bool initial = w.size() <= 2 && w.back() == '.';
    if (initial || is_name_suffix(w) || lx.titles.count(w)) continue;
    ws.push_back(w);
  }
  if (ws.empty()) return skeleton(folded);
  std::string surname = skeleton(ws.back());
  if (ws.size() == 1) return surname;
  auto g = lx.given.find(ws.front());
  std::string given = g != lx.given.end() ? g->second : skeleton(ws.front());
  return given + " " + surname;
}

std::string other_key(const std::string& folded, ActorType type) {
  const auto& lx = actors::lexicon();
  auto it = lx.phrases.find(actors::phrase_key(folded));
  if (it != lx.phrases.end()) {
    const auto& e = lx.entries[it->second];
    if (e.kind != actors::GazKind::Demonym && e.kind != actors::GazKind::NotActor)
      return text::fold(e.kind == actors::GazKind::Capital && type == ActorType::Gpe ? e.country : e.canonical);
  }
  auto ws = words_of(folded);
  // "the Joe Biden administration" and "the Biden administration" are one.
  if (type == ActorType::Org && ws.size() >= 2 && (ws.back() == "administration" || ws.back() == "government"))
    return skeleton(ws[ws.size() - 2]) + " " + ws.back();
  std::string out;
  for (auto& w : ws) {
    if (!out.empty()) out.push_back(' ');
    out += skeleton(w);
  }
  return out;
}

struct PersonName {
  std::string given, surname;  // given empty: surname only
};

PersonName split_person_key(const std::string& key) {
  size_t sp = key.rfind(' ');
  if (sp == std::string::npos) return {"", key};
  return {key.substr(0, key.find(' ')), key.substr(sp + 1)};
}

std::set<std::string> role_words(const LocalActor& a) {
  std::set<std::string> out;
  const auto& lx = actors::lexicon();
  for (const auto& r : a.roles)
    for (auto& w : words_of(text::fold(r)))
      if (lx.role_heads.count(w)) out.insert(w);
  return out;
}

bool share_any(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a)
    if (b.count(x)) return true;
  return false;
}

}  // namespace

std::string actor_key(std::string_view name, ActorType type) {
  std::string folded = strip_article(text::fold(text::trim(name)));
  if (folded.empty()) return {};
  return type == ActorType::Person ? person_key(folded) : other_key(folded, type);
}

std::vector<uint32_t> cluster_actors(const std::vector<const LocalActor*>& actors) {
  const size_t n = actors.size();
  std::vector<std::string> label(n);
  std::vector<PersonName> person(n);
  // Full-name person clusters by surname, with the roles seen in each.
  std::map<std::string, std::map<std::string, std::set<std::string>>> full_by_surname;
  for (size_t i = 0; i < n; ++i) {
    const LocalActor& a = *actors[i];
    std::string key = a.key.empty() ? actor_key(a.name, a.type) : a.key;
    if (a.type != ActorType::Person) {
      label[i] = std::string(1, static_cast<char>('0' + static_cast<int>(a.type))) + "|" + key;
      continue;
    }
    person[i] = split_person_key(key);
    if (!person[i].given.empty()) {
      auto& roles = full_by_surname[person[i].surname][person[i].given];
      auto rw = role_words(a);
      roles.insert(rw.begin(), rw.end());
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (actors[i]->type != ActorType::Person) continue;
    const PersonName& p = person[i];
    std::string given = p.given;
    if (given.empty()) {
      auto it = full_by_surname.find(p.surname);
      if (it != full_by_surname.end()) {
        auto mine = role_words(*actors[i]);
        if (it->second.size() == 1) {
          const auto& theirs = it->second.begin()->second;
          bool conflict = !mine.empty() && !theirs.empty() && !share_any(mine, theirs);
          if (!conflict) given = it->second.begin()->first;
        } else {
          std::vector<std::string> fits;
          for (const auto& [g, roles] : it->second)
            if (share_any(mine, roles)) fits.push_back(g);
          if (fits.size() == 1) given = fits[0];
        }
      }
    }
    label[i] = "0|" + given + "|" + p.surname;
  }
  std::vector<std::string> sorted = label;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<uint32_t> out(n);
  for (size_t i = 0; i < n; ++i)
    out[i] = static_cast<uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), label[i]) - sorted.begin());
  return out;
}

}  // namespace eventloom
