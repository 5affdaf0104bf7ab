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
};

BuildResult build_corpus(const std::vector<std::string>& inputs, const BuildOptions& opt = {});

// Extract every document on `jobs` threads; results in input order.
std::vector<DocExtraction> extract_all(std::vector<Document> docs, const BuildOptions& opt);

}  // namespace eventloom
