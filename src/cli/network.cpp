// eventloom network (not written yet)
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace eventloom::cli {

Command add_network(CLI::App& app) {
  app.add_subcommand("network", "(not available yet)");
  return Command{[](std::ostream&, std::ostream& err) {
    err << "eventloom: 'network' is not available yet\n";
    return kUsage;
  }};
}

}  // namespace eventloom::cli
