// libFuzzer target: reading a JSON graph store (read_json) from arbitrary
// bytes; what it reads must write back without trouble.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "eventloom/export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  eventloom::Diagnostics diag;
  eventloom::Corpus c = eventloom::read_json(json, diag, "fuzz.json");
  std::ostringstream out;
  eventloom::write_json(c, out);
  return 0;
}
