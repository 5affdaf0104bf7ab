// The learned analysis of an article's sentences: part-of-speech tags (UPOS
// and Penn XPOS, trained on UD English EWT), names (PER, ORG, LOC, MISC,
// trained on CoNLL-2003) and, on demand, dependency trees (UD relations,
// trained on UD English EWT), from the models in models/ compiled into the
// library, loaded once and shared by all threads.
//
// The tagger reads the words the way UD English EWT cuts them ("do n't",
// "Al - Zaman"): eventloom's tokens are split into pieces for it, each piece
// a span inside its token. Names are spans of eventloom's tokens.
#pragma once

#include <cstdint>
#include <deque>
#include <string_view>
#include <unordered_map>
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

// ---- dependency trees ----------------------------------------------------
//
// The tree of one sentence over its words in Analysis::words (the tagger's
// pieces, "did" "n't"), numbered from 0 within the sentence: word w is
// Analysis::words[first_word + w]. Relations are UD's, with subtypes
// ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "obl:agent", ...).
// Parsing costs about as much as tagging, so analyse_article() does not
// parse: a later stage asks for the sentences it reads (Analysis::parse).
struct SentenceParse {
  static constexpr uint32_t kNone = UINT32_MAX;  // the root's head; no such child
  uint32_t sentence = 0;
  uint32_t first_word = 0;
  std::vector<uint32_t> head;         // word -> its head word, kNone for the root
  std::vector<uint8_t> rel;           // word -> its relation (relation_name())
  std::vector<uint32_t> child_begin;  // children of w, left to right: children[child_begin[w], child_begin[w + 1])
  std::vector<uint32_t> children;

  uint32_t size() const { return static_cast<uint32_t>(head.size()); }
  uint32_t root() const;  // kNone for an empty sentence
  std::string_view relation(uint32_t w) const;
  // Whether w's relation is `r`, or, when `r` has no subtype, a subtype of
  // it: is(w, "nsubj") holds for "nsubj:pass" too.
  bool is(uint32_t w, std::string_view r) const;
  // The first child of w whose relation is(r), or kNone.
  uint32_t child(uint32_t w, std::string_view r) const;
};

struct Analysis {
  std::vector<TaggedWord> words;           // every sentence's pieces, in order
  std::vector<uint32_t> sentence_words;    // sentence s: words [sentence_words[s], sentence_words[s + 1])
  std::vector<uint32_t> token_word;        // token -> its last piece (the one that carries its tag)
  std::vector<NameMention> names;          // sorted, never overlapping
  std::vector<NameType> token_name;        // token -> the type of the name it is in, None outside names

  // Sentence s's tree (s < sentence_words.size() - 1), parsed on its first
  // request and kept: a stage parses only the sentences it reads (parsing
  // costs about as much as tagging). An Analysis belongs to one thread.
  const SentenceParse& parse(const AnnotatedText& at, uint32_t s) const;
  // How many sentences parse() has parsed so far (what the benchmark counts).
  size_t parsed() const { return parses_.size(); }

 private:
  mutable std::deque<SentenceParse> parses_;   // a deque: a tree given out stays where it is
  mutable std::vector<uint32_t> sentence_parse_;  // sentence -> index into parses_, SentenceParse::kNone if not yet
  mutable std::unordered_map<uint64_t, uint32_t> parse_by_words_;  // hash of a sentence's words and tags -> parses_
};

// Tags and names for every sentence of `at`.
Analysis analyse_article(const AnnotatedText& at);

// The tags of the tagger's class (static strings).
std::string_view upos(uint8_t tag);
std::string_view xpos(uint8_t tag);

// Tags one sentence of given words (for text already tokenised, as in
// CoNLL-U): tags[i] for words[i].
void tag_words(const std::vector<std::string_view>& words, std::vector<uint8_t>& tags);

// A relation's name ("obl:tmod"; "dep" for an unknown id).
std::string_view relation_name(uint8_t rel);

// Whether the later stages need sentence s parsed: it holds a quotation
// mark, a reporting verb, a verb that may trigger an event, or two or more
// names of people, organisations or places.
bool needs_parse(const AnnotatedText& at, const Analysis& a, uint32_t s);
// The tree of sentence s of an analysed article.
SentenceParse parse_sentence(const AnnotatedText& at, const Analysis& a, uint32_t s);
// The trees of the sentences needs_parse() picks, in order.
std::vector<SentenceParse> parse_article(const AnnotatedText& at, const Analysis& a);


// Parses one sentence of given words with their tags (tag_words()): head[i]
// is 0 for the root, else the 1-based number of word i's head, as CoNLL-U
// writes it; rel[i] its relation.
void parse_words(const std::vector<std::string_view>& words, const std::vector<uint8_t>& tags,
                 std::vector<uint32_t>& head, std::vector<uint8_t>& rel);

}  // namespace eventloom
