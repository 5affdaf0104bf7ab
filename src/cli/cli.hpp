// The command line: one testable entry, one small file per subcommand.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eventloom::cli {

// Exit codes: 0 all inputs read, 1 some inputs skipped, 2 usage error.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eventloom::cli
