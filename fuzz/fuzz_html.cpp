// libFuzzer target: an HTML page on arbitrary bytes, as ingest reads a file
// (byte-order mark, declared charset and conversion, UTF-8 check, the
// nesting guard, Gumbo), and the HTML reader alone on the raw bytes. The
// seed corpus (fuzz/corpus/html/) holds deep nesting and declared charsets.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eventloom/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view content(reinterpret_cast<const char*>(data), size);
  eventloom::IngestResult file;
  eventloom::read_input("fuzz.html", content, file);
  eventloom::IngestResult raw;
  eventloom::read_html("fuzz.html", content, raw);
  return 0;
}
