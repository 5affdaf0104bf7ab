// Reading the data files compiled into the library (util/embedded.hpp): one
// entry a line, '#' opens a comment line, blank lines are skipped. Nothing is
// copied: the views point into the embedded bytes, which live as long as the
// program.
//
// read_data_file() is the loader of a word list: it refuses a malformed line
// (too few or too many fields, or a value the caller rejects) with the file
// and line number, so that a typo in a list fails the first test that loads
// it instead of silently dropping or misreading the entry.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "util/embedded.hpp"

namespace eventloom::util {

using DataFields = std::vector<std::string_view>;

inline bool is_data_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// f(line, number) for each line of `data` that is neither blank nor a
// comment, trimmed; lines are numbered from 1.
template <typename F>
void for_each_numbered_row(std::string_view data, F&& f) {
  size_t i = 0, number = 0;
  while (i < data.size()) {
    size_t e = data.find('\n', i);
    if (e == std::string_view::npos) e = data.size();
    std::string_view line = data.substr(i, e - i);
    i = e + 1;
    ++number;
    while (!line.empty() && is_data_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_data_space(line.back())) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') f(line, number);
  }
}

// The fields of a line split on spaces and tabs, into `fields` (cleared first).
inline void split_data_fields(std::string_view line, DataFields& fields) {
  fields.clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_data_space(line[i])) ++i;
    size_t b = i;
    while (i < line.size() && !is_data_space(line[i])) ++i;
    if (i > b) fields.push_back(line.substr(b, i - b));
  }
}

// A malformed line of a data file: "statements/data/x.txt:12: ...".
class DataError : public std::runtime_error {
 public:
  DataError(std::string_view file, size_t line, std::string_view what)
      : std::runtime_error(std::string(file) + ":" + std::to_string(line) + ": " + std::string(what)) {}
};

// The shape of a word list's lines: how many fields (split on spaces and
// tabs) a line has, or, for a list of phrases ("Buenos Aires"), that the
// whole line is one entry.
struct DataShape {
  size_t min_fields = 1, max_fields = 1;
  bool phrases = false;  // the line is one entry; fields are not counted
};

// The word list `data`, read from `file` (a path under src/, as data::get()
// takes it, for the messages): calls
// f(fields) for every entry line, where `fields` holds the whole line when
// shape.phrases, else its fields. f returns nullptr to accept the line, or
// why it refuses it. Throws DataError, with the file and line number, for a
// line of the wrong shape, a refused line, a byte that is no text (a control
// character), or a file that is absent or has no entries.
template <typename F>
void read_data_text(std::string_view file, std::string_view data, DataShape shape, F&& f) {
  if (data.empty()) throw DataError(file, 0, "no such data file, or an empty one");
  DataFields fields;
  size_t entries = 0;
  for_each_numbered_row(data, [&](std::string_view line, size_t number) {
    for (char c : line)
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') throw DataError(file, number, "control character");
    if (shape.phrases) {
      fields.assign(1, line);
    } else {
      split_data_fields(line, fields);
      if (fields.size() < shape.min_fields || fields.size() > shape.max_fields)
        throw DataError(file, number,
                        "expected " + std::to_string(shape.min_fields) +
                            (shape.max_fields == shape.min_fields ? "" : "-" + std::to_string(shape.max_fields)) +
                            " fields, found " + std::to_string(fields.size()));
    }
    if (const char* why = f(static_cast<const DataFields&>(fields))) throw DataError(file, number, why);
    ++entries;
  });
  if (entries == 0) throw DataError(file, 0, "no entries");
}

// read_data_text() of the embedded file `file`.
template <typename F>
void read_data_file(std::string_view file, DataShape shape, F&& f) {
  read_data_text(file, data::get(file), shape, std::forward<F>(f));
}

// The one-word lines of the embedded word list `file` (read_data_file(), so
// a line of two words is refused with its number); the views point into the
// embedded bytes. Read once by the caller's static.
inline std::unordered_set<std::string_view> word_set(std::string_view file) {
  std::unordered_set<std::string_view> words;
  read_data_file(file, {1, 1, false}, [&](const DataFields& f) -> const char* {
    words.insert(f[0]);
    return nullptr;
  });
  return words;
}

}  // namespace eventloom::util
