// The words the models were trained on, cut from eventloom's tokens.
//
// UD English EWT splits clitics ("do n't", "I 'm", "ca n't", "can not") and
// most inner hyphens ("Al - Zaman"); eventloom's tokeniser keeps both in one
// token, as names and time expressions want. split_pieces() cuts a token
// into the pieces the tagger and the parser expect, each a span of the
// normalised text inside its token, so offsets stay exact.
#pragma once

#include <cstdint>
#include <vector>

#include "eventloom/text.hpp"

namespace eventloom::analyse {

struct Piece {
  Span span;           // in the normalised text, inside its token
  uint32_t token = 0;  // index into AnnotatedText::tokens
};

// The pieces of tokens [first, last), appended to `out`.
void split_pieces(const AnnotatedText& at, uint32_t first, uint32_t last, std::vector<Piece>& out);

// The cut points inside one word (offsets from its start, ascending, none at
// 0 or at its end). Exposed for tests and for text without an AnnotatedText.
void piece_cuts(std::string_view word, std::vector<uint32_t>& cuts);

}  // namespace eventloom::analyse
