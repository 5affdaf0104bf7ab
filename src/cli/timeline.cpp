// eventloom timeline (not written yet)
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace eventloom::cli {

Command add_timeline(CLI::App& app) {
  app.add_subcommand("timeline", "(not available yet)");
  return Command{[](std::ostream&, std::ostream& err) {
    err << "eventloom: 'timeline' is not available yet\n";
    return kUsage;
  }};
}

}  // namespace eventloom::cli
