// CoNLL-U (https://universaldependencies.org/format.html): reading and
// writing sentences, for training the models and for tagging or parsing
// text with a given tokenisation. Comment lines, multiword-token lines and
// empty nodes are kept as they are, so a file reads back byte for byte
// (apart from the columns a tool fills in).
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace eventloom::conllu {

enum Column { kId, kForm, kLemma, kUpos, kXpos, kFeats, kHead, kDeprel, kDeps, kMisc };

struct Line {
  std::array<std::string, 10> col;  // empty for a comment line
  std::string comment;              // "# text = ..." (without the newline)
  bool is_word() const;             // an integer ID: a word of the sentence
};

struct Sentence {
  std::vector<Line> lines;
  std::vector<uint32_t> words;  // indices of the word lines, in order
  const std::string& form(size_t w) const { return lines[words[w]].col[kForm]; }
  std::string& col(size_t w, Column c) { return lines[words[w]].col[c]; }
  const std::string& col(size_t w, Column c) const { return lines[words[w]].col[c]; }
};

// Reads every sentence of `in`. A malformed line is an error: false, with
// `error` naming the line ("line 17: 9 columns, not 10").
bool read(std::istream& in, std::vector<Sentence>& out, std::string* error);
void write(std::ostream& out, const Sentence& s);

}  // namespace eventloom::conllu
