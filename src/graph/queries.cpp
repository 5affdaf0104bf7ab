// Queries over the event graph: actor lookup, timeline, ego network,
// shortest path and centrality.
//
// Walks over "interactions" treat each derived actor-actor edge as
// undirected (who acted on whom matters for the label, not for reachability).
// Breadth-first search visits neighbours in vertex order, so the path found
// among several of the same length is always the same one. Betweenness runs
// Boost's Brandes algorithm on an undirected graph of the actors alone.
#include <algorithm>
#include <deque>
#include <map>

#include <boost/graph/betweenness_centrality.hpp>

#include "eventloom/graph.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

bool is_interaction(const Graph& g, const GraphEdge& e) { return g[e].kind == EdgeKind::Interaction; }

// The interaction neighbours of v (either direction) with the edge, sorted
// by neighbour vertex.
std::vector<std::pair<Vertex, GraphEdge>> partners(const Graph& g, Vertex v) {
  std::vector<std::pair<Vertex, GraphEdge>> out;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
    if (is_interaction(g, *it)) out.emplace_back(boost::target(*it, g), *it);
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
    if (is_interaction(g, *it)) out.emplace_back(boost::source(*it, g), *it);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// Whole words of `hay` (folded) contain the folded words of `needle`.
bool contains_words(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    bool left = pos == 0 || hay[pos - 1] == ' ';
    size_t end = pos + needle.size();
    bool right = end == hay.size() || hay[end] == ' ';
    if (left && right) return true;
  }
  return false;
}

std::string words_key(std::string_view s) {
  std::string f = text::fold(s), out;
  for (char ch : f) {
    bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (word) out.push_back(ch);
    else if (!out.empty() && out.back() != ' ') out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string actor_name_key(std::string_view name) { return words_key(name); }
bool actor_key_contains(const std::string& hay, const std::string& needle) { return contains_words(hay, needle); }

ActorLookup find_actor(const Corpus& c, std::string_view name) {
  ActorLookup r;
  std::string key = words_key(name);
  if (key.empty()) return r;
  std::vector<uint32_t> exact, partial;
  for (uint32_t i = 0; i < c.actors.size(); ++i) {
    const Actor& a = c.actors[i];
    bool is_exact = words_key(a.name) == key || words_key(a.id) == key;
    bool is_partial = contains_words(words_key(a.name), key);
    for (const std::string& alias : a.aliases) {
      std::string k = words_key(alias);
      is_exact = is_exact || k == key;
      is_partial = is_partial || contains_words(k, key);
    }
    if (is_exact) exact.push_back(i);
    else if (is_partial) partial.push_back(i);
  }
  r.exact = !exact.empty();
  r.actors = r.exact ? std::move(exact) : std::move(partial);
  std::sort(r.actors.begin(), r.actors.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(c.actors[a].name, a) < std::tie(c.actors[b].name, b);
  });
  return r;
}

std::vector<TimelineEntry> actor_timeline(const EventGraph& eg, uint32_t actor) {
  std::vector<TimelineEntry> out;
  if (actor >= eg.actor_vertex.size() || eg.actor_vertex[actor] == EventGraph::kNone) return out;
  const Graph& g = eg.g;
  Vertex v = eg.actor_vertex[actor];
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    EdgeKind k = g[*it].kind;
    if (k == EdgeKind::Said || k == EdgeKind::Source || k == EdgeKind::Target || k == EdgeKind::Other)
      out.push_back({boost::target(*it, g), k, g[boost::target(*it, g)].first_day});
  }
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
    if (g[*it].kind == EdgeKind::Mentions) {
      Vertex s = boost::source(*it, g);
      bool own = g[s].speaker && *g[s].speaker == actor;  // already there as "said"
      if (!own) out.push_back({s, EdgeKind::Mentions, g[s].first_day});
    }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.day.empty() != b.day.empty()) return b.day.empty();
    return std::tie(a.day, a.vertex) < std::tie(b.day, b.vertex);
  });
  return out;
}

EgoNetwork ego_network(const EventGraph& eg, uint32_t actor, unsigned depth) {
  EgoNetwork r;
  if (actor >= eg.actor_vertex.size() || eg.actor_vertex[actor] == EventGraph::kNone) return r;
  const Graph& g = eg.g;
  std::map<Vertex, unsigned> dist;
  std::deque<Vertex> queue{eg.actor_vertex[actor]};
  dist[queue.front()] = 0;
  while (!queue.empty()) {
    Vertex v = queue.front();
    queue.pop_front();
    if (dist[v] >= depth) continue;
    for (const auto& [w, e] : partners(g, v))
      if (dist.emplace(w, dist[v] + 1).second) queue.push_back(w);
  }
  for (const auto& [v, d] : dist) r.actors.emplace_back(g[v].index, d);
  std::sort(r.actors.begin(), r.actors.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second, a.first) < std::tie(b.second, b.first);
  });
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    if (is_interaction(g, *it) && dist.count(boost::source(*it, g)) && dist.count(boost::target(*it, g)))
      r.interactions.push_back(*it);
  return r;
}

std::optional<std::vector<PathStep>> shortest_path(const EventGraph& eg, uint32_t a, uint32_t b) {
  auto vertex = [&](uint32_t i) { return i < eg.actor_vertex.size() ? eg.actor_vertex[i] : EventGraph::kNone; };
  Vertex va = vertex(a), vb = vertex(b);
  if (va == EventGraph::kNone || vb == EventGraph::kNone) return std::nullopt;
  const Graph& g = eg.g;
  std::map<Vertex, std::pair<Vertex, GraphEdge>> came_from;
  std::deque<Vertex> queue{va};
  came_from[va] = {va, GraphEdge()};
  while (!queue.empty() && !came_from.count(vb)) {
    Vertex v = queue.front();
    queue.pop_front();
    for (const auto& [w, e] : partners(g, v))
      if (came_from.emplace(w, std::make_pair(v, e)).second) queue.push_back(w);
  }
  std::vector<PathStep> steps;
  if (!came_from.count(vb) || va == vb) return steps;
  for (Vertex v = vb; v != va; v = came_from[v].first)
    steps.push_back({g[came_from[v].first].index, g[v].index, came_from[v].second});
  std::reverse(steps.begin(), steps.end());
  return steps;
}

namespace {

// Brandes' accumulation from the given sources over an unweighted undirected
// graph in adjacency lists, each source's dependencies scaled by `scale`.
std::vector<double> sampled_betweenness(const std::vector<std::vector<uint32_t>>& adj,
                                        const std::vector<uint32_t>& sources, double scale) {
  const size_t n = adj.size();
  std::vector<double> between(n, 0.0), sigma(n), delta(n);
  std::vector<int64_t> dist(n);
  std::vector<uint32_t> order;
  order.reserve(n);
  for (uint32_t s : sources) {
    std::fill(sigma.begin(), sigma.end(), 0.0);
    std::fill(delta.begin(), delta.end(), 0.0);
    std::fill(dist.begin(), dist.end(), -1);
    order.clear();
    sigma[s] = 1;
    dist[s] = 0;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {  // breadth first: `order` is the queue
      uint32_t v = order[head];
      for (uint32_t w : adj[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t k = order.size(); k-- > 1;) {  // farthest first; the source itself takes nothing
      uint32_t w = order[k];
      for (uint32_t v : adj[w])
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      between[w] += scale * delta[w];
    }
  }
  return between;
}

}  // namespace

std::vector<Centrality> centrality(const EventGraph& eg, const CentralityOptions& opt) {
  const Graph& g = eg.g;
  // The actors with an interaction, renumbered 0..n-1 in vertex order.
  std::map<Vertex, size_t> local;
  std::map<std::pair<size_t, size_t>, uint32_t> links;  // undirected, weight summed
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (!is_interaction(g, *it)) continue;
    local.emplace(boost::source(*it, g), 0);
    local.emplace(boost::target(*it, g), 0);
  }
  std::vector<Vertex> back;
  for (auto& [v, i] : local) {
    i = back.size();
    back.push_back(v);
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (!is_interaction(g, *it)) continue;
    size_t s = local[boost::source(*it, g)], t = local[boost::target(*it, g)];
    links[{std::min(s, t), std::max(s, t)}] += g[*it].count;
  }
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected u(back.size());
  std::vector<Centrality> out(back.size());
  for (size_t i = 0; i < back.size(); ++i) out[i].actor = g[back[i]].index;
  for (const auto& [pair, w] : links) {
    boost::add_edge(pair.first, pair.second, u);
    for (size_t end : {pair.first, pair.second}) {
      out[end].degree += 1;
      out[end].weight += w;
    }
  }
  std::vector<double> between(back.size(), 0.0);
  if (centrality_sampled(back.size(), opt)) {
    std::vector<std::vector<uint32_t>> adj(back.size());
    for (const auto& [pair, w] : links) {
      adj[pair.first].push_back(static_cast<uint32_t>(pair.second));
      adj[pair.second].push_back(static_cast<uint32_t>(pair.first));
    }
    const size_t k = std::clamp<size_t>(opt.samples, 1, back.size());
    std::vector<uint32_t> sources;
    for (size_t i = 0; i < k; ++i) sources.push_back(static_cast<uint32_t>(i * back.size() / k));
    // Halved, as Boost halves on an undirected graph: each pair is reached
    // from both of its ends.
    between = sampled_betweenness(adj, sources, static_cast<double>(back.size()) / static_cast<double>(k) / 2);
  } else if (!back.empty()) {
    boost::brandes_betweenness_centrality(
        u, boost::centrality_map(boost::make_iterator_property_map(between.begin(), boost::get(boost::vertex_index, u))));
  }
  for (size_t i = 0; i < back.size(); ++i) out[i].betweenness = between[i];
  std::sort(out.begin(), out.end(), [](const Centrality& a, const Centrality& b) {
    if (a.betweenness != b.betweenness) return a.betweenness > b.betweenness;
    if (a.degree != b.degree) return a.degree > b.degree;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.actor < b.actor;
  });
  return out;
}

}  // namespace eventloom
