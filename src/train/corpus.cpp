// Unlabelled text for the word vectors: every sentence of the given inputs
// (news as eventloom ingests it, and the words of CoNLL-U files), cut into
// the pieces the models see, one sentence a line, words one space apart.
#include <fstream>

#include "analyse/pieces.hpp"
#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "train/common.hpp"
#include "train/train.hpp"

namespace eventloom::train {

int write_corpus(const CorpusArgs& a) {
  std::ofstream out(a.out + ".tmp", std::ios::binary);
  size_t sentences = 0, words = 0;
  std::vector<analyse::Piece> pieces;
  for (const std::string& path : a.inputs) {
    if (path.size() > 7 && path.compare(path.size() - 7, 7, ".conllu") == 0) {
      for (const auto& s : read_conllu_or_die(path)) {
        for (size_t i = 0; i < s.words.size(); ++i) out << (i ? " " : "") << s.form(i);
        out << '\n';
        ++sentences;
        words += s.words.size();
      }
      continue;
    }
    IngestResult r = ingest({path});
    for (const Document& d : r.documents) {
      AnnotatedText at = analyze(d);
      for (const Sentence& s : at.sentences) {
        pieces.clear();
        analyse::split_pieces(at, s.first_token, s.last_token, pieces);
        if (pieces.empty()) continue;
        for (size_t i = 0; i < pieces.size(); ++i) out << (i ? " " : "") << at.norm.view(pieces[i].span);
        out << '\n';
        ++sentences;
        words += pieces.size();
      }
    }
  }
  out.close();
  if (!out || std::rename((a.out + ".tmp").c_str(), a.out.c_str()) != 0) {
    std::cerr << "eventloom_train: cannot write " << a.out << "\n";
    return 1;
  }
  std::cerr << "wrote " << a.out << ": " << sentences << " sentences, " << words << " words\n";
  return 0;
}

}  // namespace eventloom::train
