// Robustness: the JSON writer's escaping (every control byte, quotes,
// backslashes, UTF-8 and invalid bytes) reads back byte for byte, and inputs
// of the kinds the fuzzers feed (empty, binary, odd Unicode, huge numbers)
// go through a whole build without trouble. Crashes found by the fuzz
// targets (fuzz/, scripts/fuzz.sh) are added here as regression cases.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "eventloom/export.hpp"
#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "eventloom/time.hpp"

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
