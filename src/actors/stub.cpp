#include <map>

#include "eventloom/actors.hpp"
namespace eventloom {
ActorExtraction find_actors(const AnnotatedText&) { return {}; }
std::string actor_key(std::string_view name, ActorType) { return text::fold(name); }
std::vector<uint32_t> cluster_actors(const std::vector<const LocalActor*>& actors) {
  std::map<std::pair<int, std::string>, uint32_t> ids;
  std::vector<uint32_t> out;
  for (const LocalActor* a : actors) {
    auto key = std::make_pair(static_cast<int>(a->type), a->key.empty() ? text::fold(a->name) : a->key);
    auto it = ids.emplace(key, static_cast<uint32_t>(ids.size())).first;
    out.push_back(it->second);
  }
  return out;
}
}  // namespace eventloom
