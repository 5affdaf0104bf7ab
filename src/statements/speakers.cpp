// 4. Speakers: the words of a speaker to an actor of the article. A name
// to the actor whose mention overlaps it (a person first), a pronoun or a
// definite description ("the diplomat") to a recent actor of its kind and
// gender within kPronounReach paragraphs, a group to nobody; see the top of
// statements.cpp.
#include <algorithm>
#include <iterator>
#include <string>

#include "statements/stages.hpp"

namespace eventloom::statements {
namespace {

bool same_word_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool has_word(std::string_view text, std::string_view word) {
  size_t i = 0;
  while (i < text.size()) {
    size_t e = text.find(' ', i);
    if (e == std::string_view::npos) e = text.size();
    if (same_word_folded(text.substr(i, e - i), word)) return true;
    i = e + 1;
  }
  return false;
}

bool describes(const LocalActor& a, std::string_view head) {
  if (has_word(a.name, head)) return true;
  for (const std::string& role : a.roles)
    if (has_word(role, head)) return true;
  return false;
}

}  // namespace

Speakers::Speakers(const Article& a) : Reader(a) {
  const auto& actors = in_.actors.actors;
  const auto& ms = in_.actors.mentions;
  kinds_.resize(actors.size());
  for (uint32_t k = 0; k < actors.size(); ++k) kinds_[k] = fitting_kinds(k);
  mentions_of_.resize(actors.size());
  for (uint32_t i = 0; i < ms.size(); ++i) {
    const uint32_t actor = ms[i].actor;
    if (actor >= actors.size()) continue;
    mentions_of_[actor].push_back(i);
    for (size_t kind = 0; kind < kKinds; ++kind)
      if (kinds_[actor] >> kind & 1) fitting_mentions_[kind].push_back(i);
  }
}

size_t Speakers::kind_of(PronounClass pc, Gender g) {
  if (pc != PronounClass::Person) return 0;
  return g == Gender::Female ? 2 : g == Gender::Male ? 3 : 1;
}

// A group pronoun fits an organisation or a country; a personal one a
// person whose gender is unknown or its own.
uint8_t Speakers::fitting_kinds(uint32_t actor) const {
  const LocalActor& a = in_.actors.actors[actor];
  if (a.type == ActorType::Org || a.type == ActorType::Gpe) return 1;
  if (a.type != ActorType::Person) return 0;
  Gender g = gender_of(a);
  return static_cast<uint8_t>(1 << 1 | (g != Gender::Male ? 1 << 2 : 0) | (g != Gender::Female ? 1 << 3 : 0));
}

bool Speakers::fits(uint32_t actor, PronounClass pc, Gender g) const {
  return actor < kinds_.size() && (kinds_[actor] >> kind_of(pc, g) & 1);
}

int64_t Speakers::last_before(const std::vector<uint32_t>& indices, uint32_t end) {
  auto it = std::lower_bound(indices.begin(), indices.end(), end);
  return it == indices.begin() ? -1 : static_cast<int64_t>(*std::prev(it));
}

void Speakers::spoke(uint32_t pos, uint32_t actor) {
  const uint32_t k = static_cast<uint32_t>(recent_speakers_.size());
  recent_speakers_.push_back({pos, actor});
  if (actor < kinds_.size())
    for (size_t kind = 0; kind < kKinds; ++kind)
      if (kinds_[actor] >> kind & 1) fitting_speakers_[kind].push_back(k);
  while (!lowest_.empty() && recent_speakers_[lowest_.back()].first >= pos) lowest_.pop_back();
  lowest_.push_back(k);
}

// Speaker words to an actor: a pronoun to the last speaker who fits it;
// a group ("Three lawmakers from Ukraine's parliament", "The West and
// Ukraine") to nobody; else the actor named in the words; else a
// definite description ("the directorate", "the diplomat") to the actor
// it describes.
std::optional<uint32_t> Speakers::resolve(TokRange r) const {
  if (r.last == r.first + 1) {
    PronounClass pc = lex_.pronoun(w(r.first));
    if (pc != PronounClass::None) return resolve_pronoun(r.first, pc, Lexicon::pronoun_gender(w(r.first)));
  }
  if (group_phrase(r)) return std::nullopt;
  std::optional<uint32_t> named = resolve_named(r);
  return named ? named : resolve_description(r);
}

bool Speakers::group_phrase(TokRange r) const {
  std::string_view d = w(r.first);
  static constexpr std::string_view kGroup[] = {"some", "Some", "many", "Many", "several", "Several", "two", "Two",
                                                "three", "Three", "four", "Four", "five", "Five", "both", "Both",
                                                "other", "Other", "most", "Most", "few", "Few"};
  bool quantified = std::find(std::begin(kGroup), std::end(kGroup), d) != std::end(kGroup);
  if (quantified && r.first + 1 < r.last && tok(r.first + 1).has(kLower)) return true;
  for (uint32_t i = r.first; i < r.last; ++i)
    if (is(i, "and") && !covered_by_mention(i)) return true;
  return false;
}

bool Speakers::covered_by_mention(uint32_t i) const {
  Span s = tok(i).span;
  const auto& ms = in_.actors.mentions;
  auto it =
      std::upper_bound(ms.begin(), ms.end(), s.start, [](uint32_t p, const Mention& m) { return p < m.span.start; });
  for (int steps = 0; it != ms.begin() && steps < 4; ++steps) {
    --it;
    if (it->span.contains(s)) return true;
  }
  return false;
}

// "the directorate" / "the diplomat": an actor named in the last few
// paragraphs whose name or role holds the noun, else for a role noun the
// last person who spoke, as for "he".
std::optional<uint32_t> Speakers::resolve_description(TokRange r) const {
  if (r.last - r.first > 3 || !(is(r.first, "the") || is(r.first, "The"))) return std::nullopt;
  uint32_t h = r.last - 1;
  if (!tok(h).has(kLower) || h == r.first) return std::nullopt;
  std::string_view head = w(h);
  uint32_t pos = tok(r.first).span.start;
  uint32_t para = para_of(r.first);
  uint32_t floor = at_.paragraphs[para > kPronounReach + 1 ? para - kPronounReach - 1 : 0].span.start;
  std::string noun(head);
  for (char& c : noun) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  auto [described, fresh] = described_by_.try_emplace(noun);
  if (fresh)
    for (uint32_t a = 0; a < in_.actors.actors.size(); ++a)
      if (describes(in_.actors.actors[a], head)) described->second.push_back(a);
  // The last mention before the words of an actor it describes.
  const auto& ms = in_.actors.mentions;
  const uint32_t end = static_cast<uint32_t>(mentions_from(pos) - ms.begin());
  int64_t last = -1;
  for (uint32_t a : described->second) last = std::max(last, last_before(mentions_of_[a], end));
  if (last >= 0 && ms[static_cast<size_t>(last)].span.start >= floor) return ms[static_cast<size_t>(last)].actor;
  if (!lex_.person_noun(head)) return std::nullopt;
  return resolve_pronoun(r.first, PronounClass::Person, lex_.person_noun_gender(head));
}

std::optional<uint32_t> Speakers::resolve_named(TokRange r) const {
  Span s = span_of(r);
  std::optional<uint32_t> person, other;
  uint32_t other_len = 0;
  const auto& ms = in_.actors.mentions;
  auto it = mentions_from(s.start);
  while (it != ms.begin() && std::prev(it)->span.end > s.start) --it;
  for (; it != ms.end(); ++it) {
    const Mention& m = *it;
    if (m.span.start >= s.end) break;
    if (!m.span.overlaps(s) || m.actor >= in_.actors.actors.size()) continue;
    if (in_.actors.actors[m.actor].type == ActorType::Person) {
      person = m.actor;
    } else if (in_.actors.actors[m.actor].type != ActorType::Loc && m.span.size() >= other_len) {
      other = m.actor;
      other_len = m.span.size();
    }
  }
  return person ? person : other;
}

// From the first word of the name ("Olena Chiupika", "Mrs May"), else a
// role that carries a gender ("spokeswoman").
Gender Speakers::gender_of(const LocalActor& a) const {
  std::string_view name = a.name;
  Gender g = lex_.gender(name.substr(0, name.find(' ')));
  if (g != Gender::Unknown) return g;
  for (const std::string& role : a.roles) {
    std::string_view rv = role;
    size_t sp = rv.rfind(' ');
    g = lex_.person_noun_gender(sp == std::string_view::npos ? rv : rv.substr(sp + 1));
    if (g != Gender::Unknown) return g;
  }
  return Gender::Unknown;
}

// The last speaker of the pronoun's kind, else the last actor of its kind
// named before it, within kPronounReach paragraphs.
std::optional<uint32_t> Speakers::resolve_pronoun(uint32_t i, PronounClass pc, Gender g) const {
  if (std::optional<uint32_t> subj = sentence_subject(i); subj && fits(*subj, pc, g)) return subj;
  uint32_t pos = tok(i).span.start;
  uint32_t para = para_of(i);
  uint32_t floor_para = para > kPronounReach ? para - kPronounReach : 0;
  uint32_t floor = at_.paragraphs[floor_para].span.start;
  const size_t kind = kind_of(pc, g);
  // The speakers after the last one who spoke before the floor, from the
  // latest: the first that fits and spoke before the pronoun.
  auto low = std::lower_bound(lowest_.begin(), lowest_.end(), floor,
                              [&](uint32_t k, uint32_t f) { return recent_speakers_[k].first < f; });
  const int64_t below = low == lowest_.begin() ? -1 : static_cast<int64_t>(*std::prev(low));
  const std::vector<uint32_t>& fit = fitting_speakers_[kind];
  for (size_t n = fit.size(); n-- > 0 && static_cast<int64_t>(fit[n]) > below;)
    if (recent_speakers_[fit[n]].first < pos) return recent_speakers_[fit[n]].second;
  // The last mention before it that fits, within the floor.
  const auto& ms = in_.actors.mentions;
  int64_t m = last_before(fitting_mentions_[kind], static_cast<uint32_t>(mentions_from(pos) - ms.begin()));
  if (m >= 0 && ms[static_cast<size_t>(m)].span.start >= floor) return ms[static_cast<size_t>(m)].actor;
  return std::nullopt;
}

// "The Security Council ... pledged sanctions against what it called
// “...”": the named subject of the pronoun's own sentence.
std::optional<uint32_t> Speakers::sentence_subject(uint32_t i) const {
  const Sentence& sn = sent_of(i);
  uint32_t b = after_adverbial(sn, i);
  if (b >= i || in_quote_[b]) return std::nullopt;
  TokRange r = np_after(b, i);
  if (r.empty() || r.last >= i || r.first == i) return std::nullopt;
  return resolve_named(r);
}

}  // namespace eventloom::statements
