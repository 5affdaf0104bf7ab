// build_corpus: ingest, mark site templates, extract on all cores, consolidate.
//
// Workers take the next article index from an atomic counter and write the
// result into that article's slot, so the order of results, and everything
// after, is the same whatever the number of threads.
//
// Template text is a property of the set of articles (a sentence on many of
// a source's pages), found before extraction so that extraction never reads
// it. merge_builds() finds it again over the union of two corpora and
// extracts again the articles whose marks change, so that building in parts
// and merging gives the bytes of one build.
#include <algorithm>
#include <atomic>
#include <thread>

#include <fmt/format.h>

#include "eventloom/pipeline.hpp"
#include "analyse/models.hpp"
#include "pipeline/parallel.hpp"

namespace eventloom {

std::vector<DocExtraction> extract_all(std::vector<Document> docs, const BuildOptions& opt) {
  const size_t n = docs.size();
  // Each article waits in the slot of its result, and the input vector (a
  // few hundred bytes an article, with room to grow) goes at once.
  std::vector<DocExtraction> out(n);
  for (size_t i = 0; i < n; ++i) out[i].doc = std::move(docs[i]);
  std::vector<Document>().swap(docs);
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(n, 1)));
  std::atomic<size_t> next{0}, done{0};
  auto work = [&]() {
    for (size_t i = next++; i < n; i = next++) {
      out[i] = extract_document(std::move(out[i].doc), opt.extract);
      size_t d = ++done;
      if (opt.progress && (d % 64 == 0 || d == n)) opt.progress(d, n);
      // The articles' scratch, freed between the results kept, leaves pages
      // in the heaps that nothing fills: give them back now and then.
      if (d % 512 == 0) give_back_free_memory();
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

namespace {

void template_notes(const TemplateResult& t, Diagnostics& diag) {
  for (const TemplateSource& s : t.sources)
    diag.note(s.source, 0,
              fmt::format("site template: {} sentence{} found in {} or more of its {} articles, not read ({} article{})",
                          s.sentences, s.sentences == 1 ? "" : "s", s.threshold, s.articles, s.marked,
                          s.marked == 1 ? "" : "s"));
}

bool same_paragraphs(const std::vector<Paragraph>& a, const std::vector<Paragraph>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Paragraph& x, const Paragraph& y) {
    return x.span == y.span && x.kind == y.kind && x.continues == y.continues;
  });
}

}  // namespace

void mark_templates(std::vector<Document>& docs, const BuildOptions& opt, Diagnostics& diag) {
  if (!opt.templates.enabled || docs.empty()) return;
  std::vector<const Document*> view;
  view.reserve(docs.size());
  for (const Document& d : docs) view.push_back(&d);
  TemplateResult t = find_templates(view, opt.templates, opt.jobs);
  for (size_t i = 0; i < docs.size(); ++i) docs[i].paragraphs = std::move(t.paragraphs[i]);
  template_notes(t, diag);
}

Corpus merge_builds(Corpus a, Corpus b, const BuildOptions& opt) {
  std::vector<DocExtraction> docs = std::move(a.docs);
  for (auto& d : b.docs) docs.push_back(std::move(d));
  Diagnostics diag = std::move(a.diagnostics);
  diag.append(b.diagnostics);
  return merge_extractions(std::move(docs), std::move(diag), opt);
}

Corpus merge_extractions(std::vector<DocExtraction> docs, Diagnostics diag, const BuildOptions& opt) {
  if (opt.templates.enabled && !docs.empty()) {
    std::vector<const Document*> view;
    size_t textless = 0;
    for (const DocExtraction& x : docs) {
      view.push_back(&x.doc);
      textless += !x.doc.has_full_text();
    }
    TemplateResult t = find_templates(view, opt.templates, opt.jobs);
    std::vector<size_t> redo;
    for (size_t i = 0; i < docs.size(); ++i)
      if (!same_paragraphs(docs[i].doc.paragraphs, t.paragraphs[i])) redo.push_back(i);
    parallel_for(redo.size(), opt.jobs, [&](size_t k) {
      size_t i = redo[k];
      Document d = std::move(docs[i].doc);
      d.paragraphs = std::move(t.paragraphs[i]);
      if (d.published_from == DateSource::Text) {  // dated from its text: from the text it now reads
        d.published.reset();
        d.published_from = DateSource::None;
        d.published_evidence.clear();
      }
      docs[i] = extract_document(std::move(d), opt.extract);
    });
    if (!redo.empty()) analyse::release_models();
    if (textless)
      diag.note("merge", 0,
                fmt::format("{} article{} without text (a store written with --no-text): site templates found without them",
                            textless, textless == 1 ? "" : "s"));
  }
  Corpus c = consolidate(std::move(docs));
  diag.append(c.diagnostics);
  c.diagnostics = std::move(diag);
  return c;
}

BuildResult build_corpus(const std::vector<std::string>& inputs, const BuildOptions& opt) {
  BuildResult r;
  IngestResult in = ingest(inputs, opt.ingest);
  r.diagnostics = std::move(in.diagnostics);
  r.files_read = in.files_read;
  r.bytes_read = in.bytes_read;
  r.files_elsewhere = in.files_elsewhere;
  mark_templates(in.documents, opt, r.diagnostics);
  std::vector<DocExtraction> docs = extract_all(std::move(in.documents), opt);
  // The models (tens of MB) are not read again: free them, and the workers'
  // scratch (each article's analysis), free now but held in their heaps,
  // before consolidation grows the corpus layer.
  analyse::release_models();
  give_back_free_memory();
  r.corpus = consolidate(std::move(docs));
  r.diagnostics.append(r.corpus.diagnostics);
  return r;
}

}  // namespace eventloom
