// find_events, phase 3: a trigger's clause and participants, from the tree
// where there is one (syntax.hpp), else from the words (finder.hpp).
#include "events/finder.hpp"

namespace eventloom::events::detail {

Finder::Clause Finder::clause_of(const Sentence& s, const Trigger& t) const {
  Clause c{s.first_token, s.last_token, false, 0};
  int64_t mark = last_below(clause_marks_, t.first);
  if (mark >= s.first_token) {
    uint32_t i = static_cast<uint32_t>(mark);
    c.left = i + 1;
    if (is_one_of(word(i), {"who", "which"}) && i > s.first_token && word(i - 1) == ",") {
      c.relative = true;
      c.mark = i - 1;
    }
  }
  c.right = std::min(s.last_token, first_from(clause_ends_, t.last));
  return c;
}

const Unit* Finder::unit_ending_before(uint32_t tok, uint32_t lo) const {
  const Unit* best = nullptr;
  for (size_t k = first_unit_from(lo); k < units_.size() && units_[k].first < tok; ++k) {
    const Unit& u = units_[k];
    if (u.last <= tok && (!best || u.last > best->last)) best = &u;
  }
  return best;
}

// Where a unit's noun phrase starts: at its modifier, if it has one
// ("Russian President Vladimir Putin").
uint32_t Finder::phrase_start(const Unit& u) const {
  size_t k = static_cast<size_t>(&u - units_.data());
  if (k > 0 && k < units_.size() && units_[k - 1].modifier && units_[k - 1].last <= u.first)
    return units_[k - 1].first;
  return u.first;
}

// Whether a preposition governs the unit: "in Syria", "against the US",
// and "Yemen" in "in Syria and Yemen"; not "of" after the people acting
// for it ("the leaders of Valdoria", "foreign ministers of X and Y").
bool Finder::governed_by_preposition(const Unit& u, uint32_t lo) const {
  uint32_t f = phrase_start(u);
  if (f <= lo) return false;
  uint32_t i = f - 1;
  if (word(i) == "and" && i > lo) {
    const Unit* prev = unit_ending_before(i, lo);
    if (prev && prev->last == i) return governed_by_preposition(*prev, lo);
  }
  if (is_one_of(word(i), {"the", "its", "their"}) && i > lo) --i;
  if (word(i) == "of" && i > lo && is_group_noun(word(i - 1))) return false;
  return is_preposition(word(i));
}

// The last person (for "his/her") or group (for "its/their") named before tok.
// (Reading the units in order up to the first that ends after tok.)
const Unit* Finder::antecedent(uint32_t tok, bool person) const {
  size_t stop = static_cast<size_t>(std::upper_bound(reach_.begin(), reach_.end(), tok) - reach_.begin());
  if (stop == 0) return nullptr;
  int32_t k = (person ? last_person_ : last_group_)[stop - 1];
  return k < 0 ? nullptr : &units_[static_cast<size_t>(k)];
}

// The subject of the clause [lo, hi): an actor that opens it, with only
// articles, names, role words or a date before it ("the Kremlin", "US
// President Donald Trump"), when of the wanted kind (a person or not).
const Unit* Finder::subject_in(uint32_t lo, uint32_t hi, std::optional<bool> person) const {
  const auto& gaz = actors::lexicon();
  for (size_t n = first_unit_from(lo); n < units_.size(); ++n) {
    const Unit& u = units_[n];
    if (u.modifier) continue;
    if (u.last > hi) break;
    for (uint32_t i = lo; i < phrase_start(u); ++i) {
      const Token& k = at_.tokens[i];
      if (inside_unit(i) || k.has(kUpperInit) || k.has(kPossessive) || is_one_of(word(i), {"the", "a", "an"}))
        continue;
      if (!k.has(kAlpha) || !gaz.role_words.count(text::fold(word(i)))) return nullptr;
    }
    return !person || is_person(u) == *person ? &u : nullptr;
  }
  return nullptr;
}

// A possessive pronoun inside an adjunct refers to the adjunct's own
// subject, else to the subject of the main clause it hangs on ("Trump
// spoke with Zelenskiy after his call with Putin": Trump's call; "After his
// call with Putin, Trump spoke ..."); elsewhere, and when neither fits, to
// the last fitting actor named before it.
const Unit* Finder::pronoun_antecedent(const Sentence& s, uint32_t tok, bool person) const {
  // The nearest clause mark or adjunct opener before the pronoun.
  int64_t near = std::max(last_below(clause_marks_, tok), last_below(adjunct_openers_, tok));
  if (near >= s.first_token) {
    const uint32_t i = static_cast<uint32_t>(near);
    if (!opens_adjunct(word(i))) return antecedent(tok, person);
    // The adjunct's own subject comes first ("after the WHO raised its
    // alert level").
    const Unit* subj = subject_in(i + 1, tok, person);
    if (subj) return subj;
    if (i > s.first_token) {
      Clause main = clause_of(s, Trigger{i, i + 1, 0, false});
      subj = subject_in(main.left, i, person);
    } else {
      // A leading adjunct: the main clause follows its comma.
      uint32_t k = first_from(commas_, tok + 1);
      if (k < s.last_token) {
        Clause main = clause_of(s, Trigger{k + 1, k + 2, 0, false});
        subj = subject_in(k + 1, main.right, person);
      }
    }
    if (subj) return subj;
  }
  return antecedent(tok, person);
}

// A possessor right before a noun trigger: "Moscow's February 2022 invasion",
// "his phone call", "Russian strike".
const Unit* Finder::possessor(const Sentence& s, const Trigger& t) const {
  uint32_t lo = t.first > s.first_token + 5 ? t.first - 5 : s.first_token;
  for (uint32_t i = t.first; i-- > lo;) {
    std::string_view w = word(i);
    if (at_.tokens[i].has(kPunct) && !at_.tokens[i].has(kPossessive)) return nullptr;
    if (is_one_of(w, {"his", "her"})) return pronoun_antecedent(s, i, true);
    if (is_one_of(w, {"its", "their"})) return pronoun_antecedent(s, i, false);
    if (const Unit* u = owner_at(i, lo)) return u;
    if (is_preposition(w) || is_one_of(w, {"a", "an"})) return nullptr;
  }
  return nullptr;
}

// The first unit, not a modifier, that ends with token i (a demonym or a
// name as modifier, starting at lo or later) or just before it when i is
// a possessive "'s".
const Unit* Finder::owner_at(uint32_t i, uint32_t lo) const {
  const bool possessive = at_.tokens[i].has(kPossessive);
  uint32_t best = UINT32_MAX;
  auto [b, e] = units_ending_in(i, i + 1);
  for (const uint32_t* k = b; k != e; ++k) {
    const Unit& u = units_[*k];
    if (u.modifier) continue;
    if ((u.last == i + 1 && u.first >= lo) || (u.last == i && possessive)) best = std::min(best, *k);
  }
  return best == UINT32_MAX ? nullptr : &units_[best];
}

void Finder::add(LocalEvent& e, uint32_t actor, ParticipantRole r) {
  for (const Participant& p : e.participants)
    if (p.actor == actor) return;
  e.participants.push_back({actor, r});
}

void Finder::add_role(LocalEvent& e, uint32_t actor, ParticipantRole r) {
  for (Participant& p : e.participants)
    if (p.actor == actor) {
      if (p.role == ParticipantRole::Other) p.role = r;
      return;
    }
  e.participants.push_back({actor, r});
}

void Finder::add_coordinated(LocalEvent& e, const Unit& u, uint32_t lo, ParticipantRole r) const {
  add(e, u.actor, r);
  const uint32_t f = phrase_start(u);
  const Unit* prev = unit_ending_before(f, lo);
  // "Chile and Peru", "Chile, Peru"; not "talks with Chile, Peru signed".
  if (prev && !prev->modifier && prev->last + 1 == f && is_one_of(word(prev->last), {"and", ","}) &&
      !governed_by_preposition(*prev, lo))
    add(e, prev->actor, r);
  // And the one after: "the leaders of Valdoria and Zarevia".
  size_t k = static_cast<size_t>(&u - units_.data()) + 1;
  if (k < units_.size() && u.last < at_.tokens.size() && word(u.last) == "and" &&
      phrase_start(units_[k]) == u.last + 1)
    add(e, units_[k].actor, r);
}

bool Finder::is_noun_use(const Trigger& t, const Sentence& s) const {
  if (t.first == s.first_token) return false;
  std::string_view prev = word(t.first - 1);
  return is_one_of(prev, {"a", "an", "the", "his", "her", "its", "their", "'s", "'", "this", "that", "any",
                          "further", "new", "possible", "more", "repeated", "recent"}) ||
         at_.tokens[t.first - 1].has(kPossessive) || at_.tokens[t.first - 1].has(kDigit);
}

bool Finder::is_passive(const Trigger& t, const Sentence& s) const {
  for (uint32_t i = t.first, k = 0; i-- > s.first_token && k < 3; ++k)
    if (is_be(word(i))) return true;
  return false;
}

// Where the trigger's participants end on the right: the clause's end, or
// an adjunct opened before it ("spoke with X after his call with Y",
// "met X during a visit to Y"): what it names belongs to another event.
uint32_t Finder::participants_end(const Trigger& t, const Clause& c) const {
  return std::min(c.right, first_from(adjunct_openers_, t.last));
}

// Where the trigger's participants start on the left: the clause's start,
// or just after the opener of the adjunct the trigger stands in ("met Xi
// during talks with Modi": not Xi's talks).
uint32_t Finder::participants_start(const Trigger& t, const Clause& c) const {
  int64_t i = last_below(adjunct_openers_, t.first);
  return i >= c.left ? static_cast<uint32_t>(i) + 1 : c.left;
}

// Where the sentence's main clause starts: after the comma closing a
// leading adjunct ("After Russia attacked Kyiv, NATO met ..."), when tok
// lies past it; else the sentence's first token.
uint32_t Finder::main_clause_start(const Sentence& s, uint32_t tok) const {
  if (!opens_adjunct(word(s.first_token))) return s.first_token;
  uint32_t k = first_from(commas_, s.first_token + 1);
  return k < tok ? k + 1 : s.first_token;
}

// Whether a unit after the trigger is the event's other party: the object
// of the verb ("attacked X", "met Ukraine's president") or of a party
// preposition ("spoke with X", "aid to the X") is; the object of another
// preposition ("a district of X", "troops in X"), of another word ("its
// bid to join X") or an actor after another ("X and Y") is not. Only
// articles, role words and names may stand between.
bool Finder::is_core_complement(const Unit& u, const Trigger& t, bool noun) const {
  const auto& gaz = actors::lexicon();
  for (uint32_t i = u.first; i-- > t.last;) {
    if (inside_unit(i)) {
      if (in_actor_unit_[i]) return false;
      continue;
    }
    std::string_view w = word(i);
    if (is_party_preposition(w)) return true;
    if (noun && i == t.last && w == "of") return true;  // "the invasion of X"
    if (is_preposition(w)) return false;
    if (is_one_of(w, {"the", "a", "an", "its", "their", "his", "her", "'s", "'"}) ||
        at_.tokens[i].has(kPossessive) || at_.tokens[i].has(kUpperInit))
      continue;
    if (!at_.tokens[i].has(kAlpha) || !gaz.role_words.count(text::fold(w))) return false;
  }
  return true;
}

// `next` is where the sentence's next trigger starts: a party after it
// belongs to that event ("a coup led to a conflict in X").
void Finder::participants(LocalEvent& e, const Sentence& s, const Trigger& t, const Clause& clause, bool noun,
                  uint32_t next) const {
  Clause c = clause;
  c.left = participants_start(t, clause);
  const Unit* by_agent = nullptr;
  const Unit* by_also = nullptr;
  bool passive = !noun && is_passive(t, s);
  const uint32_t right = participants_end(t, c);
  // Target side: the first core complement after the trigger in the
  // clause, near it and before the next trigger, else the first actor there.
  const Unit* first = nullptr;
  const Unit* core = nullptr;
  const Unit* second = nullptr;  // "between X and Y"
  uint32_t phrase = UINT32_MAX;   // where the modifiers of the next name start
  for (size_t k = first_unit_from(t.last); k < units_.size() && units_[k].first < right; ++k) {
    const Unit& u = units_[k];
    if (u.modifier) {
      phrase = std::min(phrase, u.first);
      continue;
    }
    const uint32_t start = std::min(phrase, u.first);  // "Russian President Vladimir Putin"
    phrase = UINT32_MAX;
    std::string_view before = word(start - 1);
    if (passive && is_one_of(before, {"by"})) {
      by_agent = &u;
      continue;
    }
    if (by_agent && !first && start == by_agent->last + 1 && word(by_agent->last) == "and") {
      by_also = &u;  // "by China and Russia"
      continue;
    }
    // "attacks by X on Y", "a visit by Mr X to Y": the noun's agent.
    if (noun && !first && !by_agent && word(t.last) == "by" && start <= t.last + 3) {
      by_agent = &u;
      continue;
    }
    if (!first) {
      first = &u;
      if (noun && t.last + 1 == start && is_one_of(word(t.last), {"between"})) second = &u;
    } else if (second && start == second->last + 1 && word(second->last) == "and") {
      second = &u;
    }
    if (!core && u.first < next && start <= t.last + kCoreReach && is_core_complement(u, t, noun)) core = &u;
  }
  const Unit* target = core ? core : first;
  // Source side.
  const Unit* source = noun ? possessor(s, t) : nullptr;
  if (!source && noun && by_agent) {
    add_coordinated(e, *by_agent, t.last, ParticipantRole::Source);
    if (by_also) add(e, by_also->actor, ParticipantRole::Source);
    if (target) add(e, target->actor, ParticipantRole::Target);
    add_others(e, t, c, right);
    return;
  }
  if (!source && !noun && c.relative) source = unit_ending_before(c.mark + 1, s.first_token);
  if (!source) {
    // Inside an adjunct without an actor of its own before the trigger
    // ("talked about X during a call with Y"), the main clause's.
    for (size_t k = first_unit_from(t.first), lo = first_unit_from(clause.left); k-- > lo;) {
      const Unit& u = units_[k];
      if (u.last > t.first || u.modifier) continue;
      if (governed_by_preposition(u, clause.left)) continue;
      source = &u;
      break;
    }
  }
  if (!source) {
    // The subject of the main clause after a leading adjunct, else the
    // sentence's first actor when no preposition governs it.
    uint32_t lo = main_clause_start(s, t.first);
    if (lo > s.first_token) source = subject_in(lo, t.first, std::nullopt);
    for (size_t k = first_unit_from(s.first_token); k < units_.size() && !source; ++k) {
      const Unit& u = units_[k];
      if (u.modifier) continue;
      if (u.last > t.first) break;
      if (!governed_by_preposition(u, s.first_token)) source = &u;
      break;
    }
  }
  if (passive && by_agent) {
    add_coordinated(e, *by_agent, t.last, ParticipantRole::Source);
    if (by_also) add(e, by_also->actor, ParticipantRole::Source);
    if (source) add(e, source->actor, ParticipantRole::Target);
  } else if (second && first && second != first) {
    add(e, first->actor, ParticipantRole::Source);
    add(e, second->actor, ParticipantRole::Target);
  } else {
    if (source) add_coordinated(e, *source, s.first_token, ParticipantRole::Source);
    if (target) add(e, target->actor, ParticipantRole::Target);
  }
  add_others(e, t, c, right);
}

// The unit, not a modifier, that covers token k.
const Unit* Finder::unit_at(uint32_t k) const {
  size_t j = first_unit_from(k + 1);
  for (size_t n = 0; j-- > 0 && n < 8; ++n) {
    const Unit& u = units_[j];
    if (u.first <= k && k < u.last && !u.modifier) return &u;
  }
  return nullptr;
}

// The participants the tree gives (events/syntax.hpp); false when it
// names no actor as source or target.
namespace {

// data/role_nouns.txt: a role noun -> the role words a person it refers to may have.
const std::unordered_map<std::string_view, std::vector<std::string_view>>& role_nouns() {
  static const auto map = [] {
    std::unordered_map<std::string_view, std::vector<std::string_view>> m;
    util::read_data_file("events/data/role_nouns.txt", {1, 16, false}, [&](const util::DataFields& f) -> const char* {
      for (std::string_view w : f)
        for (char c : w)
          if (c >= 'A' && c <= 'Z') return "role nouns and words are lower case";
      auto& words = m[f[0]];
      words.assign(f.begin(), f.end());  // the noun itself first
      return nullptr;
    });
    return m;
  }();
  return map;
}

}  // namespace

const Unit* Finder::role_antecedent(const Sentence& s, uint32_t tok) const {
  if (tok >= at_.tokens.size() || at_.tokens[tok].has(kUpperInit) || tok <= s.first_token) return nullptr;
  char low[48];
  auto l = text::lower_ascii(word(tok), low);
  if (!l) return nullptr;
  const auto& nouns = role_nouns();
  auto it = nouns.find(*l);
  if (it == nouns.end()) return nullptr;
  // Definite: "the" or "this" opens the phrase, with at most two role
  // words between ("the foreign minister"); not "their foreign ministers".
  const auto& gaz = actors::lexicon();
  // Or indefinite ("another lawmaker", "a senior official"): somebody
  // new, whom the next sentence may name ("..., said MP Anna Berg").
  bool definite = false, indefinite = false;
  for (uint32_t i = tok; i-- > s.first_token && tok - i <= 3;) {
    if (is_one_of(word(i), {"the", "this"})) { definite = true; break; }
    if (is_one_of(word(i), {"another", "a", "an", "one"})) { indefinite = true; break; }
    if (!at_.tokens[i].has(kAlpha) || inside_unit(i) || !gaz.role_words.count(text::fold(word(i)))) break;
  }
  if (!definite && !indefinite) return nullptr;
  const auto fits = [&](const LocalActor& a) {
    for (const std::string& role : a.roles) {
      const std::string f = text::fold(role);
      size_t i = 0;
      while (i < f.size()) {
        size_t e = f.find(' ', i);
        if (e == std::string::npos) e = f.size();
        const std::string_view part(f.data() + i, e - i);
        if (std::find(it->second.begin(), it->second.end(), part) != it->second.end()) return true;
        i = e + 1;
      }
    }
    return false;
  };
  // Or the title written before this mention ("Foreign Minister Maria Soto"):
  // up to three role words right before the name.
  const auto titled = [&](const Unit& u) {
    for (uint32_t i = u.first, n = 0; i-- > 0 && n < 3; ++n) {
      const std::string f = text::fold(word(i));
      if (std::find(it->second.begin(), it->second.end(), f) != it->second.end()) return true;
      if (!gaz.role_words.count(f)) return false;
    }
    return false;
  };
  if (indefinite) {
    // The first person the next two sentences name whose role fits (a
    // quotation of two sentences and then "said MP Anna Berg").
    const uint32_t next = sentence_at(s.span.start) + 1;
    if (next >= at_.sentences.size()) return nullptr;
    const uint32_t last = at_.sentences[std::min<size_t>(next + 1, at_.sentences.size() - 1)].last_token;
    for (size_t k = first_unit_from(s.last_token); k < units_.size() && units_[k].first < last; ++k) {
      const Unit& u = units_[k];
      if (!u.modifier && is_person(u) && (fits(in_.actors.actors[u.actor]) || titled(u))) return &u;
    }
    return nullptr;
  }
  // The nearest person before, not a modifier, whose role fits, among the
  // last few hundred names (an article's, as a rule; bounded for a long one).
  const size_t end = first_unit_from(tok), stop = end > 300 ? end - 300 : 0;
  for (size_t k = end; k-- > stop;) {
    const Unit& u = units_[k];
    if (u.modifier || u.last > tok || !is_person(u)) continue;
    if (fits(in_.actors.actors[u.actor]) || titled(u)) return &u;
  }
  return nullptr;
}

std::optional<uint32_t> Finder::doer_of_last_act(const std::vector<LocalEvent>& earlier, const Sentence& s,
                                                 const Trigger& t) const {
  const uint32_t start = at_.tokens[t.first].span.start;
  const uint32_t si = sentence_at(s.span.start);
  const uint32_t from = si > 0 ? at_.sentences[si - 1].span.start : s.span.start;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    const LocalEvent& o = *it;
    if (o.sentence.start < from) break;
    if (o.trigger.end > start || o.from_statement || o.modality != "asserted" || o.type.compare(0, 2, "01") == 0)
      continue;
    for (const Participant& p : o.participants)
      if (p.role == ParticipantRole::Source) return p.actor;
  }
  return std::nullopt;
}

const Unit* Finder::state_antecedent(const Sentence& s, uint32_t tok) const {
  static const auto nouns = util::word_set("events/data/state_nouns.txt");
  if (tok <= s.first_token || tok >= at_.tokens.size() || at_.tokens[tok].has(kUpperInit)) return nullptr;
  char low[24];
  auto l = text::lower_ascii(word(tok), low);
  if (!l || !nouns.count(*l) || !is_one_of(word(tok - 1), {"the"})) return nullptr;
  const size_t end = first_unit_from(tok), stop = end > 300 ? end - 300 : 0;
  for (size_t k = end; k-- > stop;) {
    const Unit& u = units_[k];
    if (!u.modifier && u.last <= tok && in_.actors.actors[u.actor].type == ActorType::Gpe) return &u;
  }
  return nullptr;
}

bool Finder::tree_participants(LocalEvent& e, const events::TreeReading& r, const Sentence& s, const Trigger& t,
                               const std::vector<LocalEvent>& earlier) const {
  bool named = false;
  for (const events::TreeArg& a : r.args) {
    if (a.demonstrative && a.role == ParticipantRole::Target) {
      if (std::optional<uint32_t> doer = doer_of_last_act(earlier, s, t)) {
        add(e, *doer, a.role);
        named = true;
      }
      continue;
    }
    if (a.modifier && t.weak) continue;  // "the Ukraine conflict": a situation, no act of Ukraine's
    if (a.host && t.code != 4) continue;  // attended: talks, a visit, not an attack nor a deal
    const Unit* u = nullptr;
    for (uint32_t k : a.tokens)
      if ((u = unit_at(k))) break;
    if (!u && a.pronoun) u = pronoun_antecedent(s, a.tokens[0], a.pronoun == 1);
    if (!u && !a.pronoun && !a.modifier) u = role_antecedent(s, a.tokens[0]);
    if (!u && !a.pronoun && !a.modifier) u = state_antecedent(s, a.tokens[0]);
    if (!u) continue;
    add(e, u->actor, a.role);
    named = true;
  }
  return named;
}

// "X and Y met", "X and Y will hold talks": a cooperative act between
// coordinated subjects and nobody else is dyadic, as CAMEO codes it: the
// first named is the source, the others its targets.
void Finder::pair_coordinated_sources(LocalEvent& e) {
  if (has_role(e, ParticipantRole::Target)) return;
  bool first = true;
  for (Participant& p : e.participants) {
    if (p.role != ParticipantRole::Source) continue;
    if (!first) p.role = ParticipantRole::Target;
    first = false;
  }
}

bool Finder::has_role(const LocalEvent& e, ParticipantRole r) {
  return std::any_of(e.participants.begin(), e.participants.end(), [&](const Participant& p) { return p.role == r; });
}

// The source and target that `from` has and `to` lacks; not a target
// that is the object of a preposition of place ("met in Lima").
void Finder::fill_missing_roles(LocalEvent& to, const LocalEvent& from, const Sentence& s) const {
  auto placed = [&](uint32_t actor) {
    for (size_t k = first_unit_from(s.first_token); k < units_.size() && units_[k].first < s.last_token; ++k) {
      const Unit& u = units_[k];
      if (u.actor != actor || u.modifier) continue;
      uint32_t f = phrase_start(u);
      if (f > s.first_token && is_one_of(word(f - 1), {"the"})) --f;
      if (f > s.first_token && is_one_of(word(f - 1), {"in", "at", "near", "across", "inside", "within", "around"}))
        return true;
    }
    return false;
  };
  for (ParticipantRole r : {ParticipantRole::Source, ParticipantRole::Target}) {
    if (has_role(to, r)) continue;
    for (const Participant& p : from.participants)
      if (p.role == r && (r == ParticipantRole::Source || !placed(p.actor))) add(to, p.actor, r);
  }
}

// Every other actor of the clause, up to `right`, is `other`.
void Finder::add_others(LocalEvent& e, const Trigger& t, const Clause& c, uint32_t right) const {
  for (size_t k = first_unit_from(c.left); k < units_.size() && units_[k].first < right; ++k) {
    const Unit& u = units_[k];
    if (!u.modifier && u.last <= right && (u.last <= t.first || u.first >= t.last)) add(e, u.actor, ParticipantRole::Other);
  }
}

}  // namespace eventloom::events::detail
