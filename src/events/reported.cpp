// find_events, phase 5b: what a statement reports types it and names whom
// it is aimed at (finder.hpp, read_content).
//
// CAMEO codes an act of speaking by what is said: a warning that the
// speaker's side could use force, cut ties or coerce is a THREATEN (13)
// aimed at whoever would suffer it; a warning about what another is doing
// now, with nothing to come, is a complaint (11 DISAPPROVE) about that
// other; an accusation, rejection or threat without an object of its own
// ("X warned that Y ...", "X rejected Y's claims") is aimed at the actor the
// content is about.
#include "events/finder.hpp"

#include <unordered_map>

namespace eventloom::events::detail {

namespace {

bool to_come(const LocalEvent& e) { return e.modality == "hypothetical" || e.modality == "future"; }

// Acts of force or pressure whose announcement as possible is a threat:
// 15 EXHIBIT FORCE POSTURE to 20 USE UNCONVENTIONAL MASS VIOLENCE, with 16
// REDUCE RELATIONS (a threat reported inside the content is its own event).
bool forceful(uint8_t code) { return code >= 15 && code <= 20; }

}  // namespace

bool Finder::same_side(uint32_t speaker, uint32_t a) const {
  // A capital acting stands for its state ("Tirovsk would respond").
  const auto governed = [&](uint32_t x) {
    return x < capital_.size() && capital_[x] && state_of_[x] >= 0 ? static_cast<uint32_t>(state_of_[x]) : x;
  };
  speaker = governed(speaker);
  a = governed(a);
  if (a == speaker) return true;
  const auto& actors = in_.actors.actors;
  if (speaker >= actors.size() || a >= actors.size()) return false;
  const auto& sa = actors[speaker].affiliations;
  const auto& aa = actors[a].affiliations;
  return std::find(sa.begin(), sa.end(), a) != sa.end() || std::find(aa.begin(), aa.end(), speaker) != aa.end();
}

bool Finder::may_speak_for(uint32_t speaker, uint32_t a) const {
  if (same_side(speaker, a)) return true;
  const auto& actors = in_.actors.actors;
  if (speaker >= actors.size() || a >= actors.size()) return false;
  const LocalActor& s = actors[speaker];
  if (s.type != ActorType::Person || !s.affiliations.empty() || actors[a].type != ActorType::Gpe) return false;
  static const auto official = util::word_set("events/data/official_roles.txt");
  for (const std::string& role : s.roles) {
    const std::string f = text::fold(role);
    for (size_t i = 0; i < f.size();) {
      size_t e = f.find(' ', i);
      if (e == std::string::npos) e = f.size();
      if (official.count(std::string_view(f.data() + i, e - i))) return true;
      i = e + 1;
    }
  }
  return false;
}

void Finder::read_content(LocalEvent& x, const LocalStatement& st, Span content,
                          const std::vector<const LocalEvent*>& inside) const {
  if (!st.speaker) return;
  const uint32_t speaker = *st.speaker;
  uint8_t code = events::cameo_root(x.type);
  // The first act of force to come by the speaker's side, and the first act
  // with a target outside it.
  const LocalEvent* threat = nullptr;
  const LocalEvent* aimed = nullptr;
  const auto target_outside = [&](const LocalEvent& o) {
    for (const Participant& p : o.participants)
      if (p.role == ParticipantRole::Target && !same_side(speaker, p.actor)) return true;
    return false;
  };
  for (const LocalEvent* o : inside) {
    const bool own = std::any_of(o->participants.begin(), o->participants.end(), [&](const Participant& p) {
      return p.role == ParticipantRole::Source && may_speak_for(speaker, p.actor);
    });
    if (!threat && own && to_come(*o) && forceful(events::cameo_root(o->type)) && target_outside(*o)) threat = o;
    if (!aimed && target_outside(*o)) aimed = o;
  }
  if (threat && (code == 1 || code == 13)) {
    x.type = std::string(events::cameo_name(13));
    x.modality = "asserted";  // the threat is made, whatever becomes of the act
    for (const Participant& p : threat->participants)
      if (p.role != ParticipantRole::Other && (p.role == ParticipantRole::Target || may_speak_for(speaker, p.actor)))
        add_role(x, p.actor, p.role);
    return;
  }
  if (code != 11 && code != 12 && code != 13) return;
  // Only a reported clause ("warned that ...") is read further: a quotation,
  // "warned X to ...", "warned in Y" say nothing of whom the act is aimed at.
  const uint32_t f = at_.token_at(content.start), l = at_.token_at(content.end);
  if (!st.cue || f == 0 || f >= l || !is_one_of(word(f - 1), {"that"}) ||
      at_.token_at(st.cue->end) > f - 1 || f - 1 - at_.token_at(st.cue->end) > 3)
    return;
  // The actor the clause is about: its subject or the subject's owner, among
  // its first words ("that Washington's posture ...", "that the US ...").
  const Unit* named = nullptr;
  for (size_t k = first_unit_from(f); k < units_.size() && units_[k].first < std::min(l, f + 3) && !named; ++k)
    if (!units_[k].modifier && !same_side(speaker, units_[k].actor)) named = &units_[k];
  if (code == 13 && named) {
    // "warned that X's policy was making talks impossible": nothing to
    // come, a complaint; "warned of", "warned against" and a warning with
    // "will", "could", "if" ... stay threats.
    const uint32_t after = at_.token_at(st.cue->end);
    const bool of = after < at_.tokens.size() && is_one_of(word(after), {"of", "against"});
    bool modal = false;
    for (int64_t k = last_below(modal_words_, l); k >= f && !modal; k = last_below(modal_words_, static_cast<uint32_t>(k)))
      modal = modal_class(word(static_cast<uint32_t>(k))) != Modal::Negation;
    if (!of && !modal) x.type = std::string(events::cameo_name(code = 11));
  }
  // A threat is aimed at whom the act threatened would hurt, not at the
  // clause's subject: "warned that Tirovsk would respond firmly" names who
  // would act, likely the speaker's own side.
  if (code == 13) named = nullptr;
  if (has_role(x, ParticipantRole::Target)) return;
  if (aimed) {
    for (const Participant& p : aimed->participants)
      if (p.role == ParticipantRole::Target && !same_side(speaker, p.actor)) add_role(x, p.actor, p.role);
  } else if (named) {
    add_role(x, named->actor, ParticipantRole::Target);
  }
}

void Finder::credit_dominant_force(std::vector<LocalEvent>& out) const {
  std::unordered_map<uint32_t, uint32_t> acts;  // source -> asserted acts of force
  std::vector<LocalEvent*> bare;
  for (LocalEvent& e : out) {
    const uint8_t code = events::cameo_root(e.type);
    if (code < 15 || code > 20 || e.from_statement) continue;
    bool named = false;
    for (const Participant& p : e.participants)
      if (p.role != ParticipantRole::Other) {
        named = true;
        // A state or armed body uses force; a person named as doing so
        // ("the senator's drilling") is no side of a war.
        if (p.role == ParticipantRole::Source && e.modality == "asserted" && p.actor < in_.actors.actors.size() &&
            in_.actors.actors[p.actor].type != ActorType::Person)
          ++acts[p.actor];
      }
    // Only a show of force (tests, drills, alerts): an attack that names
    // nobody is as a rule one reported before ("Thursday's attack").
    if (!named && code == 15) bare.push_back(&e);
  }
  if (bare.empty()) return;
  uint32_t best = 0, first = 0, second = 0;
  for (const auto& [actor, n] : acts) {
    if (n > first || (n == first && actor < best)) {
      second = first;
      first = n;
      best = actor;
    } else if (n > second) {
      second = n;
    }
  }
  if (first < 2 || first == second) return;
  for (LocalEvent* e : bare) add_role(*e, best, ParticipantRole::Source);
}

}  // namespace eventloom::events::detail
