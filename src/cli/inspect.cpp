// eventloom inspect STORE actor NAME | path A B | top [--n N] [--json]
//
// STORE is JSON (read whole, then asked) or SQLite (asked through its
// indexes, reading only what each question needs); both give the same answers
// (ActorProfile, TopActors, PathStepInfo in eventloom/store.hpp) and this file
// prints them.
//
// Answers the questions an analyst asks of a store: who is this actor (roles,
// aliases, affiliations, statements with dates, partners), how are two
// actors connected (the shortest chain of interactions and the events behind
// each step), and who is most central. Text for a terminal; --json for
// scripts.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/store.hpp"

namespace eventloom::cli {
namespace {

struct Args {
  std::string store;
  std::string actor;
  std::string a, b;
  size_t n = 20;
  bool json = false;
};

std::string shorten(std::string_view s, size_t max) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' ? ' ' : c);
  if (out.size() <= max) return out;
  size_t cut = out.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) cut = max;
  return out.substr(0, cut) + "...";
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string json_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_string(v[i]);
  return out + "]";
}

// What inspect asks of a store, from a corpus in memory or a SQLite store.
struct Source {
  std::function<ActorLookup(std::string_view)> find;
  ActorAt actor;
  std::function<size_t()> actor_count;
  std::function<ActorProfile(uint32_t, size_t)> profile;
  std::function<TopActors(size_t)> top;
  std::function<std::optional<std::vector<PathStepInfo>>(uint32_t, uint32_t)> path;
};

Source corpus_source(const Corpus& c) {
  return {[&c](std::string_view n) { return find_actor(c, n); },
          [&c](uint32_t i) -> const Actor& { return c.actors[i]; },
          [&c] { return c.actors.size(); },
          [&c](uint32_t a, size_t n) { return actor_profile(c, a, n); },
          [&c](size_t n) { return top_actors(c, n); },
          [&c](uint32_t a, uint32_t b) { return actor_path(c, a, b); }};
}

Source sqlite_source(SqliteStore& s) {
  return {[&s](std::string_view n) { return s.find_actor(n); },
          [&s](uint32_t i) -> const Actor& { return s.actor(i); },
          [&s] { return s.actor_count(); },
          [&s](uint32_t a, size_t n) { return s.actor_profile(a, n); },
          [&s](size_t n) { return s.top_actors(n); },
          [&s](uint32_t a, uint32_t b) { return s.actor_path(a, b); }};
}

// One actor by name (chosen as choose_actor() does for every command), or a
// helpful message.
std::optional<uint32_t> resolve(Source& src, const std::string& name, std::ostream& err) {
  ActorChoice ch = choose_actor(src.find(name), name, src.actor);
  const ActorLookup& l = ch.lookup;
  if (ch.actor) {
    note_choice(src.actor, ch, fmt::format("\"{}\"", name), err);
    return ch.actor;
  }
  if (l.actors.empty()) {
    err << fmt::format("eventloom: no actor called \"{}\" ({} actors in the store; try 'inspect STORE top')\n", name,
                       src.actor_count());
  } else {
    err << fmt::format("eventloom: \"{}\" is {}:\n", name,
                       l.exact ? "ambiguous; give one of these ids" : "not an actor's name; did you mean");
    for (size_t i = 0; i < l.actors.size() && i < 15; ++i) {
      const Actor& a = src.actor(l.actors[i]);
      err << fmt::format("  {} ({}, {}){}\n", a.name, to_string(a.type), a.id, a.roles.empty() ? "" : ", " + a.roles[0]);
    }
  }
  return std::nullopt;
}

int inspect_actor(Source& src, const Args& a, std::ostream& out, std::ostream& err) {
  auto found = resolve(src, a.actor, err);
  if (!found) return kSkipped;
  const Actor& actor = src.actor(*found);
  ActorProfile p = src.profile(*found, a.n);
  if (a.json) {
    out << "{\"id\":" << json_string(actor.id) << ",\"name\":" << json_string(actor.name)
        << ",\"type\":" << json_string(to_string(actor.type)) << ",\"roles\":" << json_list(actor.roles)
        << ",\"aliases\":" << json_list(actor.aliases) << ",\"affiliations\":" << json_list(p.affiliations)
        << ",\"statements\":" << p.statements << ",\"first\":" << json_string(p.first_day)
        << ",\"last\":" << json_string(p.last_day) << ",\"partners\":[";
    for (size_t i = 0; i < p.partners.size(); ++i)
      out << (i ? "," : "") << "{\"actor\":" << json_string(src.actor(p.partners[i].first).name)
          << ",\"count\":" << p.partners[i].second << "}";
    out << "],\"recent_statements\":[";
    for (size_t i = 0; i < p.recent.size(); ++i) {
      const ActorProfile::Said& s = p.recent[i];
      out << (i ? "," : "") << "{\"date\":" << json_string(s.date) << ",\"kind\":" << json_string(to_string(s.kind))
          << ",\"text\":" << json_string(s.text) << ",\"source\":" << json_string(s.source) << "}";
    }
    out << "]}\n";
    return kOk;
  }
  out << fmt::format("{} ({})\n", actor.name, to_string(actor.type));
  if (!actor.roles.empty()) out << fmt::format("  roles:        {}\n", join(actor.roles, "; "));
  out << fmt::format("  aliases:      {}\n", join(actor.aliases, ", "));
  if (!p.affiliations.empty()) out << fmt::format("  affiliations: {}\n", join(p.affiliations, ", "));
  out << fmt::format("  statements:   {}\n", p.statements);
  if (!p.first_day.empty()) out << fmt::format("  appears:      {} to {}\n", p.first_day, p.last_day);
  if (!p.partners.empty()) {
    std::vector<std::string> t;
    for (auto& [x, n] : p.partners) t.push_back(fmt::format("{} ({})", src.actor(x).name, n));
    out << fmt::format("  partners:     {}\n", join(t, ", "));
  }
  if (!p.recent.empty()) out << "  recent statements:\n";
  for (const ActorProfile::Said& s : p.recent)
    out << fmt::format("    {:<10}  {} \"{}\"\n               ({})\n", s.date.empty() ? "undated" : s.date,
                       s.kind == StatementKind::Direct ? "said" : "said that", shorten(s.text, 110), s.source);
  return kOk;
}

int inspect_path(Source& src, const Args& a, std::ostream& out, std::ostream& err) {
  auto from = resolve(src, a.a, err);
  auto to = resolve(src, a.b, err);
  if (!from || !to) return kSkipped;
  auto path = src.path(*from, *to);
  auto name = [&](uint32_t i) { return src.actor(i).name; };
  if (!path || path->empty()) {
    if (a.json)
      out << "{\"from\":" << json_string(name(*from)) << ",\"to\":" << json_string(name(*to)) << ",\"steps\":[]}\n";
    else
      out << fmt::format("{} and {} are not connected.\n", name(*from), name(*to));
    return kOk;
  }
  auto describe = [&](const PathStepInfo& st) {
    std::vector<std::string> items;
    for (const PathItem& x : st.items)
      items.push_back(x.event ? fmt::format("{} {}: \"{}\"", x.date.empty() ? "undated" : x.date, x.type, shorten(x.text, 90))
                              : fmt::format("{} statement: \"{}\"", x.date.empty() ? "undated" : x.date, shorten(x.text, 70)));
    return items;
  };
  if (a.json) {
    out << "{\"from\":" << json_string(name(*from)) << ",\"to\":" << json_string(name(*to)) << ",\"steps\":[";
    for (size_t i = 0; i < path->size(); ++i) {
      const PathStepInfo& st = (*path)[i];
      out << (i ? "," : "") << "{\"from\":" << json_string(name(st.from)) << ",\"to\":" << json_string(name(st.to))
          << ",\"count\":" << st.count << ",\"first\":" << json_string(st.first_day)
          << ",\"last\":" << json_string(st.last_day) << ",\"types\":" << json_list(st.types)
          << ",\"items\":" << json_list(describe(st)) << "}";
    }
    out << "]}\n";
    return kOk;
  }
  out << fmt::format("{} to {}: {} step{}\n", name(*from), name(*to), path->size(), path->size() == 1 ? "" : "s");
  for (const PathStepInfo& st : *path) {
    out << fmt::format("  {} -- {} ({} interaction{}, {})\n", name(st.from), name(st.to), st.count,
                       st.count == 1 ? "" : "s", join(st.types, ", "));
    auto items = describe(st);
    for (size_t i = 0; i < items.size() && i < 3; ++i) out << "      " << items[i] << "\n";
    if (items.size() > 3) out << fmt::format("      ... and {} more\n", items.size() - 3);
  }
  return kOk;
}

int inspect_top(Source& src, const Args& a, std::ostream& out) {
  TopActors t = src.top(a.n);
  const std::vector<Centrality>& cs = t.actors;
  if (a.json) {
    out << "[";
    for (size_t i = 0; i < cs.size(); ++i)
      out << (i ? "," : "") << "{\"actor\":" << json_string(src.actor(cs[i].actor).name)
          << ",\"type\":" << json_string(to_string(src.actor(cs[i].actor).type)) << ",\"degree\":" << cs[i].degree
          << ",\"weight\":" << cs[i].weight << ",\"betweenness\":" << fmt::format("{:.4f}", cs[i].betweenness) << "}";
    out << "]\n";
    return kOk;
  }
  if (cs.size() < t.interacting)
    out << fmt::format("The {} most central of the {} actors that take part in an interaction ({} actors in the store):\n",
                       cs.size(), t.interacting, src.actor_count());
  else
    out << fmt::format("The {} actors that take part in an interaction, most central first ({} actors in the store):\n",
                       t.interacting, src.actor_count());
  out << fmt::format("{:>3}  {:<34} {:<7} {:>7} {:>7} {:>12}\n", "#", "actor", "type", "partners", "weight",
                     "betweenness");
  for (size_t i = 0; i < cs.size(); ++i)
    out << fmt::format("{:>3}  {:<34} {:<7} {:>7} {:>7} {:>12.1f}\n", i + 1, shorten(src.actor(cs[i].actor).name, 34),
                       to_string(src.actor(cs[i].actor).type), cs[i].degree, cs[i].weight, cs[i].betweenness);
  return kOk;
}

int ask(Source& src, const Args& a, CLI::App* actor, CLI::App* path, std::ostream& out, std::ostream& err) {
  if (actor->parsed()) return inspect_actor(src, a, out, err);
  if (path->parsed()) return inspect_path(src, a, out, err);
  return inspect_top(src, a, out);
}

}  // namespace

Command add_inspect(CLI::App& app) {
  auto a = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("inspect", "Ask a store about an actor, a path between two, or the top actors");
  sub->add_option("store", a->store, kStoreHelp)->required();
  sub->add_flag("--json", a->json, "Answer in JSON");
  sub->require_subcommand(1);
  CLI::App* actor = sub->add_subcommand("actor", "Roles, aliases, statements and partners of one actor");
  actor->add_option("name", a->actor, "Any alias, case-insensitive")->required();
  actor->add_option("-n,--statements", a->n, "How many recent statements to show")->capture_default_str();
  actor->add_flag("--json", a->json, "Answer in JSON");
  CLI::App* path = sub->add_subcommand("path", "The shortest chain of interactions between two actors");
  path->add_option("from", a->a, "An actor")->required();
  path->add_option("to", a->b, "Another actor")->required();
  path->add_flag("--json", a->json, "Answer in JSON");
  CLI::App* top = sub->add_subcommand("top", "The most central actors");
  top->add_option("-n", a->n, "How many")->capture_default_str();
  top->add_flag("--json", a->json, "Answer in JSON");
  return Command{[a, actor, path](std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (std::filesystem::exists(a->store, ec) && is_sqlite_file(a->store)) {
      Diagnostics d;
      std::unique_ptr<SqliteStore> store = SqliteStore::open(a->store, d);
      if (report(d, false, err) || !store) return static_cast<int>(kSkipped);
      Source src = sqlite_source(*store);
      try {
        return ask(src, *a, actor, path, out, err);
      } catch (const StoreError& e) {
        err << "eventloom: " << e.what() << "\n";
        return static_cast<int>(kSkipped);
      }
    }
    std::optional<Corpus> c = load_store(a->store, err);
    if (!c) return static_cast<int>(kSkipped);
    Source src = corpus_source(*c);
    return ask(src, *a, actor, path, out, err);
  }};
}

}  // namespace eventloom::cli
