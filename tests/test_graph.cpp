// The event graph: model, queries and exports (GraphML and GEXF checked in NetworkX).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "eventloom/export.hpp"
#include "eventloom/graph.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/text.hpp"
#include "test_support.hpp"

using namespace eventloom;

namespace {

LocalActor person(const std::string& name) {
  LocalActor a;
  a.name = name;
  a.aliases = {name};
  a.key = text::lower_ascii(name);
  return a;
}

// Two articles: A meets B (04 CONSULT) on 2024-03-01; B attacks C on
// 2024-03-05; A says something naming B.
Corpus small_corpus() {
  DocExtraction d1;
  d1.doc.id = "a#1";
  d1.doc.text = "Alpha met Beta. Alpha said Beta is fine.";
  d1.doc.published = boost::gregorian::date(2024, 3, 2);
  d1.actors = {person("Alpha"), person("Beta")};
  d1.actors[0].aliases.push_back("Al Pha");
  LocalEvent meet;
  meet.type = "04 CONSULT";
  meet.date = "2024-03-01";
  meet.sentence = {0, 15};
  meet.trigger = {6, 9};
  meet.participants = {{0, ParticipantRole::Source}, {1, ParticipantRole::Target}};
  d1.events = {meet};
  LocalStatement st;
  st.speaker = 0;
  st.kind = StatementKind::Indirect;
  st.content = {27, 39};
  st.mentions = {1};
  d1.statements = {st};
  DocExtraction d2;
  d2.doc.id = "b#1";
  d2.doc.text = "Beta attacked Gamma.";
  d2.doc.published = boost::gregorian::date(2024, 3, 6);
  d2.actors = {person("Beta"), person("Gamma")};
  LocalEvent attack;
  attack.type = "19 FIGHT";
  attack.date = "2024-03-05";
  attack.sentence = {0, 20};
  attack.trigger = {5, 13};
  attack.participants = {{0, ParticipantRole::Source}, {1, ParticipantRole::Target}};
  d2.events = {attack};
  return consolidate({d1, d2});
}

uint32_t actor(const Corpus& c, const std::string& name) {
  ActorLookup l = find_actor(c, name);
  REQUIRE(l.unique());
  return l.actors[0];
}

size_t count_kind(const EventGraph& eg, EdgeKind k) {
  size_t n = 0;
  for (auto [it, end] = boost::edges(eg.g); it != end; ++it) n += eg.g[*it].kind == k;
  return n;
}

}  // namespace

TEST_CASE("build_graph makes typed vertices, edges and derived interactions") {
  Corpus c = small_corpus();
  REQUIRE(c.actors.size() == 3);
  EventGraph eg = build_graph(c);
  CHECK(boost::num_vertices(eg.g) == 3 + 1 + 2 + 2);
  CHECK(count_kind(eg, EdgeKind::Said) == 1);
  CHECK(count_kind(eg, EdgeKind::Mentions) == 1);
  CHECK(count_kind(eg, EdgeKind::Source) == 2);
  CHECK(count_kind(eg, EdgeKind::Target) == 2);
  CHECK(count_kind(eg, EdgeKind::ReportedIn) == 3);
  // Alpha -> Beta (event and statement), Beta -> Gamma.
  REQUIRE(count_kind(eg, EdgeKind::Interaction) == 2);
  auto [e, found] = boost::edge(eg.actor_vertex[actor(c, "alpha")], eg.actor_vertex[actor(c, "Beta")], eg.g);
  REQUIRE(found);
  CHECK(eg.g[e].count == 2);
  CHECK(eg.g[e].first_day == "2024-03-01");
  CHECK(eg.g[e].last_day == "2024-03-02");  // the statement, dated by its article
  CHECK(eg.g[e].event_types == std::vector<std::string>{"04 CONSULT", "statement"});
  const VertexProps& ev = eg.g[eg.event_vertex[0]];
  REQUIRE(ev.provenance.size() == 1);
  CHECK(ev.provenance[0].document == "a#1");
  CHECK(ev.provenance[0].trigger == Span{6, 9});
  CHECK(eg.g[eg.actor_vertex[actor(c, "Beta")]].first_day == "2024-03-01");
  CHECK(eg.g[eg.actor_vertex[actor(c, "Beta")]].last_day == "2024-03-06");
}

TEST_CASE("timex_day places TIMEX3 values on the calendar") {
  CHECK(timex_day("2024-11-21") == "2024-11-21");
  CHECK(timex_day("2024-06") == "2024-06-01");
  CHECK(timex_day("2024") == "2024-01-01");
  CHECK(timex_day("2024-11-21TNI") == "2024-11-21");
  CHECK(timex_day("2024-05-XX") == "2024-05-01");
  // A week, a weekend, a quarter, a half or a season starts on its own first
  // day, not on the first of January.
  CHECK(timex_day("2024-W12") == "2024-03-18");
  CHECK(timex_day("2024-W12-WE") == "2024-03-23");
  CHECK(timex_day("2021-W01") == "2021-01-04");
  CHECK(timex_day("2020-W53") == "2020-12-28");
  CHECK(timex_day("2024-Q3") == "2024-07-01");
  CHECK(timex_day("2024-H2") == "2024-07-01");
  CHECK(timex_day("2024-SU") == "2024-06-01");
  CHECK(timex_day("PRESENT_REF").empty());
  CHECK(timex_day("XXXX-WXX-4").empty());
  CHECK(timex_day("").empty());
  // No day: one that does not exist, a month that does not, a decade or a
  // century (too long to place an item on).
  CHECK(timex_day("2024-02-30").empty());
  CHECK(timex_day("2023-02-29").empty());
  CHECK(timex_day("2024-13").empty());
  CHECK(timex_day("199").empty());
  CHECK(timex_day("19").empty());
}

TEST_CASE("queries: lookup, timeline, ego network, path, centrality") {
  Corpus c = small_corpus();
  EventGraph eg = build_graph(c);
  ActorLookup alias = find_actor(c, "AL PHA");
  CHECK(alias.unique());
  ActorLookup none = find_actor(c, "Delta");
  CHECK(none.actors.empty());
  CHECK(find_actor(c, "").actors.empty());

  uint32_t a = actor(c, "Alpha"), b = actor(c, "Beta"), g = actor(c, "Gamma");
  auto tl = actor_timeline(eg, b);
  REQUIRE(tl.size() == 3);
  CHECK(tl[0].day == "2024-03-01");
  CHECK(tl[0].role == EdgeKind::Target);
  CHECK(tl[1].role == EdgeKind::Mentions);
  CHECK(tl[2].role == EdgeKind::Source);

  EgoNetwork ego1 = ego_network(eg, a, 1);
  CHECK(ego1.actors.size() == 2);
  EgoNetwork ego2 = ego_network(eg, a, 2);
  CHECK(ego2.actors.size() == 3);
  CHECK(ego2.interactions.size() == 2);

  auto path = shortest_path(eg, g, a);  // against the direction of the edges
  REQUIRE(path);
  REQUIRE(path->size() == 2);
  CHECK((*path)[0].from == g);
  CHECK((*path)[1].to == a);
  CHECK(eg.g[(*path)[1].edge].events.size() == 1);
  CHECK(!shortest_path(eg, a, 999));

  auto top = centrality(eg);
  REQUIRE(top.size() == 3);
  CHECK(top[0].actor == b);
  CHECK(top[0].degree == 2);
  CHECK(top[0].weight == 3);
  CHECK(top[0].betweenness > 0.0);
}

TEST_CASE("filters compose: date range, event type, actor") {
  Corpus c = small_corpus();
  GraphFilter f;
  f.from = "2024-03-04";
  EventGraph late = build_graph(c, f);
  CHECK(count_kind(late, EdgeKind::Interaction) == 1);  // Beta -> Gamma
  f.event_types = {"04"};
  CHECK(boost::num_edges(build_graph(c, f).g) == 0);  // both must hold
  GraphFilter by_actor;
  by_actor.actors = {actor(c, "Gamma")};
  by_actor.statements = false;
  EventGraph g = build_graph(c, by_actor);
  CHECK(count_kind(g, EdgeKind::Interaction) == 1);
  CHECK(g.actor_vertex[actor(c, "Alpha")] == EventGraph::kNone);
}

TEST_CASE("CSV tables quote by RFC 4180") {
  Corpus c = small_corpus();
  c.actors[0].name = "Alpha, \"the first\"";
  std::ostringstream ss;
  write_csv(build_graph(c), CsvTable::Actors, ss);
  std::string s = ss.str();
  CHECK(s.rfind("id,name,type,aliases,roles,first_day,last_day,statements\r\n", 0) == 0);
  CHECK(s.find("\"Alpha, \"\"the first\"\"\"") != std::string::npos);
}

namespace {

bool have(const char* cmd) { return std::system(cmd) == 0; }

}  // namespace

TEST_CASE("GEXF is 1.2draft unless 1.3 is asked for, dynamic in both") {
  EventGraph eg = build_graph(small_corpus());
  std::ostringstream plain, v12, v13;
  write_gexf(eg, plain);
  write_gexf(eg, v12, GexfVersion::V1_2draft);
  write_gexf(eg, v13, GexfVersion::V1_3);
  CHECK(plain.str() == v12.str());
  CHECK(v12.str().find("<gexf xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  CHECK(v12.str().find("http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">") != std::string::npos);
  CHECK(v13.str().find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(v13.str().find("http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">") != std::string::npos);
  // Only the root element differs: the days are start and end attributes of
  // the nodes and edges, which both versions read as closed intervals.
  auto body = [](const std::string& s) { return s.substr(s.find("<meta>")); };
  CHECK(body(v12.str()) == body(v13.str()));
  CHECK(v12.str().find("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">") != std::string::npos);
  CHECK(v12.str().find("start=\"2024-03-01\" end=\"2024-03-01\"") != std::string::npos);

  CHECK(parse_gexf_version("1.2") == GexfVersion::V1_2draft);
  CHECK(parse_gexf_version("1.2draft") == GexfVersion::V1_2draft);
  CHECK(parse_gexf_version("1.3") == GexfVersion::V1_3);
  CHECK_FALSE(parse_gexf_version("1.1draft"));
  CHECK_FALSE(parse_gexf_version(""));
  CHECK(std::string(to_string(GexfVersion::V1_3)) == "1.3");
}

TEST_CASE("GraphML and GEXF of the seeds load in NetworkX with the same counts", "[shared]") {
  auto files = test_support::shared_files("seeds", ".txt");
  if (files.empty()) SKIP_TEST("no seeds under " << test_support::shared_dir());
  Corpus c = build_corpus(files).corpus;
  // The seeds have no events yet: add the small corpus's so every kind of edge is exported.
  std::vector<DocExtraction> docs = std::move(c.docs);
  for (auto& d : small_corpus().docs) docs.push_back(d);
  c = consolidate(std::move(docs));
  EventGraph eg = build_graph(c);
  const size_t nv = boost::num_vertices(eg.g), ne = boost::num_edges(eg.g);
  std::map<std::string, int> ids;
  for (const std::string& id : export_node_ids(eg)) ids[id]++;
  for (const auto& [id, n] : ids) {
    INFO(id);
    CHECK(n == 1);
  }
  test_support::TempDir dir;
  std::string graphml = dir / "seeds.graphml", gexf = dir / "seeds.gexf", dot = dir / "seeds.dot";
  { std::ofstream o(graphml); write_graphml(eg, o); }
  { std::ofstream o(gexf); write_gexf(eg, o); }
  { std::ofstream o(dot); write_dot(eg, o); }

  // xmllint, Python with NetworkX and Graphviz's gc come with ./run's packages
  // (libxml2-utils, python3-networkx, graphviz): without them this fails.
  REQUIRE(have("xmllint --version >/dev/null 2>&1"));
  CHECK(std::system(("xmllint --noout '" + gexf + "'").c_str()) == 0);
  CHECK(std::system(("xmllint --noout '" + graphml + "'").c_str()) == 0);
  {
    INFO(EVENTLOOM_PYTHON " cannot import networkx: install python3-networkx (./run does)");
    REQUIRE(have("'" EVENTLOOM_PYTHON "' -c 'import networkx' >/dev/null 2>&1"));
  }
  std::string load = "'" EVENTLOOM_PYTHON "' '" EVENTLOOM_SOURCE_DIR "/tests/load_exports.py' '" + graphml + "' '" +
                     gexf + "' " + std::to_string(nv) + " " + std::to_string(ne);
  CHECK(std::system(load.c_str()) == 0);
  // Graphviz's gc parses the DOT and counts it without laying it out (a
  // layout of this graph takes minutes and proves nothing more).
  REQUIRE(have("command -v gc >/dev/null"));
  std::string counts = dir / "counts.txt";
  CHECK(std::system(("gc -n -e '" + dot + "' > '" + counts + "'").c_str()) == 0);
  std::ifstream in(counts);
  size_t n = 0, e = 0;
  in >> n >> e;
  CHECK(n == nv);
  CHECK(e == ne);
}

TEST_CASE("a graph without items (GraphFilter::items = false) has the actors' days, interactions and centrality") {
  Corpus c = build_corpus({std::string(EVENTLOOM_SOURCE_DIR) + "/examples"}).corpus;
  REQUIRE(!c.events.empty());
  EventGraph full = build_graph(c);
  GraphFilter f;
  f.items = false;
  EventGraph lean = build_graph(c, f);
  CHECK(boost::num_vertices(lean.g) == c.actors.size());
  CHECK(boost::num_edges(lean.g) < boost::num_edges(full.g));
  for (size_t i = 0; i < c.actors.size(); ++i) {
    CHECK(lean.g[lean.actor_vertex[i]].first_day == full.g[full.actor_vertex[i]].first_day);
    CHECK(lean.g[lean.actor_vertex[i]].last_day == full.g[full.actor_vertex[i]].last_day);
  }
  for (auto v : {lean.statement_vertex, lean.event_vertex, lean.article_vertex})
    CHECK(std::all_of(v.begin(), v.end(), [](Vertex x) { return x == EventGraph::kNone; }));
  // The interactions, in the same order with the same properties.
  auto interactions = [](const EventGraph& eg) {
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t, std::string, std::string, std::vector<std::string>>> out;
    for (auto [it, end] = boost::edges(eg.g); it != end; ++it) {
      const EdgeProps& p = eg.g[*it];
      if (p.kind == EdgeKind::Interaction)
        out.emplace_back(eg.g[boost::source(*it, eg.g)].index, eg.g[boost::target(*it, eg.g)].index, p.count,
                         p.first_day, p.last_day, p.event_types);
    }
    return out;
  };
  REQUIRE(!interactions(full).empty());
  CHECK(interactions(lean) == interactions(full));
  std::vector<Centrality> a = centrality(full), b = centrality(lean);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].actor == b[i].actor);
    CHECK(a[i].degree == b[i].degree);
    CHECK(a[i].weight == b[i].weight);
    CHECK(a[i].betweenness == b[i].betweenness);
  }
}
