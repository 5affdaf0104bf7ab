// The stages of find_statements() and what they hand on. Internal to
// src/statements/:
//
//   statements.cpp  the driver: the article as the stages read it (sentences,
//                   quote units), then the statements from the drafts
//   phrases.cpp     Reader: token helpers and noun phrases, for every stage
//   cues.cpp        2. cues: reporting verbs, framing verbs, reporting nouns
//   attach.cpp      3. quotations to cues: the drafts of the statements
//   syntax.cpp      Reader: what the dependency parse says (governing verb, subject)
//   commentary.cpp  3b. commentary blocks: a name line and the paragraphs after it
//   speakers.cpp    4. speaker words to an actor: names, pronouns, "the diplomat"
//
// The algorithm as a whole is described at the top of statements.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eventloom/analyse.hpp"
#include "eventloom/statements.hpp"
#include "statements/lexicon.hpp"

namespace eventloom::statements {

constexpr uint32_t kMaxNpTokens = 10;
constexpr uint32_t kThatWindow = 14;
constexpr uint32_t kShortQuoteWords = 4;
constexpr uint32_t kPronounReach = 2;  // paragraphs a pronoun may look back

struct TokRange {
  uint32_t first = 0, last = 0;  // [first, last)
  bool empty() const { return last <= first; }
};

// 1. One quotation, or several joined across paragraphs.
struct QuoteUnit {
  Span inner;
  TokRange toks;
  uint32_t para_first = 0, para_last = 0;
  uint32_t words = 0;
  bool opens_paragraph = false;
};

// 2. A reporting cue: its verb (or noun), speaker words and reported content.
struct Cue {
  TokRange verb;
  TokRange speaker;
  TokRange content;
  uint32_t sentence = 0;
  bool wants_next_quote = false;  // "X said:" ends its sentence
  bool relative = false;          // "X, who said A, ...": the content ends at the comma
  bool weak = false;              // a weak verb, a framing verb or a noun: another cue wins a quote
};

// 3. A statement under construction.
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

// The article as the stages read it (built in statements.cpp). The stages
// hold references into it, so it stays where it was made.
struct Article {
  explicit Article(const StatementInput& in);
  Article(const Article&) = delete;
  Article& operator=(const Article&) = delete;

  const StatementInput& in;
  const AnnotatedText& at;
  const Lexicon& lex;
  // The text layer's sentences, also split after a quotation that closes a
  // sentence; sent_idx maps a token to its sentence here.
  std::vector<Sentence> sents;
  std::vector<uint32_t> sent_idx;
  std::vector<QuoteUnit> units;
  std::vector<uint8_t> in_quote;  // per token: inside a quote unit
  std::vector<uint32_t> timex_end;  // per token: the end of the time expression it starts, else 0
};

// What every stage reads the article with: tokens, sentences, noun phrases.
class Reader {
 public:
  explicit Reader(const Article& a)
      : in_(a.in), at_(a.at), lex_(a.lex), sents_(a.sents), sent_idx_(a.sent_idx), units_(a.units),
        in_quote_(a.in_quote), timex_end_(a.timex_end) {}

 protected:
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
  static bool participle(std::string_view s) { return ends_with(s, "ing"); }
  static bool progressive_aux(std::string_view s) {
    return s == "is" || s == "are" || s == "was" || s == "were" || s == "been";
  }
  // "He's claiming": the "'s" after a pronoun is "is" or "has", not a possessive.
  bool contracted_aux(uint32_t i) const {
    return i > 0 && i < at_.tokens.size() && w(i) == "'s" && lex_.pronoun(w(i - 1)) != PronounClass::None;
  }

  // The end of the sentence without its closing punctuation (a quotation mark stays).
  uint32_t content_end(const Sentence& sn) const;
  // A word that may stand in a speaker's noun phrase.
  bool np_word(uint32_t i) const;
  bool has_head(TokRange r) const;
  // The noun phrase that ends just before `end`, not before `floor`.
  TokRange np_before(uint32_t end, uint32_t floor) const;
  // The noun phrase that starts at `begin`, not past `limit`.
  TokRange np_after(uint32_t begin, uint32_t limit) const;
  // The capitalised words from b on: "Anna Berg made the following comment".
  TokRange name_after(uint32_t b, uint32_t limit) const;
  // The capitalised words just before i: "footage of Anna Berg saying".
  TokRange name_before(uint32_t i, uint32_t floor) const;
  // The first token after a leading adverbial ("On July 6, 2015, Sanders made ...").
  uint32_t after_adverbial(const Sentence& sn, uint32_t limit) const;
  // From the dependency parse (syntax.cpp; nothing without
  // StatementInput::analysis): the token of the verb that governs the
  // quotation q (up from its head, never through a subject), or kNoToken;
  // the words of the nominal subject of the verb at token vt (shared with
  // the verb it complements; a relative pronoun's noun), or empty.
  static constexpr uint32_t kNoToken = UINT32_MAX;
  uint32_t governing_verb(TokRange q) const;
  TokRange parsed_subject(uint32_t vt) const;

  // The quote unit that holds token t, or null.
  const QuoteUnit* unit_at(uint32_t t) const;
  // "“The Morning Show”", "‘Legend in the Coal Fields.’": every word
  // capitalised but for short function words names a work, not speech
  // (inside a cue's content it still makes the statement direct: "called
  // her “Miss Housekeeping”").
  bool title_unit(const QuoteUnit& u) const;

  // The first actor mention that starts at or after pos.
  std::vector<Mention>::const_iterator mentions_from(uint32_t pos) const;

  const SentenceParse* parse_of(uint32_t t) const;
  bool parsed_verb(const SentenceParse& p, uint32_t w) const;
  uint32_t token_of(const SentenceParse& p, uint32_t w) const;

  const StatementInput& in_;
  const AnnotatedText& at_;
  const Lexicon& lex_;
  const std::vector<Sentence>& sents_;
  const std::vector<uint32_t>& sent_idx_;
  const std::vector<QuoteUnit>& units_;
  const std::vector<uint8_t>& in_quote_;
  const std::vector<uint32_t>& timex_end_;
};

// 4. Speaker words to an actor. Remembers who spoke, in the order the
// statements are made, for the pronouns that follow.
//
// The look-backs find the last fitting speaker or mention through indexes
// (per kind of pronoun, per actor), not by reading back over the others: in
// one long paragraph that would be every speaker and mention before.
class Speakers : Reader {
 public:
  explicit Speakers(const Article& a);

  // A pronoun to the last speaker who fits it; a group to nobody; else the
  // actor named in the words; else the actor a definite description names.
  std::optional<uint32_t> resolve(TokRange r) const;
  // The actor whose mention overlaps the words, a person first.
  std::optional<uint32_t> resolve_named(TokRange r) const;
  void spoke(uint32_t pos, uint32_t actor);

 private:
  // What a pronoun asks for: a group (0), or a person of any (1), female (2)
  // or male (3) gender; an actor's mask has the bits of the kinds it fits.
  static constexpr size_t kKinds = 4;
  static size_t kind_of(PronounClass pc, Gender g);
  uint8_t fitting_kinds(uint32_t actor) const;

  bool group_phrase(TokRange r) const;
  bool covered_by_mention(uint32_t i) const;
  std::optional<uint32_t> resolve_description(TokRange r) const;
  bool fits(uint32_t actor, PronounClass pc, Gender g) const;
  Gender gender_of(const LocalActor& a) const;
  std::optional<uint32_t> resolve_pronoun(uint32_t i, PronounClass pc, Gender g) const;
  std::optional<uint32_t> sentence_subject(uint32_t i) const;
  // The last of `indices` (ascending mention indices) before `end`, or -1.
  static int64_t last_before(const std::vector<uint32_t>& indices, uint32_t end);

  std::vector<uint8_t> kinds_;                                   // per actor: fitting_kinds()
  std::array<std::vector<uint32_t>, kKinds> fitting_mentions_;   // per kind: the mentions that fit it
  std::vector<std::vector<uint32_t>> mentions_of_;               // per actor: its mentions
  mutable std::unordered_map<std::string, std::vector<uint32_t>> described_by_;  // noun -> the actors it describes

  std::vector<std::pair<uint32_t, uint32_t>> recent_speakers_;  // (position, actor)
  std::array<std::vector<uint32_t>, kKinds> fitting_speakers_;  // per kind: indices into recent_speakers_
  // Indices into recent_speakers_ whose positions rise strictly, each the
  // last so far below its position: the last speaker before any position is here.
  std::vector<uint32_t> lowest_;
};

// 2. The cues of the article, sorted by the first token of their verb.
std::vector<Cue> find_cues(const Article& a);

// 3. The drafts: one for each cue (but a cue that wants the next quotation),
// with the quote units joined to it, then one for each quote unit of more
// than kShortQuoteWords words that joined none.
std::vector<Draft> attach_quotes(const Article& a, const std::vector<Cue>& cues, const Speakers& speakers);

// 3b. Commentary blocks: a line naming a person and their role, then the
// paragraphs after it with no statement of their own, each a statement by
// that person (only with the article's tags: StatementInput::analysis).
void add_commentary(const Article& a, std::vector<Draft>& drafts);

}  // namespace eventloom::statements
