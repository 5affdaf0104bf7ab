// libFuzzer target: the time tagger and the publication-date guesser on
// arbitrary text, with and without a document date (the first two bytes
// choose one, so huge and odd dates are tried too).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eventloom/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  eventloom::TimeOptions opt;
  unsigned pick = data[0] | (data[1] << 8);
  if (pick % 3 != 0) {
    int year = 1400 + static_cast<int>(pick % 1000);  // 1400..2399
    opt.dct = boost::gregorian::date(static_cast<unsigned short>(year), 1 + pick % 12, 1 + pick % 28);
  }
  opt.ages = (pick & 1) != 0;
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  eventloom::AnnotatedText at = eventloom::analyze_text(text);
  for (const eventloom::Timex& t : eventloom::tag_times(at, opt))
    if (t.span.end > at.text().size() || t.span.start > t.span.end || t.value.empty()) std::abort();
  (void)eventloom::infer_publication_date(at);
  return 0;
}
