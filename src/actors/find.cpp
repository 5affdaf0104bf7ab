// Recognition of actors in one article and coreference within it.
//
// Pass 1 reads each sentence once. Gazetteer phrases (countries, capitals,
// organisations, places, things that are not actors) are matched longest
// first at capitalised tokens. Capitalised runs (with name particles and
// "of" after an organisation word) are then cut into modifiers (demonyms,
// titles and role words: "Russian Deputy Foreign Minister"), gazetteer
// mentions and name pieces. Each name piece becomes a Candidate with its type
// guess and cues: a role before it (scanned leftwards across role words and
// gazetteer names: "Kremlin spokesman"), an apposition after it ("Geoffrey
// Roberts, a historian ..."; an age "Olena Chiupika, 38," is skipped), a verb
// of saying next to it, a known given name. A capital is its country's
// government only as a subject or possessive ("Moscow said", "Kyiv's
// forces"); elsewhere it is a place. Headline sentences (title case or all
// capitals) only confirm names seen in the body.
//
// Before pass 1, the article teaches names no gazetteer knows
// (infer_local_names): "Fooian" next to "Fooia" makes a local demonym and a
// local country; a lone word after "in" is a place (GPE when it then acts).
// A capitalised piece right before a role and a name ("Fooish Prime Minister
// Jane Doe") is part of the role; an acronym in brackets right after a name
// it abbreviates is an alias of that name.
//
// Pass 2 resolves candidates to actors: every multi-word person name first,
// so that a surname alone ("Peskov"), before or after the full name, joins
// it; then every candidate in text order. Definite descriptions ("the
// Kremlin spokesman", "the Russian president") join the last person before
// them holding that role. Invariant: mentions never overlap and are sorted.
#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "actors/lexicon.hpp"
#include "actors/scan.hpp"
#include "eventloom/actors.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

using actors::Candidate;
using actors::fold_into;
using actors::folded_copy;
using actors::GazEntry;
using actors::GazKind;
using actors::Guess;
using actors::Lexicon;
using actors::kRoleHead;
using actors::kRoleWord;

// actor_key() of a name, remembered by each thread: the same names come back
// article after article ("Reuters", "U.S."), and the key depends on the name
// and type alone. The memory is bounded: a full table starts over.
const std::string& remembered_actor_key(const std::string& name, ActorType type) {
  thread_local std::unordered_map<std::string, std::string> known[4];
  auto& table = known[static_cast<size_t>(type)];
  auto it = table.find(name);
  if (it != table.end()) return it->second;
  if (table.size() >= 1u << 15) table.clear();
  return table.emplace(name, actor_key(name, type)).first->second;
}

ActorType to_type(Guess g) {
  switch (g) {
    case Guess::Person: return ActorType::Person;
    case Guess::Org: return ActorType::Org;
    case Guess::Gpe: return ActorType::Gpe;
    default: return ActorType::Loc;
  }
}

// Pass 2: candidates to actors.
class Resolver {
 public:
  Resolver(const AnnotatedText& at, const actors::Scan& scanner, std::vector<Candidate> cands)
      : at_(at), scanner_(scanner), cands_(std::move(cands)) {}

  ActorExtraction run() {
    collect_full_names();
    for (const Candidate& c : cands_) resolve(c);
    link_descriptions();
    finish();
    return std::move(out_);
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  using ByType = std::array<uint32_t, 4>;  // local actor of each ActorType, kNone when none

  static std::string last_word(const std::string& name) {
    size_t sp = name.rfind(' ');
    return folded_copy(sp == std::string::npos ? std::string_view(name) : std::string_view(name).substr(sp + 1));
  }

  // The folded form of s, in a buffer reused from call to call.
  const std::string& fold_key(std::string_view s) {
    key_.clear();
    fold_into(key_, s);
    return key_;
  }

  uint32_t actor_for(const std::string& key_name, ActorType type, const std::string& display) {
    ByType& slots = by_name_.try_emplace(fold_key(key_name), ByType{kNone, kNone, kNone, kNone}).first->second;
    uint32_t& slot = slots[static_cast<size_t>(type)];
    if (slot != kNone) return slot;
    LocalActor a;
    a.name = display;
    a.type = type;
    out_.actors.push_back(std::move(a));
    slot = static_cast<uint32_t>(out_.actors.size() - 1);
    return slot;
  }

  uint32_t by_name(const std::string& folded, ActorType type) const {
    auto it = by_name_.find(folded);
    return it == by_name_.end() ? kNone : it->second[static_cast<size_t>(type)];
  }

  void collect_full_names() {
    for (const Candidate& c : cands_) {
      if (!c.acronym_of.empty()) acronyms_.emplace(folded_copy(c.name), std::make_pair(c.acronym_of, to_type(c.guess)));
      // "the Joe Biden administration" names Joe Biden for a later "Biden".
      if (c.guess == Guess::Org && !c.gaz && c.last - c.first >= 2 && c.span.end > at_.tokens[c.last - 1].span.end) {
        std::string person = text_of_tokens(c.first, c.last);
        pending_.emplace(last_word(person), person);
      }
      if (c.guess != Guess::Person || c.headline || c.last - c.first < 2 || c.gaz) continue;
      uint32_t a = actor_for(c.name, ActorType::Person, c.name);
      surnames_.emplace(last_word(c.name), a);  // the first full name with that surname
    }
  }

  std::string text_of_tokens(uint32_t a, uint32_t b) const {
    return std::string(at_.norm.view({at_.tokens[a].span.start, at_.tokens[b - 1].span.end}));
  }

  // `folded` is the candidate's name folded.
  std::optional<uint32_t> known(const std::string& folded) {
    auto s = surnames_.find(folded);
    if (s != surnames_.end()) return s->second;
    auto p = pending_.find(folded);
    if (p != pending_.end()) {
      uint32_t a = actor_for(p->second, ActorType::Person, p->second);
      add_unique(out_.actors[a].aliases, p->second);
      surnames_.emplace(p->first, a);
      return a;
    }
    auto it = by_name_.find(folded);
    if (it != by_name_.end())
      for (uint32_t a : it->second)
        if (a != kNone) return a;
    auto al = by_alias_.find(folded);
    if (al != by_alias_.end()) return al->second;
    return std::nullopt;
  }

  void resolve(const Candidate& c) {
    std::optional<uint32_t> a;
    const std::string folded = folded_copy(c.name);
    auto acronym = c.gaz ? acronyms_.end() : acronyms_.find(folded);
    if (acronym != acronyms_.end()) {
      const auto& [full, type] = acronym->second;
      a = actor_for(full, type, full);
    } else if (c.gaz) {
      a = resolve_gaz(c);
    } else if (c.headline && !c.caps_headline) {
      a = known(folded);
    } else {
      // One word: a surname or a short form of an actor named before, if
      // the tagger gives it the same kind.
      // A place named before that acts now is its government, whatever
      // the tagger calls it ("in Brask" ... "Brask said").
      auto k = c.last - c.first == 1 ? known(folded) : std::nullopt;
      ActorType kt = k ? out_.actors[*k].type : ActorType::Person;
      bool place = kt == ActorType::Loc || kt == ActorType::Gpe;
      // The surname of a person named in full before is that person even
      // where the tagger calls the lone word an organisation ("according to
      // Bessent" after "Scott Bessent"): a name the gazetteer knows took
      // the branch above.
      bool surname = kt == ActorType::Person && c.guess == Guess::Org && surnames_.count(folded);
      if (k && kt != to_type(c.guess) && !surname && !(place && (c.guess == Guess::Gpe || c.acting)))
        k = std::nullopt;
      a = k ? *k : actor_for(c.name, to_type(c.guess), c.name);
      if (k && place && c.acting) upgrade(*a, ActorType::Gpe);
    }
    if (!a) return;
    add_mention(*a, c.span, c.name);
    if (!c.country.empty() && out_.actors[*a].type == ActorType::Person) org_country_.push_back({*a, c.country});
    if (!c.role.empty() && out_.actors[*a].type == ActorType::Person) add_unique(out_.actors[*a].roles, c.role);
    for (Span s : {c.role_span, c.apposition})
      if (!s.empty()) affil_spans_.push_back({*a, s});
  }

  // A place named again as an actor ("in Fooville" ... "Fooville said"): one
  // actor, with the type of the acting mention.
  void upgrade(uint32_t a, ActorType t) {
    LocalActor& actor = out_.actors[a];
    if (actor.type != ActorType::Loc) return;
    actor.type = t;
    uint32_t& slot = by_name_.try_emplace(fold_key(actor.name), ByType{kNone, kNone, kNone, kNone}).first->second[static_cast<size_t>(t)];
    if (slot == kNone) slot = a;
  }

  std::optional<uint32_t> resolve_gaz(const Candidate& c) {
    const GazEntry& g = *c.gaz;
    if (g.kind == GazKind::Capital && c.gov) return actor_for(g.country, ActorType::Gpe, g.country);
    ActorType t = to_type(c.guess);
    uint32_t a = actor_for(g.canonical, t, g.canonical);
    if (!g.country.empty() && g.country != g.canonical) org_country_.push_back({a, g.country});
    return a;
  }

  void add_mention(uint32_t a, Span s, const std::string& surface) {
    out_.mentions.push_back({a, s});
    std::string alias = surface;
    if (alias.rfind("the ", 0) == 0) alias.erase(0, 4);
    add_unique(out_.actors[a].aliases, alias);
    by_alias_.emplace(fold_key(alias), a);
  }

  static void add_unique(std::vector<Interned>& v, const std::string& s) {
    const Interned i(s);  // equal strings are one pointer
    if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
  }

  // "the Kremlin spokesman", "the Russian president": the last person named
  // before with that role word.
  // "the", "The", "THE" (ASCII letters only, as lower_ascii() sees them).
  static bool is_the(std::string_view w) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return w.size() == 3 && lower(w[0]) == 't' && lower(w[1]) == 'h' && lower(w[2]) == 'e';
  }

  void link_descriptions() {
    std::sort(out_.mentions.begin(), out_.mentions.end(), [](const Mention& x, const Mention& y) { return x.span < y.span; });
    mentions_of_.assign(out_.actors.size(), {});
    for (uint32_t i = 0; i < out_.mentions.size(); ++i) mentions_of_[out_.mentions[i].actor].push_back(i);
    std::vector<Mention> added;
    for (uint32_t k = 0; k + 1 < at_.tokens.size(); ++k) {
      if (!is_the(at_.word(k))) continue;
      uint32_t j = k + 1, end = std::min<uint32_t>(k + 5, static_cast<uint32_t>(at_.tokens.size()));
      std::string head;
      while (j < end && at_.tokens[j].sentence == at_.tokens[k].sentence) {
        if (scanner_.is(j, kRoleHead) && at_.tokens[j].has(kLower)) {
          head = scanner_.folded(j);
          ++j;
          break;
        }
        if (!at_.tokens[j].has(kUpperInit) && !scanner_.is(j, kRoleWord)) break;
        ++j;
      }
      if (head.empty() || (j < at_.tokens.size() && at_.tokens[j].has(kUpperInit))) continue;
      // "the Kremlin spokesman": "Kremlin" stays the Kremlin's mention.
      uint32_t first = k + 1;
      while (first + 1 < j && overlaps_mention(at_.tokens[first].span)) ++first;
      Span s{at_.tokens[first].span.start, at_.tokens[j - 1].span.end};
      if (overlaps_mention(s)) continue;
      if (auto a = last_person_with_role(head, s.start)) added.push_back({*a, s});
    }
    out_.mentions.insert(out_.mentions.end(), added.begin(), added.end());
  }

  bool overlaps_mention(Span s) const {
    auto it = std::lower_bound(out_.mentions.begin(), out_.mentions.end(), s,
                               [](const Mention& m, const Span& x) { return m.span.end <= x.start; });
    return it != out_.mentions.end() && it->span.overlaps(s);
  }

  // (The actor of the last such mention, found through each fitting
  // person's own mentions: a description does not read every mention
  // before it.)
  std::optional<uint32_t> last_person_with_role(const std::string& head, uint32_t before) {
    auto [fit, fresh] = with_role_.try_emplace(head);
    if (fresh)
      for (uint32_t a = 0; a < out_.actors.size(); ++a) {
        const LocalActor& actor = out_.actors[a];
        if (actor.type != ActorType::Person) continue;
        if (std::any_of(actor.roles.begin(), actor.roles.end(),
                        [&](const std::string& r) { return text::fold(r).find(head) != std::string::npos; }))
          fit->second.push_back(a);
      }
    const auto& ms = out_.mentions;
    const uint32_t stop = static_cast<uint32_t>(
        std::lower_bound(ms.begin(), ms.end(), before, [](const Mention& m, uint32_t b) { return m.span.start < b; }) -
        ms.begin());
    int64_t last = -1;
    for (uint32_t a : fit->second) {
      const std::vector<uint32_t>& own = mentions_of_[a];
      auto it = std::lower_bound(own.begin(), own.end(), stop);
      if (it != own.begin()) last = std::max<int64_t>(last, *std::prev(it));
    }
    if (last < 0) return std::nullopt;
    return ms[static_cast<size_t>(last)].actor;
  }

  void finish() {
    auto& ms = out_.mentions;
    std::sort(ms.begin(), ms.end(), [](const Mention& x, const Mention& y) { return x.span < y.span; });
    std::vector<Mention> kept;
    for (const Mention& m : ms)
      if (kept.empty() || !kept.back().span.overlaps(m.span)) kept.push_back(m);
    ms = std::move(kept);
    // The mentions are sorted and apart: those inside a span are a run.
    for (auto [a, span] : affil_spans_) {
      auto it = std::lower_bound(ms.begin(), ms.end(), span.start,
                                 [](const Mention& m, uint32_t p) { return m.span.start < p; });
      for (; it != ms.end() && it->span.start <= span.end; ++it)
        if (span.contains(it->span) && it->actor != a) add_affiliation(a, it->actor);
    }
    for (auto& [a, country] : org_country_) {
      uint32_t gpe = by_name(fold_key(country), ActorType::Gpe);
      if (gpe != kNone && gpe != a) add_affiliation(a, gpe);
    }
    for (auto& a : out_.actors) {
      for (const auto& al : a.aliases)
        if (a.type == ActorType::Person && std::count(al.begin(), al.end(), ' ') > std::count(a.name.begin(), a.name.end(), ' '))
          a.name = al;
      a.key = remembered_actor_key(a.name, a.type);
      std::sort(a.affiliations.begin(), a.affiliations.end());
    }
    // Affiliations of an organisation pass on to its people (Peskov -> Kremlin -> Russia).
    for (auto& a : out_.actors) {
      if (a.type != ActorType::Person) continue;
      std::vector<uint32_t> extra;
      for (uint32_t o : a.affiliations)
        for (uint32_t c : out_.actors[o].affiliations) extra.push_back(c);
      a.affiliations.insert(a.affiliations.end(), extra.begin(), extra.end());
      std::sort(a.affiliations.begin(), a.affiliations.end());
      a.affiliations.erase(std::unique(a.affiliations.begin(), a.affiliations.end()), a.affiliations.end());
    }
  }

  void add_affiliation(uint32_t a, uint32_t b) {
    auto& v = out_.actors[a].affiliations;
    if (std::find(v.begin(), v.end(), b) == v.end()) v.push_back(b);
  }

  const AnnotatedText& at_;
  const actors::Scan& scanner_;  // the folded tokens and what the lexicons say of them
  std::vector<Candidate> cands_;
  ActorExtraction out_;
  std::string key_;  // fold_key()'s buffer
  // Lookups only (never iterated), so hash maps: folded name -> actor.
  std::unordered_map<std::string, ByType> by_name_;
  std::unordered_map<std::string, uint32_t> by_alias_;
  std::unordered_map<std::string, uint32_t> surnames_;  // the first full name with the surname
  std::unordered_map<std::string, std::pair<std::string, ActorType>> acronyms_;  // folded acronym -> full name
  std::unordered_map<std::string, std::string> pending_;  // surname -> full name seen only inside an org name
  std::vector<std::pair<uint32_t, Span>> affil_spans_;
  std::vector<std::pair<uint32_t, std::string>> org_country_;
  std::vector<std::vector<uint32_t>> mentions_of_;  // actor -> its mentions (indices, in order), for descriptions
  std::unordered_map<std::string, std::vector<uint32_t>> with_role_;  // role head -> the persons whose roles hold it
};

}  // namespace

ActorExtraction find_actors(const AnnotatedText& at) { return find_actors(at, analyse_article(at)); }

ActorExtraction find_actors(const AnnotatedText& at, const Analysis& an) {
  actors::Scan scanner(at, an);
  std::vector<Candidate> cands = scanner.scan();
  return Resolver(at, scanner, std::move(cands)).run();
}

}  // namespace eventloom
