// Dating an article that came without a publication date.
//
// Candidates are the explicit full dates the text gives ("on February 13,
// 2025"), mostly in photo captions. A candidate is accepted only with
// corroboration from the article's own weekday references: news refers to
// its own day by weekday ("Ukrainians on Thursday worried"), so a body
// weekday ("on Thursday", not "last Thursday") equal to the candidate's
// weekday is strong evidence. A candidate is rejected when the text names a
// later full date, or a later year with only one agreeing weekday (then it
// is likely a file photo or a past event), and the evidence must single out
// one candidate; otherwise the article stays undated. Dates and weekdays in
// clauses about the future ("talks until March 31", "will meet on Friday")
// are neither candidates nor evidence. An article that reports, in the past
// tense, the day or two after its explicit date ("declared on March 4 ...
// the crossing remained closed on Wednesday") is dated to the latest of them.
#include <algorithm>
#include <map>

#include "eventloom/time.hpp"
#include "eventloom/timex_value.hpp"
#include "time/calendar.hpp"

namespace eventloom {
namespace {

// The year a date names: "2025-02-13", "2025-W07", "2025-Q1" (not a decade).
int year_of(const TimexValue& v) { return v.concrete() ? v.year : 0; }

}  // namespace

PublicationDateGuess infer_publication_date(const AnnotatedText& at) {
  PublicationDateGuess guess;
  std::vector<Timex> tx = tag_times(at, TimeOptions{});
  struct Candidate {
    boost::gregorian::date day;
    bool caption = false;
    int weekday_hits = 0;
  };
  std::vector<Candidate> cands;
  std::map<int, int> weekday_refs;  // ISO weekday -> references outside captions
  int latest_year = 0;
  for (const Timex& t : tx) {
    bool caption = t.paragraph < at.paragraphs.size() && at.paragraphs[t.paragraph].kind == ParagraphKind::Caption;
    if (t.future) continue;
    const TimexValue value = parse_timex(t.value);
    if (!t.relative) {
      if (auto d = parse_iso_day(t.value)) {  // a day named exactly ("2025-02-13", not "2025-02-13TNI")
        auto it = std::find_if(cands.begin(), cands.end(), [&](const Candidate& c) { return c.day == *d; });
        if (it == cands.end()) cands.push_back({*d, caption, 0});
        else it->caption = it->caption || caption;
      }
      if (t.type == TimexType::Date) latest_year = std::max(latest_year, year_of(value));
    }
    // A bare weekday ("on Thursday"), not "last Thursday" or "Thursday night".
    bool bare = t.last_token == t.first_token + 1;
    if (!caption && bare && value.form == TimexForm::Partial && value.grain == TimexGrain::Day && value.weekday &&
        !value.week && !value.time)  // "XXXX-WXX-4"
      ++weekday_refs[value.weekday];
  }
  const Candidate* best = nullptr;
  bool tie = false;
  for (Candidate& c : cands) {
    bool later_day = std::any_of(cands.begin(), cands.end(), [&](const Candidate& o) { return o.day > c.day; });
    if (later_day) continue;
    c.weekday_hits = weekday_refs[timex::iso_weekday(c.day)];
    if (c.weekday_hits == 0) continue;
    // The text speaks of a later year: a file photo or a past event, unless
    // the weekdays agree more than once (a later year can be a plan: "by 2030").
    if (static_cast<int>(c.day.year()) < latest_year && c.weekday_hits < 2) continue;
    if (!best || c.weekday_hits > best->weekday_hits) {
      best = &c;
      tie = false;
    } else if (c.weekday_hits == best->weekday_hits) {
      tie = true;
    }
  }
  if (!best || tie) {
    guess.evidence = cands.empty() ? "no explicit date in the text"
                                   : "no explicit date is corroborated by the article's weekday references";
    return guess;
  }
  static const char* kDays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  guess.date = best->day;
  guess.evidence = std::string(best->caption ? "caption" : "text") + " date " + timex::fmt_day(best->day) + " (a " +
                   kDays[timex::iso_weekday(best->day)] + "), matched by " + std::to_string(best->weekday_hits) +
                   " weekday reference(s) in the body";
  // A weekday one or two days later, told in the past, is the newer day: as
  // a week-old day it would be five or six days back.
  for (int o = 2; o >= 1; --o) {
    auto later = timex::add_days(best->day, o);
    if (!later || weekday_refs[timex::iso_weekday(*later)] == 0) continue;
    guess.date = *later;
    guess.evidence += ", and " + std::string(kDays[timex::iso_weekday(*later)]) + " after it: " + timex::fmt_day(*later);
    break;
  }
  return guess;
}

}  // namespace eventloom
