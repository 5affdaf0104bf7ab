#include "eventloom/statements.hpp"
namespace eventloom {
std::vector<LocalStatement> find_statements(const StatementInput&) { return {}; }
}  // namespace eventloom
