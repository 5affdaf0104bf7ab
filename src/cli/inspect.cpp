// eventloom inspect GRAPH.json actor NAME | path A B | top [--n N] [--json]
//
// Answers the questions an analyst asks of a store: who is this actor (roles,
// aliases, affiliations, statements with dates, partners), how are two
// actors connected (the shortest chain of interactions and the events behind
// each step), and who is most central. Text for a terminal; --json for
// scripts.
#include <algorithm>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.hpp"
#include "cli/common.hpp"

namespace eventloom::cli {
namespace {

struct Args {
  std::string store;
  std::string actor;
  std::string a, b;
  size_t n = 20;
  bool json = false;
};

std::string shorten(std::string_view s, size_t max) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' ? ' ' : c);
  if (out.size() <= max) return out;
  size_t cut = out.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) cut = max;
  return out.substr(0, cut) + "...";
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string json_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_string(v[i]);
  return out + "]";
}

// One actor by name (chosen as choose_actor() does for every command), or a
// helpful message.
std::optional<uint32_t> resolve(const Corpus& c, const std::string& name, std::ostream& err) {
  ActorChoice ch = choose_actor(c, name);
  const ActorLookup& l = ch.lookup;
  if (ch.actor) {
    note_choice(c, ch, fmt::format("\"{}\"", name), err);
    return ch.actor;
  }
  if (l.actors.empty()) {
    err << fmt::format("eventloom: no actor called \"{}\" ({} actors in the store; try 'inspect STORE top')\n", name,
                       c.actors.size());
  } else {
    err << fmt::format("eventloom: \"{}\" is {}:\n", name,
                       l.exact ? "ambiguous; give one of these ids" : "not an actor's name; did you mean");
    for (size_t i = 0; i < l.actors.size() && i < 15; ++i) {
      const Actor& a = c.actors[l.actors[i]];
      err << fmt::format("  {} ({}, {}){}\n", a.name, to_string(a.type), a.id, a.roles.empty() ? "" : ", " + a.roles[0]);
    }
  }
  return std::nullopt;
}

const std::string& source_of(const Corpus& c, const EvidenceRef& e) {
  static const std::string none;
  const auto& d = c.docs[e.doc].doc;
  return d.sources.empty() ? none : d.sources[0].path;
}

int inspect_actor(const Corpus& c, const Args& a, std::ostream& out, std::ostream& err) {
  auto found = resolve(c, a.actor, err);
  if (!found) return kSkipped;
  uint32_t id = *found;
  const Actor& actor = c.actors[id];
  EventGraph eg = build_graph(c);
  const VertexProps& v = eg.g[eg.actor_vertex[id]];
  std::vector<std::string> affiliations;
  for (uint32_t x : actor.affiliations) affiliations.push_back(c.actors[x].name);
  // Statements said, newest first.
  std::vector<uint32_t> said;
  for (uint32_t s = 0; s < c.statements.size(); ++s)
    if (c.statements[s].speaker == id) said.push_back(s);
  auto day_of = [&](uint32_t s) {
    std::string d = timex_day(c.statements[s].date);
    return d;
  };
  std::stable_sort(said.begin(), said.end(), [&](uint32_t x, uint32_t y) { return day_of(x) > day_of(y); });
  EgoNetwork ego = ego_network(eg, id, 1);
  std::map<uint32_t, uint32_t> partners;
  for (GraphEdge e : ego.interactions) {
    uint32_t s = eg.g[boost::source(e, eg.g)].index, t = eg.g[boost::target(e, eg.g)].index;
    if (s == id && t != id) partners[t] += eg.g[e].count;
    if (t == id && s != id) partners[s] += eg.g[e].count;
  }
  std::vector<std::pair<uint32_t, uint32_t>> top(partners.begin(), partners.end());
  std::stable_sort(top.begin(), top.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (top.size() > 10) top.resize(10);
  size_t shown = std::min<size_t>(said.size(), a.n);

  if (a.json) {
    out << "{\"id\":" << json_string(actor.id) << ",\"name\":" << json_string(actor.name)
        << ",\"type\":" << json_string(to_string(actor.type)) << ",\"roles\":" << json_list(actor.roles)
        << ",\"aliases\":" << json_list(actor.aliases) << ",\"affiliations\":" << json_list(affiliations)
        << ",\"statements\":" << said.size() << ",\"first\":" << json_string(v.first_day)
        << ",\"last\":" << json_string(v.last_day) << ",\"partners\":[";
    for (size_t i = 0; i < top.size(); ++i)
      out << (i ? "," : "") << "{\"actor\":" << json_string(c.actors[top[i].first].name) << ",\"count\":" << top[i].second
          << "}";
    out << "],\"recent_statements\":[";
    for (size_t i = 0; i < shown; ++i) {
      const Statement& s = c.statements[said[i]];
      out << (i ? "," : "") << "{\"date\":" << json_string(s.date) << ",\"kind\":" << json_string(to_string(s.kind))
          << ",\"text\":" << json_string(s.text) << ",\"source\":" << json_string(source_of(c, s.evidence[0])) << "}";
    }
    out << "]}\n";
    return kOk;
  }
  out << fmt::format("{} ({})\n", actor.name, to_string(actor.type));
  if (!actor.roles.empty()) out << fmt::format("  roles:        {}\n", join(actor.roles, "; "));
  out << fmt::format("  aliases:      {}\n", join(actor.aliases, ", "));
  if (!affiliations.empty()) out << fmt::format("  affiliations: {}\n", join(affiliations, ", "));
  out << fmt::format("  statements:   {}\n", said.size());
  if (!v.first_day.empty()) out << fmt::format("  appears:      {} to {}\n", v.first_day, v.last_day);
  if (!top.empty()) {
    std::vector<std::string> t;
    for (auto& [p, n] : top) t.push_back(fmt::format("{} ({})", c.actors[p].name, n));
    out << fmt::format("  partners:     {}\n", join(t, ", "));
  }
  if (shown) out << "  recent statements:\n";
  for (size_t i = 0; i < shown; ++i) {
    const Statement& s = c.statements[said[i]];
    out << fmt::format("    {:<10}  {} \"{}\"\n               ({})\n", s.date.empty() ? "undated" : s.date,
                       s.kind == StatementKind::Direct ? "said" : "said that", shorten(s.text, 110),
                       source_of(c, s.evidence[0]));
  }
  return kOk;
}

int inspect_path(const Corpus& c, const Args& a, std::ostream& out, std::ostream& err) {
  auto from = resolve(c, a.a, err);
  auto to = resolve(c, a.b, err);
  if (!from || !to) return kSkipped;
  EventGraph eg = build_graph(c);
  auto path = shortest_path(eg, *from, *to);
  if (!path || path->empty()) {
    if (a.json)
      out << "{\"from\":" << json_string(c.actors[*from].name) << ",\"to\":" << json_string(c.actors[*to].name)
          << ",\"steps\":[]}\n";
    else
      out << fmt::format("{} and {} are not connected.\n", c.actors[*from].name, c.actors[*to].name);
    return kOk;
  }
  auto describe = [&](const PathStep& st) {
    const EdgeProps& e = eg.g[st.edge];
    std::vector<std::string> items;
    for (uint32_t ev : e.events) {
      const Event& x = c.events[ev];
      const EvidenceRef& r = x.evidence[0];
      const DocExtraction& d = c.docs[r.doc];
      Span sent = d.events[r.local].sentence;
      std::string_view text = sent.end <= d.doc.text.size() ? std::string_view(d.doc.text).substr(sent.start, sent.size())
                                                             : std::string_view();
      items.push_back(fmt::format("{} {}: \"{}\"", x.date.empty() ? "undated" : x.date, x.type, shorten(text, 90)));
    }
    for (uint32_t s : e.statements) {
      const Statement& x = c.statements[s];
      items.push_back(fmt::format("{} statement: \"{}\"", x.date.empty() ? "undated" : x.date, shorten(x.text, 70)));
    }
    return items;
  };
  if (a.json) {
    out << "{\"from\":" << json_string(c.actors[*from].name) << ",\"to\":" << json_string(c.actors[*to].name)
        << ",\"steps\":[";
    for (size_t i = 0; i < path->size(); ++i) {
      const PathStep& st = (*path)[i];
      const EdgeProps& e = eg.g[st.edge];
      out << (i ? "," : "") << "{\"from\":" << json_string(c.actors[st.from].name)
          << ",\"to\":" << json_string(c.actors[st.to].name) << ",\"count\":" << e.count
          << ",\"first\":" << json_string(e.first_day) << ",\"last\":" << json_string(e.last_day)
          << ",\"types\":" << json_list(e.event_types) << ",\"items\":" << json_list(describe(st)) << "}";
    }
    out << "]}\n";
    return kOk;
  }
  out << fmt::format("{} to {}: {} step{}\n", c.actors[*from].name, c.actors[*to].name, path->size(),
                     path->size() == 1 ? "" : "s");
  for (const PathStep& st : *path) {
    const EdgeProps& e = eg.g[st.edge];
    out << fmt::format("  {} -- {} ({} interaction{}, {})\n", c.actors[st.from].name, c.actors[st.to].name, e.count,
                       e.count == 1 ? "" : "s", join(e.event_types, ", "));
    auto items = describe(st);
    for (size_t i = 0; i < items.size() && i < 3; ++i) out << "      " << items[i] << "\n";
    if (items.size() > 3) out << fmt::format("      ... and {} more\n", items.size() - 3);
  }
  return kOk;
}

int inspect_top(const Corpus& c, const Args& a, std::ostream& out) {
  EventGraph eg = build_graph(c);
  std::vector<Centrality> cs = centrality(eg);
  const size_t interacting = cs.size();
  if (cs.size() > a.n) cs.resize(a.n);
  if (a.json) {
    out << "[";
    for (size_t i = 0; i < cs.size(); ++i)
      out << (i ? "," : "") << "{\"actor\":" << json_string(c.actors[cs[i].actor].name)
          << ",\"type\":" << json_string(to_string(c.actors[cs[i].actor].type)) << ",\"degree\":" << cs[i].degree
          << ",\"weight\":" << cs[i].weight << ",\"betweenness\":" << fmt::format("{:.4f}", cs[i].betweenness) << "}";
    out << "]\n";
    return kOk;
  }
  if (cs.size() < interacting)
    out << fmt::format("The {} most central of the {} actors that take part in an interaction ({} actors in the store):\n",
                       cs.size(), interacting, c.actors.size());
  else
    out << fmt::format("The {} actors that take part in an interaction, most central first ({} actors in the store):\n",
                       interacting, c.actors.size());
  out << fmt::format("{:>3}  {:<34} {:<7} {:>7} {:>7} {:>12}\n", "#", "actor", "type", "partners", "weight",
                     "betweenness");
  for (size_t i = 0; i < cs.size(); ++i)
    out << fmt::format("{:>3}  {:<34} {:<7} {:>7} {:>7} {:>12.1f}\n", i + 1, shorten(c.actors[cs[i].actor].name, 34),
                       to_string(c.actors[cs[i].actor].type), cs[i].degree, cs[i].weight, cs[i].betweenness);
  return kOk;
}

}  // namespace

Command add_inspect(CLI::App& app) {
  auto a = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("inspect", "Ask a JSON store about an actor, a path between two, or the top actors");
  sub->add_option("store", a->store, "A JSON store written by 'eventloom build --json'")->required();
  sub->add_flag("--json", a->json, "Answer in JSON");
  sub->require_subcommand(1);
  CLI::App* actor = sub->add_subcommand("actor", "Roles, aliases, statements and partners of one actor");
  actor->add_option("name", a->actor, "Any alias, case-insensitive")->required();
  actor->add_option("-n,--statements", a->n, "How many recent statements to show")->capture_default_str();
  actor->add_flag("--json", a->json, "Answer in JSON");
  CLI::App* path = sub->add_subcommand("path", "The shortest chain of interactions between two actors");
  path->add_option("from", a->a, "An actor")->required();
  path->add_option("to", a->b, "Another actor")->required();
  path->add_flag("--json", a->json, "Answer in JSON");
  CLI::App* top = sub->add_subcommand("top", "The most central actors");
  top->add_option("-n", a->n, "How many")->capture_default_str();
  top->add_flag("--json", a->json, "Answer in JSON");
  return Command{[a, actor, path](std::ostream& out, std::ostream& err) {
    std::optional<Corpus> c = load_store(a->store, err);
    if (!c) return static_cast<int>(kSkipped);
    if (actor->parsed()) return inspect_actor(*c, *a, out, err);
    if (path->parsed()) return inspect_path(*c, *a, out, err);
    return inspect_top(*c, *a, out);
  }};
}

}  // namespace eventloom::cli
