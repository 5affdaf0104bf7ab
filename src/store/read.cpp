// Reading the SQLite store's article layer back (the inverse of write.cpp's
// documents()), and read_sqlite_file(): those documents, then consolidate(),
// exactly as read_json() does with the JSON store's records, so that the
// two stores read back to the same corpus.
//
// Each table of the article layer is read in one ordered pass (its primary
// key starts with the document), the passes advancing together document by
// document.
#include <climits>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <simdjson.h>

#include "eventloom/store.hpp"
#include "eventloom/timex_value.hpp"
#include "export/json_internal.hpp"
#include "store/reader.hpp"

namespace eventloom {
namespace store {
namespace {

using namespace detail;  // parse_enum() and the enum tables

// One table of the article layer, read in document order alongside the others.
struct Child {
  Stmt st;
  bool row = false;
  void start(int64_t lo, int64_t hi) {
    st.reset();
    st.bind(1, lo).bind(2, hi);
    row = st.step();
  }
  // fn(st) for each row of document `doc`.
  template <class Fn>
  void take(int64_t doc, Fn&& fn) {
    while (row && st.i64(0) < doc) row = st.step();
    while (row && st.i64(0) == doc) {
      fn(st);
      row = st.step();
    }
  }
};

std::optional<Span> opt_span(const Stmt& s, int a, int b) {
  if (s.null(a) || s.null(b)) return std::nullopt;
  return Span{s.u32(a), s.u32(b)};
}

}  // namespace

struct DocReader::Impl {
  Db& db;
  bool full;
  Stmt docs;
  Child sources, paragraphs, pieces, timexes, actors, mentions, statements, events;
  ListReader lists;

  Impl(Db& d, bool f) : db(d), full(f) {
    auto child = [&](const char* sql) { return Child{db.prepare(sql), false}; };
    docs = db.prepare(
        "SELECT doc, id, title, published, published_from, published_evidence, format, near_duplicate_of, fields, "
        "text, text_length FROM documents WHERE doc >= ?1 AND doc < ?2 ORDER BY doc");
    sources = child("SELECT doc, path, \"offset\", line, record_id, url FROM sources WHERE doc >= ?1 AND doc < ?2 "
                    "ORDER BY doc, seq");
    pieces = child("SELECT doc, start, text FROM text_pieces WHERE doc >= ?1 AND doc < ?2 ORDER BY doc, start");
    actors = child("SELECT doc, actor, name, type, aliases, roles, affiliations, key FROM doc_actors "
                   "WHERE doc >= ?1 AND doc < ?2 ORDER BY doc, local");
    statements = child(
        "SELECT doc, speaker, speaker_start, speaker_end, kind, start, \"end\", cue_start, cue_end, date, "
        "date_from_publication, mentions FROM doc_statements WHERE doc >= ?1 AND doc < ?2 ORDER BY doc, local");
    events = child(
        "SELECT doc, type, trigger_start, trigger_end, start, \"end\", date, date_from_publication, modality, "
        "from_statement, participants FROM doc_events WHERE doc >= ?1 AND doc < ?2 ORDER BY doc, local");
    if (!full) return;
    paragraphs = child("SELECT doc, start, \"end\", kind, continues FROM paragraphs WHERE doc >= ?1 AND doc < ?2 "
                       "ORDER BY doc, seq");
    timexes = child("SELECT doc, start, \"end\", type, value, paragraph, first_token, last_token, relative "
                    "FROM timexes WHERE doc >= ?1 AND doc < ?2 ORDER BY doc, seq");
    mentions = child("SELECT doc, local, start, \"end\" FROM mentions WHERE doc >= ?1 AND doc < ?2 ORDER BY doc, seq");
  }

  std::vector<Child*> children() {
    std::vector<Child*> v{&sources, &pieces, &actors, &statements, &events};
    if (full) v.insert(v.end(), {&paragraphs, &timexes, &mentions});
    return v;
  }

  void document(Doc& out) {
    Document& d = out.x.doc;
    out.row = docs.i64(0);
    d.id = docs.str(1);
    d.title = docs.str(2);
    d.published = parse_iso_day(docs.text(3));
    d.published_from = parse_enum(docs.text(4), kDateSources, DateSource::None);
    d.published_evidence = docs.str(5);
    d.format = docs.str(6);
    d.near_duplicate_of = docs.str(7);
    fields(docs.text(8), d);
    d.text = docs.str(9);
    int64_t length = docs.i64(10);
    const int64_t row = out.row;
    bool partial = docs.null(9) && length > 0 && length <= (int64_t{1} << 30);
    if (partial) {  // written with --no-text: spaces but for the pieces kept
      d.text.assign(static_cast<size_t>(length), ' ');
      d.text_partial = true;
    }
    pieces.take(row, [&](Stmt& s) {
      uint64_t at = static_cast<uint64_t>(std::max<int64_t>(0, s.i64(1)));
      std::string_view t = s.text(2);
      if (partial && at <= d.text.size() && t.size() <= d.text.size() - at) d.text.replace(at, t.size(), t);
    });
    sources.take(row, [&](Stmt& s) {
      d.sources.push_back(SourceRef{s.str(1), static_cast<uint64_t>(std::max<int64_t>(0, s.i64(2))), s.u32(3),
                                    s.str(4), s.str(5)});
    });
  }

  // A JSON Lines record's other fields, kept as raw JSON: as read_json() keeps them.
  void fields(std::string_view json, Document& d) {
    if (json.empty()) return;
    simdjson::dom::parser parser;
    simdjson::dom::object o;
    if (parser.parse(json.data(), json.size(), true).get(o) != simdjson::SUCCESS) return;
    for (auto field : o) d.extra_fields.emplace_back(std::string(field.key), simdjson::minify(field.value));
  }

  void extraction(Doc& out) {
    DocExtraction& x = out.x;
    const int64_t row = out.row;
    bool ok = true;
    if (full) {
      paragraphs.take(row, [&](Stmt& s) {
        Span sp{s.u32(1), s.u32(2)};
        if (sp.start > sp.end || sp.end > x.doc.text.size()) return;
        x.doc.paragraphs.push_back({sp, parse_enum(s.text(3), kParagraphKinds, ParagraphKind::Body), s.i64(4) != 0});
      });
      timexes.take(row, [&](Stmt& s) {
        Timex t;
        t.span = Span{s.u32(1), s.u32(2)};
        t.type = parse_enum(s.text(3), kTimexTypes, TimexType::Date);
        t.value = s.str(4);
        t.paragraph = s.u32(5);
        t.first_token = s.u32(6);
        t.last_token = s.u32(7);
        t.relative = s.i64(8) != 0;
        x.timexes.push_back(std::move(t));
      });
      mentions.take(row, [&](Stmt& s) { x.mentions.push_back({s.u32(1), Span{s.u32(2), s.u32(3)}}); });
    }
    actors.take(row, [&](Stmt& s) {
      LocalActor a;
      out.actor_of.push_back(s.u32(1));
      a.name = s.str(2);
      a.type = parse_enum(s.text(3), kActorTypes, ActorType::Person);
      auto aliases = lists.strings(s.text(4));
      auto roles = lists.strings(s.text(5));
      auto aff = lists.numbers(s.text(6));
      ok = ok && aliases && roles && aff;
      if (aliases) a.aliases.assign(aliases->begin(), aliases->end());
      if (roles) a.roles.assign(roles->begin(), roles->end());
      if (aff) a.affiliations = std::move(*aff);
      a.key = s.str(7);
      x.actors.push_back(std::move(a));
    });
    statements.take(row, [&](Stmt& s) {
      LocalStatement st;
      if (!s.null(1)) st.speaker = s.u32(1);
      st.speaker_span = opt_span(s, 2, 3);
      st.kind = parse_enum(s.text(4), kKinds, StatementKind::Direct);
      st.content = Span{s.u32(5), s.u32(6)};
      st.cue = opt_span(s, 7, 8);
      st.date = s.str(9);
      st.date_from_publication = s.i64(10) != 0;
      auto m = lists.numbers(s.text(11));
      ok = ok && m;
      if (m) st.mentions = std::move(*m);
      x.statements.push_back(std::move(st));
    });
    events.take(row, [&](Stmt& s) {
      LocalEvent e;
      e.type = s.str(1);
      e.trigger = Span{s.u32(2), s.u32(3)};
      e.sentence = Span{s.u32(4), s.u32(5)};
      e.date = s.str(6);
      e.date_from_publication = s.i64(7) != 0;
      e.modality = s.str(8);
      e.from_statement = s.i64(9) != 0;
      auto parts = lists.pairs(s.text(10));
      ok = ok && parts;
      if (parts)
        for (auto& [actor, role] : *parts) e.participants.push_back({actor, parse_enum(role, kRoles, ParticipantRole::Other)});
      x.events.push_back(std::move(e));
    });
    if (!ok || !detail::extraction_indices_valid(x)) {
      out.damaged = true;
      DocExtraction bare;
      bare.doc = std::move(x.doc);
      x = std::move(bare);
      out.actor_of.clear();
    }
  }
};

DocReader::DocReader(Db& db, bool full) : impl_(std::make_unique<Impl>(db, full)) {}
DocReader::~DocReader() = default;

void DocReader::read(int64_t lo, int64_t hi, const std::function<void(Doc&)>& fn) {
  Impl& m = *impl_;
  m.docs.reset();
  m.docs.bind(1, lo).bind(2, hi);
  for (Child* c : m.children()) c->start(lo, hi);
  while (m.docs.step()) {
    Doc d;
    m.document(d);
    m.extraction(d);
    fn(d);
  }
}

std::string describe_failure(const std::string& what) {
  if (what.find("file is not a database") != std::string::npos ||
      what.find("malformed") != std::string::npos || what.find("disk I/O error") != std::string::npos)
    return fmt::format("damaged SQLite database ({})", what);
  return what;
}

std::unique_ptr<Db> open_store(const std::string& path) {
  std::string bad = check_header(path);
  if (!bad.empty()) throw SqlError(bad);
  auto db = std::make_unique<Db>(path, false);
  int64_t version = db->scalar("PRAGMA user_version");
  if (version > kSqliteSchemaVersion)
    throw SqlError(fmt::format("written by a newer eventloom (store schema version {}; this version reads up to {}): "
                               "open it with that version, or export it as JSON there",
                               version, kSqliteSchemaVersion));
  bool marked = false;
  try {
    Stmt s = db->prepare("SELECT value FROM meta WHERE key = 'format'");
    marked = s.step() && s.text(0) == "eventloom-graph";
  } catch (const SqlError& e) {
    if (std::string(e.what()).find("no such table") == std::string::npos) throw;
  }
  if (!marked || version < 1)
    throw SqlError("an SQLite database, but not an eventloom store (written by `eventloom build --db`)");
  return db;
}

}  // namespace store

bool is_sqlite_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16];
  return in.read(head, sizeof head) && std::string_view(head, sizeof head) == store::kSqliteMagic;
}

Corpus read_sqlite_file(const std::string& path, Diagnostics& diag) {
  try {
    std::unique_ptr<store::Db> db = store::open_store(path);
    store::DocReader reader(*db, true);
    std::vector<DocExtraction> docs;
    reader.read(0, INT64_MAX, [&](store::DocReader::Doc& d) {
      if (d.damaged)
        diag.warning(path, 0, fmt::format("document {}: its extraction is damaged; read without it", d.x.doc.id));
      docs.push_back(std::move(d.x));
    });
    Corpus c = consolidate(std::move(docs));
    int64_t stored = db->scalar("SELECT count(*) FROM actors");
    if (static_cast<size_t>(stored) != c.actors.size())
      diag.note(path, 0,
                fmt::format("the store lists {} actors, rebuilding them from its documents gives {} "
                            "(written by another version of eventloom?)",
                            stored, c.actors.size()));
    return c;
  } catch (const std::exception& e) {
    diag.error(path, 0, store::describe_failure(e.what()));
    return {};
  }
}

}  // namespace eventloom
