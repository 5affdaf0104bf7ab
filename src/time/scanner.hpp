// The time-expression scanner (see tagger.cpp for the algorithm).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/time.hpp"
#include "time/calendar.hpp"
#include "time/lexicon.hpp"

namespace eventloom::timex {

// What the scanner knows about one token, computed once per document.
struct TokInfo {
  std::string_view low;           // lower case, an abbreviation's period removed
  const WordInfo* word = nullptr;  // lexicon entry, if any
  long num = -1;                  // value of an all-digit token of at most 9 digits
  uint8_t digits = 0;             // its number of digits
  uint16_t flags = 0;             // Token flags
  mutable Tense tense = Tense::None;  // the tense this word gives its clause (see Scanner::tense)
  mutable bool tense_known = false;
  bool may_start = false;         // can begin a time expression (the scan skips the rest)
};

struct Hit {
  uint32_t first = 0, end = 0;  // tokens [first, end)
  TimexType type = TimexType::Date;
  std::string value;
  bool relative = false;
};

// Where relative expressions point ("Friday" before the publication date,
// or after it when the clause speaks of the future). Near: the clause gives
// no tense, so the nearest occurrence, leaning to the past.
enum class Direction : uint8_t { Near, Past, Future, Last, Next, This };

class Scanner {
 public:
  Scanner(const AnnotatedText& at, const TimeOptions& opt);
  std::vector<Timex> run();

 private:
  // Token access that is safe past the end of the current sentence.
  const TokInfo& t(uint32_t i) const { return i < end_ ? toks_[i] : empty_; }
  bool is(uint32_t i, std::string_view w) const { return i < end_ && toks_[i].low == w; }
  WordKind kind(uint32_t i) const { return i < end_ && toks_[i].word ? toks_[i].word->kind : WordKind::None; }
  bool upper(uint32_t i) const;

  std::optional<Hit> match(uint32_t i);
  std::optional<Hit> prefixed(uint32_t i);
  std::optional<Hit> core(uint32_t i);
  std::optional<Hit> time_of_day(uint32_t i);
  std::optional<Hit> holiday(uint32_t i);
  std::optional<Hit> weekday_phrase(uint32_t i, Direction dir);
  std::optional<Hit> month_phrase(uint32_t i, Direction dir);
  std::optional<Hit> day_month(uint32_t i);
  std::optional<Hit> numeric(uint32_t i);
  std::optional<Hit> hyphenated(uint32_t i);
  std::optional<Hit> relative(uint32_t i);
  std::optional<Hit> quantity(uint32_t i);
  std::optional<Hit> quarter(uint32_t i);
  std::optional<Hit> deictic(uint32_t i);
  std::optional<Hit> the_phrase(uint32_t i);
  std::optional<Hit> anaphoric(uint32_t i);
  void note_reference(std::string_view value);
  std::optional<Hit> set(uint32_t i);
  std::optional<Hit> season(uint32_t i);

  // Parsers of pieces.
  bool number_at(uint32_t i, uint32_t& next, long& n, bool& known) const;
  bool year_at(uint32_t i, long& y) const;
  bool spelled_year_at(uint32_t i, uint32_t& next, long& y) const;
  bool any_year_at(uint32_t i, uint32_t& next, long& y) const;
  bool day_at(uint32_t i, long& d) const;
  bool month_at(uint32_t i, int& m) const;
  Direction sentence_direction(uint32_t i) const;
  Tense tense(uint32_t k) const;

  // Values.
  std::string weekday_value(int wd, Direction dir) const;
  std::string month_value(int m, Direction dir) const;
  std::string month_day_value(int m, long d, Direction dir) const;
  std::string shifted(Unit u, long n) const;  // the publication date moved by n units, at u's granularity
  std::string duration(Unit u, long n, bool known) const;
  std::string half_duration(Unit u, long n) const;
  std::string quarter_ref(int year_shift) const;
  std::string last_completed_quarter() const;
  void note_quarter(long y, int q);
  std::string year_value(long y) const { return fmt_year(y); }

  const AnnotatedText& at_;
  std::optional<date> dct_;
  bool ages_ = true;
  std::string lower_;
  std::vector<TokInfo> toks_;
  TokInfo empty_;
  uint32_t sent_first_ = 0, end_ = 0;
  // Document state, in reading order.
  std::optional<std::pair<long, int>> ref_quarter_;  // the last quarter named
  long last_year_ = 0;                               // the last year named
  std::optional<std::pair<long, int>> ref_month_;    // the last month named (any date)
  std::optional<date> ref_day_;                      // the last day named
};

}  // namespace eventloom::timex
