#include "eventloom/time.hpp"
namespace eventloom {
const char* to_string(TimexType t) {
  switch (t) {
    case TimexType::Date: return "DATE";
    case TimexType::Time: return "TIME";
    case TimexType::Duration: return "DURATION";
    case TimexType::Set: return "SET";
  }
  return "DATE";
}
std::vector<Timex> tag_times(const AnnotatedText&, const TimeOptions&) { return {}; }
PublicationDateGuess infer_publication_date(const AnnotatedText&) { return {}; }
}  // namespace eventloom
