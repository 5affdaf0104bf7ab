// Paragraph breaks in running text.
#pragma once

#include <string_view>
#include <vector>

#include "eventloom/document.hpp"

namespace eventloom {

// Split text[begin, end) into paragraphs: at blank lines, at indented lines
// (wire copy), and at line breaks that end a sentence or a short line; a
// line break inside wrapped text joins. Spans are trimmed and never empty.
std::vector<Span> split_paragraphs(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace eventloom
