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
Command add_build(CLI::App& app);

}  // namespace eventloom::cli
