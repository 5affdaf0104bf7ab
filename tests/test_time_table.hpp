// Shared by the table-driven time tests: run the tagger on one sentence
// and look for the expected expression.
#pragma once

#include <catch2/catch.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <string>
#include <vector>

#include "eventloom/text.hpp"
#include "eventloom/time.hpp"

namespace time_test {

struct Row {
  const char* sentence;
  const char* dct;  // "" for none
  const char* text;
  const char* type;
  const char* value;
};

inline std::vector<eventloom::Timex> tag(const std::string& sentence, const std::string& dct,
                                         eventloom::AnnotatedText& at) {
  at = eventloom::analyze_text(sentence);
  eventloom::TimeOptions opt;
  if (!dct.empty()) opt.dct = boost::gregorian::from_simple_string(dct);
  return eventloom::tag_times(at, opt);
}

// Every row's expression is found with its type and value.
inline void check_rows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    eventloom::AnnotatedText at;
    auto found = tag(r.sentence, r.dct, at);
    std::string got;
    bool ok = false;
    for (const auto& t : found) {
      std::string text(at.norm.view(t.span));
      got += "[" + text + "|" + eventloom::to_string(t.type) + "|" + t.value + "] ";
      if (text == r.text && std::string(eventloom::to_string(t.type)) == r.type && t.value == r.value) ok = true;
    }
    INFO("sentence: " << r.sentence << "\nexpected: [" << r.text << "|" << r.type << "|" << r.value
                      << "]\nfound: " << got);
    CHECK(ok);
  }
}

// No row's sentence yields an expression with the given text ("" : none at all).
inline void check_absent(const std::vector<std::pair<const char*, const char*>>& rows, const char* dct = "2024-11-22") {
  for (const auto& [sentence, text] : rows) {
    eventloom::AnnotatedText at;
    auto found = tag(sentence, dct, at);
    std::string got;
    bool bad = false;
    for (const auto& t : found) {
      std::string tt(at.norm.view(t.span));
      got += "[" + tt + "|" + t.value + "] ";
      if (std::string(text).empty() || tt.find(text) != std::string::npos) bad = true;
    }
    INFO("sentence: " << sentence << "\nfound: " << got);
    CHECK_FALSE(bad);
  }
}

}  // namespace time_test
