// eventloom summary STORE.json [-o timeline.md] [--dates K] [--sentences N]
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/summary.hpp"

namespace eventloom::cli {
namespace {

struct SummaryArgs {
  std::string input;
  std::string output = "-";
  std::string format;
  std::string title;
  size_t dates = 0;
  size_t sentences = SummaryOptions{}.sentences;
  FilterArgs filter;
};

enum class Kind { Json, Markdown, Html, Picture };

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// --format by name, else from the output's extension, else JSON.
std::optional<Kind> kind_of(const std::string& format, const std::string& output, RenderFormat& picture) {
  std::string f = format;
  if (f.empty()) {
    for (auto [ext, name] : {std::pair{".json", "json"}, {".md", "md"}, {".markdown", "md"}, {".html", "html"},
                             {".htm", "html"}, {".svg", "svg"}, {".png", "png"}, {".pdf", "pdf"}, {".dot", "dot"}, {".gv", "dot"}})
      if (ends_with(output, ext)) f = name;
    if (f.empty()) f = "json";
  }
  if (f == "json") return Kind::Json;
  if (f == "md" || f == "markdown") return Kind::Markdown;
  if (f == "html") return Kind::Html;
  if (std::optional<RenderFormat> r = parse_render_format(f)) {
    picture = *r;
    return Kind::Picture;
  }
  return std::nullopt;
}

int do_summary(const SummaryArgs& a, std::ostream& out, std::ostream& err) {
  RenderFormat picture = RenderFormat::Svg;
  std::optional<Kind> kind = kind_of(a.format, a.output, picture);
  if (!kind) {
    err << "eventloom: --format must be json, md, html, svg, png, pdf or dot, not '" << a.format << "'\n";
    return kUsage;
  }
  if (a.sentences == 0) {
    err << "eventloom: --sentences must be at least 1\n";
    return kUsage;
  }
  std::optional<Corpus> c = load_store(a.input, err);
  if (!c) return kSkipped;
  SummaryOptions opt;
  opt.dates = a.dates;
  opt.sentences = a.sentences;
  if (int rc = make_filter(*c, a.filter, opt.filter, err)) return rc;
  Summary s = summarize(*c, opt);
  for (const std::string& n : s.notes) err << "eventloom: note: " << a.input << ": " << n << "\n";
  Rendered r;
  switch (*kind) {
    case Kind::Json: r.data = summary_json(s); break;
    case Kind::Markdown: r.data = summary_markdown(*c, s, a.title); break;
    case Kind::Html: r = render_summary_html(*c, s, a.title); break;
    case Kind::Picture: r = render(summary_graph(*c, s, a.title), picture); break;
  }
  return write_output(a.output, r, out, err);
}

}  // namespace

Command add_summary(CLI::App& app) {
  auto args = std::make_shared<SummaryArgs>();
  CLI::App* sub = app.add_subcommand("summary", "The key days of a store and what happened on each, with sources");
  sub->add_option("graph", args->input, "A JSON store written by 'eventloom build --json'")->required();
  sub->add_option("-o,--output", args->output, "Output file (- for standard output)")->capture_default_str();
  sub->add_option("--format", args->format, "json, md, html, svg, png, pdf or dot (default: from the output's extension, else json)");
  sub->add_option("--title", args->title, "A title above the summary (md, html, svg)");
  sub->add_option("--dates", args->dates, "How many key days (0: chosen from the data)")->capture_default_str();
  sub->add_option("--sentences", args->sentences, "Sentences per day, at most")->capture_default_str();
  add_filter_options(sub, args->filter, true);
  return Command{[args](std::ostream& out, std::ostream& err) { return do_summary(*args, out, err); }};
}

}  // namespace eventloom::cli
