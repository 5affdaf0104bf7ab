// The command line: one testable entry, one small file per subcommand.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace eventloom::cli {

// Exit codes: 0 all inputs read, 1 some inputs skipped, 2 usage error.
enum Exit : int { kOk = 0, kSkipped = 1, kUsage = 2 };

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Each subcommand registers its options and returns the action to run.
struct Command {
  std::function<int(std::ostream& out, std::ostream& err)> action;
};
Command add_build(CLI::App& app);      // build.cpp
Command add_merge(CLI::App& app);      // merge.cpp
Command add_export(CLI::App& app);     // export.cpp
Command add_inspect(CLI::App& app);    // inspect.cpp
Command add_timeline(CLI::App& app);   // timeline.cpp
Command add_network(CLI::App& app);    // network.cpp
Command add_report(CLI::App& app);     // report.cpp
Command add_tag(CLI::App& app);        // tag.cpp
Command add_summary(CLI::App& app);    // summary.cpp
Command add_parse(CLI::App& app);      // tag.cpp

}  // namespace eventloom::cli
