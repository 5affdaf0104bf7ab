// build_corpus: ingest, extract on all cores, consolidate.
//
// Workers take the next article index from an atomic counter and write the
// result into that article's slot, so the order of results, and everything
// after, is the same whatever the number of threads.
#include <atomic>
#include <thread>

#include "eventloom/pipeline.hpp"

namespace eventloom {

std::vector<DocExtraction> extract_all(std::vector<Document> docs, const BuildOptions& opt) {
  const size_t n = docs.size();
  std::vector<DocExtraction> out(n);
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(n, 1)));
  std::atomic<size_t> next{0}, done{0};
  auto work = [&]() {
    for (size_t i = next++; i < n; i = next++) {
      out[i] = extract_document(std::move(docs[i]), opt.extract);
      size_t d = ++done;
      if (opt.progress && (d % 64 == 0 || d == n)) opt.progress(d, n);
    }
  };
  if (jobs <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  return out;
}

BuildResult build_corpus(const std::vector<std::string>& inputs, const BuildOptions& opt) {
  BuildResult r;
  IngestResult in = ingest(inputs, opt.ingest);
  r.diagnostics = std::move(in.diagnostics);
  r.files_read = in.files_read;
  r.bytes_read = in.bytes_read;
  r.corpus = consolidate(extract_all(std::move(in.documents), opt));
  r.diagnostics.append(r.corpus.diagnostics);
  return r;
}

}  // namespace eventloom
