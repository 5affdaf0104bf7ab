// Helpers the subcommands share: loading a store, writing exports.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/graph.hpp"

namespace CLI {
class App;
}

namespace eventloom::cli {

// Read a JSON store; problems go to `err`. nullopt when it cannot be read.
std::optional<Corpus> load_store(const std::string& path, std::ostream& err);

// Print diagnostics; returns true when something was skipped.
bool report(const Diagnostics& d, bool quiet, std::ostream& err);

// Filters shared by export, timeline and network.
struct FilterArgs {
  std::string from, to;
  std::vector<std::string> types, actors;
};
void add_filter_options(CLI::App* sub, FilterArgs& f);  // --from --to --type --actor
// Resolve actor names; false (with a message) when one is unknown.
bool make_filter(const Corpus& c, const FilterArgs& a, GraphFilter& out, std::ostream& err);

// Write `c` in `format` (json, graphml, gexf, dot, csv) to `path` (csv: a
// directory that receives actors.csv, statements.csv, events.csv,
// interactions.csv). Returns an error message or empty.
std::string write_export(const Corpus& c, const std::string& format, const std::string& path,
                         const GraphFilter& filter = {});

// A JSON string literal.
std::string json_string(std::string_view s);

}  // namespace eventloom::cli
