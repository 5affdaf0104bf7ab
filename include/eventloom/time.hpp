// Time expressions: recognition and TIMEX3 normalisation.
//
// tag_times() reads the tokens of an article once and returns its time
// expressions with TimeML TIMEX3 types and values ("2024-11-21", "2024-06",
// "P3Y", "PRESENT_REF", "XXXX-WXX-4"), resolved against the publication date
// when there is one and left underspecified when there is none.
// infer_publication_date() dates an article that came without a date from
// the evidence in its own text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "eventloom/document.hpp"
#include "eventloom/text.hpp"

namespace eventloom {

enum class TimexType : uint8_t { Date, Time, Duration, Set };
const char* to_string(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

struct Timex {
  Span span;  // into the normalised text (AnnotatedText::norm)
  TimexType type = TimexType::Date;
  Interned value;  // TIMEX3 value (a corpus has few distinct: one copy each)
  uint32_t paragraph = 0;
  uint32_t first_token = 0;  // [first_token, last_token)
  uint32_t last_token = 0;
  bool relative = false;  // resolved against the publication date ("Thursday", "last month")
  bool future = false;    // its clause speaks of what is ahead ("will meet on Friday")
};

struct TimeOptions {
  std::optional<boost::gregorian::date> dct;  // the document creation time
  // Tag ages ("60-year-old", "33-month-old") as durations. The seed gold
  // wants them; TimeBank and AQUAINT never annotate ages (with this off,
  // AQUAINT strict F1 rises by about 2.4 points).
  bool ages = true;
};

std::vector<Timex> tag_times(const AnnotatedText& at, const TimeOptions& opt);

struct PublicationDateGuess {
  std::optional<boost::gregorian::date> date;
  std::string evidence;  // why, in words
};

// Date an article from its text: candidate days (explicit dates, captions)
// scored by the weekday and relative references of the body that agree.
PublicationDateGuess infer_publication_date(const AnnotatedText& at);

}  // namespace eventloom
