// Statements: who said what, and when.
//
// The algorithm, over one article:
//  1. Quote units. The text layer's outermost quotations, with a quotation
//     that its paragraph leaves open joined to the quotation that opens the
//     next paragraph (one quote across paragraphs). Quotations inside a unit
//     (nested quotes) belong to it. Tokens inside a unit are never read as
//     reporting cues: what the speaker says is not who says it.
//  2. Cues. One pass over the sentences finds, from data files:
//     - reporting verbs (reporting_verbs.txt) and "according to". The
//       speaker is the noun phrase before the verb (over adverbs, an
//       appositive, a relative "who", a list of verbs sharing one subject:
//       "Putin has ordered ..., suggested ..."), or after it when the verb
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
//  3. Attachment. A quote unit joins the cue whose content it overlaps; of
//     several, a strong verb before a weak one, then the innermost ("When
//     Clinton noted A ― Trump boasted, “B”"). A unit with no cue of its own
//     continues the statement just before it when only that statement's
//     attribution separates them ("“A,” he said. “B.”": one statement), or
//     takes a speaker from a dash ("“…” – X"), a colon ending the sentence
//     before ("Sanders made the following comment:"), a cue closing the
//     sentence before ("..., Schiff said. “B”"), the previous paragraph's
//     quote (when it opens its paragraph), or the named person who is the
//     subject of the sentence before. A cue with quotation units is Direct;
//     when the quotation opens its content or is most of it, the statement
//     is the quotation ("blaming “the reckless decisions ...” in ..."). A
//     unit of four words or fewer with no cue is a scare quote or a title.
//  4. Speaker and date. Speaker words resolve to the actor whose mention
//     overlaps them (a person before an organisation: "Kremlin spokesman
//     Dmitry Peskov" is Peskov); a group ("Three lawmakers from ...", "The
//     West and Ukraine") to nobody; a definite description ("the
//     directorate", "the diplomat") to a recent actor whose name or role
//     holds its noun, else like "he"; a pronoun to the named subject of its
//     own sentence, else the last speaker, else the last actor named, of its
//     kind and gender (given_names_gender.txt: "she" skips "Ivan Lind"),
//     within two paragraphs, else to nobody (never a guess from far away).
//     `speaker_span` is always the words in the text. The date is the time
//     expression next to the verb ("said on Thursday"), else the
//     publication date, marked as such.
//
// Invariants: the output is sorted by content start; an indirect statement
// has at least two words; each token is read a bounded number of times
// (noun phrases, "that" searches and look-backs stop after a few tokens),
// so the work is linear in the article's length.
#include <algorithm>
#include <string>

#include "eventloom/statements.hpp"
#include "statements/lexicon.hpp"

namespace eventloom {

const char* to_string(StatementKind k) { return k == StatementKind::Direct ? "direct" : "indirect"; }

namespace {

using statements::Lexicon;
using statements::PronounClass;
using statements::VerbClass;
using statements::Framing;
using statements::Gender;
using statements::NounCue;

constexpr uint32_t kMaxNpTokens = 10;
constexpr uint32_t kThatWindow = 14;
constexpr uint32_t kShortQuoteWords = 4;
constexpr uint32_t kPronounReach = 2;  // paragraphs a pronoun may look back

struct TokRange {
  uint32_t first = 0, last = 0;  // [first, last)
  bool empty() const { return last <= first; }
};

struct QuoteUnit {
  Span inner;
  TokRange toks;
  uint32_t para_first = 0, para_last = 0;
  uint32_t words = 0;
  bool opens_paragraph = false;
};

struct Cue {
  TokRange verb;
  TokRange speaker;
  TokRange content;
  uint32_t sentence = 0;
  bool wants_next_quote = false;  // "X said:" ends its sentence
  bool relative = false;          // "X, who said A, ...": the content ends at the comma
  bool weak = false;              // a weak verb, a framing verb or a noun: another cue wins a quote
};

// A statement under construction.
struct Draft {
  Span content;
  TokRange speaker;
  TokRange verb;
  int32_t cue = -1;
  bool direct = false;
  uint32_t paragraph = 0;
  uint32_t last_sentence = 0;  // sentence where its attribution or quote ends
  int32_t parent = -1;         // a continuation: speaker and date from this draft
  Span quoted;                 // from the first quotation joined to it to the last
  uint32_t quote_words = 0;
};

class Finder {
 public:
  explicit Finder(const StatementInput& in) : in_(in), at_(in.text), lex_(Lexicon::get()) {}

  std::vector<LocalStatement> run() {
    split_sentences();
    build_units();
    find_cues();
    attach();
    return finish();
  }

 private:
  // ---- token helpers ----
  std::string_view w(uint32_t i) const { return at_.word(i); }
  const Token& tok(uint32_t i) const { return at_.tokens[i]; }
  bool punct(uint32_t i) const { return tok(i).has(kPunct) && !tok(i).has(kPossessive); }
  bool is(uint32_t i, std::string_view s) const { return i < at_.tokens.size() && w(i) == s; }
  uint32_t sidx(uint32_t i) const { return sent_idx_[i]; }
  const Sentence& sent_of(uint32_t i) const { return sents_[sidx(i)]; }
  uint32_t para_of(uint32_t i) const { return sent_of(i).paragraph; }
  Span span_of(TokRange r) const { return {tok(r.first).span.start, tok(r.last - 1).span.end}; }

  static bool ends_with(std::string_view s, std::string_view suf) {
    return s.size() > suf.size() + 1 && s.substr(s.size() - suf.size()) == suf;
  }

  // A word that may stand in a speaker's noun phrase.
  bool np_word(uint32_t i) const {
    if (in_quote_[i]) return false;
    const Token& t = tok(i);
    if (t.has(kPossessive)) return true;
    if (t.has(kPunct) || !(t.has(kAlpha) || t.has(kDigit))) return false;
    std::string_view s = w(i);
    if (lex_.stopword(s) || lex_.pre_verb(s)) return false;
    // After a determiner a verb-like word is a noun: "The Post", "the ruling".
    if (i > 0 && !in_quote_[i - 1] && lex_.determiner(w(i - 1))) return true;
    if (lex_.verb(s) != VerbClass::None) return false;
    if (t.has(kUpperInit)) return true;
    return !(ends_with(s, "ly") || ends_with(s, "ing") || ends_with(s, "ed"));
  }

  bool has_head(TokRange r) const {
    for (uint32_t i = r.first; i < r.last; ++i)
      if (!tok(i).has(kPossessive) && !lex_.determiner(w(i)) && !lex_.np_link_before(w(i))) return true;
    return false;
  }

  // The noun phrase that ends just before `end`, not before `floor`.
  TokRange np_before(uint32_t end, uint32_t floor) const {
    if (end > floor && is(end - 1, ")")) {  // "Paul D. Ryan (R-Wis.)"
      uint32_t k = end - 1;
      while (k > floor && end - k < 8 && !is(k, "(")) --k;
      if (is(k, "(")) end = k;
    }
    if (end <= floor) return {};
    if (lex_.pronoun(w(end - 1)) != PronounClass::None) return {end - 1, end};
    uint32_t j = end;
    while (j > floor && end - j < kMaxNpTokens) {
      uint32_t i = j - 1;
      std::string_view s = w(i);
      if (tok(i).has(kPossessive)) {
        if (j == end) break;
        j = i;
        continue;
      }
      if (lex_.determiner(s) && !in_quote_[i]) {
        j = i;
        if (i >= floor + 2 && lex_.np_link_before(w(i - 1)) && np_word(i - 2)) {
          j = i - 1;
          continue;
        }
        break;
      }
      if (lex_.np_link_before(s) && !in_quote_[i]) {
        if (j == end || i == floor || !np_word(i - 1)) break;
        j = i;
        continue;
      }
      if (!np_word(i)) break;
      j = i;
    }
    TokRange r{j, end};
    while (!r.empty() && lex_.np_link_before(w(r.first))) ++r.first;
    if (r.empty() || !has_head(r)) return {};
    return r;
  }

  // The noun phrase that starts at `begin`, not past `limit`.
  TokRange np_after(uint32_t begin, uint32_t limit) const {
    uint32_t j = begin;
    while (j < limit && j - begin < kMaxNpTokens) {
      std::string_view s = w(j);
      if (lex_.determiner(s) && !in_quote_[j]) {
        ++j;
        continue;
      }
      if (lex_.np_link(s) && j == begin) break;  // "said at a Washington event"
      if (lex_.np_link(s) && j > begin && j + 1 < limit && (np_word(j + 1) || lex_.determiner(w(j + 1)))) {
        ++j;
        continue;
      }
      if (!np_word(j)) break;
      ++j;
    }
    TokRange r{begin, j};
    while (!r.empty() && (lex_.np_link(w(r.last - 1)) || lex_.determiner(w(r.last - 1)))) --r.last;
    if (r.empty() || !has_head(r)) return {};
    return r;
  }

  // ---- 0. sentences ----
  // The text layer's sentences, also split after a quotation that closes
  // a sentence ('... of “fanatic recklessness.” President Park said ...'),
  // so that neither cue reads the other's words.
  void split_sentences() {
    std::vector<uint8_t> breaks(at_.tokens.size(), 0);
    std::string_view t = at_.text();
    for (const Quotation& q : at_.quotes) {
      if (!q.closed || q.inner.end == 0 || q.inner.end > t.size()) continue;
      char last = t[q.inner.end - 1];
      if (last != '.' && last != '?' && last != '!') continue;
      uint32_t n = at_.token_at(q.outer.end);
      if (n < at_.tokens.size() && n > 0 && tok(n).has(kUpperInit) && tok(n).sentence == tok(n - 1).sentence)
        breaks[n] = 1;
    }
    sent_idx_.assign(at_.tokens.size(), 0);
    for (const Sentence& s : at_.sentences) {
      Sentence cur = s;
      for (uint32_t i = s.first_token; i < s.last_token; ++i) {
        if (breaks[i] && i > cur.first_token) {
          cur.last_token = i;
          cur.span.end = tok(i - 1).span.end;
          sents_.push_back(cur);
          cur.first_token = i;
          cur.span.start = tok(i).span.start;
        }
        sent_idx_[i] = static_cast<uint32_t>(sents_.size());
      }
      cur.last_token = s.last_token;
      cur.span.end = s.span.end;
      sents_.push_back(cur);
    }
  }

  // ---- 1. quote units ----
  void build_units() {
    in_quote_.assign(at_.tokens.size(), 0);
    for (const Quotation& q : at_.quotes) {
      if (q.depth != 0) continue;
      if (!units_.empty() && units_.back().inner.end >= q.outer.end) continue;  // nested
      bool continues = !units_.empty() && !last_closed_ && q.paragraph == units_.back().para_last + 1 &&
                       q.paragraph < at_.paragraphs.size() && q.outer.start == at_.paragraphs[q.paragraph].span.start;
      if (continues) {
        units_.back().inner.end = q.inner.end;
        units_.back().para_last = q.paragraph;
      } else {
        QuoteUnit u;
        u.inner = q.inner;
        u.para_first = u.para_last = q.paragraph;
        u.opens_paragraph =
            q.paragraph < at_.paragraphs.size() && q.outer.start <= at_.paragraphs[q.paragraph].span.start;
        units_.push_back(u);
      }
      last_closed_ = q.closed;
    }
    for (QuoteUnit& u : units_) {
      u.toks = {at_.token_at(u.inner.start), at_.token_at(u.inner.end)};
      for (uint32_t i = u.toks.first; i < u.toks.last; ++i) {
        in_quote_[i] = 1;
        if (tok(i).has(kAlpha)) ++u.words;
      }
    }
  }

  // ---- 2. cues ----
  void find_cues() {
    for (uint32_t s = 0; s < sents_.size(); ++s) {
      const Sentence& sn = sents_[s];
      for (uint32_t i = sn.first_token; i < sn.last_token; ++i) {
        if (in_quote_[i]) continue;
        if (is(i, "according") || is(i, "According")) {
          if (i + 1 < sn.last_token && is(i + 1, "to")) according(s, i);
          continue;
        }
        size_t before = cues_.size();
        VerbClass vc = lex_.verb(w(i));
        if (vc != VerbClass::None) verb_cue(s, i, vc);
        if (cues_.size() != before || !tok(i).has(kLower)) continue;
        Framing f = lex_.framing(w(i));
        if (f != Framing::None) {
          framing_cue(s, i, f);
          continue;
        }
        NounCue nc = lex_.noun_cue(w(i));
        if (nc != NounCue::None) noun_cue(s, i, nc);
      }
    }
  }

  // The end of a reported clause: the sentence end, or a comma before a
  // participle that starts a new clause (", citing ...", ", emphasizing").
  // A colon before a quotation ends it too ("He added that A: “B.”": A is
  // reported, B quoted), and so does a comma before an auxiliary ("remarks
  // by X, who said A, have shocked ...").
  uint32_t clause_end(uint32_t from, const Sentence& sn) const {
    bool comma_seen = false;
    for (uint32_t k = from; k + 1 < sn.last_token; ++k) {
      if (in_quote_[k]) continue;
      if (is(k, ",") && tok(k + 1).has(kLower) &&
          ((participle(w(k + 1)) && !quote_in(k, sn.last_token)) || (!comma_seen && lex_.auxiliary(w(k + 1)))))
        return k;
      // "suggested A, and sealed a pact": the list of verbs goes on
      if (is(k, ",") && k + 2 < sn.last_token && is(k + 1, "and") && tok(k + 2).has(kLower) && ends_with(w(k + 2), "ed"))
        return k;
      if (is(k, ",")) comma_seen = true;
      if (k > from && is(k, ":") && (tok(k + 1).has(kQuote) || in_quote_[k + 1])) return k;
    }
    return content_end(sn);
  }

  // The first ", <participle>" in [from, end), else end: a weak verb's own
  // clause stops there ("cautioned against A, emphasizing “B”").
  uint32_t participle_comma(uint32_t from, uint32_t end) const {
    for (uint32_t k = from; k + 1 < end; ++k)
      if (is(k, ",") && !in_quote_[k] && tok(k + 1).has(kLower) && participle(w(k + 1))) return k;
    return end;
  }

  // The end of a framing verb's object: a comma, semicolon or colon, or
  // "and" before a new verb ("criticized X as illegal and has slammed").
  uint32_t object_end(uint32_t from, const Sentence& sn) const {
    uint32_t end = content_end(sn);
    for (uint32_t k = from; k < end; ++k) {
      if (in_quote_[k]) continue;
      if (is(k, ",") && (is(k + 1, "including") || (is(k + 1, "as") && is(k + 2, "well")))) continue;
      if (is(k, ",") || is(k, ";") || is(k, ":")) return k;
      if ((is(k, "and") || is(k, "but")) && k + 1 < end && tok(k + 1).has(kLower) &&
          (lex_.auxiliary(w(k + 1)) || lex_.pre_verb(w(k + 1)) || ends_with(w(k + 1), "ed")))
        return k;
    }
    return end;
  }

  // "presents the war as part of a wider struggle", "cautioned Washington
  // against ...", "expressed his full support for ...": the object is the
  // content, when the particle the verb needs is in it.
  void framing_cue(uint32_t s, uint32_t i, Framing f) {
    const Sentence& sn = sents_[s];
    if (i > sn.first_token) {
      std::string_view p = w(i - 1);
      if (p == "to" || lex_.determiner(p) || tok(i - 1).has(kPossessive)) return;
      if (progressive_aux(p) && !participle(w(i))) return;  // a passive: "was described as"
    }
    uint32_t b = i + 1, end = object_end(b, sn);
    if (end < b + 3) return;
    for (uint32_t j = b; j < b + 3; ++j)  // "expressed frustration that": the noun is the cue
      if (lex_.noun_cue(w(j)) != NounCue::None && (is(j + 1, "that") || is(j + 1, "to"))) return;
    if (f != Framing::Object) {
      std::string_view particle = f == Framing::As ? "as" : "against";
      bool found = false;
      for (uint32_t j = b; j < end && j < b + 10 && !found; ++j) found = is(j, particle);
      if (!found) return;
    }
    Cue c;
    c.verb = {i, i + 1};
    c.sentence = s;
    c.weak = true;
    if (participle(w(i))) {
      if (i == sn.first_token || !is(i - 1, ",")) return;
      c.speaker = participle_subject(s, i);
    } else {
      c.speaker = subject_before(i, sn.first_token);
    }
    if (c.speaker.empty()) return;
    c.content = {b, end};
    cues_.push_back(c);
  }

  // "the Kremlin sent signals that ...", "Trump's claim that ...", "Trump's
  // repeated pledges to bring ...": the owner of the noun, or the subject
  // of the verb that governs it, is the speaker.
  void noun_cue(uint32_t s, uint32_t i, NounCue nc) {
    const Sentence& sn = sents_[s];
    if (i + 2 >= sn.last_token || !is(i + 1, nc == NounCue::That ? "that" : "to")) return;
    uint32_t b = nc == NounCue::That ? i + 2 : i + 1;
    if (nc == NounCue::To && (!tok(i + 2).has(kLower) || lex_.determiner(w(i + 2)) || lex_.stopword(w(i + 2))))
      return;  // "Trump's call to the Russian president": not an infinitive
    if (in_quote_[b] || lex_.auxiliary(w(b)) || lex_.verb(w(b)) != VerbClass::None) return;  // "the claim that was"
    Cue c;
    c.verb = {i, i + 1};
    c.sentence = s;
    c.weak = true;
    for (uint32_t k = i; k > sn.first_token && i - k < 4 && !in_quote_[k - 1];) {
      --k;
      if (tok(k).has(kPossessive)) {  // "Trump's repeated pledges"
        c.speaker = k > sn.first_token && tok(k - 1).has(kUpperInit) ? name_before(k, sn.first_token)
                                                                     : np_before(k, sn.first_token);
        break;
      }
      bool owner_next = k > sn.first_token && tok(k - 1).has(kPossessive);
      if (lex_.light_verb(w(k)) && !owner_next) {  // "sent signals", "have expressed frustration"
        c.speaker = subject_before(k, sn.first_token);
        break;
      }
      if (!(lex_.determiner(w(k)) || (tok(k).has(kLower) && !lex_.stopword(w(k)) && !lex_.auxiliary(w(k))))) break;
    }
    if (c.speaker.empty()) return;
    c.content = {b, clause_end(b, sn)};
    if (c.content.last >= c.content.first + 2) cues_.push_back(c);
  }

  uint32_t content_end(const Sentence& sn) const {
    uint32_t e = sn.last_token;
    while (e > sn.first_token && punct(e - 1) && !tok(e - 1).has(kQuote)) --e;
    return e;
  }

  void according(uint32_t s, uint32_t i) {
    const Sentence& sn = sents_[s];
    uint32_t end = sn.last_token;
    TokRange sp = np_after(i + 2, end);
    if (sp.empty()) return;
    Cue c;
    c.verb = {i, i + 2};
    c.speaker = sp;
    c.sentence = s;
    if (i > sn.first_token && is(i - 1, ",")) {
      c.content = {sn.first_token, i - 1};
      // "The latest talks, according to Zakharova, were the first ...": the sentence goes on
      if (sp.last + 1 < end && is(sp.last, ",") && continues_clause(sp.last + 1)) c.content.last = content_end(sn);
    } else if (sp.last < end && is(sp.last, ",")) {
      c.content = {sp.last + 1, content_end(sn)};
    } else {
      return;
    }
    if (c.content.last > c.content.first + 1) cues_.push_back(c);
  }

  bool participle(std::string_view s) const { return ends_with(s, "ing"); }
  static bool progressive_aux(std::string_view s) {
    return s == "is" || s == "are" || s == "was" || s == "were" || s == "been";
  }

  void verb_cue(uint32_t s, uint32_t i, VerbClass vc) {
    const Sentence& sn = sents_[s];
    const Token& t = tok(i);
    bool title = at_.paragraphs[sn.paragraph].kind == ParagraphKind::Title;
    if (!t.has(kLower) && !title) {
      if (i == sn.first_token && t.has(kUpperInit)) initial_verb_cue(s, i);
      return;
    }
    if (i > sn.first_token) {
      std::string_view p = w(i - 1);
      if (p == "to" || p == "To" || lex_.determiner(p) || tok(i - 1).has(kPossessive)) return;
    }
    if (i + 1 < sn.last_token && lex_.auxiliary(w(i + 1))) return;  // a noun: "Kim's mental state is"
    Cue c;
    c.verb = {i, i + 1};
    c.sentence = s;
    c.weak = vc == VerbClass::Weak || vc == VerbClass::Think;
    bool backward = false, forward_only = false;
    if (participle(w(i)) && !(i > sn.first_token && progressive_aux(w(i - 1)))) {
      if (i == sn.first_token) return;
      if (tok(i - 1).has(kUpperInit) && !in_quote_[i - 1] && !lex_.stopword(w(i - 1))) {  // "footage of Trump saying"
        c.speaker = name_before(i, sn.first_token);
      } else if (is(i - 1, ",") || is(i - 1, "by") || is(i - 1, "while") || is(i - 1, "after") ||
                 (is(i, "saying") && !in_quote_[i - 1])) {  // "a series of tweets early Friday saying that"
        c.speaker = participle_subject(s, i);
      } else {
        return;
      }
      forward_only = true;  // "“A,” X stated, signaling that B": B follows
    } else if (i > sn.first_token && (tok(i - 1).has(kQuote) || is(i - 1, ","))) {
      if (!(is(i - 1, ",") && relative_segment_before(i - 1, sn.first_token)))
        c.speaker = inverted_speaker(i, sn.last_token);
      backward = !c.speaker.empty();
      if (c.speaker.empty() && is(i - 1, ",")) c.speaker = subject_before(i, sn.first_token);
    } else {
      c.speaker = subject_before(i, sn.first_token);
    }
    if (c.speaker.empty()) return;
    if (!backward && !forward_only) backward = reported_before(c.speaker, i, sn);
    if (!backward && !forward_only && !clause_after_verb(i, sn) && after_quoted_sentence(c.speaker, i, sn)) {
      // "“Why?” Graham asked.": the question mark ended the sentence.
      const Sentence& prev = sents_[s - 1];
      c.content = {prev.first_token, prev.last_token};
      cues_.push_back(c);
      return;
    }
    if (backward) {
      uint32_t head = std::min(c.speaker.first, i);
      bool quoted = head > sn.first_token && tok(head - 1).has(kQuote);
      while (head > sn.first_token && (is(head - 1, ",") || tok(head - 1).has(kQuote))) --head;
      c.content = {sn.first_token, head};
      // "... organizations "in that perimeter,” said X": a mark the text
      // layer left unpaired opens the quoted part.
      if (quoted)
        for (uint32_t q = head; q-- > sn.first_token + 1;)
          if (tok(q).has(kQuote) && !in_quote_[q]) {
            c.content.first = q + 1;
            break;
          }
      if (!quoted && parenthetical(i, sn)) c.content.last = content_end(sn);  // "A, Zakharova said, showed B"
      uint32_t words = 0;
      for (uint32_t k = c.content.first; k < c.content.last; ++k) words += tok(k).has(kAlpha) ? 1 : 0;
      if (words < 2) return;
      if (c.content.empty()) return;
    } else {
      c.relative = relative_verb(i, sn.first_token);
      if (!forward_content(c, vc, sn)) return;
    }
    cues_.push_back(c);
  }

  // "Said Ellis: “...”"
  void initial_verb_cue(uint32_t s, uint32_t i) {
    const Sentence& sn = sents_[s];
    Cue c;
    c.verb = {i, i + 1};
    c.sentence = s;
    c.speaker = np_after(i + 1, sn.last_token);
    if (c.speaker.empty() || c.speaker.last >= sn.last_token) return;
    if (!(is(c.speaker.last, ":") || is(c.speaker.last, ","))) return;
    uint32_t k = c.speaker.last + 1;
    c.content = {k, content_end(sn)};
    if (c.content.last < c.content.first + 2) return;
    cues_.push_back(c);
  }

  // "“...,” said X." / "..., said X, a historian": X must end the clause.
  TokRange inverted_speaker(uint32_t i, uint32_t end) const {
    TokRange r = np_after(i + 1, end);
    if (r.empty()) return {};
    if (r.last >= end || (punct(r.last) && !tok(r.last).has(kQuote))) return r;
    std::string_view nx = w(r.last);
    static constexpr std::string_view kFollow[] = {"in", "on", "at", "during", "who", "after", "before", "when",
                                                  "while", "as", "according", "last", "this", "earlier", "later"};
    for (std::string_view f : kFollow)
      if (nx == f) return r;
    return {};
  }

  // The subject of a verb at i: over adverbs and auxiliaries, then an
  // appositive or relative clause set off by commas, then the noun phrase.
  TokRange subject_before(uint32_t i, uint32_t floor) const {
    uint32_t e = i;
    if (e > floor && progressive_aux(w(e - 1))) {
      if (!participle(w(i))) return {};  // a passive: "was called a “bluff”"
      --e;
    }
    while (e > floor && !in_quote_[e - 1] &&
           (lex_.pre_verb(w(e - 1)) || (tok(e - 1).has(kLower) && ends_with(w(e - 1), "ly"))))
      --e;
    if (e <= floor) return {};
    if (is(e - 1, "who") || is(e - 1, "which")) {  // "Hegseth, who said ..."
      --e;
      if (e > floor && is(e - 1, ",")) return np_before(e - 1, floor);
      if (is(e, "who")) return np_before(e, floor);  // "according to a lawyer who said"
      return {};
    }
    if (e > floor && is(e - 1, ",")) {
      TokRange list = list_subject(i, floor);
      return list.empty() ? appositive_subject(e - 1, floor) : list;
    }
    TokRange r = np_before(e, floor);
    if (!r.empty() && r.first >= floor + 2 && is(r.first - 1, "and")) {  // "The West and Ukraine have cast"
      TokRange left = np_before(r.first - 1, floor);
      if (!left.empty()) r.first = left.first;
    }
    return r;
  }

  // "Hegseth, who said ...": the verb opens a relative clause.
  bool relative_verb(uint32_t i, uint32_t floor) const {
    uint32_t e = i;
    while (e > floor && !in_quote_[e - 1] &&
           (lex_.pre_verb(w(e - 1)) || (tok(e - 1).has(kLower) && ends_with(w(e - 1), "ly"))))
      --e;
    return e > floor && (is(e - 1, "who") || is(e - 1, "which"));
  }

  // "Putin has ordered drills ..., suggested Russia could ...": a verb in a
  // list of verbs shares the sentence's subject.
  TokRange list_subject(uint32_t i, uint32_t floor) const {
    if (!ends_with(w(i), "ed") || floor >= i) return {};
    TokRange r = np_after(floor, i);
    if (r.empty() || r.last >= i) return {};
    uint32_t v = r.last;
    bool aux = false;
    while (v < i && tok(v).has(kLower) && (lex_.pre_verb(w(v)) || lex_.auxiliary(w(v)) || ends_with(w(v), "ly"))) {
      aux = true;
      ++v;
    }
    if (v >= i || !tok(v).has(kLower) || !(aux || ends_with(w(v), "ed"))) return {};
    return r;
  }

  // "Roberts, a historian of Stalin's foreign policy, said" / "Olena
  // Chiupika, 38, a manager in Kyiv, said": of the noun phrases that end at
  // the commas before the verb, the leftmost that holds a name, else the
  // nearest.
  TokRange appositive_subject(uint32_t comma, uint32_t floor) const {
    TokRange nearest, named;
    uint32_t k = comma;
    for (int segments = 0; segments < 4 && k > floor; ++segments) {
      uint32_t c = k;
      do --c; while (c > floor && comma - c < 40 && !is(c, ",") && !in_quote_[c]);
      if (!is(c, ",") || c >= k) break;
      if (is(c + 1, "quoting") || is(c + 1, "citing")) {  // "Suspilne, quoting X, said": X speaks
        TokRange src = np_after(c + 2, k);
        if (!src.empty()) return src;
      }
      TokRange r = np_before(c, floor);
      if (!r.empty()) {
        if (nearest.empty()) nearest = r;
        for (uint32_t j = r.first; j < r.last; ++j)
          if (tok(j).has(kUpperInit)) named = r;
      }
      k = c;
    }
    return named.empty() ? nearest : named;
  }

  // "..., saying ...": the subject of the main clause, or the speaker of
  // the cue before it in the sentence.
  TokRange participle_subject(uint32_t s, uint32_t i) const {
    if (!cues_.empty() && cues_.back().sentence == s && !cues_.back().relative) return cues_.back().speaker;
    const Sentence& sn = sents_[s];
    uint32_t b = sn.first_token;
    if (lex_.stopword(w(b))) {  // "During a speech, Trump attacked ..., saying"
      while (b < i && !is(b, ",")) ++b;
      ++b;
    }
    if (b >= i) return {};
    TokRange r = np_after(b, i);
    if (r.empty() || r.last >= i || !(is(r.last, ",") || !punct(r.last))) return {};
    // "Mayor Jon Aas kept up the pressure": the name ends before its verb
    for (uint32_t j = r.first + 1; j + 1 < r.last; ++j)
      if (tok(j).has(kLower) && tok(j - 1).has(kUpperInit) && !tok(j + 1).has(kUpperInit)) {
        r.last = j;
        break;
      }
    return r;
  }

  // The capitalised words from b on: "Anna Berg made the following comment".
  TokRange name_after(uint32_t b, uint32_t limit) const {
    uint32_t j = b;
    while (j < limit && j - b < kMaxNpTokens && !in_quote_[j] && tok(j).has(kUpperInit) && !punct(j) &&
           !lex_.stopword(w(j)))
      ++j;
    return {b, j < limit ? j : b};
  }

  // The capitalised words just before i: "footage of Anna Berg saying".
  TokRange name_before(uint32_t i, uint32_t floor) const {
    uint32_t j = i;
    while (j > floor && i - j < kMaxNpTokens && !in_quote_[j - 1] && tok(j - 1).has(kUpperInit) && !punct(j - 1)) --j;
    return {j, i};
  }

  // "..., the Kremlin said on Thursday.": the verb closes a sentence whose
  // content came first.
  bool reported_before(TokRange speaker, uint32_t i, const Sentence& sn) const {
    if (speaker.first <= sn.first_token) return false;
    uint32_t b = speaker.first - 1;
    // "“...,” retired Air Force general Lloyd Newton said": a modifier or two
    uint32_t m = b;
    for (uint32_t n = 0; n < 2 && m > sn.first_token && tok(m).has(kLower) && !lex_.stopword(w(m)); ++n) --m;
    if (m != b && (tok(m).has(kQuote) || (is(m, ",") && m > sn.first_token && tok(m - 1).has(kQuote)))) b = m;
    if (!(is(b, ",") || tok(b).has(kQuote))) return false;
    if (clause_after_verb(i, sn)) return false;  // "In a statement, the FSB said it had ..."
    if (tok(b).has(kQuote) || (b > sn.first_token && tok(b - 1).has(kQuote))) {  // "“A,” X said"
      // not 'In an interview on "Face the Nation," Ryan said': a title in an adverbial
      return !(lex_.stopword(w(sn.first_token)) && !in_quote_[sn.first_token] && !tok(sn.first_token).has(kQuote));
    }
    uint32_t k = i + 1;
    k = i + 1;
    while (k < sn.last_token && k < i + 3 && (is(k, ",") || is(k, ":"))) ++k;
    if (k < sn.last_token && (in_quote_[k] || tok(k).has(kQuote))) return false;  // said: "..."
    uint32_t rest = 0;
    for (k = i + 1; k < sn.last_token; ++k, ++rest) {
      if (is(k, "that") || is(k, ":") || in_quote_[k]) return false;
      if (is(k, ",")) break;
    }
    return rest <= 12;
  }

  // What follows the verb opens a reported clause ("said it had", "said
  // Kim's state is"), rather than an adverbial ("said on Thursday", "told
  // reporters", "said again", "wrote, adding"): the content is not before.
  bool clause_after_verb(uint32_t i, const Sentence& sn) const {
    uint32_t k = i + 1;
    if (lex_.verb(w(i)) == VerbClass::Tell) {  // "..., Peskov told reporters."
      TokRange obj = np_after(k, sn.last_token);
      if (!obj.empty()) k = obj.last;
    }
    if (k >= content_end(sn) || is(k, ",") || is(k, ";") || in_quote_[k] || tok(k).has(kQuote)) return false;
    std::string_view s = w(k);
    if (lex_.stopword(s) || lex_.np_link(s) || lex_.pre_verb(s)) return false;
    return !(tok(k).has(kLower) && (ends_with(s, "ly") || participle(s)));
  }

  // "The latest talks, Zakharova said, showed that ...": the attribution
  // sits inside the reported sentence, which goes on after its comma.
  bool parenthetical(uint32_t i, const Sentence& sn) const {
    uint32_t k = i + 1;
    while (k < sn.last_token && k < i + 6 && !is(k, ",") && lex_.stopword(w(k))) ++k;
    if (k + 1 >= sn.last_token || !is(k, ",")) return false;
    return continues_clause(k + 1);
  }

  // After a parenthetical attribution's comma, a word that carries the
  // reported sentence on ("were", "showed"), not a new clause or phrase.
  bool continues_clause(uint32_t n) const {
    if (n >= at_.tokens.size() || !tok(n).has(kLower) || in_quote_[n] || tok(n).has(kQuote) || participle(w(n)))
      return false;
    std::string_view s = w(n);
    return lex_.auxiliary(s) || !lex_.stopword(s);
  }

  // "Biden, who spoke with leaders on Tuesday, said": the comma before the
  // verb closes a relative clause, so the subject is before it.
  bool relative_segment_before(uint32_t comma, uint32_t floor) const {
    for (uint32_t k = comma; k-- > floor && comma - k < 30;) {
      if (in_quote_[k]) return false;
      if (is(k, ",")) return is(k + 1, "who") || is(k + 1, "which");
    }
    return false;
  }

  bool after_quoted_sentence(TokRange speaker, uint32_t i, const Sentence& sn) const {
    if (speaker.first != sn.first_token || sn.first_token == 0) return false;
    uint32_t q = sn.first_token - 1;
    if (!tok(q).has(kQuote) || sidx(q) + 1 != sidx(speaker.first) || para_of(q) != sn.paragraph)
      return false;
    uint32_t rest = 0;
    for (uint32_t k = i + 1; k < sn.last_token; ++k, ++rest)
      if (is(k, "that") || is(k, ":") || in_quote_[k] || is(k, ",")) break;
    return rest <= 12 && (i + 1 + rest >= sn.last_token || !is(i + 1 + rest, "that"));
  }

  bool forward_content(Cue& c, VerbClass vc, const Sentence& sn) {
    uint32_t i = c.verb.last;
    uint32_t end = content_end(sn);
    uint32_t k = i;
    if (vc == VerbClass::Tell) {
      TokRange obj = np_after(k, end);
      if (!obj.empty()) k = obj.last;
    }
    // "said on Thursday that", "told Reuters in an interview that",
    // "warned Washington that"; not the relative "that" after an object
    // ("cautioned Washington against ... steps that escalate").
    uint32_t that = 0;
    uint32_t window = kThatWindow;
    if (vc != VerbClass::Tell && k < end && !in_quote_[k]) {
      TokRange obj = np_after(k, end);
      if (!obj.empty() && obj.last < end && is(obj.last, "that"))
        k = obj.last;
      else if (!obj.empty())
        window = 0;
    }
    for (uint32_t j = k; j < end && j < k + window; ++j) {
      if (in_quote_[j] || is(j, ";") || lex_.auxiliary(w(j))) break;  // a clause began: "said it was clear that"
      if (is(j, ",") && j + 1 < end && tok(j + 1).has(kLower) && participle(w(j + 1))) break;  // ", emphasizing that"
      if (is(j, ":")) {  // "wrote on Telegram: ..."
        k = j;
        break;
      }
      if (is(j, "that")) {
        if (complementizer(j)) that = j + 1;
        break;
      }
    }
    end = std::max(k, clause_end(k, sn));
    if (c.relative)
      for (uint32_t j = k + 1; j < end; ++j)
        if (is(j, ",") && !in_quote_[j]) {
          end = j;
          break;
        }
    bool strong = false;
    if (that) {
      k = that;
      strong = true;
    } else if (k < sn.last_token && (is(k, ":") || is(k, ","))) {
      ++k;
      strong = k < sn.last_token && (in_quote_[k] || tok(k).has(kQuote));
      if (is(k - 1, ":") && k >= sn.last_token) {
        c.wants_next_quote = true;
        c.content = {k, k};
        return true;
      }
    } else if (k < sn.last_token && (tok(k).has(kQuote) || in_quote_[k])) {
      strong = true;
    }
    bool weak = vc == VerbClass::Weak || vc == VerbClass::Think;
    if (weak && !strong && !quote_in(k, participle_comma(k, end)) && (vc == VerbClass::Think || !bare_clause(k, end)))
      return false;
    if (!strong && (is(k, "by") || is(k, "with"))) return false;  // "responded by imposing", "concludes with"
    if (k >= sn.last_token && is(sn.last_token - 1, ":")) {
      c.wants_next_quote = true;
      c.content = {k, k};
      return true;
    }
    c.content = {k, std::max(k, end)};
    return c.content.last >= c.content.first + 2;
  }

  // A "that" opening a reported clause, not a relative one ("support that
  // had once seemed") nor the second of two ("said A and that B").
  bool complementizer(uint32_t j) const {
    if (j > 0 && (is(j - 1, "and") || is(j - 1, "or"))) return false;
    return j + 1 < at_.tokens.size() && !lex_.auxiliary(w(j + 1));
  }

  // A reported clause without "that" after a weak verb: a subject pronoun
  // ("deny they want"), or a noun phrase before an auxiliary ("confirmed
  // the missile was", "suggested Russia could") or before an adverb and a
  // verb ("the use of weapons likely requires").
  bool bare_clause(uint32_t k, uint32_t end) const {
    if (k >= end || in_quote_[k]) return false;
    std::string_view s = w(k);
    if ((s == "he" || s == "she" || s == "they" || s == "we" || s == "I") && k + 1 < end && tok(k + 1).has(kLower))
      return true;
    if (!(lex_.determiner(s) || tok(k).has(kUpperInit) || s == "it")) return false;
    for (uint32_t j = k + 1; j < end && j < k + 12; ++j) {
      std::string_view x = w(j);
      if (in_quote_[j] || punct(j) || x == "that" || x == "which" || x == "who" || x == "and" || x == "or" ||
          x == "but" || x == "as" || x == "than" || x == "if" || x == "when" || x == "while" || x == "because")
        return false;
      if (lex_.auxiliary(x)) return tok(j).has(kLower);
      if (ends_with(x, "ly") && j + 1 < end && tok(j + 1).has(kLower) && ends_with(w(j + 1), "s") &&
          !lex_.stopword(w(j + 1)))
        return true;
    }
    return false;
  }

  bool quote_in(uint32_t b, uint32_t e) const {
    for (uint32_t j = b; j < e; ++j)
      if (in_quote_[j]) return true;
    return false;
  }

  // ---- 3. attachment ----
  void attach() {
    std::sort(cues_.begin(), cues_.end(),
              [](const Cue& a, const Cue& b) { return a.verb.first < b.verb.first; });
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
      drafts_.push_back(d);
    }
    size_t cue_lo = 0;
    int32_t last_direct = -1;
    for (const QuoteUnit& u : units_) {
      if (u.toks.empty()) continue;
      while (cue_lo < cues_.size() && cues_[cue_lo].sentence + 1 < sidx(u.toks.first)) ++cue_lo;
      int32_t d = overlapping_draft(u, cue_lo, draft_of_cue);
      if (d < 0) d = continued_draft(u, last_direct);
      if (d >= 0) {
        Draft& dr = drafts_[d];
        dr.quoted = dr.quote_words ? Span{std::min(dr.quoted.start, u.inner.start), std::max(dr.quoted.end, u.inner.end)}
                                   : u.inner;
        dr.quote_words += u.words;
        dr.direct = true;
        dr.content.start = std::min(dr.content.start, u.inner.start);
        dr.content.end = std::max(dr.content.end, u.inner.end);
        dr.last_sentence = std::max(dr.last_sentence, sidx(u.toks.last - 1));
        last_direct = d;
        continue;
      }
      if (u.words <= kShortQuoteWords) continue;
      Draft nd;
      nd.direct = true;
      nd.content = u.inner;
      nd.paragraph = u.para_first;
      nd.last_sentence = sidx(u.toks.last - 1);
      attribute_lone(u, nd, cue_lo, last_direct);
      drafts_.push_back(nd);
      last_direct = static_cast<int32_t>(drafts_.size() - 1);
    }
  }

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
      if (better) best = static_cast<int32_t>(c);
    }
    return best < 0 ? -1 : draft_of_cue[best];
  }

  // "“A,” he said. “B.”": B continues A's statement when only A's
  // attribution lies between them, in the same paragraph.
  int32_t continued_draft(const QuoteUnit& u, int32_t last_direct) const {
    if (last_direct < 0) return -1;
    const Draft& d = drafts_[last_direct];
    if (d.cue < 0 || d.paragraph != u.para_first) return -1;
    uint32_t first_sentence = sidx(u.toks.first);
    if (first_sentence != d.last_sentence + 1 && first_sentence != d.last_sentence) return -1;
    return d.content.end <= u.inner.start ? last_direct : -1;
  }

  // A quote with no cue of its own: a dash attribution, the cue of a
  // sentence ending in a colon, or the previous paragraph's speaker.
  void attribute_lone(const QuoteUnit& u, Draft& nd, size_t cue_lo, int32_t last_direct) {
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
    previous_subject(u, nd);
  }

  // "Sanders made the following comment:" then the quote: the subject of
  // the sentence that the colon ends.
  bool colon_subject(const QuoteUnit& u, Draft& nd) const {
    uint32_t b = u.toks.first;
    while (b > 0 && tok(b - 1).has(kQuote)) --b;
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

  // The first token after a leading adverbial ("On July 6, 2015, Sanders
  // made ..."): past the first comma when the sentence opens with a
  // preposition or a conjunction, else the sentence start.
  uint32_t after_adverbial(const Sentence& sn, uint32_t limit) const {
    uint32_t b = sn.first_token;
    if (!lex_.stopword(w(b))) return b;
    uint32_t last_comma = 0;
    for (uint32_t k = b; k < limit && k < b + 12; ++k)
      if (is(k, ",")) last_comma = k;
    if (!last_comma) return limit;
    b = last_comma + 1;
    while (b < limit && tok(b).has(kQuote)) ++b;
    return b;
  }

  // "Sen. Bernie Sanders (Vt.) identified ... . “The younger people ...”":
  // a quotation that opens a sentence takes the subject of the sentence
  // before it in its paragraph, when that subject is a person named in full.
  bool previous_subject(const QuoteUnit& u, Draft& nd) const {
    uint32_t b = u.toks.first;
    while (b > 0 && tok(b - 1).has(kQuote)) --b;
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
    std::optional<uint32_t> a = resolve_named(r);
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

  int32_t last_draft_before(uint32_t pos) const {
    int32_t best = -1;
    for (size_t d = drafts_.size(); d-- > 0;) {
      if (drafts_[d].content.start < pos && (best < 0 || drafts_[d].content.start > drafts_[best].content.start))
        best = static_cast<int32_t>(d);
    }
    return best;
  }

  // ---- 4. speakers, dates, mentions ----
  std::vector<LocalStatement> finish() {
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
      LocalStatement st = make(idx, done, made);
      if (st.kind == StatementKind::Indirect && alpha_words(st.content) < 2) continue;  // "<National", "(D-Wisc"
      out.push_back(std::move(st));
    }
    return out;
  }

  LocalStatement make(uint32_t idx, std::vector<LocalStatement>& done, std::vector<uint8_t>& made) {
    const Draft& d = drafts_[idx];
    LocalStatement st;
    st.kind = d.direct ? StatementKind::Direct : StatementKind::Indirect;
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
        st.speaker = resolve(d.speaker);
      }
      if (!d.verb.empty()) st.cue = span_of(d.verb);
      date(d, st);
    }
    st.mentions = mentions_in(st.content);
    done[idx] = st;
    made[idx] = 1;
    if (st.speaker) recent_speakers_.push_back({st.speaker_span ? st.speaker_span->start : st.content.start, *st.speaker});
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

  // Speaker words to an actor: a pronoun to the last speaker who fits it;
  // a group ("Three lawmakers from Ukraine's parliament", "The West and
  // Ukraine") to nobody; else the actor named in the words; else a
  // definite description ("the directorate", "the diplomat") to the actor
  // it describes.
  std::optional<uint32_t> resolve(TokRange r) const {
    if (r.last == r.first + 1) {
      PronounClass pc = lex_.pronoun(w(r.first));
      if (pc != PronounClass::None) return resolve_pronoun(r.first, pc, Lexicon::pronoun_gender(w(r.first)));
    }
    if (group_phrase(r)) return std::nullopt;
    std::optional<uint32_t> named = resolve_named(r);
    return named ? named : resolve_description(r);
  }

  bool group_phrase(TokRange r) const {
    std::string_view d = w(r.first);
    static constexpr std::string_view kGroup[] = {"some", "Some", "many", "Many", "several", "Several", "two", "Two",
                                                  "three", "Three", "four", "Four", "five", "Five", "both", "Both",
                                                  "other", "Other", "most", "Most", "few", "Few"};
    bool quantified = false;
    for (std::string_view g : kGroup) quantified = quantified || d == g;
    if (quantified && r.first + 1 < r.last && tok(r.first + 1).has(kLower)) return true;
    for (uint32_t i = r.first; i < r.last; ++i)
      if (is(i, "and") && !covered_by_mention(i)) return true;
    return false;
  }

  bool covered_by_mention(uint32_t i) const {
    Span s = tok(i).span;
    const auto& ms = in_.actors.mentions;
    auto it = std::upper_bound(ms.begin(), ms.end(), s.start, [](uint32_t p, const Mention& m) { return p < m.span.start; });
    for (int steps = 0; it != ms.begin() && steps < 4; ++steps) {
      --it;
      if (it->span.contains(s)) return true;
    }
    return false;
  }

  // "the directorate" / "the diplomat": an actor named in the last few
  // paragraphs whose name or role holds the noun, else for a role noun the
  // last person who spoke, as for "he".
  std::optional<uint32_t> resolve_description(TokRange r) const {
    if (r.last - r.first > 3 || !(is(r.first, "the") || is(r.first, "The"))) return std::nullopt;
    uint32_t h = r.last - 1;
    if (!tok(h).has(kLower) || h == r.first) return std::nullopt;
    std::string_view head = w(h);
    uint32_t pos = tok(r.first).span.start;
    uint32_t para = para_of(r.first);
    uint32_t floor = at_.paragraphs[para > kPronounReach + 1 ? para - kPronounReach - 1 : 0].span.start;
    const auto& ms = in_.actors.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), pos, [](const Mention& m, uint32_t p) { return m.span.start < p; });
    while (it != ms.begin()) {
      --it;
      if (it->span.start < floor) break;
      if (it->actor < in_.actors.actors.size() && describes(in_.actors.actors[it->actor], head)) return it->actor;
    }
    if (!lex_.person_noun(head)) return std::nullopt;
    return resolve_pronoun(r.first, PronounClass::Person, lex_.person_noun_gender(head));
  }

  static bool same_word_folded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x != y) return false;
    }
    return true;
  }

  static bool has_word(std::string_view text, std::string_view word) {
    size_t i = 0;
    while (i < text.size()) {
      size_t e = text.find(' ', i);
      if (e == std::string_view::npos) e = text.size();
      if (same_word_folded(text.substr(i, e - i), word)) return true;
      i = e + 1;
    }
    return false;
  }

  static bool describes(const LocalActor& a, std::string_view head) {
    if (has_word(a.name, head)) return true;
    for (const std::string& role : a.roles)
      if (has_word(role, head)) return true;
    return false;
  }

  std::optional<uint32_t> resolve_named(TokRange r) const {
    Span s = span_of(r);
    std::optional<uint32_t> person, other;
    uint32_t other_len = 0;
    const auto& ms = in_.actors.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), s.start, [](const Mention& m, uint32_t p) { return m.span.start < p; });
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

  bool fits(uint32_t actor, PronounClass pc, Gender g) const {
    if (actor >= in_.actors.actors.size()) return false;
    ActorType t = in_.actors.actors[actor].type;
    if (pc != PronounClass::Person) return t == ActorType::Org || t == ActorType::Gpe;
    if (t != ActorType::Person) return false;
    Gender ag = gender_of(in_.actors.actors[actor]);
    return g == Gender::Unknown || ag == Gender::Unknown || ag == g;
  }

  // From the first word of the name ("Olena Chiupika", "Mrs May"), else a
  // role that carries a gender ("spokeswoman").
  Gender gender_of(const LocalActor& a) const {
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
  std::optional<uint32_t> resolve_pronoun(uint32_t i, PronounClass pc, Gender g) const {
    if (std::optional<uint32_t> subj = sentence_subject(i); subj && fits(*subj, pc, g)) return subj;
    uint32_t pos = tok(i).span.start;
    uint32_t para = para_of(i);
    uint32_t floor_para = para > kPronounReach ? para - kPronounReach : 0;
    uint32_t floor = at_.paragraphs[floor_para].span.start;
    for (size_t k = recent_speakers_.size(); k-- > 0;) {
      if (recent_speakers_[k].first < floor) break;
      if (recent_speakers_[k].first < pos && fits(recent_speakers_[k].second, pc, g)) return recent_speakers_[k].second;
    }
    const auto& ms = in_.actors.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), pos, [](const Mention& m, uint32_t p) { return m.span.start < p; });
    while (it != ms.begin()) {
      --it;
      if (it->span.start < floor) break;
      if (fits(it->actor, pc, g)) return it->actor;
    }
    return std::nullopt;
  }

  // "The Security Council ... pledged sanctions against what it called
  // “...”": the named subject of the pronoun's own sentence.
  std::optional<uint32_t> sentence_subject(uint32_t i) const {
    const Sentence& sn = sent_of(i);
    uint32_t b = after_adverbial(sn, i);
    if (b >= i || in_quote_[b]) return std::nullopt;
    TokRange r = np_after(b, i);
    if (r.empty() || r.last >= i || r.first == i) return std::nullopt;
    return resolve_named(r);
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
    const Timex* best = nullptr;
    uint32_t best_dist = 0;
    for (const Timex& tx : in_.timexes) {
      if (tx.first_token >= at_.tokens.size() || sidx(tx.first_token) != s) continue;
      if (tx.span.overlaps(d.content) && !d.content.contains(span_of(d.verb))) continue;
      if (d.content.contains(tx.span)) continue;
      uint32_t dist = tx.first_token > v ? tx.first_token - v : v - std::min(v, tx.last_token) + 1;
      if (dist > 8) continue;
      if (!best || dist < best_dist) {
        best = &tx;
        best_dist = dist;
      }
    }
    return best;
  }

  std::vector<uint32_t> mentions_in(Span s) const {
    std::vector<uint32_t> out;
    const auto& ms = in_.actors.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), s.start, [](const Mention& m, uint32_t p) { return m.span.start < p; });
    for (; it != ms.end() && it->span.start < s.end; ++it)
      if (s.contains(it->span) && std::find(out.begin(), out.end(), it->actor) == out.end()) out.push_back(it->actor);
    return out;
  }

  const StatementInput& in_;
  const AnnotatedText& at_;
  const Lexicon& lex_;
  std::vector<Sentence> sents_;
  std::vector<uint32_t> sent_idx_;  // token -> index into sents_
  std::vector<QuoteUnit> units_;
  std::vector<uint8_t> in_quote_;
  bool last_closed_ = true;
  std::vector<Cue> cues_;
  std::vector<Draft> drafts_;
  std::vector<std::pair<uint32_t, uint32_t>> recent_speakers_;  // (position, actor)
};

}  // namespace

std::vector<LocalStatement> find_statements(const StatementInput& in) {
  if (in.text.tokens.empty() || in.text.sentences.empty()) return {};
  return Finder(in).run();
}

}  // namespace eventloom
