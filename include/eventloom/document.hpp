// Document: one news article as ingest found it.
//
// The article's text is kept byte for byte as it stood in its input (the
// slice of a file, or a JSON Lines record's text field), so every offset that
// eventloom reports points into what the user gave it. Cleaning never edits
// the text: it decides which paragraphs are content and which are scrape
// noise (a repeated headline, a duplicated caption, "TT", a teaser whose full
// text follows, "Source link"), and extraction reads only the kept ones.
// Text that a site prints on many of its pages (a correspondent's teaser, a
// blog's welcome, a comment policy) is found across the articles of a build
// and kept as `Template` paragraphs, which extraction does not read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "eventloom/interned.hpp"

namespace eventloom {

// A half-open byte range [start, end) into some text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Span& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const Span& o) const { return start < o.end && o.start < end; }
  friend bool operator==(const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }
  friend bool operator<(const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  }
};

enum class ParagraphKind : uint8_t {
  Title,       // the headline
  Standfirst,  // a subtitle or summary under the headline
  Caption,     // a photo caption: read, but its dates are not the article's
  Byline,      // "Fyodor Lukyanov, editor-in-chief of ..." above an opinion piece
  Body,
  Template,    // text the site prints on many of its pages: not read
};
const char* to_string(ParagraphKind k);

struct Paragraph {
  Span span;  // into Document::text
  ParagraphKind kind = ParagraphKind::Body;
  // A piece of the paragraph before it: a body paragraph with template
  // sentences inside is kept as pieces, body and template, all but the first
  // marked as continuing, so the paragraph as ingest found it can be rebuilt.
  bool continues = false;
};

// Where the publication date came from.
enum class DateSource : uint8_t { None, Metadata, Dateline, Text };
const char* to_string(DateSource s);

// One place an article was found: a file (with its byte offset and line) or
// a JSON Lines record.
struct SourceRef {
  Interned path;          // the input file as the user named it ("-" for stdin); one copy for all its articles
  uint64_t offset = 0;    // byte offset of the article's text in that file
  uint32_t line = 0;      // 1-based line where the article starts (0: unknown)
  std::string record_id;  // JSON Lines: the record's id
  std::string url;
};

struct Document {
  std::string id;                    // record id, or "<file name>#<n>"
  std::vector<SourceRef> sources;    // first one is where `text` comes from
  std::string title;
  std::string text;                  // the article's text exactly as given
  // Read from a store written without texts (--no-text): `text` has its
  // length and only the pieces the extraction points into, spaces elsewhere.
  bool text_partial = false;
  bool has_full_text() const { return !text.empty() && !text_partial; }
  std::vector<Paragraph> paragraphs; // the kept paragraphs, in order
  std::optional<boost::gregorian::date> published;
  DateSource published_from = DateSource::None;
  Interned published_evidence;       // what the date was read from (few distinct: one copy each)
  Interned format;                   // "text", "html" or "jsonl"
  std::string near_duplicate_of;     // a record with its own id whose text is nearly this one's
  // JSON Lines fields that eventloom does not interpret, kept as raw JSON.
  std::vector<std::pair<std::string, std::string>> extra_fields;
};

std::string format_date(const boost::gregorian::date& d);  // YYYY-MM-DD

}  // namespace eventloom
