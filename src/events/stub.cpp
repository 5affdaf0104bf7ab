#include "eventloom/events.hpp"
namespace eventloom {
std::vector<LocalEvent> find_events(const EventInput&) { return {}; }
}  // namespace eventloom
