// eventloom timeline GRAPH.json -o timeline.svg
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "render/cli_support.hpp"

namespace eventloom::cli {
namespace {

struct TimelineArgs {
  std::string input;
  std::string output = "timeline.svg";
  std::string format;
  std::string lanes = "actor";
  unsigned top = TimelineOptions{}.top;
  unsigned min_sources = 1;
  std::string title;
  render_support::FilterArgs filter;
};

int do_timeline(const TimelineArgs& a, std::ostream& out, std::ostream& err) {
  using namespace render_support;
  RenderFormat format;
  if (int rc = parse_format(a.format, a.output, format, err)) return rc;
  Corpus c;
  if (int rc = load_store(a.input, c, err)) return rc;
  GraphFilter filter;
  if (int rc = make_filter(c, a.filter, filter, err)) return rc;
  TimelineOptions opt;
  opt.lanes = a.lanes == "type" ? Lanes::Type : Lanes::Actor;
  opt.top = a.top;
  opt.min_sources = a.min_sources;
  opt.actors = filter.actors;
  opt.title = a.title;
  EventGraph eg = build_graph(c, filter);
  DotGraph g = timeline_graph(c, eg, opt);
  if (int rc = write_output(a.output, render(g, format), out, err)) return rc;
  if (g.nodes == 0) err << "eventloom: note: no dated statements or events match; the timeline is empty\n";
  return kOk;
}

}  // namespace

Command add_timeline(CLI::App& app) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* sub = app.add_subcommand("timeline", "Draw statements and events on a time axis, in lanes");
  sub->add_option("graph", args->input, "A JSON store written by 'eventloom build --json'")->required();
  sub->add_option("-o,--output", args->output, "Output file (- for standard output)")->capture_default_str();
  sub->add_option("--format", args->format, "svg, png, pdf or dot (default: from the output's extension, else svg)");
  sub->add_option("--lanes", args->lanes, "One lane per actor or per event type")
      ->check(CLI::IsMember({"actor", "type"}))
      ->capture_default_str();
  sub->add_option("--top", args->top, "Actor lanes: the most central actors (0: all)")->capture_default_str();
  sub->add_option("--min-sources", args->min_sources, "Only items reported in at least this many articles")->capture_default_str();
  sub->add_option("--title", args->title, "A title above the timeline");
  render_support::add_filter_options(sub, args->filter, true);
  return Command{[args](std::ostream& out, std::ostream& err) { return do_timeline(*args, out, err); }};
}

}  // namespace eventloom::cli
