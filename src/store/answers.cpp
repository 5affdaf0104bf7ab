// inspect's answers from a corpus in memory (what a JSON store reads back
// to): an actor's profile, the most central actors, the path between two.
// SqliteStore (query.cpp) gives the same answers from the store's tables.
#include <algorithm>
#include <map>

#include "eventloom/store.hpp"

namespace eventloom {

ActorProfile actor_profile(const Corpus& c, uint32_t id, size_t n) {
  ActorProfile p;
  p.actor = id;
  EventGraph eg = build_graph(c);
  const VertexProps& v = eg.g[eg.actor_vertex[id]];
  p.first_day = v.first_day;
  p.last_day = v.last_day;
  for (uint32_t x : c.actors[id].affiliations) p.affiliations.push_back(c.actors[x].name);
  // Statements said, newest first (by the day their date names).
  std::vector<uint32_t> said;
  for (uint32_t s = 0; s < c.statements.size(); ++s)
    if (c.statements[s].speaker == id) said.push_back(s);
  std::vector<std::string> day(said.size());
  for (size_t i = 0; i < said.size(); ++i) day[i] = timex_day(c.statements[said[i]].date);
  std::vector<size_t> order(said.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return day[x] > day[y]; });
  p.statements = said.size();
  for (size_t i = 0; i < order.size() && i < n; ++i) {
    const Statement& s = c.statements[said[order[i]]];
    const Document& d = c.docs[s.evidence[0].doc].doc;
    p.recent.push_back({s.date, s.kind, s.text, d.sources.empty() ? std::string() : d.sources[0].path.str()});
  }
  std::map<uint32_t, uint32_t> partners;
  for (GraphEdge e : ego_network(eg, id, 1).interactions) {
    uint32_t s = eg.g[boost::source(e, eg.g)].index, t = eg.g[boost::target(e, eg.g)].index;
    if (s == id && t != id) partners[t] += eg.g[e].count;
    if (t == id && s != id) partners[s] += eg.g[e].count;
  }
  p.partners.assign(partners.begin(), partners.end());
  std::stable_sort(p.partners.begin(), p.partners.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (p.partners.size() > 10) p.partners.resize(10);
  return p;
}

TopActors top_actors(const Corpus& c, size_t n) {
  TopActors t;
  t.actors = centrality(build_graph(c));
  t.interacting = t.actors.size();
  if (t.actors.size() > n) t.actors.resize(n);
  return t;
}

std::optional<std::vector<PathStepInfo>> actor_path(const Corpus& c, uint32_t from, uint32_t to) {
  EventGraph eg = build_graph(c);
  auto path = shortest_path(eg, from, to);
  if (!path) return std::nullopt;
  std::vector<PathStepInfo> out;
  for (const PathStep& st : *path) {
    const EdgeProps& e = eg.g[st.edge];
    PathStepInfo info{st.from, st.to, e.count, e.first_day, e.last_day, e.event_types, {}};
    for (uint32_t ev : e.events) {
      const Event& x = c.events[ev];
      const EvidenceRef& r = x.evidence[0];
      const DocExtraction& d = c.docs[r.doc];
      Span sent = d.events[r.local].sentence;
      std::string text = sent.start <= sent.end && sent.end <= d.doc.text.size()
                             ? d.doc.text.substr(sent.start, sent.size())
                             : std::string();
      info.items.push_back({true, x.date, x.type, std::move(text)});
    }
    for (uint32_t s : e.statements) info.items.push_back({false, c.statements[s].date, "", c.statements[s].text});
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace eventloom
