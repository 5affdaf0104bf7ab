// Relative expressions, resolved against the publication date, and left
// underspecified without one.
#include "test_time_table.hpp"

TEST_CASE("weekdays resolve to the nearest fitting day") {
  time_test::check_rows({
      {"Ukrainians on Thursday worried about the talks.", "2025-02-13", "Thursday", "DATE", "2025-02-13"},
      {"The Trump call with Putin on Wednesday surprised Kyiv.", "2025-02-13", "Wednesday", "DATE", "2025-02-12"},
      {"NATO will hold emergency talks Tuesday.", "2024-11-22", "Tuesday", "DATE", "2024-11-26"},
      {"Thursday's strike hit Dnipro.", "2024-11-22", "Thursday", "DATE", "2024-11-21"},
      {"The Kremlin said on Thursday it was ready.", "", "Thursday", "DATE", "XXXX-WXX-4"},
      {"He left last Friday.", "1998-03-04", "last Friday", "DATE", "1998-02-27"},
      {"They meet next Tuesday.", "1998-03-04", "next Tuesday", "DATE", "1998-03-10"},
      {"Rebels attacked Saturday night.", "1991-02-25", "Saturday night", "TIME", "1991-02-23TNI"},
  });
}

TEST_CASE("deictic words and calendar units") {
  time_test::check_rows({
      {"Shares fell yesterday.", "1989-10-27", "yesterday", "DATE", "1989-10-26"},
      {"The vote is today.", "1998-01-14", "today", "DATE", "1998-01-14"},
      {"He speaks tonight.", "1998-01-08", "tonight", "TIME", "1998-01-08TNI"},
      {"She spoke this morning.", "1998-02-06", "this morning", "TIME", "1998-02-06TMO"},
      {"Drones attacked overnight.", "2024-11-22", "overnight", "TIME", "2024-11-21TNI"},
      {"Prices are high now.", "1998-01-08", "now", "DATE", "PRESENT_REF"},
      {"Prices rose recently.", "1998-01-08", "recently", "DATE", "PAST_REF"},
      {"Sales rose last year.", "1998-01-08", "last year", "DATE", "1997"},
      {"Sales will rise next year.", "1998-01-08", "next year", "DATE", "1999"},
      {"Prices rose last month.", "1998-01-08", "last month", "DATE", "1997-12"},
      {"He resigned last week.", "1998-03-01", "last week", "DATE", "1998-W08"},
      {"The summit is this weekend.", "2025-02-13", "this weekend", "DATE", "2025-W07-WE"},
      {"He visited three years ago.", "2024-11-22", "three years ago", "DATE", "2021"},
      {"Sales were flat a year earlier.", "1998-01-08", "a year earlier", "DATE", "1997"},
      {"Sales rose earlier this year.", "1989-11-02", "earlier this year", "DATE", "1989"},
      {"This past June the talks failed.", "", "This past June", "DATE", "XXXX-06"},
      {"This past June the talks failed.", "2024-11-22", "This past June", "DATE", "2024-06"},
      {"He came back last fall.", "1999-01-10", "last fall", "DATE", "1998-FA"},
      {"Tension has grown in recent months.", "", "recent months", "DATE", "PAST_REF"},
      {"Costs will fall in the future.", "", "the future", "DATE", "FUTURE_REF"},
      {"No comment at the moment, he said.", "", "the moment", "DATE", "PRESENT_REF"},
      {"The pact was signed, and the following year it lapsed.", "1998-01-08", "the following year", "DATE", "1999"},
  });
}

TEST_CASE("quarters follow the article's reference quarter") {
  time_test::check_rows({
      {"Profit rose in the third quarter from $5 million a year earlier.", "1989-11-02", "a year earlier", "DATE",
       "1988-Q3"},
      {"In the third quarter, sales fell. Profit in the quarter was flat.", "1989-11-02", "the quarter", "DATE",
       "1989-Q3"},
      {"Revenue fell in the 1988 second quarter.", "1989-11-02", "the 1988 second quarter", "DATE", "1988-Q2"},
  });
}

TEST_CASE("the tense of the clause decides which weekday or month is meant") {
  time_test::check_rows({
      // A verb after the expression tells the tense too.
      {"Until Thursday, investigators had not named a suspect.", "1999-05-07", "Thursday", "DATE", "1999-05-06"},
      {"On Tuesday, the league plans to hold a rally.", "1998-10-26", "Tuesday", "DATE", "1998-10-27"},
      // A passive future: "be paid" is not a past tense.
      {"The dividend would be paid in January.", "1989-10-26", "January", "DATE", "1990-01"},
      // A plain past clause does not push a month into next year.
      {"In January, the company brought in a new chief.", "1989-10-27", "January", "DATE", "1989-01"},
      // The clause after "after" is another clause.
      {"NATO will hold talks Tuesday after Russia attacked Dnipro.", "2024-11-22", "Tuesday", "DATE", "2024-11-26"},
      {"The father could come as early as Tuesday.", "2000-04-03", "Tuesday", "DATE", "2000-04-04"},
      {"Relatives vowed to fight Wednesday's ruling by the court.", "2000-01-07", "Wednesday", "DATE", "2000-01-05"},
      {"The offer was extended until 9 a.m. Tuesday.", "2000-04-03", "9 a.m. Tuesday", "TIME", "2000-04-04T09:00"},
      {"Protesters planned a large demonstration on Saturday.", "2000-01-07", "Saturday", "DATE", "2000-01-08"},
      {"On Friday, the government planned to pay the families.", "1998-09-30", "Friday", "DATE", "1998-09-25"},
      // A plan seen from the past: the deadline has gone by.
      {"The offer had been due to expire Friday evening.", "1989-10-30", "Friday evening", "TIME", "1989-10-27TEV"},
      // A past clause: the last December, not the coming one.
      {"The company changed to a calendar year in December.", "1989-10-27", "December", "DATE", "1988-12"},
      {"In the fiscal year ended Jan. 31, sales fell.", "1989-10-31", "Jan. 31", "DATE", "1989-01-31"},
      {"Dealers placed orders for November transactions.", "1989-10-30", "November", "DATE", "1989-11"},
  });
}

TEST_CASE("references to a time the text named before") {
  time_test::check_rows({
      {"She fled in June 1998 and returned later that year.", "2000-01-28", "later that year", "DATE", "1998"},
      {"The imports totaled $37 million in 1988, a small share of imports that year.", "1989-11-02", "that year",
       "DATE", "1988"},
      {"He was shot on Oct. 23, 1998. Earlier that day, police were warned.", "1999-10-24", "Earlier that day",
       "DATE", "1998-10-23"},
      {"He was arrested on Feb. 22, 2000. He appeared in court the next morning.", "2000-02-24", "the next morning",
       "DATE", "2000-02-23"},
      {"Doctors were killed, most recently last October. The name was crossed out that same day.", "1999-02-06",
       "that same day", "DATE", "1998-10-XX"},
      {"The plant opened in March 1989. The following month, it closed.", "1989-10-27", "The following month", "DATE",
       "1989-04"},
      {"Slepian was killed last Oct. 23 at his home.", "1999-04-19", "last Oct. 23", "DATE", "1998-10-23"},
      {"It may be resolved at a hearing the week of March 6.", "2000-02-24", "the week of March 6", "DATE", "2000-W10"},
      {"Stocks rose on Monday. The index was down 4.5% from the previous Friday.", "1989-10-30",
       "the previous Friday", "DATE", "1989-10-27"},
      {"It offered to buy the shares until 5 p.m. EST, Nov. 6.", "1989-10-30", "5 p.m. EST, Nov. 6", "TIME",
       "1989-11-06T17:00"},
  });
}

TEST_CASE("vague references to the near future and the past") {
  time_test::check_rows({
      {"It will offer shares in the near future.", "", "the near future", "DATE", "FUTURE_REF"},
      {"We don't minimize the challenges of the near term.", "", "the near term", "DATE", "FUTURE_REF"},
      {"It could placate holders in the short term.", "", "the short term", "DATE", "FUTURE_REF"},
      {"He spoke six weeks ago, saying at the time, that he would withdraw.", "", "the time", "DATE", "PAST_REF"},
  });
}
