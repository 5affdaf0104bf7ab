// Reading the data files compiled into the library (util/embedded.hpp): one
// entry a line, '#' opens a comment line, blank lines are skipped. Nothing is
// copied: the views point into the embedded bytes, which live as long as the
// program.
#pragma once

#include <string_view>
#include <vector>

namespace eventloom::util {

using DataFields = std::vector<std::string_view>;

inline bool is_data_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// f(line) for each line of `data` that is neither blank nor a comment, with
// the spaces, tabs and CRs around it trimmed. For files whose columns are
// split by the caller ("Canonical|aliases|...", "Vladimir=Volodymyr") or
// whose entries hold spaces ("Buenos Aires").
template <typename F>
void for_each_data_row(std::string_view data, F&& f) {
  size_t i = 0;
  while (i < data.size()) {
    size_t e = data.find('\n', i);
    if (e == std::string_view::npos) e = data.size();
    std::string_view line = data.substr(i, e - i);
    i = e + 1;
    while (!line.empty() && is_data_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_data_space(line.back())) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') f(line);
  }
}

// f(fields) for the same lines split on spaces and tabs ("01 announce",
// "said", "tell tell"); there is at least one field. The vector is reused
// from line to line.
template <typename F>
void for_each_data_line(std::string_view data, F&& f) {
  DataFields fields;
  for_each_data_row(data, [&](std::string_view line) {
    fields.clear();
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_data_space(line[i])) ++i;
      size_t b = i;
      while (i < line.size() && !is_data_space(line[i])) ++i;
      if (i > b) fields.push_back(line.substr(b, i - b));
    }
    f(static_cast<const DataFields&>(fields));
  });
}

}  // namespace eventloom::util
