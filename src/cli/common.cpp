#include "cli/common.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "eventloom/export.hpp"

namespace eventloom::cli {

std::optional<Corpus> load_store(const std::string& path, std::ostream& err) {
  Diagnostics d;
  if (!std::filesystem::exists(path)) {
    err << "eventloom: " << path << ": no such file\n";
    return std::nullopt;
  }
  Corpus c = read_json_file(path, d);
  bool failed = false;
  for (const Diagnostic& x : d.items) {
    err << "eventloom: " << to_string(x) << "\n";
    failed = failed || x.severity == Severity::Error;
  }
  if (failed) return std::nullopt;
  return c;
}

bool report(const Diagnostics& d, bool quiet, std::ostream& err) {
  bool skipped = false;
  for (const Diagnostic& x : d.items) {
    skipped = skipped || x.severity != Severity::Note;
    if (!quiet || x.severity != Severity::Note) err << "eventloom: " << to_string(x) << "\n";
  }
  return skipped;
}

bool make_filter(const Corpus& c, const FilterArgs& a, GraphFilter& out, std::ostream& err) {
  out.from = a.from;
  out.to = a.to;
  out.event_types = a.types;
  for (const std::string& name : a.actors) {
    ActorLookup l = find_actor(c, name);
    if (!l.exact || l.actors.empty()) {
      err << "eventloom: no actor called \"" << name << "\"";
      if (!l.actors.empty()) {
        err << "; did you mean:";
        for (size_t i = 0; i < l.actors.size() && i < 8; ++i) err << (i ? ", " : " ") << c.actors[l.actors[i]].name;
      }
      err << "\n";
      return false;
    }
    out.actors.insert(out.actors.end(), l.actors.begin(), l.actors.end());
  }
  return true;
}

std::string write_export(const Corpus& c, const std::string& format, const std::string& path,
                         const GraphFilter& filter) {
  if (format == "json") return write_file_atomic(path, [&](std::ostream& os) { write_json(c, os); });
  EventGraph eg = build_graph(c, filter);
  if (format == "graphml") return write_file_atomic(path, [&](std::ostream& os) { write_graphml(eg, os); });
  if (format == "gexf") return write_file_atomic(path, [&](std::ostream& os) { write_gexf(eg, os); });
  if (format == "dot") return write_file_atomic(path, [&](std::ostream& os) { write_dot(eg, os); });
  if (format == "csv") {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return fmt::format("cannot create directory {}: {}", path, ec.message());
    for (CsvTable t : {CsvTable::Actors, CsvTable::Statements, CsvTable::Events, CsvTable::Interactions}) {
      std::string file = (std::filesystem::path(path) / (std::string(to_string(t)) + ".csv")).string();
      std::string e = write_file_atomic(file, [&](std::ostream& os) { write_csv(eg, t, os); });
      if (!e.empty()) return e;
    }
    return {};
  }
  return fmt::format("unknown format \"{}\" (json, graphml, gexf, dot or csv)", format);
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20) out += fmt::format("\\u{:04x}", ch);
        else out.push_back(static_cast<char>(ch));
    }
  }
  return out + "\"";
}

}  // namespace eventloom::cli
