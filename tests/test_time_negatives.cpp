// False friends of time expressions, and bad input that must not crash or
// give absurd values.
#include "test_time_table.hpp"

#include <string>

TEST_CASE("words that look like time but are not") {
  time_test::check_absent({
      {"You may leave now if you want.", "may"},
      {"May I ask a question?", "May"},
      {"Thousands march in the capital.", "march"},
      {"March on, they shouted.", "March"},
      {"The missile flies at Mach 11.", "11"},
      {"Ukraine wants more F-16 jets.", "16"},
      {"Russia tested the RS-26 missile.", "26"},
      {"Call 555-2024 for details.", "2024"},
      {"Spending reached $15 trillion in 2023.", "15"},
      {"About 2,000 Latvian residents left.", "2,000"},
      {"Inflation rose 4% last year.", "4"},
      {"The final score was 2-1.", ""},
      {"June Carter sang.", "June"},
      {"They hired 2000 workers.", "2000"},
  });
}

TEST_CASE("the right part of a price sentence is tagged") {
  time_test::check_rows({{"Spending reached $15 trillion in 2023.", "", "2023", "DATE", "2023"}});
}

TEST_CASE("invalid dates give no value, never a crash") {
  time_test::check_absent({
      {"The ceasefire began on 32 March 2024.", "32"},
      {"The report is dated February 30.", "February 30"},
      {"They plan to finish by year 99999.", "99999"},
      {"The log says 19-Nov-12.", "19-Nov-12"},
  });
  std::string huge(10000, '7');
  eventloom::AnnotatedText at;
  auto found = time_test::tag("In " + huge + " years the sun will fade. " + huge + " days ago.", "2024-11-22", at);
  for (const auto& t : found) CHECK(t.value.size() < 20);
  // Relative arithmetic that would leave the calendar.
  found = time_test::tag("That was 9000 years ago, or 999999 years ago.", "2024-11-22", at);
  for (const auto& t : found) CHECK(t.value.find('-') == std::string::npos);
  found = time_test::tag("", "2024-11-22", at);
  CHECK(found.empty());
}
