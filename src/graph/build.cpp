// build_graph: the Corpus as a Boost adjacency list (see graph.hpp).
//
// One pass over statements and events decides what the filter keeps and
// accumulates the derived interactions in an ordered map keyed by (from, to)
// actor, so edges are added in a fixed order. Actors and articles become
// vertices first (all of them, or with an active filter only those that
// something kept touches), then statements, then events, then the edges.
#include <algorithm>
#include <map>

#include "eventloom/graph.hpp"
#include "eventloom/timex_value.hpp"

namespace eventloom {

const char* to_string(VertexKind k) {
  switch (k) {
    case VertexKind::Actor: return "actor";
    case VertexKind::Statement: return "statement";
    case VertexKind::Event: return "event";
    case VertexKind::Article: return "article";
  }
  return "actor";
}

const char* to_string(EdgeKind k) {
  switch (k) {
    case EdgeKind::Said: return "said";
    case EdgeKind::Mentions: return "mentions";
    case EdgeKind::Source: return "source";
    case EdgeKind::Target: return "target";
    case EdgeKind::Other: return "other";
    case EdgeKind::ReportedIn: return "reported_in";
    case EdgeKind::AffiliatedWith: return "affiliated_with";
    case EdgeKind::Interaction: return "interaction";
  }
  return "said";
}

std::string timex_day(std::string_view v) {
  TimexValue t = parse_timex(v);
  return t.concrete() ? t.first_iso() : std::string();
}

namespace {

void widen(std::string& first, std::string& last, const std::string& day) {
  if (day.empty()) return;
  if (first.empty() || day < first) first = day;
  if (last.empty() || day > last) last = day;
}

bool in_range(const GraphFilter& f, const std::string& day) {
  if (f.from.empty() && f.to.empty()) return true;
  if (day.empty()) return false;
  return (f.from.empty() || day >= f.from) && (f.to.empty() || day <= f.to);
}

bool type_wanted(const GraphFilter& f, std::string_view type) {
  if (f.event_types.empty()) return true;
  return std::any_of(f.event_types.begin(), f.event_types.end(),
                     [&](const std::string& t) { return !t.empty() && type.substr(0, t.size()) == t; });
}

bool involves(const GraphFilter& f, const std::vector<uint32_t>& actors) {
  if (f.actors.empty()) return true;
  for (uint32_t a : actors)
    if (std::find(f.actors.begin(), f.actors.end(), a) != f.actors.end()) return true;
  return false;
}

std::string published_day(const Corpus& c, uint32_t doc) {
  const auto& p = c.docs[doc].doc.published;
  return p ? format_date(*p) : std::string();
}

// The day a statement or event is placed on: its own date, else the day its
// first report was published.
std::string item_day(const Corpus& c, const std::string& date, const std::vector<EvidenceRef>& ev) {
  std::string d = timex_day(date);
  if (d.empty() && !ev.empty()) d = published_day(c, ev.front().doc);
  return d;
}

std::vector<uint32_t> statement_actors(const Statement& s) {
  std::vector<uint32_t> a = s.mentions;
  if (s.speaker) a.push_back(*s.speaker);
  return a;
}

std::vector<uint32_t> event_actors(const Event& e) {
  std::vector<uint32_t> a;
  for (const auto& p : e.participants) a.push_back(p.first);
  return a;
}

EdgeKind role_edge(ParticipantRole r) {
  return r == ParticipantRole::Source ? EdgeKind::Source : r == ParticipantRole::Target ? EdgeKind::Target : EdgeKind::Other;
}

struct Builder {
  const Corpus& c;
  const GraphFilter& f;
  EventGraph& eg;
  std::vector<std::string> statement_day, event_day;
  std::vector<char> keep_statement, keep_event, keep_actor, keep_article;
  std::map<std::pair<uint32_t, uint32_t>, EdgeProps> interactions;

  Builder(const Corpus& corpus, const GraphFilter& filter, EventGraph& out) : c(corpus), f(filter), eg(out) {}

  void choose() {
    const bool all = !f.active();
    keep_actor.assign(c.actors.size(), all);
    keep_article.assign(c.docs.size(), all);
    for (uint32_t a : f.actors)
      if (a < keep_actor.size()) keep_actor[a] = 1;
    statement_day.resize(c.statements.size());
    keep_statement.assign(c.statements.size(), 0);
    for (size_t i = 0; i < c.statements.size(); ++i) {
      const Statement& s = c.statements[i];
      statement_day[i] = item_day(c, s.date, s.evidence);
      keep_statement[i] = f.statements && in_range(f, statement_day[i]) && type_wanted(f, "statement") &&
                          involves(f, statement_actors(s));
      if (keep_statement[i]) touch(statement_actors(s), s.evidence);
    }
    event_day.resize(c.events.size());
    keep_event.assign(c.events.size(), 0);
    for (size_t i = 0; i < c.events.size(); ++i) {
      const Event& e = c.events[i];
      event_day[i] = item_day(c, e.date, e.evidence);
      keep_event[i] = in_range(f, event_day[i]) && type_wanted(f, e.type) && involves(f, event_actors(e));
      if (keep_event[i]) touch(event_actors(e), e.evidence);
    }
  }

  void touch(const std::vector<uint32_t>& actors, const std::vector<EvidenceRef>& ev) {
    for (uint32_t a : actors) keep_actor[a] = 1;
    for (const EvidenceRef& r : ev) keep_article[r.doc] = 1;
  }

  Vertex add(VertexProps p) { return boost::add_vertex(std::move(p), eg.g); }

  void add_vertices() {
    eg.actor_vertex.assign(c.actors.size(), EventGraph::kNone);
    eg.statement_vertex.assign(c.statements.size(), EventGraph::kNone);
    eg.event_vertex.assign(c.events.size(), EventGraph::kNone);
    eg.article_vertex.assign(c.docs.size(), EventGraph::kNone);
    for (uint32_t i = 0; i < c.actors.size(); ++i) {
      if (!keep_actor[i]) continue;
      const Actor& a = c.actors[i];
      VertexProps p;
      p.kind = VertexKind::Actor;
      p.index = i;
      p.id = a.id;
      p.label = a.name;
      p.type = to_string(a.type);
      if (f.links) {
        p.aliases = a.aliases;
        p.roles = a.roles;
      }
      eg.actor_vertex[i] = add(std::move(p));
    }
    if (!f.items) return;  // actors and interactions only: edge() skips the rest
    for (uint32_t i = 0; i < c.statements.size(); ++i)
      if (keep_statement[i]) eg.statement_vertex[i] = add(statement_props(i));
    for (uint32_t i = 0; i < c.events.size(); ++i)
      if (keep_event[i]) eg.event_vertex[i] = add(event_props(i));
    if (!f.links) return;  // no article vertices: edge() skips what would reach them
    for (uint32_t i = 0; i < c.docs.size(); ++i) {
      if (!keep_article[i]) continue;
      const Document& d = c.docs[i].doc;
      VertexProps p;
      p.kind = VertexKind::Article;
      p.index = i;
      p.id = d.id;
      p.label = d.title;
      p.type = d.format;
      p.first_day = p.last_day = published_day(c, i);
      eg.article_vertex[i] = add(std::move(p));
    }
  }

  VertexProps statement_props(uint32_t i) {
    const Statement& s = c.statements[i];
    VertexProps p;
    p.kind = VertexKind::Statement;
    p.index = i;
    p.id = s.id;
    p.label = s.text;
    p.type = to_string(s.kind);
    p.date = s.date;
    p.first_day = p.last_day = statement_day[i];
    p.speaker = s.speaker;
    if (f.links)
      for (const EvidenceRef& r : s.evidence) {
        const DocExtraction& x = c.docs[r.doc];
        p.provenance.push_back({x.doc.id, x.statements[r.local].content, x.statements[r.local].cue.value_or(Span{})});
      }
    return p;
  }

  VertexProps event_props(uint32_t i) {
    const Event& e = c.events[i];
    VertexProps p;
    p.kind = VertexKind::Event;
    p.index = i;
    p.id = e.id;
    p.label = e.type;
    p.type = e.type;
    p.date = e.date;
    p.first_day = p.last_day = event_day[i];
    if (f.links)
      for (const EvidenceRef& r : e.evidence) {
        const DocExtraction& x = c.docs[r.doc];
        p.provenance.push_back({x.doc.id, x.events[r.local].sentence, x.events[r.local].trigger});
      }
    return p;
  }

  void edge(Vertex a, Vertex b, EdgeKind k, const std::string& day) {
    if (a == EventGraph::kNone || b == EventGraph::kNone) return;
    if (!f.links && k != EdgeKind::AffiliatedWith) return;
    EdgeProps p;
    p.kind = k;
    p.first_day = p.last_day = day;
    boost::add_edge(a, b, std::move(p), eg.g);
  }

  void reported_in(Vertex v, const std::vector<EvidenceRef>& ev, const std::string& day) {
    if (!f.links) return;
    std::vector<uint32_t> docs;
    for (const EvidenceRef& r : ev) docs.push_back(r.doc);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    for (uint32_t d : docs) edge(v, eg.article_vertex[d], EdgeKind::ReportedIn, day);
  }

  void interact(uint32_t from, uint32_t to, const std::string& type, const std::string& day, bool is_event, uint32_t item) {
    if (from == to) return;
    auto [it, fresh] = interactions.try_emplace({from, to});
    EdgeProps& p = it->second;
    p.kind = EdgeKind::Interaction;
    p.count = fresh ? 1 : p.count + 1;
    widen(p.first_day, p.last_day, day);
    if (std::find(p.event_types.begin(), p.event_types.end(), type) == p.event_types.end()) p.event_types.push_back(type);
    (is_event ? p.events : p.statements).push_back(item);
  }

  void add_statement_edges(uint32_t i) {
    const Statement& s = c.statements[i];
    Vertex v = eg.statement_vertex[i];
    const std::string& day = statement_day[i];
    if (s.speaker) edge(eg.actor_vertex[*s.speaker], v, EdgeKind::Said, day);
    for (uint32_t m : s.mentions) {
      edge(v, eg.actor_vertex[m], EdgeKind::Mentions, day);
      if (s.speaker) interact(*s.speaker, m, "statement", day, false, i);
    }
    reported_in(v, s.evidence, day);
  }

  void add_event_edges(uint32_t i) {
    const Event& e = c.events[i];
    Vertex v = eg.event_vertex[i];
    const std::string& day = event_day[i];
    std::vector<uint32_t> sources, targets, others;
    for (const auto& [a, role] : e.participants) {
      edge(eg.actor_vertex[a], v, role_edge(role), day);
      (role == ParticipantRole::Source ? sources : role == ParticipantRole::Target ? targets : others).push_back(a);
    }
    if (!e.restates_statement())  // its statement already made these interactions
      for (uint32_t s : sources)
        for (uint32_t t : targets.empty() ? others : targets) interact(s, t, e.type, day, true, i);
    reported_in(v, e.evidence, day);
  }

  void add_edges() {
    for (uint32_t i = 0; i < c.statements.size(); ++i)
      if (keep_statement[i]) add_statement_edges(i);
    for (uint32_t i = 0; i < c.events.size(); ++i)
      if (keep_event[i]) add_event_edges(i);
    for (uint32_t i = 0; i < c.actors.size(); ++i)
      for (uint32_t to : c.actors[i].affiliations) edge(eg.actor_vertex[i], eg.actor_vertex[to], EdgeKind::AffiliatedWith, "");
    for (auto& [pair, p] : interactions) {
      std::sort(p.event_types.begin(), p.event_types.end());
      boost::add_edge(eg.actor_vertex[pair.first], eg.actor_vertex[pair.second], std::move(p), eg.g);
    }
  }

  // An actor's span: the days of what it said, took part in or was named in,
  // and of the articles it appears in.
  void actor_days() {
    for (uint32_t i = 0; i < c.statements.size(); ++i)
      if (keep_statement[i])
        for (uint32_t a : statement_actors(c.statements[i])) span_actor(a, statement_day[i]);
    for (uint32_t i = 0; i < c.events.size(); ++i)
      if (keep_event[i])
        for (uint32_t a : event_actors(c.events[i])) span_actor(a, event_day[i]);
    for (uint32_t d = 0; d < c.docs.size() && d < c.actor_of.size(); ++d) {
      if (!keep_article[d]) continue;
      std::string day = published_day(c, d);
      for (uint32_t a : c.actor_of[d]) span_actor(a, day);
    }
  }

  void span_actor(uint32_t a, const std::string& day) {
    Vertex v = eg.actor_vertex[a];
    if (v != EventGraph::kNone) widen(eg.g[v].first_day, eg.g[v].last_day, day);
  }
};

}  // namespace

// The graph is built in the object returned (named return value): Boost's
// adjacency_list has no move constructor, so a moved graph is a deep copy.
EventGraph build_graph(const Corpus& c, const GraphFilter& filter) {
  EventGraph eg;
  Builder b(c, filter, eg);
  b.choose();
  b.add_vertices();
  b.add_edges();
  b.actor_days();
  return eg;
}

}  // namespace eventloom
