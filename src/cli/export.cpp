// eventloom export GRAPH.json --format F -o OUT
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"

namespace eventloom::cli {

Command add_export(CLI::App& app) {
  struct Args {
    std::string store, format = "graphml", out;
    FilterArgs filter;
    GexfVersion gexf = GexfVersion::V1_2draft;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("export", "Write a store (JSON or SQLite) as GraphML, GEXF, DOT, CSV or JSON");
  sub->add_option("store", a->store, kStoreHelp)->required();
  sub->add_option("-f,--format", a->format, "json, graphml, gexf, dot or csv (csv: OUT is a directory)")
      ->check(CLI::IsMember({"json", "graphml", "gexf", "dot", "csv"}))
      ->capture_default_str();
  sub->add_option("-o,--output", a->out, "Output file (a directory for csv)")->required();
  add_filter_options(sub, a->filter);
  add_gexf_version_option(sub, a->gexf);
  return Command{[a](std::ostream&, std::ostream& err) {
    std::optional<Corpus> c = load_store(a->store, err);
    if (!c) return static_cast<int>(kSkipped);
    GraphFilter f;
    if (int rc = make_filter(*c, a->filter, f, err)) return rc;
    if (a->format == "json" && f.active())
      err << "eventloom: note: --format json writes the whole store; --from, --to, --type and --actor apply to the "
             "other formats\n";
    std::string e = write_export(*c, a->format, a->out, f, a->gexf);
    if (!e.empty()) {
      err << "eventloom: " << e << "\n";
      return static_cast<int>(kSkipped);
    }
    return static_cast<int>(kOk);
  }};
}

}  // namespace eventloom::cli
