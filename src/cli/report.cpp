// eventloom report INPUT... -o report.html
#include <algorithm>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/store.hpp"

namespace eventloom::cli {
namespace {

struct ReportArgs {
  std::vector<std::string> inputs;
  std::string output = "report.html";
  std::string title = ReportOptions{}.title;
  unsigned top = TimelineOptions{}.top;
  unsigned network_top = NetworkOptions{}.top;
  unsigned jobs = 0;
};

bool is_store(const std::string& path) {
  return (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) || is_sqlite_file(path);
}

// Every input a store (JSON, or SQLite whatever its name): read them back; otherwise build from the inputs.
int load(const ReportArgs& a, Corpus& c, std::ostream& err) {
  bool stores = std::all_of(a.inputs.begin(), a.inputs.end(), is_store);
  if (stores) {
    for (size_t i = 0; i < a.inputs.size(); ++i) {
      std::optional<Corpus> one = load_store(a.inputs[i], err);
      if (!one) return kSkipped;
      c = i == 0 ? std::move(*one) : merge_builds(std::move(c), std::move(*one));
    }
    return kOk;
  }
  BuildOptions opt;
  opt.jobs = a.jobs;
  BuildResult r = build_corpus(a.inputs, opt);
  bool skipped = false;
  for (const Diagnostic& d : r.diagnostics.items) {
    if (d.severity == Severity::Note) continue;
    skipped = true;
    err << "eventloom: " << to_string(d) << "\n";
  }
  if (r.corpus.docs.empty() && r.files_read == 0) {
    err << "eventloom: no input could be read; nothing written\n";
    return kSkipped;
  }
  c = std::move(r.corpus);
  return skipped ? kSkipped : kOk;
}

int do_report(const ReportArgs& a, std::ostream& out, std::ostream& err) {
  Corpus c;
  int status = load(a, c, err);
  if (status != kOk && c.docs.empty()) return status;
  ReportOptions opt;
  opt.title = a.title;
  opt.inputs = a.inputs;
  opt.timeline.top = a.top;
  opt.network.top = a.network_top;
  if (int rc = write_output(a.output, render_report(c, opt), out, err)) return rc;
  return status;
}

}  // namespace

Command add_report(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand("report", "Write one self-contained HTML report: timeline, network and tables");
  sub->add_option("inputs", args->inputs, "Articles (.txt, .html, .jsonl, directories) or stores (.json, SQLite)")->required();
  sub->add_option("-o,--output", args->output, "The HTML file to write (- for standard output)")->capture_default_str();
  sub->add_option("--title", args->title, "The report's title")->capture_default_str();
  sub->add_option("--top", args->top, "Timeline: actor lanes (0: all)")->capture_default_str();
  sub->add_option("--network-top", args->network_top, "Network: the most central actors (0: all)")->capture_default_str();
  sub->add_option("-j,--jobs", args->jobs, "Worker threads when building (0: all cores)")->capture_default_str();
  return Command{[args](std::ostream& out, std::ostream& err) { return do_report(*args, out, err); }};
}

}  // namespace eventloom::cli
