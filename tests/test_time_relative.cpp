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
