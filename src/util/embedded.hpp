// Data files compiled into the library (see cmake/Embed.cmake).
#pragma once
#include <string_view>

namespace eventloom::data {
// The bytes of src/<name>, e.g. get("actors/data/roles.txt"); empty if absent.
std::string_view get(std::string_view name);
}  // namespace eventloom::data
