// find_events, phases 4 and 5: dates and word modality, repeated mentions
// of an event, and statements as events (finder.hpp).
#include "events/finder.hpp"

namespace eventloom::events::detail {

const Timex* Finder::governing_timex(const Trigger& t, const Clause& c, uint32_t para) const {
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
const Timex* Finder::inherited_timex(const Sentence& s, const Clause& c) const {
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

void Finder::set_date(LocalEvent& e, const Timex* x) const {
  if (x) {
    e.date = x->value;
  } else {
    e.date_from_publication = true;
    if (in_.dct) e.date = format_date(*in_.dct);
  }
}

std::string Finder::modality(const Trigger& t, const Clause& c, const Sentence& s) const {
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

// The event's type and its participants' actors, sorted, each once.
std::string Finder::actors_key(const LocalEvent& e) {
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
bool Finder::refers_back(const LocalEvent& e, const Trigger& t, const std::vector<LocalEvent>& earlier) {
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
bool Finder::weak_attached(const LocalEvent& e, const Trigger& t, const Timex* x) const {
  // Only a date that names a time: "the war in recent months" (PAST_REF) or
  // "for years" (a duration) speaks of a situation known already, no new act.
  if (x && (x->type == TimexType::Duration || x->value.find("_REF") != std::string::npos)) x = nullptr;
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

uint32_t Finder::sentence_at(uint32_t pos) const {
  auto it = std::upper_bound(at_.sentences.begin(), at_.sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.span.start; });
  if (it == at_.sentences.begin()) return 0;
  return static_cast<uint32_t>(it - at_.sentences.begin() - 1);
}

// A statement that came undated: the time expression of its reporting
// clause, as for a trigger, else the publication date.
void Finder::date_statement(LocalEvent& e, const Sentence& s, Span anchor) const {
  uint32_t f = std::max(at_.token_at(anchor.start), s.first_token);
  uint32_t l = std::min(std::max(at_.token_at(anchor.end), f + 1), s.last_token);
  if (f >= l) return set_date(e, nullptr);
  Trigger t{f, l, 1, false};
  Clause c = clause_of(s, t);
  const Timex* x = governing_timex(t, c, s.paragraph);
  if (!x) x = inherited_timex(s, c);
  set_date(e, x);
}

bool Finder::says_must(Span content) const {
  const uint32_t f = at_.token_at(content.start);
  const uint32_t l = std::min<uint32_t>(at_.token_at(content.end), f + 80);
  for (uint32_t k = f; k < l && k < at_.tokens.size(); ++k) {
    char low[16];
    auto lw = text::lower_ascii(word(k), low);
    if (lw && events::is_demand_word(*lw)) return true;
  }
  return false;
}

void Finder::add_statements(std::vector<LocalEvent>& out) const {
  if (at_.sentences.empty()) return;
  std::vector<LocalEvent> extra;
  std::vector<const LocalStatement*> said;  // extra[k] makes said[k]
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
      // "X said Ukraine must not be excluded": saying what must be done is a demand.
      if (code == 1 && says_must(st.content)) code = 10;
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
    said.push_back(&st);
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
  // for X" 03, "accused X of" 11) is that act: the statement takes the
  // pattern's type and target rather than being a second event.
  std::vector<std::pair<Span, uint32_t>> typed;  // triggers on cues, by start
  for (uint32_t i = 0; i < out.size(); ++i)
    if (on_cue(out[i]) && out[i].type.compare(0, 2, "01") != 0) typed.push_back({out[i].trigger, i});
  std::sort(typed.begin(), typed.end(), [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
  std::vector<char> keep(out.size(), 0);  // typed triggers on cues that stand as they are
  for (LocalEvent& x : extra) {
    auto it = std::lower_bound(typed.begin(), typed.end(), x.trigger.start,
                               [](const auto& a, uint32_t st) { return a.first.start < st; });
    // The trigger that starts at the cue, or the one just before that covers it.
    if (it == typed.end() || it->first.start >= x.trigger.end) {
      if (it == typed.begin()) continue;
      --it;
      if (it->first.end <= x.trigger.start) continue;
    }
    const LocalEvent& o = out[it->second];
    if (!has_role(x, ParticipantRole::Source)) {
      // No named speaker ("the West and Ukraine cast the war as a
      // land-grab"): the trigger's own reading stands, the bare statement goes.
      if (has_role(o, ParticipantRole::Source) || has_role(o, ParticipantRole::Target)) {
        keep[it->second] = 1;
        x.type.clear();
      }
      continue;
    }
    // The pattern is more specific than the reporting verb's default type
    // ("called the strike an escalatory step" 11, not "call" 02).
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
  // What each statement reports: the events whose triggers lie in its content.
  std::vector<const LocalEvent*> by_start;
  for (const LocalEvent& o : out)
    if (!on_cue(o)) by_start.push_back(&o);
  std::sort(by_start.begin(), by_start.end(),
            [](const LocalEvent* a, const LocalEvent* b) { return a->trigger.start < b->trigger.start; });
  std::vector<const LocalEvent*> inside;
  for (size_t k = 0; k < extra.size(); ++k) {
    if (extra[k].type.empty()) continue;
    // Within the sentence that reports it (a content read past the
    // sentence's end names the next sentence's actors).
    Span content = said[k]->content;
    content.start = std::max(content.start, extra[k].sentence.start);
    content.end = std::min(content.end, extra[k].sentence.end);
    if (content.start >= content.end) continue;
    inside.clear();
    auto it = std::lower_bound(by_start.begin(), by_start.end(), content.start,
                               [](const LocalEvent* a, uint32_t st) { return a->trigger.start < st; });
    for (; it != by_start.end() && (*it)->trigger.start < content.end; ++it)
      if ((*it)->trigger.end <= content.end) inside.push_back(*it);
    read_content(extra[k], *said[k], content, inside);
  }
  size_t n = 0;
  for (size_t i = 0; i < out.size(); ++i)
    if (keep[i] || !on_cue(out[i])) {
      if (n != i) out[n] = std::move(out[i]);
      ++n;
    }
  out.resize(n);
  extra.erase(std::remove_if(extra.begin(), extra.end(), [](const LocalEvent& e) { return e.type.empty(); }),
              extra.end());
  for (auto& e : extra) out.push_back(std::move(e));
}

}  // namespace eventloom::events::detail
