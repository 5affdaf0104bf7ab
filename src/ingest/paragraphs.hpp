// Paragraph breaks in running text.
#pragma once

#include <string_view>
#include <vector>

#include "eventloom/document.hpp"

namespace eventloom {

// Whether text[begin, end) is wrapped: of the lines another line follows,
// six in ten are 40 to 100 bytes long, or one in five is followed by a
// line that goes on in lower case.
bool looks_wrapped(std::string_view text, uint32_t begin, uint32_t end);

// Split text[begin, end) into paragraphs: at blank lines, at indented lines
// (wire copy), at line breaks that end a sentence, and, unless the line runs
// on into the next (a lower-case word, a comma), at the breaks after a short
// line of wrapped text and after every line of other text. Wrapped or not:
// looks_wrapped() tells, unless `known_wrapped` (then the text may open with
// a short title line; otherwise its first line is never short). Spans are
// trimmed and never empty.
std::vector<Span> split_paragraphs(std::string_view text, uint32_t begin, uint32_t end, bool known_wrapped = false);

// Wire copy's sign-off (data/sign_offs.txt: "REUTER") at the end of the last
// paragraph, on a line of its own or after a sentence, is cut from it (the
// paragraph goes when nothing else is left).
void drop_sign_off(std::string_view text, std::vector<Span>& paragraphs);

}  // namespace eventloom
