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
//    With the dependency parse (EventInput::analysis), the tree decides
//    instead (syntax.hpp): source and target are the trigger's arguments;
//    a trigger with no actor argument is no event (a noun tied to a date or
//    place aside: "the 1967 war"), unless the words show both a subject and
//    an object; a role the tree leaves empty is filled from the words above.
//    Negated triggers and questions are no events; the tree gives the
//    modality. Verbs of characterising with a hostile predicate ("called the
//    strike an escalatory step") are triggers too (data/syntax.txt).
// 4. Date: the nearest DATE/TIME expression in the clause, else the
//    publication date marked as such. Modality from the words before the
//    trigger in its clause: will -> future, could/would/may/if -> hypothetical,
//    not/never -> negated.
// 4b. Repeated mentions: a noun after "the/this/that" with no date in its
//    clause, whose participants all belong to an earlier event of the same
//    type in the article ("Russia attacked Dnipro ... The attack killed two"),
//    is that event again and yields none.
// 5. Statements become events too (01, or 02/03/10/11/12/13 by the reporting
//    verb, when the speaker is named), and a trigger on a statement's
//    reporting verb yields to it, giving a bare 01 statement its type and
//    target ("expressed support for X": 03).
// Invariant: every returned span lies in the normalised text; the output
// depends on the input only (no shared mutable state). The work per trigger
// depends on its sentence, not on the article: the actors, dates, clause
// marks and earlier events it reads are looked up in indexes built once
// (an article of one sentence repeated 100,000 times stays linear).
#include "events/finder.hpp"

namespace eventloom {
namespace events::detail {

void Finder::build_units() {
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

void Finder::index_units() {
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

// Quotations of more than four words (a shorter one is a label: "bluff"),
// outermost, sorted by start.
void Finder::index_quotations() {
  for (const Quotation& q : at_.quotes) {
    if (q.depth != 0 || q.inner.empty()) continue;
    uint32_t f = at_.token_at(q.inner.start), l = at_.token_at(q.inner.end);
    uint32_t words = 0;
    for (uint32_t k = f; k < l && k < at_.tokens.size() && words < 5; ++k) words += at_.tokens[k].has(kAlpha);
    if (words >= 5) quoted_.push_back(q.inner);
  }
  std::sort(quoted_.begin(), quoted_.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
}

WordFlags word_flags(std::string_view w) {
  static const auto table = [] {
    std::unordered_map<std::string_view, WordFlags, util::WordHash> t;
    for (std::string_view m : kClauseMarks) t[m].clause_mark = true;
    for (const auto& [m, c] : kModalWords) t[m].modal = c;
    for (std::string_view a : adjunct_openers()) t[a].adjunct = true;
    return t;
  }();
  char low[24];  // longer than every word of the table, as opens_adjunct() reads
  auto l = text::lower_ascii(w, low);
  if (!l || l->empty()) return {};
  auto it = table.find(*l);
  return it == table.end() ? WordFlags{} : it->second;
}

void Finder::index_words() {
  for (uint32_t i = 0; i < at_.tokens.size(); ++i) {
    std::string_view w = word(i);
    const WordFlags f = word_flags(w);
    if (f.modal != Modal::None) modal_words_.push_back(i);
    if (inside_unit(i)) continue;
    if (f.clause_mark) clause_marks_.push_back(i);
    if (f.clause_mark || w == ".") clause_ends_.push_back(i);
    if (f.adjunct) adjunct_openers_.push_back(i);
    if (w == ",") commas_.push_back(i);
  }
}

// The index of the first unit that starts at or after token tok.
size_t Finder::first_unit_from(uint32_t tok) const {
  return static_cast<size_t>(
      std::lower_bound(units_.begin(), units_.end(), tok, [](const Unit& u, uint32_t t) { return u.first < t; }) -
      units_.begin());
}

// The indices of the units whose last token is in [lo, hi] (by last
// token, then index).
std::pair<const uint32_t*, const uint32_t*> Finder::units_ending_in(uint32_t lo, uint32_t hi) const {
  auto by = [&](uint32_t k, uint32_t t) { return units_[k].last < t; };
  auto b = std::lower_bound(by_last_.begin(), by_last_.end(), lo, by);
  auto e = std::lower_bound(b, by_last_.end(), hi + 1, by);
  return {by_last_.data() + (b - by_last_.begin()), by_last_.data() + (e - by_last_.begin())};
}

// A unit followed by role words and then a person's name ("Ukrainian
// President Volodymyr Zelenskiy", "Kremlin spokesman Dmitry Peskov",
// "Russia's President Putin") modifies that name: the person takes part,
// the country or body is only an affiliation.
void Finder::mark_modifiers() {
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
std::unordered_map<std::string, uint32_t> Finder::countries_by_name() const {
  std::unordered_map<std::string, uint32_t> by_name;
  for (uint32_t i = 0; i < in_.actors.actors.size(); ++i) {
    const LocalActor& a = in_.actors.actors[i];
    if (a.type != ActorType::Gpe) continue;
    by_name.emplace(text::fold(a.name), i);
    for (const auto& al : a.aliases) by_name.emplace(text::fold(al), i);
  }
  return by_name;
}

void Finder::add_demonyms() {
  const auto& gaz = actors::lexicon();
  const std::unordered_map<std::string, uint32_t> by_name = countries_by_name();
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

void Finder::index_states() {
  const auto& gaz = actors::lexicon();
  const size_t n = in_.actors.actors.size();
  state_of_.assign(n, -1);
  capital_.assign(n, 0);
  std::unordered_map<std::string, uint32_t> by_name;
  for (size_t i = 0; i < n; ++i) {
    const LocalActor& a = in_.actors.actors[i];
    if (a.type != ActorType::Loc) continue;
    const std::string key = actors::phrase_key(a.name);
    std::string_view country;
    auto g = gaz.phrases.find(key);
    if (g != gaz.phrases.end() && gaz.entries[g->second].kind == actors::GazKind::Capital) {
      country = gaz.entries[g->second].country;
      capital_[i] = 1;
    } else if (auto p = gaz.place_country.find(key); p != gaz.place_country.end()) {
      country = p->second;
    }
    if (country.empty()) continue;
    if (by_name.empty()) by_name = countries_by_name();
    auto c = by_name.find(text::fold(country));
    if (c != by_name.end()) state_of_[i] = static_cast<int32_t>(c->second);
  }
}

void Finder::stand_for_states(LocalEvent& e, uint8_t code) const {
  const bool force = code >= 17 && code <= 20;  // COERCE, ASSAULT, FIGHT, MASS VIOLENCE
  for (size_t k = 0; k < e.participants.size(); ++k) {
    const Participant p = e.participants[k];
    if (p.role == ParticipantRole::Other || p.actor >= state_of_.size() || state_of_[p.actor] < 0) continue;
    if (!capital_[p.actor] && !(force && p.role == ParticipantRole::Target)) continue;
    const uint32_t state = static_cast<uint32_t>(state_of_[p.actor]);
    auto have = std::find_if(e.participants.begin(), e.participants.end(),
                             [&](const Participant& q) { return q.actor == state; });
    // "Ukraine shelled Donetsk": a state does not act against itself; the place stays.
    if (have != e.participants.end() && have->role != ParticipantRole::Other && have->role != p.role) continue;
    e.participants[k].role = ParticipantRole::Other;
    if (have == e.participants.end()) e.participants.push_back({state, p.role});
    else have->role = p.role;
  }
}

// --- events ----------------------------------------------------------------

bool Finder::in_quotation(uint32_t pos) const {
  auto it = std::upper_bound(quoted_.begin(), quoted_.end(), pos,
                             [](uint32_t p, const Span& q) { return p < q.start; });
  return it != quoted_.begin() && std::prev(it)->end > pos;
}

bool Finder::has_unit_in(const Sentence& s) const {
  size_t k = first_unit_from(s.first_token);
  return k < units_.size() && units_[k].first < s.last_token;
}

void Finder::find_in_sentence(uint32_t si, std::vector<LocalEvent>& out) {
  const Sentence& s = at_.sentences[si];
  // A headline, or a photo caption without a date of its own, repeats what
  // the body reports: the body's sentences give the events. A dated caption
  // ("18 August 2018: X arrives at ...") reports its own.
  bool caption = false;
  if (has_body_ && s.paragraph < at_.paragraphs.size()) {
    const ParagraphKind k = at_.paragraphs[s.paragraph].kind;
    if (k == ParagraphKind::Title) return;
    caption = k == ParagraphKind::Caption;
  }
  std::vector<Trigger> ts = triggers(s);
  for (size_t k = 0; k < ts.size(); ++k) {
    const Trigger& t = ts[k];
    uint32_t next = k + 1 < ts.size() ? ts[k + 1].first : s.last_token;
    Clause c = clause_of(s, t);
    bool noun = is_noun_use(t, s);
    // Inside a quotation the trigger is the speaker's word, reported by the
    // statement, not an event of the story ("It looks as if they want to
    // surrender Ukraine," she said); a short quoted label is no quotation.
    if (in_quotation(at_.tokens[t.first].span.start)) continue;
    LocalEvent e;
    e.type = std::string(events::cameo_name(t.code));
    e.trigger = {at_.tokens[t.first].span.start, at_.tokens[t.last - 1].span.end};
    e.sentence = s.span;
    const Timex* x = governing_timex(t, c, s.paragraph);
    if (!x) x = inherited_timex(s, c);
    if (caption && !x) continue;
    std::string_view tree_modality;
    // What the words show, first: where they show no actor near the trigger
    // and no date, the tree could save no event, and the sentence is not
    // parsed for it (most sentences of business news).
    // A bare public statement (01: "announced", "declared") is read from
    // the words alone: the statements stage reads its speaker.
    bool use_tree = in_.analysis && t.code != 1;
    LocalEvent w;
    if (use_tree && has_unit_in(s)) participants(w, s, t, c, noun, next);
    if (use_tree && !x && !has_role(w, ParticipantRole::Source) && !has_role(w, ParticipantRole::Target)) {
      if (!t.alone) continue;
      use_tree = false;  // "the talks went well": a noun that names an event alone
    }
    if (use_tree && t.weak && !weak_attached(w, t, x)) continue;
    // A question ("?" after the trigger) is no event whatever the tree.
    if (use_tree && question_mark_after(t.last, s)) continue;
    if (use_tree) {
      // The tree decides: no actor argument, no event (a noun tied to a
      // date or a place aside: "the 1967 war"); no question or negated
      // event either.
      const events::TreeReading r = events::read_tree(at_, *in_.analysis, si, t.first, t.last, t.lemma);
      if (r.question || r.frame_missing || r.attributive || r.modality == events::Modality::Negated) continue;
      const bool named = tree_participants(e, r, s, t, out);
      // "X wants Y to ...": a demand only between two actors the parse names.
      if (t.dyadic && (!has_role(e, ParticipantRole::Source) || !has_role(e, ParticipantRole::Target))) continue;
      if (!named) {
        // Where the parse went astray the words may still show a whole
        // event: a subject and an object, both actors, or a noun's possessor.
        if (r.noun && !noun) w = LocalEvent{}, participants(w, s, t, c, true, next);
        // "Moscow's February 2022 invasion": a dated noun with a possessor.
        const bool owned = (noun || r.noun) && x && possessor(s, t) != nullptr;
        if ((has_role(w, ParticipantRole::Source) && has_role(w, ParticipantRole::Target)) || owned) {
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
        if (r.noun && !noun) w = LocalEvent{}, participants(w, s, t, c, true, next);
        fill_missing_roles(e, w, s);
      }
      add_others(e, t, c, participants_end(t, c));
      tree_modality = events::to_string(r.modality);
      if (t.code >= 3 && t.code <= 6) pair_coordinated_sources(e);
    } else {
      participants(e, s, t, c, noun, next);
    }
    if (t.weak && !weak_attached(e, t, x)) continue;
    stand_for_states(e, t.code);
    if (!x && refers_back(e, t, out)) continue;
    set_date(e, x);
    e.modality = tree_modality.empty() ? modality(t, c, s) : std::string(tree_modality);
    // "Tests were conducted in October 2023 and June 2024": one act a date.
    const Timex* also = x ? coordinated_date(*x, s) : nullptr;
    found_by_type_[e.type].push_back(static_cast<uint32_t>(out.size()));
    covered_.insert(actors_key(e));  // an event covers its own participants
    out.push_back(std::move(e));
    for (; also; also = coordinated_date(*also, s)) {
      LocalEvent again = out.back();
      set_date(again, also);
      found_by_type_[again.type].push_back(static_cast<uint32_t>(out.size()));
      out.push_back(std::move(again));
    }
  }
}

bool Finder::question_mark_after(uint32_t tok, const Sentence& s) const {
  for (uint32_t k = tok; k < s.last_token; ++k)
    if (word(k) == "?") return true;
  return false;
}

const Timex* Finder::coordinated_date(const Timex& x, const Sentence& s) const {
  const uint32_t k = x.last_token;
  if (x.type != TimexType::Date || k + 1 >= s.last_token || !is_one_of(word(k), {"and", "or", ","})) return nullptr;
  const Timex* next = nullptr;
  timexes_.each_starting_in(k + 1, k + 1, [&](uint32_t i) {
    const Timex& y = in_.timexes[i];
    if (!next && y.type == TimexType::Date && y.value != x.value && y.value.find("_REF") == std::string::npos) next = &y;
  });
  return next;
}

}  // namespace events::detail

std::vector<LocalEvent> find_events(const EventInput& in) {
  if (in.text.tokens.empty() || in.text.sentences.empty()) return {};
  return events::detail::Finder(in).run();
}

}  // namespace eventloom
