// consolidate: the global layer of a corpus, computed from its documents.
//
// 1. The same article in several inputs: documents whose word 4-gram shingle
//    sets overlap (Jaccard >= 0.7) are one; candidates come from MinHash
//    bands, so the work stays near linear in the number of articles. The
//    kept copy is the one with the smallest id; it takes every source.
// 2. Actors: cluster_actors() over every article's actors; a global actor's
//    name is its fullest form, its id a slug of that name.
// 3. Statements: the same speaker and the same words in several places are
//    one statement with all of them as evidence.
// 4. Events: the same type, the same participants and a compatible date.
// Everything is sorted by content before ids are given, so the result
// depends on the set of documents only: merge(a, b) == consolidate(a ∪ b).
// The work per document, per actor, per cluster and per record runs on all
// cores, each index writing only its own slot; whatever depends on order
// (numbering, the first of equals) is done in one pass in document order, so
// the result does not depend on the number of threads either.
//
// Each job is a file of its own: documents.cpp, actors.cpp, statements.cpp,
// events.cpp (consolidate_internal.hpp lists them).
#include <vector>

#include "eventloom/corpus.hpp"
#include "merge/consolidate_internal.hpp"
#include "pipeline/parallel.hpp"

namespace eventloom {

using merge_detail::build_actors;
using merge_detail::build_events;
using merge_detail::build_statements;
using merge_detail::fold_duplicate_documents;

Corpus consolidate(std::vector<DocExtraction> docs) {
  Corpus c;
  // Each job frees its working tables when done: their pages go back before
  // the next job grows the corpus (a build's peak of memory is here).
  fold_duplicate_documents(docs, c.diagnostics);
  give_back_free_memory();
  c.docs = std::move(docs);
  build_actors(c);
  give_back_free_memory();
  build_statements(c);
  give_back_free_memory();
  build_events(c);
  return c;
}

Corpus merge(Corpus a, Corpus b) {
  std::vector<DocExtraction> docs = std::move(a.docs);
  for (auto& d : b.docs) docs.push_back(std::move(d));
  Corpus c = consolidate(std::move(docs));
  Diagnostics diag = std::move(a.diagnostics);
  diag.append(b.diagnostics);
  diag.append(c.diagnostics);
  c.diagnostics = std::move(diag);
  return c;
}

}  // namespace eventloom
