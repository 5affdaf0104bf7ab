// Writing the SQLite store (schema: src/store/data/schema.sql, which
// docs/schema.sql links to).
//
// Everything goes into a temporary file beside the target, in one
// transaction with prepared statements, rows inserted as they are produced
// (documents first, in corpus order); the indexes are made once the rows are
// in, and the file is renamed over the target only when it is complete. The
// graph and its centrality, which the corpus layer needs, are computed on
// another thread while the article layer is written.
#include <filesystem>
#include <future>
#include <memory>

#include <fmt/format.h>

#include "eventloom/store.hpp"
#include "export/json_internal.hpp"
#include "store/lists.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"

namespace eventloom {
namespace {

using store::Db;
using store::Stmt;

std::string date_from(bool from_publication, const std::string& date) {
  return from_publication ? "publication" : date.empty() ? "none" : "text";
}

std::string fields_json(const Document& d) {
  if (d.extra_fields.empty()) return {};
  std::string f = "{";
  for (size_t i = 0; i < d.extra_fields.size(); ++i) {
    if (i) f.push_back(',');
    detail::append_json_string(f, d.extra_fields[i].first);
    f.push_back(':');
    f += d.extra_fields[i].second;
  }
  return f + "}";
}

// The graph the corpus layer is read from (actors and interactions only), its
// centrality, and the day each statement and event is placed on.
struct Derived {
  // On the heap: Boost's graph has no move constructor, and the future that
  // hands Derived over would copy it.
  std::unique_ptr<EventGraph> eg;
  std::vector<Centrality> central;
  size_t interacting = 0;
  std::vector<std::string> statement_day, event_day;
};

// As build_graph() places an item: its own date's day, else the publication
// day of its first report.
std::string item_day(const Corpus& c, const std::string& date, const std::vector<EvidenceRef>& ev) {
  std::string d = timex_day(date);
  if (d.empty() && !ev.empty() && c.docs[ev.front().doc].doc.published)
    d = format_date(*c.docs[ev.front().doc].doc.published);
  return d;
}

class Writer {
 public:
  Writer(Db& db, const Corpus& c, const SqliteOptions& opt) : db_(db), c_(c), opt_(opt) {}

  void documents() {
    Stmt doc = db_.prepare("INSERT INTO documents VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    Stmt src = db_.prepare("INSERT INTO sources VALUES (?1,?2,?3,?4,?5,?6,?7)");
    Stmt par = db_.prepare("INSERT INTO paragraphs VALUES (?1,?2,?3,?4,?5,?6)");
    Stmt piece = db_.prepare("INSERT INTO text_pieces VALUES (?1,?2,?3)");
    Stmt tmx = db_.prepare("INSERT INTO timexes VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    Stmt act = db_.prepare("INSERT INTO doc_actors VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    Stmt men = db_.prepare("INSERT INTO mentions VALUES (?1,?2,?3,?4,?5)");
    Stmt sta = db_.prepare("INSERT INTO doc_statements VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)");
    Stmt evt = db_.prepare("INSERT INTO doc_events VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    for (uint32_t di = 0; di < c_.docs.size(); ++di) {
      const DocExtraction& x = c_.docs[di];
      const Document& d = x.doc;
      const int64_t k = di;
      bool pieces = !opt_.include_text || d.text_partial;
      doc.bind(1, k).bind_static(2, d.id).bind_static(3, d.title);
      if (d.published) doc.bind(4, format_date(*d.published)); else doc.bind_null(4);
      doc.bind_static(5, to_string(d.published_from)).bind_opt(6, d.published_evidence).bind_static(7, d.format);
      doc.bind_opt(8, d.near_duplicate_of).bind_opt(9, fields_json(d));
      if (pieces) doc.bind_null(10); else doc.bind_static(10, d.text);
      doc.bind_u(11, d.text.size()).run();
      for (size_t i = 0; i < d.sources.size(); ++i) {
        const SourceRef& s = d.sources[i];
        src.bind(1, k).bind_u(2, i).bind_static(3, s.path).bind_u(4, s.offset).bind_u(5, s.line);
        src.bind_opt(6, s.record_id).bind_opt(7, s.url).run();
      }
      for (size_t i = 0; i < d.paragraphs.size(); ++i) {
        const Paragraph& p = d.paragraphs[i];
        par.bind(1, k).bind_u(2, i).bind_u(3, p.span.start).bind_u(4, p.span.end);
        par.bind_static(5, to_string(p.kind)).bind(6, int64_t{p.continues}).run();
      }
      if (pieces)
        for (Span s : detail::text_piece_spans(x))
          piece.bind(1, k).bind_u(2, s.start).bind_static(3, std::string_view(d.text).substr(s.start, s.size())).run();
      for (size_t i = 0; i < x.timexes.size(); ++i) {
        const Timex& t = x.timexes[i];
        tmx.bind(1, k).bind_u(2, i).bind_u(3, t.span.start).bind_u(4, t.span.end).bind_static(5, to_string(t.type));
        tmx.bind_static(6, t.value).bind_u(7, t.paragraph).bind_u(8, t.first_token).bind_u(9, t.last_token);
        tmx.bind(10, int64_t{t.relative}).run();
      }
      for (size_t i = 0; i < x.actors.size(); ++i) {
        const LocalActor& a = x.actors[i];
        act.bind(1, k).bind_u(2, i).bind_u(3, c_.actor_of[di][i]).bind_static(4, a.name).bind_static(5, to_string(a.type));
        act.bind(6, store::json_strings(a.aliases)).bind(7, store::json_strings(a.roles));
        act.bind(8, store::json_numbers(a.affiliations)).bind_static(9, a.key).run();
      }
      for (size_t i = 0; i < x.mentions.size(); ++i) {
        const Mention& m = x.mentions[i];
        men.bind(1, k).bind_u(2, i).bind_u(3, m.actor).bind_u(4, m.span.start).bind_u(5, m.span.end).run();
      }
      for (size_t i = 0; i < x.statements.size(); ++i) statement_row(sta, k, i, x.statements[i]);
      for (size_t i = 0; i < x.events.size(); ++i) event_row(evt, k, i, x.events[i]);
    }
  }

  void corpus_layer(const Derived& g) {
    actors(g);
    statements(g);
    events(g);
    interactions(g);
  }

 private:
  static void statement_row(Stmt& sta, int64_t k, size_t i, const LocalStatement& s) {
    sta.bind(1, k).bind_u(2, i);
    if (s.speaker) sta.bind_u(3, *s.speaker); else sta.bind_null(3);
    if (s.speaker_span) sta.bind_u(4, s.speaker_span->start).bind_u(5, s.speaker_span->end);
    else sta.bind_null(4).bind_null(5);
    sta.bind_static(6, to_string(s.kind)).bind_u(7, s.content.start).bind_u(8, s.content.end);
    if (s.cue) sta.bind_u(9, s.cue->start).bind_u(10, s.cue->end); else sta.bind_null(9).bind_null(10);
    sta.bind_static(11, s.date).bind(12, int64_t{s.date_from_publication}).bind(13, store::json_numbers(s.mentions));
    sta.run();
  }

  static void event_row(Stmt& evt, int64_t k, size_t i, const LocalEvent& e) {
    std::vector<std::pair<uint32_t, std::string_view>> parts;
    for (const Participant& p : e.participants) parts.emplace_back(p.actor, to_string(p.role));
    evt.bind(1, k).bind_u(2, i).bind_static(3, e.type).bind_u(4, e.trigger.start).bind_u(5, e.trigger.end);
    evt.bind_u(6, e.sentence.start).bind_u(7, e.sentence.end).bind_static(8, e.date);
    evt.bind(9, int64_t{e.date_from_publication}).bind_static(10, e.modality).bind(11, int64_t{e.from_statement});
    evt.bind(12, store::json_pairs(parts)).run();
  }

  // An item's evidence rows: the article, the local item, and `span_of` it.
  template <class SpanOf>
  static void evidence(Stmt& ev, uint32_t item, const std::vector<EvidenceRef>& refs, SpanOf&& span_of) {
    for (size_t k = 0; k < refs.size(); ++k) {
      Span sp = span_of(refs[k]);
      ev.bind(1, int64_t{item}).bind_u(2, k).bind_u(3, refs[k].doc).bind_u(4, refs[k].local);
      ev.bind_u(5, sp.start).bind_u(6, sp.end).run();
    }
  }

  void actors(const Derived& g) {
    std::vector<uint32_t> said(c_.actors.size(), 0);
    for (const Statement& s : c_.statements)
      if (s.speaker) ++said[*s.speaker];
    std::vector<const Centrality*> central(c_.actors.size(), nullptr);
    std::vector<size_t> rank(c_.actors.size(), 0);
    for (size_t i = 0; i < g.central.size(); ++i) central[g.central[i].actor] = &g.central[i], rank[g.central[i].actor] = i + 1;
    Stmt act = db_.prepare("INSERT INTO actors VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    Stmt name = db_.prepare("INSERT INTO actor_names (actor, kind, name, key) VALUES (?1,?2,?3,?4)");
    Stmt role = db_.prepare("INSERT INTO actor_roles VALUES (?1,?2,?3)");
    Stmt aff = db_.prepare("INSERT INTO affiliations VALUES (?1,?2,?3)");
    for (uint32_t i = 0; i < c_.actors.size(); ++i) {
      const Actor& a = c_.actors[i];
      const VertexProps& v = g.eg->g[g.eg->actor_vertex[i]];
      act.bind(1, int64_t{i}).bind_static(2, a.id).bind_static(3, a.name).bind_static(4, to_string(a.type));
      act.bind_opt(5, v.first_day).bind_opt(6, v.last_day).bind_u(7, said[i]);
      if (const Centrality* ce = central[i]) {
        act.bind_u(8, ce->degree).bind_u(9, ce->weight).bind(10, ce->betweenness).bind_u(11, rank[i]);
      } else {
        act.bind_null(8).bind_null(9).bind_null(10).bind_null(11);
      }
      act.run();
      auto add_name = [&](const char* kind, const std::string& n) {
        name.bind(1, int64_t{i}).bind_static(2, kind).bind_static(3, n).bind(4, actor_name_key(n)).run();
      };
      add_name("id", a.id);
      add_name("name", a.name);
      for (const std::string& alias : a.aliases) add_name("alias", alias);
      for (size_t r = 0; r < a.roles.size(); ++r) role.bind(1, int64_t{i}).bind_u(2, r).bind_static(3, a.roles[r]).run();
      for (size_t r = 0; r < a.affiliations.size(); ++r)
        aff.bind(1, int64_t{i}).bind_u(2, r).bind_u(3, a.affiliations[r]).run();
    }
  }

  void statements(const Derived& g) {
    Stmt st = db_.prepare("INSERT INTO statements VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    Stmt men = db_.prepare("INSERT INTO statement_mentions VALUES (?1,?2,?3)");
    Stmt ev = db_.prepare("INSERT INTO evidence VALUES ('statement',?1,?2,?3,?4,?5,?6)");
    for (uint32_t i = 0; i < c_.statements.size(); ++i) {
      const Statement& s = c_.statements[i];
      const LocalStatement& first = c_.docs[s.evidence[0].doc].statements[s.evidence[0].local];
      st.bind(1, int64_t{i}).bind_static(2, s.id);
      if (s.speaker) st.bind_u(3, *s.speaker); else st.bind_null(3);
      st.bind_static(4, to_string(s.kind)).bind_static(5, s.text).bind_opt(6, s.date);
      st.bind(7, date_from(first.date_from_publication, s.date));
      st.bind_opt(8, g.statement_day[i]).run();
      for (size_t m = 0; m < s.mentions.size(); ++m) men.bind(1, int64_t{i}).bind_u(2, m).bind_u(3, s.mentions[m]).run();
      evidence(ev, i, s.evidence, [&](const EvidenceRef& r) { return c_.docs[r.doc].statements[r.local].content; });
    }
  }

  void events(const Derived& g) {
    Stmt et = db_.prepare("INSERT INTO events VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    Stmt part = db_.prepare("INSERT INTO participants VALUES (?1,?2,?3,?4)");
    Stmt ev = db_.prepare("INSERT INTO evidence VALUES ('event',?1,?2,?3,?4,?5,?6)");
    for (uint32_t i = 0; i < c_.events.size(); ++i) {
      const Event& e = c_.events[i];
      et.bind(1, int64_t{i}).bind_static(2, e.id).bind_static(3, e.type).bind_opt(4, e.date);
      et.bind(5, date_from(e.date_from_publication, e.date)).bind_static(6, e.modality);
      et.bind(7, int64_t{e.from_statement}).bind(8, int64_t{e.restates_statement()});
      et.bind_opt(9, g.event_day[i]).run();
      for (size_t p = 0; p < e.participants.size(); ++p)
        part.bind(1, int64_t{i}).bind_u(2, p).bind_u(3, e.participants[p].first)
            .bind_static(4, to_string(e.participants[p].second)).run();
      evidence(ev, i, e.evidence, [&](const EvidenceRef& r) { return c_.docs[r.doc].events[r.local].sentence; });
    }
  }

  void interactions(const Derived& g) {
    Stmt in = db_.prepare("INSERT INTO interactions VALUES (?1,?2,?3,?4,?5,?6)");
    Stmt item = db_.prepare("INSERT INTO interaction_items VALUES (?1,?2,?3,?4)");
    const Graph& gr = g.eg->g;
    for (auto [it, end] = boost::edges(gr); it != end; ++it) {
      const EdgeProps& p = gr[*it];
      if (p.kind != EdgeKind::Interaction) continue;
      int64_t s = gr[boost::source(*it, gr)].index, t = gr[boost::target(*it, gr)].index;
      in.bind(1, s).bind(2, t).bind_u(3, p.count).bind_opt(4, p.first_day).bind_opt(5, p.last_day);
      in.bind(6, store::json_strings(p.event_types)).run();
      for (uint32_t e : p.events) item.bind(1, s).bind(2, t).bind_static(3, "event").bind_u(4, e).run();
      for (uint32_t x : p.statements) item.bind(1, s).bind(2, t).bind_static(3, "statement").bind_u(4, x).run();
    }
  }

  Db& db_;
  const Corpus& c_;
  const SqliteOptions& opt_;
};

void write_meta(Db& db, const Corpus& c, const Derived& g, const SqliteOptions& opt) {
  CentralityOptions co;
  std::string method = centrality_sampled(g.interacting, co)
                           ? fmt::format("betweenness sampled from {} of {} actors (exact up to {})",
                                         std::min(co.samples, g.interacting), g.interacting, co.exact_up_to)
                           : fmt::format("betweenness exact (Brandes) over {} actors", g.interacting);
  Stmt m = db.prepare("INSERT INTO meta VALUES (?1, ?2)");
  for (auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"format", "eventloom-graph"},
           {"schema_version", std::to_string(kSqliteSchemaVersion)},
           {"written_by", "eventloom 0.1.0"},
           {"text", opt.include_text ? "full" : "pieces"},
           {"centrality", method},
           {"documents", std::to_string(c.docs.size())},
           {"actors", std::to_string(c.actors.size())},
           {"statements", std::to_string(c.statements.size())},
           {"events", std::to_string(c.events.size())}})
    m.bind(1, k).bind(2, v).run();
}

}  // namespace

std::string write_sqlite(const Corpus& c, const std::string& path, const SqliteOptions& opt) {
  namespace fs = std::filesystem;
  detail::TempBeside t = detail::temp_beside(path);
  if (!t.error.empty()) return t.error;
  fs::path tmp(t.tmp), target(path);
  std::error_code ec;
  fs::remove(tmp, ec);
  auto derived = std::async(std::launch::async, [&c] {
    Derived g;
    GraphFilter lean;
    lean.items = false;
    g.eg.reset(new EventGraph(build_graph(c, lean)));  // built in place, not copied
    for (const Statement& st : c.statements) g.statement_day.push_back(item_day(c, st.date, st.evidence));
    for (const Event& e : c.events) g.event_day.push_back(item_day(c, e.date, e.evidence));
    g.central = centrality(*g.eg);
    g.interacting = g.central.size();
    return g;
  });
  try {
    {
      Db db(tmp.string(), true);
      // The temporary file is thrown away on any failure, so no journal.
      db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
              "PRAGMA cache_size = -65536; BEGIN;");
      store::Schema schema = store::schema();
      db.exec(schema.tables);
      Writer w(db, c, opt);
      w.documents();
      Derived g = derived.get();
      w.corpus_layer(g);
      write_meta(db, c, g, opt);
      db.exec(schema.indexes);
      db.exec("COMMIT");
    }
    fs::rename(tmp, target, ec);
    if (ec) throw store::SqlError(fmt::format("cannot replace it: {}", ec.message()));
  } catch (const std::exception& e) {
    if (derived.valid()) derived.wait();
    std::error_code ignore;
    fs::remove(tmp, ignore);
    return fmt::format("cannot write {}: {}", path, e.what());
  }
  return {};
}

}  // namespace eventloom
