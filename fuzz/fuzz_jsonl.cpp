// libFuzzer target: the JSON Lines reader, then format detection, on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eventloom/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view content(reinterpret_cast<const char*>(data), size);
  eventloom::IngestResult out;
  eventloom::read_jsonl("fuzz.jsonl", content, out);
  (void)eventloom::detect_format("fuzz", content);
  return 0;
}
