// The SQLite store: the graph in one file that the commands query without
// loading the corpus, and that analysts open with their own tools (the
// sqlite3 shell, Datasette, pandas, R). The schema is docs/schema.sql,
// explained in docs/sqlite-store.md.
//
// It holds two layers. The article layer is every article with its own
// extraction, as the JSON store has them, so read_sqlite_file() rebuilds the
// corpus exactly as read_json() does (consolidate() over the documents):
// write_json() of either gives the same bytes, and merge and build --update
// work on both stores alike. The corpus layer (actors, statements, events,
// evidence, interactions, centrality) is derived once, when the store is
// written, and indexed for the questions SqliteStore answers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/graph.hpp"

namespace eventloom {

constexpr int kSqliteSchemaVersion = 1;  // PRAGMA user_version of the stores this version writes

// True when the file at `path` starts with SQLite's header ("SQLite format 3"),
// whatever its name.
bool is_sqlite_file(const std::string& path);

struct SqliteOptions {
  bool include_text = true;  // false: as --no-text, only the pieces the extraction points into
};

// Write `c` as a SQLite store: into a temporary file beside `path`, in one
// transaction, renamed over `path` only when complete. Returns an empty
// string, or the reason it failed (nothing replaced).
std::string write_sqlite(const Corpus& c, const std::string& path, const SqliteOptions& opt = {});

// Read a whole store back (the article layer, then consolidate()). Problems
// (not SQLite, truncated, corrupt, a newer schema, not an eventloom store)
// are errors in `diag` naming the file.
Corpus read_sqlite_file(const std::string& path, Diagnostics& diag);

// ---- answers to the questions `inspect` asks -----------------------------------
//
// The same answers come from a corpus in memory (the JSON store) and from a
// SQLite store, which reads only the rows each question needs.

struct ActorProfile {
  uint32_t actor = 0;
  std::vector<std::string> affiliations;  // names
  size_t statements = 0;                  // how many it made
  std::string first_day, last_day;        // its span in the graph
  std::vector<std::pair<uint32_t, uint32_t>> partners;  // (actor, interactions), the 10 most frequent
  struct Said {
    std::string date;
    StatementKind kind = StatementKind::Direct;
    std::string text;
    std::string source;  // the first file of its first report
  };
  std::vector<Said> recent;  // newest first, at most the number asked for
};
ActorProfile actor_profile(const Corpus& c, uint32_t actor, size_t statements);

struct TopActors {
  std::vector<Centrality> actors;  // most central first
  size_t interacting = 0;          // actors with an interaction
};
TopActors top_actors(const Corpus& c, size_t n);

struct PathItem {
  bool event = false;
  std::string date, type;  // type: events only
  std::string text;        // the event's sentence, the statement's words
};
struct PathStepInfo {
  uint32_t from = 0, to = 0;  // Corpus::actors, in the direction walked
  uint32_t count = 0;
  std::string first_day, last_day;
  std::vector<std::string> types;
  std::vector<PathItem> items;  // events, then statements
};
// nullopt: an actor is not in the graph; empty: not connected.
std::optional<std::vector<PathStepInfo>> actor_path(const Corpus& c, uint32_t from, uint32_t to);

// A SQLite store opened for questions. Its methods throw StoreError when the
// file turns out damaged while they read.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SqliteStore {
 public:
  // nullptr, with an error in `diag` naming the file, when it is not a store
  // this version can read.
  static std::unique_ptr<SqliteStore> open(const std::string& path, Diagnostics& diag);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  const std::string& path() const { return path_; }
  size_t actor_count();
  // find_actor() (graph.hpp) over the store's actor names.
  ActorLookup find_actor(std::string_view name);
  // An actor's id, name, type, aliases, roles and affiliations (kept while
  // the store is open).
  const Actor& actor(uint32_t i);
  ActorProfile actor_profile(uint32_t actor, size_t statements);
  TopActors top_actors(size_t n);
  std::optional<std::vector<PathStepInfo>> actor_path(uint32_t from, uint32_t to);
  // What a picture of the days [from, to] (YYYY-MM-DD, either may be empty)
  // is drawn from: every actor, the statements and events placed on those
  // days, and the articles that report them. build_graph() of it with a
  // filter on those days gives the graph of the whole corpus with that filter.
  // Without `actor_details`, the actors have their id, name and type only (no
  // aliases, roles or affiliations): what a timeline draws, and less to read.
  Corpus slice(const std::string& from, const std::string& to, bool actor_details = true);

  struct Impl;

 private:
  explicit SqliteStore(std::string path);
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventloom
