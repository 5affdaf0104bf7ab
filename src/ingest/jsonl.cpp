// JSON Lines: one article per line, read with simdjson.
//
// Fields: id, title, date or published, text or body, url; a Reuters-style
// "dateline" field is read as a dateline. Unknown fields are kept as raw
// JSON. A malformed line is reported with its number and skipped; the rest
// of the file goes on.
#include <algorithm>

#include <fmt/format.h>
#include <simdjson.h>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "ingest/paragraphs.hpp"

namespace eventloom {
namespace {

std::string_view get_string(simdjson::dom::object obj, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    std::string_view v;
    if (obj[k].get_string().get(v) == simdjson::SUCCESS) return v;
  }
  return {};
}

bool known_field(std::string_view k) {
  for (const char* f : {"id", "title", "date", "published", "text", "body", "url", "dateline"})
    if (k == f) return true;
  return false;
}

}  // namespace

void read_jsonl(std::string_view name, std::string_view content, IngestResult& out) {
  simdjson::dom::parser parser;
  uint32_t line_no = 0;
  size_t pos = 0;
  std::string base = std::string(name);
  size_t slash = base.find_last_of('/');
  std::string stem = slash == std::string::npos ? base : base.substr(slash + 1);
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    size_t line_offset = pos;
    pos = nl + 1;
    ++line_no;
    if (text::trim(line).empty()) continue;
    simdjson::dom::element elem;
    if (auto err = parser.parse(line.data(), line.size()).get(elem)) {
      out.diagnostics.warning(std::string(name), line_no,
                              fmt::format("malformed JSON ({}), line skipped", simdjson::error_message(err)));
      continue;
    }
    simdjson::dom::object obj;
    if (elem.get_object().get(obj)) {
      out.diagnostics.warning(std::string(name), line_no, "not a JSON object, line skipped");
      continue;
    }
    std::string_view body = get_string(obj, {"text", "body"});
    if (text::trim(body).empty()) {
      out.diagnostics.warning(std::string(name), line_no, "record has no text (or body) field, skipped");
      continue;
    }
    Document doc;
    doc.format = "jsonl";
    doc.text = std::string(body);
    std::string_view id = get_string(obj, {"id"});
    int64_t numeric_id = 0;
    if (id.empty() && obj["id"].get_int64().get(numeric_id) == simdjson::SUCCESS)
      doc.id = std::to_string(numeric_id);
    else
      doc.id = id.empty() ? fmt::format("{}:{}", stem, line_no) : std::string(id);
    doc.title = std::string(text::trim(get_string(obj, {"title", "headline"})));
    SourceRef src;
    src.path = base;
    src.offset = line_offset;
    src.line = line_no;
    src.record_id = doc.id;
    src.url = std::string(get_string(obj, {"url", "link"}));
    doc.sources.push_back(std::move(src));
    for (auto field : obj) {
      if (known_field(field.key)) continue;
      doc.extra_fields.emplace_back(std::string(field.key), simdjson::minify(field.value));
    }
    std::string_view date = get_string(obj, {"date", "published", "published_at", "pubdate"});
    boost::gregorian::date d;
    if (!date.empty() && parse_metadata_date(date, d)) {
      doc.published = d;
      doc.published_from = DateSource::Metadata;
      doc.published_evidence = fmt::format("field \"{}\"", date);
    } else if (!date.empty()) {
      out.diagnostics.note(std::string(name), line_no, fmt::format("unreadable date \"{}\", ignored", date));
    }
    if (!doc.published) {
      std::string_view dl = get_string(obj, {"dateline"});
      DatelineDate dd = parse_dateline(dl.empty() ? std::string_view(doc.text).substr(0, 200) : dl, 0);
      if (dd.found && dd.year > 0) {
        try {
          doc.published = boost::gregorian::date(dd.year, dd.month, dd.day);
          doc.published_from = DateSource::Dateline;
          doc.published_evidence = dd.text;
        } catch (const std::exception&) {
        }
      }
    }
    std::vector<Span> spans = split_paragraphs(doc.text, 0, static_cast<uint32_t>(doc.text.size()));
    drop_sign_off(doc.text, spans);
    for (Span s : spans) doc.paragraphs.push_back({s, ParagraphKind::Body});
    // A headline printed again at the top of the text is the title, not body.
    if (!doc.paragraphs.empty()) {
      Paragraph& first = doc.paragraphs.front();
      std::string_view t = text::trim(std::string_view(doc.text).substr(first.span.start, first.span.size()));
      bool caps = t.size() < 200 && std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if ((!doc.title.empty() && t == doc.title) || (caps && doc.paragraphs.size() > 1)) first.kind = ParagraphKind::Title;
    }
    out.documents.push_back(std::move(doc));
  }
}

}  // namespace eventloom
