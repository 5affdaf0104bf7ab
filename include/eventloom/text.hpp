// The text layer: normalisation, tokens, sentences and quotation spans.
//
// Normalisation maps typographic variants to ASCII (curly quotes to ' and ",
// dashes and the minus sign to -, odd spaces to a space, the ellipsis to ...)
// in a copy of the text. Offsets in the copy are mapped back to the original
// through a sparse table of the points where lengths changed, so everything
// downstream works on plain ASCII punctuation and still reports offsets into
// the text as the user gave it. Most news is ASCII: the table stays small.
//
// Tokens are byte spans into the normalised text (no copies). Sentences never
// cross a paragraph. Quotation spans are found on the original text, where
// “ and ” still tell an opening mark from a closing one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/document.hpp"

namespace eventloom {

class NormText {
 public:
  NormText() = default;
  explicit NormText(std::string_view original);
  const std::string& str() const { return text_; }
  std::string_view view(Span s) const { return std::string_view(text_).substr(s.start, s.size()); }
  // Offset in the normalised text -> offset in the original.
  uint32_t to_original(uint32_t norm) const;
  Span to_original(Span s) const { return {to_original(s.start), to_original(s.end)}; }
  // Offset in the original -> offset in the normalised text.
  uint32_t from_original(uint32_t orig) const;

 private:
  struct Shift {
    uint32_t norm;
    uint32_t orig;
  };
  std::string text_;
  std::vector<Shift> shifts_;  // sorted by both fields
};

enum TokenFlags : uint16_t {
  kAlpha = 1 << 0,      // has a letter
  kDigit = 1 << 1,      // has a digit
  kUpperInit = 1 << 2,  // starts with an upper-case letter
  kAllUpper = 1 << 3,   // every letter upper case (and at least two)
  kPunct = 1 << 4,      // punctuation or symbol
  kHyphen = 1 << 5,     // has an inner hyphen ("33-month-old", "F-16")
  kAbbrev = 1 << 6,     // ends in a period that belongs to it ("U.S.", "Dr.", "J.")
  kSentStart = 1 << 7,  // first token of its sentence
  kQuote = 1 << 8,      // a quotation mark (' or " after normalisation)
  kPossessive = 1 << 9, // the "'s" or "'" after a name
  kLower = 1 << 10,     // all letters lower case
};

struct Token {
  Span span;  // into the normalised text
  uint16_t flags = 0;
  uint32_t sentence = 0;  // index into AnnotatedText::sentences
  bool has(uint16_t f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;                 // normalised text
  uint32_t first_token = 0;  // [first_token, last_token)
  uint32_t last_token = 0;
  uint32_t paragraph = 0;    // index into AnnotatedText::paragraphs
};

// A quotation: the marks and what lies between them.
struct Quotation {
  Span outer;              // from the opening mark through the closing one
  Span inner;              // the words inside
  uint32_t paragraph = 0;  // where it opens
  bool closed = true;      // false: no closing mark before the end of its paragraph
  uint8_t depth = 0;       // 0 outermost, 1 a quote inside a quote
};

struct AnnotatedText {
  NormText norm;
  std::vector<Paragraph> paragraphs;  // spans in the normalised text
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Quotation> quotes;      // spans in the normalised text

  std::string_view text() const { return norm.str(); }
  std::string_view word(const Token& t) const { return norm.view(t.span); }
  std::string_view word(uint32_t i) const { return norm.view(tokens[i].span); }
  // Index of the first token whose span starts at or after `pos`.
  uint32_t token_at(uint32_t pos) const;
};

// Tokenise, split sentences and find quotations in the kept paragraphs of `doc`.
// Template paragraphs keep their place in `paragraphs` but get no tokens.
AnnotatedText analyze(const Document& doc);

// Tokenise and split one piece of text as a single paragraph (for tests and
// for callers that have no Document).
AnnotatedText analyze_text(std::string_view text);

// Helpers on UTF-8 text.
namespace text {
// Decode one code point at `i` (advances i); returns 0xFFFD on bad input.
uint32_t next_code_point(std::string_view s, size_t& i);
bool is_upper_code_point(uint32_t cp);
bool is_lower_code_point(uint32_t cp);
// Lower-case ASCII copy (non-ASCII bytes kept).
std::string lower_ascii(std::string_view s);
// The same into `buf`, for a look-up without allocating: a view of buf, or
// nullopt when s is longer than buf.
template <size_t N>
std::optional<std::string_view> lower_ascii(std::string_view s, char (&buf)[N]) {
  if (s.size() > N) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? char(s[i] - 'A' + 'a') : s[i];
  return std::string_view(buf, s.size());
}
// Fold to a comparison key: lower case, Latin accents removed, ASCII only.
std::string fold(std::string_view s);
// The folded words of s (letters and digits), one space apart: two texts
// that differ only in case, accents, punctuation or spacing share it.
std::string comparison_key(std::string_view s);
void append_comparison_key(std::string& out, std::string_view s);  // the same, appended to `out`
std::string_view trim(std::string_view s);
}  // namespace text

}  // namespace eventloom
