#include "eventloom/interned.hpp"

#include <deque>
#include <mutex>
#include <unordered_map>

namespace eventloom {

const std::string& Interned::empty_string() {
  static const std::string empty;
  return empty;
}

const std::string& Interned::intern(std::string_view s) {
  // Never freed: held by pointer wherever an Interned was made, and few.
  struct Pool {
    std::mutex mutex;
    std::deque<std::string> strings;  // stable addresses
    std::unordered_map<std::string_view, const std::string*> index;  // views into `strings`
  };
  static Pool& pool = *new Pool;
  std::lock_guard<std::mutex> lock(pool.mutex);
  auto it = pool.index.find(s);
  if (it != pool.index.end()) return *it->second;
  const std::string& kept = pool.strings.emplace_back(s);
  pool.index.emplace(kept, &kept);
  return kept;
}

}  // namespace eventloom
