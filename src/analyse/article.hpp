// The two halves of analyse_article(), apart so that eventloom_bench can time
// each: the tagger over every sentence's pieces, then the name tagger over
// its tokens. analyse_article() is the one and then the other.
#pragma once

#include <cstdint>
#include <vector>

#include "analyse/words.hpp"
#include "eventloom/analyse.hpp"

namespace eventloom::analyse {

struct TaggedArticle {
  Analysis analysis;           // words, sentence_words and token_word filled
  std::vector<WordInfo> info;  // info[w] describes analysis.words[w]
  // What the taggers read one at a time: the sentences, a dateline apart
  // from the sentence it opens (tagging_units).
  std::vector<Sentence> units;
  std::vector<bool> dateline;  // per unit: a dateline
  // Per unit: the earlier unit of the same text and tokens whose analysis
  // it copies, or kNoRepeat.
  std::vector<uint32_t> repeat_of;
};
std::vector<Sentence> tagging_units(const AnnotatedText& at, std::vector<bool>* dateline = nullptr);
inline constexpr uint32_t kNoRepeat = UINT32_MAX;

TaggedArticle tag_article(const AnnotatedText& at);
// Fills t.analysis.names and t.analysis.token_name.
void name_article(const AnnotatedText& at, TaggedArticle& t);

}  // namespace eventloom::analyse
