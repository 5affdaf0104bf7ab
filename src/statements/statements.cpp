// Statements: who said what, and when.
//
// The algorithm, over one article:
//  1. Quote units. The text layer's outermost quotations, with a quotation
//     that its paragraph leaves open joined to the quotation that opens the
//     next paragraph (one quote across paragraphs). Quotations inside a unit
//     (nested quotes) belong to it. Tokens inside a unit are never read as
//     reporting cues: what the speaker says is not who says it.
//  2. Cues. One pass over the sentences finds reporting verbs (the lexicon
//     in data/reporting_verbs.txt) and "according to". For each, the speaker
//     is the noun phrase before the verb (over adverbs and an appositive:
//     "Roberts, a historian of ..., said"), or after it when the verb follows
//     the content ("..., said Geoffrey Roberts."). The content is the
//     reported clause: after the verb ("said (on Thursday) (that) ...",
//     "told Y that ...", "X said: ...") or, when the verb ends the sentence,
//     before it ("..., the Kremlin said on Thursday."). A cue with no speaker
//     words is dropped: a bare "report" is more often a noun than a verb.
//  3. Attachment. A quote unit joins the cue whose content it overlaps
//     ("“A. B,” he said": the content runs to the sentence start, which may
//     lie inside the quote; the statement is the union). A unit with no cue
//     of its own continues the statement just before it when only that
//     statement's attribution separates them ("“A,” he said. “B.”": one
//     statement), takes the speaker of the previous paragraph's quote when
//     it opens its paragraph, a speaker after a dash ("“…” – X"), or the
//     cue of the sentence before that ends in a colon. A cue with quotation
//     units is kind Direct, also when the quotation is only part of the
//     reported clause (a mixed quote, as PARC and PolNeAR count them);
//     without one it is Indirect. A unit of four words or fewer with no cue
//     is a scare quote or a title: no statement.
//  4. Speaker and date. Speaker words resolve to the actor whose mention
//     overlaps them (a person before an organisation: "Kremlin spokesman
//     Dmitry Peskov" is Peskov); a pronoun to the last speaker or person of
//     its kind within two paragraphs, else to nobody (never a guess from far
//     away). `speaker_span` is always the words in the text. The date is the
//     time expression next to the verb ("said on Thursday"), else the
//     publication date, marked as such.
//
// Invariants: the output is sorted by content start; each token is read a
// bounded number of times (noun phrases and "that" searches stop after a
// few tokens), so the work is linear in the article's length.
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
};

class Finder {
 public:
  explicit Finder(const StatementInput& in) : in_(in), at_(in.text), lex_(Lexicon::get()) {}

  std::vector<LocalStatement> run() {
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
  const Sentence& sent_of(uint32_t i) const { return at_.sentences[tok(i).sentence]; }
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
    if (lex_.stopword(s) || lex_.pre_verb(s) || lex_.verb(s) != VerbClass::None) return false;
    if (t.has(kUpperInit)) return true;
    return !(ends_with(s, "ly") || ends_with(s, "ing") || ends_with(s, "ed"));
  }

  bool has_head(TokRange r) const {
    for (uint32_t i = r.first; i < r.last; ++i)
      if (!tok(i).has(kPossessive) && !lex_.determiner(w(i)) && !lex_.np_link(w(i))) return true;
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
        if (i >= floor + 2 && lex_.np_link(w(i - 1)) && np_word(i - 2)) {
          j = i - 1;
          continue;
        }
        break;
      }
      if (lex_.np_link(s) && !in_quote_[i]) {
        if (j == end || i == floor || !np_word(i - 1)) break;
        j = i;
        continue;
      }
      if (!np_word(i)) break;
      j = i;
    }
    TokRange r{j, end};
    while (!r.empty() && lex_.np_link(w(r.first))) ++r.first;
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
    for (uint32_t s = 0; s < at_.sentences.size(); ++s) {
      const Sentence& sn = at_.sentences[s];
      for (uint32_t i = sn.first_token; i < sn.last_token; ++i) {
        if (in_quote_[i]) continue;
        if (is(i, "according") || is(i, "According")) {
          if (i + 1 < sn.last_token && is(i + 1, "to")) according(s, i);
          continue;
        }
        VerbClass vc = lex_.verb(w(i));
        if (vc != VerbClass::None) verb_cue(s, i, vc);
      }
    }
  }

  // The end of a reported clause: the sentence end, or a comma before a
  // participle that starts a new clause (", citing ...", ", emphasizing").
  uint32_t clause_end(uint32_t from, const Sentence& sn) const {
    for (uint32_t k = from; k + 1 < sn.last_token; ++k)
      if (is(k, ",") && !in_quote_[k] && tok(k + 1).has(kLower) && participle(w(k + 1)) &&
          !quote_in(k, sn.last_token))
        return k;
    return content_end(sn);
  }

  uint32_t content_end(const Sentence& sn) const {
    uint32_t e = sn.last_token;
    while (e > sn.first_token && punct(e - 1) && !tok(e - 1).has(kQuote)) --e;
    return e;
  }

  void according(uint32_t s, uint32_t i) {
    const Sentence& sn = at_.sentences[s];
    uint32_t end = sn.last_token;
    TokRange sp = np_after(i + 2, end);
    if (sp.empty()) return;
    Cue c;
    c.verb = {i, i + 2};
    c.speaker = sp;
    c.sentence = s;
    if (i > sn.first_token && is(i - 1, ",")) {
      c.content = {sn.first_token, i - 1};
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
    const Sentence& sn = at_.sentences[s];
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
    Cue c;
    c.verb = {i, i + 1};
    c.sentence = s;
    bool backward = false;
    if (participle(w(i)) && !(i > sn.first_token && progressive_aux(w(i - 1)))) {
      if (i == sn.first_token || !(is(i - 1, ",") || is(i - 1, "by") || is(i - 1, "while") || is(i - 1, "after")))
        return;
      c.speaker = participle_subject(s, i);
    } else if (i > sn.first_token && (tok(i - 1).has(kQuote) || is(i - 1, ","))) {
      c.speaker = inverted_speaker(i, sn.last_token);
      backward = !c.speaker.empty();
      if (c.speaker.empty() && is(i - 1, ",")) c.speaker = subject_before(i, sn.first_token);
    } else {
      c.speaker = subject_before(i, sn.first_token);
    }
    if (c.speaker.empty()) return;
    if (!backward) backward = reported_before(c.speaker, i, sn);
    if (!backward && after_quoted_sentence(c.speaker, i, sn)) {
      // "“Why?” Graham asked.": the question mark ended the sentence.
      const Sentence& prev = at_.sentences[s - 1];
      c.content = {prev.first_token, prev.last_token};
      cues_.push_back(c);
      return;
    }
    if (backward) {
      uint32_t head = std::min(c.speaker.first, i);
      while (head > sn.first_token && (is(head - 1, ",") || tok(head - 1).has(kQuote))) --head;
      c.content = {sn.first_token, head};
      if (c.content.empty()) return;
    } else if (!forward_content(c, vc, sn)) {
      return;
    }
    cues_.push_back(c);
  }

  // "Said Ellis: “...”"
  void initial_verb_cue(uint32_t s, uint32_t i) {
    const Sentence& sn = at_.sentences[s];
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
      return {};
    }
    if (e > floor && is(e - 1, ",")) return appositive_subject(e - 1, floor);
    return np_before(e, floor);
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
    if (!cues_.empty() && cues_.back().sentence == s) return cues_.back().speaker;
    const Sentence& sn = at_.sentences[s];
    uint32_t b = sn.first_token;
    if (lex_.stopword(w(b))) {  // "During a speech, Trump attacked ..., saying"
      while (b < i && !is(b, ",")) ++b;
      ++b;
    }
    if (b >= i) return {};
    TokRange r = np_after(b, i);
    if (!r.empty() && r.last < i && (is(r.last, ",") || !punct(r.last)) && lex_.verb(w(r.last)) == VerbClass::None)
      return r;
    return {};
  }

  // "..., the Kremlin said on Thursday.": the verb closes a sentence whose
  // content came first.
  bool reported_before(TokRange speaker, uint32_t i, const Sentence& sn) const {
    if (speaker.first <= sn.first_token) return false;
    uint32_t b = speaker.first - 1;
    if (!(is(b, ",") || tok(b).has(kQuote))) return false;
    if (tok(b).has(kQuote) || (b > sn.first_token && tok(b - 1).has(kQuote))) return true;  // "“A,” X said"
    uint32_t k = i + 1;
    while (k < sn.last_token && k < i + 3 && (is(k, ",") || is(k, ":"))) ++k;
    if (k < sn.last_token && (in_quote_[k] || tok(k).has(kQuote))) return false;  // said: "..."
    uint32_t rest = 0;
    for (k = i + 1; k < sn.last_token; ++k, ++rest) {
      if (is(k, "that") || is(k, ":") || in_quote_[k]) return false;
      if (is(k, ",")) break;
    }
    return rest <= 12;
  }

  bool after_quoted_sentence(TokRange speaker, uint32_t i, const Sentence& sn) const {
    if (speaker.first != sn.first_token || sn.first_token == 0) return false;
    uint32_t q = sn.first_token - 1;
    if (!tok(q).has(kQuote) || tok(q).sentence + 1 != tok(speaker.first).sentence || para_of(q) != sn.paragraph)
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
    // "said on Thursday that", "told Reuters in an interview that"
    uint32_t that = 0;
    for (uint32_t j = k; j < end && j < k + kThatWindow; ++j) {
      if (in_quote_[j] || is(j, ";")) break;
      if (is(j, ":")) {  // "wrote on Telegram: ..."
        k = j;
        break;
      }
      if (is(j, "that")) {
        that = j + 1;
        break;
      }
    }
    end = std::max(k, clause_end(k, sn));
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
    if (vc == VerbClass::Weak && !strong && !quote_in(k, end)) return false;
    if (k >= sn.last_token && is(sn.last_token - 1, ":")) {
      c.wants_next_quote = true;
      c.content = {k, k};
      return true;
    }
    c.content = {k, std::max(k, end)};
    return c.content.last >= c.content.first + 2;
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
      d.paragraph = at_.sentences[cues_[c].sentence].paragraph;
      d.last_sentence = cues_[c].sentence;
      draft_of_cue[c] = static_cast<int32_t>(drafts_.size());
      drafts_.push_back(d);
    }
    size_t cue_lo = 0;
    int32_t last_direct = -1;
    for (const QuoteUnit& u : units_) {
      if (u.toks.empty()) continue;
      while (cue_lo < cues_.size() && cues_[cue_lo].sentence + 1 < tok(u.toks.first).sentence) ++cue_lo;
      int32_t d = overlapping_draft(u, cue_lo, draft_of_cue);
      if (d < 0) d = continued_draft(u, last_direct);
      if (d >= 0) {
        Draft& dr = drafts_[d];
        dr.direct = true;
        dr.content.start = std::min(dr.content.start, u.inner.start);
        dr.content.end = std::max(dr.content.end, u.inner.end);
        dr.last_sentence = std::max(dr.last_sentence, tok(u.toks.last - 1).sentence);
        last_direct = d;
        continue;
      }
      if (u.words <= kShortQuoteWords) continue;
      Draft nd;
      nd.direct = true;
      nd.content = u.inner;
      nd.paragraph = u.para_first;
      nd.last_sentence = tok(u.toks.last - 1).sentence;
      attribute_lone(u, nd, cue_lo, last_direct);
      drafts_.push_back(nd);
      last_direct = static_cast<int32_t>(drafts_.size() - 1);
    }
  }

  int32_t overlapping_draft(const QuoteUnit& u, size_t lo, const std::vector<int32_t>& draft_of_cue) const {
    uint32_t last_sentence = tok(u.toks.last - 1).sentence;
    for (size_t c = lo; c < cues_.size() && cues_[c].sentence <= last_sentence + 1; ++c) {
      const Cue& cue = cues_[c];
      if (draft_of_cue[c] < 0) continue;
      TokRange r = cue.content;
      bool overlap = r.first < u.toks.last && u.toks.first < r.last + 1;
      bool opens = u.toks.first >= r.first && u.toks.first <= r.first + 2;
      if (overlap || opens) return draft_of_cue[c];
    }
    return -1;
  }

  // "“A,” he said. “B.”": B continues A's statement when only A's
  // attribution lies between them, in the same paragraph.
  int32_t continued_draft(const QuoteUnit& u, int32_t last_direct) const {
    if (last_direct < 0) return -1;
    const Draft& d = drafts_[last_direct];
    if (d.cue < 0 || d.paragraph != u.para_first) return -1;
    uint32_t first_sentence = tok(u.toks.first).sentence;
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
    uint32_t first_sentence = tok(u.toks.first).sentence;
    for (size_t c = cue_lo; c < cues_.size() && cues_[c].sentence < first_sentence; ++c) {
      const Cue& cue = cues_[c];
      if (cue.wants_next_quote && cue.sentence + 1 == first_sentence) {
        nd.speaker = cue.speaker;
        nd.verb = cue.verb;
        nd.paragraph = at_.sentences[cue.sentence].paragraph;
        return;
      }
    }
    if (colon_subject(u, nd)) return;
    if (u.opens_paragraph && last_direct >= 0 && drafts_[last_direct].paragraph + 1 >= u.para_first &&
        last_draft_before(u.inner.start) == last_direct) {
      nd.parent = last_direct;
    }
  }

  // "Sanders made the following comment:" then the quote: the subject of
  // the sentence that the colon ends.
  bool colon_subject(const QuoteUnit& u, Draft& nd) const {
    uint32_t b = u.toks.first;
    while (b > 0 && tok(b - 1).has(kQuote)) --b;
    if (b == 0 || !is(b - 1, ":")) return false;
    const Sentence& sn = sent_of(b - 1);
    if (lex_.stopword(w(sn.first_token))) return false;
    TokRange r = np_after(sn.first_token, b - 1);
    if (r.empty() || r.last >= b - 1 || punct(r.last)) return false;
    nd.speaker = r;
    nd.verb = {r.last, r.last + 1};
    return true;
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
      out.push_back(make(idx, done, made));
    }
    return out;
  }

  LocalStatement make(uint32_t idx, std::vector<LocalStatement>& done, std::vector<uint8_t>& made) {
    const Draft& d = drafts_[idx];
    LocalStatement st;
    st.kind = d.direct ? StatementKind::Direct : StatementKind::Indirect;
    st.content = trim_content(d.content);
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

  Span trim_content(Span s) const {
    std::string_view t = at_.text();
    auto junk = [](char c) { return c == ' ' || c == ',' || c == '"' || c == '\'' || c == '\n' || c == ':'; };
    while (s.start < s.end && junk(t[s.start])) ++s.start;
    while (s.end > s.start && junk(t[s.end - 1])) --s.end;
    return s;
  }

  std::optional<uint32_t> resolve(TokRange r) const {
    if (r.last == r.first + 1) {
      PronounClass pc = lex_.pronoun(w(r.first));
      if (pc != PronounClass::None) return resolve_pronoun(r.first, pc);
    }
    Span s = span_of(r);
    std::optional<uint32_t> person, other;
    uint32_t other_len = 0;
    for (const Mention& m : in_.actors.mentions) {
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

  bool fits(uint32_t actor, PronounClass pc) const {
    if (actor >= in_.actors.actors.size()) return false;
    ActorType t = in_.actors.actors[actor].type;
    return pc == PronounClass::Person ? t == ActorType::Person : (t == ActorType::Org || t == ActorType::Gpe);
  }

  // The last speaker of the pronoun's kind, else the last actor of its kind
  // named before it, within kPronounReach paragraphs.
  std::optional<uint32_t> resolve_pronoun(uint32_t i, PronounClass pc) const {
    uint32_t pos = tok(i).span.start;
    uint32_t para = para_of(i);
    uint32_t floor_para = para > kPronounReach ? para - kPronounReach : 0;
    uint32_t floor = at_.paragraphs[floor_para].span.start;
    for (size_t k = recent_speakers_.size(); k-- > 0;) {
      if (recent_speakers_[k].first < floor) break;
      if (recent_speakers_[k].first < pos && fits(recent_speakers_[k].second, pc)) return recent_speakers_[k].second;
    }
    const auto& ms = in_.actors.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), pos, [](const Mention& m, uint32_t p) { return m.span.start < p; });
    while (it != ms.begin()) {
      --it;
      if (it->span.start < floor) break;
      if (fits(it->actor, pc)) return it->actor;
    }
    return std::nullopt;
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
    uint32_t s = tok(v).sentence;
    const Timex* best = nullptr;
    uint32_t best_dist = 0;
    for (const Timex& tx : in_.timexes) {
      if (tx.first_token >= at_.tokens.size() || tok(tx.first_token).sentence != s) continue;
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
