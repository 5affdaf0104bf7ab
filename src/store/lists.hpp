// The short lists the store keeps as JSON arrays in one column (an actor's
// aliases, a statement's mentions, an event's participants): written with
// the JSON store's escaping, read back with simdjson. A list that does not
// parse reads as nullopt, and the caller treats the row as damaged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eventloom/interned.hpp"

namespace eventloom::store {

std::string json_strings(const std::vector<std::string>& v);
std::string json_strings(const std::vector<Interned>& v);
std::string json_numbers(const std::vector<uint32_t>& v);
// [[number, "string"], ...]
std::string json_pairs(const std::vector<std::pair<uint32_t, std::string_view>>& v);

class ListReader {
 public:
  ListReader();
  ~ListReader();
  ListReader(const ListReader&) = delete;
  ListReader& operator=(const ListReader&) = delete;
  std::optional<std::vector<std::string>> strings(std::string_view json);
  std::optional<std::vector<uint32_t>> numbers(std::string_view json);
  std::optional<std::vector<std::pair<uint32_t, std::string>>> pairs(std::string_view json);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace eventloom::store
