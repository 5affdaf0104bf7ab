// The JSON store reads back losslessly, and merging stores equals one build.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"
#include "test_support.hpp"

using namespace eventloom;

namespace {

std::vector<std::string> seed_files() { return test_support::shared_files("seeds", ".txt"); }

std::string to_json(const Corpus& c) {
  std::ostringstream ss;
  write_json(c, ss);
  return ss.str();
}

Corpus build(const std::vector<std::string>& files) {
  BuildOptions opt;
  opt.jobs = 2;
  return build_corpus(files, opt).corpus;
}

}  // namespace

TEST_CASE("the JSON store of the seeds reads back to the same bytes", "[shared]") {
  auto files = seed_files();
  if (files.size() < 5) SKIP_TEST("no seeds under " << test_support::shared_dir());
  Corpus c = build(files);
  std::string first = to_json(c);
  Diagnostics diag;
  Corpus back = read_json(first, diag, "seeds.json");
  CHECK(diag.items.empty());
  CHECK(back.docs.size() == c.docs.size());
  CHECK(back.actors.size() == c.actors.size());
  CHECK(back.statements.size() == c.statements.size());
  std::string second = to_json(back);
  CHECK(second.size() == first.size());
  CHECK(second == first);
}

TEST_CASE("merging the stores of 000-002 and 003-004 equals building all seeds", "[shared]") {
  auto files = seed_files();
  if (files.size() < 5) SKIP_TEST("no seeds under " << test_support::shared_dir());
  std::vector<std::string> a(files.begin(), files.begin() + 3), b(files.begin() + 3, files.end());
  Diagnostics diag;
  Corpus ra = read_json(to_json(build(a)), diag);
  Corpus rb = read_json(to_json(build(b)), diag);
  std::string merged = to_json(merge(std::move(ra), std::move(rb)));
  std::string all = to_json(build(files));
  CHECK(merged.size() == all.size());
  CHECK(merged == all);
}

TEST_CASE("read_json reports what it cannot read and never throws") {
  Diagnostics diag;
  Corpus c = read_json("not json at all", diag);
  CHECK(c.docs.empty());
  CHECK(diag.skipped_any());

  Diagnostics d2;
  read_json(R"({"documents": []})", d2);
  CHECK(d2.skipped_any());

  // A record whose extraction points at actors it does not have keeps its
  // document and drops the extraction.
  Diagnostics d3;
  Corpus bad = read_json(R"({"eventloom": ["eventloom-graph", 1], "documents": [
    {"id": "x#1", "title": "T", "published": "2024-02-30", "text": "Hello there.",
     "extraction": {"actors": [], "mentions": [[5, 0, 5]]}}]})", d3);
  REQUIRE(bad.docs.size() == 1);
  CHECK(bad.docs[0].mentions.empty());
  CHECK(!bad.docs[0].doc.published);  // no such day
  CHECK(d3.skipped_any());

  Diagnostics d4;
  Corpus empty = read_json(to_json(Corpus{}), d4);
  CHECK(d4.items.empty());
  CHECK(to_json(empty) == to_json(Corpus{}));
}

TEST_CASE("a store written without texts reads back to the same statements and events", "[shared]") {
  auto files = seed_files();
  if (files.size() < 5) SKIP_TEST("no seeds under " << test_support::shared_dir());
  Corpus c = build(files);
  JsonOptions no_text;
  no_text.include_text = false;
  std::ostringstream ss;
  write_json(c, ss, no_text);
  CHECK(ss.str().find("\"text_pieces\"") != std::string::npos);
  Diagnostics diag;
  Corpus back = read_json(ss.str(), diag, "seeds-no-text.json");
  CHECK(diag.items.empty());  // no "the store lists N statements, rebuilding gives M"
  REQUIRE(back.statements.size() == c.statements.size());
  REQUIRE(back.events.size() == c.events.size());
  for (size_t i = 0; i < c.statements.size(); ++i) CHECK(back.statements[i].text == c.statements[i].text);
  // Written again without texts, it is the same store.
  std::ostringstream again;
  write_json(back, again, no_text);
  CHECK(again.str() == ss.str());
}
