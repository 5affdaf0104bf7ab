// eventloom report (not written yet)
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace eventloom::cli {

Command add_report(CLI::App& app) {
  app.add_subcommand("report", "(not available yet)");
  return Command{[](std::ostream&, std::ostream& err) {
    err << "eventloom: 'report' is not available yet\n";
    return kUsage;
  }};
}

}  // namespace eventloom::cli
