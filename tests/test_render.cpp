// Rendering: timeline, network and report on the examples and on small
// synthetic corpora. SVGs must be well-formed XML (xmllint), name the
// expected actors, put items in date order on the axis, compress long empty
// stretches, draw month-dated items as spans; graphs/ must be up to date.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/cli.hpp"
#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/render.hpp"
#include "eventloom/text.hpp"
#include "test_support.hpp"

using namespace eventloom;
using test_support::slurp;

namespace {

// A temporary directory for this run, removed at exit.
struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/eventloom_render_XXXXXX";
    const char* d = mkdtemp(tmpl);
    path = d ? d : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

std::string temp_dir() {
  static TempDir dir;
  return dir.path;
}

void spit(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

bool well_formed_xml(const std::string& data, const std::string& name) {
  std::string path = temp_dir() + "/" + name;
  spit(path, data);
  std::string cmd = "xmllint --noout '" + path + "' 2>/dev/null";
  return std::system(cmd.c_str()) == 0;
}

const Corpus& examples() { return test_support::examples_corpus(); }

// (day, x) of each item mark, in SVG order: ids are item_<YYYYMMDD>_<n>; the x is
// the ellipse's cx or the polygon's leftmost point.
std::vector<std::pair<std::string, double>> item_positions(const std::string& svg) {
  std::vector<std::pair<std::string, double>> out;
  size_t at = 0;
  while ((at = svg.find("id=\"item_", at)) != std::string::npos) {
    std::string d = svg.substr(at + 9, 8);
    std::string day = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
    size_t end = svg.find("</g>", at);
    size_t cx = svg.find("cx=\"", at), pts = svg.find("points=\"", at);
    double x = 0;
    if (cx < end && cx < pts) {
      x = std::atof(svg.c_str() + cx + 4);
    } else if (pts < end) {
      x = 1e18;
      size_t p = pts + 8, stop = svg.find('"', p);
      while (p < stop) {
        x = std::min(x, std::atof(svg.c_str() + p));
        p = svg.find(' ', p);
        if (p == std::string::npos || p > stop) break;
        ++p;
      }
    }
    out.emplace_back(day, x);
    at = end;
  }
  return out;
}

// A corpus built by hand: one article per event, with the given dates.
// With `bystander`, a third actor ("Gammaland") takes part in every event as neither source nor target.
Corpus synthetic(const std::vector<std::pair<std::string, std::string>>& events /* (TIMEX3 value, type) */,
                 bool bystander = false) {
  std::vector<DocExtraction> docs;
  for (size_t i = 0; i < events.size(); ++i) {
    DocExtraction x;
    x.doc.id = "doc" + std::to_string(1000 + i);
    x.doc.title = "Article <" + std::to_string(i) + "> & \"friends\"";
    x.doc.text = "Alphaland met Betaland in the capital.";
    x.doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(x.doc.text.size())}, ParagraphKind::Body});
    x.doc.published = boost::gregorian::date(2020, 1, 1);
    x.doc.sources.push_back({"synthetic.txt", 0, static_cast<uint32_t>(i + 1), "", "https://news.example/" + std::to_string(i)});
    x.doc.format = "text";
    for (const char* name : {"Alphaland", "Betaland", "Gammaland"}) {
      LocalActor a;
      a.name = name;
      a.type = ActorType::Gpe;
      a.aliases = {name};
      a.key = text::lower_ascii(name);
      x.actors.push_back(a);
    }
    LocalEvent e;
    e.type = events[i].second;
    e.trigger = {10, 13};
    e.sentence = {0, static_cast<uint32_t>(x.doc.text.size())};
    e.date = events[i].first;
    e.participants = {{0, ParticipantRole::Source}, {1, ParticipantRole::Target}};
    if (bystander) e.participants.push_back({2, ParticipantRole::Other});
    x.events.push_back(e);
    docs.push_back(std::move(x));
  }
  return consolidate(std::move(docs));
}

std::string svg_of(const DotGraph& g) {
  Rendered r = render(g, RenderFormat::Svg);
  REQUIRE(r.ok());
  return r.data;
}

int run_cli(std::vector<std::string> args, std::string* err_text = nullptr) {
  std::ostringstream out, err;
  int rc = cli::run(args, out, err);
  if (err_text) *err_text = err.str();
  return rc;
}

}  // namespace

TEST_CASE("timeline of the examples: well-formed, names the actors, items in date order") {
  const Corpus& c = examples();
  REQUIRE(!c.events.empty());
  EventGraph eg = build_graph(c);
  std::string svg = svg_of(timeline_graph(c, eg, {}));
  CHECK(well_formed_xml(svg, "timeline.svg"));
  CHECK(svg.find("Valdoria") != std::string::npos);
  CHECK(svg.find("Zarevia") != std::string::npos);
  CHECK(svg.find("Mar 2025") != std::string::npos);  // the first tick names month and year
  auto items = item_positions(svg);
  REQUIRE(items.size() >= 5);
  std::sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first < b.first : a.second < b.second; });
  for (size_t i = 1; i < items.size(); ++i) {
    INFO(items[i - 1].first << " at " << items[i - 1].second << ", " << items[i].first << " at " << items[i].second);
    if (items[i].first != items[i - 1].first) CHECK(items[i - 1].second < items[i].second);
  }
  // Every item has a tooltip.
  size_t tips = 0;
  for (size_t at = 0; (at = svg.find("xlink:title=", at)) != std::string::npos; ++at) ++tips;
  CHECK(tips >= items.size());
}

TEST_CASE("the timeline drawn from the lean graph (links = false) is the one drawn from the full graph") {
  const Corpus& c = examples();
  for (bool by_type : {false, true})
    for (const char* from : {"", "2025-03-10"}) {
      GraphFilter full;
      full.from = from;
      GraphFilter lean = full;
      lean.links = false;
      EventGraph a = build_graph(c, full), b = build_graph(c, lean);
      TimelineOptions opt;
      opt.lanes = by_type ? Lanes::Type : Lanes::Actor;
      INFO("lanes by type " << by_type << ", from '" << from << "'");
      CHECK(timeline_graph(c, b, opt).dot == timeline_graph(c, a, opt).dot);
      // Fewer vertices and edges, the same items at the same numbers.
      CHECK(boost::num_edges(b.g) < boost::num_edges(a.g));
      CHECK(b.statement_vertex == a.statement_vertex);
      CHECK(b.event_vertex == a.event_vertex);
      for (size_t i = 0; i < b.article_vertex.size(); ++i) CHECK(b.article_vertex[i] == EventGraph::kNone);
    }
}

TEST_CASE("timeline lanes per type, and the type filter") {
  const Corpus& c = examples();
  GraphFilter f;
  f.event_types = {"statement"};
  EventGraph eg = build_graph(c, f);
  TimelineOptions opt;
  opt.lanes = Lanes::Type;
  std::string svg = svg_of(timeline_graph(c, eg, opt));
  CHECK(well_formed_xml(svg, "types.svg"));
  CHECK(svg.find(">Statements<") != std::string::npos);
  size_t conflict_fills = 0;  // the legend's only: no conflict items
  for (size_t at = 0; (at = svg.find(std::string("fill=\"") + tone_colour(Tone::Conflict), at)) != std::string::npos; ++at) ++conflict_fills;
  CHECK(conflict_fills == 1);
}

TEST_CASE("no actor lane is drawn empty") {
  // Gammaland is in every event, but each goes to its source's lane first.
  Corpus c = synthetic({{"2020-01-05", "04 CONSULT"}, {"2020-01-20", "19 FIGHT"}, {"2020-02-03", "17 COERCE"}}, true);
  EventGraph eg = build_graph(c);
  std::string svg = svg_of(timeline_graph(c, eg, {}));
  CHECK(svg.find(">Alphaland<") != std::string::npos);
  CHECK(svg.find(">Gammaland<") == std::string::npos);
  // Lanes the user names are drawn, empty or not.
  TimelineOptions opt;
  for (uint32_t a = 0; a < c.actors.size(); ++a) opt.actors.push_back(a);
  CHECK(svg_of(timeline_graph(c, eg, opt)).find(">Gammaland<") != std::string::npos);
}

TEST_CASE("a long empty stretch is compressed and marked, and month dates are spans") {
  Corpus c = synthetic({{"2020-01-05", "04 CONSULT"}, {"2020-01-20", "19 FIGHT"}, {"2024-06", "03 EXPRESS INTENT TO COOPERATE"},
                        {"2024-06-10", "17 COERCE"}});
  EventGraph eg = build_graph(c);
  std::string svg = svg_of(timeline_graph(c, eg, {}));
  CHECK(well_formed_xml(svg, "gap.svg"));
  CHECK(svg.find("\xE2\x89\x88 4.4 years") != std::string::npos);
  auto items = item_positions(svg);
  REQUIRE(items.size() == 4);
  std::map<std::string, double> x;
  for (auto& [d, px] : items) x[d] = px;
  double early = x["2020-01-20"] - x["2020-01-05"], gap = x["2024-06-10"] - x["2020-01-20"];
  CHECK(gap < early * 20);  // 4.4 years is not drawn 100 times wider than 15 days
  CHECK(x["2024-06-01"] < x["2024-06-10"]);
  // The month-dated item is a polygon (a span), the others circles.
  size_t at = svg.find("id=\"item_20240601");
  REQUIRE(at != std::string::npos);
  CHECK(svg.find("<polygon", at) < svg.find("</g>", at));
  // Links to the source and escaped titles.
  CHECK(svg.find("https://news.example/") != std::string::npos);
  CHECK(svg.find("Article <") == std::string::npos);
}

TEST_CASE("a span covers the days its TIMEX3 value names: a weekend, a half year, some day of a month") {
  Corpus c = synthetic({{"2024-03-11", "04 CONSULT"}, {"2024-W12-WE", "19 FIGHT"}, {"2024-H2", "03 EXPRESS INTENT TO COOPERATE"},
                        {"2024-05", "17 COERCE"}, {"2024-05-XX", "16 REDUCE RELATIONS"}});
  EventGraph eg = build_graph(c);
  std::string dot = timeline_graph(c, eg, {}).dot;
  // An item's id holds its first day; a span's node its width.
  std::map<std::string, std::vector<double>> widths;
  for (size_t at = 0; (at = dot.find("id=\"item_", at)) != std::string::npos; ++at) {
    std::string day = dot.substr(at + 9, 8);
    size_t w = dot.find(" width=", at), end = dot.find('\n', at);
    widths[day].push_back(w < end ? std::atof(dot.c_str() + w + 7) : 0);
  }
  // The weekend of week 12 is Saturday 23 and Sunday 24 March (not the
  // whole week from Monday 18th), the second half of 2024 starts on 1 July
  // (not 1 January).
  CHECK(widths.count("20240323"));
  CHECK_FALSE(widths.count("20240318"));
  CHECK(widths.count("20240701"));
  CHECK_FALSE(widths.count("20240101"));
  // "2024-05-XX", some day of May, is drawn as May (not May to December).
  REQUIRE(widths["20240501"].size() == 2);
  CHECK(widths["20240501"][0] > 0);
  CHECK(widths["20240501"][0] == widths["20240501"][1]);
}

// Centred texts of the SVG with a given font size: (x, estimated half width).
std::vector<std::pair<double, double>> centred_texts(const std::string& svg, const std::string& size,
                                                     std::vector<std::string>* labels = nullptr) {
  std::vector<std::pair<double, double>> out;
  const std::string key = "font-size=\"" + size + "\"", open = "<text text-anchor=\"middle\" x=\"";
  for (size_t at = 0; (at = svg.find(open, at)) != std::string::npos;) {
    size_t end = svg.find("</text>", at), gt = svg.find('>', at);
    if (end == std::string::npos || gt > end) break;
    std::string tag = svg.substr(at, gt - at), label = svg.substr(gt + 1, end - gt - 1);
    at = end;
    if (tag.find(key) == std::string::npos) continue;
    size_t chars = 0;
    for (unsigned char ch : label) chars += (ch & 0xC0) != 0x80;
    // Helvetica averages about half an em a character; 0.55 em errs wide.
    out.emplace_back(std::atof(tag.c_str() + open.size()), 0.55 * std::atof(size.c_str()) * static_cast<double>(chars) / 2);
    if (labels) labels->push_back(label);
  }
  return out;
}

TEST_CASE("the label of a compressed stretch keeps clear of the tick labels") {
  // Days apart, then months of nothing: the first tick after the gap is
  // "11 Feb 2025", centred on the gap's right edge.
  Corpus c = synthetic({{"2024-11-20", "04 CONSULT"}, {"2024-11-27", "19 FIGHT"}, {"2025-02-11", "04 CONSULT"},
                        {"2025-02-14", "19 FIGHT"}});
  std::string svg = svg_of(timeline_graph(c, build_graph(c), {}));
  CHECK(well_formed_xml(svg, "gap_labels.svg"));
  std::vector<std::string> gap_labels;
  auto gaps = centred_texts(svg, "8.00", &gap_labels);
  auto ticks = centred_texts(svg, "9.00");
  REQUIRE(gaps.size() == 1);
  CHECK(gap_labels[0].rfind("\xE2\x89\x88 2 months", 0) == 0);
  REQUIRE(ticks.size() >= 4);
  for (auto& [tx, th] : ticks) {
    INFO("tick at " << tx << ", gap label at " << gaps[0].first);
    CHECK(std::abs(tx - gaps[0].first) >= th + gaps[0].second + 2);
  }
}

TEST_CASE("timeline axis ticks use years for a long story") {
  std::vector<std::pair<std::string, std::string>> ev;
  for (int y = 2010; y <= 2020; ++y) ev.push_back({std::to_string(y) + "-03-01", "04 CONSULT"});
  Corpus c = synthetic(ev);
  std::string svg = svg_of(timeline_graph(c, build_graph(c), {}));
  CHECK(svg.find(">2015<") != std::string::npos);
  CHECK(svg.find("\xE2\x89\x88") == std::string::npos);  // evenly spread: nothing compressed
}

TEST_CASE("network of the examples and an ego network") {
  const Corpus& c = examples();
  EventGraph eg = build_graph(c);
  DotGraph g = network_graph(c, eg, {});
  CHECK(g.nodes >= 2);
  std::string svg = svg_of(g);
  CHECK(well_formed_xml(svg, "network.svg"));
  CHECK(svg.find("Valdoria") != std::string::npos);
  CHECK(svg.find("Zarevia") != std::string::npos);
  ActorLookup v = find_actor(c, "Valdoria");
  REQUIRE(!v.actors.empty());
  NetworkOptions opt;
  opt.ego = v.actors.front();
  opt.depth = 1;
  DotGraph ego = network_graph(c, eg, opt);
  CHECK(ego.nodes >= 2);
  CHECK(ego.nodes <= g.nodes);
  CHECK(well_formed_xml(svg_of(ego), "ego.svg"));
  opt.min_weight = 100000;
  DotGraph none = network_graph(c, eg, opt);
  CHECK(none.edges == 0);
  CHECK(well_formed_xml(svg_of(none), "none.svg"));
}

TEST_CASE("report: self-contained, escaped, with both pictures") {
  Corpus c = synthetic({{"2021-05-01", "04 CONSULT"}, {"2021-05-03", "19 FIGHT"}});
  ReportOptions opt;
  opt.title = "<script>alert(1)</script>";
  Rendered r = render_report(c, opt);
  REQUIRE(r.ok());
  const std::string& h = r.data;
  CHECK(h.find("<script") == std::string::npos);
  CHECK(h.find("&lt;script&gt;") != std::string::npos);
  CHECK(h.find("<link") == std::string::npos);
  CHECK(h.find(" src=") == std::string::npos);
  size_t first = h.find("<svg"), second = h.find("<svg", first + 1);
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(h.find("dated from <b>2021-05-01</b> to <b>2021-05-03</b>") != std::string::npos);
  CHECK(h.find("published from <b>2020-01-01</b> to <b>2020-01-01</b>") != std::string::npos);
  CHECK(h.find("Article &lt;0&gt; &amp; &quot;friends&quot;") != std::string::npos);
  CHECK(well_formed_xml(h.substr(first, h.find("</svg>", first) + 6 - first), "inline.svg"));
}

TEST_CASE("formats: dot as text, png and pdf through cairo, a clear error otherwise") {
  Corpus c = synthetic({{"2021-05-01", "04 CONSULT"}});
  DotGraph g = timeline_graph(c, build_graph(c), {});
  CHECK(render(g, RenderFormat::Dot).data == g.dot);
  Rendered png = render(g, RenderFormat::Png);
  if (png.ok())
    CHECK(png.data.substr(1, 3) == "PNG");
  else
    CHECK(png.error.find("cairo") != std::string::npos);
  Rendered pdf = render(g, RenderFormat::Pdf);
  if (pdf.ok()) CHECK(pdf.data.substr(0, 4) == "%PDF");
  CHECK(render_format_for("a/b.PNG") == RenderFormat::Png);
  CHECK(render_format_for("a.b/c") == RenderFormat::Svg);
  DotGraph bad{"graph { a -- ", "neato", 0, 0};
  CHECK(!render(bad, RenderFormat::Svg).ok());
}

TEST_CASE("CLI: timeline, network, errors") {
  Corpus c = synthetic({{"2021-05-01", "04 CONSULT"}, {"2021-05-03", "19 FIGHT"}});
  std::string store = temp_dir() + "/s.json";
  REQUIRE(write_file_atomic(store, [&](std::ostream& os) { write_json(c, os); }).empty());
  std::string err;
  CHECK(run_cli({"timeline", store, "-o", temp_dir() + "/t.svg", "--from", "2021-05", "--actor", "Alphaland"}, &err) == 0);
  CHECK(well_formed_xml(slurp(temp_dir() + "/t.svg"), "t2.svg"));
  CHECK(run_cli({"timeline", store, "-o", temp_dir() + "/t.dot"}) == 0);
  CHECK(slurp(temp_dir() + "/t.dot").find("graph timeline") != std::string::npos);
  CHECK(run_cli({"network", store, "-o", temp_dir() + "/n.svg", "--ego", "Betaland"}) == 0);
  CHECK(slurp(temp_dir() + "/n.svg").find("Alphaland") != std::string::npos);
  CHECK(run_cli({"timeline", store, "-o", temp_dir() + "/x.svg", "--actor", "Nowhere"}, &err) == 2);
  CHECK(err.find("no actor named 'Nowhere'") != std::string::npos);
  CHECK(run_cli({"timeline", store, "--format", "gif"}, &err) == 2);
  CHECK(run_cli({"timeline", store, "--from", "May 2021"}, &err) == 2);
  CHECK(run_cli({"timeline", store, "--lanes", "colour"}, &err) == 2);
  CHECK(run_cli({"network", temp_dir() + "/missing.json", "-o", temp_dir() + "/m.svg"}, &err) == 1);
  CHECK(err.find("eventloom: ") == 0);
}

TEST_CASE("graphs/ holds the current rendering of examples/") {
  // Render as scripts/render_graphs.sh does (relative paths, from the source
  // directory), into a temporary directory, and compare byte for byte.
  char cwd[4096];
  REQUIRE(getcwd(cwd, sizeof cwd));
  REQUIRE(chdir(EVENTLOOM_SOURCE_DIR) == 0);
  std::string t = temp_dir();
  CHECK(run_cli({"build", "examples", "--json", t + "/examples.json", "--quiet", "--jobs", "2"}) == 0);
  CHECK(run_cli({"timeline", t + "/examples.json", "-o", t + "/timeline.svg", "--title", "The Teskar Pass crisis (examples/)"}) == 0);
  CHECK(run_cli({"network", t + "/examples.json", "-o", t + "/network.svg", "--title", "The Teskar Pass crisis (examples/)"}) == 0);
  CHECK(run_cli({"report", "examples", "-o", t + "/report.html", "--title", "The Teskar Pass crisis (examples/)", "--jobs", "2"}) == 0);
  REQUIRE(chdir(cwd) == 0);
  for (const char* f : {"timeline.svg", "network.svg", "report.html"}) {
    INFO("graphs/" << f << " is out of date: run scripts/render_graphs.sh");
    std::string committed = slurp(std::string(EVENTLOOM_SOURCE_DIR) + "/graphs/" + f);
    CHECK(!committed.empty());
    CHECK(committed == slurp(t + "/" + f));
  }
}

TEST_CASE("the pictures do not depend on the fonts the machine maps Helvetica, Arial and sans-serif to") {
  // Graphviz measures every label with the font fontconfig picks for the
  // fontname. A machine with fonts-liberation2 (graphviz recommends it) maps
  // Helvetica and Arial to Liberation Sans, one without it to DejaVu Sans:
  // other widths, other bytes. The renderers name DejaVu Sans first, which
  // ./run installs (fonts-dejavu-core), so this test maps the fallbacks to
  // DejaVu Serif, far from any sans, and expects the same pictures.
  std::string resolved = temp_dir() + "/fc-match.txt";
  REQUIRE(std::system(("fc-match -f '%{family}' 'DejaVu Sans' > '" + resolved + "'").c_str()) == 0);
  {
    INFO("fontconfig resolves DejaVu Sans to " << slurp(resolved) << ": install fonts-dejavu-core (./run does)");
    REQUIRE(slurp(resolved).rfind("DejaVu Sans", 0) == 0);
  }

  const std::string conf = temp_dir() + "/serif-fallbacks.conf";
  std::string aliases;
  for (const char* family : {"Helvetica", "Arial", "Helvetica-Bold", "Arial-Bold", "sans-serif"})
    aliases += std::string("  <alias binding=\"strong\"><family>") + family +
               "</family><prefer><family>DejaVu Serif</family></prefer></alias>\n";
  spit(conf, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
             "  <include ignore_missing=\"no\">/etc/fonts/fonts.conf</include>\n" + aliases + "</fontconfig>\n");
  // fontconfig reads its configuration once per process: render in the binary.
  const std::string bin = std::string(EVENTLOOM_BINARY_DIR) + "/eventloom", t = temp_dir();
  REQUIRE(std::filesystem::exists(bin));
  REQUIRE(run_cli({"build", std::string(EVENTLOOM_SOURCE_DIR) + "/examples", "--json", t + "/fonts.json", "--quiet"}) == 0);
  for (const char* kind : {"timeline", "network"}) {
    std::string plain = t + "/" + kind + "-plain.svg", serif = t + "/" + kind + "-serif.svg";
    std::string cmd = bin + " " + kind + " '" + t + "/fonts.json' -o ";
    REQUIRE(std::system((cmd + "'" + plain + "'").c_str()) == 0);
    REQUIRE(std::system(("FONTCONFIG_FILE='" + conf + "' " + cmd + "'" + serif + "'").c_str()) == 0);
    INFO(kind << ": the layout changed with the fallback fonts");
    CHECK(!slurp(plain).empty());
    CHECK(slurp(plain) == slurp(serif));
  }
}

namespace {

// A generated story: `n` events among 40 actors over two months, a tenth of
// them dated only to a month, a few years away, each in an article of its own.
Corpus generated_events(size_t n) {
  const char* kTypes[] = {"04 CONSULT", "19 FIGHT", "03 EXPRESS INTENT TO COOPERATE", "17 COERCE", "05 ENGAGE IN DIPLOMATIC COOPERATION",
                          "12 REJECT"};
  uint64_t seed = 12345;
  auto next = [&](uint64_t m) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % m;
  };
  std::vector<DocExtraction> docs;
  for (size_t i = 0; i < n; ++i) {
    DocExtraction x;
    size_t a = next(40), b = (a + 1 + next(39)) % 40;
    std::string na = "Actor" + std::to_string(a * a % 41), nb = "Actor" + std::to_string(b * b % 41);
    x.doc.id = "gen" + std::to_string(100000 + i);
    x.doc.text = na + " met " + nb + " in report " + std::to_string(i) + ".";
    x.doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(x.doc.text.size())}, ParagraphKind::Body});
    x.doc.published = boost::gregorian::date(2021, 3, 1) + boost::gregorian::days(static_cast<long>(next(60)));
    x.doc.sources.push_back({"generated.jsonl", 0, static_cast<uint32_t>(i + 1), x.doc.id, ""});
    x.doc.format = "jsonl";
    for (const std::string& name : {na, nb}) {
      LocalActor la;
      la.name = name;
      la.type = ActorType::Gpe;
      la.aliases = {name};
      la.key = text::comparison_key(name);
      x.actors.push_back(la);
    }
    LocalEvent e;
    e.type = kTypes[next(6)];
    e.trigger = {static_cast<uint32_t>(na.size() + 1), static_cast<uint32_t>(na.size() + 4)};
    e.sentence = {0, static_cast<uint32_t>(x.doc.text.size())};
    uint64_t r = next(100);
    e.date = r < 2 ? "2015-06-0" + std::to_string(1 + next(9)) : r < 12 ? "2021-04" : format_date(*x.doc.published);
    e.participants = {{0, ParticipantRole::Source}, {1, ParticipantRole::Target}};
    x.events.push_back(e);
    docs.push_back(std::move(x));
  }
  return consolidate(std::move(docs));
}

// The text of each SVG group whose id starts with `prefix`: id -> text.
std::map<std::string, std::string> group_texts(const std::string& svg, const std::string& prefix) {
  std::map<std::string, std::string> out;
  const std::string key = "id=\"" + prefix;
  for (size_t at = 0; (at = svg.find(key, at)) != std::string::npos;) {
    size_t id_end = svg.find('"', at + 4), end = svg.find("</g>", at);
    std::string id = svg.substr(at + 4, id_end - at - 4);
    size_t t = svg.find("<text", at);
    std::string text;
    if (t < end) {
      size_t gt = svg.find('>', t), close = svg.find("</text>", t);
      text = svg.substr(gt + 1, close - gt - 1);
    }
    out[id] = text;
    at = end;
  }
  return out;
}

}  // namespace

TEST_CASE("a timeline of 5000 events: every mark is labelled or counted and the SVG stays small") {
  Corpus c = generated_events(5000);
  size_t expected = 0;
  for (const Event& e : c.events) expected += !e.restates_statement();
  REQUIRE(expected > 4000);
  EventGraph eg = build_graph(c);
  for (Lanes lanes : {Lanes::Actor, Lanes::Type}) {
    TimelineOptions opt;
    opt.lanes = lanes;
    DotGraph g = timeline_graph(c, eg, opt);
    std::string svg = svg_of(g);
    INFO("lanes " << (lanes == Lanes::Actor ? "actor" : "type"));
    CHECK(well_formed_xml(svg, "five_thousand.svg"));
    CHECK(svg.size() < 2'000'000);
    auto items = group_texts(svg, "item_");
    auto labels = group_texts(svg, "label_");
    auto more = group_texts(svg, "more_");
    CHECK(items.size() >= 50);
    CHECK(!more.empty());
    // Each drawn mark has its label, and each label is readable text.
    for (auto& [id, text] : items) {
      auto it = labels.find("label_" + id.substr(5));
      INFO(id);
      REQUIRE(it != labels.end());
      CHECK(it->second.size() >= 3);
    }
    CHECK(labels.size() == items.size());
    // Every other item is in a count: "+37 more", "+3 earlier", "+2 later".
    size_t counted = 0;
    for (auto& [id, text] : more) {
      INFO(id << ": " << text);
      REQUIRE(text.size() > 1);
      CHECK(text[0] == '+');
      size_t n = std::strtoul(text.c_str() + 1, nullptr, 10);
      CHECK(n > 0);
      std::string word = text.substr(text.find(' ') + 1);
      CHECK((word == "more" || word == "earlier" || word == "later"));
      counted += n;
    }
    CHECK(items.size() + counted == expected);
  }
}

TEST_CASE("statements drawn with the events, hidden, or alone") {
  const Corpus& c = examples();
  EventGraph eg = build_graph(c);
  // (statements, events) drawn: a statement's label quotes it.
  auto drawn = [&](StatementMode m) {
    TimelineOptions opt;
    opt.statements = m;
    opt.top = 0;
    std::string svg = svg_of(timeline_graph(c, eg, opt));
    size_t statements = 0, events = 0;
    for (auto& [id, text] : group_texts(svg, "label_")) {
      (void)id;
      (text.find("\xE2\x80\x9C") != std::string::npos ? statements : events)++;
    }
    return std::make_pair(statements, events);
  };
  auto shown = drawn(StatementMode::Show), hidden = drawn(StatementMode::Hide), only = drawn(StatementMode::Only);
  CHECK(shown.first > 0);
  CHECK(shown.second > 0);
  CHECK(hidden.first == 0);
  CHECK(hidden.second > 0);
  CHECK(only.first > 0);
  CHECK(only.second == 0);
}
