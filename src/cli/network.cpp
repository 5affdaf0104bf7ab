// eventloom network GRAPH.json -o network.svg
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"

namespace eventloom::cli {
namespace {

struct NetworkArgs {
  PictureArgs picture;
  std::string ego;
  unsigned depth = NetworkOptions{}.depth;
  unsigned top = NetworkOptions{}.top;
  unsigned min_weight = NetworkOptions{}.min_weight;
};

int do_network(const NetworkArgs& a, std::ostream& out, std::ostream& err) {
  PictureInput in;
  if (int rc = prepare_picture(a.picture, in, err)) return rc;
  NetworkOptions opt;
  opt.top = a.top;
  opt.min_weight = a.min_weight;
  opt.depth = a.depth;
  opt.title = a.picture.title;
  if (!a.ego.empty()) {
    opt.ego = resolve_actor(in.corpus, a.ego, "--ego", err);
    if (!opt.ego) return kUsage;
  }
  EventGraph eg = build_graph(in.corpus, in.filter);
  DotGraph g = network_graph(in.corpus, eg, opt);
  if (int rc = write_output(a.picture.output, render(g, in.format), out, err)) return rc;
  if (g.nodes == 0) err << "eventloom: note: no interactions between actors match; the network is empty\n";
  return kOk;
}

}  // namespace

Command add_network(CLI::App& app) {
  auto args = std::make_shared<NetworkArgs>();
  CLI::App* sub = app.add_subcommand("network", "Draw the actors and their interactions");
  add_picture_options(sub, args->picture, "network", false);
  sub->add_option("--ego", args->ego, "Only this actor's neighbourhood (id, name or alias)");
  sub->add_option("--depth", args->depth, "--ego: interaction steps from the actor")->capture_default_str();
  sub->add_option("--top", args->top, "The most central actors (0: all)")->capture_default_str();
  sub->add_option("--min-weight", args->min_weight, "Only edges with at least this many interactions")->capture_default_str();
  return Command{[args](std::ostream& out, std::ostream& err) { return do_network(*args, out, err); }};
}

}  // namespace eventloom::cli
