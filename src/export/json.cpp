// The JSON export: documents, timexes, actors, mentions, statements and
// events with UTF-8 byte offsets into each document's text (see
// docs/json-schema.md). One record per line, keys in a fixed order, so the
// same corpus always gives the same bytes (document records are formatted
// in parallel, a batch at a time, and written in order).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "eventloom/export.hpp"
#include "export/json_internal.hpp"
#include "pipeline/parallel.hpp"

namespace eventloom {
namespace {

// JSON string escaping. Runs of bytes that need no escape (almost all of
// them) are appended in one go; the rest are escaped one by one.
bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void escape_byte(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: {
      static const char kHex[] = "0123456789abcdef";
      char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(u, 6);
    }
  }
}

// The first byte in [p, end) that needs an escape, or end. With SSE2 (every
// x86-64) sixteen bytes are tested at once: a byte needs one when it is '"',
// '\\' or below 0x20 (unsigned min(b, 0x1F) == b).
const char* next_escape(const char* p, const char* end) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), below = _mm_set1_epi8(0x1F);
  for (; end - p >= 16; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                               _mm_cmpeq_epi8(_mm_min_epu8(v, below), v));
    if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  // Eight bytes at a time (a zero byte in x ^ c marks a byte equal to c; the
  // first test marks bytes below 0x20), then byte by byte from a hit.
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (; end - p >= 8; p += 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    uint64_t hit = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b);
    if (hit & highs) break;
  }
  while (p < end && !needs_escape(static_cast<unsigned char>(*p))) ++p;
  return p;
}

void escape_into(std::string& out, std::string_view s) {
  out.push_back('"');
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* run = p;
    p = next_escape(p, end);
    out.append(run, static_cast<size_t>(p - run));
    if (p < end) escape_byte(out, static_cast<unsigned char>(*p++));
  }
  out.push_back('"');
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) { escape_into(out, s); }

namespace {

void append_uint(std::string& out, uint64_t v) {
  char buf[24];
  char* e = buf + sizeof buf;
  char* b = e;
  do {
    *--b = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  out.append(b, static_cast<size_t>(e - b));
}

// {"start":S,"end":E}
void append_span(std::string& out, Span s) {
  out += "{\"start\":";
  append_uint(out, s.start);
  out += ",\"end\":";
  append_uint(out, s.end);
  out.push_back('}');
}

// A small writer for one JSON record at a time.
class Rec {
 public:
  explicit Rec(std::string& out) : out_(out) { out_.push_back('{'); }
  Rec& str(std::string_view k, std::string_view v) { key(k); escape_into(out_, v); return *this; }
  Rec& opt_str(std::string_view k, std::string_view v) {
    key(k);
    if (v.empty()) out_ += "null"; else escape_into(out_, v);
    return *this;
  }
  Rec& num(std::string_view k, uint64_t v) { key(k); append_uint(out_, v); return *this; }
  Rec& boolean(std::string_view k, bool v) { key(k); out_ += v ? "true" : "false"; return *this; }
  Rec& raw(std::string_view k, std::string_view json) { key(k); out_ += json; return *this; }
  // The key, then the caller appends the value to the returned buffer.
  std::string& field(std::string_view k) { key(k); return out_; }
  Rec& span(std::string_view k, Span s) {
    key(k);
    append_span(out_, s);
    return *this;
  }
  template <typename S>  // std::string or Interned
  Rec& strings(std::string_view k, const std::vector<S>& v) {
    key(k);
    out_.push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_.push_back(',');
      escape_into(out_, v[i]);
    }
    out_.push_back(']');
    return *this;
  }
  void end() { out_.push_back('}'); }

 private:
  // Keys are the writer's own names ("start", "speaker_span"): nothing in
  // them needs an escape, so `,"key":` goes out in one append.
  void key(std::string_view k) {
    char buf[64];
    if (k.size() + 4 > sizeof buf) {
      if (!first_) out_.push_back(',');
      escape_into(out_, k);
      out_.push_back(':');
    } else {
      size_t n = 0;
      if (!first_) buf[n++] = ',';
      buf[n++] = '"';
      std::memcpy(buf + n, k.data(), k.size());
      n += k.size();
      buf[n++] = '"';
      buf[n++] = ':';
      out_.append(buf, n);
    }
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

class Writer {
 public:
  Writer(std::ostream& os, const JsonOptions& opt) : os_(os), opt_(opt) {}
  void open_array(std::string_view name) {
    buf_ += first_array_ ? "{\n" : ",\n";
    first_array_ = false;
    escape_into(buf_, name);
    buf_ += ": [";
    first_item_ = true;
  }
  std::string& item() {
    buf_ += first_item_ ? "\n  " : ",\n  ";
    first_item_ = false;
    return buf_;
  }
  // The items of the open array that fn(out, k) appends for k in [0, n),
  // each after ",\n  ": formatted on all cores, `per_chunk` keys to a chunk
  // and a few chunks at a time (so memory stays bounded), written in order.
  template <typename Fn>
  void items(size_t n, size_t per_chunk, Fn&& fn) {
    const size_t chunks = (n + per_chunk - 1) / per_chunk;
    const size_t per_round = 4 * worker_count(chunks);
    std::vector<std::string> parts;
    for (size_t c0 = 0; c0 < chunks; c0 += per_round) {
      parts.assign(std::min(chunks - c0, per_round), std::string());
      parallel_for(parts.size(), 0, [&](size_t k) {
        size_t lo = (c0 + k) * per_chunk, hi = std::min(n, lo + per_chunk);
        for (size_t key = lo; key < hi; ++key) fn(parts[k], key);
      });
      flush();
      for (const std::string& part : parts) {
        if (part.empty()) continue;
        // The array's first item goes without the comma.
        size_t skip = first_item_ ? 1 : 0;
        first_item_ = false;
        os_.write(part.data() + skip, static_cast<std::streamsize>(part.size() - skip));
      }
    }
  }
  void close_array() {
    buf_ += first_item_ ? "]" : "\n]";
    flush();
  }
  void finish() {
    buf_ += first_array_ ? "{}\n" : "\n}\n";
    flush();
  }
  void flush() {
    os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  const JsonOptions& opt() const { return opt_; }

 private:
  std::ostream& os_;
  const JsonOptions& opt_;
  std::string buf_;
  bool first_array_ = true, first_item_ = true;
};

std::string_view slice(const Document& d, Span s) {
  if (s.end > d.text.size() || s.start > s.end) return {};
  return std::string_view(d.text).substr(s.start, s.size());
}

void append_sources(std::string& out, const Document& d) {
  out.push_back('[');
  for (size_t i = 0; i < d.sources.size(); ++i) {
    if (i) out.push_back(',');
    escape_into(out, d.sources[i].path);
  }
  out.push_back(']');
}

void append_provenance(std::string& out, const Document& d) {
  out.push_back('[');
  for (size_t i = 0; i < d.sources.size(); ++i) {
    const SourceRef& s = d.sources[i];
    if (i) out.push_back(',');
    Rec r(out);
    r.str("path", s.path).num("offset", s.offset).num("line", s.line);
    if (!s.record_id.empty()) r.str("record_id", s.record_id);
    if (!s.url.empty()) r.str("url", s.url);
    r.end();
  }
  out.push_back(']');
}

void append_paragraphs(std::string& out, const Document& d) {
  out.push_back('[');
  for (size_t i = 0; i < d.paragraphs.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"start\":";
    append_uint(out, d.paragraphs[i].span.start);
    out += ",\"end\":";
    append_uint(out, d.paragraphs[i].span.end);
    out += ",\"kind\":\"";
    out += to_string(d.paragraphs[i].kind);
    out += d.paragraphs[i].continues ? "\",\"continues\":true}" : "\"}";
  }
  out.push_back(']');
}

void append_ids(std::string& out, const Corpus& c, const std::vector<uint32_t>& actors) {
  out.push_back('[');
  for (size_t i = 0; i < actors.size(); ++i) {
    if (i) out.push_back(',');
    escape_into(out, c.actors[actors[i]].id);
  }
  out.push_back(']');
}

void append_numbers(std::string& out, const std::vector<uint32_t>& v) {
  out.push_back('[');
  for (size_t k = 0; k < v.size(); ++k) {
    if (k) out.push_back(',');
    append_uint(out, v[k]);
  }
  out.push_back(']');
}

void append_local_actors(std::string& out, const DocExtraction& x) {
  for (size_t i = 0; i < x.actors.size(); ++i) {
    const LocalActor& a = x.actors[i];
    if (i) out.push_back(',');
    Rec r(out);
    r.str("name", a.name).str("type", to_string(a.type)).strings("aliases", a.aliases).strings("roles", a.roles);
    append_numbers(r.field("affiliations"), a.affiliations);
    r.str("key", a.key).end();
  }
}

void append_local_mentions(std::string& out, const DocExtraction& x) {
  for (size_t i = 0; i < x.mentions.size(); ++i) {
    out += i ? ",[" : "[";
    append_uint(out, x.mentions[i].actor);
    out.push_back(',');
    append_uint(out, x.mentions[i].span.start);
    out.push_back(',');
    append_uint(out, x.mentions[i].span.end);
    out.push_back(']');
  }
}

void append_local_timexes(std::string& out, const DocExtraction& x) {
  for (size_t i = 0; i < x.timexes.size(); ++i) {
    const Timex& t = x.timexes[i];
    if (i) out.push_back(',');
    Rec r(out);
    r.num("start", t.span.start).num("end", t.span.end).str("type", to_string(t.type)).str("value", t.value);
    r.num("paragraph", t.paragraph).num("first_token", t.first_token).num("last_token", t.last_token);
    r.boolean("relative", t.relative).end();
  }
}

void append_local_statements(std::string& out, const DocExtraction& x) {
  for (size_t i = 0; i < x.statements.size(); ++i) {
    const LocalStatement& s = x.statements[i];
    if (i) out.push_back(',');
    Rec r(out);
    if (s.speaker) r.num("speaker", *s.speaker); else r.raw("speaker", "null");
    if (s.speaker_span) r.span("speaker_span", *s.speaker_span); else r.raw("speaker_span", "null");
    r.str("kind", to_string(s.kind)).span("content", s.content);
    if (s.cue) r.span("cue", *s.cue); else r.raw("cue", "null");
    r.str("date", s.date).boolean("date_from_publication", s.date_from_publication);
    append_numbers(r.field("mentions"), s.mentions);
    r.end();
  }
}

void append_local_events(std::string& out, const DocExtraction& x) {
  for (size_t i = 0; i < x.events.size(); ++i) {
    const LocalEvent& e = x.events[i];
    if (i) out.push_back(',');
    Rec r(out);
    r.str("type", e.type).span("trigger", e.trigger).span("sentence", e.sentence).str("date", e.date);
    r.boolean("date_from_publication", e.date_from_publication).str("modality", e.modality);
    if (e.from_statement) r.boolean("from_statement", true);
    std::string& parts = r.field("participants");
    parts.push_back('[');
    for (size_t k = 0; k < e.participants.size(); ++k) {
      parts += k ? ",[" : "[";
      append_uint(parts, e.participants[k].actor);
      parts += ",\"";
      parts += to_string(e.participants[k].role);
      parts += "\"]";
    }
    parts.push_back(']');
    r.end();
  }
}

// Everything one article's extraction holds beyond what the global arrays
// show (local actors and their keys, local statement and event details,
// timex token ranges), so that read_json() rebuilds each DocExtraction
// exactly and consolidate() of the read-back documents gives this corpus.
void append_extraction(std::string& out, const DocExtraction& x) {
  out += "{\"actors\":[";
  append_local_actors(out, x);
  out += "],\"mentions\":[";
  append_local_mentions(out, x);
  out += "],\"timexes\":[";
  append_local_timexes(out, x);
  out += "],\"statements\":[";
  append_local_statements(out, x);
  out += "],\"events\":[";
  append_local_events(out, x);
  out += "]}";
}

// Without its text, a document keeps the pieces of it that its extraction
// points into (statement contents, speakers and cues, event triggers and
// sentences, mentions, time expressions), so that a store written with
// --no-text reads back into the same statements and events.
void append_text_pieces(std::string& out, const DocExtraction& x) {
  std::vector<Span> merged = detail::text_piece_spans(x);
  out.push_back('[');
  for (size_t i = 0; i < merged.size(); ++i) {
    out += i ? ",[" : "[";
    append_uint(out, merged[i].start);
    out.push_back(',');
    escape_into(out, std::string_view(x.doc.text).substr(merged[i].start, merged[i].size()));
    out.push_back(']');
  }
  out.push_back(']');
}

void append_document(std::string& out, const DocExtraction& x, bool include_text) {
  const Document& d = x.doc;
  Rec r(out);
  r.str("id", d.id);
  append_sources(r.field("sources"), d);
  r.num("offset", d.sources.empty() ? 0 : d.sources[0].offset);
  r.str("title", d.title).opt_str("published", d.published ? format_date(*d.published) : "");
  r.str("published_from", to_string(d.published_from));
  if (!d.published_evidence.empty()) r.str("published_evidence", d.published_evidence);
  r.str("format", d.format);
  if (!d.near_duplicate_of.empty()) r.str("near_duplicate_of", d.near_duplicate_of);
  append_provenance(r.field("provenance"), d);
  append_paragraphs(r.field("paragraphs"), d);
  if (!d.extra_fields.empty()) {
    std::string& f = r.field("fields");
    f.push_back('{');
    for (size_t i = 0; i < d.extra_fields.size(); ++i) {
      if (i) f.push_back(',');
      escape_into(f, d.extra_fields[i].first);
      f.push_back(':');
      f += d.extra_fields[i].second;
    }
    f.push_back('}');
  }
  append_extraction(r.field("extraction"), x);
  if (include_text && !d.text_partial) {
    r.str("text", d.text);
  } else {
    r.num("text_length", d.text.size());
    append_text_pieces(r.field("text_pieces"), x);
  }
  r.end();
}

// One record of an array, after its separator, in `out`.
Rec next_record(std::string& out) {
  out += ",\n  ";
  return Rec(out);
}

// Document records are most of the bytes.
void write_documents(const Corpus& c, Writer& w) {
  w.open_array("documents");
  w.items(c.docs.size(), 64, [&](std::string& out, size_t d) {
    out += ",\n  ";
    append_document(out, c.docs[d], w.opt().include_text);
  });
  w.close_array();
}

void write_timexes(const Corpus& c, Writer& w) {
  w.open_array("timexes");
  w.items(c.docs.size(), 256, [&](std::string& out, size_t d) {
    const DocExtraction& x = c.docs[d];
    for (const Timex& t : x.timexes) {
      Rec r = next_record(out);
      r.str("document", x.doc.id).num("start", t.span.start).num("end", t.span.end);
      r.str("text", slice(x.doc, t.span)).str("type", to_string(t.type)).str("value", t.value).end();
    }
  });
  w.close_array();
}

void write_actors(const Corpus& c, Writer& w) {
  w.open_array("actors");
  w.items(c.actors.size(), 2048, [&](std::string& out, size_t k) {
    const Actor& a = c.actors[k];
    Rec r = next_record(out);
    r.str("id", a.id).str("name", a.name).str("type", to_string(a.type));
    r.strings("aliases", a.aliases).strings("roles", a.roles);
    append_ids(r.field("affiliations"), c, a.affiliations);
    r.end();
  });
  w.close_array();
}

void write_mentions(const Corpus& c, Writer& w) {
  w.open_array("mentions");
  w.items(c.docs.size(), 256, [&](std::string& out, size_t d) {
    const DocExtraction& x = c.docs[d];
    for (const Mention& m : x.mentions) {
      Rec r = next_record(out);
      r.str("actor", c.actors[c.actor_of[d][m.actor]].id).str("document", x.doc.id);
      r.num("start", m.span.start).num("end", m.span.end).str("text", slice(x.doc, m.span)).end();
    }
  });
  w.close_array();
}

void write_statements(const Corpus& c, Writer& w) {
  w.open_array("statements");
  w.items(c.statements.size(), 1024, [&](std::string& out, size_t k) {
    const Statement& st = c.statements[k];
    const auto& first = st.evidence.front();
    const DocExtraction& x = c.docs[first.doc];
    const LocalStatement& s = x.statements[first.local];
    Rec r = next_record(out);
    r.str("id", st.id).opt_str("speaker", st.speaker ? c.actors[*st.speaker].id : "");
    r.str("kind", to_string(st.kind)).str("text", st.text).opt_str("date", st.date);
    r.str("date_from", s.date_from_publication ? "publication" : st.date.empty() ? "none" : "text");
    r.str("document", x.doc.id).num("start", s.content.start).num("end", s.content.end);
    if (s.speaker_span) {
      r.span("speaker_span", *s.speaker_span).str("speaker_text", slice(x.doc, *s.speaker_span));
    } else {
      r.raw("speaker_span", "null");
    }
    if (s.cue) r.span("cue", *s.cue);
    append_ids(r.field("mentions"), c, st.mentions);
    std::string& ev = r.field("evidence");
    ev.push_back('[');
    for (size_t i = 0; i < st.evidence.size(); ++i) {
      const DocExtraction& ex = c.docs[st.evidence[i].doc];
      const LocalStatement& ls = ex.statements[st.evidence[i].local];
      if (i) ev.push_back(',');
      Rec e(ev);
      e.str("document", ex.doc.id).num("start", ls.content.start).num("end", ls.content.end).end();
    }
    ev.push_back(']');
    r.end();
  });
  w.close_array();
}

void write_events(const Corpus& c, Writer& w) {
  w.open_array("events");
  w.items(c.events.size(), 1024, [&](std::string& out, size_t k) {
    const Event& e = c.events[k];
    Rec r = next_record(out);
    r.str("id", e.id).str("type", e.type).opt_str("date", e.date);
    r.str("date_from", e.date_from_publication ? "publication" : e.date.empty() ? "none" : "text");
    r.str("modality", e.modality);
    if (e.from_statement) r.boolean("from_statement", true);
    std::string& parts = r.field("participants");
    parts.push_back('[');
    for (size_t i = 0; i < e.participants.size(); ++i) {
      if (i) parts.push_back(',');
      Rec p(parts);
      p.str("actor", c.actors[e.participants[i].first].id).str("role", to_string(e.participants[i].second)).end();
    }
    parts.push_back(']');
    std::string& ev = r.field("evidence");
    ev.push_back('[');
    for (size_t i = 0; i < e.evidence.size(); ++i) {
      const DocExtraction& ex = c.docs[e.evidence[i].doc];
      const LocalEvent& le = ex.events[e.evidence[i].local];
      if (i) ev.push_back(',');
      Rec q(ev);
      q.str("document", ex.doc.id).num("start", le.sentence.start).num("end", le.sentence.end);
      q.str("text", slice(ex.doc, le.sentence)).span("trigger", le.trigger).str("trigger_text", slice(ex.doc, le.trigger)).end();
    }
    ev.push_back(']');
    r.end();
  });
  w.close_array();
}

}  // namespace

namespace detail {

void append_json_string(std::string& out, std::string_view s) { escape_into(out, s); }

std::vector<Span> text_piece_spans(const DocExtraction& x) {
  std::vector<Span> spans;
  for (const LocalStatement& s : x.statements) {
    spans.push_back(s.content);
    if (s.speaker_span) spans.push_back(*s.speaker_span);
    if (s.cue) spans.push_back(*s.cue);
  }
  for (const LocalEvent& e : x.events) spans.push_back(e.sentence), spans.push_back(e.trigger);
  for (const Mention& m : x.mentions) spans.push_back(m.span);
  for (const Timex& t : x.timexes) spans.push_back(t.span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
  std::vector<Span> merged;
  for (Span s : spans) {
    if (s.start >= s.end || s.end > x.doc.text.size()) continue;
    if (!merged.empty() && s.start <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
    else merged.push_back(s);
  }
  return merged;
}

TempBeside temp_beside(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::exists(dir, ec)) fs::create_directories(dir, ec);
  if (ec) return {{}, fmt::format("cannot create directory {}: {}", dir.string(), ec.message())};
  return {(dir / fmt::format(".{}.tmp-{}", target.filename().string(), static_cast<unsigned long>(::getpid()))).string(), {}};
}

}  // namespace detail

void write_json(const Corpus& c, std::ostream& out, const JsonOptions& opt) {
  Writer w(out, opt);
  w.open_array("eventloom");  // format marker: [name, schema version]
  w.item() += "\"eventloom-graph\", 1";
  w.close_array();
  write_documents(c, w);
  write_timexes(c, w);
  write_actors(c, w);
  write_mentions(c, w);
  write_statements(c, w);
  write_events(c, w);
  w.finish();
}

std::string write_file_atomic(const std::string& path, const std::function<void(std::ostream&)>& writer) {
  namespace fs = std::filesystem;
  fs::path target(path);
  detail::TempBeside t = detail::temp_beside(path);
  if (!t.error.empty()) return t.error;
  fs::path tmp(t.tmp);
  std::error_code ec;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno));
    writer(out);
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return fmt::format("write to {} failed (disk full?)", path);
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignore;
    fs::remove(tmp, ignore);
    return fmt::format("cannot replace {}: {}", path, ec.message());
  }
  return {};
}

}  // namespace eventloom
