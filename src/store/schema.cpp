#include "store/schema.hpp"

#include "util/embedded.hpp"

namespace eventloom::store {

Schema schema() {
  std::string_view all = data::get("store/data/schema.sql");
  size_t cut = all.find("\n-- Indexes");
  if (cut == std::string_view::npos) cut = all.size();
  return {std::string(all.substr(0, cut)), std::string(all.substr(cut))};
}

}  // namespace eventloom::store
