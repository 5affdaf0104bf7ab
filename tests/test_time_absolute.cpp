// Absolute dates: day, month and year in the common news formats.
#include "test_time_table.hpp"

TEST_CASE("absolute dates in news formats") {
  time_test::check_rows({
      {"The photo was taken on 18 August 2018 in Sochi.", "", "18 August 2018", "DATE", "2018-08-18"},
      {"Officials met on February 13, 2025, in Kyiv.", "", "February 13, 2025", "DATE", "2025-02-13"},
      {"The deadline is Sept. 30, 1999.", "", "Sept. 30, 1999", "DATE", "1999-09-30"},
      {"Rates fell in October 2023 and again in June 2024.", "", "October 2023", "DATE", "2023-10"},
      {"Rates fell in October 2023 and again in June 2024.", "", "June 2024", "DATE", "2024-06"},
      {"The treaty was signed in 1962.", "", "1962", "DATE", "1962"},
      {"Growth slowed in the 1990s.", "", "1990s", "DATE", "199"},
      {"The form is dated 2/13/2025.", "", "2/13/2025", "DATE", "2025-02-13"},
      {"The filing is dated 2025-02-13.", "", "2025-02-13", "DATE", "2025-02-13"},
      {"Prices peaked in mid-2024.", "", "mid-2024", "DATE", "2024"},
      {"The plant closed on Monday, Oct. 26, 1998.", "", "Monday, Oct. 26, 1998", "DATE", "1998-10-26"},
      {"The vote is planned for early January.", "2024-11-22", "early January", "DATE", "2025-01"},
      {"He was born in nineteen ninety-six.", "", "nineteen ninety-six", "DATE", "1996"},
      {"She is a 20th century democrat.", "", "20th century", "DATE", "19"},
      {"Mines lie near the fabled eleventh century temple.", "", "eleventh century", "DATE", "10"},
      {"Prices fell in the winter of nineteen ninety-four.", "1998-02-23", "the winter of nineteen ninety-four", "DATE", "1994-WI"},
      {"January nineteen ninety-seven. A bomb hit a clinic.", "1998-02-27", "January nineteen ninety-seven", "DATE", "1997-01"},
      {"His promise to halve unemployment by the year two thousand failed.", "", "the year two thousand", "DATE", "2000"},
      {"It expects sales above fiscal 1989 sales of $155 million.", "", "fiscal 1989", "DATE", "1989"},
      {"Sales rose in fiscal 1989.", "", "fiscal 1989", "DATE", "1989"},
      {"Profit fell in the third quarter.", "1989-11-02", "the third quarter", "DATE", "1989-Q3"},
      {"Third-quarter profit fell.", "1989-11-02", "Third-quarter", "DATE", "1989-Q3"},
      {"They celebrated on St. Valentine's Day.", "2025-02-13", "St. Valentine's Day", "DATE", "2025-02-14"},
      {"Stores close on Thanksgiving Day.", "1999-11-20", "Thanksgiving Day", "DATE", "1999-11-25"},
      {"The talks resumed on Oct. 13.", "1989-10-27", "Oct. 13", "DATE", "1989-10-13"},
      {"Payment is due Dec. 15.", "1989-11-02", "Dec. 15", "DATE", "1989-12-15"},
      {"Trading opens at 10:30 a.m.", "1998-01-08", "10:30 a.m.", "TIME", "1998-01-08T10:30"},
      {"They have until 9 a.m. Tuesday to sign.", "2000-04-03", "9 a.m. Tuesday", "TIME", "2000-04-04T09:00"},
      {"The market closes at 5 p.m. EST Nov. 9.", "1989-11-02", "5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00"},
  });
}
