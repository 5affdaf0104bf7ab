// Durations, ages and frequencies.
#include "test_time_table.hpp"

TEST_CASE("durations and ages") {
  time_test::check_rows({
      {"The flight took eight hours.", "", "eight hours", "DURATION", "PT8H"},
      {"The war has lasted a decade.", "", "a decade", "DURATION", "P10Y"},
      {"Refugees lived in the camps for 2 1/2 years.", "", "2 1/2 years", "DURATION", "P2Y6M"},
      {"She will spend about 5 1/2 hours in Nairobi.", "", "5 1/2 hours", "DURATION", "PT5H30M"},
      {"But a minute and a half later, a pilot calls in.", "", "a minute and a half", "DURATION", "PT1M30S"},
      {"It escalated the nearly 33-month-old war.", "", "nearly 33-month-old", "DURATION", "P33M"},
      {"said 60-year-old Hryhoriy Buhoyets.", "", "60-year-old", "DURATION", "P60Y"},
      {"They talked for two weeks.", "", "two weeks", "DURATION", "P2W"},
      {"Sales rose in the first nine months.", "1989-11-02", "the first nine months", "DURATION", "P9M"},
      {"Stocks fell in the last twenty four hours.", "", "the last twenty four hours", "DURATION", "PT24H"},
      {"The index fell over the past three months.", "", "the past three months", "DURATION", "P3M"},
      {"It will take a couple of years.", "", "a couple of years", "DURATION", "P2Y"},
      {"The two sides have been at odds for decades.", "", "decades", "DURATION", "PXDE"},
      {"He signed a two-year contract.", "", "two-year", "DURATION", "P2Y"},
      {"The meeting lasted 15 minutes before it ended.", "", "15 minutes", "DURATION", "PT15M"},
      {"It came a day before the holiday.", "", "a day", "DURATION", "P1D"},
      {"The dispute dragged on for nearly forty years.", "", "nearly forty years", "DURATION", "P40Y"},
  });
}

TEST_CASE("frequencies") {
  time_test::check_rows({
      {"The paper is published daily.", "", "daily", "SET", "P1D"},
      {"The board meets every year.", "", "every year", "SET", "P1Y"},
      {"They meet every Friday.", "", "every Friday", "SET", "XXXX-WXX-5"},
      {"It costs $5 a year.", "", "a year", "SET", "P1Y"},
      {"The data are updated hourly.", "", "hourly", "SET", "PT1H"},
  });
}

TEST_CASE("ages can be left out, as TimeBank does") {
  eventloom::AnnotatedText at = eventloom::analyze_text("said 60-year-old Hryhoriy Buhoyets.");
  eventloom::TimeOptions opt;
  opt.ages = false;
  CHECK(eventloom::tag_times(at, opt).empty());
  opt.ages = true;
  CHECK(eventloom::tag_times(at, opt).size() == 1);
}
