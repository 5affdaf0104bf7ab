// The actor network: who interacts with whom, how often, and how.
//
// Actors are the vertices of the interaction graph (EdgeKind::Interaction,
// one edge per ordered pair); both directions of a pair are drawn as one
// undirected edge whose weight is the sum of their counts, coloured by the
// CAMEO class (statement, cooperation, conflict) of most of the statements
// and events behind it. Selection, in this order: the ego neighbourhood
// (when asked), edges below min_weight dropped, the `top` most central
// actors kept (the ego always), actors left without an edge dropped (but
// the ego). Node size grows with centrality (betweenness and interaction
// weight, each relative to the largest drawn); shape says the actor type.
// neato lays out small graphs, sfdp large ones; overlap=prism moves nodes
// (and so their labels, drawn inside them) apart.
#include <algorithm>
#include <cmath>
#include <map>

#include "eventloom/render.hpp"
#include "render/common.hpp"

namespace eventloom {
namespace {

using namespace render_detail;

constexpr size_t kNeatoLimit = 120;  // actors; above this sfdp

struct Pair {
  uint32_t count = 0;
  uint32_t tone[4] = {0, 0, 0, 0};
  std::string first_day, last_day;
};

const char* shape_of(ActorType t) {
  switch (t) {
    case ActorType::Person: return "ellipse";
    case ActorType::Org: return "box";
    case ActorType::Gpe: return "hexagon";
    case ActorType::Loc: return "diamond";
  }
  return "ellipse";
}

const char* fill_of(ActorType t) {
  switch (t) {
    case ActorType::Person: return "#fdf3d8";
    case ActorType::Org: return "#e3ecf7";
    case ActorType::Gpe: return "#e6f2e6";
    case ActorType::Loc: return "#eeeeee";
  }
  return "#eeeeee";
}

void widen(std::string& first, std::string& last, const std::string& a, const std::string& b) {
  if (!a.empty() && (first.empty() || a < first)) first = a;
  if (!b.empty() && (last.empty() || b > last)) last = b;
}

std::map<std::pair<uint32_t, uint32_t>, Pair> pairs_of(const Corpus& c, const EventGraph& eg) {
  std::map<std::pair<uint32_t, uint32_t>, Pair> pairs;
  for (auto e : boost::make_iterator_range(boost::edges(eg.g))) {
    const EdgeProps& p = eg.g[e];
    if (p.kind != EdgeKind::Interaction) continue;
    uint32_t a = eg.g[boost::source(e, eg.g)].index, b = eg.g[boost::target(e, eg.g)].index;
    if (a == b) continue;
    Pair& q = pairs[{std::min(a, b), std::max(a, b)}];
    q.count += p.count;
    q.tone[static_cast<int>(Tone::Statement)] += static_cast<uint32_t>(p.statements.size());
    for (uint32_t ev : p.events)
      if (ev < c.events.size()) ++q.tone[static_cast<int>(tone_of(c.events[ev].type))];
    widen(q.first_day, q.last_day, p.first_day, p.last_day);
  }
  return pairs;
}

Tone dominant(const Pair& p) {
  int best = 0;
  for (int t = 1; t < 4; ++t)
    if (p.tone[t] > p.tone[best]) best = t;
  return static_cast<Tone>(best);
}

}  // namespace

DotGraph network_graph(const Corpus& c, const EventGraph& eg, const NetworkOptions& opt) {
  std::vector<Centrality> cent = centrality(eg);
  std::vector<long> rank(c.actors.size(), -1);
  for (size_t i = 0; i < cent.size(); ++i)
    if (cent[i].actor < rank.size()) rank[cent[i].actor] = static_cast<long>(i);

  std::vector<char> keep(c.actors.size(), 0);
  std::optional<uint32_t> ego = opt.ego && *opt.ego < c.actors.size() ? opt.ego : std::nullopt;
  if (ego) {
    for (auto& [a, dist] : ego_network(eg, *ego, std::max(1u, opt.depth)).actors)
      if (a < keep.size()) keep[a] = 1;
    keep[*ego] = 1;
  } else {
    for (const Centrality& ce : cent)
      if (ce.actor < keep.size()) keep[ce.actor] = 1;
  }
  auto pairs = pairs_of(c, eg);
  for (auto it = pairs.begin(); it != pairs.end();)
    it = (it->second.count < opt.min_weight || !keep[it->first.first] || !keep[it->first.second]) ? pairs.erase(it) : std::next(it);

  // The top actors among those with an edge left, most central first.
  std::vector<char> linked(c.actors.size(), 0);
  for (auto& [k, p] : pairs) linked[k.first] = linked[k.second] = 1;
  std::vector<uint32_t> chosen;
  if (ego) chosen.push_back(*ego);
  for (const Centrality& ce : cent)
    if (ce.actor < linked.size() && linked[ce.actor] && keep[ce.actor] && (!ego || ce.actor != *ego)) chosen.push_back(ce.actor);
  if (opt.top && chosen.size() > opt.top) chosen.resize(opt.top);
  std::vector<char> drawn(c.actors.size(), 0);
  for (uint32_t a : chosen) drawn[a] = 1;
  for (auto it = pairs.begin(); it != pairs.end();)
    it = (!drawn[it->first.first] || !drawn[it->first.second]) ? pairs.erase(it) : std::next(it);
  std::fill(linked.begin(), linked.end(), 0);
  for (auto& [k, p] : pairs) linked[k.first] = linked[k.second] = 1;
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(), [&](uint32_t a) { return !linked[a] && (!ego || a != *ego); }),
               chosen.end());
  std::sort(chosen.begin(), chosen.end());

  double max_bet = 0, max_weight = 0, max_count = 1;
  for (uint32_t a : chosen)
    if (rank[a] >= 0) {
      max_bet = std::max(max_bet, cent[static_cast<size_t>(rank[a])].betweenness);
      max_weight = std::max(max_weight, static_cast<double>(cent[static_cast<size_t>(rank[a])].weight));
    }
  for (auto& [k, p] : pairs) max_count = std::max(max_count, static_cast<double>(p.count));

  const bool big = chosen.size() > kNeatoLimit;
  std::string o = "// eventloom network: render with `";
  o += big ? "sfdp" : "neato";
  o += " -Tsvg`\ngraph network {\n";
  o += "graph [bgcolor=\"white\" overlap=prism overlap_scaling=";
  o += big ? "-4" : "-2";
  o += " sep=\"+10\" splines=false outputorder=edgesfirst pad=\"0.3\" fontname=\"";
  o += kFontFamily;
  o += "\" fontsize=12";
  o += big ? " K=1.2 repulsiveforce=1.5 smoothing=none" : " mode=major maxiter=400 start=1";
  o += " labelloc=t labeljust=l label=" +
       dot_quote((opt.title.empty() ? std::string() : opt.title + "\n") +
                 "Size: centrality.  Shape: ellipse person, box organisation, hexagon country or government, diamond place.  "
                 "Edges: width by number of interactions; blue statements, green cooperation, red conflict.") +
       "]\n";
  o += std::string("node [style=filled color=\"#555555\" penwidth=1 fontname=\"") + kFontFamily +
       "\" margin=\"0.06,0.03\"]\n";
  o += "edge [penwidth=1]\n";
  for (uint32_t a : chosen) {
    const Actor& actor = c.actors[a];
    double s = 0;
    const Centrality* ce = rank[a] >= 0 ? &cent[static_cast<size_t>(rank[a])] : nullptr;
    if (ce) s = 0.6 * (max_bet > 0 ? ce->betweenness / max_bet : 0) + 0.4 * (max_weight > 0 ? ce->weight / max_weight : 0);
    s = std::sqrt(std::clamp(s, 0.0, 1.0));
    std::string name = clean_text(actor.name);
    std::string tip = name + " (" + to_string(actor.type) + ")";
    if (!actor.roles.empty()) tip += "\n" + clean_text(actor.roles.front());
    if (ce) tip += "\n" + std::to_string(ce->degree) + " partners, " + std::to_string(ce->weight) + " interactions";
    o += "a" + std::to_string(a) + " [label=" + dot_quote(shorten(name, 30)) + " shape=" + shape_of(actor.type) +
         " fillcolor=\"" + fill_of(actor.type) + "\" fontsize=" + num(9 + 11 * s, 1) + " width=" + num(0.3 + 0.9 * s, 2) +
         " height=" + num(0.2 + 0.5 * s, 2) + " tooltip=" + dot_quote(tip);
    if (ego && a == *ego) o += " penwidth=3 color=\"#222222\"";
    o += "]\n";
  }
  for (auto& [k, p] : pairs) {
    Tone t = dominant(p);
    std::string tip = clean_text(c.actors[k.first].name) + " \xE2\x80\x94 " + clean_text(c.actors[k.second].name) + ": " +
                      std::to_string(p.count) + " interaction" + (p.count == 1 ? "" : "s");
    std::string parts;
    for (Tone x : {Tone::Statement, Tone::Cooperation, Tone::Conflict, Tone::Other})
      if (p.tone[static_cast<int>(x)])
        parts += (parts.empty() ? "" : ", ") + std::to_string(p.tone[static_cast<int>(x)]) + " " + to_string(x);
    if (!parts.empty()) tip += " (" + parts + ")";
    if (!p.first_day.empty()) tip += "\n" + p.first_day + (p.last_day != p.first_day ? " to " + p.last_day : "");
    double width = 0.8 + 4.0 * std::log1p(p.count) / std::log1p(max_count);
    o += "a" + std::to_string(k.first) + " -- a" + std::to_string(k.second) + " [penwidth=" + num(width, 2) + " color=\"" +
         tone_colour(t) + "aa\" weight=" + std::to_string(p.count) + " tooltip=" + dot_quote(tip) + "]\n";
  }
  if (chosen.empty()) o += "empty [shape=plaintext style=\"\" label=\"No interactions between actors to show.\"]\n";
  o += "}\n";
  DotGraph g;
  g.dot = std::move(o);
  g.engine = big ? "sfdp" : "neato";
  g.nodes = chosen.size();
  g.edges = pairs.size();
  return g;
}

}  // namespace eventloom
