// The name tagger: PER, ORG, LOC and MISC names as CoNLL-2003 annotates
// them, read greedily left to right with BILOU labels (Ratinov and Roth
// 2009), one linear model over the words around, their shapes, affixes,
// clusters and part-of-speech tags, the gazetteer marks, the labels already
// chosen, and two document-level memories: the type a word was given
// earlier in the article, and whether the article also writes it in lower
// case (so "Will" opening a sentence is a verb when "will" is seen).
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyse/gazetteer.hpp"
#include "analyse/linear.hpp"
#include "analyse/tagger.hpp"
#include "analyse/words.hpp"
#include "eventloom/analyse.hpp"

namespace eventloom::analyse {


// Labels: 0 is O; then B, I, L, U for each of PER, ORG, LOC, MISC.
constexpr uint32_t kNameLabels = 17;
std::vector<std::string> name_label_names();
NameType label_type(uint8_t label);
char label_part(uint8_t label);  // 'O', 'B', 'I', 'L', 'U'
uint8_t make_label(NameType t, char part);

struct NameWord {
  WordInfo w;
  uint8_t pos = 0;    // the tagger's class
  GazMarks gaz = 0;
};

// The words of one sentence as the name tagger sees them: described, tagged
// (each word's tag is that of its last piece, see pieces.hpp) and marked by
// the gazetteer.
void name_words(const std::vector<std::string_view>& words, const PosTagger& tagger, const Gazetteer& gaz,
                std::vector<NameWord>& out);

// What a document has said so far, for the features that look beyond the sentence.
struct NameMemory {
  std::unordered_map<uint64_t, NameType> last_type;  // lower form of a capitalised word -> last type given
  std::unordered_set<uint64_t> seen_lower;            // lower forms seen written in lower case
  void remember(const std::vector<NameWord>& sent, const std::vector<uint8_t>& labels);
  void see_document(const std::vector<NameWord>& words);  // fills seen_lower
};

void name_features(const std::vector<NameWord>& s, size_t i, const std::vector<uint8_t>& labels,
                   const NameMemory& mem, bool headline, std::vector<Feature>& out);
// The two parts of them: what does not depend on the labels before (cleared
// first), and what does (appended; 0xff for "no word there").
void word_features(const std::vector<NameWord>& s, size_t i, const NameMemory& mem, bool headline,
                   std::vector<Feature>& out);
void label_features(const std::vector<NameWord>& s, size_t i, uint8_t l1, uint8_t l2, std::vector<Feature>& out);

// May `label` follow `prev` (BILOU order)?
bool label_allowed(uint8_t prev, uint8_t label);

// The label to give a word with these scores after `prev` (the last word of
// its sentence when `last`): the best in BILOU order.
uint8_t best_label(const float* scores, uint8_t prev, bool last);

// True when the sentence is a headline in capitals ("RUSSIA WARNS ...").
bool all_caps_sentence(const std::vector<NameWord>& s);

class NameTagger {
 public:
  explicit NameTagger(const LinearModel& model) : model_(model) {}
  // Labels one sentence, then adds it to `mem`.
  void tag(const std::vector<NameWord>& s, NameMemory& mem, std::vector<uint8_t>& labels) const;
  const LinearModel& model() const { return model_; }

 private:
  const LinearModel& model_;
};

struct NameSpan {
  uint32_t first = 0, last = 0;  // words [first, last) of the sentence
  NameType type = NameType::None;
};
// Spans of a labelled sentence (a malformed sequence is read leniently).
std::vector<NameSpan> name_spans(const std::vector<uint8_t>& labels);

}  // namespace eventloom::analyse
