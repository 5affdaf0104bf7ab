// 2. Cues: reporting verbs and "according to", framing verbs, reporting
// nouns, each with its speaker words and reported content (see the top of
// statements.cpp). Tokens inside quote units are never read as cues.
#include <algorithm>
#include <iterator>

#include "statements/stages.hpp"

namespace eventloom::statements {
namespace {

class CueFinder : Reader {
 public:
  using Reader::Reader;

  std::vector<Cue> run() {
    for (uint32_t s = 0; s < sents_.size(); ++s) {
      const Sentence& sn = sents_[s];
      for (uint32_t i = sn.first_token; i < sn.last_token; ++i) {
        if (in_quote_[i]) continue;
        if (is(i, "according") || is(i, "According")) {
          if (i + 1 < sn.last_token && is(i + 1, "to")) according(s, i);
          continue;
        }
        if (is(i, "put") && i + 1 < sn.last_token && is(i + 1, "it")) {
          as_put_it(s, i);
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
    std::sort(cues_.begin(), cues_.end(), [](const Cue& a, const Cue& b) { return a.verb.first < b.verb.first; });
    return std::move(cues_);
  }

 private:
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
      // "Trump visited the city and said ...": the verb shares the subject of the one before
      if (c.speaker.empty() && i > sn.first_token + 2 && is(skip_adverbs_before(i, sn.first_token) - 1, "and") &&
          !inside_content(s, i))
        c.speaker = participle_subject(s, i);
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

  // "“A,” as one analyst put it." / "as The Times put it in May, “A.”":
  // the words set off by the comma beside the attribution are reported.
  void as_put_it(uint32_t s, uint32_t i) {
    const Sentence& sn = sents_[s];
    TokRange sp = np_before(i, sn.first_token);
    if (sp.empty() || sp.first <= sn.first_token || !(is(sp.first - 1, "as") || is(sp.first - 1, "As"))) return;
    Cue c;
    c.verb = {sp.first - 1, i + 2};
    c.speaker = sp;
    c.sentence = s;
    uint32_t k = i + 2;
    while (k < sn.last_token && k < i + 10 && !is(k, ",") && !in_quote_[k] && !tok(k).has(kQuote)) ++k;
    if (k + 1 < sn.last_token && is(k, ",")) {
      c.content = {k + 1, content_end(sn)};
    } else {
      uint32_t head = sp.first - 1;
      while (head > sn.first_token && (is(head - 1, ",") || tok(head - 1).has(kQuote))) --head;
      c.content = {sn.first_token, head};
    }
    if (c.content.last > c.content.first + 1) cues_.push_back(c);
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
      if (p == "to" || p == "To" || lex_.determiner(p) || (tok(i - 1).has(kPossessive) && !contracted_aux(i - 1)))
        return;
    }
    if (i + 1 < sn.last_token && lex_.auxiliary(w(i + 1))) return;  // a noun: "Kim's mental state is"
    if ((vc == VerbClass::Weak || vc == VerbClass::Think) && tagged_noun(i)) return;  // "32% of Republican claims"
    Cue c;
    c.verb = {i, i + 1};
    c.sentence = s;
    c.weak = vc == VerbClass::Weak || vc == VerbClass::Think;
    bool backward = false, forward_only = false;
    if (participle(w(i)) && !(i > sn.first_token && (progressive_aux(w(i - 1)) || contracted_aux(i - 1)))) {
      if (i == sn.first_token) return;
      if (tok(i - 1).has(kUpperInit) && !in_quote_[i - 1] && !lex_.stopword(w(i - 1))) {  // "footage of Trump saying"
        c.speaker = name_before(i, sn.first_token);
      } else if (is(i - 1, ",") || is(i - 1, "by") || is(i - 1, "while") || is(i - 1, "after") || is(i - 1, "before") ||
                 (is(i, "saying") && !in_quote_[i - 1]) ||  // "a series of tweets early Friday saying that"
                 lex_.noun_cue(w(i - 1)) != NounCue::None) {  // "issued a statement calling
        c.speaker = participle_subject(s, i);
      } else {
        return;
      }
      forward_only = true;  // "“A,” X stated, signaling that B": B follows
    } else if (i > sn.first_token && (tok(i - 1).has(kQuote) || is(i - 1, ",")) &&
               !(is(i - 1, ",") && noun_phrases_only(sn.first_token, i - 1))) {
      if (!(is(i - 1, ",") && relative_segment_before(i - 1, sn.first_token)))
        c.speaker = inverted_speaker(i, sn.last_token);
      backward = !c.speaker.empty();
      if (c.speaker.empty() && is(i - 1, ",")) c.speaker = subject_before(i, sn.first_token);
    } else {
      c.speaker = subject_before(i, sn.first_token);
      // "Trump visited the city and said ...": the verb shares the subject of the one before
      if (c.speaker.empty() && i > sn.first_token + 2 && is(skip_adverbs_before(i, sn.first_token) - 1, "and") &&
          !inside_content(s, i))
        c.speaker = participle_subject(s, i);
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
      // "“Do we need it? No,” X said": the quotation began sentences
      // before; the content is all of it.
      if (quoted && c.content.first == sn.first_token && in_quote_[sn.first_token])
        if (const QuoteUnit* u = unit_at(sn.first_token)) c.content.first = std::min(c.content.first, u->toks.first);
      uint32_t words = 0;
      for (uint32_t k = c.content.first; k < c.content.last; ++k) words += tok(k).has(kAlpha) ? 1 : 0;
      if (words < 2) return;
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

  // Token i is in the reported clause of a cue of sentence s found before
  // it, a clause with a verb of its own before i ("said the leaders had
  // spoken and had agreed": "agreed" is reported), not an object ("bemoaned
  // the unrest and said": "said" is the subject's own).
  // Only the sentence's last few cues are read (a clause reported inside
  // another belongs to the latest), so that a sentence of thousands of
  // cues stays linear.
  bool inside_content(uint32_t s, uint32_t i) const {
    constexpr size_t kLatestCues = 8;
    size_t read = 0;
    for (size_t c = cues_.size(); c-- > 0 && cues_[c].sentence == s && read++ < kLatestCues;) {
      const TokRange& r = cues_[c].content;
      if (r.first > i || i >= r.last) continue;
      for (uint32_t k = r.first; k < i; ++k)
        if (!in_quote_[k] && tok(k).has(kLower) && (lex_.auxiliary(w(k)) || ends_with(w(k), "ed"))) return true;
    }
    return false;
  }

  // "“...,” said X." / "..., said X, a historian": X must end the clause.
  TokRange inverted_speaker(uint32_t i, uint32_t end) const {
    TokRange r = np_after(i + 1, end);
    if (r.empty()) return {};
    // After a weak verb, a name or a determiner's phrase ("noted the
    // report"), not a bare noun: "X, the regional body ..., urged restraint"
    VerbClass vc = lex_.verb(w(i));
    bool named = vc == VerbClass::Say || vc == VerbClass::Tell || lex_.determiner(w(r.first));
    for (uint32_t k = r.first; k < r.last && !named; ++k) named = tok(k).has(kUpperInit);
    if (!named) return {};
    if (r.last >= end || (punct(r.last) && !tok(r.last).has(kQuote))) return r;
    std::string_view nx = w(r.last);
    static constexpr std::string_view kFollow[] = {"in", "on", "at", "during", "who", "after", "before", "when",
                                                  "while", "as", "according", "last", "this", "earlier", "later"};
    return std::find(std::begin(kFollow), std::end(kFollow), nx) != std::end(kFollow) ? r : TokRange{};
  }

  // The subject of a verb at i: over adverbs and auxiliaries, then an
  // appositive or relative clause set off by commas, then the noun phrase.
  TokRange subject_before(uint32_t i, uint32_t floor) const {
    uint32_t e = i;
    if (e > floor && (progressive_aux(w(e - 1)) || contracted_aux(e - 1))) {
      if (!participle(w(i))) return {};  // a passive: "was called a “bluff”"
      --e;
    }
    e = skip_adverbs_before(e, floor);
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

  // Back from e over adverbs and the words that may stand between a subject
  // and its verb ("Peskov also said", "has repeatedly denied").
  uint32_t skip_adverbs_before(uint32_t e, uint32_t floor) const {
    while (e > floor && !in_quote_[e - 1] &&
           (lex_.pre_verb(w(e - 1)) || (tok(e - 1).has(kLower) && ends_with(w(e - 1), "ly"))))
      --e;
    return e;
  }

  // "Hegseth, who said ...": the verb opens a relative clause.
  bool relative_verb(uint32_t i, uint32_t floor) const {
    uint32_t e = skip_adverbs_before(i, floor);
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
    // Of the sentence's cues, the outermost: not one inside the content of
    // another ("X told them that she believes we must continue ..., saying": X).
    // The sentence's cues are the last ones found (a few).
    size_t first = cues_.size();
    while (first > 0 && cues_[first - 1].sentence == s) --first;
    for (size_t c = first; c < cues_.size(); ++c) {
      const Cue& cue = cues_[c];
      if (cue.relative) continue;
      bool nested = false;
      for (size_t o = first; o < cues_.size() && !nested; ++o)
        nested = o != c && cues_[o].content.first <= cue.verb.first && cue.verb.first < cues_[o].content.last;
      if (!nested) return cue.speaker;
    }
    const Sentence& sn = sents_[s];
    uint32_t b = sn.first_token;
    if (lex_.stopword(w(b))) {  // "During a speech, Trump attacked ..., saying"
      while (b < i && !is(b, ",")) ++b;
      ++b;
    } else {
      b = after_adverbial(sn, i);  // "Following a swiftly called, late meeting, the Council issued ..."
    }
    if (b >= i) return {};
    TokRange r = np_after(b, i);
    if (r.empty() || r.last >= i || !(is(r.last, ",") || !punct(r.last))) return {};
    if (r.last + 1 < i && is(r.last, "and") && tok(r.last + 1).has(kUpperInit)) {  // "The leaders of A and B met"
      TokRange more = name_after(r.last + 1, i);
      if (!more.empty()) r.last = more.last;
    }
    // "Mayor Jon Aas kept up the pressure": the name ends before its verb
    for (uint32_t j = r.first + 1; j + 1 < r.last; ++j)
      if (tok(j).has(kLower) && tok(j - 1).has(kUpperInit) && !lex_.determiner(w(j - 1)) && !tok(j + 1).has(kUpperInit)) {
        r.last = j;
        break;
      }
    return r;
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
    if (k < sn.last_token && timex_end_[k]) k = timex_end_[k];  // "said this month on CNBC"
    if (k >= content_end(sn) || is(k, ",") || is(k, ";") || in_quote_[k] || tok(k).has(kQuote)) return false;
    std::string_view s = w(k);
    if (lex_.stopword(s) || lex_.np_link(s) || lex_.pre_verb(s)) return false;
    return !(tok(k).has(kLower) && (ends_with(s, "ly") || participle(s)));
  }

  // "The latest talks, Zakharova said, showed that ...": the attribution
  // sits inside the reported sentence, which goes on after its comma.
  // The attribution may carry an adverbial ("A, X explained earlier in
  // the hearing, were B"): lower-case words, none a verb of saying.
  bool parenthetical(uint32_t i, const Sentence& sn) const {
    uint32_t k = i + 1;
    while (k < sn.last_token && k < i + 8 && !is(k, ",") && !in_quote_[k] &&
           (lex_.stopword(w(k)) || (tok(k).has(kLower) && lex_.verb(w(k)) == VerbClass::None)))
      ++k;
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

  // "Ivo Lind, the harbour chief, bemoaned the delay": what stands before
  // the verb's comma is noun phrases set off by commas, the subject and its
  // appositive, not a reported clause (so "the delay" does not speak).
  bool noun_phrases_only(uint32_t b, uint32_t comma) const {
    if (b >= comma) return false;
    while (b < comma) {
      if (in_quote_[b] || tok(b).has(kQuote)) return false;
      TokRange r = np_after(b, comma);
      if (r.empty() || (r.last < comma && !is(r.last, ","))) return false;
      b = r.last + 1;
    }
    return true;
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
    uint32_t n = i + 1;  // "She adds, “B”": B is what she adds
    while (n < sn.last_token && n < i + 3 && (is(n, ",") || is(n, ":"))) ++n;
    if (n < sn.last_token && (in_quote_[n] || tok(n).has(kQuote))) return false;
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
      k = past_title(k, end);
    }
    // "said on Thursday that", "told Reuters in an interview that",
    // "warned Washington that"; not the relative "that" after an object
    // ("cautioned Washington against ... steps that escalate").
    uint32_t that = 0;
    uint32_t window = kThatWindow;
    if (vc != VerbClass::Tell && k < end && !in_quote_[k]) {
      TokRange obj = np_after(k, end);
      if (!obj.empty() && obj.last < end && (is(obj.last, "that") || is(obj.last, ":")))  // "scolded him: “...”"
        k = obj.last;
      else if (!obj.empty())
        window = 0;
    }
    for (uint32_t j = k; j < end && j < k + window; ++j) {
      if (uint32_t t = past_title(j, end); t != j) j = t;  // "said on ABC's “This Week” that"
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
    if (c.weak && !strong && !quote_in(k, participle_comma(k, end)) && (vc == VerbClass::Think || !bare_clause(k, end)))
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

  // A weak verb's word that the tagger reads as a noun after a word that
  // opens a noun phrase ("of Republican claims", "two reports"): no cue.
  // A noun tag after a name is the tagger's slip ("Blige sings to ...").
  // Without tags, every word may be a verb.
  bool tagged_noun(uint32_t i) const {
    const Analysis* an = in_.analysis;
    if (!an || i == 0 || i >= an->token_word.size()) return false;
    std::string_view u = upos(an->words[an->token_word[i]].tag);
    if (u != "NOUN" && u != "PROPN") return false;
    std::string_view before = upos(an->words[an->token_word[i - 1]].tag);
    return before == "DET" || before == "ADJ" || before == "NUM" || before == "ADP";
  }

  // "told MSNBC's “Morning Joe” that": a title in quotation marks before
  // "that" names a programme or a work, not the content. The "that" after
  // it, else k.
  uint32_t past_title(uint32_t k, uint32_t end) const {
    uint32_t b = k;
    while (b < end && tok(b).has(kQuote) && !in_quote_[b]) ++b;
    const QuoteUnit* u = b < end ? unit_at(b) : nullptr;
    if (!u || u->toks.first != b || !title_unit(*u)) return k;
    uint32_t e = u->toks.last;
    while (e < end && tok(e).has(kQuote)) ++e;
    return e < end && is(e, "that") ? e : k;
  }

  bool quote_in(uint32_t b, uint32_t e) const {
    for (uint32_t j = b; j < e; ++j)
      if (in_quote_[j]) return true;
    return false;
  }

  std::vector<Cue> cues_;
};

}  // namespace

std::vector<Cue> find_cues(const Article& a) { return CueFinder(a).run(); }

}  // namespace eventloom::statements
