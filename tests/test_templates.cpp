// Site templates: sentences a source prints on many of its articles are found
// across the build, kept as Template paragraphs and not read; a quote a few
// articles share is not one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "eventloom/corpus.hpp"
#include "eventloom/export.hpp"
#include "eventloom/extraction.hpp"
#include "eventloom/ingest.hpp"
#include "template_corpus.hpp"

using namespace eventloom;

namespace {

// Documents as the text reader makes them, one per (path, content).
std::vector<Document> read_all(const std::vector<std::pair<std::string, std::string>>& files) {
  IngestResult r;
  for (const auto& [path, content] : files) read_text(path, content, r);
  return std::move(r.documents);
}

std::vector<Document> corpus() {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 6; ++i)
    files.emplace_back("site/article-" + std::to_string(i + 1) + ".txt", template_corpus::article(i));
  return read_all(files);
}

std::vector<const Document*> view(const std::vector<Document>& docs) {
  std::vector<const Document*> v;
  for (const Document& d : docs) v.push_back(&d);
  return v;
}

std::vector<std::string> texts(const Document& d, const std::vector<Paragraph>& ps, ParagraphKind kind) {
  std::vector<std::string> out;
  for (const Paragraph& p : ps)
    if (p.kind == kind) out.push_back(d.text.substr(p.span.start, p.span.size()));
  return out;
}

bool same(const std::vector<Paragraph>& a, const std::vector<Paragraph>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Paragraph& x, const Paragraph& y) {
    return x.span == y.span && x.kind == y.kind && x.continues == y.continues;
  });
}

// n articles of one folder; the sentence `s` added to the first k of them.
std::vector<Document> with_sentence(int n, int k, const std::string& s) {
  const char* places[] = {"Halvik", "Brenna", "Tarvel", "Lindau", "Marenholt", "Ostvik"};
  const char* acts[] = {"opened a school", "closed a bridge", "held a vote", "signed a contract", "raised a tax"};
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < n; ++i) {
    std::string body = "Report number " + std::to_string(i) + "\n\nThe council of " + places[i % 6] + " " +
                       acts[i % 5] + " on day " + std::to_string(i + 1) + " of the month, officials said.\n\n";
    if (i < k) body += s + "\n";
    files.emplace_back("feed/item-" + std::to_string(i) + ".txt", body);
  }
  return read_all(files);
}

size_t marked_articles(const TemplateResult& r) {
  return static_cast<size_t>(std::count_if(r.paragraphs.begin(), r.paragraphs.end(), [](const auto& ps) {
    return std::any_of(ps.begin(), ps.end(), [](const Paragraph& p) { return p.kind == ParagraphKind::Template; });
  }));
}

}  // namespace

TEST_CASE("a teaser on every article of a site is a template, a quote two articles share is not") {
  std::vector<Document> docs = corpus();
  REQUIRE(docs.size() == 6);
  TemplateResult r = find_templates(view(docs));
  for (size_t i = 0; i < docs.size(); ++i) {
    INFO(docs[i].id);
    CHECK(texts(docs[i], r.paragraphs[i], ParagraphKind::Template) ==
          std::vector<std::string>{template_corpus::kTeaser});
    std::vector<std::string> body = texts(docs[i], r.paragraphs[i], ParagraphKind::Body);
    bool quoted = std::find(body.begin(), body.end(), template_corpus::kQuote) != body.end();
    CHECK(quoted == (i == 1 || i == 2));
    // The paragraphs as ingest found them come back.
    CHECK(same(untemplated_paragraphs(r.paragraphs[i]), docs[i].paragraphs));
  }
  REQUIRE(r.sources.size() == 1);
  CHECK(r.sources[0].source == "site");
  CHECK(r.sources[0].articles == 6);
  CHECK(r.sources[0].threshold == 5);
  CHECK(r.sources[0].sentences == 1);
  CHECK(r.sources[0].marked == 6);
}

TEST_CASE("extraction does not read template paragraphs") {
  std::vector<Document> docs = corpus();
  TemplateResult r = find_templates(view(docs));
  Document plain = docs[0], marked = docs[0];
  marked.paragraphs = r.paragraphs[0];
  auto speakers = [](const DocExtraction& x) {
    std::vector<std::string> out;
    for (const LocalStatement& s : x.statements)
      if (s.speaker) out.push_back(x.actors[*s.speaker].name);
    return out;
  };
  DocExtraction before = extract_document(plain), after = extract_document(marked);
  std::vector<std::string> b = speakers(before), a = speakers(after);
  CHECK(std::find(b.begin(), b.end(), "Jim Muir") != b.end());  // the teaser is a statement when read
  CHECK(std::find(a.begin(), a.end(), "Jim Muir") == a.end());
  for (const Mention& m : after.mentions) CHECK(m.span.start < r.paragraphs[0].back().span.start);
}

TEST_CASE("templates do not depend on the order of the documents") {
  std::vector<Document> docs = corpus();
  TemplateResult r = find_templates(view(docs), {}, 1);
  std::vector<Document> reversed(docs.rbegin(), docs.rend());
  TemplateResult back = find_templates(view(reversed), {}, 3);
  for (size_t i = 0; i < docs.size(); ++i) CHECK(same(r.paragraphs[i], back.paragraphs[docs.size() - 1 - i]));
  // Documents already marked are read as ingest found them: the same marks again.
  std::vector<Document> again = docs;
  for (size_t i = 0; i < again.size(); ++i) again[i].paragraphs = r.paragraphs[i];
  TemplateResult twice = find_templates(view(again));
  for (size_t i = 0; i < docs.size(); ++i) CHECK(same(twice.paragraphs[i], r.paragraphs[i]));
}

TEST_CASE("a template sentence inside a paragraph is cut out, the closing quote before it stays") {
  // One-paragraph articles, tokenised as Timeline17 has them: the teaser
  // follows a quote whose closing mark the sentence splitter gives to it.
  const std::string teaser = "Read more analysis from our correspondent every Friday on this page.";
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 5; ++i)
    files.emplace_back("wire/" + std::to_string(i) + ".txt",
                       "Story " + std::to_string(i) + " begins here with some news of the day number " +
                           std::to_string(i) + " . The minister said : `` We are ready for vote " +
                           std::to_string(i) + " . '' " + teaser +
                           " The vote is due on day " + std::to_string(i + 2) + ", officials said.\n");
  std::vector<Document> docs = read_all(files);
  REQUIRE(docs.size() == 5);
  TemplateResult r = find_templates(view(docs));
  for (size_t i = 0; i < docs.size(); ++i) {
    const std::vector<Paragraph>& ps = r.paragraphs[i];
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].kind == ParagraphKind::Body);
    CHECK_FALSE(ps[0].continues);
    CHECK(ps[1].kind == ParagraphKind::Template);
    CHECK(ps[1].continues);
    CHECK(ps[2].kind == ParagraphKind::Body);
    CHECK(ps[2].continues);
    CHECK(docs[i].text.substr(ps[1].span.start, ps[1].span.size()) == teaser);
    std::string first = docs[i].text.substr(ps[0].span.start, ps[0].span.size());
    CHECK(first.substr(first.size() - 5) == " . ''");
    CHECK(same(untemplated_paragraphs(ps), docs[i].paragraphs));
  }
}

TEST_CASE("a sentence needs a fifth of the source's articles, and five of them") {
  const std::string s = "The council publishes its decisions on the public notice board every week.";
  CHECK(marked_articles(find_templates(view(with_sentence(30, 5, s)))) == 0);  // 17%
  CHECK(marked_articles(find_templates(view(with_sentence(30, 6, s)))) == 6);  // 20%
  CHECK(marked_articles(find_templates(view(with_sentence(4, 4, s)))) == 0);   // all, but only four
  CHECK(marked_articles(find_templates(view(with_sentence(5, 5, s)))) == 5);
  // Too short to be told from ordinary prose.
  CHECK(marked_articles(find_templates(view(with_sentence(6, 6, "He said so.")))) == 0);
  TemplateOptions off;
  off.enabled = false;
  CHECK(marked_articles(find_templates(view(with_sentence(6, 6, s)), off)) == 0);
}

TEST_CASE("the same article read several times counts once") {
  // One story in six files: its sentences are in six documents but one article.
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 6; ++i) files.emplace_back("copies/" + std::to_string(i) + ".txt", template_corpus::article(0));
  std::vector<Document> docs = read_all(files);
  TemplateResult r = find_templates(view(docs));
  CHECK(marked_articles(r) == 0);
  CHECK(r.sources.empty());
}

TEST_CASE("templates are counted per source") {
  // The teaser on three articles of each of two sites: neither has it on five.
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 6; ++i)
    files.emplace_back(std::string(i < 3 ? "one/" : "two/") + std::to_string(i) + ".txt", template_corpus::article(i));
  CHECK(marked_articles(find_templates(view(read_all(files)))) == 0);
}

TEST_CASE("the source of an article: URL host, record id prefix, JSON Lines file, folder") {
  auto src = [](std::string path, std::string record_id, std::string url) {
    SourceRef s;
    s.path = std::move(path);
    s.record_id = std::move(record_id);
    s.url = std::move(url);
    return template_source(s);
  };
  CHECK(src("a.html", "", "https://www.BBC.co.uk/news/world-123?x=1") == "bbc.co.uk");
  CHECK(src("t17.jsonl", "SyrianCrisis_bbc/17", "") == "SyrianCrisis_bbc");
  CHECK(src("feed.jsonl", "https://example.org/a/b", "") == "example.org");
  CHECK(src("data/feed.jsonl", "reuters-12", "") == "data/feed.jsonl");
  CHECK(src("data/feed.ndjson", "", "") == "data/feed.ndjson");
  CHECK(src("scrapes/site/page.html", "", "") == "scrapes/site");
  CHECK(src("page.txt", "", "") == ".");
}

TEST_CASE("template paragraphs and their pieces survive the JSON store") {
  std::vector<Document> docs = read_all({{"x/0.txt", "Title Line Here\n\nA first sentence of the story here. "
                                                     "A second sentence of the story here.\n"}});
  REQUIRE(docs.size() == 1);
  Document& d = docs[0];
  REQUIRE(d.paragraphs.back().kind == ParagraphKind::Body);
  Span body = d.paragraphs.back().span;
  uint32_t cut = static_cast<uint32_t>(d.text.find("A second"));
  d.paragraphs.back().span.end = cut - 1;
  d.paragraphs.push_back({{cut, body.end}, ParagraphKind::Template, true});
  Corpus c = consolidate({extract_document(d)});
  std::ostringstream json;
  write_json(c, json);
  CHECK(json.str().find("\"kind\":\"template\",\"continues\":true}") != std::string::npos);
  Diagnostics diag;
  Corpus back = read_json(json.str(), diag);
  REQUIRE(back.docs.size() == 1);
  CHECK(same(back.docs[0].doc.paragraphs, d.paragraphs));
  CHECK(untemplated_paragraphs(back.docs[0].doc.paragraphs).back().span == body);
}
