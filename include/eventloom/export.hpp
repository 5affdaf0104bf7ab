// Export: the corpus as JSON (the store other commands read back) and, in
// the graph stage, as GraphML, GEXF, DOT and CSV.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
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

// `s` as a JSON string literal (quotes included), appended to `out`.
void append_json_string(std::string& out, std::string_view s);

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

#include "eventloom/graph.hpp"

namespace eventloom {

// The graph for other tools. Node ids are "<kind>:<corpus id>" ("actor:russia",
// "statement:s-…", "event:e-…", "article:000_….txt#1"); edges are written in
// graph order; text is sanitised to valid UTF-8 XML.
void write_graphml(const EventGraph& eg, std::ostream& out);  // typed <key> attributes
// GEXF with each node's and edge's days as its start and end (timeformat
// "date"), for Gephi's timeline. 1.2draft by default: NetworkX 2.x and 3.x
// and Gephi 0.9 and 0.10 all read it; 1.3 on request (NetworkX 3, Gephi).
enum class GexfVersion : uint8_t { V1_2draft, V1_3 };
const char* to_string(GexfVersion v);                               // "1.2draft", "1.3"
std::optional<GexfVersion> parse_gexf_version(std::string_view s);  // "1.2", "1.2draft" or "1.3"
void write_gexf(const EventGraph& eg, std::ostream& out, GexfVersion version = GexfVersion::V1_2draft);
void write_dot(const EventGraph& eg, std::ostream& out);      // Graphviz digraph

enum class CsvTable : uint8_t { Actors, Statements, Events, Interactions };
const char* to_string(CsvTable t);  // "actors", ... (the file stem the CLI uses)
// One table with a header row, RFC 4180 quoting, CRLF line ends.
void write_csv(const EventGraph& eg, CsvTable table, std::ostream& out);

// The node ids used by the exports, one per vertex: export_node_id(), with
// "~2", "~3" added when two vertices share a corpus id.
std::string export_node_id(const VertexProps& v);
std::vector<std::string> export_node_ids(const EventGraph& eg);

}  // namespace eventloom
