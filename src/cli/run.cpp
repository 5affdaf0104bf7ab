#include "cli/cli.hpp"
namespace eventloom::cli {
int run(const std::vector<std::string>&, std::ostream&, std::ostream&) { return 0; }
}  // namespace eventloom::cli
