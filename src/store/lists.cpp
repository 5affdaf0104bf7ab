#include "store/lists.hpp"

#include <simdjson.h>

#include "export/json_internal.hpp"

namespace eventloom::store {

namespace {
template <typename S>
std::string strings_array(const std::vector<S>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(',');
    detail::append_json_string(out, v[i]);
  }
  return out + "]";
}
}  // namespace

std::string json_strings(const std::vector<std::string>& v) { return strings_array(v); }
std::string json_strings(const std::vector<Interned>& v) { return strings_array(v); }

std::string json_numbers(const std::vector<uint32_t>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(',');
    out += std::to_string(v[i]);
  }
  return out + "]";
}

std::string json_pairs(const std::vector<std::pair<uint32_t, std::string_view>>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    out += i ? ",[" : "[";
    out += std::to_string(v[i].first);
    out.push_back(',');
    detail::append_json_string(out, v[i].second);
    out.push_back(']');
  }
  return out + "]";
}

struct ListReader::Impl {
  simdjson::dom::parser parser;
  simdjson::dom::array parse(std::string_view json, bool& ok) {
    simdjson::dom::array a;
    ok = parser.parse(json.data(), json.size(), true).get(a) == simdjson::SUCCESS;
    return a;
  }
};

ListReader::ListReader() : impl_(new Impl) {}
ListReader::~ListReader() { delete impl_; }

std::optional<std::vector<std::string>> ListReader::strings(std::string_view json) {
  if (json == "[]") return std::vector<std::string>();
  bool ok = false;
  simdjson::dom::array a = impl_->parse(json, ok);
  if (!ok) return std::nullopt;
  std::vector<std::string> out;
  for (simdjson::dom::element e : a) {
    std::string_view s;
    if (e.get(s) != simdjson::SUCCESS) return std::nullopt;
    out.emplace_back(s);
  }
  return out;
}

std::optional<std::vector<uint32_t>> ListReader::numbers(std::string_view json) {
  if (json == "[]") return std::vector<uint32_t>();
  bool ok = false;
  simdjson::dom::array a = impl_->parse(json, ok);
  if (!ok) return std::nullopt;
  std::vector<uint32_t> out;
  for (simdjson::dom::element e : a) {
    uint64_t v = 0;
    if (e.get(v) != simdjson::SUCCESS || v > UINT32_MAX) return std::nullopt;
    out.push_back(static_cast<uint32_t>(v));
  }
  return out;
}

std::optional<std::vector<std::pair<uint32_t, std::string>>> ListReader::pairs(std::string_view json) {
  if (json == "[]") return std::vector<std::pair<uint32_t, std::string>>();
  bool ok = false;
  simdjson::dom::array a = impl_->parse(json, ok);
  if (!ok) return std::nullopt;
  std::vector<std::pair<uint32_t, std::string>> out;
  for (simdjson::dom::element e : a) {
    simdjson::dom::array pair;
    uint64_t n = 0;
    std::string_view s;
    if (e.get(pair) != simdjson::SUCCESS || pair.at(0).get(n) != simdjson::SUCCESS ||
        pair.at(1).get(s) != simdjson::SUCCESS || n > UINT32_MAX)
      return std::nullopt;
    out.emplace_back(static_cast<uint32_t>(n), std::string(s));
  }
  return out;
}

}  // namespace eventloom::store
