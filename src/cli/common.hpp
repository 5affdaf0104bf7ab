// Helpers the subcommands share: loading a store, the filter options and
// what they mean, choosing an actor by name, writing exports and pictures.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/export.hpp"
#include "eventloom/graph.hpp"
#include "eventloom/render.hpp"

namespace CLI {
class App;
}

namespace eventloom::cli {

// Read a store, JSON or SQLite (told apart by the file's first bytes); its
// diagnostics go to `err`. nullopt when it cannot be read (missing, not
// JSON, not a store, a damaged or newer SQLite store): the caller exits with
// kSkipped.
std::optional<Corpus> load_store(const std::string& path, std::ostream& err);

// The help text of a command's store argument.
inline constexpr const char* kStoreHelp =
    "A store written by 'eventloom build': JSON (--json) or SQLite (--db)";

// Print diagnostics; returns true when something was skipped.
bool report(const Diagnostics& d, bool quiet, std::ostream& err);

// ---- filters (export, timeline, network) ----------------------------------

struct FilterArgs {
  std::string from, to;              // YYYY-MM-DD, YYYY-MM or YYYY
  std::vector<std::string> types;    // "04", "04 CONSULT", "statement"
  std::vector<std::string> actors;   // names, aliases or ids
};
// --from and --to; with `actor_and_type`, also --type and --actor.
void add_filter_options(CLI::App* sub, FilterArgs& f, bool actor_and_type = true);

// A date given on the command line as YYYY-MM-DD, YYYY-MM or YYYY, as the day
// it starts on, or with `end`, the last day it covers ("2024" -> "2024-12-31",
// "2024-02" -> "2024-02-29"). nullopt when it is not a calendar date.
std::optional<std::string> parse_day(std::string_view s, bool end);

// --from and --to as days in `out`; kOk, or kUsage with a message naming
// the option (a malformed date, --from after --to).
int parse_days(const FilterArgs& a, GraphFilter& out, std::ostream& err);

// The filter the options ask for; kOk, or kUsage with a message naming the
// option (a malformed date, --from after --to, an actor that cannot be chosen).
int make_filter(const Corpus& c, const FilterArgs& a, GraphFilter& out, std::ostream& err);

// ---- actors by name --------------------------------------------------------
//
// A name picks the actor it fits best: given as an actor's id, then as its
// name, then as one of its aliases. When exactly one actor fits at the best
// of these levels it is chosen (and the others that fit less well are named
// in a note); when several fit equally well, or none fits exactly, nothing is
// chosen and the caller lists the candidates.
struct ActorChoice {
  std::optional<uint32_t> actor;   // Corpus::actors
  std::vector<uint32_t> others;    // with `actor`: the other exact fits
  ActorLookup lookup;              // find_actor(): the exact fits, else suggestions
};
ActorChoice choose_actor(const Corpus& c, std::string_view name);
// The same over a lookup already made (a SQLite store's), with `at` giving
// each actor it names.
using ActorAt = std::function<const Actor&(uint32_t)>;
ActorChoice choose_actor(ActorLookup lookup, std::string_view name, const ActorAt& at);
// The note for a choice among several fits ("eventloom: note: WHAT: using
// Kyiv (kyiv); it also fits Ukraine (ukraine) ..."); nothing otherwise.
void note_choice(const Corpus& c, const ActorChoice& ch, std::string_view what, std::ostream& err);
void note_choice(const ActorAt& at, const ActorChoice& ch, std::string_view what, std::ostream& err);

// choose_actor() for `option` ("--actor", "--ego"): the note, or a usage
// error listing the candidates by id. nullopt: exit with kUsage.
std::optional<uint32_t> resolve_actor(const Corpus& c, const std::string& name, std::string_view option,
                                      std::ostream& err);

// ---- exports ----------------------------------------------------------------

// Write `c` in `format` (json, graphml, gexf, dot, csv) to `path` (csv: a
// directory that receives actors.csv, statements.csv, events.csv,
// interactions.csv). Returns an error message or empty.
// `gexf` is the GEXF version written.
std::string write_export(const Corpus& c, const std::string& format, const std::string& path,
                         const GraphFilter& filter = {}, GexfVersion gexf = GexfVersion::V1_2draft);
// --gexf-version 1.2|1.2draft|1.3 (export and build).
void add_gexf_version_option(CLI::App* sub, GexfVersion& v);

// A JSON string literal.
std::string json_string(std::string_view s);

// ---- pictures (timeline, network, report) ---------------------------------

// What timeline and network both take: the store, the output, its format,
// a title and the filters.
struct PictureArgs {
  std::string input;
  std::string output;   // empty: "`what`.svg"
  std::string format;
  std::string title;
  FilterArgs filter;
};
// The store, -o/--output, --format and --title, for a picture of `what`
// ("timeline"), then the filters (--actor and --type with `actor_and_type`).
void add_picture_options(CLI::App* sub, PictureArgs& a, std::string_view what, bool actor_and_type);

// What a picture is drawn from: the output format, the store (of a SQLite
// store with --from or --to, only the slice of those days), the filter.
struct PictureInput {
  RenderFormat format = RenderFormat::Svg;
  Corpus corpus;
  GraphFilter filter;
};
// kOk, kUsage (bad --format or filter) or kSkipped (the store is unreadable).
// Without `actor_details` a SQLite store's actors come without aliases, roles
// and affiliations unless --actor names one (SqliteStore::slice).
int prepare_picture(const PictureArgs& a, PictureInput& in, std::ostream& err, bool actor_details = true);

// --format by name, else from the output's extension. kOk or kUsage.
int parse_format(const std::string& name, const std::string& output, RenderFormat& f, std::ostream& err);

// Write rendered bytes to `path` ("-": `out`). kOk or kSkipped.
int write_output(const std::string& path, const Rendered& r, std::ostream& out, std::ostream& err);

}  // namespace eventloom::cli
