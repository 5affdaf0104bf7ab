#include "cli/common.hpp"

#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.hpp"
#include "eventloom/export.hpp"
#include "eventloom/store.hpp"
#include "eventloom/text.hpp"
#include "eventloom/timex_value.hpp"

namespace eventloom::cli {

std::optional<Corpus> load_store(const std::string& path, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    err << "eventloom: " << path << ": no such file\n";
    return std::nullopt;
  }
  Diagnostics d;
  // Either store, told apart by the file's first bytes, not its name.
  Corpus c = is_sqlite_file(path) ? read_sqlite_file(path, d) : read_json_file(path, d);
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

// ---- filters ----------------------------------------------------------------

void add_filter_options(CLI::App* sub, FilterArgs& f, bool actor_and_type) {
  sub->add_option("--from", f.from, "Only what happened on or after this day (YYYY-MM-DD; YYYY-MM, YYYY: from its start)");
  sub->add_option("--to", f.to, "Only what happened on or before this day (YYYY-MM-DD; YYYY-MM, YYYY: to its end)");
  if (!actor_and_type) return;
  sub->add_option("--actor", f.actors, "Only what involves this actor (id, name or alias; repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--type", f.types,
                  "Only this CAMEO type or code prefix (\"04\", \"19 FIGHT\") or \"statement\" (repeatable)")
      ->allow_extra_args(false);
}

std::optional<std::string> parse_day(std::string_view s, bool end) {
  std::optional<TimexValue> t = parse_calendar_date(s);
  if (!t) return std::nullopt;
  return end ? t->last_iso() : t->first_iso();
}

int parse_days(const FilterArgs& a, GraphFilter& out, std::ostream& err) {
  struct Bound {
    const char* option;
    const std::string& given;
    bool end;
    std::string& day;
  };
  for (Bound b : {Bound{"--from", a.from, false, out.from}, Bound{"--to", a.to, true, out.to}}) {
    if (b.given.empty()) continue;
    std::optional<std::string> day = parse_day(b.given, b.end);
    if (!day) {
      err << "eventloom: " << b.option << ": '" << b.given << "' is not a date; give YYYY-MM-DD, YYYY-MM or YYYY\n";
      return kUsage;
    }
    b.day = *day;
  }
  if (!out.from.empty() && !out.to.empty() && out.from > out.to) {
    err << "eventloom: --from " << a.from << " is after --to " << a.to << ": nothing could match\n";
    return kUsage;
  }
  return kOk;
}

int make_filter(const Corpus& c, const FilterArgs& a, GraphFilter& out, std::ostream& err) {
  if (int rc = parse_days(a, out, err)) return rc;
  for (const std::string& t : a.types) {
    if (t == "statement" || t == "statements") out.event_types.push_back("statement");
    else if (t.size() == 1 && t[0] >= '0' && t[0] <= '9') out.event_types.push_back("0" + t);
    else out.event_types.push_back(t);
  }
  for (const std::string& name : a.actors) {
    std::optional<uint32_t> actor = resolve_actor(c, name, "--actor", err);
    if (!actor) return kUsage;
    out.actors.push_back(*actor);
  }
  return kOk;
}

// ---- actors by name -----------------------------------------------------------

ActorChoice choose_actor(const Corpus& c, std::string_view name) {
  return choose_actor(find_actor(c, name), name, [&c](uint32_t i) -> const Actor& { return c.actors[i]; });
}

ActorChoice choose_actor(ActorLookup lookup, std::string_view name, const ActorAt& at) {
  ActorChoice r;
  r.lookup = std::move(lookup);
  if (!r.lookup.exact || r.lookup.actors.empty()) return r;
  std::string folded = text::fold(text::trim(name)), key = text::comparison_key(name);
  auto level = [&](uint32_t i) {  // 0: the id, 1: the name, 2: an alias
    const Actor& x = at(i);
    if (x.id == folded) return 0;
    return text::comparison_key(x.name) == key ? 1 : 2;
  };
  int best = 3;
  size_t tied = 0;
  uint32_t pick = 0;
  for (uint32_t i : r.lookup.actors) {
    int l = level(i);
    if (l < best) {
      best = l;
      tied = 1;
      pick = i;
    } else if (l == best) {
      ++tied;
    }
  }
  if (tied != 1) return r;
  r.actor = pick;
  for (uint32_t i : r.lookup.actors)
    if (i != pick) r.others.push_back(i);
  return r;
}

void note_choice(const Corpus& c, const ActorChoice& ch, std::string_view what, std::ostream& err) {
  note_choice([&c](uint32_t i) -> const Actor& { return c.actors[i]; }, ch, what, err);
}

void note_choice(const ActorAt& at, const ActorChoice& ch, std::string_view what, std::ostream& err) {
  if (!ch.actor || ch.others.empty()) return;
  auto named = [&](uint32_t i) { return fmt::format("{} ({})", at(i).name, at(i).id); };
  err << "eventloom: note: " << what << ": using " << named(*ch.actor) << "; it also fits";
  for (size_t i = 0; i < ch.others.size(); ++i) err << (i ? ", " : " ") << named(ch.others[i]);
  err << " (give an id to choose another)\n";
}

std::optional<uint32_t> resolve_actor(const Corpus& c, const std::string& name, std::string_view option,
                                      std::ostream& err) {
  ActorChoice ch = choose_actor(c, name);
  if (ch.actor) {
    note_choice(c, ch, fmt::format("{} '{}'", option, name), err);
    return ch.actor;
  }
  const std::vector<uint32_t>& cands = ch.lookup.actors;
  if (ch.lookup.exact) {
    err << "eventloom: " << option << ": '" << name << "' fits " << cands.size()
        << " actors equally well; give one of their ids:\n";
    for (size_t i = 0; i < cands.size() && i < 15; ++i) {
      const Actor& x = c.actors[cands[i]];
      err << fmt::format("  {:<24} {} ({})\n", x.id, x.name, to_string(x.type));
    }
    if (cands.size() > 15) err << "  ... and " << cands.size() - 15 << " more\n";
    return std::nullopt;
  }
  err << "eventloom: " << option << ": no actor named '" << name << "'";
  if (!cands.empty()) {
    err << "; did you mean";
    for (size_t i = 0; i < cands.size() && i < 5; ++i) err << (i ? ", " : " ") << "'" << c.actors[cands[i]].name << "'";
    err << "?";
  }
  err << "\n";
  return std::nullopt;
}

// ---- exports ------------------------------------------------------------------

std::string write_export(const Corpus& c, const std::string& format, const std::string& path,
                         const GraphFilter& filter, GexfVersion gexf) {
  if (format == "json") return write_file_atomic(path, [&](std::ostream& os) { write_json(c, os); });
  EventGraph eg = build_graph(c, filter);
  if (format == "graphml") return write_file_atomic(path, [&](std::ostream& os) { write_graphml(eg, os); });
  if (format == "gexf") return write_file_atomic(path, [&](std::ostream& os) { write_gexf(eg, os, gexf); });
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

void add_gexf_version_option(CLI::App* sub, GexfVersion& v) {
  sub->add_option_function<std::string>(
         "--gexf-version", [&v](const std::string& s) { v = parse_gexf_version(s).value_or(GexfVersion::V1_2draft); },
         "GEXF version: 1.2draft (read by NetworkX 2 and 3, Gephi 0.9 and 0.10; the default) or 1.3")
      ->check(CLI::IsMember({"1.2", "1.2draft", "1.3"}));
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

// ---- pictures -----------------------------------------------------------------

void add_picture_options(CLI::App* sub, PictureArgs& a, std::string_view what, bool actor_and_type) {
  if (a.output.empty()) a.output = fmt::format("{}.svg", what);
  sub->add_option("graph", a.input, kStoreHelp)->required();
  sub->add_option("-o,--output", a.output, "Output file (- for standard output)")->capture_default_str();
  sub->add_option("--format", a.format, "svg, png, pdf or dot (default: from the output's extension, else svg)");
  sub->add_option("--title", a.title, fmt::format("A title above the {}", what));
  add_filter_options(sub, a.filter, actor_and_type);
}

int prepare_picture(const PictureArgs& a, PictureInput& in, std::ostream& err, bool actor_details) {
  if (int rc = parse_format(a.format, a.output, in.format, err)) return rc;
  GraphFilter days;
  if (int rc = parse_days(a.filter, days, err)) return rc;
  std::error_code ec;
  if ((!days.from.empty() || !days.to.empty()) && std::filesystem::exists(a.input, ec) && is_sqlite_file(a.input)) {
    // Some days of a SQLite store: only what is on them is read.
    Diagnostics d;
    std::unique_ptr<SqliteStore> store = SqliteStore::open(a.input, d);
    if (report(d, false, err) || !store) return kSkipped;
    try {
      in.corpus = store->slice(days.from, days.to, actor_details || !a.filter.actors.empty());
    } catch (const StoreError& e) {
      err << "eventloom: " << e.what() << "\n";
      return kSkipped;
    }
  } else {
    std::optional<Corpus> c = load_store(a.input, err);
    if (!c) return kSkipped;
    in.corpus = std::move(*c);
  }
  return make_filter(in.corpus, a.filter, in.filter, err);
}

int parse_format(const std::string& name, const std::string& output, RenderFormat& f, std::ostream& err) {
  if (name.empty()) {
    f = render_format_for(output);
    return kOk;
  }
  std::optional<RenderFormat> p = parse_render_format(name);
  if (!p) {
    err << "eventloom: --format must be svg, png, pdf or dot, not '" << name << "'\n";
    return kUsage;
  }
  f = *p;
  return kOk;
}

int write_output(const std::string& path, const Rendered& r, std::ostream& out, std::ostream& err) {
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

}  // namespace eventloom::cli
