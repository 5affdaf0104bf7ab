// Alias keys and the merging of actors across articles.
//
// actor_key(): a person's key is "<given> <surname>" with the given name
// mapped to its canonical variant (given_names.txt: Volodymyr -> vladimir)
// and the surname reduced to a transliteration skeleton (y, j -> i; w -> v;
// kh -> h; dh, gh -> d, g; doubled letters collapsed), so Zelensky, Zelenskiy and Zelenskyy
// agree. Middle initials stay in the given part ("george+w bush"), so George
// W. Bush and George H.W. Bush never merge; a plain "George Bush" joins the
// variant that dominates. Places and organisations in the gazetteers key by their canonical
// name (Kiev -> kyiv, Turkiye -> turkey); other names by their skeleton.
//
// cluster_actors(): non-persons cluster by key whatever their type (one name,
// one actor; the consolidation votes on the type); an acronym-only
// organisation joins the one full name that has it as an alias; a
// surname-only "person" whose name is a non-person's and no full name's
// joins the non-person. Persons with a given
// name cluster by (given, surname): a different given name never merges. A
// surname-only person joins the one full-name cluster with that surname when
// there is exactly one (or exactly one whose roles share a word with its own);
// when one given name bears the surname in at least three times as many
// articles as any other, it goes there; otherwise it stays with the other
// surname-only mentions. Cluster numbers follow the sorted cluster labels, so
// the result does not depend on the order of the input.
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
    if (c == 'h' && !out.empty() && (out.back() == 'd' || out.back() == 'g')) continue;  // Gadhafi, Afghan
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

std::string letters_of(std::string_view w) {
  std::string out;
  for (char c : w)
    if (c >= 'a' && c <= 'z') out.push_back(c);
  return out;
}

// "h", "hw", "h.w.": one or two letters that are no name particle ("al", "de").
bool is_initials(std::string_view w) {
  static const std::set<std::string, std::less<>> particles = {"al", "el", "de", "da", "di", "du", "la",
                                                               "le", "van", "von", "bin", "ibn", "abu"};
  std::string l = letters_of(w);
  return !l.empty() && l.size() <= 2 && !particles.count(l);
}

std::string person_key(const std::string& folded) {
  const auto& lx = actors::lexicon();
  std::vector<std::string> ws;
  std::string middle;  // middle initials: "George W. Bush" -> "w", "George H.W. Bush" -> "hw"
  for (auto& w : words_of(folded)) {
    bool initial = w.size() <= 2 && w.back() == '.';
    if (is_name_suffix(w) || lx.titles.count(w)) continue;
    if (initial) {
      if (!ws.empty()) middle += w[0];
      continue;
    }
    ws.push_back(w);
  }
  for (size_t i = 1; i + 1 < ws.size(); ++i)
    if (is_initials(ws[i])) middle += letters_of(ws[i]);
  if (ws.empty()) return skeleton(folded);
  // "al-Assad" and "Assad" are one surname.
  std::string_view last = ws.back();
  if (last.size() > 4 && (last.compare(0, 3, "al-") == 0 || last.compare(0, 3, "el-") == 0)) last.remove_prefix(3);
  std::string surname = skeleton(last);
  if (ws.size() == 1) return surname;
  auto g = lx.given.find(ws.front());
  std::string given = g != lx.given.end() ? g->second : skeleton(ws.front());
  if (!middle.empty()) given += "+" + middle;
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

// Full names sharing one surname: the roles and the number of articles of each
// given name.
struct SurnameGroup {
  std::map<std::string, std::set<std::string>> roles;
  std::map<std::string, size_t> count;
};

// The given name that bears a surname in most articles, when it does so at
// least three times as often as any other ("Obama" alone is Barack Obama,
// not Michelle Obama); empty when none dominates.
std::string dominant(const std::map<std::string, size_t>& count) {
  std::string best;
  size_t first = 0, second = 0;
  for (const auto& [g, n] : count) {
    if (n > first) {
      second = first;
      first = n;
      best = g;
    } else if (n > second) {
      second = n;
    }
  }
  return first >= 3 * second && first >= 3 ? best : std::string();
}

// "George Bush" where "George W. Bush" and "George H.W. Bush" are both
// known: the variant with the middle initials that dominates, else the plain
// name.
std::string with_middle(const SurnameGroup& group, const std::string& given) {
  std::map<std::string, size_t> variants;
  for (const auto& [g, n] : group.count)
    if (g == given || g.compare(0, given.size() + 1, given + "+") == 0) variants[g] = n;
  if (variants.size() < 2) return given;
  std::string best = dominant(variants);
  return best.empty() ? given : best;
}

// Upper-case letters of a name's capitalised words: "Council of Northern States" -> "cns".
std::string initials_of(const std::string& name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (start && c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    start = c == ' ' || c == '-';
  }
  return out;
}

bool is_acronym(const std::string& s) {
  if (s.size() < 2 || s.size() > 8) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// An organisation known in one article only by its acronym ("CNS") joins the
// one cluster whose full name has that acronym among its aliases.
void relabel_acronyms(const std::vector<const LocalActor*>& actors, std::vector<std::string>& label) {
  std::map<std::string, std::set<std::string>> full;  // folded acronym -> labels of full names
  for (size_t i = 0; i < actors.size(); ++i) {
    const LocalActor& a = *actors[i];
    if (a.type == ActorType::Person || is_acronym(a.name)) continue;
    std::string ini = initials_of(a.name);
    for (const auto& al : a.aliases)
      if (is_acronym(al) && text::fold(al) == ini) full[ini].insert(label[i]);
  }
  for (size_t i = 0; i < actors.size(); ++i) {
    const LocalActor& a = *actors[i];
    if (a.type == ActorType::Person || !is_acronym(a.name)) continue;
    auto it = full.find(text::fold(a.name));
    if (it != full.end() && it->second.size() == 1) label[i] = *it->second.begin();
  }
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
  std::map<std::string, SurnameGroup> full_by_surname;
  for (size_t i = 0; i < n; ++i) {
    const LocalActor& a = *actors[i];
    std::string key = a.key.empty() ? actor_key(a.name, a.type) : a.key;
    if (a.type != ActorType::Person) {
      label[i] = "1|" + key;  // one name, whatever type each article gave it
      continue;
    }
    person[i] = split_person_key(key);
    if (!person[i].given.empty()) {
      auto& group = full_by_surname[person[i].surname];
      auto& roles = group.roles[person[i].given];
      group.count[person[i].given]++;
      auto rw = role_words(a);
      roles.insert(rw.begin(), rw.end());
    }
  }
  relabel_acronyms(actors, label);
  // Non-person names by skeleton: a lone "Fooville" taken for a person joins them.
  std::map<std::string, std::string> place_like;
  for (size_t i = 0; i < n; ++i)
    if (actors[i]->type != ActorType::Person) place_like.emplace(skeleton(label[i].substr(2)), label[i]);
  for (size_t i = 0; i < n; ++i) {
    if (actors[i]->type != ActorType::Person) continue;
    const PersonName& p = person[i];
    auto pl = place_like.find(p.surname);
    if (p.given.empty() && pl != place_like.end() && !full_by_surname.count(p.surname)) {
      label[i] = pl->second;
      continue;
    }
    std::string given = p.given;
    if (given.empty()) {
      auto it = full_by_surname.find(p.surname);
      if (it != full_by_surname.end()) {
        auto mine = role_words(*actors[i]);
        if (it->second.roles.size() == 1) {
          const auto& theirs = it->second.roles.begin()->second;
          bool conflict = !mine.empty() && !theirs.empty() && !share_any(mine, theirs);
          if (!conflict) given = it->second.roles.begin()->first;
        } else {
          std::map<std::string, size_t> fits;
          for (const auto& [g, roles] : it->second.roles)
            if (share_any(mine, roles)) fits[g] = it->second.count.at(g);
          if (fits.size() == 1) given = fits.begin()->first;
          else given = dominant(fits.empty() ? it->second.count : fits);
        }
      }
    }
    auto group = full_by_surname.find(p.surname);
    if (!given.empty() && given.find('+') == std::string::npos && group != full_by_surname.end())
      given = with_middle(group->second, given);
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

std::string demonym_country(std::string_view word) {
  const auto& lx = actors::lexicon();
  auto it = lx.phrases.find(actors::phrase_key(word));
  if (it == lx.phrases.end()) return {};
  const auto& e = lx.entries[it->second];
  return e.kind == actors::GazKind::Demonym ? e.country : std::string();
}

}  // namespace eventloom
