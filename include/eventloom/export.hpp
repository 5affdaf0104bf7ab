// Export: the corpus as JSON (the store other commands read back) and, in
// the graph stage, as GraphML, GEXF, DOT and CSV.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "eventloom/corpus.hpp"

namespace eventloom {

struct JsonOptions {
  bool include_text = true;  // each document's text, so the store stands alone
  bool pretty = false;       // one record per line (diff-friendly) when false
};

void write_json(const Corpus& c, std::ostream& out, const JsonOptions& opt = {});

// Write a file so that it is either complete or untouched: the content goes
// to a temporary file beside it, which is renamed over the target only when
// every byte was written. Returns an empty string, or the reason it failed.
std::string write_file_atomic(const std::string& path, const std::function<void(std::ostream&)>& writer);

}  // namespace eventloom

// ---------------------------------------------------------------------------
// Reading the JSON store back, and the graph exports.

namespace eventloom {

// Read a store written by write_json(): every document with its extraction,
// then consolidate() rebuilds the global layer, so
// write_json(read_json(write_json(c))) gives the same bytes as write_json(c).
// Problems (not JSON, not an eventloom store, a bad record) go to `diag`
// with `file` as the name; a record that cannot be read is skipped.
Corpus read_json(std::string_view json, Diagnostics& diag, const std::string& file = "<json>");
// The same from a file; an unreadable file is an error in `diag`.
Corpus read_json_file(const std::string& path, Diagnostics& diag);

}  // namespace eventloom
