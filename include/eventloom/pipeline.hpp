// The whole build, from inputs to a consolidated Corpus, in parallel over
// articles. Output does not depend on the number of threads.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/ingest.hpp"

namespace eventloom {

struct BuildOptions {
  IngestOptions ingest;
  TemplateOptions templates;  // site template text, found across the build's articles
  ExtractOptions extract;
  unsigned jobs = 0;  // 0: all cores
  // Called now and then from worker threads with (articles done, total).
  std::function<void(size_t, size_t)> progress;
};

struct BuildResult {
  Corpus corpus;
  Diagnostics diagnostics;  // ingest problems, then merge notes
  uint32_t files_read = 0;
  uint64_t bytes_read = 0;
  uint32_t files_elsewhere = 0;  // --shard by file: files left to other shards
};

BuildResult build_corpus(const std::vector<std::string>& inputs, const BuildOptions& opt = {});

// Extract every document on `jobs` threads; results in input order.
std::vector<DocExtraction> extract_all(std::vector<Document> docs, const BuildOptions& opt);

// Find site template text across `docs` (find_templates) and mark it in their
// paragraphs; a note per source where some was found.
void mark_templates(std::vector<Document>& docs, const BuildOptions& opt, Diagnostics& diag);

// Combine two corpora as one build over the inputs of both would: template
// text is found again over the documents of both, the articles whose template
// paragraphs change are extracted again from their text, then consolidate().
// merge() alone combines the extractions as they are, which is the same when
// no template text changes. Articles without text (a store written with
// --no-text) cannot be read for templates: they keep their marks and count
// for nothing, and a note says how many there are.
Corpus merge_builds(Corpus a, Corpus b, const BuildOptions& opt = {});

// The same for any number of parts at once (a k-way merge): the articles of
// every part, `docs`, in any order, with the parts' diagnostics; templates
// are found once over all of them and consolidate() runs once. Only the
// articles are needed: a caller that loads parts one by one can keep their
// `docs` and drop the rest of each (actors, statements, events) at once.
Corpus merge_extractions(std::vector<DocExtraction> docs, Diagnostics diag, const BuildOptions& opt = {});

}  // namespace eventloom
