// The SQLite store (build --db): its JSON export is build --json's bytes
// (examples, seeds, 1,500 Reuters records), merge and --update keep that,
// the commands answer from it as from the JSON store, the documented
// queries run in the sqlite3 shell, and bad files are named, not crashed on.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "eventloom/graph.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/store.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

using test_support::Result;
using test_support::run;
using test_support::slurp;
using test_support::TempDir;

namespace {

const std::string kExamples = test_support::examples_dir();

// build --json and build --db of the same inputs, then export --format json
// of the SQLite store: the same bytes. Returns the SQLite store's path.
std::string check_same_json(const TempDir& t, const std::vector<std::string>& inputs, const std::string& name,
                            const std::vector<std::string>& extra = {}) {
  std::string json = t / (name + ".json"), db = t / (name + ".sqlite"), back = t / (name + ".back.json");
  std::vector<std::string> args{"build"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), {"--quiet", "--json", json, "--db", db});
  Result b = run(args);
  INFO(b.err);
  REQUIRE(b.code == 0);
  REQUIRE(eventloom::is_sqlite_file(db));
  Result e = run({"export", db, "--format", "json", "-o", back});
  INFO(e.err);
  REQUIRE(e.code == 0);
  CHECK(slurp(back) == slurp(json));
  return db;
}

// stdout of `command`, and its exit status.
std::pair<int, std::string> shell(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return {-1, out};
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::vector<std::string> seed_files() { return test_support::shared_files("seeds", ".txt"); }

}  // namespace

TEST_CASE("store: the JSON export of a SQLite build is build --json's bytes (examples)") {
  TempDir t;
  check_same_json(t, {kExamples}, "ex");
  check_same_json(t, {kExamples}, "ex-notext", {"--no-text"});
}

TEST_CASE("store: the JSON export of a SQLite build is build --json's bytes (seeds)", "[shared]") {
  std::vector<std::string> seeds = seed_files();
  if (seeds.empty()) SKIP_TEST("no seeds under " << test_support::shared_dir());
  TempDir t;
  check_same_json(t, seeds, "seeds");
}

TEST_CASE("store: the JSON export of a SQLite build is build --json's bytes (1,500 Reuters records)", "[shared]") {
  fs::path reuters = test_support::shared_dir() / "datasets/corpora/reuters21578.jsonl";
  std::ifstream in(reuters);
  if (!in) SKIP_TEST("no " << reuters);
  TempDir t;
  std::string sample, line;
  for (int i = 0; i < 1500 && std::getline(in, line); ++i) sample += line + "\n";
  std::string db = check_same_json(t, {t.file("reuters1500.jsonl", sample)}, "reuters");
  // And the questions give the same answers from both stores.
  for (std::vector<std::string> q : {std::vector<std::string>{"top", "-n", "20"}, {"top", "--json"}}) {
    std::vector<std::string> a{"inspect", t / "reuters.json"}, b{"inspect", db};
    a.insert(a.end(), q.begin(), q.end());
    b.insert(b.end(), q.begin(), q.end());
    CHECK(run(a).out == run(b).out);
  }
}

TEST_CASE("store: merge and --update on SQLite stores equal one build over all inputs", "[shared]") {
  std::vector<std::string> seeds = seed_files();
  if (seeds.size() < 4) SKIP_TEST("no seeds under " << test_support::shared_dir());
  TempDir t;
  std::vector<std::string> all = seeds;
  all.push_back(kExamples);
  std::vector<std::string> part_a(all.begin(), all.begin() + 3), part_b(all.begin() + 3, all.end());
  std::string whole = t / "all.json";
  REQUIRE(run([&] {
            std::vector<std::string> a{"build"};
            a.insert(a.end(), all.begin(), all.end());
            a.insert(a.end(), {"--quiet", "--json", whole});
            return a;
          }())
              .code == 0);
  auto build_db = [&](const std::vector<std::string>& in, const std::string& out) {
    std::vector<std::string> a{"build"};
    a.insert(a.end(), in.begin(), in.end());
    a.insert(a.end(), {"--quiet", "--db", out});
    REQUIRE(run(a).code == 0);
  };
  std::string a = t / "a.sqlite", b = t / "b.sqlite";
  build_db(part_a, a);
  build_db(part_b, b);
  auto export_json = [&](const std::string& store) {
    std::string out = store + ".export.json";
    Result r = run({"export", store, "-f", "json", "-o", out});
    INFO(r.err);
    CHECK(r.code == 0);
    return slurp(out);
  };
  SECTION("merge of two SQLite stores, written as SQLite and as JSON") {
    std::string ab = t / "ab.sqlite", ba = t / "ba.json";
    Result m = run({"merge", a, b, "--db", ab});
    INFO(m.err);
    REQUIRE(m.code == 0);
    CHECK(export_json(ab) == slurp(whole));
    REQUIRE(run({"merge", b, a, "--json", ba}).code == 0);
    CHECK(slurp(ba) == slurp(whole));
  }
  SECTION("merge of a JSON store and a SQLite store") {
    std::string aj = t / "a.json", mixed = t / "mixed.sqlite";
    REQUIRE(run({"export", a, "-f", "json", "-o", aj}).code == 0);
    REQUIRE(run({"merge", aj, b, "--db", mixed}).code == 0);
    CHECK(export_json(mixed) == slurp(whole));
  }
  SECTION("build --update of a SQLite store writes it back as SQLite") {
    std::vector<std::string> args{"build", "--update", a, "--quiet"};
    args.insert(args.end(), part_b.begin(), part_b.end());
    Result u = run(args);
    INFO(u.err);
    REQUIRE(u.code == 0);
    CHECK(eventloom::is_sqlite_file(a));
    CHECK(export_json(a) == slurp(whole));
  }
  SECTION("merge needs somewhere to write") { CHECK(run({"merge", a, b}).code == 2); }
}

TEST_CASE("store: inspect answers the same from a SQLite store as from the JSON store") {
  TempDir t;
  std::string db = check_same_json(t, {kExamples}, "ex"), json = t / "ex.json";
  std::vector<std::vector<std::string>> questions{
      {"top"},
      {"top", "-n", "5", "--json"},
      {"actor", "Dana Orsek"},
      {"actor", "Valdoria", "--json"},
      {"actor", "Orsek", "-n", "3"},
      {"actor", "Maren"},        // no exact fit: suggestions
      {"actor", "nobody-here"},  // none at all
      {"path", "Valdoria", "Zarevia"},
      {"path", "Dana Orsek", "Zarevia", "--json"},
      {"path", "Valdoria", "Valdoria"},
  };
  for (const auto& q : questions) {
    std::vector<std::string> a{"inspect", json}, b{"inspect", db};
    a.insert(a.end(), q.begin(), q.end());
    b.insert(b.end(), q.begin(), q.end());
    Result ra = run(a), rb = run(b);
    INFO(q[0] << " " << (q.size() > 1 ? q[1] : ""));
    CHECK(ra.code == rb.code);
    CHECK(ra.out == rb.out);
    CHECK(ra.err == rb.err);
  }
}

TEST_CASE("store: timeline and network of some days read from a SQLite store draw the same picture") {
  TempDir t;
  std::string db = check_same_json(t, {kExamples}, "ex"), json = t / "ex.json";
  for (std::vector<std::string> days : {std::vector<std::string>{"--from", "2025-03", "--to", "2025-03"},
                                        {"--from", "2025-03-10", "--to", "2025-03-20"},
                                        {"--to", "2000"},
                                        {"--from", "2025-03-05", "--actor", "Valdoria"}}) {
    for (const char* what : {"timeline", "network"}) {
      if (std::string(what) == "network" && days.size() > 2 && days[2] == "--actor") continue;
      std::string a = t / "a.dot", b = t / "b.dot";
      std::vector<std::string> ra{what, json, "-o", a}, rb{what, db, "-o", b};
      ra.insert(ra.end(), days.begin(), days.end());
      rb.insert(rb.end(), days.begin(), days.end());
      Result x = run(ra), y = run(rb);
      INFO(what << " " << days[0] << " " << days[1]);
      CHECK(x.code == 0);
      CHECK(y.code == 0);
      CHECK(x.err == y.err);
      CHECK(slurp(a) == slurp(b));
    }
  }
}

TEST_CASE("store: the documented example queries run in the sqlite3 shell") {
  TempDir t;
  std::string db = check_same_json(t, {kExamples}, "ex");
  std::string doc = slurp(std::string(EVENTLOOM_SOURCE_DIR) + "/docs/sqlite-store.md");
  std::vector<std::string> queries;
  for (size_t at = doc.find("```sql\n"); at != std::string::npos; at = doc.find("```sql\n", at)) {
    at += 7;
    size_t end = doc.find("```", at);
    REQUIRE(end != std::string::npos);
    queries.push_back(doc.substr(at, end - at));
    at = end;
  }
  REQUIRE(queries.size() == 3);
  for (size_t i = 0; i < queries.size(); ++i) {
    std::string q = t.file("q" + std::to_string(i) + ".sql", queries[i]);
    auto [code, out] = shell("sqlite3 -bail -batch -header -column '" + db + "' < '" + q + "' 2>&1");
    INFO(queries[i] << "\n->\n" << out);
    CHECK(code == 0);
    CHECK(std::count(out.begin(), out.end(), '\n') >= 3);  // a header, its rule, and rows
  }
  // The schema the shell sees is the one documented, at its version.
  auto [code, version] = shell("sqlite3 -batch '" + db + "' 'PRAGMA user_version'");
  CHECK(code == 0);
  CHECK(version == std::to_string(eventloom::kSqliteSchemaVersion) + "\n");
}

TEST_CASE("store: bad store files are named with the reason, never crashed on") {
  TempDir t;
  std::string good = check_same_json(t, {kExamples}, "ex");
  std::string bytes = slurp(good);
  REQUIRE(bytes.size() > 16384);
  std::string corrupt = bytes;  // the header intact, the pages after the first overwritten
  for (size_t i = 4096; i < corrupt.size(); ++i) corrupt[i] = static_cast<char>(0x5A ^ (i * 31));
  struct Case {
    std::string name, content, reason;
  };
  std::vector<Case> cases{
      {"corrupt.sqlite", corrupt, "damaged"},
      {"truncated.sqlite", bytes.substr(0, bytes.size() / 2), "truncated"},
      {"header-only.sqlite", bytes.substr(0, 40), "truncated"},
      {"not-sqlite.sqlite", "this is a text file, not a database\n", "not valid JSON"},
  };
  std::string newer = t / "newer.sqlite", foreign = t / "foreign.sqlite";
  fs::copy_file(good, newer);
  REQUIRE(shell("sqlite3 -batch '" + newer + "' 'PRAGMA user_version = 99'").first == 0);
  REQUIRE(shell("sqlite3 -batch '" + foreign + "' 'CREATE TABLE notes (a TEXT); INSERT INTO notes VALUES (1)'").first == 0);
  std::vector<std::pair<std::string, std::string>> files{{newer, "newer eventloom"}, {foreign, "not an eventloom store"}};
  for (const Case& c : cases) files.emplace_back(t.file(c.name, c.content), c.reason);
  for (const auto& [path, reason] : files) {
    for (std::vector<std::string> cmd : {std::vector<std::string>{"inspect", path, "top"},
                                         {"inspect", path, "actor", "Valdoria"},
                                         {"inspect", path, "path", "Valdoria", "Zarevia"},
                                         {"export", path, "-f", "json", "-o", t / "x.json"},
                                         {"timeline", path, "--from", "2025-03", "-o", t / "x.svg"},
                                         {"merge", good, path, "--db", t / "m.sqlite"}}) {
      Result r = run(cmd);
      INFO(cmd[0] << " " << path << ": " << r.err);
      CHECK(r.code == 1);
      CHECK(r.err.find(path) != std::string::npos);
      CHECK(r.err.find(reason) != std::string::npos);
    }
  }
}

TEST_CASE("store: a write that fails leaves what was there, and no temporary file") {
  TempDir t;
  std::string db = check_same_json(t, {kExamples}, "ex");
  fs::create_directories(t.path / "taken");
  Result r = run({"merge", db, db, "--db", t / "taken"});  // the target is a directory: the rename fails
  CHECK(r.code == 1);
  CHECK(r.err.find("taken") != std::string::npos);
  CHECK(fs::is_directory(t.path / "taken"));
  for (const auto& e : fs::directory_iterator(t.path))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("store: sampled betweenness over every source is Brandes' exact betweenness") {
  eventloom::BuildResult r = eventloom::build_corpus({kExamples});
  eventloom::EventGraph eg = eventloom::build_graph(r.corpus);
  std::vector<eventloom::Centrality> exact = eventloom::centrality(eg);
  REQUIRE(exact.size() > 10);
  REQUIRE_FALSE(eventloom::centrality_sampled(exact.size()));
  eventloom::CentralityOptions all_sources{0, 1u << 20};
  std::vector<eventloom::Centrality> mine = eventloom::centrality(eg, all_sources);
  REQUIRE(mine.size() == exact.size());
  std::map<uint32_t, double> by_actor;
  for (const auto& c : exact) by_actor[c.actor] = c.betweenness;
  for (const auto& c : mine) CHECK(std::abs(c.betweenness - by_actor[c.actor]) < 1e-6 * (1 + by_actor[c.actor]));
  // Fewer sources: an estimate, the same every time.
  eventloom::CentralityOptions few{0, 7};
  std::vector<eventloom::Centrality> a = eventloom::centrality(eg, few), b = eventloom::centrality(eg, few);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK((a[i].actor == b[i].actor && a[i].betweenness == b[i].betweenness));
}
