// Diagnostics: what went wrong with an input, said once, with the file and
// line, and returned as a value. The library never prints and never exits;
// the CLI decides how to show these and which exit status they earn.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eventloom {

enum class Severity : uint8_t {
  Note,     // worth knowing, nothing lost (a duplicate article folded, an ad dropped)
  Warning,  // part of an input was skipped (one bad JSON line, one bad record)
  Error,    // a whole input was skipped (missing, unreadable, binary)
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  uint32_t line = 0;  // 0: the file as a whole
  std::string reason;
};

std::string to_string(const Diagnostic& d);  // "file:line: error: reason"

struct Diagnostics {
  std::vector<Diagnostic> items;
  void note(std::string file, uint32_t line, std::string reason);
  void warning(std::string file, uint32_t line, std::string reason);
  void error(std::string file, uint32_t line, std::string reason);
  // True when something was skipped (a warning or an error).
  bool skipped_any() const;
  void append(const Diagnostics& other);
};

}  // namespace eventloom
