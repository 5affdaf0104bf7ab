// SqliteStore: inspect's questions and a picture's slice answered from the
// store's corpus layer through its indexes, reading only the rows each
// question needs (an actor's names, statements and interactions; the
// centrality ranks; the interaction pairs for a path; the statements and
// events of some days and the articles that report them).
#include <algorithm>
#include <climits>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/store.hpp"
#include "export/json_internal.hpp"
#include "store/reader.hpp"

namespace eventloom {

using store::Stmt;

struct SqliteStore::Impl {
  std::unique_ptr<store::Db> db;
  std::map<uint32_t, Actor> actors;
  store::ListReader lists;

  Stmt prepare(std::string_view sql) { return db->prepare(sql); }

  // A slice of an article's text: from its text, or from the pieces a
  // --no-text store keeps.
  std::string doc_slice(uint32_t doc, Span s) {
    Stmt q = prepare("SELECT text IS NULL, length(CAST(text AS BLOB)), "
                     "CAST(substr(CAST(text AS BLOB), ?2 + 1, ?3) AS TEXT) FROM documents WHERE doc = ?1");
    q.bind(1, int64_t{doc}).bind(2, int64_t{s.start}).bind(3, int64_t{s.end} - s.start);
    if (!q.step() || s.start > s.end) return {};
    if (q.i64(0) == 0) return s.end <= static_cast<uint64_t>(q.i64(1)) ? q.str(2) : std::string();
    Stmt p = prepare("SELECT start, text FROM text_pieces WHERE doc = ?1 AND start <= ?2 ORDER BY start DESC LIMIT 1");
    p.bind(1, int64_t{doc}).bind(2, int64_t{s.start});
    if (!p.step()) return std::string(s.size(), ' ');
    uint32_t at = p.u32(0);
    std::string_view t = p.text(1);
    std::string out(s.size(), ' ');
    for (uint32_t i = s.start; i < s.end; ++i)
      if (i >= at && i - at < t.size()) out[i - s.start] = t[i - at];
    return out;
  }
};

namespace {

using detail::kActorTypes;
using detail::kRoles;
using detail::parse_enum;

// Run `fn`, turning SQLite's failures into StoreError naming the file.
template <class Fn>
auto guarded(const std::string& path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const store::SqlError& e) {
    throw StoreError(fmt::format("{}: {}", path, store::describe_failure(e.what())));
  }
}

}  // namespace

SqliteStore::SqliteStore(std::string path) : path_(std::move(path)), impl_(std::make_unique<Impl>()) {}
SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path, Diagnostics& diag) {
  std::unique_ptr<SqliteStore> s(new SqliteStore(path));
  try {
    s->impl_->db = store::open_store(path);
  } catch (const std::exception& e) {
    diag.error(path, 0, store::describe_failure(e.what()));
    return nullptr;
  }
  return s;
}

size_t SqliteStore::actor_count() {
  return guarded(path_, [&] { return static_cast<size_t>(impl_->db->scalar("SELECT count(*) FROM actors")); });
}

const Actor& SqliteStore::actor(uint32_t i) {
  auto it = impl_->actors.find(i);
  if (it != impl_->actors.end()) return it->second;
  return guarded(path_, [&]() -> const Actor& {
    Actor a;
    Stmt q = impl_->prepare("SELECT id, name, type FROM actors WHERE actor = ?1");
    q.bind(1, int64_t{i});
    if (q.step()) {
      a.id = q.str(0);
      a.name = q.str(1);
      a.type = parse_enum(q.text(2), kActorTypes, ActorType::Person);
    }
    Stmt n = impl_->prepare("SELECT name FROM actor_names WHERE actor = ?1 AND kind = 'alias' ORDER BY rowid");
    for (n.bind(1, int64_t{i}); n.step();) a.aliases.push_back(n.str(0));
    Stmt r = impl_->prepare("SELECT role FROM actor_roles WHERE actor = ?1 ORDER BY seq");
    for (r.bind(1, int64_t{i}); r.step();) a.roles.push_back(r.str(0));
    Stmt f = impl_->prepare("SELECT member_of FROM affiliations WHERE actor = ?1 ORDER BY seq");
    for (f.bind(1, int64_t{i}); f.step();) a.affiliations.push_back(f.u32(0));
    return impl_->actors.emplace(i, std::move(a)).first->second;
  });
}

ActorLookup SqliteStore::find_actor(std::string_view name) {
  return guarded(path_, [&] {
    ActorLookup r;
    std::string key = actor_name_key(name);
    if (key.empty()) return r;
    std::vector<uint32_t> found;
    Stmt exact = impl_->prepare("SELECT DISTINCT actor FROM actor_names WHERE key = ?1");
    for (exact.bind(1, key); exact.step();) found.push_back(exact.u32(0));
    r.exact = !found.empty();
    if (!r.exact) {  // suggestions: names and aliases that hold the words
      Stmt part = impl_->prepare("SELECT actor, key FROM actor_names WHERE kind != 'id' AND instr(key, ?1) > 0");
      for (part.bind(1, key); part.step();)
        if (actor_key_contains(part.str(1), key)) found.push_back(part.u32(0));
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (uint32_t a : found) actor(a);
    std::sort(found.begin(), found.end(),
              [&](uint32_t a, uint32_t b) { return std::tie(actor(a).name, a) < std::tie(actor(b).name, b); });
    r.actors = std::move(found);
    return r;
  });
}

ActorProfile SqliteStore::actor_profile(uint32_t id, size_t n) {
  return guarded(path_, [&] {
    ActorProfile p;
    p.actor = id;
    Stmt a = impl_->prepare("SELECT first_day, last_day, statements FROM actors WHERE actor = ?1");
    a.bind(1, int64_t{id});
    if (a.step()) {
      p.first_day = a.str(0);
      p.last_day = a.str(1);
      p.statements = static_cast<size_t>(a.i64(2));
    }
    for (uint32_t x : actor(id).affiliations) p.affiliations.push_back(actor(x).name);
    // Statements said, newest first by the day their date names.
    std::vector<std::pair<uint32_t, std::string>> said;
    Stmt s = impl_->prepare("SELECT statement, date FROM statements WHERE speaker = ?1 ORDER BY statement");
    for (s.bind(1, int64_t{id}); s.step();) said.emplace_back(s.u32(0), timex_day(s.text(1)));
    std::stable_sort(said.begin(), said.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    Stmt one = impl_->prepare(
        "SELECT s.date, s.kind, s.text, (SELECT src.path FROM evidence e JOIN sources src ON src.doc = e.doc AND "
        "src.seq = 0 WHERE e.item_kind = 'statement' AND e.item = s.statement AND e.seq = 0) "
        "FROM statements s WHERE s.statement = ?1");
    for (size_t i = 0; i < said.size() && i < n; ++i) {
      one.reset();
      one.bind(1, int64_t{said[i].first});
      if (!one.step()) continue;
      p.recent.push_back({one.str(0), one.text(1) == "indirect" ? StatementKind::Indirect : StatementKind::Direct,
                          one.str(2), one.str(3)});
    }
    std::map<uint32_t, uint32_t> partners;
    Stmt in = impl_->prepare(
        "SELECT target, count FROM interactions WHERE source = ?1 AND target != ?1 "
        "UNION ALL SELECT source, count FROM interactions WHERE target = ?1 AND source != ?1");
    for (in.bind(1, int64_t{id}); in.step();) partners[in.u32(0)] += in.u32(1);
    p.partners.assign(partners.begin(), partners.end());
    std::stable_sort(p.partners.begin(), p.partners.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    if (p.partners.size() > 10) p.partners.resize(10);
    return p;
  });
}

TopActors SqliteStore::top_actors(size_t n) {
  return guarded(path_, [&] {
    TopActors t;
    t.interacting = static_cast<size_t>(impl_->db->scalar("SELECT count(*) FROM actors WHERE rank IS NOT NULL"));
    Stmt q = impl_->prepare(
        "SELECT actor, degree, weight, betweenness FROM actors WHERE rank IS NOT NULL ORDER BY rank LIMIT ?1");
    for (q.bind(1, static_cast<int64_t>(std::min<size_t>(n, INT64_MAX))); q.step();)
      t.actors.push_back({q.u32(0), q.u32(1), q.u32(2), q.real(3)});
    return t;
  });
}

std::optional<std::vector<PathStepInfo>> SqliteStore::actor_path(uint32_t from, uint32_t to) {
  return guarded(path_, [&]() -> std::optional<std::vector<PathStepInfo>> {
    const size_t n = actor_count();
    if (from >= n || to >= n) return std::nullopt;
    // Neighbours as shortest_path() walks them: by actor, an edge from the
    // actor before one towards it.
    struct Link {
      uint32_t to;
      bool out;
    };
    std::unordered_map<uint32_t, std::vector<Link>> adj;
    Stmt all = impl_->prepare("SELECT source, target FROM interactions");
    while (all.step()) {
      uint32_t s = all.u32(0), t = all.u32(1);
      adj[s].push_back({t, true});
      adj[t].push_back({s, false});
    }
    for (auto& [v, links] : adj)
      std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
        return a.to != b.to ? a.to < b.to : a.out > b.out;
      });
    std::vector<PathStepInfo> steps;
    if (from == to) return steps;
    std::unordered_map<uint32_t, std::pair<uint32_t, bool>> came_from;  // vertex -> (previous, edge previous->vertex)
    came_from[from] = {from, true};
    std::vector<uint32_t> queue{from};
    for (size_t head = 0; head < queue.size() && !came_from.count(to); ++head) {
      uint32_t v = queue[head];
      auto it = adj.find(v);
      if (it == adj.end()) continue;
      for (const Link& l : it->second)
        if (came_from.emplace(l.to, std::make_pair(v, l.out)).second) queue.push_back(l.to);
    }
    if (!came_from.count(to)) return steps;
    for (uint32_t v = to; v != from; v = came_from[v].first) {
      auto [prev, out] = came_from[v];
      PathStepInfo st;
      st.from = prev;
      st.to = v;
      uint32_t s = out ? prev : v, t = out ? v : prev;
      Stmt e = impl_->prepare("SELECT count, first_day, last_day, types FROM interactions WHERE source = ?1 AND target = ?2");
      e.bind(1, int64_t{s}).bind(2, int64_t{t});
      if (e.step()) {
        st.count = e.u32(0);
        st.first_day = e.str(1);
        st.last_day = e.str(2);
        st.types = impl_->lists.strings(e.text(3)).value_or(std::vector<std::string>());
      }
      Stmt items = impl_->prepare(
          "SELECT i.item_kind, coalesce(ev.date, st.date, ''), coalesce(ev.type, ''), coalesce(st.text, ''), "
          "x.doc, x.start, x.\"end\" FROM interaction_items i "
          "LEFT JOIN events ev ON i.item_kind = 'event' AND ev.event = i.item "
          "LEFT JOIN statements st ON i.item_kind = 'statement' AND st.statement = i.item "
          "LEFT JOIN evidence x ON x.item_kind = 'event' AND i.item_kind = 'event' AND x.item = i.item AND x.seq = 0 "
          "WHERE i.source = ?1 AND i.target = ?2 ORDER BY i.item_kind, i.item");
      for (items.bind(1, int64_t{s}).bind(2, int64_t{t}); items.step();) {
        bool event = items.text(0) == "event";
        std::string text = event ? impl_->doc_slice(items.u32(4), Span{items.u32(5), items.u32(6)}) : items.str(3);
        st.items.push_back({event, items.str(1), items.str(2), std::move(text)});
      }
      steps.push_back(std::move(st));
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
  });
}

Corpus SqliteStore::slice(const std::string& from, const std::string& to, bool actor_details) {
  return guarded(path_, [&] {
    Corpus c;
    Impl& m = *impl_;
    // Every actor, in a few ordered passes.
    {
      Stmt a = m.prepare("SELECT id, name, type FROM actors ORDER BY actor");
      while (a.step()) {
        Actor x;
        x.id = a.str(0);
        x.name = a.str(1);
        x.type = parse_enum(a.text(2), kActorTypes, ActorType::Person);
        c.actors.push_back(std::move(x));
      }
      const size_t n = c.actors.size();
      if (actor_details) {
        Stmt al = m.prepare("SELECT actor, name FROM actor_names WHERE kind = 'alias' ORDER BY rowid");
        while (al.step())
          if (al.u32(0) < n) c.actors[al.u32(0)].aliases.push_back(al.str(1));
        Stmt r = m.prepare("SELECT actor, role FROM actor_roles ORDER BY actor, seq");
        while (r.step())
          if (r.u32(0) < n) c.actors[r.u32(0)].roles.push_back(r.str(1));
        Stmt f = m.prepare("SELECT actor, member_of FROM affiliations ORDER BY actor, seq");
        while (f.step())
          if (f.u32(0) < n && f.u32(1) < n) c.actors[f.u32(0)].affiliations.push_back(f.u32(1));
      }
    }
    const bool all_days = from.empty() && to.empty();
    const std::string lo = from, hi = to.empty() ? std::string("9999-12-31") : to;
    auto days = [&](const char* table) {
      return all_days ? std::string() : fmt::format(" WHERE {}.day >= ?1 AND {}.day <= ?2", table, table);
    };
    auto bind_days = [&](Stmt& s) {
      if (!all_days) s.bind(1, lo).bind(2, hi);
    };
    // The statements and events on those days; their actors and evidence
    // in one ordered pass each.
    std::unordered_map<uint32_t, uint32_t> stmt_at, event_at;
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> stmt_ev, event_ev;  // (store doc, local)
    Stmt s = m.prepare("SELECT statement, id, speaker, kind, text, date FROM statements" + days("statements") +
                       " ORDER BY statement");
    for (bind_days(s); s.step();) {
      Statement x;
      x.id = s.str(1);
      if (!s.null(2) && s.u32(2) < c.actors.size()) x.speaker = s.u32(2);
      x.kind = s.text(3) == "indirect" ? StatementKind::Indirect : StatementKind::Direct;
      x.text = s.str(4);
      x.date = s.str(5);
      stmt_at[s.u32(0)] = static_cast<uint32_t>(c.statements.size());
      c.statements.push_back(std::move(x));
    }
    stmt_ev.resize(c.statements.size());
    Stmt sm = m.prepare("SELECT m.statement, m.actor FROM statement_mentions m JOIN statements ON statements.statement = "
                        "m.statement" + days("statements") + " ORDER BY m.statement, m.seq");
    for (bind_days(sm); sm.step();)
      if (sm.u32(1) < c.actors.size()) c.statements[stmt_at.at(sm.u32(0))].mentions.push_back(sm.u32(1));
    // Some days: from their items to the evidence by its key (CROSS JOIN fixes
    // that order); left to itself the planner walks all evidence of the kind
    // to skip a sort, which only pays when every day is asked for.
    auto evidence_of = [&](const char* table, const char* kind, const char* key) {
      return all_days ? fmt::format("SELECT x.item, x.doc, x.local FROM evidence x JOIN {0} ON x.item_kind = '{1}' AND "
                                    "{0}.{2} = x.item ORDER BY x.item, x.seq", table, kind, key)
                      : fmt::format("SELECT x.item, x.doc, x.local FROM {0} CROSS JOIN evidence x ON x.item_kind = '{1}' AND "
                                    "{0}.{2} = x.item{3} ORDER BY x.item, x.seq", table, kind, key, days(table));
    };
    Stmt se = m.prepare(evidence_of("statements", "statement", "statement"));
    for (bind_days(se); se.step();) stmt_ev[stmt_at.at(se.u32(0))].emplace_back(se.u32(1), se.u32(2));

    Stmt e = m.prepare("SELECT event, id, type, date, date_from, modality, from_statement FROM events" + days("events") +
                       " ORDER BY event");
    for (bind_days(e); e.step();) {
      Event x;
      x.id = e.str(1);
      x.type = e.str(2);
      x.date = e.str(3);
      x.date_from_publication = e.text(4) == "publication";
      x.modality = e.str(5);
      x.from_statement = e.i64(6) != 0;
      event_at[e.u32(0)] = static_cast<uint32_t>(c.events.size());
      c.events.push_back(std::move(x));
    }
    event_ev.resize(c.events.size());
    Stmt ep = m.prepare("SELECT p.event, p.actor, p.role FROM participants p JOIN events ON events.event = p.event" +
                        days("events") + " ORDER BY p.event, p.seq");
    for (bind_days(ep); ep.step();)
      if (ep.u32(1) < c.actors.size())
        c.events[event_at.at(ep.u32(0))].participants.emplace_back(ep.u32(1),
                                                                    parse_enum(ep.text(2), kRoles, ParticipantRole::Other));
    Stmt ee = m.prepare(evidence_of("events", "event", "event"));
    for (bind_days(ee); ee.step();) event_ev[event_at.at(ee.u32(0))].emplace_back(ee.u32(1), ee.u32(2));

    // The articles that report them, read in runs of consecutive rows.
    std::vector<uint32_t> docs;
    for (const auto* evs : {&stmt_ev, &event_ev})
      for (const auto& list : *evs)
        for (const auto& [d, local] : list) docs.push_back(d);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    std::unordered_map<uint32_t, uint32_t> doc_at;
    store::DocReader reader(*m.db, false);
    for (size_t i = 0; i < docs.size();) {
      size_t j = i + 1;
      while (j < docs.size() && docs[j] == docs[j - 1] + 1) ++j;
      reader.read(docs[i], int64_t{docs[j - 1]} + 1, [&](store::DocReader::Doc& d) {
        if (d.damaged) throw StoreError(fmt::format("{}: document {} is damaged", path_, d.x.doc.id));
        doc_at[static_cast<uint32_t>(d.row)] = static_cast<uint32_t>(c.docs.size());
        c.docs.push_back(std::move(d.x));
        c.actor_of.push_back(std::move(d.actor_of));
      });
      i = j;
    }
    // Evidence into the slice's documents, checked against them.
    auto link = [&](const std::vector<std::pair<uint32_t, uint32_t>>& ev, bool statement) {
      std::vector<EvidenceRef> out;
      for (const auto& [d, local] : ev) {
        auto it = doc_at.find(d);
        size_t have = it == doc_at.end() ? 0
                      : statement        ? c.docs[it->second].statements.size()
                                         : c.docs[it->second].events.size();
        if (local >= have) throw StoreError(fmt::format("{}: evidence points outside its article", path_));
        out.push_back({it->second, local});
      }
      if (out.empty()) throw StoreError(fmt::format("{}: an item without evidence", path_));
      return out;
    };
    for (size_t i = 0; i < c.statements.size(); ++i) c.statements[i].evidence = link(stmt_ev[i], true);
    for (size_t i = 0; i < c.events.size(); ++i) c.events[i].evidence = link(event_ev[i], false);
    for (auto& list : c.actor_of)
      for (uint32_t& a : list)
        if (a >= c.actors.size()) throw StoreError(fmt::format("{}: an article's actor is not in the store", path_));
    return c;
  });
}

}  // namespace eventloom
