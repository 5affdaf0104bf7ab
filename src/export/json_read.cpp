// Reading the JSON store back (the inverse of write_json).
//
// Each document record carries its text and an "extraction" object with the
// article's local actors, mentions, timexes, statements and events, so the
// per-article layer is rebuilt exactly; the global layer (actors merged
// across articles, statements and events with several sources) is then
// recomputed by consolidate(), which depends on the set of documents alone.
// That keeps the store and a fresh build byte-identical, and makes merging
// stores the same as building their inputs together. The global arrays of
// the file are read only to check that the store and this version agree.
// simdjson's DOM API with error codes: no exceptions escape, a malformed
// record is reported and skipped.
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <simdjson.h>

#include "eventloom/export.hpp"
#include "eventloom/timex_value.hpp"
#include "export/json_internal.hpp"

namespace eventloom {
namespace {

using namespace detail;  // parse_enum() and the enum tables

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string_view str(const object& o, std::string_view key) {
  std::string_view v;
  return o[key].get(v) == simdjson::SUCCESS ? v : std::string_view();
}

uint32_t u32(const object& o, std::string_view key) {
  uint64_t v = 0;
  if (o[key].get(v) != simdjson::SUCCESS) return 0;
  return v > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(v);
}

uint64_t u64(const object& o, std::string_view key) {
  uint64_t v = 0;
  return o[key].get(v) == simdjson::SUCCESS ? v : 0;
}

bool boolean(const object& o, std::string_view key) {
  bool v = false;
  return o[key].get(v) == simdjson::SUCCESS && v;
}

// Call fn on each element of the array o[key]; nothing when it is missing
// or not an array (a default dom::array must not be iterated).
template <class Fn>
void each_element(const object& o, std::string_view key, Fn&& fn) {
  array a;
  if (o[key].get(a) != simdjson::SUCCESS) return;
  for (element e : a) fn(e);
}

std::optional<Span> span(const object& o, std::string_view key) {
  object s;
  if (o[key].get(s) != simdjson::SUCCESS) return std::nullopt;
  return Span{u32(s, "start"), u32(s, "end")};
}

std::optional<uint32_t> index(const object& o, std::string_view key) {
  uint64_t v = 0;
  if (o[key].get(v) != simdjson::SUCCESS || v > UINT32_MAX) return std::nullopt;
  return static_cast<uint32_t>(v);
}

std::vector<std::string> strings(const object& o, std::string_view key) {
  std::vector<std::string> out;
  each_element(o, key, [&](element e) {
    std::string_view v;
    if (e.get(v) == simdjson::SUCCESS) out.emplace_back(v);
  });
  return out;
}

std::vector<uint32_t> indices(const object& o, std::string_view key) {
  std::vector<uint32_t> out;
  each_element(o, key, [&](element e) {
    uint64_t v = 0;
    if (e.get(v) == simdjson::SUCCESS && v <= UINT32_MAX) out.push_back(static_cast<uint32_t>(v));
  });
  return out;
}

void read_sources(const object& rec, Document& d) {
  each_element(rec, "provenance", [&](element e) {
    object p;
    if (e.get(p) != simdjson::SUCCESS) return;
    SourceRef s;
    s.path = std::string(str(p, "path"));
    s.offset = u64(p, "offset");
    s.line = u32(p, "line");
    s.record_id = std::string(str(p, "record_id"));
    s.url = std::string(str(p, "url"));
    d.sources.push_back(std::move(s));
  });
  if (!d.sources.empty()) return;
  for (const std::string& path : strings(rec, "sources")) d.sources.push_back(SourceRef{path, 0, 0, {}, {}});
  if (!d.sources.empty()) d.sources[0].offset = u64(rec, "offset");
}

Document read_document(const object& rec) {
  Document d;
  d.id = std::string(str(rec, "id"));
  read_sources(rec, d);
  d.title = std::string(str(rec, "title"));
  d.text = std::string(str(rec, "text"));  // before the paragraphs, which are checked against it
  uint64_t length = 0;
  array pieces;
  if (d.text.empty() && rec["text_length"].get(length) == simdjson::SUCCESS && length > 0 && length <= (1u << 30) &&
      rec["text_pieces"].get(pieces) == simdjson::SUCCESS) {  // written with --no-text
    d.text.assign(length, ' ');
    d.text_partial = true;
    for (element e : pieces) {
      array piece;
      uint64_t at = 0;
      std::string_view t;
      if (e.get(piece) != simdjson::SUCCESS || piece.at(0).get(at) != simdjson::SUCCESS ||
          piece.at(1).get(t) != simdjson::SUCCESS || at > length || t.size() > length - at)
        continue;
      d.text.replace(at, t.size(), t);
    }
  }
  d.published = parse_iso_day(str(rec, "published"));
  d.published_from = parse_enum(str(rec, "published_from"), kDateSources, DateSource::None);
  d.published_evidence = std::string(str(rec, "published_evidence"));
  d.format = std::string(str(rec, "format"));
  d.near_duplicate_of = std::string(str(rec, "near_duplicate_of"));
  each_element(rec, "paragraphs", [&](element e) {
    object p;
    if (e.get(p) != simdjson::SUCCESS) return;
    Span sp{u32(p, "start"), u32(p, "end")};
    if (sp.start > sp.end || sp.end > d.text.size()) return;  // outside the text: later stages slice it
    d.paragraphs.push_back({sp, parse_enum(str(p, "kind"), kParagraphKinds, ParagraphKind::Body), boolean(p, "continues")});
  });
  object fields;
  if (rec["fields"].get(fields) == simdjson::SUCCESS)
    for (auto field : fields) d.extra_fields.emplace_back(std::string(field.key), simdjson::minify(field.value));
  return d;
}

LocalActor read_actor(const object& o) {
  LocalActor a;
  a.name = std::string(str(o, "name"));
  a.type = parse_enum(str(o, "type"), kActorTypes, ActorType::Person);
  for (std::string& s : strings(o, "aliases")) a.aliases.emplace_back(s);
  for (std::string& s : strings(o, "roles")) a.roles.emplace_back(s);
  a.affiliations = indices(o, "affiliations");
  a.key = std::string(str(o, "key"));
  return a;
}

Timex read_timex(const object& o) {
  Timex t;
  t.span = Span{u32(o, "start"), u32(o, "end")};
  t.type = parse_enum(str(o, "type"), kTimexTypes, TimexType::Date);
  t.value = std::string(str(o, "value"));
  t.paragraph = u32(o, "paragraph");
  t.first_token = u32(o, "first_token");
  t.last_token = u32(o, "last_token");
  t.relative = boolean(o, "relative");
  return t;
}

LocalStatement read_statement(const object& o) {
  LocalStatement s;
  s.speaker = index(o, "speaker");
  s.speaker_span = span(o, "speaker_span");
  s.kind = parse_enum(str(o, "kind"), kKinds, StatementKind::Direct);
  s.content = span(o, "content").value_or(Span{});
  s.cue = span(o, "cue");
  s.date = std::string(str(o, "date"));
  s.date_from_publication = boolean(o, "date_from_publication");
  s.mentions = indices(o, "mentions");
  return s;
}

LocalEvent read_event(const object& o) {
  LocalEvent e;
  e.type = std::string(str(o, "type"));
  e.trigger = span(o, "trigger").value_or(Span{});
  e.sentence = span(o, "sentence").value_or(Span{});
  e.date = std::string(str(o, "date"));
  e.date_from_publication = boolean(o, "date_from_publication");
  e.modality = std::string(str(o, "modality"));
  e.from_statement = boolean(o, "from_statement");
  each_element(o, "participants", [&](element p) {
    array pair;
    uint64_t actor = 0;
    std::string_view role;
    if (p.get(pair) != simdjson::SUCCESS || pair.at(0).get(actor) != simdjson::SUCCESS ||
        pair.at(1).get(role) != simdjson::SUCCESS || actor > UINT32_MAX)
      return;
    e.participants.push_back({static_cast<uint32_t>(actor), parse_enum(role, kRoles, ParticipantRole::Other)});
  });
  return e;
}

void read_extraction(const object& ex, DocExtraction& x) {
  auto each = [&](std::string_view key, auto&& fn) {
    each_element(ex, key, [&](element e) {
      object o;
      if (e.get(o) == simdjson::SUCCESS) fn(o);
    });
  };
  each("actors", [&](const object& o) { x.actors.push_back(read_actor(o)); });
  each("timexes", [&](const object& o) { x.timexes.push_back(read_timex(o)); });
  each("statements", [&](const object& o) { x.statements.push_back(read_statement(o)); });
  each("events", [&](const object& o) { x.events.push_back(read_event(o)); });
  each_element(ex, "mentions", [&](element e) {
    array m;
    uint64_t v[3] = {0, 0, 0};
    if (e.get(m) != simdjson::SUCCESS) return;
    bool ok = true;
    for (size_t i = 0; i < 3 && ok; ++i) ok = m.at(i).get(v[i]) == simdjson::SUCCESS && v[i] <= UINT32_MAX;
    if (ok)
      x.mentions.push_back({static_cast<uint32_t>(v[0]), Span{static_cast<uint32_t>(v[1]), static_cast<uint32_t>(v[2])}});
  });
}

size_t array_size(const object& root, std::string_view key) {
  size_t n = 0;
  each_element(root, key, [&](element e) {
    (void)e;
    ++n;
  });
  return n;
}

// What a store holds: its articles with their extractions, and how many
// actors, statements and events it lists (read while its JSON is parsed).
struct StoreParts {
  std::vector<DocExtraction> docs;
  size_t actors = 0, statements = 0, events = 0;
};

void check_counts(const StoreParts& stored, const Corpus& c, Diagnostics& diag, const std::string& file) {
  struct Count {
    const char* name;
    size_t stored, rebuilt;
  } counts[] = {{"actors", stored.actors, c.actors.size()},
                {"statements", stored.statements, c.statements.size()},
                {"events", stored.events, c.events.size()}};
  for (const Count& k : counts)
    if (k.stored != k.rebuilt)
      diag.note(file, 0,
                fmt::format("the store lists {} {}, rebuilding them from its documents gives {} "
                            "(written by another version of eventloom?)",
                            k.stored, k.name, k.rebuilt));
}

}  // namespace

namespace detail {

// Local indices must point inside the article; a store edited by hand (or
// damaged) must not make later stages index out of range.
bool extraction_indices_valid(const DocExtraction& x) {
  const size_t n = x.actors.size();
  for (const LocalActor& a : x.actors)
    for (uint32_t i : a.affiliations)
      if (i >= n) return false;
  for (const Mention& m : x.mentions)
    if (m.actor >= n) return false;
  for (const LocalStatement& s : x.statements) {
    if (s.speaker && *s.speaker >= n) return false;
    for (uint32_t i : s.mentions)
      if (i >= n) return false;
  }
  for (const LocalEvent& e : x.events)
    for (const Participant& p : e.participants)
      if (p.actor >= n) return false;
  return true;
}

}  // namespace detail

namespace {

// The articles of the store in `padded` (simdjson's padded copy of the
// file); false when it is not a store. The parsed document (several times the
// file's size) is gone when this returns, before consolidation builds the
// global layer (merging one 177 MB store of Reuters-21578: 832 MB peak with
// both held, 771 MB now; the rest is simdjson's working memory while it parses).
bool read_parts(const simdjson::padded_string& padded, Diagnostics& diag, const std::string& file, StoreParts& out) {
  simdjson::dom::parser parser;
  element doc;
  if (auto err = parser.parse(padded).get(doc)) {
    diag.error(file, 0, fmt::format("not valid JSON: {}", simdjson::error_message(err)));
    return false;
  }
  object root;
  array marker;
  std::string_view name;
  if (doc.get(root) != simdjson::SUCCESS || root["eventloom"].get(marker) != simdjson::SUCCESS ||
      marker.at(0).get(name) != simdjson::SUCCESS || name != "eventloom-graph") {
    diag.error(file, 0, "not an eventloom graph (written by `eventloom build --json`)");
    return false;
  }
  std::vector<DocExtraction>& docs = out.docs;
  size_t record = 0;
  each_element(root, "documents", [&](element e) {
    ++record;
    object rec;
    if (e.get(rec) != simdjson::SUCCESS || str(rec, "id").empty()) {
      diag.warning(file, 0, fmt::format("document record {} has no id, skipped", record));
      return;
    }
    DocExtraction x;
    x.doc = read_document(rec);
    object ex;
    if (rec["extraction"].get(ex) == simdjson::SUCCESS) {
      read_extraction(ex, x);
    } else {
      diag.warning(file, 0, fmt::format("document {} has no extraction (an older store?); read without it", x.doc.id));
    }
    if (!detail::extraction_indices_valid(x)) {
      diag.warning(file, 0, fmt::format("document {}: its extraction refers to actors it does not have; read without it", x.doc.id));
      DocExtraction bare;
      bare.doc = std::move(x.doc);
      x = std::move(bare);
    }
    docs.push_back(std::move(x));
  });
  out.actors = array_size(root, "actors");
  out.statements = array_size(root, "statements");
  out.events = array_size(root, "events");
  return true;
}

// The global layer rebuilt from the articles, and checked against the counts
// the store listed.
Corpus consolidate_parts(StoreParts parts, Diagnostics& diag, const std::string& file) {
  Corpus c = consolidate(std::move(parts.docs));
  check_counts(parts, c, diag, file);
  return c;
}

}  // namespace

Corpus read_json(std::string_view json, Diagnostics& diag, const std::string& file) {
  StoreParts parts;
  if (!read_parts(simdjson::padded_string(json), diag, file, parts)) return {};
  return consolidate_parts(std::move(parts), diag, file);
}

Corpus read_json_file(const std::string& path, Diagnostics& diag) {
  // Read straight into simdjson's padded buffer: one copy of the file, not three.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    diag.error(path, 0, "cannot read the file");
    return {};
  }
  std::streamoff size = in.tellg();
  in.seekg(0);
  if (size < 0 || !in) {
    diag.error(path, 0, "cannot read the file");
    return {};
  }
  StoreParts parts;
  {
    simdjson::padded_string padded(static_cast<size_t>(size));
    if (!in.read(padded.data(), size) || in.gcount() != size) {
      diag.error(path, 0, "read error (file changed or unreadable while reading)");
      return {};
    }
    if (!read_parts(padded, diag, path, parts)) return {};
  }  // the file's copy is gone too
  return consolidate_parts(std::move(parts), diag, path);
}

}  // namespace eventloom
