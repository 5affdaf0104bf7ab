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
// cluster_actors(): places cluster by key whether GPE or LOC (one name, one
// actor; the consolidation votes on the type), organisations by key apart
// from them ("Milwaukee" the team is not the city); an acronym-only
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
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

#include "actors/lexicon.hpp"
#include "eventloom/actors.hpp"
#include "eventloom/text.hpp"
#include "pipeline/parallel.hpp"

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
  if (type == ActorType::Org && ws.size() >= 2 && lx.holder_heads.count(ws.back()))
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
  const std::string prefix = given + "+";
  for (const auto& [g, n] : group.count)
    if (g == given || g.compare(0, prefix.size(), prefix) == 0) variants[g] = n;
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
    std::string ini;  // the name's initials, once an alias is an acronym
    bool known = false;
    for (const auto& al : a.aliases) {
      if (!is_acronym(al)) continue;
      if (!known) ini = initials_of(a.name), known = true;
      if (text::fold(al) == ini) full[ini].insert(label[i]);
    }
  }
  for (size_t i = 0; i < actors.size(); ++i) {
    const LocalActor& a = *actors[i];
    if (a.type == ActorType::Person || !is_acronym(a.name)) continue;
    auto it = full.find(text::fold(a.name));
    if (it != full.end() && it->second.size() == 1) label[i] = *it->second.begin();
  }
}

// Distinct strings numbered in the order they first come (open addressing,
// no copies: the strings must outlive the table).
class StringIds {
 public:
  explicit StringIds(size_t expected) {
    size_t cap = 16;
    while (cap < 2 * expected) cap *= 2;
    slots_.assign(cap, kFree);
  }
  // The number of s, and whether s is new.
  std::pair<uint32_t, bool> insert(std::string_view s) {
    size_t h = std::hash<std::string_view>()(s);
    size_t i = slot(s, h);
    if (slots_[i] != kFree) return {slots_[i], false};
    if (2 * (keys_.size() + 1) > slots_.size()) {
      grow();
      i = slot(s, h);
    }
    slots_[i] = static_cast<uint32_t>(keys_.size());
    keys_.push_back(s);
    hashes_.push_back(h);
    return {slots_[i], true};
  }
  // The number of s, or kFree.
  uint32_t find(std::string_view s) const { return slots_[slot(s, std::hash<std::string_view>()(s))]; }
  const std::vector<std::string_view>& strings() const { return keys_; }
  static constexpr uint32_t kFree = UINT32_MAX;

 private:
  size_t slot(std::string_view s, size_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask)
      if (slots_[i] == kFree || (hashes_[slots_[i]] == h && keys_[slots_[i]] == s)) return i;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, kFree);
    const size_t mask = slots_.size() - 1;
    for (uint32_t id = 0; id < keys_.size(); ++id) {
      size_t i = hashes_[id] & mask;
      while (slots_[i] != kFree) i = (i + 1) & mask;
      slots_[i] = id;
    }
  }
  std::vector<std::string_view> keys_;
  std::vector<size_t> hashes_;
  std::vector<uint32_t> slots_;
};

// A one-word organisation or place that no gazetteer knows, whose word is
// the surname of a person named in full somewhere in the corpus, and which
// that person bears in at least twice as many articles as the word is read
// otherwise: that person ("Trump's call", where a name tagger trained on
// older news saw the company). A word that is part of a longer name of an
// organisation or place anywhere ("Heinz" of "H.J. Heinz Co") is that
// organisation's, and stays; so does a word whose "person" has no given name
// eventloom knows.
void join_lone_surnames(const std::vector<const LocalActor*>& actors, const std::vector<std::string>& skel,
                        const std::unordered_map<std::string, SurnameGroup>& full_by_surname,
                        std::vector<std::string>& label) {
  const auto& lx = actors::lexicon();
  auto one_word_other = [&](size_t i) {
    const LocalActor& a = *actors[i];
    return a.type != ActorType::Person && a.name.find(' ') == std::string::npos && !is_acronym(a.name) &&
           full_by_surname.count(skel[i]);
  };
  std::unordered_map<std::string, size_t> others;  // surname -> articles that read it as no person
  for (size_t i = 0; i < actors.size(); ++i) {
    if (one_word_other(i)) {
      others[skel[i]]++;
    } else if (actors[i]->type != ActorType::Person && actors[i]->name.find(' ') != std::string::npos) {
      std::vector<std::string> ws = words_of(text::fold(actors[i]->name));
      if (lx.holder_heads.count(ws.back())) continue;  // "the Trump administration" is still Trump's
      for (const std::string& w : ws) {
        auto it = full_by_surname.find(skeleton(w));
        if (it != full_by_surname.end()) others[it->first] += actors.size();  // never a person's
      }
    }
  }
  for (size_t i = 0; i < actors.size(); ++i) {
    if (!one_word_other(i)) continue;
    const std::string folded = text::fold(actors[i]->name);
    if (lx.nonname.count(folded) || lx.phrases.count(actors::phrase_key(folded))) continue;
    const SurnameGroup& g = full_by_surname.at(skel[i]);
    std::string given = g.roles.size() == 1 ? g.roles.begin()->first : dominant(g.count);
    if (given.empty() || g.count.at(given) < 2 * others[skel[i]]) continue;
    // A known given name: "Swiss Volksbank", "East Alton" read as persons lend nothing.
    if (!lx.given.count(given.substr(0, given.find('+')))) continue;
    if (given.find('+') == std::string::npos) given = with_middle(g, given);
    label[i] = "0|" + given + "|" + skel[i];
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
  std::vector<std::string> skel(n);            // non-persons: the skeleton of their key
  std::vector<std::set<std::string>> mine(n);  // persons: their role words
  // What each actor says by itself, on all cores (each index writes its own slots).
  parallel_for(n, 0, [&](size_t i) {
    const LocalActor& a = *actors[i];
    std::string computed;
    const std::string& key = a.key.empty() ? (computed = actor_key(a.name, a.type)) : a.key.str();
    if (a.type != ActorType::Person) {
      skel[i] = skeleton(key);
      label[i] = (a.type == ActorType::Org ? "2|" : "1|") + key;
      return;
    }
    person[i] = split_person_key(key);
    mine[i] = role_words(a);
  });
  // Full-name person clusters by surname, with the roles seen in each.
  std::unordered_map<std::string, SurnameGroup> full_by_surname;
  for (size_t i = 0; i < n; ++i) {
    if (actors[i]->type != ActorType::Person || person[i].given.empty()) continue;
    auto& group = full_by_surname[person[i].surname];
    group.roles[person[i].given].insert(mine[i].begin(), mine[i].end());
    group.count[person[i].given]++;
  }
  relabel_acronyms(actors, label);
  // Non-person names by skeleton (the first actor of each): a lone "Fooville"
  // taken for a person joins them. Acronyms may have taken another's label.
  // Of a place and an organisation of one name, the place: the smaller label,
  // whatever the order of the actors.
  StringIds place_like(n);
  std::vector<uint32_t> place_actor;  // skeleton number -> the actor of the smallest label with it
  for (size_t i = 0; i < n; ++i) {
    if (actors[i]->type == ActorType::Person) continue;
    if (is_acronym(actors[i]->name)) skel[i] = skeleton(std::string_view(label[i]).substr(2));
    auto [id, fresh] = place_like.insert(skel[i]);
    if (fresh) place_actor.push_back(static_cast<uint32_t>(i));
    uint32_t& best = place_actor[id];
    if (label[i] < label[best]) best = static_cast<uint32_t>(i);
  }
  for (size_t i = 0; i < n; ++i) {
    if (actors[i]->type != ActorType::Person) continue;
    const PersonName& p = person[i];
    uint32_t pl = place_like.find(p.surname);
    auto group = full_by_surname.find(p.surname);
    if (p.given.empty() && pl != StringIds::kFree && group == full_by_surname.end()) {
      label[i] = label[place_actor[pl]];
      continue;
    }
    std::string given = p.given;
    if (given.empty() && group != full_by_surname.end()) {
      const SurnameGroup& g = group->second;
      if (g.roles.size() == 1) {
        const auto& theirs = g.roles.begin()->second;
        bool conflict = !mine[i].empty() && !theirs.empty() && !share_any(mine[i], theirs);
        if (!conflict) given = g.roles.begin()->first;
      } else {
        std::map<std::string, size_t> fits;
        for (const auto& [gv, roles] : g.roles)
          if (share_any(mine[i], roles)) fits[gv] = g.count.at(gv);
        if (fits.size() == 1) given = fits.begin()->first;
        else given = dominant(fits.empty() ? g.count : fits);
      }
    }
    if (!given.empty() && given.find('+') == std::string::npos && group != full_by_surname.end())
      given = with_middle(group->second, given);
    std::string& l = label[i];
    l.reserve(3 + given.size() + p.surname.size());
    l.append("0|").append(given).append("|").append(p.surname);
  }
  join_lone_surnames(actors, skel, full_by_surname, label);
  // Cluster numbers follow the sorted distinct labels.
  StringIds distinct(n);  // label -> its number in order of appearance
  std::vector<uint32_t> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = distinct.insert(label[i]).first;
  const std::vector<std::string_view>& names = distinct.strings();
  std::vector<uint32_t> by_name(names.size()), rank(names.size());
  std::iota(by_name.begin(), by_name.end(), 0);
  std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
  for (uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
  for (uint32_t& o : out) o = rank[o];
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
