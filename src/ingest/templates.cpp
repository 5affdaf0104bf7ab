// Site templates: sentences a source prints on many of its articles.
//
// 1. Each article is read as ingest found it (template pieces joined back),
//    its body paragraphs tokenised and split into sentences by the text
//    stage, and each sentence keyed by a hash of its comparison key. The
//    article's signature hashes all its keys in order: articles with the same
//    words (one story read twice) count once.
// 2. Per source, the distinct signatures are its articles, and a sentence's
//    count is the number of distinct signatures it appears in. A sentence of
//    min_words to max_words words in at least max(min_articles,
//    ceil(min_share * articles)) of them is template text.
// 3. Each article's body paragraphs are cut around its runs of template
//    sentences (in the source of its first SourceRef), each run from its
//    first letter or digit: a closing quotation mark the sentence splitter
//    gave to the template's first sentence stays with the quote before it.
//    Text without a letter or digit between two runs, or between a run and
//    the paragraph's edge, joins the run.
// Counting is over sorted vectors, so nothing depends on the order of the
// documents or on the number of threads.
#include <algorithm>
#include <cmath>
#include <map>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "pipeline/parallel.hpp"
#include "util/hash.hpp"

namespace eventloom {
namespace {

using util::mix64;

uint64_t hash_key(std::string_view s) { return mix64(util::fnv1a(s)); }

// A letter or digit: ASCII ones, and any other code point but the
// punctuation and spaces news text uses (curly quotes, dashes, guillemets).
bool is_word_char(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xA0 && cp != 0xAB && cp != 0xBB && cp != 0xFFFD;
}

// Offset of the first letter or digit in [from, to) of `text`, or `to`.
uint32_t first_word_char(std::string_view text, uint32_t from, uint32_t to) {
  size_t i = from;
  while (i < to) {
    size_t at = i;
    if (is_word_char(text::next_code_point(text, i))) return static_cast<uint32_t>(at);
  }
  return to;
}

bool has_word_char(std::string_view text, uint32_t from, uint32_t to) { return first_word_char(text, from, to) < to; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

struct Unit {
  Span span;            // a sentence, in the original text
  uint32_t paragraph;   // index into the base paragraphs
  uint64_t key;
  bool eligible;        // of a length that can be template text
};

struct Article {
  std::vector<Paragraph> base;
  std::vector<Unit> sentences;  // in text order
  uint64_t signature = 0;
  bool usable = false;
};

Article read_article(const Document& d, const TemplateOptions& opt) {
  Article a;
  a.base = untemplated_paragraphs(d.paragraphs);
  if (!d.has_full_text()) return a;
  Document view;  // the body paragraphs alone
  std::vector<uint32_t> base_of;
  for (uint32_t i = 0; i < a.base.size(); ++i) {
    if (a.base[i].kind != ParagraphKind::Body || a.base[i].span.end > d.text.size()) continue;
    view.paragraphs.push_back(a.base[i]);
    base_of.push_back(i);
  }
  if (view.paragraphs.empty()) return a;
  view.text = d.text;
  AnnotatedText at = analyze(view);
  uint64_t sig = 0x9e3779b97f4a7c15ull;
  std::string key;
  for (const Sentence& s : at.sentences) {
    key.clear();
    text::append_comparison_key(key, at.norm.view(s.span));
    if (key.empty()) continue;
    uint32_t words = 1 + static_cast<uint32_t>(std::count(key.begin(), key.end(), ' '));
    uint64_t h = hash_key(key);
    sig = mix64(sig ^ h);
    a.sentences.push_back({at.norm.to_original(s.span), base_of[s.paragraph], h,
                           words >= opt.min_words && words <= opt.max_words});
  }
  a.signature = sig;
  a.usable = true;
  return a;
}

// The body paragraph `p` cut around the template sentences [first, last) of
// it (marked in `tmpl`), appended to `out`.
void cut(std::string_view text, const Paragraph& p, const std::vector<Unit>& sents, const std::vector<bool>& tmpl,
         size_t first, size_t last, std::vector<Paragraph>& out) {
  // Runs of template sentences; text without a letter or digit between two
  // runs, or between a run and the paragraph's edge, joins the run.
  std::vector<Span> runs;
  for (size_t i = first; i < last; ++i) {
    if (!tmpl[i]) continue;
    Span s = sents[i].span;
    // A mark before the first word may close the sentence before ("... Gaddafi . '' Views expressed"):
    // it stays with the body.
    s.start = first_word_char(text, s.start, s.end);
    uint32_t from = runs.empty() ? p.span.start : runs.back().end;
    bool bare = !has_word_char(text, from, s.start);
    if (!runs.empty() && bare)
      runs.back().end = s.end;
    else
      runs.push_back({runs.empty() && bare ? p.span.start : s.start, s.end});
  }
  if (runs.empty()) {
    out.push_back(p);
    return;
  }
  if (!has_word_char(text, runs.back().end, p.span.end)) runs.back().end = p.span.end;
  bool continues = false;
  auto push = [&](Span s, ParagraphKind k) {
    out.push_back({s, k, continues});
    continues = true;
  };
  uint32_t at = p.span.start;
  for (const Span& r : runs) {
    if (r.start > at) {  // body text before the run, without the space before it
      uint32_t e = r.start;
      while (e > at && is_space(text[e - 1])) --e;
      push({at, e}, ParagraphKind::Body);
    }
    push(r, ParagraphKind::Template);
    at = r.end;
    while (at < p.span.end && is_space(text[at])) ++at;
  }
  if (at < p.span.end) push({at, p.span.end}, ParagraphKind::Body);
}

}  // namespace

std::string template_source(const SourceRef& s) {
  auto host = [](std::string_view u) {
    size_t scheme = u.find("://");
    u.remove_prefix(scheme == std::string_view::npos ? 0 : scheme + 3);
    u = u.substr(0, u.find_first_of("/?#:"));
    std::string h = text::lower_ascii(u);
    if (h.compare(0, 4, "www.") == 0) h.erase(0, 4);
    return h;
  };
  if (!s.url.empty()) return host(s.url);
  if (s.record_id.find("://") != std::string::npos) return host(s.record_id);
  size_t slash = s.record_id.find_last_of('/');
  if (slash != std::string::npos && slash > 0) return s.record_id.substr(0, slash);
  std::string_view path = s.path;
  bool lines = path.size() >= 6 && (text::lower_ascii(path.substr(path.size() - 6)) == ".jsonl" ||
                                    (path.size() >= 7 && text::lower_ascii(path.substr(path.size() - 7)) == ".ndjson"));
  if (lines || !s.record_id.empty()) return std::string(path);
  slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string(".") : std::string(path.substr(0, slash));
}

std::vector<Paragraph> untemplated_paragraphs(const std::vector<Paragraph>& paragraphs) {
  std::vector<Paragraph> out;
  out.reserve(paragraphs.size());
  for (const Paragraph& p : paragraphs) {
    if (p.continues && !out.empty()) {
      out.back().span.end = std::max(out.back().span.end, p.span.end);
      continue;
    }
    out.push_back({p.span, p.kind == ParagraphKind::Template ? ParagraphKind::Body : p.kind, false});
  }
  return out;
}

TemplateResult find_templates(const std::vector<const Document*>& docs, const TemplateOptions& opt, unsigned jobs) {
  const size_t n = docs.size();
  TemplateResult r;
  r.paragraphs.resize(n);
  if (!opt.enabled) {
    for (size_t i = 0; i < n; ++i)
      r.paragraphs[i] = docs[i]->has_full_text() ? untemplated_paragraphs(docs[i]->paragraphs) : docs[i]->paragraphs;
    return r;
  }
  std::vector<Article> arts(n);
  parallel_for(n, jobs, [&](size_t i) { arts[i] = read_article(*docs[i], opt); });

  // Sources, numbered in sorted order. An article is counted in the source of
  // each of its SourceRefs (a copy folded into it counts where it was found)
  // and judged in that of its first, where its text comes from.
  std::map<std::string, uint32_t> ids;
  std::vector<std::vector<std::string>> names(n);
  for (size_t i = 0; i < n; ++i)
    for (const SourceRef& s : docs[i]->sources) names[i].push_back(template_source(s));
  for (const auto& v : names)
    for (const auto& s : v) ids.emplace(s, 0);
  uint32_t next = 0;
  for (auto& [name, id] : ids) id = next++;
  std::vector<int64_t> own(n, -1);
  std::vector<std::vector<uint32_t>> counted(n);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& s : names[i]) counted[i].push_back(ids[s]);
    if (!counted[i].empty()) own[i] = counted[i][0];
    std::sort(counted[i].begin(), counted[i].end());
    counted[i].erase(std::unique(counted[i].begin(), counted[i].end()), counted[i].end());
  }

  // Distinct articles per source, and distinct articles per (source, sentence).
  std::vector<std::pair<uint32_t, uint64_t>> articles;           // (source, signature)
  std::vector<std::tuple<uint32_t, uint64_t, uint64_t>> seen;    // (source, key, signature)
  for (size_t i = 0; i < n; ++i) {
    if (!arts[i].usable) continue;
    for (uint32_t g : counted[i]) {
      articles.emplace_back(g, arts[i].signature);
      for (const Unit& s : arts[i].sentences)
        if (s.eligible) seen.emplace_back(g, s.key, arts[i].signature);
    }
  }
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  std::vector<uint32_t> per_source(ids.size(), 0), need(ids.size(), 0);
  for (const auto& a : articles) ++per_source[a.first];
  for (size_t g = 0; g < ids.size(); ++g)
    need[g] = std::max(opt.min_articles, static_cast<uint32_t>(std::ceil(opt.min_share * per_source[g] - 1e-9)));
  std::vector<std::pair<uint32_t, uint64_t>> templates;  // (source, key), sorted
  for (size_t lo = 0, hi = 0; lo < seen.size(); lo = hi) {
    while (hi < seen.size() && std::get<0>(seen[hi]) == std::get<0>(seen[lo]) &&
           std::get<1>(seen[hi]) == std::get<1>(seen[lo]))
      ++hi;
    uint32_t g = std::get<0>(seen[lo]);
    if (hi - lo >= need[g]) templates.emplace_back(g, std::get<1>(seen[lo]));
  }

  std::vector<uint32_t> sentences(ids.size(), 0), marked(ids.size(), 0);
  for (const auto& t : templates) ++sentences[t.first];
  for (size_t i = 0; i < n; ++i) {
    Article& a = arts[i];
    if (!a.usable || own[i] < 0) {
      r.paragraphs[i] = a.usable ? std::move(a.base) : docs[i]->paragraphs;
      continue;
    }
    uint32_t g = static_cast<uint32_t>(own[i]);
    std::vector<bool> tmpl(a.sentences.size());
    bool any = false;
    for (size_t k = 0; k < a.sentences.size(); ++k) {
      tmpl[k] = a.sentences[k].eligible &&
                std::binary_search(templates.begin(), templates.end(), std::make_pair(g, a.sentences[k].key));
      any = any || tmpl[k];
    }
    if (!any) {
      r.paragraphs[i] = std::move(a.base);
      continue;
    }
    ++marked[g];
    std::vector<Paragraph>& out = r.paragraphs[i];
    size_t k = 0;
    for (uint32_t p = 0; p < a.base.size(); ++p) {
      size_t first = k;
      while (k < a.sentences.size() && a.sentences[k].paragraph == p) ++k;
      if (a.base[p].kind != ParagraphKind::Body)
        out.push_back(a.base[p]);
      else
        cut(docs[i]->text, a.base[p], a.sentences, tmpl, first, k, out);
    }
  }
  for (const auto& [name, g] : ids)
    if (sentences[g]) r.sources.push_back({name, per_source[g], need[g], sentences[g], marked[g]});
  return r;
}

}  // namespace eventloom
