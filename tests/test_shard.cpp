// Sharded builds and the k-way merge: `build --shard I/N` splits the articles
// so that N runs read each exactly once, the split does not depend on how
// the inputs are named, and `merge` of the N stores, in any order, gives the
// bytes of one build (examples, the template corpus, 1,500 Reuters records).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "eventloom/ingest.hpp"
#include "template_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

using test_support::Result;
using test_support::run;
using test_support::slurp;
using test_support::TempDir;

namespace {

const std::string kExamples = test_support::examples_dir();

// Each article as "<path>@<offset>#<id>".
std::vector<std::string> article_keys(const std::vector<std::string>& inputs, uint32_t index, uint32_t count,
                                      bool by_file = false) {
  eventloom::IngestOptions opt;
  opt.shard_index = index;
  opt.shard_count = count;
  opt.shard_by_file = by_file;
  std::vector<std::string> keys;
  for (const eventloom::Document& d : eventloom::ingest(inputs, opt).documents)
    keys.push_back(d.sources.at(0).path + "@" + std::to_string(d.sources[0].offset) + "#" + d.id);
  return keys;
}

// Each shard's ids, as a set per shard.
std::vector<std::multiset<std::string>> shard_ids(const std::vector<std::string>& inputs, uint32_t count) {
  std::vector<std::multiset<std::string>> out(count);
  eventloom::IngestOptions opt;
  opt.shard_count = count;
  for (uint32_t i = 0; i < count; ++i) {
    opt.shard_index = i;
    for (const eventloom::Document& d : eventloom::ingest(inputs, opt).documents) out[i].insert(d.id);
  }
  return out;
}

void check_partition(const std::vector<std::string>& inputs, uint32_t count, bool by_file = false) {
  INFO(count << " shards" << (by_file ? " by file" : ""));
  std::vector<std::string> all = article_keys(inputs, 0, 1);
  std::vector<std::string> joined;
  std::map<std::string, uint32_t> shard_of_file;
  size_t nonempty = 0;
  for (uint32_t i = 0; i < count; ++i) {
    std::vector<std::string> part = article_keys(inputs, i, count, by_file);
    for (const std::string& k : part) {
      std::string file = k.substr(0, k.find('@'));
      if (by_file) CHECK(shard_of_file.emplace(file, i).first->second == i);  // a file's articles stay together
    }
    nonempty += !part.empty();
    joined.insert(joined.end(), part.begin(), part.end());
  }
  std::sort(all.begin(), all.end());
  std::sort(joined.begin(), joined.end());
  CHECK(joined == all);  // every article once: none lost, none twice
  if (!by_file && all.size() >= 8 * count) CHECK(nonempty == count);
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// build the inputs whole, then in `count` shards merged in a shuffled order
// (--json, and --db when `db`): the merged bytes are the whole build's.
void check_shards_merge(const TempDir& t, const std::vector<std::string>& inputs, uint32_t count, unsigned seed,
                        bool db = false, bool by_file = false) {
  INFO(count << " shards" << (by_file ? " by file" : ""));
  std::string whole = t / "whole.json";
  if (!fs::exists(whole)) REQUIRE(run(with(with({"build"}, inputs), {"--quiet", "--json", whole})).code == 0);
  std::vector<std::string> parts;
  for (uint32_t i = 0; i < count; ++i) {
    std::string part = t / ("part-" + std::to_string(i) + "-of-" + std::to_string(count) + (db ? ".sqlite" : ".json"));
    Result r = run(with(with({"build"}, inputs),
                        {"--quiet", "--shard", std::to_string(i) + "/" + std::to_string(count), "--shard-by",
                         by_file ? "file" : "record", db ? "--db" : "--json", part}));
    INFO(r.err);
    REQUIRE(r.code == 0);
    parts.push_back(part);
  }
  std::mt19937 rng(seed);
  std::shuffle(parts.begin(), parts.end(), rng);
  std::string merged = t / ("merged-" + std::to_string(count) + ".json");
  Result m = run(with(with({"merge"}, parts), {"--json", merged}));
  INFO(m.err);
  REQUIRE(m.code == 0);
  CHECK(slurp(merged) == slurp(whole));
  if (db) {
    std::string mdb = t / ("merged-" + std::to_string(count) + ".sqlite"), back = mdb + ".json";
    std::reverse(parts.begin(), parts.end());
    REQUIRE(run(with(with({"merge"}, parts), {"--db", mdb})).code == 0);
    REQUIRE(run({"export", mdb, "--format", "json", "-o", back}).code == 0);
    CHECK(slurp(back) == slurp(whole));
  }
}

}  // namespace

TEST_CASE("shard_of: a fixed function of the relative path, the id and the offset") {
  // The same value on every machine and in every run: a change here splits
  // a corpus differently from the stores already built.
  // (Values from an independent reimplementation: FNV-1a 64 of path, "\n",
  // id; xor offset; MurmurHash3's finaliser; modulo count.)
  CHECK(eventloom::shard_of("wire.jsonl", "r1", 0, 1) == 0);
  CHECK(eventloom::shard_of("wire.jsonl", "r1", 0, 1000) == 13);
  CHECK(eventloom::shard_of("feed/2025-01-02.jsonl", "reuters-17", 4096, 64) == 40);
  CHECK(eventloom::shard_of("-", "-#1", 0, 7) == 5);
  std::set<uint32_t> seen;
  for (int i = 0; i < 200; ++i) {
    uint32_t s = eventloom::shard_of("feed/day.jsonl", "r" + std::to_string(i), static_cast<uint64_t>(i) * 100, 7);
    CHECK(s < 7);
    CHECK(s == eventloom::shard_of("feed/day.jsonl", "r" + std::to_string(i), static_cast<uint64_t>(i) * 100, 7));
    seen.insert(s);
  }
  CHECK(seen.size() == 7);  // spread over all of them
  CHECK(eventloom::shard_of("a.txt", "a.txt#1", 0, 1000003) != eventloom::shard_of("b.txt", "a.txt#1", 0, 1000003));
}

TEST_CASE("build --shard: N shards partition the articles of examples/") {
  for (uint32_t n : {1u, 2u, 3u, 4u, 16u}) check_partition({kExamples}, n);
  auto files = std::vector<std::string>{kExamples + "/wire.jsonl", kExamples + "/valdoria_scrape_1.txt",
                                        kExamples + "/html"};
  for (uint32_t n : {2u, 5u}) check_partition(files, n);
}

TEST_CASE("build --shard: the split does not depend on how the inputs are named") {
  fs::path abs = fs::absolute(kExamples);
  fs::path odd = abs / "html" / ".." / ".." / "examples";  // the same directory by another path
  TempDir t;
  fs::path copy = t.path / "elsewhere";
  fs::copy(abs, copy, fs::copy_options::recursive);  // the same files on another "machine"
  for (uint32_t n : {2u, 4u}) {
    INFO(n << " shards");
    auto ref = shard_ids({kExamples}, n);
    CHECK(shard_ids({abs.string()}, n) == ref);
    CHECK(shard_ids({odd.string()}, n) == ref);
    CHECK(shard_ids({copy.string()}, n) == ref);
    // A file named by itself is keyed by its name, wherever it lies.
    CHECK(shard_ids({(abs / "wire.jsonl").string()}, n) == shard_ids({(copy / "wire.jsonl").string()}, n));
  }
}

TEST_CASE("build --shard: bad values are usage errors, one shard is the plain build") {
  TempDir t;
  std::string out = t / "out.json";
  for (const char* bad : {"4/4", "1/0", "x/2", "1/", "/2", "-1/2", "1-2", "2", "99999999999/2"}) {
    INFO(bad);
    Result r = run({"build", kExamples, "--quiet", "--shard", bad, "--json", out});
    CHECK(r.code == 2);
    CHECK(r.err.find("--shard") != std::string::npos);
  }
  CHECK(run({"build", kExamples, "--quiet", "--shard", "0/2", "--update", out}).code == 2);
  std::string plain = t / "plain.json", one = t / "one.json";
  REQUIRE(run({"build", kExamples, "--quiet", "--json", plain}).code == 0);
  REQUIRE(run({"build", kExamples, "--quiet", "--shard", "0/1", "--json", one}).code == 0);
  CHECK(slurp(one) == slurp(plain));
}

TEST_CASE("merge: 1, 2, 4 and 16 shards of examples/, in any order, give one build's bytes") {
  TempDir t;
  unsigned seed = 1;
  for (uint32_t n : {1u, 2u, 4u, 16u}) check_shards_merge(t, {kExamples}, n, seed++);
  check_shards_merge(t, {kExamples}, 3, 7, true);
}

TEST_CASE("build --shard-by file: whole files per shard, not read by the others, merged to one build's bytes") {
  std::vector<std::string> files = {kExamples + "/wire.jsonl", kExamples + "/valdoria_scrape_1.txt",
                                    kExamples + "/valdoria_scrape_2.txt", kExamples + "/valdoria_duplicate.txt",
                                    kExamples + "/html"};
  for (uint32_t n : {2u, 3u, 16u}) {
    check_partition({kExamples}, n, true);
    check_partition(files, n, true);
  }
  // With 16 shards of examples/ (a dozen files) some shards get no file: they write an empty store
  // (not "no input could be read"), which merges.
  TempDir t;
  unsigned seed = 5;
  for (uint32_t n : {2u, 16u}) check_shards_merge(t, {kExamples}, n, seed++, false, true);
  check_shards_merge(t, {kExamples}, 3, 8, true, true);
  CHECK(run({"build", kExamples, "--quiet", "--shard", "0/2", "--shard-by", "line", "--json", t / "x.json"}).code == 2);
}

TEST_CASE("merge: shards of the template corpus find the site template across all of them") {
  TempDir t;
  std::vector<std::string> inputs = template_corpus::write(t.path / "in");
  REQUIRE(run(with(with({"build"}, inputs), {"--quiet", "--json", t / "whole.json"})).code == 0);
  REQUIRE(slurp(t / "whole.json").find("\"kind\":\"template\"") != std::string::npos);
  for (uint32_t n : {2u, 3u, 6u}) check_shards_merge(t, inputs, n, n);
}

TEST_CASE("merge: 1, 2, 4 and 16 shards of 1,500 Reuters records give one build's bytes", "[shared]") {
  fs::path reuters = test_support::shared_dir() / "datasets/corpora/reuters21578.jsonl";
  std::ifstream in(reuters);
  if (!in) SKIP_TEST("no " << reuters);
  TempDir t;
  std::string sample, line;
  for (int i = 0; i < 1500 && std::getline(in, line); ++i) sample += line + "\n";
  std::vector<std::string> inputs = {t.file("reuters1500.jsonl", sample)};
  check_partition(inputs, 16);
  unsigned seed = 11;
  for (uint32_t n : {1u, 2u, 4u, 16u}) check_shards_merge(t, inputs, n, seed++);
  check_shards_merge(t, inputs, 4, 99, true);  // SQLite parts, merged into JSON and into SQLite
}
