// Rendering benchmarks for the two size targets of issue 8:
//   a timeline of 5,000 items in under 2 s, a network of 1,000 actors in
//   under 5 s (DOT generation, Graphviz layout and SVG output together).
// The corpora are synthetic, made here: articles with events between
// actors drawn with a skewed (Zipf-like) popularity, dated over three years
// with clustered bursts, one in ten dated only to a month.
// Build and run with scripts/bench_render.sh.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "eventloom/graph.hpp"
#include "eventloom/render.hpp"

using namespace eventloom;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char* kTypes[] = {"01 MAKE PUBLIC STATEMENT", "03 EXPRESS INTENT TO COOPERATE", "04 CONSULT", "05 ENGAGE IN DIPLOMATIC COOPERATION",
                        "12 REJECT", "13 THREATEN", "16 REDUCE RELATIONS", "17 COERCE", "19 FIGHT", "08 YIELD"};

// `events` events in articles of `per_doc` events each, among `actors` actors.
Corpus synthetic(size_t events, size_t actors, size_t per_doc, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<double> w(actors);
  for (size_t i = 0; i < actors; ++i) w[i] = 1.0 / static_cast<double>(i + 1);
  std::discrete_distribution<size_t> pick(w.begin(), w.end());
  std::uniform_int_distribution<int> burst(0, 11), within(0, 40), type(0, 9), tenth(0, 9);
  boost::gregorian::date base(2022, 1, 10);
  std::vector<DocExtraction> docs;
  for (size_t made = 0, d = 0; made < events; ++d) {
    DocExtraction x;
    x.doc.id = "bench" + std::to_string(100000 + d);
    x.doc.title = "Synthetic article " + std::to_string(d);
    x.doc.format = "text";
    x.doc.sources.push_back({"bench.txt", 0, static_cast<uint32_t>(d + 1), "", "https://bench.example/" + std::to_string(d)});
    boost::gregorian::date day = base + boost::gregorian::days(burst(rng) * 90 + within(rng));
    x.doc.published = day;
    for (size_t k = 0; k < per_doc && made < events; ++k, ++made) {
      size_t a = made < actors ? made : pick(rng), b = pick(rng);  // every actor at least once
      if (a == b) b = (b + 1) % actors;
      std::string sentence = "Actor " + std::to_string(a) + " acted towards actor " + std::to_string(b) + ". ";
      uint32_t start = static_cast<uint32_t>(x.doc.text.size());
      x.doc.text += sentence;
      for (size_t id : {a, b}) {
        LocalActor la;
        la.name = "Actor " + std::to_string(id);
        la.type = id % 3 == 0 ? ActorType::Person : id % 3 == 1 ? ActorType::Gpe : ActorType::Org;
        la.aliases = {la.name};
        la.key = "actor " + std::to_string(id);
        x.actors.push_back(la);
      }
      LocalEvent e;
      e.type = kTypes[type(rng)];
      e.sentence = {start, static_cast<uint32_t>(x.doc.text.size() - 1)};
      e.trigger = {start, start + 5};
      boost::gregorian::date when = day - boost::gregorian::days(within(rng) % 5);
      std::string iso = boost::gregorian::to_iso_extended_string(when);
      e.date = tenth(rng) == 0 ? iso.substr(0, 7) : iso;
      e.participants = {{static_cast<uint32_t>(x.actors.size() - 2), ParticipantRole::Source},
                        {static_cast<uint32_t>(x.actors.size() - 1), ParticipantRole::Target}};
      x.events.push_back(e);
    }
    x.doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(x.doc.text.size())}, ParagraphKind::Body});
    docs.push_back(std::move(x));
  }
  return consolidate(std::move(docs));
}

void report(const char* what, const DotGraph& g, double build_s, double dot_s, double render_s, size_t bytes, double target) {
  double total = dot_s + render_s;
  std::printf("%-9s %5zu %s, %5zu edges | graph %.3f s | DOT %.3f s | Graphviz %s+SVG %.3f s | render total %.3f s (target < %.0f s: %s) | SVG %.1f MB\n",
              what, g.nodes, what[0] == 't' ? "items " : "actors", g.edges, build_s, dot_s, g.engine.c_str(), render_s, total, target,
              total < target ? "met" : "MISSED", static_cast<double>(bytes) / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  std::printf("corpora: timeline 5,000 events among 400 actors; network 6,000 events among 1,000 actors\n");
  Corpus tc = synthetic(5000, 400, 10, 7);
  Corpus nc = synthetic(6000, 1000, 10, 11);
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    EventGraph eg = build_graph(tc);
    double build_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    DotGraph g = timeline_graph(tc, eg, {});
    double dot_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    Rendered svg = render(g, RenderFormat::Svg);
    double render_s = seconds_since(t0);
    if (!svg.ok()) std::printf("timeline: %s\n", svg.error.c_str());
    report("timeline", g, build_s, dot_s, render_s, svg.data.size(), 2);

    t0 = std::chrono::steady_clock::now();
    EventGraph ng = build_graph(nc);
    build_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    NetworkOptions opt;
    opt.top = 0;
    DotGraph n = network_graph(nc, ng, opt);
    dot_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    Rendered nsvg = render(n, RenderFormat::Svg);
    render_s = seconds_since(t0);
    if (!nsvg.ok()) std::printf("network: %s\n", nsvg.error.c_str());
    report("network", n, build_s, dot_s, render_s, nsvg.data.size(), 5);
    if (r == 0 && argc > 2) {
      std::FILE* f = std::fopen((std::string(argv[2]) + "/bench_timeline.svg").c_str(), "wb");
      if (f) std::fwrite(svg.data.data(), 1, svg.data.size(), f), std::fclose(f);
      f = std::fopen((std::string(argv[2]) + "/bench_network.svg").c_str(), "wb");
      if (f) std::fwrite(nsvg.data.data(), 1, nsvg.data.size(), f), std::fclose(f);
    }
  }
  return 0;
}
