// Robustness: the JSON writer's escaping (every control byte, quotes,
// backslashes, UTF-8 and invalid bytes) reads back byte for byte, and inputs
// of the kinds the fuzzers feed (empty, binary, odd Unicode, huge numbers)
// go through a whole build without trouble. Crashes found by the fuzz
// targets (fuzz/, scripts/fuzz.sh) are added here as regression cases.
#include <chrono>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "eventloom/export.hpp"
#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "eventloom/time.hpp"
#include "ingest/html_scan.hpp"

using namespace eventloom;

namespace {

Corpus one_document(const std::string& text) {
  DocExtraction x;
  x.doc.id = "doc\t\"1\"";
  x.doc.title = "Title with \\ and \x01";
  x.doc.text = text;
  x.doc.format = "text";
  x.doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(text.size())}, ParagraphKind::Body});
  std::vector<DocExtraction> docs;
  docs.push_back(std::move(x));
  return consolidate(std::move(docs));
}

std::string to_json(const Corpus& c) {
  std::ostringstream out;
  write_json(c, out);
  return out.str();
}

}  // namespace

// Ingest keeps texts valid UTF-8 (the store is JSON, which must be), so the
// writer is tried on every ASCII byte and on multi-byte characters.
TEST_CASE("JSON escaping: every ASCII byte and UTF-8 reads back as written", "[robustness]") {
  std::string text;
  for (int c = 1; c < 128; ++c) text.push_back(static_cast<char>(c));
  text += "\"quoted\" back\\slash “curly” – dash \xE2\x80\xA6";
  Corpus c = one_document(text);
  std::string json = to_json(c);
  REQUIRE(json.find("\\u0001") != std::string::npos);
  REQUIRE(json.find("\\u001f") != std::string::npos);
  REQUIRE(json.find("\\n") != std::string::npos);
  REQUIRE(json.find("\\\"quoted\\\"") != std::string::npos);
  Diagnostics diag;
  Corpus back = read_json(json, diag);
  std::string problems;  // what read_json reported, shown if it reported anything
  for (const Diagnostic& d : diag.items) problems += to_string(d) + "\n";
  INFO(problems);
  CHECK(diag.items.empty());
  REQUIRE(back.docs.size() == 1);
  CHECK(back.docs[0].doc.text == text);
  CHECK(back.docs[0].doc.id == c.docs[0].doc.id);
  CHECK(to_json(back) == json);
}

TEST_CASE("odd inputs go through the readers and the text layer", "[robustness]") {
  const std::string cases[] = {
      "",
      std::string(1, '\0'),
      "\xFF\xFE\xFD",
      "\xE2\x80",                      // a cut UTF-8 sequence
      "\"\"\"\xE2\x80\x9C\xE2\x80\x9D",  // marks and nothing inside
      "On 99999999999999999999/99/9999 at 25:61, 1e400 people said \"yes\".",
      "<html><body><p>Unclosed <b>tags<p>and &#xFFFFFFFF; entities",
      "{\"id\":1,\"text\":",
      "{\"text\":\"a\\u0000b\",\"date\":\"9999-99-99\"}\n{}\n[]\nnull",
  };
  for (const std::string& s : cases) {
    IngestResult out;
    read_text("t.txt", s, out);
    read_html("t.html", s, out);
    read_jsonl("t.jsonl", s, out);
    AnnotatedText at = analyze_text(s);
    for (const Token& t : at.tokens) REQUIRE(t.span.end <= at.text().size());
    std::vector<Timex> tx = tag_times(at, TimeOptions{boost::gregorian::date(2024, 2, 29)});
    for (const Timex& t : tx) REQUIRE(t.span.end <= at.text().size());
    (void)infer_publication_date(at);
  }
}

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kStory =
    "<p>WASHINGTON, March 3 (Reuters) - The minister said on Monday that talks with the union would resume "
    "next week, officials told reporters in the capital.</p><p>The union said it would consider the offer.</p>";

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

// Gumbo takes time in the square of the nesting depth (half a minute for
// 100,000 <div>s) and both it and a recursive walk of its tree ran out of
// stack. The page is read in well under a second (the bound allows for the
// sanitizers and a busy machine), with its text and a note.
TEST_CASE("HTML nested 100,000 deep is read quickly, text kept, with a note", "[robustness]") {
  const std::string pages[] = {
      "<!DOCTYPE html><html><head><title>Deep</title></head><body>" + repeat("<div>", 100000) + kStory +
          repeat("</div>", 100000) + "</body></html>\n",
      "<html><body>" + kStory + repeat("<div>", 100000) + "x</body></html>\n",  // never closed
  };
  for (const std::string& page : pages) {
    auto t0 = std::chrono::steady_clock::now();
    IngestResult r;
    read_html("deep.html", page, r);
    double took = seconds_since(t0);
    INFO("took " << took << " s");
    CHECK(took < 10.0);
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].text.find("talks with the union would resume next week") != std::string::npos);
    CHECK(r.documents[0].text.find("The union said it would consider the offer.") != std::string::npos);
    bool noted = false;
    for (const Diagnostic& d : r.diagnostics.items)
      noted = noted || (d.severity == Severity::Note && d.reason.find("nested more than 256 deep") != std::string::npos);
    CHECK(noted);
  }
}

// Ways of nesting deep that the tree builder's rules allow without the
// plain <div> chain: end tags it ignores, elements it closes or reopens,
// SVG and MathML content. Each would take Gumbo seconds to minutes.
TEST_CASE("HTML nested deep by the tree builder's odd rules is read quickly", "[robustness]") {
  const char* patterns[] = {
      "<span><h1></span>",  "<form><div></form>",      "<svg><div/>",          "<div/>",
      "<span><div></span>", "<svg><foreignObject><div>", "<math><mi><div>",    "<table><tr><td><div>",
      "<ul><li><ul><li>",   "<x-a><em></x-b>",          "<b id=1><i>",         "<button><math><mi><button/>",
      "<rt><option>",       "<noscript><address>",     "<dt><li>",            "<a><a></a><span>",
  };
  for (const char* pattern : patterns) {
    std::string page = "<html><body>" + kStory + repeat(pattern, 30000);
    auto t0 = std::chrono::steady_clock::now();
    IngestResult r;
    read_html("odd.html", page, r);
    double took = seconds_since(t0);
    INFO(pattern << " took " << took << " s");
    CHECK(took < 5.0);
    CHECK(r.documents.size() == 1);
  }
}

TEST_CASE("the nesting guard leaves ordinary pages alone and keeps text", "[robustness]") {
  using html_scan::flatten_deep_nesting;
  std::string out;
  size_t dropped = 0;
  // 200 deep with unclosed <p> and <li>, and tags inside scripts,
  // comments and attribute values, is within the limit of 256.
  std::string ordinary = "<html><body>" + repeat("<div class='a>b'>", 200) +
                         "<script>var s = '" + repeat("<div>", 300) + "';</script><!-- " + repeat("<div>", 300) +
                         " --><ul>" + repeat("<li><p>item", 300) + "</ul>" + repeat("</div>", 200) + "</body></html>";
  CHECK_FALSE(flatten_deep_nesting(ordinary, 256, out, dropped));
  CHECK(out.empty());
  // Past the limit, tags go (each a space) and text stays.
  std::string deep = repeat("<div>", 5) + "a<b>b</b>c" + repeat("</div>", 5) + "<p>after</p>";
  REQUIRE(flatten_deep_nesting(deep, 3, out, dropped));
  CHECK(dropped == 6);  // two <div>s, the <b> and their end tags
  CHECK(out == "<div><div><div>  a b c  </div></div></div><p>after</p>");
}
