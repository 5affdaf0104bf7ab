// 3. Attachment: each quote unit to the cue whose content it overlaps, to
// the statement it continues, or to a speaker found around it (a dash, a
// colon, the sentence before); see the top of statements.cpp.
#include <algorithm>
#include <climits>
#include <set>

#include "statements/stages.hpp"

namespace eventloom::statements {
namespace {

class Attacher : Reader {
 public:
  Attacher(const Article& a, const std::vector<Cue>& cues, const Speakers& speakers)
      : Reader(a), cues_(cues), speakers_(speakers) {}

  std::vector<Draft> run() {
    drafts_.reserve(cues_.size() + units_.size());
    std::vector<int32_t> draft_of_cue(cues_.size(), -1);
    for (uint32_t c = 0; c < cues_.size(); ++c) {
      if (cues_[c].wants_next_quote) continue;
      Draft d;
      d.cue = static_cast<int32_t>(c);
      d.speaker = cues_[c].speaker;
      d.verb = cues_[c].verb;
      d.content = span_of(cues_[c].content);
      d.paragraph = sents_[cues_[c].sentence].paragraph;
      d.last_sentence = cues_[c].sentence;
      draft_of_cue[c] = static_cast<int32_t>(drafts_.size());
      add_draft(d);
    }
    size_t cue_lo = 0;
    int32_t last_direct = -1;
    for (const QuoteUnit& u : units_) {
      if (u.toks.empty()) continue;
      while (cue_lo < cues_.size() && cues_[cue_lo].sentence + 1 < sidx(u.toks.first)) ++cue_lo;
      int32_t d = split_draft(u, last_direct, cue_lo);
      if (d < 0) d = overlapping_draft(u, cue_lo, draft_of_cue);
      if (d < 0) d = continued_draft(u, last_direct);
      if (d >= 0) {
        Draft& dr = drafts_[d];
        dr.quoted = dr.quote_words ? Span{std::min(dr.quoted.start, u.inner.start), std::max(dr.quoted.end, u.inner.end)}
                                   : u.inner;
        dr.quote_words += u.words;
        dr.direct = true;
        if (u.inner.start < dr.content.start) {
          starts_.erase({dr.content.start, d});
          dr.content.start = u.inner.start;
          starts_.insert({dr.content.start, d});
        }
        dr.content.end = std::max(dr.content.end, u.inner.end);
        dr.last_sentence = std::max(dr.last_sentence, sidx(u.toks.last - 1));
        last_direct = d;
        continue;
      }
      if (title_unit(u)) continue;
      Draft nd;
      if (u.words <= kShortQuoteWords) {  // a scare quote, unless the parse gives it a speaker
        if (!syntactic_speaker(u, nd)) continue;
        if (last_direct >= 0 && drafts_[last_direct].speaker.first == nd.speaker.first &&
            !drafts_[last_direct].speaker.empty() && drafts_[last_direct].last_sentence == sidx(u.toks.first) &&
            drafts_[last_direct].content.end <= u.inner.start) {  // "accused X of being “duped” by “a con”"
          Draft& dr = drafts_[last_direct];
          dr.content.end = u.inner.end;
          dr.quoted.end = u.inner.end;
          dr.quote_words += u.words;
          dr.last_sentence = std::max(dr.last_sentence, sidx(u.toks.last - 1));
          continue;
        }
        nd.direct = true;
        nd.content = u.inner;
        nd.paragraph = u.para_first;
        nd.last_sentence = sidx(u.toks.last - 1);
        add_draft(nd);
        last_direct = static_cast<int32_t>(drafts_.size() - 1);
        continue;
      }
      nd.direct = true;
      nd.content = u.inner;
      nd.paragraph = u.para_first;
      nd.last_sentence = sidx(u.toks.last - 1);
      attribute_lone(u, nd, cue_lo, last_direct);
      add_draft(nd);
      last_direct = static_cast<int32_t>(drafts_.size() - 1);
    }
    return std::move(drafts_);
  }

 private:
  // Of the cues whose content holds the quotation, a strong verb before a
  // weak one, then the one whose content starts last: the innermost
  // ("When Clinton noted that A ― Trump boasted, “B.”": Trump says B).
  int32_t overlapping_draft(const QuoteUnit& u, size_t lo, const std::vector<int32_t>& draft_of_cue) const {
    uint32_t last_sentence = sidx(u.toks.last - 1);
    int32_t best = -1;
    for (size_t c = lo; c < cues_.size() && cues_[c].sentence <= last_sentence + 1; ++c) {
      const Cue& cue = cues_[c];
      if (draft_of_cue[c] < 0) continue;
      TokRange r = cue.content;
      bool overlap = r.first < u.toks.last && u.toks.first < r.last + 1;
      bool opens = u.toks.first >= r.first && u.toks.first <= r.first + 2;
      if (!(overlap || opens)) continue;
      if (best < 0) {
        best = static_cast<int32_t>(c);
        continue;
      }
      const Cue& b = cues_[best];
      bool better = b.weak != cue.weak ? b.weak : (r.first > b.content.first && r.first <= u.toks.first + 2);
      // "X scolded him: “A,” she said.": the quotation is framed from both
      // sides; the cue before it names the speaker, the one after says "she".
      if (b.weak == cue.weak && framed_by(b, cue, u)) better = pronoun_speaker(b) && !pronoun_speaker(cue);
      if (b.weak == cue.weak && framed_by(cue, b, u)) better = pronoun_speaker(b) && !pronoun_speaker(cue);
      if (better) best = static_cast<int32_t>(c);
    }
    return best < 0 ? -1 : draft_of_cue[best];
  }

  // One cue's verb just before the quotation (its colon ends that clause),
  // the other's just after it.
  bool framed_by(const Cue& before, const Cue& after, const QuoteUnit& u) const {
    uint32_t mark = opening_mark(u);
    return before.verb.last <= mark && mark <= before.verb.last + 3 && mark > 0 && is(mark - 1, ":") &&
           after.verb.first >= u.toks.last && after.verb.first <= u.toks.last + 4;
  }
  bool pronoun_speaker(const Cue& c) const {
    return c.speaker.last == c.speaker.first + 1 && lex_.pronoun(w(c.speaker.first)) != PronounClass::None;
  }

  // "“A,” Tester said, pointing to X, “B.”": a quotation split around its
  // attribution is one statement. The quotation before the cue's verb is
  // the last one joined to it, B follows the attribution in its sentence,
  // and no other cue stands between them ("“A,” he said, adding that “B”"
  // reports twice).
  int32_t split_draft(const QuoteUnit& u, int32_t last_direct, size_t cue_lo) const {
    if (last_direct < 0) return -1;
    const Draft& d = drafts_[last_direct];
    if (d.cue < 0 || d.quote_words == 0) return -1;
    const Cue& cue = cues_[d.cue];
    uint32_t attribution_end = std::max(cue.verb.last, cue.speaker.last);
    if (d.quoted.end > tok(cue.verb.first).span.start || u.toks.first < attribution_end) return -1;
    if (sidx(u.toks.first) != cue.sentence || u.toks.first > attribution_end + 20) return -1;
    for (size_t c = cue_lo; c < cues_.size() && cues_[c].verb.first < u.toks.first; ++c)
      if (cues_[c].verb.first > cue.verb.first) return -1;
    if (new_saying_between(attribution_end, opening_mark(u))) return -1;
    return last_direct;
  }

  // "“A,” X said, going on to say that “B”", "“A,” X said, suggesting a
  // few questions: “B”": a verb of saying after the attribution introduces
  // B as a statement of its own (by the same speaker), even where it made
  // no cue.
  // The verb opens a clause of its own: ", suggesting", "going on to say".
  bool new_saying_between(uint32_t from, uint32_t to) const {
    for (uint32_t k = from + 1; k < to && k < from + 24; ++k)
      if (!in_quote_[k] && tok(k).has(kLower) && lex_.verb(w(k)) != VerbClass::None &&
          ((is(k - 1, ",") && participle(w(k))) || is(k - 1, "to")))
        return true;
    return false;
  }

  // The draft B continues as a statement of its own by the same speaker:
  // "“A,” X said, going on to say that “B”".
  int32_t same_speaker_draft(const QuoteUnit& u, int32_t last_direct) const {
    if (last_direct < 0) return -1;
    const Draft& d = drafts_[last_direct];
    if (d.cue < 0 || d.quote_words == 0) return -1;
    const Cue& cue = cues_[d.cue];
    uint32_t attribution_end = std::max(cue.verb.last, cue.speaker.last), mark = opening_mark(u);
    if (d.quoted.end > tok(cue.verb.first).span.start || mark < attribution_end) return -1;
    if (sidx(u.toks.first) != cue.sentence) return -1;
    return new_saying_between(attribution_end, mark) ? last_direct : -1;
  }

  // "“A,” he said. “B.”": B continues A's statement when only A's
  // attribution lies between them, in the same paragraph.
  int32_t continued_draft(const QuoteUnit& u, int32_t last_direct) const {
    if (last_direct < 0) return -1;
    const Draft& d = drafts_[last_direct];
    if (d.cue < 0 || d.paragraph != u.para_first) return -1;
    uint32_t first_sentence = sidx(u.toks.first);
    if (d.cue >= 0 && first_sentence == cues_[d.cue].sentence &&
        new_saying_between(std::max(cues_[d.cue].verb.last, cues_[d.cue].speaker.last), opening_mark(u)))
      return -1;
    if (first_sentence != d.last_sentence + 1 && first_sentence != d.last_sentence) {
      // "“A,” said Rep. Ann Lee (D-N.C.), head of the caucus. “B.”": the
      // attribution runs over the full stop of an abbreviation. Between its
      // end and B: a few words, no quotation mark, no other verb of saying.
      const Cue& cue = cues_[d.cue];
      uint32_t from = std::max(cue.verb.last, cue.speaker.last), to = opening_mark(u);
      if (to < from || to - from > 24) return -1;
      for (uint32_t k = from; k < to; ++k)
        if (in_quote_[k] || tok(k).has(kQuote) || lex_.verb(w(k)) != VerbClass::None) return -1;
    }
    return d.content.end <= u.inner.start ? last_direct : -1;
  }

  // A quote with no cue of its own: a dash attribution, the cue of a
  // sentence ending in a colon, or the previous paragraph's speaker.
  void attribute_lone(const QuoteUnit& u, Draft& nd, size_t cue_lo, int32_t last_direct) {
    if (int32_t same = same_speaker_draft(u, last_direct); same >= 0) {
      nd.parent = same;
      return;
    }
    uint32_t after = u.toks.last;
    while (after < at_.tokens.size() && tok(after).has(kQuote)) ++after;
    if (after < at_.tokens.size() && is(after, "-") && para_of(after) == u.para_last) {
      uint32_t end = sent_of(after).last_token;
      TokRange sp = np_after(after + 1, end);
      if (!sp.empty()) {
        nd.speaker = sp;
        nd.verb = {after, after + 1};
        return;
      }
    }
    uint32_t first_sentence = sidx(u.toks.first);
    for (size_t c = cue_lo; c < cues_.size() && cues_[c].sentence < first_sentence; ++c) {
      const Cue& cue = cues_[c];
      if (cue.wants_next_quote && cue.sentence + 1 == first_sentence) {
        nd.speaker = cue.speaker;
        nd.verb = cue.verb;
        nd.paragraph = sents_[cue.sentence].paragraph;
        return;
      }
    }
    if (colon_subject(u, nd) || previous_cue(u, cue_lo, nd)) return;
    if (u.opens_paragraph && last_direct >= 0 && drafts_[last_direct].paragraph + 1 >= u.para_first &&
        last_draft_before(u.inner.start) == last_direct) {
      nd.parent = last_direct;
      return;
    }
    if (!previous_subject(u, nd)) syntactic_speaker(u, nd, false);
  }

  // "Reid has been pounding Trump as a “con artist”", "it referenced
  // “political tensions”": a short quotation in the object of a verb whose
  // subject is an actor named, or a pronoun, is that subject's words. From
  // the quotation's head up the tree (a few steps, never through a subject)
  // to the first verb; its nominal subject is the speaker. A longer
  // quotation that nothing else attributes takes the subject whatever it
  // names ("Scott's family has called on police to release the videos “as
  // a matter of ...”"): `named` is false.
  bool syntactic_speaker(const QuoteUnit& u, Draft& nd, bool named = true) const {
    uint32_t vt = governing_verb(u.toks);
    if (vt == kNoToken) return false;
    // a verb of saying with no cue of its own: its cue was refused ("“That,” he added, “B”")
    VerbClass vc = lex_.verb(w(vt));
    if (vc == VerbClass::Say || vc == VerbClass::Tell) return false;
    TokRange r = parsed_subject(vt);
    if (r.empty() || quote_in(r)) return false;
    bool pronoun = r.last == r.first + 1 && lex_.pronoun(w(r.first)) != PronounClass::None;
    if (named && !pronoun && !speakers_.resolve_named(r)) return false;
    nd.speaker = r;
    nd.verb = {vt, vt + 1};
    return true;
  }

  bool quote_in(TokRange r) const {
    for (uint32_t k = r.first; k < r.last; ++k)
      if (in_quote_[k] || tok(k).has(kQuote)) return true;
    return false;
  }

  // The first of the quotation marks that open u.
  uint32_t opening_mark(const QuoteUnit& u) const {
    uint32_t b = u.toks.first;
    while (b > 0 && tok(b - 1).has(kQuote)) --b;
    return b;
  }

  // "Sanders made the following comment:" then the quote: the subject of
  // the sentence that the colon ends.
  bool colon_subject(const QuoteUnit& u, Draft& nd) const {
    uint32_t b = opening_mark(u);
    if (b == 0 || !is(b - 1, ":")) return false;
    const Sentence& sn = sent_of(b - 1);
    uint32_t first = after_adverbial(sn, b - 1);
    if (first >= b - 1) return false;
    TokRange r = name_after(first, b - 1);
    if (r.empty() || !tok(r.last).has(kLower)) r = np_after(first, b - 1);
    if (r.empty() || r.last >= b - 1 || punct(r.last)) return false;
    nd.speaker = r;
    nd.verb = {r.last, r.last + 1};
    return true;
  }

  // "Sen. Bernie Sanders (Vt.) identified ... . “The younger people ...”":
  // a quotation that opens a sentence takes the subject of the sentence
  // before it in its paragraph, when that subject is a person named in full.
  bool previous_subject(const QuoteUnit& u, Draft& nd) const {
    uint32_t b = opening_mark(u);
    if (b == 0 || sidx(b - 1) == sidx(b)) return false;
    uint32_t prev_last = b - 1;
    const Sentence& prev = sent_of(prev_last);
    if (prev.paragraph != para_of(b)) return false;
    uint32_t quoted = 0;  // a title ("Face the Nation") may stand in it, not a quotation
    for (uint32_t k = prev.first_token; k < prev.last_token; ++k) quoted += in_quote_[k];
    if (quoted > kShortQuoteWords + 2) return false;
    uint32_t first = after_adverbial(prev, prev.last_token);
    if (first >= prev.last_token) return false;
    TokRange r = np_after(first, prev.last_token);
    if (r.empty() || r.last >= prev.last_token) return false;
    if (!(tok(r.last).has(kLower) || is(r.last, "(") || is(r.last, ","))) return false;
    std::optional<uint32_t> a = speakers_.resolve_named(r);
    if (!a || in_.actors.actors[*a].type != ActorType::Person) return false;
    nd.speaker = r;
    nd.verb = {r.last, r.last + 1};
    return true;
  }

  // "The administration may be reluctant ..., Schiff said. “The other
  // factor ...”": the speaker of a cue that closes the sentence before.
  bool previous_cue(const QuoteUnit& u, size_t cue_lo, Draft& nd) const {
    uint32_t first_sentence = sidx(u.toks.first);
    if (first_sentence == 0) return false;
    for (size_t c = cue_lo; c < cues_.size() && cues_[c].sentence < first_sentence; ++c) {
      const Cue& cue = cues_[c];
      if (cue.sentence + 1 != first_sentence || cue.weak) continue;
      const Sentence& sn = sents_[cue.sentence];
      if (sn.paragraph != u.para_first || cue.content.first != sn.first_token) continue;
      if (content_end(sn) > std::max(cue.verb.last, cue.speaker.last) + 4) continue;
      nd.speaker = cue.speaker;
      nd.verb = cue.verb;
      return true;
    }
    return false;
  }

  // The draft whose content starts last before pos (of equals, the last made).
  int32_t last_draft_before(uint32_t pos) const {
    auto it = starts_.lower_bound({pos, INT32_MIN});
    return it == starts_.begin() ? -1 : std::prev(it)->second;
  }

  void add_draft(const Draft& d) {
    starts_.insert({d.content.start, static_cast<int32_t>(drafts_.size())});
    drafts_.push_back(d);
  }

  const std::vector<Cue>& cues_;
  const Speakers& speakers_;
  std::vector<Draft> drafts_;
  std::set<std::pair<uint32_t, int32_t>> starts_;  // (content start, draft) of every draft

};

}  // namespace

std::vector<Draft> attach_quotes(const Article& a, const std::vector<Cue>& cues, const Speakers& speakers) {
  return Attacher(a, cues, speakers).run();
}

}  // namespace eventloom::statements
