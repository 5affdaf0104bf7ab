// libFuzzer target: the article segmenter and the text layer (tokens,
// sentences, quotations) on arbitrary bytes, checking the invariants that
// every later stage relies on: spans inside the text and in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"

namespace {
void check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view content(reinterpret_cast<const char*>(data), size);
  for (const eventloom::Segment& s : eventloom::segment_text(content)) {
    check(s.begin <= s.end && s.end <= size);
    for (const eventloom::Paragraph& p : s.paragraphs) check(p.span.start <= p.span.end && p.span.end <= size);
  }
  eventloom::IngestResult out;
  eventloom::read_text("fuzz.txt", content, out);
  eventloom::AnnotatedText at = eventloom::analyze_text(content);
  const size_t n = at.text().size();
  uint32_t last = 0;
  for (const eventloom::Token& t : at.tokens) {
    check(t.span.start < t.span.end && t.span.end <= n && t.span.start >= last);
    check(t.sentence < at.sentences.size());
    last = t.span.end;
  }
  for (const eventloom::Sentence& s : at.sentences) check(s.first_token < s.last_token && s.last_token <= at.tokens.size());
  for (const eventloom::Quotation& q : at.quotes) check(q.outer.contains(q.inner) && q.outer.end <= n);
  for (uint32_t i = 0; i <= n; ++i) check(at.norm.to_original(i) <= size);
  return 0;
}
