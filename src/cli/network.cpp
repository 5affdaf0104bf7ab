// eventloom network GRAPH.json -o network.svg
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "render/cli_support.hpp"

namespace eventloom::cli {
namespace {

struct NetworkArgs {
  std::string input;
  std::string output = "network.svg";
  std::string format;
  std::string ego;
  unsigned depth = NetworkOptions{}.depth;
  unsigned top = NetworkOptions{}.top;
  unsigned min_weight = NetworkOptions{}.min_weight;
  std::string title;
  render_support::FilterArgs filter;
};

int do_network(const NetworkArgs& a, std::ostream& out, std::ostream& err) {
  using namespace render_support;
  RenderFormat format;
  if (int rc = parse_format(a.format, a.output, format, err)) return rc;
  Corpus c;
  if (int rc = load_store(a.input, c, err)) return rc;
  GraphFilter filter;
  if (int rc = make_filter(c, a.filter, filter, err)) return rc;
  NetworkOptions opt;
  opt.top = a.top;
  opt.min_weight = a.min_weight;
  opt.depth = a.depth;
  opt.title = a.title;
  if (!a.ego.empty()) {
    uint32_t actor = 0;
    if (int rc = resolve_actor(c, a.ego, actor, err)) return rc;
    opt.ego = actor;
  }
  EventGraph eg = build_graph(c, filter);
  DotGraph g = network_graph(c, eg, opt);
  if (int rc = write_output(a.output, render(g, format), out, err)) return rc;
  if (g.nodes == 0) err << "eventloom: note: no interactions between actors match; the network is empty\n";
  return kOk;
}

}  // namespace

Command add_network(CLI::App& app) {
  auto args = std::make_shared<NetworkArgs>();
  CLI::App* sub = app.add_subcommand("network", "Draw the actors and their interactions");
  sub->add_option("graph", args->input, "A JSON store written by 'eventloom build --json'")->required();
  sub->add_option("-o,--output", args->output, "Output file (- for standard output)")->capture_default_str();
  sub->add_option("--format", args->format, "svg, png, pdf or dot (default: from the output's extension, else svg)");
  sub->add_option("--ego", args->ego, "Only this actor's neighbourhood (name or alias)");
  sub->add_option("--depth", args->depth, "--ego: interaction steps from the actor")->capture_default_str();
  sub->add_option("--top", args->top, "The most central actors (0: all)")->capture_default_str();
  sub->add_option("--min-weight", args->min_weight, "Only edges with at least this many interactions")->capture_default_str();
  sub->add_option("--title", args->title, "A title above the network");
  render_support::add_filter_options(sub, args->filter, false);
  return Command{[args](std::ostream& out, std::ostream& err) { return do_network(*args, out, err); }};
}

}  // namespace eventloom::cli
