// Statements: who said what, and when.
//
// This file is the driver: the article as the stages read it (1 below) and
// the statements made from the drafts, with their dates (4). The cues (2),
// the attachment (3) and the speakers (4) are in cues.cpp, attach.cpp and
// speakers.cpp; noun phrases in phrases.cpp; the shared types in stages.hpp.
//
// The algorithm, over one article:
//  1. Quote units. The text layer's outermost quotations, with a quotation
//     that its paragraph leaves open joined to the quotation that opens the
//     next paragraph (one quote across paragraphs). Quotations inside a unit
//     (nested quotes) belong to it. Tokens inside a unit are never read as
//     reporting cues: what the speaker says is not who says it.
//  2. Cues. One pass over the sentences finds, from data files:
//     - reporting verbs (saying_verbs.txt), "according to" and "as X put
//       it" (the words set off by the comma beside it). The
//       speaker is the noun phrase before the verb (over adverbs, an
//       appositive, a relative "who", a list of verbs sharing one subject:
//       "Putin has ordered ..., suggested ..."; "X did Y and said Z",
//       unless "said" is inside another cue's reported clause), or after it when the verb
//       follows the content ("..., said Geoffrey Roberts."). The content is
//       the reported clause after the verb ("said (on Thursday) (that) ...",
//       "told Y that ...", "X said: ...") or, when the verb closes the
//       sentence, before it ("..., the Kremlin said on Thursday."); an
//       attribution inside its sentence ("A, X said, were B") reports it all.
//       A weak verb (also a noun or a verb of thinking) needs "that", a
//       colon, a quotation, or a bare clause: a subject pronoun or a noun
//       phrase before an auxiliary ("confirmed the missile was").
//     - framing verbs (framing_verbs.txt): their object is the content when
//       the particle they need is in it ("presents the war as ...",
//       "cautioned Washington against ...", "expressed his support for").
//     - reporting nouns (noun_cues.txt) before "that" or "to": the speaker
//       owns the noun ("Trump's pledges to ...") or is the subject of the
//       light verb that governs it ("sent signals that", light_verbs.txt).
//     A cue with no speaker words is dropped. A reported clause ends at the
//     sentence end, at ", <participle>", at the first comma before an
//     auxiliary, at a colon before a quotation, and for a relative "who
//     said" at its comma; a "that" is the complementizer only before any
//     auxiliary and not after "and".
//     A weak verb that the tagger reads as a noun after a determiner, an
//     adjective, a number or a preposition ("of Republican claims") is no
//     cue; a time expression right after a verb opens no reported clause
//     ("“A,” X said this month on CNBC").
//  3. Attachment. A quote unit joins the cue whose content it overlaps; of
//     several, a strong verb before a weak one, then the innermost ("When
//     Clinton noted A ― Trump boasted, “B”"; but a named cue before it
//     over a pronoun after it: "X scolded him: “A,” she said"). A quotation
//     split around its attribution is one statement ("“A,” X said, pointing
//     to Y, “B.”"; but "“A,” X said, adding that “B”" reports twice, and a
//     verb of saying that opens a clause of its own after the attribution
//     starts a second statement by the same speaker: "“A,” X said, going on
//     to say that “B”"). A unit with no cue
//     of its own continues the statement just before it when only that
//     statement's attribution separates them ("“A,” he said. “B.”", also
//     over an abbreviation's full stop: "said Rep. X (D-N.C.). “B.”"), or
//     takes a speaker from a dash ("“…” – X"), a colon ending the sentence
//     before ("Sanders made the following comment:"), a cue closing the
//     sentence before ("..., Schiff said. “B”"), the previous paragraph's
//     quote (when it opens its paragraph), the named person who is the
//     subject of the sentence before, or, in the dependency parse, the
//     subject of the verb that governs it (syntax.cpp). A cue with
//     quotation units is Direct; when the quotation opens its content or is
//     most of it, the statement is the quotation ("blaming “the reckless
//     decisions ...” in ..."). A unit of four words or fewer with no cue is
//     a scare quote, unless the parse makes it the object of a verb whose
//     subject is an actor named or a pronoun ("Reid has been pounding Trump
//     as a “con artist”"); a unit in title case with no cue names a work.
//     Only these quotations make the stage parse a sentence.
//  3b. Commentary. A line inside the article that names a person and their
//     role ("Anna Berg, economist at ...:"), with no verb and no quotation,
//     makes each paragraph after it a statement by that person, until a
//     paragraph with a statement of its own, a quotation or another such
//     line (at most ten). A bare name is a caption or a signature, and the
//     byline above the article's first body paragraph is its author.
//  4. Speaker and date. Speaker words resolve to the actor whose mention
//     overlaps them (a person before an organisation: "Kremlin spokesman
//     Dmitry Peskov" is Peskov); a group ("Three lawmakers from ...", "The
//     West and Ukraine") to nobody; a definite description ("the
//     directorate", "the diplomat") to a recent actor whose name or role
//     holds its noun, else like "he"; a pronoun to the named subject of its
//     own sentence, else the last speaker, else the last actor named, of its
//     kind and gender (given_names_gender.txt: "she" skips "Ivan Lind"),
//     within two paragraphs, else to nobody (never a guess from far away).
//     `speaker_span` is always the words in the text. A quotation in the
//     headline is never direct: the headline's editor sums up what the body
//     quotes ("X says plan 'a disaster'"), so with a cue it is reported
//     speech and without one a label, not a statement. The date is the time
//     expression next to the verb ("said on Thursday"), else the
//     publication date, marked as such.
//
// Invariants: the output is sorted by content start; an indirect statement
// has at least two words; each token is read a bounded number of times
// (noun phrases, "that" searches and look-backs stop after a few tokens),
// so the work is linear in the article's length.
#include <algorithm>
#include <string>

#include "statements/stages.hpp"
#include "time/timex_index.hpp"

namespace eventloom {

const char* to_string(StatementKind k) { return k == StatementKind::Direct ? "direct" : "indirect"; }

namespace statements {
namespace {

// The text layer's sentences, also split after a quotation that closes
// a sentence ('... of “fanatic recklessness.” President Park said ...'),
// so that neither cue reads the other's words.
void split_sentences(const AnnotatedText& at, std::vector<Sentence>& sents, std::vector<uint32_t>& sent_idx) {
  const std::vector<Token>& toks = at.tokens;
  std::vector<uint8_t> breaks(toks.size(), 0);
  std::string_view t = at.text();
  for (const Quotation& q : at.quotes) {
    if (!q.closed || q.inner.end == 0 || q.inner.end > t.size()) continue;
    char last = t[q.inner.end - 1];
    if (last != '.' && last != '?' && last != '!') continue;
    uint32_t n = at.token_at(q.outer.end);
    if (n < toks.size() && n > 0 && toks[n].has(kUpperInit) && toks[n].sentence == toks[n - 1].sentence) breaks[n] = 1;
  }
  sent_idx.assign(toks.size(), 0);
  for (const Sentence& s : at.sentences) {
    Sentence cur = s;
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (breaks[i] && i > cur.first_token) {
        cur.last_token = i;
        cur.span.end = toks[i - 1].span.end;
        sents.push_back(cur);
        cur.first_token = i;
        cur.span.start = toks[i].span.start;
      }
      sent_idx[i] = static_cast<uint32_t>(sents.size());
    }
    cur.last_token = s.last_token;
    cur.span.end = s.span.end;
    sents.push_back(cur);
  }
}

void build_units(const AnnotatedText& at, std::vector<QuoteUnit>& units, std::vector<uint8_t>& in_quote) {
  in_quote.assign(at.tokens.size(), 0);
  bool last_closed = true;  // whether the last quotation seen was closed
  for (const Quotation& q : at.quotes) {
    if (q.depth != 0) continue;
    if (!units.empty() && units.back().inner.end >= q.outer.end) continue;  // nested
    bool continues = !units.empty() && !last_closed && q.paragraph == units.back().para_last + 1 &&
                     q.paragraph < at.paragraphs.size() && q.outer.start == at.paragraphs[q.paragraph].span.start;
    if (continues) {
      units.back().inner.end = q.inner.end;
      units.back().para_last = q.paragraph;
    } else {
      QuoteUnit u;
      u.inner = q.inner;
      u.para_first = u.para_last = q.paragraph;
      u.opens_paragraph = q.paragraph < at.paragraphs.size() && q.outer.start <= at.paragraphs[q.paragraph].span.start;
      units.push_back(u);
    }
    last_closed = q.closed;
  }
  for (QuoteUnit& u : units) {
    u.toks = {at.token_at(u.inner.start), at.token_at(u.inner.end)};
    for (uint32_t i = u.toks.first; i < u.toks.last; ++i) {
      in_quote[i] = 1;
      if (at.tokens[i].has(kAlpha)) ++u.words;
    }
  }
}

}  // namespace

Article::Article(const StatementInput& input) : in(input), at(input.text), lex(Lexicon::get()) {
  split_sentences(at, sents, sent_idx);
  build_units(at, units, in_quote);
  timex_end.assign(at.tokens.size(), 0);
  for (const Timex& t : in.timexes)
    if (t.first_token < t.last_token && t.last_token <= at.tokens.size())
      timex_end[t.first_token] = std::max(timex_end[t.first_token], t.last_token);
}

namespace {

// The statements from the drafts, in the order of their content: speaker,
// cue, date and the actors the content names.
class Assembler : Reader {
 public:
  Assembler(const Article& a, const std::vector<Draft>& drafts, Speakers& speakers)
      : Reader(a), drafts_(drafts), speakers_(speakers), timexes_(a.in.timexes) {}

  std::vector<LocalStatement> run() {
    std::vector<uint32_t> order(drafts_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return drafts_[a].content.start != drafts_[b].content.start ? drafts_[a].content.start < drafts_[b].content.start
                                                                  : a < b;
    });
    std::vector<LocalStatement> done(drafts_.size());
    std::vector<uint8_t> made(drafts_.size(), 0);
    std::vector<LocalStatement> out;
    out.reserve(drafts_.size());
    for (uint32_t idx : order) {
      if (headline_quote_without_speaker(drafts_[idx])) continue;
      LocalStatement st = make(idx, done, made);
      if (st.kind == StatementKind::Indirect && alpha_words(st.content) < 2) continue;  // "<National", "(D-Wisc"
      out.push_back(std::move(st));
    }
    return out;
  }

 private:
  // A headline sums the article up in the editor's words: a phrase it puts
  // in quotation marks ("X says plan 'a disaster'") is not a verbatim quote
  // but the gist of one the body gives. A headline statement with a cue or a
  // speaker is reported speech (indirect); a headline quotation with neither
  // is a label.
  bool in_headline(const Draft& d) const {
    return d.paragraph < at_.paragraphs.size() && at_.paragraphs[d.paragraph].kind == ParagraphKind::Title;
  }
  bool headline_quote_without_speaker(const Draft& d) const {
    return d.direct && d.cue < 0 && d.parent < 0 && d.speaker.empty() && in_headline(d);
  }

  LocalStatement make(uint32_t idx, std::vector<LocalStatement>& done, std::vector<uint8_t>& made) {
    const Draft& d = drafts_[idx];
    LocalStatement st;
    st.kind = d.direct && !in_headline(d) ? StatementKind::Direct : StatementKind::Indirect;
    st.content = trim_content(quoted_part(d));
    if (d.parent >= 0 && made[d.parent]) {
      const LocalStatement& p = done[d.parent];
      st.speaker = p.speaker;
      st.speaker_span = p.speaker_span;
      st.cue = p.cue;
      st.date = p.date;
      st.date_from_publication = p.date_from_publication;
    } else {
      if (!d.speaker.empty()) {
        st.speaker_span = span_of(d.speaker);
        st.speaker = speakers_.resolve(d.speaker);
      }
      if (!d.verb.empty()) st.cue = span_of(d.verb);
      date(d, st);
    }
    st.mentions = mentions_in(st.content);
    done[idx] = st;
    made[idx] = 1;
    if (st.speaker) speakers_.spoke(st.speaker_span ? st.speaker_span->start : st.content.start, *st.speaker);
    return st;
  }

  // A reported clause that is mostly quotation, or opens with it
  // ("blaming “the reckless decisions ...” in supplying weapons"): the
  // statement is the quotation; a quoted phrase inside a longer clause
  // keeps the clause ("noted that there are a “number of plots” that ...").
  Span quoted_part(const Draft& d) const {
    if (!d.direct || d.cue < 0 || d.quote_words == 0 || d.quoted.start < d.content.start) return d.content;
    uint32_t first = at_.token_at(d.content.start), quote_first = at_.token_at(d.quoted.start);
    uint32_t words = 0;
    for (uint32_t i = first; i < at_.tokens.size() && tok(i).span.start < d.content.end; ++i)
      if (tok(i).has(kAlpha)) ++words;
    if (quote_first <= first + 1 || d.quote_words * 100 >= words * 65) return d.quoted;
    return d.content;
  }

  uint32_t alpha_words(Span s) const {
    uint32_t n = 0;
    for (uint32_t i = at_.token_at(s.start); i < at_.tokens.size() && tok(i).span.start < s.end; ++i)
      if (tok(i).has(kAlpha) && !tok(i).has(kPunct)) ++n;
    return n;
  }

  Span trim_content(Span s) const {
    std::string_view t = at_.text();
    auto junk = [](char c) { return c == ' ' || c == ',' || c == '"' || c == '\'' || c == '\n' || c == ':'; };
    while (s.start < s.end && junk(t[s.start])) ++s.start;
    while (s.end > s.start && junk(t[s.end - 1])) --s.end;
    return s;
  }

  void date(const Draft& d, LocalStatement& st) const {
    if (const Timex* tx = governing_timex(d)) {
      st.date = tx->value;
    } else if (in_.dct) {
      st.date = format_date(*in_.dct);
      st.date_from_publication = true;
    }
  }

  // A time expression within a few words of the verb, in its sentence and
  // outside the reported content: "said on Thursday", "on Friday told".
  const Timex* governing_timex(const Draft& d) const {
    if (d.verb.empty()) return nullptr;
    uint32_t v = d.verb.first;
    uint32_t s = sidx(v);
    uint32_t best = UINT32_MAX, best_dist = 0;
    // Within 8 tokens: one that starts up to 8 after the verb, or ends at
    // most 7 before it (and so starts at most its length earlier).
    uint32_t lo = v - std::min(v, 7 + timexes_.longest());
    timexes_.each_starting_in(lo, v + 8, [&](uint32_t i) {
      const Timex& tx = in_.timexes[i];
      if (tx.first_token >= at_.tokens.size() || sidx(tx.first_token) != s) return;
      if (tx.span.overlaps(d.content) && !d.content.contains(span_of(d.verb))) return;
      if (d.content.contains(tx.span)) return;
      uint32_t dist = tx.first_token > v ? tx.first_token - v : v - std::min(v, tx.last_token) + 1;
      if (dist > 8) return;
      if (best == UINT32_MAX || dist < best_dist || (dist == best_dist && i < best)) {
        best = i;
        best_dist = dist;
      }
    });
    return best == UINT32_MAX ? nullptr : &in_.timexes[best];
  }

  std::vector<uint32_t> mentions_in(Span s) const {
    std::vector<uint32_t> out;
    const auto& ms = in_.actors.mentions;
    for (auto it = mentions_from(s.start); it != ms.end() && it->span.start < s.end; ++it)
      if (s.contains(it->span) && std::find(out.begin(), out.end(), it->actor) == out.end()) out.push_back(it->actor);
    return out;
  }

  const std::vector<Draft>& drafts_;
  Speakers& speakers_;
  timex::ByFirstToken timexes_;
};

}  // namespace
}  // namespace statements

std::vector<LocalStatement> find_statements(const StatementInput& in) {
  if (in.text.tokens.empty() || in.text.sentences.empty()) return {};
  statements::Article article(in);
  statements::Speakers speakers(article);
  std::vector<statements::Cue> cues = statements::find_cues(article);
  std::vector<statements::Draft> drafts = statements::attach_quotes(article, cues, speakers);
  statements::add_commentary(article, drafts);
  return statements::Assembler(article, drafts, speakers).run();
}

}  // namespace eventloom
