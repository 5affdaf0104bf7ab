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
//    next one. Source: the possessor before a noun ("Moscow's invasion",
//    "his call" -> the last person named), else the nearest actor to the
//    left that is not the object of a preposition (with the actor coordinated
//    to it by "and"), else the sentence's subject; a relative clause ("X, who
//    ordered") takes X. Target: "by X" after a passive verb swaps roles;
//    otherwise the first actor to the right in the clause ("with/against/on X"
//    for nouns, "between X and Y"). Others in the clause are `other`.
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
// depends on the input only (no shared mutable state).
#include <algorithm>
#include <array>
#include <unordered_map>

#include "actors/lexicon.hpp"
#include "eventloom/events.hpp"
#include "events/lexicon.hpp"

namespace eventloom {
namespace {

using events::Lexicon;

struct Unit {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  uint32_t actor = 0;
};

struct Trigger {
  uint32_t first = 0, last = 0;
  uint8_t code = 0;
  bool weak = false;
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

bool is_be(std::string_view w) {
  return is_one_of(w, {"was", "were", "been", "being", "is", "are", "be", "got", "get"});
}

class Finder {
 public:
  explicit Finder(const EventInput& in) : in_(in), at_(in.text), lex_(Lexicon::get()) {
    build_units();
  }

  std::vector<LocalEvent> run() {
    std::vector<LocalEvent> out;
    for (uint32_t s = 0; s < at_.sentences.size(); ++s) find_in_sentence(s, out);
    add_statements(out);
    std::sort(out.begin(), out.end(), [](const LocalEvent& a, const LocalEvent& b) {
      if (!(a.trigger == b.trigger)) return a.trigger < b.trigger;
      return a.type < b.type;
    });
    return out;
  }

 private:
  const EventInput& in_;
  const AnnotatedText& at_;
  const Lexicon& lex_;
  std::vector<Unit> units_;  // sorted by first token
  std::vector<char> shielded_;  // per token: inside a mention or a time expression

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
    shielded_.assign(at_.tokens.size(), 0);
    for (const Unit& u : units_) std::fill(shielded_.begin() + u.first, shielded_.begin() + u.last, 1);
    for (const Timex& x : in_.timexes)
      if (x.first_token < x.last_token && x.last_token <= at_.tokens.size())
        std::fill(shielded_.begin() + x.first_token + 1, shielded_.begin() + x.last_token, 1);
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
      if (!e) continue;
      if (p->code) out.push_back({i, e, p->code, p->weak});
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
    for (uint32_t i = t.first; i-- > s.first_token;) {
      if (is_clause_mark(word(i)) && !inside_unit(i)) {
        c.left = i + 1;
        if (is_one_of(word(i), {"who", "which"}) && i > s.first_token && word(i - 1) == ",") {
          c.relative = true;
          c.mark = i - 1;
        }
        break;
      }
    }
    for (uint32_t i = t.last; i < s.last_token; ++i) {
      std::string_view w = word(i);
      if ((is_clause_mark(w) || w == ".") && !inside_unit(i)) {
        c.right = i;
        break;
      }
    }
    return c;
  }

  // Inside a name or a time expression, a comma marks no clause ("March 3, 2021").
  bool inside_unit(uint32_t tok) const { return tok < shielded_.size() && shielded_[tok]; }

  const Unit* unit_ending_before(uint32_t tok, uint32_t lo) const {
    const Unit* best = nullptr;
    for (const Unit& u : units_)
      if (u.last <= tok && u.first >= lo && (!best || u.last > best->last)) best = &u;
    return best;
  }

  bool governed_by_preposition(const Unit& u, uint32_t lo) const {
    if (u.first <= lo) return false;
    uint32_t i = u.first - 1;
    if (is_one_of(word(i), {"the", "its", "their"}) && i > lo) --i;
    return is_preposition(word(i));
  }

  // The last person (for "his/her") or group (for "its/their") named before tok.
  const Unit* antecedent(uint32_t tok, bool person) const {
    const Unit* best = nullptr;
    for (const Unit& u : units_) {
      if (u.last > tok) break;
      const LocalActor& a = in_.actors.actors[u.actor];
      if ((a.type == ActorType::Person) == person) best = &u;
    }
    return best;
  }

  // A possessor right before a noun trigger: "Moscow's February 2022 invasion",
  // "his phone call", "Russian strike".
  const Unit* possessor(const Sentence& s, const Trigger& t) const {
    uint32_t lo = t.first > s.first_token + 5 ? t.first - 5 : s.first_token;
    for (uint32_t i = t.first; i-- > lo;) {
      std::string_view w = word(i);
      if (at_.tokens[i].has(kPunct) && !at_.tokens[i].has(kPossessive)) return nullptr;
      if (is_one_of(w, {"his", "her"})) return antecedent(i, true);
      if (is_one_of(w, {"its", "their"})) return antecedent(i, false);
      for (const Unit& u : units_) {
        if (u.last == i + 1 && u.first >= lo) return &u;  // a demonym or name as modifier
        if (u.last == i && at_.tokens[i].has(kPossessive)) return &u;
      }
      if (is_preposition(w) || is_one_of(w, {"a", "an"})) return nullptr;
    }
    return nullptr;
  }

  static void add(LocalEvent& e, uint32_t actor, ParticipantRole r) {
    for (const Participant& p : e.participants)
      if (p.actor == actor) return;
    e.participants.push_back({actor, r});
  }

  void add_coordinated(LocalEvent& e, const Unit& u, uint32_t lo, ParticipantRole r) const {
    add(e, u.actor, r);
    const Unit* prev = unit_ending_before(u.first, lo);
    if (prev && prev->last + 1 == u.first && is_one_of(word(prev->last), {"and", ","})) add(e, prev->actor, r);
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

  void participants(LocalEvent& e, const Sentence& s, const Trigger& t, const Clause& c, bool noun) const {
    const Unit* by_agent = nullptr;
    bool passive = !noun && is_passive(t, s);
    // Target side: the first actor after the trigger in the clause.
    const Unit* target = nullptr;
    const Unit* second = nullptr;  // "between X and Y"
    for (const Unit& u : units_) {
      if (u.first < t.last || u.first >= c.right) continue;
      std::string_view before = word(u.first - 1);
      if (passive && is_one_of(before, {"by"})) {
        by_agent = &u;
        continue;
      }
      if (!target) {
        target = &u;
        if (noun && t.last + 1 == u.first && is_one_of(word(t.last), {"between"})) second = &u;
      } else if (second && u.first == second->last + 1 && word(second->last) == "and") {
        second = &u;
      }
    }
    // Source side.
    const Unit* source = noun ? possessor(s, t) : nullptr;
    if (!source && !noun && c.relative) source = unit_ending_before(c.mark + 1, s.first_token);
    if (!source) {
      for (auto it = units_.rbegin(); it != units_.rend(); ++it) {
        const Unit& u = *it;
        if (u.last > t.first || u.first < c.left) continue;
        if (governed_by_preposition(u, c.left)) continue;
        source = &u;
        break;
      }
    }
    if (!source) {
      for (const Unit& u : units_) {
        if (u.first < s.first_token || u.last > t.first) continue;
        if (!governed_by_preposition(u, s.first_token)) source = &u;
        break;
      }
    }
    if (passive && by_agent) {
      add_coordinated(e, *by_agent, t.last, ParticipantRole::Source);
      if (source) add(e, source->actor, ParticipantRole::Target);
    } else if (second && target && second != target) {
      add(e, target->actor, ParticipantRole::Source);
      add(e, second->actor, ParticipantRole::Target);
    } else {
      if (source) add_coordinated(e, *source, s.first_token, ParticipantRole::Source);
      if (target) add(e, target->actor, ParticipantRole::Target);
    }
    for (const Unit& u : units_)
      if (u.first >= c.left && u.last <= c.right && (u.last <= t.first || u.first >= t.last))
        add(e, u.actor, ParticipantRole::Other);
  }

  // --- date and modality -----------------------------------------------------

  const Timex* governing_timex(const Trigger& t, const Clause& c, uint32_t para) const {
    const Timex* best = nullptr;
    uint32_t best_d = ~0u;
    for (const Timex& x : in_.timexes) {
      if (x.paragraph != para && x.first_token >= at_.tokens.size()) continue;
      if (x.type != TimexType::Date && x.type != TimexType::Time) continue;
      if (x.first_token < c.left || x.last_token > c.right) continue;
      uint32_t d = x.last_token <= t.first ? t.first - x.last_token : x.first_token - std::min(x.first_token, t.last);
      if (d < best_d) {
        best_d = d;
        best = &x;
      }
    }
    return best;
  }

  // Without a date in its own clause, a clause takes the date that opens its
  // sentence ("On Thursday, ...", "18 August 2018, Meseberg: ...") or the one
  // that a ", when" clause hangs on ("since 2014, when a coup ...").
  const Timex* inherited_timex(const Sentence& s, const Clause& c) const {
    for (const Timex& x : in_.timexes) {
      if (x.type != TimexType::Date && x.type != TimexType::Time) continue;
      if (x.first_token < s.first_token || x.last_token > s.last_token) continue;
      uint32_t f = x.first_token;
      if (f > s.first_token && is_one_of(word(f - 1), {"on", "in", "at", "since", "by"})) --f;
      if (f == s.first_token && x.last_token < s.last_token && is_one_of(word(x.last_token), {",", ":"}))
        return &x;
      if (c.left >= 2 && is_one_of(word(c.left - 1), {"when"}) && word(c.left - 2) == "," &&
          x.last_token == c.left - 2)
        return &x;
    }
    return nullptr;
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
    for (uint32_t i = t.first; i-- > c.left;) {
      std::string_view w = word(i);
      uint32_t dist = t.first - i;
      if (dist <= 3 && is_one_of(w, {"not", "n't", "never", "no"})) return "negated";
      if (is_one_of(w, {"will", "shall", "'ll"}) || (dist <= 2 && is_one_of(w, {"planned", "plans", "expected"})))
        return "future";
      if (is_one_of(w, {"could", "would", "may", "might", "should", "can", "possible", "considering", "consider",
                        "prospect", "if", "unless"}))
        return "hypothetical";
    }
    if (c.left > s.first_token && is_one_of(word(c.left - 1), {"if", "unless"})) return "hypothetical";
    return "asserted";
  }

  // --- events ----------------------------------------------------------------

  void find_in_sentence(uint32_t si, std::vector<LocalEvent>& out) const {
    const Sentence& s = at_.sentences[si];
    for (const Trigger& t : triggers(s)) {
      Clause c = clause_of(s, t);
      bool noun = is_noun_use(t, s);
      LocalEvent e;
      e.type = std::string(events::cameo_name(t.code));
      e.trigger = {at_.tokens[t.first].span.start, at_.tokens[t.last - 1].span.end};
      e.sentence = s.span;
      participants(e, s, t, c, noun);
      const Timex* x = governing_timex(t, c, s.paragraph);
      if (!x) x = inherited_timex(s, c);
      if (t.weak && !weak_attached(e, t, x)) continue;
      if (!x && refers_back(e, t, out)) continue;
      set_date(e, x);
      e.modality = modality(t, c, s);
      out.push_back(std::move(e));
    }
  }

  // "The attack", "the strike": a definite noun with no date of its own whose
  // participants all took part in an event of the same type reported earlier
  // in the article names that event again, not a new one.
  bool refers_back(const LocalEvent& e, const Trigger& t, const std::vector<LocalEvent>& earlier) const {
    if (t.first == 0 || !is_one_of(word(t.first - 1), {"the", "this", "that"})) return false;
    for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
      if (it->type != e.type) continue;
      bool covered = std::all_of(e.participants.begin(), e.participants.end(), [&](const Participant& p) {
        return std::any_of(it->participants.begin(), it->participants.end(),
                           [&](const Participant& q) { return q.actor == p.actor; });
      });
      if (covered) return true;
    }
    return false;
  }

  // A weak noun ("war", "talk") counts when a date sits next to it or an
  // actor is its possessor or follows it with a preposition.
  bool weak_attached(const LocalEvent& e, const Trigger& t, const Timex* x) const {
    if (x && (x->last_token + 4 >= t.first && x->last_token <= t.first)) return true;
    if (x && x->first_token >= t.last && x->first_token <= t.last + 1) return true;
    for (const Participant& p : e.participants)
      if (p.role != ParticipantRole::Other) {
        for (const Unit& u : units_) {
          if (u.actor != p.actor) continue;
          if (u.last <= t.first && u.last + 3 >= t.first) return true;
          if (u.first >= t.last && u.first <= t.last + 2 && is_preposition(word(t.last))) return true;
        }
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
    for (const LocalStatement& st : in_.statements) {
      Span anchor = st.cue ? *st.cue : st.content;
      if (anchor.start >= at_.text().size()) continue;
      const Sentence& s = at_.sentences[sentence_at(anchor.start)];
      LocalEvent e;
      uint8_t code = 1;
      if (st.cue) {
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
      // A trigger on the reporting verb yields to the statement.
      if (st.cue)
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const LocalEvent& o) { return o.trigger.overlaps(*st.cue); }),
                  out.end());
      extra.push_back(std::move(e));
    }
    for (auto& e : extra) out.push_back(std::move(e));
  }
};

}  // namespace

std::vector<LocalEvent> find_events(const EventInput& in) {
  if (in.text.tokens.empty() || in.text.sentences.empty()) return {};
  return Finder(in).run();
}

}  // namespace eventloom
