// The events stage's internals (find.cpp says what it does, phase by phase):
// the Finder that find_events() runs, and the word helpers its phases
// share. Its methods live by phase: find.cpp (units and the sentence loop),
// triggers.cpp, arguments.cpp (clause and participants), merging.cpp (dates,
// repeated mentions, statements).
#pragma once

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
#include "eventloom/text.hpp"
#include "events/lexicon.hpp"
#include "events/syntax.hpp"
#include "time/timex_index.hpp"
#include "util/embedded.hpp"
#include "util/lines.hpp"

namespace eventloom::events::detail {

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
  bool alone = false;           // TriggerPhrase::alone
  bool dyadic = false;          // TriggerPhrase::dyadic
};

inline bool is_one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w.size() == s.size() && std::equal(w.begin(), w.end(), s.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
        }))
      return true;
  return false;
}

inline bool is_preposition(std::string_view w) {
  return is_one_of(w, {"in", "of", "with", "to", "for", "from", "by", "at", "on", "against", "into", "toward",
                       "towards", "over", "about", "between", "under", "near", "across", "than", "like"});
}

inline constexpr std::string_view kClauseMarks[] = {
    ";", ":", ",", "-", "--", "(", ")", "that", "who", "which", "when", "after", "before", "while", "though",
    "although", "because", "if", "unless", "whereas", "but", "since", "following", "as"};

inline bool is_clause_mark(std::string_view w) {
  for (std::string_view m : kClauseMarks)
    if (is_one_of(w, {m})) return true;
  return false;
}

// Words that open an adjunct.
inline const std::unordered_set<std::string_view>& adjunct_openers() {
  static const auto set = util::word_set("events/data/adjuncts.txt");
  return set;
}

// Words for those acting for a country or body.
inline const std::unordered_set<std::string_view>& group_nouns() {
  static const auto set = util::word_set("events/data/group_nouns.txt");
  return set;
}

// "leaders", "forces": the head of "the X of Country".
inline bool is_group_noun(std::string_view w) {
  char low[24];
  auto l = text::lower_ascii(w, low);
  return l && !l->empty() && group_nouns().count(*l) != 0;
}

inline bool opens_adjunct(std::string_view w) {
  char low[24];
  auto l = text::lower_ascii(w, low);
  return l && !l->empty() && adjunct_openers().count(*l) != 0;
}

// Prepositions whose object is the other party of an event ("spoke with X",
// "aid to X", "sanctions on X", "war against X"); the objects of the others
// ("in X", "from X", "of X") are a place, origin or part, taken as the target
// only when no direct object or party is there.
inline bool is_party_preposition(std::string_view w) {
  return is_one_of(w, {"with", "to", "against", "on", "upon", "into", "toward", "towards"});
}

// How far after the trigger (in tokens) a party preposition's object may
// start and still be preferred as the target to an actor before it: further
// on, "with X" or "to X" hangs on some later word ("a civil war in Libya and
// the rebels have much in common with the US").
inline constexpr uint32_t kCoreReach = 5;

inline bool is_be(std::string_view w) {
  return is_one_of(w, {"was", "were", "been", "being", "is", "are", "be", "got", "get"});
}

// The words modality() reads before a trigger.
enum class Modal : uint8_t { None, Negation, Will, Plan, Hypothetical };

// The words of each class, lower case.
inline constexpr std::pair<std::string_view, Modal> kModalWords[] = {
    {"not", Modal::Negation},         {"n't", Modal::Negation},       {"never", Modal::Negation},
    {"no", Modal::Negation},          {"will", Modal::Will},          {"shall", Modal::Will},
    {"'ll", Modal::Will},             {"planned", Modal::Plan},       {"plans", Modal::Plan},
    {"expected", Modal::Plan},        {"could", Modal::Hypothetical}, {"would", Modal::Hypothetical},
    {"may", Modal::Hypothetical},     {"might", Modal::Hypothetical}, {"should", Modal::Hypothetical},
    {"can", Modal::Hypothetical},     {"possible", Modal::Hypothetical}, {"considering", Modal::Hypothetical},
    {"consider", Modal::Hypothetical}, {"prospect", Modal::Hypothetical}, {"if", Modal::Hypothetical},
    {"unless", Modal::Hypothetical}};

inline Modal modal_class(std::string_view w) {
  for (const auto& [m, c] : kModalWords)
    if (is_one_of(w, {m})) return c;
  return Modal::None;
}

// What index_words() asks of a token, in one look-up of its lower-case
// form: a clause mark, a modal word, an adjunct opener (each as
// is_clause_mark(), modal_class() and opens_adjunct() say).
struct WordFlags {
  bool clause_mark = false;
  Modal modal = Modal::None;
  bool adjunct = false;
};
WordFlags word_flags(std::string_view w);

// The largest value in sorted v below `below`, or -1; the smallest at or
// after `from`, or UINT32_MAX.
inline int64_t last_below(const std::vector<uint32_t>& v, uint32_t below) {
  auto it = std::lower_bound(v.begin(), v.end(), below);
  return it == v.begin() ? -1 : static_cast<int64_t>(*std::prev(it));
}
inline uint32_t first_from(const std::vector<uint32_t>& v, uint32_t from) {
  auto it = std::lower_bound(v.begin(), v.end(), from);
  return it == v.end() ? UINT32_MAX : *it;
}

class Finder {
 public:
  explicit Finder(const EventInput& in) : in_(in), at_(in.text), lex_(Lexicon::get()), timexes_(in.timexes) {
    build_units();
    index_units();
    index_words();
    index_quotations();
    index_states();
    has_body_ = std::any_of(at_.paragraphs.begin(), at_.paragraphs.end(),
                            [](const Paragraph& p) { return p.kind == ParagraphKind::Body; });
  }

  std::vector<LocalEvent> run() {
    std::vector<LocalEvent> out;
    for (uint32_t s = 0; s < at_.sentences.size(); ++s) find_in_sentence(s, out);
    add_statements(out);
    credit_dominant_force(out);
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
  std::vector<Span> quoted_;  // index_quotations()
  bool has_body_ = false;     // the article has body paragraphs
  std::vector<int32_t> state_of_;  // index_states()
  std::vector<char> capital_;      // per actor: a capital (standing for its government)

  std::string_view word(uint32_t i) const { return at_.word(i); }

  void build_units();

  void index_units();

  void index_words();

  // The index of the first unit that starts at or after token tok.
  size_t first_unit_from(uint32_t tok) const;

  // The indices of the units whose last token is in [lo, hi] (by last
  // token, then index).
  std::pair<const uint32_t*, const uint32_t*> units_ending_in(uint32_t lo, uint32_t hi) const;

  // A unit followed by role words and then a person's name ("Ukrainian
  // President Volodymyr Zelenskiy", "Kremlin spokesman Dmitry Peskov",
  // "Russia's President Putin") modifies that name: the person takes part,
  // the country or body is only an affiliation.
  void mark_modifiers();

  // "Russian" before "forces" stands for Russia when the article names Russia.
  void add_demonyms();

  // The article's country actors by every folded name and alias.
  std::unordered_map<std::string, uint32_t> countries_by_name() const;

  // A place that stands for a state (find.cpp): for each actor, the
  // article's actor of the country a place lies in (places.txt) or is the
  // capital of, or -1 when it is no such place or the article does not name
  // that country.
  void index_states();

  // A capital as source or target is its government (CAMEO codes the state:
  // "Washington warned"); a place as the target of coercion or force ("a
  // strike on Kharkiv") is its country, an act against that state. The place
  // itself stays as the event's other participant, where it happened.
  void stand_for_states(LocalEvent& e, uint8_t code) const;

  // --- triggers ------------------------------------------------------------

  std::string_view lemma_at(uint32_t i, char (&low)[48], char (&buf)[48]) const;

  // Tries the phrases that start at token i; returns the end token of the
  // match (0 when none) and its phrase.
  uint32_t match_at(uint32_t i, uint32_t end, const events::TriggerPhrase*& hit) const;

  // The lemma of token i of the sentence triggers() reads, as a phrase
  // could match it: a word of the lexicon, else empty (no phrase word).
  // Each token's lemma is found once, not once per phrase that tries it.
  std::string_view phrase_lemma(uint32_t i) const;

  std::vector<Trigger> triggers(const Sentence& s) const;
  mutable uint32_t lemma_first_ = 0;                 // the sentence's first token
  mutable std::vector<std::string_view> lemmas_;     // its tokens' phrase_lemma(), once found
  mutable std::vector<char> lemma_done_;

  // --- clause and participants ---------------------------------------------

  struct Clause {
    uint32_t left = 0, right = 0;  // tokens [left, right)
    bool relative = false;         // opened by ", who" / ", which"
    uint32_t mark = 0;             // the opening mark when relative
  };

  Clause clause_of(const Sentence& s, const Trigger& t) const;

  // Inside a name or a time expression, a comma marks no clause ("March 3, 2021").
  bool inside_unit(uint32_t tok) const { return tok < shielded_.size() && shielded_[tok]; }

  const Unit* unit_ending_before(uint32_t tok, uint32_t lo) const;

  // Where a unit's noun phrase starts: at its modifier, if it has one
  // ("Russian President Vladimir Putin").
  uint32_t phrase_start(const Unit& u) const;

  // Whether a preposition governs the unit: "in Syria", "against the US",
  // and "Yemen" in "in Syria and Yemen"; not "of" after the people acting
  // for it ("the leaders of Valdoria", "foreign ministers of X and Y").
  bool governed_by_preposition(const Unit& u, uint32_t lo) const;

  bool is_person(const Unit& u) const { return in_.actors.actors[u.actor].type == ActorType::Person; }

  // The last person (for "his/her") or group (for "its/their") named before tok.
  // (Reading the units in order up to the first that ends after tok.)
  const Unit* antecedent(uint32_t tok, bool person) const;

  // The subject of the clause [lo, hi): an actor that opens it, with only
  // articles, names, role words or a date before it ("the Kremlin", "US
  // President Donald Trump"), when of the wanted kind (a person or not).
  const Unit* subject_in(uint32_t lo, uint32_t hi, std::optional<bool> person) const;

  // A possessive pronoun inside an adjunct refers to the adjunct's own
  // subject, else to the subject of the main clause it hangs on ("Trump
  // spoke with Zelenskiy after his call with Putin": Trump's call; "After his
  // call with Putin, Trump spoke ..."); elsewhere, and when neither fits, to
  // the last fitting actor named before it.
  const Unit* pronoun_antecedent(const Sentence& s, uint32_t tok, bool person) const;

  // A possessor right before a noun trigger: "Moscow's February 2022 invasion",
  // "his phone call", "Russian strike".
  const Unit* possessor(const Sentence& s, const Trigger& t) const;

  // The first unit, not a modifier, that ends with token i (a demonym or a
  // name as modifier, starting at lo or later) or just before it when i is
  // a possessive "'s".
  const Unit* owner_at(uint32_t i, uint32_t lo) const;

  static void add(LocalEvent& e, uint32_t actor, ParticipantRole r);
  // As add(), and an actor that is only `other` takes role r.
  static void add_role(LocalEvent& e, uint32_t actor, ParticipantRole r);

  void add_coordinated(LocalEvent& e, const Unit& u, uint32_t lo, ParticipantRole r) const;

  bool is_noun_use(const Trigger& t, const Sentence& s) const;

  bool is_passive(const Trigger& t, const Sentence& s) const;

  // Where the trigger's participants end on the right: the clause's end, or
  // an adjunct opened before it ("spoke with X after his call with Y",
  // "met X during a visit to Y"): what it names belongs to another event.
  uint32_t participants_end(const Trigger& t, const Clause& c) const;

  // Where the trigger's participants start on the left: the clause's start,
  // or just after the opener of the adjunct the trigger stands in ("met Xi
  // during talks with Modi": not Xi's talks).
  uint32_t participants_start(const Trigger& t, const Clause& c) const;

  // Where the sentence's main clause starts: after the comma closing a
  // leading adjunct ("After Russia attacked Kyiv, NATO met ..."), when tok
  // lies past it; else the sentence's first token.
  uint32_t main_clause_start(const Sentence& s, uint32_t tok) const;

  // Whether a unit after the trigger is the event's other party: the object
  // of the verb ("attacked X", "met Ukraine's president") or of a party
  // preposition ("spoke with X", "aid to the X") is; the object of another
  // preposition ("a district of X", "troops in X"), of another word ("its
  // bid to join X") or an actor after another ("X and Y") is not. Only
  // articles, role words and names may stand between.
  bool is_core_complement(const Unit& u, const Trigger& t, bool noun) const;

  // `next` is where the sentence's next trigger starts: a party after it
  // belongs to that event ("a coup led to a conflict in X").
  void participants(LocalEvent& e, const Sentence& s, const Trigger& t, const Clause& clause, bool noun,
                    uint32_t next) const;

  // The unit, not a modifier, that covers token k.
  const Unit* unit_at(uint32_t k) const;

  // "The diplomat", "the minister" (data/role_nouns.txt) at token tok,
  // definite: the nearest person named before whose role fits; else null.
  const Unit* role_antecedent(const Sentence& s, uint32_t tok) const;

  // "The country", "the government" (data/state_nouns.txt) at token tok,
  // after "the": the last state (GPE) named before it; else null.
  const Unit* state_antecedent(const Sentence& s, uint32_t tok) const;

  // The participants the tree gives (events/syntax.hpp); false when it
  // names no actor as source or target.
  // A demonstrative ("condemned this") names the doer of the act reported
  // last in `earlier`, in this sentence or the one before.
  bool tree_participants(LocalEvent& e, const events::TreeReading& r, const Sentence& s, const Trigger& t,
                         const std::vector<LocalEvent>& earlier) const;

  // The source of the last asserted act (not a bare statement) reported
  // before trigger t, in sentence s or the one before; else null.
  std::optional<uint32_t> doer_of_last_act(const std::vector<LocalEvent>& earlier, const Sentence& s,
                                           const Trigger& t) const;

  // "X and Y met", "X and Y will hold talks": a cooperative act between
  // coordinated subjects and nobody else is dyadic, as CAMEO codes it: the
  // first named is the source, the others its targets.
  static void pair_coordinated_sources(LocalEvent& e);

  static bool has_role(const LocalEvent& e, ParticipantRole r);

  // The source and target that `from` has and `to` lacks; not a target
  // that is the object of a preposition of place ("met in Lima").
  void fill_missing_roles(LocalEvent& to, const LocalEvent& from, const Sentence& s) const;

  // Every other actor of the clause, up to `right`, is `other`.
  void add_others(LocalEvent& e, const Trigger& t, const Clause& c, uint32_t right) const;

  // --- date and modality -----------------------------------------------------

  const Timex* governing_timex(const Trigger& t, const Clause& c, uint32_t para) const;

  // Without a date in its own clause, a clause takes the date that opens its
  // sentence ("On Thursday, ...", "18 August 2018, Meseberg: ...") or the one
  // that a ", when" clause hangs on ("since 2014, when a coup ...").
  const Timex* inherited_timex(const Sentence& s, const Clause& c) const;

  void set_date(LocalEvent& e, const Timex* x) const;

  // A date coordinated right after x in sentence s ("in October 2023 and
  // June 2024"): the same act on another date; else null.
  const Timex* coordinated_date(const Timex& x, const Sentence& s) const;

  std::string modality(const Trigger& t, const Clause& c, const Sentence& s) const;

  // --- events ----------------------------------------------------------------

  bool has_unit_in(const Sentence& s) const;  // an actor is named in s
  bool question_mark_after(uint32_t tok, const Sentence& s) const;  // a "?" at or after tok in s
  void index_quotations();
  bool in_quotation(uint32_t pos) const;  // inside a quotation of five words or more
  void find_in_sentence(uint32_t si, std::vector<LocalEvent>& out);

  // The event's type and its participants' actors, sorted, each once.
  static std::string actors_key(const LocalEvent& e);

  // "The attack", "the strike": a definite noun with no date of its own whose
  // participants all took part in an event of the same type reported earlier
  // in the article names that event again, not a new one.
  // Each (type, actors) found covered is remembered: the same sentence
  // again does not read the events before it again.
  bool refers_back(const LocalEvent& e, const Trigger& t, const std::vector<LocalEvent>& earlier);

  // A weak noun ("war", "talk") counts when a date sits next to it or an
  // actor is its possessor or follows it with a preposition (as a party or
  // not: "a civil war in Libya").
  bool weak_attached(const LocalEvent& e, const Trigger& t, const Timex* x) const;

  uint32_t sentence_at(uint32_t pos) const;

  // A statement that came undated: the time expression of its reporting
  // clause, as for a trigger, else the publication date.
  void date_statement(LocalEvent& e, const Sentence& s, Span anchor) const;

  bool says_must(Span content) const;  // a statement's words say what must be done
  void add_statements(std::vector<LocalEvent>& out) const;

  // --- what a statement reports (reported.cpp) ------------------------------

  // Whether actor a is the speaker or acts for the speaker's side (one of
  // the speaker's affiliations, or an actor the speaker is affiliated to).
  bool same_side(uint32_t speaker, uint32_t a) const;
  // Or the speaker is an official (data/official_roles.txt) the article ties
  // to no side, and a is a state: the state the official may speak for.
  bool may_speak_for(uint32_t speaker, uint32_t a) const;

  // A show of force (15 EXHIBIT FORCE POSTURE) that names nobody ("test
  // launches were conducted in May") is credited to the article's dominant
  // user of force: the state or body (not a person) that is the source of
  // at least two asserted acts of force (15-20) in the article, more than
  // any other.
  void credit_dominant_force(std::vector<LocalEvent>& out) const;

  // A statement typed by its verb, read with what it reports (its content
  // span within its sentence) and the events found there (`inside`, sorted by start):
  // a hypothetical or future act of force by the speaker's side is a threat
  // aimed at that act's target ("suggested Russia could station missiles
  // near X"); "warned that X's policy is ..." with nothing to come is a
  // criticism (11); a criticism, rejection or threat with no object of its
  // own is aimed at what the content reports: the target of its act, else
  // the first actor it names outside the speaker's side.
  void read_content(LocalEvent& x, const LocalStatement& st, Span content,
                    const std::vector<const LocalEvent*>& inside) const;
};

}  // namespace eventloom::events::detail
