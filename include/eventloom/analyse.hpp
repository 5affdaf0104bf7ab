// The learned analysis of an article's sentences: part-of-speech tags (UPOS
// and Penn XPOS, trained on UD English EWT) and names (PER, ORG, LOC, MISC,
// trained on CoNLL-2003), from the models in models/ compiled into the
// library, loaded once and shared by all threads.
//
// The tagger reads the words the way UD English EWT cuts them ("do n't",
// "Al - Zaman"): eventloom's tokens are split into pieces for it, each piece
// a span inside its token. Names are spans of eventloom's tokens.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "eventloom/text.hpp"

namespace eventloom {

enum class NameType : uint8_t { None, Person, Org, Loc, Misc };
const char* to_string(NameType t);  // "PER", "ORG", "LOC", "MISC", "O"

struct TaggedWord {
  Span span;            // in the normalised text, inside its token
  uint32_t token = 0;   // index into AnnotatedText::tokens
  uint8_t tag = 0;      // the tagger's class: see upos() and xpos()
};

struct NameMention {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  NameType type = NameType::None;
};

struct Analysis {
  std::vector<TaggedWord> words;           // every sentence's pieces, in order
  std::vector<uint32_t> sentence_words;    // sentence s: words [sentence_words[s], sentence_words[s + 1])
  std::vector<uint32_t> token_word;        // token -> its last piece (the one that carries its tag)
  std::vector<NameMention> names;          // sorted, never overlapping
  std::vector<NameType> token_name;        // token -> the type of the name it is in, None outside names
};

// Tags and names for every sentence of `at`.
Analysis analyse_article(const AnnotatedText& at);

// The tags of the tagger's class (static strings).
std::string_view upos(uint8_t tag);
std::string_view xpos(uint8_t tag);

// Tags one sentence of given words (for text already tokenised, as in
// CoNLL-U): tags[i] for words[i].
void tag_words(const std::vector<std::string_view>& words, std::vector<uint8_t>& tags);

}  // namespace eventloom
