// What the render subcommands (timeline, network, report) share on the
// command line: reading a JSON store, the filter options, writing the
// picture. Header-only, used by src/cli/{timeline,network,report}.cpp.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "eventloom/export.hpp"
#include "eventloom/graph.hpp"
#include "eventloom/render.hpp"

namespace eventloom::cli::render_support {

struct FilterArgs {
  std::string from, to;              // YYYY-MM-DD
  std::vector<std::string> actors;   // names or aliases
  std::vector<std::string> types;    // "04", "04 CONSULT", "statement"
};

inline void add_filter_options(CLI::App* sub, FilterArgs& f, bool with_actor_and_type) {
  sub->add_option("--from", f.from, "Only what happened on or after this day (YYYY-MM-DD)");
  sub->add_option("--to", f.to, "Only what happened on or before this day (YYYY-MM-DD)");
  if (!with_actor_and_type) return;
  sub->add_option("--actor", f.actors, "Only what involves this actor (name or alias; repeatable)")->allow_extra_args(false);
  sub->add_option("--type", f.types, "Only this CAMEO type or code prefix (\"04\", \"19 FIGHT\") or \"statement\" (repeatable)")->allow_extra_args(false);
}

inline bool is_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return s.substr(5, 2) >= "01" && s.substr(5, 2) <= "12" && s.substr(8, 2) >= "01" && s.substr(8, 2) <= "31";
}

// Accepts YYYY, YYYY-MM or YYYY-MM-DD; `end` extends a partial date to its last day.
inline bool normalise_day(std::string& s, bool end) {
  if (s.empty()) return true;
  if (s.size() == 4) s += end ? "-12-31" : "-01-01";
  else if (s.size() == 7) s += end ? "-31" : "-01";
  return is_day(s);
}

// Read the store; errors to `err`. Returns kOk or kSkipped.
inline int load_store(const std::string& path, Corpus& c, std::ostream& err) {
  Diagnostics d;
  c = read_json_file(path, d);
  bool fatal = false;
  for (const Diagnostic& x : d.items) {
    if (x.severity == Severity::Note) continue;
    err << "eventloom: " << to_string(x) << "\n";
    fatal = fatal || x.severity == Severity::Error;
  }
  if (fatal) return kSkipped;
  return kOk;
}

// One actor by name; a usage error (with suggestions) otherwise.
inline int resolve_actor(const Corpus& c, const std::string& name, uint32_t& actor, std::ostream& err) {
  ActorLookup l = find_actor(c, name);
  if (l.unique()) {
    actor = l.actors.front();
    return kOk;
  }
  if (l.exact && !l.actors.empty()) {  // several actors share the name: take the first, say so
    actor = l.actors.front();
    err << "eventloom: note: '" << name << "' names " << l.actors.size() << " actors; using " << c.actors[actor].id << "\n";
    return kOk;
  }
  err << "eventloom: no actor named '" << name << "'";
  if (!l.actors.empty()) {
    err << "; did you mean";
    for (size_t i = 0; i < l.actors.size() && i < 5; ++i) err << (i ? ", " : " ") << "'" << c.actors[l.actors[i]].name << "'";
    err << "?";
  }
  err << "\n";
  return kUsage;
}

inline int make_filter(const Corpus& c, FilterArgs f, GraphFilter& out, std::ostream& err) {
  if (!normalise_day(f.from, false) || !normalise_day(f.to, true)) {
    err << "eventloom: --from and --to take a date as YYYY-MM-DD (or YYYY-MM, YYYY)\n";
    return kUsage;
  }
  out.from = f.from;
  out.to = f.to;
  for (const std::string& name : f.actors) {
    uint32_t a = 0;
    if (int rc = resolve_actor(c, name, a, err)) return rc;
    out.actors.push_back(a);
  }
  for (const std::string& t : f.types) {
    if (t == "statement" || t == "statements") {
      out.event_types.push_back("statement");
      continue;
    }
    out.event_types.push_back(t.size() == 1 && t[0] >= '0' && t[0] <= '9' ? "0" + t : t);
  }
  return kOk;
}

inline int parse_format(const std::string& name, const std::string& output, RenderFormat& f, std::ostream& err) {
  if (name.empty()) {
    f = render_format_for(output);
    return kOk;
  }
  auto p = parse_render_format(name);
  if (!p) {
    err << "eventloom: --format must be svg, png, pdf or dot, not '" << name << "'\n";
    return kUsage;
  }
  f = *p;
  return kOk;
}

// Write rendered bytes to `path` ("-": standard output).
inline int write_output(const std::string& path, const Rendered& r, std::ostream& out, std::ostream& err) {
  if (!r.ok()) {
    err << "eventloom: " << r.error << "\n";
    return kSkipped;
  }
  if (path == "-") {
    out << r.data;
    return kOk;
  }
  std::string e = write_file_atomic(path, [&](std::ostream& os) { os << r.data; });
  if (!e.empty()) {
    err << "eventloom: " << e << "\n";
    return kSkipped;
  }
  return kOk;
}

}  // namespace eventloom::cli::render_support
