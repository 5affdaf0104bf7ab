// Plain-text files: segmented into articles, each a Document whose text is
// its slice of the file (offsets stay valid against the file).
#include <fmt/format.h>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"

namespace eventloom {

std::string file_label(std::string_view name) {
  size_t slash = name.find_last_of('/');
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

void read_text(std::string_view name, std::string_view content, IngestResult& out) {
  std::vector<Segment> segments = segment_text(content);
  std::string label = file_label(name);
  int n = 0;
  for (Segment& seg : segments) {
    if (!seg.is_news) {
      out.diagnostics.note(std::string(name), seg.first_line,
                           fmt::format("dropped a piece that is not news: {}", seg.dropped_reason));
      continue;
    }
    Document doc;
    doc.format = "text";
    doc.id = fmt::format("{}#{}", label, ++n);
    doc.title = std::move(seg.title);
    doc.text = std::string(content.substr(seg.begin, seg.end - seg.begin));
    for (Paragraph p : seg.paragraphs) {
      p.span.start -= seg.begin;
      p.span.end -= seg.begin;
      doc.paragraphs.push_back(p);
    }
    SourceRef src;
    src.path = std::string(name);
    src.offset = seg.begin;
    src.line = seg.first_line;
    doc.sources.push_back(std::move(src));
    for (const Paragraph& p : doc.paragraphs) {
      if (p.kind != ParagraphKind::Body) continue;
      DatelineDate dd = parse_dateline(std::string_view(doc.text).substr(p.span.start, p.span.size()), 0);
      if (dd.found && dd.year > 0) {
        doc.published = boost::gregorian::date(dd.year, dd.month, dd.day);
        doc.published_from = DateSource::Dateline;
        doc.published_evidence = dd.text;
      }
      break;
    }
    out.documents.push_back(std::move(doc));
  }
}

}  // namespace eventloom
