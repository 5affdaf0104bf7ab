// Parallel build determinism: the JSON store is the same bytes whatever the
// number of worker threads, on the examples and (when ../shared is there)
// on the seed scrapes and a slice of Reuters-21578.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "eventloom/export.hpp"
#include "eventloom/interned.hpp"
#include "eventloom/pipeline.hpp"
#include "pipeline/parallel.hpp"
#include "template_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace eventloom;

namespace {

std::string build_json(const std::vector<std::string>& inputs, unsigned jobs) {
  BuildOptions opt;
  opt.jobs = jobs;
  BuildResult r = build_corpus(inputs, opt);
  std::ostringstream out;
  write_json(r.corpus, out);
  return out.str();
}

void require_same_bytes(const std::vector<std::string>& inputs) {
  std::string one = build_json(inputs, 1);
  std::string four = build_json(inputs, 4);
  REQUIRE(one.size() > 100);
  REQUIRE(one.size() == four.size());
  REQUIRE(one == four);  // a byte-for-byte comparison
}

}  // namespace

TEST_CASE("examples: --jobs 1 and --jobs 4 give the same JSON bytes", "[parallel]") {
  require_same_bytes({EVENTLOOM_SOURCE_DIR "/examples"});
}

TEST_CASE("seeds: --jobs 1 and --jobs 4 give the same JSON bytes", "[parallel][shared]") {
  fs::path seeds = test_support::shared_dir() / "seeds";
  if (!fs::exists(seeds)) SKIP_TEST("no " << seeds);
  require_same_bytes({seeds.string()});
}

TEST_CASE("a slice of Reuters-21578: --jobs 1 and --jobs 4 give the same JSON bytes", "[parallel][shared]") {
  fs::path reuters = test_support::shared_dir() / "datasets/corpora/reuters21578.jsonl";
  if (!fs::exists(reuters)) SKIP_TEST("no " << reuters);
  // The first 1,500 records: enough for near-duplicates and merged actors.
  fs::path slice = fs::temp_directory_path() / ("eventloom_test_parallel_" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ifstream in(reuters);
    std::ofstream out(slice);
    std::string line;
    for (int i = 0; i < 1500 && std::getline(in, line); ++i) out << line << '\n';
  }
  require_same_bytes({slice.string()});
  fs::remove(slice);
}

TEST_CASE("site templates: --jobs 1 and --jobs 4 give the same JSON bytes", "[parallel]") {
  fs::path dir = fs::temp_directory_path() / ("eventloom_test_parallel_templates_" + std::to_string(::getpid()));
  template_corpus::write(dir);
  template_corpus::write_reports(dir, 14);  // the teaser on 6 of 20 articles: still a template
  require_same_bytes({dir.string()});
  REQUIRE(build_json({dir.string()}, 2).find("\"kind\":\"template\"") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("parallel_for runs every index once, whatever the thread count", "[parallel]") {
  for (unsigned jobs : {0u, 1u, 3u, 16u}) {
    std::vector<int> hits(1000, 0);
    parallel_for(hits.size(), jobs, [&](size_t i) { hits[i]++; });
    for (int h : hits) REQUIRE(h == 1);
  }
  int calls = 0;
  parallel_for(0, 4, [&](size_t) { ++calls; });
  REQUIRE(calls == 0);
}

TEST_CASE("interned strings made on several threads are one copy each, and read as the strings they hold") {
  // Made the way events make them: from other strings, views and literals,
  // on the build's threads at once.
  std::vector<std::vector<Interned>> made(4);
  parallel_for(made.size(), 4, [&](size_t t) {
    for (int i = 0; i < 200; ++i) {
      std::string s = "grain " + std::to_string(i % 20);
      made[t].push_back(i % 2 ? Interned(s) : Interned(std::string_view(s)));
    }
  });
  for (const auto& v : made)
    for (size_t i = 0; i < v.size(); ++i) {
      CHECK(v[i] == made[0][i]);
      CHECK(v[i].data() == made[0][i].data());  // one copy
      CHECK(v[i].str() == "grain " + std::to_string(i % 20));
    }
  Interned type = "04 CONSULT", none;
  CHECK(none.empty());
  CHECK(none == "");
  CHECK(type == std::string("04 CONSULT"));
  CHECK(type != Interned("05 ENGAGE IN DIPLOMATIC COOPERATION"));
  CHECK(type.rfind("04", 0) == 0);
  CHECK(type.compare(0, 2, "04") == 0);
  CHECK(type.substr(0, 2) == "04");
  CHECK("type " + type == "type 04 CONSULT");
  CHECK(Interned("01 X") < type);
  const std::string& as_string = type;
  CHECK(&as_string == &type.str());
  type.clear();
  CHECK(type.empty());
}
