// find_events: triggers, participants, date and modality, sentence by sentence.
//
// 1. Units. The article's actor mentions become token ranges; a demonym that
//    no mention covers ("Russian strike") is a unit too, standing for its
//    country when the article has that country as an actor.
// 2. Triggers. Each token is lemmatised cheaply (events/lexicon.cpp) and the
//    trigger phrases starting with its lemma are tried longest first; later
//    words of a phrase may sit up to two words apart ("imposed new
//    sanctions"). A matched phrase covers its tokens; code 00 phrases block.
// 3. Clause. The trigger's clause runs left to the nearest clause mark (; : ,
//    -, or that/who/which/when/after/while/if/because ...) and right to the
//    next one; its participants end earlier, at an adjunct (data/adjuncts.txt:
//    "after his call with Putin", "during a visit to X"), whose actors belong
//    to another event. A unit followed by role words and a person's name
//    ("Ukrainian President Volodymyr Zelenskiy", "Kremlin spokesman Dmitry
//    Peskov") only modifies the name and takes no part. Source: the
//    possessor before a noun ("Moscow's invasion"; "his call" -> the
//    subject of the adjunct or main clause, else the last person named),
//    else the nearest actor to the left that is not the object of a
//    preposition (with the actor coordinated to it by "and"), else the
//    subject of the sentence's main clause; a relative clause ("X, who
//    ordered") takes X. Target: "by X" after a passive verb swaps roles,
//    and right after a noun is its agent ("attacks by X on Y");
//    "between X and Y" after a noun gives both; otherwise the first object
//    of the verb or of with/to/against/on ... before the next trigger, else
//    the first actor to the right. Others in the clause are `other`.
// 4. Date: the nearest DATE/TIME expression in the clause, else the
//    publication date marked as such. Modality from the words before the
//    trigger in its clause: will -> future, could/would/may/if -> hypothetical,
//    not/never -> negated.
// 4b. Repeated mentions: a noun after "the/this/that" with no date in its
//    clause, whose participants all belong to an earlier event of the same
//    type in the article ("Russia attacked Dnipro ... The attack killed two"),
//    is that event again and yields none.
// 5. Statements become events too (01, or 02/03/10/11/12/13 by the reporting
//    verb), and a trigger on a statement's reporting verb yields to it.
// Invariant: every returned span lies in the normalised text; the output
// depends on the input only (no shared mutable state). The work per trigger
// depends on its sentence, not on the article: the actors, dates, clause
// marks and earlier events it reads are looked up in indexes built once
// (an article of one sentence repeated 100,000 times stays linear).
#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "actors/lexicon.hpp"
#include "eventloom/events.hpp"
#include "events/lexicon.hpp"
#include "events/syntax.hpp"
#include "time/timex_index.hpp"
#include "util/embedded.hpp"
#include "util/lines.hpp"

namespace eventloom {
namespace {

using events::Lexicon;

struct Unit {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  uint32_t actor = 0;
  bool modifier = false;  // "Ukrainian" in "Ukrainian President Volodymyr Zelenskiy": the person's affiliation
};

struct Trigger {
  uint32_t first = 0, last = 0;
  uint8_t code = 0;
  bool weak = false;
  std::string_view lemma = {};  // the pattern's first word
};

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w.size() == s.size() && std::equal(w.begin(), w.end(), s.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
        }))
      return true;
  return false;
}

bool is_preposition(std::string_view w) {
  return is_one_of(w, {"in", "of", "with", "to", "for", "from", "by", "at", "on", "against", "into", "toward",
                       "towards", "over", "about", "between", "under", "near", "across", "than", "like"});
}

bool is_clause_mark(std::string_view w) {
  return is_one_of(w, {";", ":", ",", "-", "--", "(", ")", "that", "who", "which", "when", "after", "before",
                       "while", "though", "although", "because", "if", "unless", "whereas", "but", "since",
                       "following", "as"});
}

// The one-word lines of a data file, lower case.
std::unordered_set<std::string_view> word_set(std::string_view file) {
  std::unordered_set<std::string_view> s;
  util::for_each_data_line(data::get(file), [&](const util::DataFields& w) {
    if (w.size() == 1) s.insert(w[0]);
  });
  return s;
}

// Words that open an adjunct.
const std::unordered_set<std::string_view>& adjunct_openers() {
  static const auto set = word_set("events/data/adjuncts.txt");
  return set;
}

// Words for those acting for a country or body.
const std::unordered_set<std::string_view>& group_nouns() {
  static const auto set = word_set("events/data/group_nouns.txt");
  return set;
}

// "leaders", "forces": the head of "the X of Country".
bool is_group_noun(std::string_view w) {
  char low[24];
  if (w.empty() || w.size() > sizeof low) return false;
  for (size_t k = 0; k < w.size(); ++k) low[k] = (w[k] >= 'A' && w[k] <= 'Z') ? char(w[k] - 'A' + 'a') : w[k];
  return group_nouns().count(std::string_view(low, w.size())) != 0;
}

bool opens_adjunct(std::string_view w) {
  char low[24];
  if (w.empty() || w.size() > sizeof low) return false;
  for (size_t k = 0; k < w.size(); ++k) low[k] = (w[k] >= 'A' && w[k] <= 'Z') ? char(w[k] - 'A' + 'a') : w[k];
  return adjunct_openers().count(std::string_view(low, w.size())) != 0;
}

// Prepositions whose object is the other party of an event ("spoke with X",
// "aid to X", "sanctions on X", "war against X"); the objects of the others
// ("in X", "from X", "of X") are a place, origin or part, taken as the target
// only when no direct object or party is there.
bool is_party_preposition(std::string_view w) {
  return is_one_of(w, {"with", "to", "against", "on", "upon", "into", "toward", "towards"});
}

// How far after the trigger (in tokens) a party preposition's object may
// start and still be preferred as the target to an actor before it: further
// on, "with X" or "to X" hangs on some later word ("a civil war in Libya and
// the rebels have much in common with the US").
constexpr uint32_t kCoreReach = 5;

bool is_be(std::string_view w) {
  return is_one_of(w, {"was", "were", "been", "being", "is", "are", "be", "got", "get"});
}

// The words modality() reads before a trigger.
enum class Modal : uint8_t { None, Negation, Will, Plan, Hypothetical };

Modal modal_class(std::string_view w) {
  if (is_one_of(w, {"not", "n't", "never", "no"})) return Modal::Negation;
  if (is_one_of(w, {"will", "shall", "'ll"})) return Modal::Will;
  if (is_one_of(w, {"planned", "plans", "expected"})) return Modal::Plan;
  if (is_one_of(w, {"could", "would", "may", "might", "should", "can", "possible", "considering", "consider",
                    "prospect", "if", "unless"}))
    return Modal::Hypothetical;
  return Modal::None;
}

// The largest value in sorted v below `below`, or -1; the smallest at or
// after `from`, or UINT32_MAX.
int64_t last_below(const std::vector<uint32_t>& v, uint32_t below) {
  auto it = std::lower_bound(v.begin(), v.end(), below);
  return it == v.begin() ? -1 : static_cast<int64_t>(*std::prev(it));
}
uint32_t first_from(const std::vector<uint32_t>& v, uint32_t from) {
  auto it = std::lower_bound(v.begin(), v.end(), from);
  return it == v.end() ? UINT32_MAX : *it;
}

class Finder {
 public:
  explicit Finder(const EventInput& in) : in_(in), at_(in.text), lex_(Lexicon::get()), timexes_(in.timexes) {
    build_units();
    index_units();
    index_words();
  }

  std::vector<LocalEvent> run() {
    std::vector<LocalEvent> out;
    for (uint32_t s = 0; s < at_.sentences.size(); ++s) find_in_sentence(s, out);
    add_statements(out);
    // By trigger, then type. Sorting the indices makes the same comparisons
    // and moves as sorting the events would, so equals end in the same
    // order; each event is then moved once, not at every step of the sort.
    std::vector<uint32_t> order(out.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
      const LocalEvent &a = out[i], &b = out[j];
      if (!(a.trigger == b.trigger)) return a.trigger < b.trigger;
      return a.type < b.type;
    });
    std::vector<LocalEvent> sorted;
    sorted.reserve(out.size());
    for (uint32_t i : order) sorted.push_back(std::move(out[i]));
    return sorted;
  }

 private:
  const EventInput& in_;
  const AnnotatedText& at_;
  const Lexicon& lex_;
  std::vector<Unit> units_;  // sorted by first token
  std::vector<char> shielded_;  // per token: inside a mention or a time expression
  // Indexes, so that what one trigger reads does not grow with the article
  // (an article of the same sentence 100,000 times made every trigger read
  // every actor, date and event before it).
  timex::ByFirstToken timexes_;
  std::vector<uint32_t> by_last_;  // indices into units_, by (last token, index)
  std::vector<uint32_t> reach_;    // reach_[k]: the largest `last` of units_[0..k]
  std::vector<int32_t> last_person_, last_group_;  // [k]: the last unit up to k, not a modifier, (not) a person; -1
  std::vector<char> in_actor_unit_;  // per token: inside a unit that is not a modifier
  // Tokens outside units, in order: clause marks; clause marks and "."; adjunct
  // openers; commas. And the tokens modality() reads.
  std::vector<uint32_t> clause_marks_, clause_ends_, adjunct_openers_, commas_, modal_words_;
  // For refers_back(): the events found so far (indices into the output) by
  // type, and the (type, actors) keys that one of them covers.
  std::unordered_map<std::string, std::vector<uint32_t>> found_by_type_;
  std::unordered_set<std::string> covered_;

  std::string_view word(uint32_t i) const { return at_.word(i); }

  void build_units() {
    const auto& ax = in_.actors;
    for (const Mention& m : ax.mentions) {
      if (m.actor >= ax.actors.size() || m.span.empty()) continue;
      uint32_t f = at_.token_at(m.span.start), l = at_.token_at(m.span.end);
      if (f < l && l <= at_.tokens.size()) units_.push_back({f, l, m.actor});
    }
    add_demonyms();
    std::sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) { return a.first < b.first; });
    mark_modifiers();
    shielded_.assign(at_.tokens.size(), 0);
    for (const Unit& u : units_) std::fill(shielded_.begin() + u.first, shielded_.begin() + u.last, 1);
    for (const Timex& x : in_.timexes)
      if (x.first_token < x.last_token && x.last_token <= at_.tokens.size())
        std::fill(shielded_.begin() + x.first_token + 1, shielded_.begin() + x.last_token, 1);
  }

  void index_units() {
    by_last_.resize(units_.size());
    std::iota(by_last_.begin(), by_last_.end(), 0u);
    std::sort(by_last_.begin(), by_last_.end(), [&](uint32_t a, uint32_t b) {
      return units_[a].last != units_[b].last ? units_[a].last < units_[b].last : a < b;
    });
    reach_.resize(units_.size());
    last_person_.resize(units_.size());
    last_group_.resize(units_.size());
    in_actor_unit_.assign(at_.tokens.size(), 0);
    int32_t person = -1, group = -1;
    for (uint32_t k = 0; k < units_.size(); ++k) {
      const Unit& u = units_[k];
      reach_[k] = std::max(k ? reach_[k - 1] : 0u, u.last);
      if (!u.modifier) {
        (is_person(u) ? person : group) = static_cast<int32_t>(k);
        std::fill(in_actor_unit_.begin() + u.first, in_actor_unit_.begin() + u.last, 1);
      }
      last_person_[k] = person;
      last_group_[k] = group;
    }
  }

  void index_words() {
    for (uint32_t i = 0; i < at_.tokens.size(); ++i) {
      std::string_view w = word(i);
      if (modal_class(w) != Modal::None) modal_words_.push_back(i);
      if (inside_unit(i)) continue;
      if (is_clause_mark(w)) clause_marks_.push_back(i);
      if (is_clause_mark(w) || w == ".") clause_ends_.push_back(i);
      if (opens_adjunct(w)) adjunct_openers_.push_back(i);
      if (w == ",") commas_.push_back(i);
    }
  }

  // The index of the first unit that starts at or after token tok.
  size_t first_unit_from(uint32_t tok) const {
    return static_cast<size_t>(
        std::lower_bound(units_.begin(), units_.end(), tok, [](const Unit& u, uint32_t t) { return u.first < t; }) -
        units_.begin());
  }

  // The indices of the units whose last token is in [lo, hi] (by last
  // token, then index).
  std::pair<const uint32_t*, const uint32_t*> units_ending_in(uint32_t lo, uint32_t hi) const {
    auto by = [&](uint32_t k, uint32_t t) { return units_[k].last < t; };
    auto b = std::lower_bound(by_last_.begin(), by_last_.end(), lo, by);
    auto e = std::lower_bound(b, by_last_.end(), hi + 1, by);
    return {by_last_.data() + (b - by_last_.begin()), by_last_.data() + (e - by_last_.begin())};
  }

  // A unit followed by role words and then a person's name ("Ukrainian
  // President Volodymyr Zelenskiy", "Kremlin spokesman Dmitry Peskov",
  // "Russia's President Putin") modifies that name: the person takes part,
  // the country or body is only an affiliation.
  void mark_modifiers() {
    const auto& gaz = actors::lexicon();
    for (size_t i = 0; i + 1 < units_.size(); ++i) {
      Unit& u = units_[i];
      const Unit& v = units_[i + 1];
      if (v.first < u.last || v.actor == u.actor) continue;
      if (in_.actors.actors[v.actor].type != ActorType::Person) continue;
      uint32_t gap = v.first - u.last;
      if (gap == 0 || gap > 4 || at_.tokens[v.first].has(kSentStart)) continue;
      // Only role words between, after an optional "'s"; at least one.
      bool roles = true, any_role = false;
      for (uint32_t k = u.last; k < v.first && roles; ++k) {
        const Token& tok = at_.tokens[k];
        if (k == u.last && tok.has(kPossessive)) continue;
        if (tok.has(kSentStart) || !tok.has(kAlpha)) {
          roles = false;
        } else {
          std::string f = text::fold(word(k));
          roles = any_role = gaz.role_words.count(f) != 0 || gaz.titles.count(f) != 0;
        }
      }
      u.modifier = roles && any_role;
    }
  }

  // "Russian" before "forces" stands for Russia when the article names Russia.
  void add_demonyms() {
    const auto& gaz = actors::lexicon();
    std::unordered_map<std::string, uint32_t> by_name;
    for (uint32_t i = 0; i < in_.actors.actors.size(); ++i) {
      const LocalActor& a = in_.actors.actors[i];
      if (a.type != ActorType::Gpe) continue;
      by_name.emplace(text::fold(a.name), i);
      for (const auto& al : a.aliases) by_name.emplace(text::fold(al), i);
    }
    if (by_name.empty()) return;
    std::vector<char> covered(at_.tokens.size(), 0);
    for (const Unit& u : units_) std::fill(covered.begin() + u.first, covered.begin() + u.last, 1);
    for (uint32_t i = 0; i < at_.tokens.size(); ++i) {
      if (covered[i] || !at_.tokens[i].has(kUpperInit)) continue;
      auto it = gaz.phrases.find(text::fold(word(i)));
      if (it == gaz.phrases.end()) continue;
      const actors::GazEntry& e = gaz.entries[it->second];
      if (e.kind != actors::GazKind::Demonym) continue;
      auto a = by_name.find(text::fold(e.country));
      if (a != by_name.end()) units_.push_back({i, i + 1, a->second});
    }
  }

  // --- triggers ------------------------------------------------------------

  std::string_view lemma_at(uint32_t i, char (&low)[48], char (&buf)[48]) const {
    std::string_view w = word(i);
    if (w.empty() || w.size() >= sizeof low) return {};
    for (size_t k = 0; k < w.size(); ++k) low[k] = (w[k] >= 'A' && w[k] <= 'Z') ? char(w[k] - 'A' + 'a') : w[k];
    return lex_.lemma(std::string_view(low, w.size()), buf);
  }

  // Tries the phrases that start at token i; returns the end token of the
  // match (0 when none) and its phrase.
  uint32_t match_at(uint32_t i, uint32_t end, const events::TriggerPhrase*& hit) const {
    char low[48], buf[48];
    std::string_view l0 = lemma_at(i, low, buf);
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
          char l2[48], b2[48];
          if (lemma_at(j, l2, b2) == p.lemmas[k]) {
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

  std::vector<Trigger> triggers(const Sentence& s) const {
    std::vector<Trigger> out;
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (!at_.tokens[i].has(kAlpha)) continue;
      if (inside_unit(i) && at_.tokens[i].has(kUpperInit)) continue;  // a name: "Ban Ki-moon", "Desert Storm"
      const events::TriggerPhrase* p = nullptr;
      uint32_t e = match_at(i, s.last_token, p);
      if (!e) {
        // "called the strike an escalatory step": a verb of characterising
        // with a hostile predicate.
        if (in_.analysis)
          if (uint8_t code = events::characterising_code(at_, *in_.analysis, at_.tokens[i].sentence, i))
            out.push_back({i, i + 1, code, false, {}});
        continue;
      }
      if (p->code) out.push_back({i, e, p->code, p->weak, p->lemmas[0]});
      if (p->lemmas.size() > 1) i = e - 1;
    }
    return out;
  }

  // --- clause and participants ---------------------------------------------

  struct Clause {
    uint32_t left = 0, right = 0;  // tokens [left, right)
    bool relative = false;         // opened by ", who" / ", which"
    uint32_t mark = 0;             // the opening mark when relative
  };

  Clause clause_of(const Sentence& s, const Trigger& t) const {
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

  // Inside a name or a time expression, a comma marks no clause ("March 3, 2021").
  bool inside_unit(uint32_t tok) const { return tok < shielded_.size() && shielded_[tok]; }

  const Unit* unit_ending_before(uint32_t tok, uint32_t lo) const {
    const Unit* best = nullptr;
    for (size_t k = first_unit_from(lo); k < units_.size() && units_[k].first < tok; ++k) {
      const Unit& u = units_[k];
      if (u.last <= tok && (!best || u.last > best->last)) best = &u;
    }
    return best;
  }

  // Where a unit's noun phrase starts: at its modifier, if it has one
  // ("Russian President Vladimir Putin").
  uint32_t phrase_start(const Unit& u) const {
    size_t k = static_cast<size_t>(&u - units_.data());
    if (k > 0 && k < units_.size() && units_[k - 1].modifier && units_[k - 1].last <= u.first)
      return units_[k - 1].first;
    return u.first;
  }

  // Whether a preposition governs the unit: "in Syria", "against the US",
  // and "Yemen" in "in Syria and Yemen"; not "of" after the people acting
  // for it ("the leaders of Valdoria", "foreign ministers of X and Y").
  bool governed_by_preposition(const Unit& u, uint32_t lo) const {
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

  bool is_person(const Unit& u) const { return in_.actors.actors[u.actor].type == ActorType::Person; }

  // The last person (for "his/her") or group (for "its/their") named before tok.
  // (Reading the units in order up to the first that ends after tok.)
  const Unit* antecedent(uint32_t tok, bool person) const {
    size_t stop = static_cast<size_t>(std::upper_bound(reach_.begin(), reach_.end(), tok) - reach_.begin());
    if (stop == 0) return nullptr;
    int32_t k = (person ? last_person_ : last_group_)[stop - 1];
    return k < 0 ? nullptr : &units_[static_cast<size_t>(k)];
  }

  // The subject of the clause [lo, hi): an actor that opens it, with only
  // articles, names, role words or a date before it ("the Kremlin", "US
  // President Donald Trump"), when of the wanted kind (a person or not).
  const Unit* subject_in(uint32_t lo, uint32_t hi, std::optional<bool> person) const {
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
  const Unit* pronoun_antecedent(const Sentence& s, uint32_t tok, bool person) const {
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
  const Unit* possessor(const Sentence& s, const Trigger& t) const {
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
  const Unit* owner_at(uint32_t i, uint32_t lo) const {
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

  static void add(LocalEvent& e, uint32_t actor, ParticipantRole r) {
    for (const Participant& p : e.participants)
      if (p.actor == actor) return;
    e.participants.push_back({actor, r});
  }

  void add_coordinated(LocalEvent& e, const Unit& u, uint32_t lo, ParticipantRole r) const {
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

  bool is_noun_use(const Trigger& t, const Sentence& s) const {
    if (t.first == s.first_token) return false;
    std::string_view prev = word(t.first - 1);
    return is_one_of(prev, {"a", "an", "the", "his", "her", "its", "their", "'s", "'", "this", "that", "any",
                            "further", "new", "possible", "more", "repeated", "recent"}) ||
           at_.tokens[t.first - 1].has(kPossessive) || at_.tokens[t.first - 1].has(kDigit);
  }

  bool is_passive(const Trigger& t, const Sentence& s) const {
    for (uint32_t i = t.first, k = 0; i-- > s.first_token && k < 3; ++k)
      if (is_be(word(i))) return true;
    return false;
  }

  // Where the trigger's participants end on the right: the clause's end, or
  // an adjunct opened before it ("spoke with X after his call with Y",
  // "met X during a visit to Y"): what it names belongs to another event.
  uint32_t participants_end(const Trigger& t, const Clause& c) const {
    return std::min(c.right, first_from(adjunct_openers_, t.last));
  }

  // Where the trigger's participants start on the left: the clause's start,
  // or just after the opener of the adjunct the trigger stands in ("met Xi
  // during talks with Modi": not Xi's talks).
  uint32_t participants_start(const Trigger& t, const Clause& c) const {
    int64_t i = last_below(adjunct_openers_, t.first);
    return i >= c.left ? static_cast<uint32_t>(i) + 1 : c.left;
  }

  // Where the sentence's main clause starts: after the comma closing a
  // leading adjunct ("After Russia attacked Kyiv, NATO met ..."), when tok
  // lies past it; else the sentence's first token.
  uint32_t main_clause_start(const Sentence& s, uint32_t tok) const {
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
  bool is_core_complement(const Unit& u, const Trigger& t, bool noun) const {
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
  void participants(LocalEvent& e, const Sentence& s, const Trigger& t, const Clause& clause, bool noun,
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
  const Unit* unit_at(uint32_t k) const {
    size_t j = first_unit_from(k + 1);
    for (size_t n = 0; j-- > 0 && n < 8; ++n) {
      const Unit& u = units_[j];
      if (u.first <= k && k < u.last && !u.modifier) return &u;
    }
    return nullptr;
  }

  // The participants the tree gives (events/syntax.hpp); false when it
  // names no actor as source or target.
  bool tree_participants(LocalEvent& e, const events::TreeReading& r, const Sentence& s, const Trigger& t) const {
    bool named = false;
    for (const events::TreeArg& a : r.args) {
      if (a.modifier && t.weak) continue;  // "the Ukraine conflict": a situation, no act of Ukraine's
      const Unit* u = nullptr;
      for (uint32_t k : a.tokens)
        if ((u = unit_at(k))) break;
      if (!u && a.pronoun) u = pronoun_antecedent(s, a.tokens[0], a.pronoun == 1);
      if (!u) continue;
      add(e, u->actor, a.role);
      named = true;
    }
    return named;
  }

  // "X and Y met", "X and Y will hold talks": a cooperative act between
  // coordinated subjects and nobody else is dyadic, as CAMEO codes it: the
  // first named is the source, the others its targets.
  static void pair_coordinated_sources(LocalEvent& e) {
    if (has_role(e, ParticipantRole::Target)) return;
    bool first = true;
    for (Participant& p : e.participants) {
      if (p.role != ParticipantRole::Source) continue;
      if (!first) p.role = ParticipantRole::Target;
      first = false;
    }
  }

  static bool has_role(const LocalEvent& e, ParticipantRole r) {
    return std::any_of(e.participants.begin(), e.participants.end(), [&](const Participant& p) { return p.role == r; });
  }

  // The source and target that `from` has and `to` lacks; not a target
  // that is the object of a preposition of place ("met in Lima").
  void fill_missing_roles(LocalEvent& to, const LocalEvent& from, const Sentence& s) const {
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
  void add_others(LocalEvent& e, const Trigger& t, const Clause& c, uint32_t right) const {
    for (size_t k = first_unit_from(c.left); k < units_.size() && units_[k].first < right; ++k) {
      const Unit& u = units_[k];
      if (!u.modifier && u.last <= right && (u.last <= t.first || u.first >= t.last)) add(e, u.actor, ParticipantRole::Other);
    }
  }

  // --- date and modality -----------------------------------------------------

  const Timex* governing_timex(const Trigger& t, const Clause& c, uint32_t para) const {
    uint32_t best = UINT32_MAX, best_d = ~0u;
    timexes_.each_starting_in(c.left, c.right, [&](uint32_t i) {
      const Timex& x = in_.timexes[i];
      if (x.paragraph != para && x.first_token >= at_.tokens.size()) return;
      if (x.type != TimexType::Date && x.type != TimexType::Time) return;
      if (x.last_token > c.right) return;
      uint32_t d = x.last_token <= t.first ? t.first - x.last_token : x.first_token - std::min(x.first_token, t.last);
      if (d < best_d || (d == best_d && i < best)) {
        best_d = d;
        best = i;
      }
    });
    return best == UINT32_MAX ? nullptr : &in_.timexes[best];
  }

  // Without a date in its own clause, a clause takes the date that opens its
  // sentence ("On Thursday, ...", "18 August 2018, Meseberg: ...") or the one
  // that a ", when" clause hangs on ("since 2014, when a coup ...").
  const Timex* inherited_timex(const Sentence& s, const Clause& c) const {
    auto fits = [&](const Timex& x) {
      if (x.type != TimexType::Date && x.type != TimexType::Time) return false;
      if (x.first_token < s.first_token || x.last_token > s.last_token) return false;
      uint32_t f = x.first_token;
      if (f > s.first_token && is_one_of(word(f - 1), {"on", "in", "at", "since", "by"})) --f;
      if (f == s.first_token && x.last_token < s.last_token && is_one_of(word(x.last_token), {",", ":"})) return true;
      return c.left >= 2 && is_one_of(word(c.left - 1), {"when"}) && word(c.left - 2) == "," &&
             x.last_token == c.left - 2;
    };
    // Only those that open the sentence (after a preposition) or end at the
    // ", when" can fit; of them, the first.
    uint32_t best = UINT32_MAX;
    auto consider = [&](uint32_t i) {
      if (i < best && fits(in_.timexes[i])) best = i;
    };
    timexes_.each_starting_in(s.first_token, s.first_token + 1, consider);
    if (c.left >= 2) {
      uint32_t end = c.left - 2;
      timexes_.each_starting_in(end - std::min(end, timexes_.longest()), end, consider);
    }
    return best == UINT32_MAX ? nullptr : &in_.timexes[best];
  }

  void set_date(LocalEvent& e, const Timex* x) const {
    if (x) {
      e.date = x->value;
    } else {
      e.date_from_publication = true;
      if (in_.dct) e.date = format_date(*in_.dct);
    }
  }

  std::string modality(const Trigger& t, const Clause& c, const Sentence& s) const {
    for (int64_t k = last_below(modal_words_, t.first); k >= c.left; k = last_below(modal_words_, static_cast<uint32_t>(k))) {
      const uint32_t i = static_cast<uint32_t>(k), dist = t.first - i;
      switch (modal_class(word(i))) {
        case Modal::Negation:
          if (dist <= 3) return "negated";
          break;
        case Modal::Will: return "future";
        case Modal::Plan:
          if (dist <= 2) return "future";
          break;
        case Modal::Hypothetical: return "hypothetical";
        case Modal::None: break;
      }
    }
    if (c.left > s.first_token && is_one_of(word(c.left - 1), {"if", "unless"})) return "hypothetical";
    return "asserted";
  }

  // --- events ----------------------------------------------------------------

  void find_in_sentence(uint32_t si, std::vector<LocalEvent>& out) {
    const Sentence& s = at_.sentences[si];
    std::vector<Trigger> ts = triggers(s);
    for (size_t k = 0; k < ts.size(); ++k) {
      const Trigger& t = ts[k];
      uint32_t next = k + 1 < ts.size() ? ts[k + 1].first : s.last_token;
      Clause c = clause_of(s, t);
      bool noun = is_noun_use(t, s);
      LocalEvent e;
      e.type = std::string(events::cameo_name(t.code));
      e.trigger = {at_.tokens[t.first].span.start, at_.tokens[t.last - 1].span.end};
      e.sentence = s.span;
      const Timex* x = governing_timex(t, c, s.paragraph);
      if (!x) x = inherited_timex(s, c);
      std::string_view tree_modality;
      if (in_.analysis) {
        // The tree decides: no actor argument, no event (a noun tied to a
        // date or a place aside: "the 1967 war"); no question or negated
        // event either.
        const events::TreeReading r = events::read_tree(at_, *in_.analysis, si, t.first, t.last, t.lemma);
        if (r.question || r.frame_missing || r.modality == events::Modality::Negated) continue;
        if (!tree_participants(e, r, s, t)) {
          // Where the parse went astray the words may still show a whole
          // event: a subject and an object, both actors.
          LocalEvent w;
          participants(w, s, t, c, noun || r.noun, next);
          if (has_role(w, ParticipantRole::Source) && has_role(w, ParticipantRole::Target)) {
            e.participants = std::move(w.participants);
          } else {
            add_others(e, t, c, participants_end(t, c));
            // A noun tied to a date or a place ("the 1967 war"), or taken by
            // a light verb with a date ("launches were conducted in May"),
            // needs no actor.
            if (!r.noun || !(weak_attached(e, t, x) || (r.light && x))) continue;
          }
        } else {
          // A role the tree leaves empty (a parse that went astray: "Moscow's
          // February 2022 invasion" read as a compound) is read from the words.
          LocalEvent w;
          participants(w, s, t, c, noun || r.noun, next);
          fill_missing_roles(e, w, s);
        }
        add_others(e, t, c, participants_end(t, c));
        tree_modality = events::to_string(r.modality);
        if (t.code >= 3 && t.code <= 6) pair_coordinated_sources(e);
      } else {
        participants(e, s, t, c, noun, next);
      }
      if (t.weak && !weak_attached(e, t, x)) continue;
      if (!x && refers_back(e, t, out)) continue;
      set_date(e, x);
      e.modality = tree_modality.empty() ? modality(t, c, s) : std::string(tree_modality);
      found_by_type_[e.type].push_back(static_cast<uint32_t>(out.size()));
      covered_.insert(actors_key(e));  // an event covers its own participants
      out.push_back(std::move(e));
    }
  }

  // The event's type and its participants' actors, sorted, each once.
  static std::string actors_key(const LocalEvent& e) {
    std::vector<uint32_t> a;
    for (const Participant& p : e.participants) a.push_back(p.actor);
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    std::string key = e.type;
    key.push_back('|');
    for (uint32_t x : a) key.append(reinterpret_cast<const char*>(&x), sizeof x);
    return key;
  }

  // "The attack", "the strike": a definite noun with no date of its own whose
  // participants all took part in an event of the same type reported earlier
  // in the article names that event again, not a new one.
  // Each (type, actors) found covered is remembered: the same sentence
  // again does not read the events before it again.
  bool refers_back(const LocalEvent& e, const Trigger& t, const std::vector<LocalEvent>& earlier) {
    if (t.first == 0 || !is_one_of(word(t.first - 1), {"the", "this", "that"})) return false;
    auto same_type = found_by_type_.find(e.type);
    if (same_type == found_by_type_.end()) return false;
    std::string key = actors_key(e);
    if (covered_.count(key)) return true;
    for (auto it = same_type->second.rbegin(); it != same_type->second.rend(); ++it) {
      const LocalEvent& o = earlier[*it];
      bool covered = std::all_of(e.participants.begin(), e.participants.end(), [&](const Participant& p) {
        return std::any_of(o.participants.begin(), o.participants.end(),
                           [&](const Participant& q) { return q.actor == p.actor; });
      });
      if (covered) {
        covered_.insert(std::move(key));
        return true;
      }
    }
    return false;
  }

  // A weak noun ("war", "talk") counts when a date sits next to it or an
  // actor is its possessor or follows it with a preposition (as a party or
  // not: "a civil war in Libya").
  bool weak_attached(const LocalEvent& e, const Trigger& t, const Timex* x) const {
    if (x && (x->last_token + 4 >= t.first && x->last_token <= t.first)) return true;
    if (x && x->first_token >= t.last && x->first_token <= t.last + 1) return true;
    auto takes_part = [&](const Unit& u, bool as_party) {
      return std::any_of(e.participants.begin(), e.participants.end(), [&](const Participant& p) {
        return p.actor == u.actor && (!as_party || p.role != ParticipantRole::Other);
      });
    };
    // A party that ends at most three tokens before the trigger.
    auto [b, end] = units_ending_in(t.first - std::min(t.first, 3u), t.first);
    for (const uint32_t* k = b; k != end; ++k)
      if (takes_part(units_[*k], true)) return true;
    // An actor whose phrase starts at most two tokens after the trigger, a
    // preposition first: a unit that starts there, or the one after it
    // (its phrase may start at a modifier there).
    const size_t lo = first_unit_from(t.last), hi = first_unit_from(t.last + 3);
    for (size_t k = lo; k <= hi && k < units_.size(); ++k) {
      uint32_t f = phrase_start(units_[k]);
      if (f >= t.last && f <= t.last + 2 && takes_part(units_[k], false) && is_preposition(word(t.last))) return true;
    }
    return false;
  }

  uint32_t sentence_at(uint32_t pos) const {
    auto it = std::upper_bound(at_.sentences.begin(), at_.sentences.end(), pos,
                               [](uint32_t p, const Sentence& s) { return p < s.span.start; });
    if (it == at_.sentences.begin()) return 0;
    return static_cast<uint32_t>(it - at_.sentences.begin() - 1);
  }

  // A statement that came undated: the time expression of its reporting
  // clause, as for a trigger, else the publication date.
  void date_statement(LocalEvent& e, const Sentence& s, Span anchor) const {
    uint32_t f = std::max(at_.token_at(anchor.start), s.first_token);
    uint32_t l = std::min(std::max(at_.token_at(anchor.end), f + 1), s.last_token);
    if (f >= l) return set_date(e, nullptr);
    Trigger t{f, l, 1, false};
    Clause c = clause_of(s, t);
    const Timex* x = governing_timex(t, c, s.paragraph);
    if (!x) x = inherited_timex(s, c);
    set_date(e, x);
  }

  void add_statements(std::vector<LocalEvent>& out) const {
    if (at_.sentences.empty()) return;
    std::vector<LocalEvent> extra;
    std::vector<Span> cues;
    for (const LocalStatement& st : in_.statements) {
      Span anchor = st.cue ? *st.cue : st.content;
      if (anchor.start >= at_.text().size()) continue;
      const Sentence& s = at_.sentences[sentence_at(anchor.start)];
      LocalEvent e;
      uint8_t code = 1;
      // A statement typed beyond 01 (an accusation, a demand) is an act
      // only of a speaker the article names; "Western leaders deny" is a
      // statement, no event.
      if (st.cue && st.speaker) {
        uint32_t tok = at_.token_at(st.cue->start);
        char low[48], buf[48];
        if (tok < at_.tokens.size()) code = lex_.statement_code(lemma_at(tok, low, buf));
      }
      e.type = std::string(events::cameo_name(code));
      e.trigger = st.cue ? *st.cue : Span{s.span.start, std::min(s.span.end, anchor.end)};
      e.sentence = s.span;
      e.from_statement = true;
      e.date = st.date;
      e.date_from_publication = st.date_from_publication;
      if (st.date_from_publication && st.date.empty() && in_.dct) e.date = format_date(*in_.dct);
      if (st.date.empty() && !st.date_from_publication) date_statement(e, s, anchor);
      if (st.speaker) add(e, *st.speaker, ParticipantRole::Source);
      for (uint32_t m : st.mentions)
        if (m < in_.actors.actors.size()) add(e, m, ParticipantRole::Other);
      if (st.cue) cues.push_back(*st.cue);
      extra.push_back(std::move(e));
    }
    // A trigger on a reporting verb yields to the statement.
    std::sort(cues.begin(), cues.end());
    std::vector<uint32_t> reach(cues.size());  // reach[k]: the largest end of cues[0..k]
    for (size_t k = 0; k < cues.size(); ++k) reach[k] = std::max(k ? reach[k - 1] : 0u, cues[k].end);
    auto on_cue = [&](const LocalEvent& o) {  // a cue starts before the trigger ends and ends after it starts
      size_t n = static_cast<size_t>(std::lower_bound(cues.begin(), cues.end(), o.trigger.end,
                                                      [](const Span& c, uint32_t end) { return c.start < end; }) -
                                     cues.begin());
      return n > 0 && reach[n - 1] > o.trigger.start;
    };
    // A statement made with a verb the patterns type ("expressed his support
    // for X" 03, "accused X of" 11) is that act: the bare statement (01)
    // takes the pattern's type and target rather than being a second event.
    std::vector<std::pair<Span, uint32_t>> typed;  // triggers on cues, by start
    for (uint32_t i = 0; i < out.size(); ++i)
      if (on_cue(out[i]) && out[i].type.compare(0, 2, "01") != 0) typed.push_back({out[i].trigger, i});
    std::sort(typed.begin(), typed.end(), [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
    for (LocalEvent& x : extra) {
      if (x.type.compare(0, 2, "01") != 0 || !has_role(x, ParticipantRole::Source)) continue;
      auto it = std::lower_bound(typed.begin(), typed.end(), x.trigger.start,
                                 [](const auto& a, uint32_t st) { return a.first.start < st; });
      // The trigger that starts at the cue, or the one just before that covers it.
      if (it == typed.end() || it->first.start >= x.trigger.end) {
        if (it == typed.begin()) continue;
        --it;
        if (it->first.end <= x.trigger.start) continue;
      }
      const LocalEvent& o = out[it->second];
      x.type = o.type;
      x.modality = o.modality;
      for (const Participant& q : o.participants)
        if (q.role == ParticipantRole::Target) add(x, q.actor, ParticipantRole::Target);
      // The target was an `other` of the statement: now it is the target.
      for (Participant& q : x.participants)
        if (q.role == ParticipantRole::Other && has_role(o, ParticipantRole::Target) &&
            std::any_of(o.participants.begin(), o.participants.end(), [&](const Participant& op) {
              return op.actor == q.actor && op.role == ParticipantRole::Target;
            }))
          q.role = ParticipantRole::Target;
    }
    out.erase(std::remove_if(out.begin(), out.end(), on_cue), out.end());
    for (auto& e : extra) out.push_back(std::move(e));
  }
};

}  // namespace

std::vector<LocalEvent> find_events(const EventInput& in) {
  if (in.text.tokens.empty() || in.text.sentences.empty()) return {};
  return Finder(in).run();
}

}  // namespace eventloom
