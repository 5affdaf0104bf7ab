#include "ingest/paragraphs.hpp"

#include "eventloom/text.hpp"

namespace eventloom {
namespace {

bool ends_sentence(std::string_view line) {
  line = text::trim(line);
  if (line.empty()) return true;
  char c = line.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"') return true;
  // A closing curly quote or an ellipsis.
  return line.size() >= 3 && (line.substr(line.size() - 3) == "\xE2\x80\x9D" || line.substr(line.size() - 3) == "\xE2\x80\xA6");
}

}  // namespace

std::vector<Span> split_paragraphs(std::string_view t, uint32_t begin, uint32_t end) {
  std::vector<Span> out;
  uint32_t para_start = begin;
  auto flush = [&](uint32_t stop) {
    uint32_t b = para_start, e = stop;
    while (b < e && (t[b] == ' ' || t[b] == '\n' || t[b] == '\r' || t[b] == '\t')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r' || t[e - 1] == '\t')) --e;
    if (e > b) out.push_back({b, e});
  };
  uint32_t line_start = begin;
  while (line_start < end) {
    uint32_t nl = line_start;
    while (nl < end && t[nl] != '\n') ++nl;
    std::string_view line = t.substr(line_start, nl - line_start);
    uint32_t next = nl + 1;
    if (nl >= end) break;
    // Decide whether the break after this line ends the paragraph.
    bool blank_next = true;
    bool indented_next = false;
    for (uint32_t k = next; k < end && t[k] != '\n'; ++k) {
      if (t[k] != ' ' && t[k] != '\t' && t[k] != '\r') {
        blank_next = false;
        indented_next = k > next;
        break;
      }
    }
    bool blank_this = text::trim(line).empty();
    bool short_line = text::trim(line).size() < 40;
    if (blank_this || blank_next || indented_next || ends_sentence(line) || short_line) {
      flush(nl);
      para_start = next;
    }
    line_start = next;
  }
  flush(end);
  return out;
}

}  // namespace eventloom
