// Publication dates from metadata fields and datelines.
//
// Metadata dates come in ISO 8601 ("2024-11-22", "2024-11-22T10:00:00+02:00"),
// RFC 822 ("Fri, 22 Nov 2024 10:00:00 GMT") or prose ("Nov 22, 2024",
// "22 November 2024"). A dateline is the wire-copy opening "WASHINGTON,
// Feb 26 (Reuters) -": an upper-case place, a month and a day, maybe an
// agency in brackets, then a dash. Every value is checked by Boost.DateTime;
// anything impossible is refused, never clamped.
#include <algorithm>
#include <array>
#include <cctype>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

int month_number(std::string_view w) {
  static const std::array<std::string_view, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                         "jul", "aug", "sep", "oct", "nov", "dec"};
  static const std::array<std::string_view, 12> full = {"january", "february", "march",     "april",
                                                        "may",     "june",     "july",      "august",
                                                        "september", "october", "november", "december"};
  std::string l = text::lower_ascii(w);
  if (!l.empty() && l.back() == '.') l.pop_back();
  for (int i = 0; i < 12; ++i) {
    if (l == full[i] || l == names[i]) return i + 1;
    if (i == 8 && l == "sept") return 9;
  }
  return 0;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool make_date(int y, int m, int d, boost::gregorian::date& out) {
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  try {
    out = boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                 static_cast<unsigned short>(d));
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

}  // namespace

bool parse_metadata_date(std::string_view s, boost::gregorian::date& out) {
  s = text::trim(s);
  // ISO 8601: YYYY-MM-DD or YYYY/MM/DD at the start, or YYYYMMDD.
  if (s.size() >= 10 && all_digits(s.substr(0, 4)) && (s[4] == '-' || s[4] == '/') && all_digits(s.substr(5, 2)) &&
      s[7] == s[4] && all_digits(s.substr(8, 2)))
    return make_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)), out);
  if (s.size() == 8 && all_digits(s))
    return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)), out);
  // Prose and RFC 822: a month name, a day and a four-digit year in any order.
  int y = 0, m = 0, d = 0;
  for (std::string_view w : words(s)) {
    if (int mm = month_number(w); mm && !m) {
      m = mm;
    } else if (all_digits(w) && w.size() == 4 && !y) {
      y = to_int(w);
    } else if (all_digits(w) && w.size() <= 2 && !d) {
      d = to_int(w);
    } else if (w.size() > 2 && all_digits(w.substr(0, w.size() - 2)) && w.size() <= 4 && !d) {
      d = to_int(w.substr(0, w.size() - 2));  // "22nd"
    }
  }
  return y && m && d && make_date(y, m, d, out);
}

DatelineDate parse_dateline(std::string_view s, int year_hint) {
  DatelineDate r;
  s = s.substr(0, std::min<size_t>(s.size(), 160));
  // The place: upper-case words (and spaces, commas, dots, hyphens).
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  size_t place_start = i;
  int upper = 0;
  while (i < s.size() && (std::isupper(static_cast<unsigned char>(s[i])) || s[i] == ' ' || s[i] == '.' ||
                          s[i] == '-' || s[i] == '\'' || (s[i] == ',' && i + 3 < s.size() && s[i + 1] == ' ' &&
                                                           std::isupper(static_cast<unsigned char>(s[i + 2])) &&
                                                           std::isupper(static_cast<unsigned char>(s[i + 3]))))) {
    if (std::isupper(static_cast<unsigned char>(s[i]))) ++upper;
    ++i;
  }
  if (upper < 3) return r;
  size_t place_end = i;
  while (i < s.size() && (s[i] == ',' || s[i] == ' ')) ++i;
  std::string_view rest = s.substr(i);
  auto ws = words(rest.substr(0, 40));
  if (ws.empty()) return r;
  // "LONDON 1996-08-30"
  if (rest.size() >= 10 && all_digits(rest.substr(0, 4)) && rest[4] == '-' && rest[7] == '-') {
    boost::gregorian::date d;
    if (make_date(to_int(rest.substr(0, 4)), to_int(rest.substr(5, 2)), to_int(rest.substr(8, 2)), d)) {
      r.found = true;
      auto ymd = d.year_month_day();
      r.year = ymd.year;
      r.month = ymd.month;
      r.day = ymd.day;
      r.text = std::string(s.substr(place_start, i - place_start + 10));
    }
    return r;
  }
  int m = month_number(ws[0]);
  if (!m || ws.size() < 2 || !all_digits(ws[1]) || ws[1].size() > 2) return r;
  int d = to_int(ws[1]);
  int y = year_hint;
  if (ws.size() >= 3 && all_digits(ws[2]) && ws[2].size() == 4) y = to_int(ws[2]);
  if (d < 1 || d > 31) return r;
  // The dateline ends in a dash (after an optional agency in brackets).
  size_t after = rest.find(ws[1]) + ws[1].size();
  std::string_view tail = rest.substr(after, 40);
  size_t dash = tail.find('-');
  size_t emdash = tail.find("\xE2\x80\x94");
  size_t endash = tail.find("\xE2\x80\x93");
  size_t cut = std::min({dash, emdash, endash});
  if (cut == std::string_view::npos) return r;
  r.found = true;
  r.month = m;
  r.day = d;
  r.year = y;
  r.text = std::string(text::trim(s.substr(place_start, (place_end - place_start) + (i - place_end) + after + cut + 1)));
  if (y) {
    boost::gregorian::date check;
    if (!make_date(y, m, d, check)) r.year = 0;
  }
  return r;
}

}  // namespace eventloom
