// eventloom timeline GRAPH.json -o timeline.svg
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"

namespace eventloom::cli {
namespace {

struct TimelineArgs {
  PictureArgs picture;
  std::string lanes = "actor";
  unsigned top = TimelineOptions{}.top;
  unsigned min_sources = 1;
  std::string statements = "show";
};

int do_timeline(const TimelineArgs& a, std::ostream& out, std::ostream& err) {
  PictureInput in;
  // A timeline draws actors by name: their aliases, roles and affiliations
  // are read only to find those --actor names.
  if (int rc = prepare_picture(a.picture, in, err, false)) return rc;
  TimelineOptions opt;
  opt.lanes = a.lanes == "type" ? Lanes::Type : Lanes::Actor;
  opt.top = a.top;
  opt.min_sources = a.min_sources;
  opt.statements = a.statements == "hide" ? StatementMode::Hide : a.statements == "only" ? StatementMode::Only : StatementMode::Show;
  opt.actors = in.filter.actors;
  opt.title = a.picture.title;
  GraphFilter lean = in.filter;  // the items and interactions: no articles, provenance or item edges
  lean.links = false;
  EventGraph eg = build_graph(in.corpus, lean);
  DotGraph g = timeline_graph(in.corpus, eg, opt);
  if (int rc = write_output(a.picture.output, render(g, in.format), out, err)) return rc;
  if (g.nodes == 0) err << "eventloom: note: no dated statements or events match; the timeline is empty\n";
  return kOk;
}

}  // namespace

Command add_timeline(CLI::App& app) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* sub = app.add_subcommand("timeline", "Draw statements and events on a time axis, in lanes");
  add_picture_options(sub, args->picture, "timeline", true);
  sub->add_option("--lanes", args->lanes, "One lane per actor or per event type")
      ->check(CLI::IsMember({"actor", "type"}))
      ->capture_default_str();
  sub->add_option("--top", args->top, "Actor lanes: the most central actors (0: all)")->capture_default_str();
  sub->add_option("--min-sources", args->min_sources, "Only items reported in at least this many articles")->capture_default_str();
  sub->add_option("--statements", args->statements, "Draw statements with the events, hide them, or draw only them")
      ->check(CLI::IsMember({"show", "hide", "only"}))
      ->capture_default_str();
  return Command{[args](std::ostream& out, std::ostream& err) { return do_timeline(*args, out, err); }};
}

}  // namespace eventloom::cli
