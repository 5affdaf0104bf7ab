// Timeline summaries (issue 18): key days by evidence, sentences with their
// article and offsets, every output format, and bad input: an empty store, a
// store with nothing dated, more days asked for than there are, a filter
// that leaves nothing.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/render.hpp"
#include "eventloom/summary.hpp"
#include "eventloom/timex_value.hpp"
#include "test_support.hpp"

using namespace eventloom;
using test_support::run;
using test_support::slurp;
using test_support::TempDir;

namespace {

const Corpus& examples() { return test_support::examples_corpus(); }

std::string folded(std::string_view s) {
  std::string out;
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : ch);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Days in order and distinct, at most `n` sentences each, each sentence the
// text at its offsets, none quoted twice.
void check_well_formed(const Corpus& c, const Summary& s, size_t n) {
  std::set<std::string> quoted;
  for (size_t i = 0; i < s.days.size(); ++i) {
    const SummaryDay& d = s.days[i];
    INFO(d.date);
    REQUIRE(parse_iso_day(d.date));
    if (i) CHECK(s.days[i - 1].date < d.date);
    CHECK(d.sentences.size() <= n);
    for (const SummarySentence& x : d.sentences) {
      REQUIRE(x.doc < c.docs.size());
      const Document& doc = c.docs[x.doc].doc;
      CHECK(doc.id == x.document);
      REQUIRE(x.span.end <= doc.text.size());
      CHECK(folded(std::string_view(doc.text).substr(x.span.start, x.span.size())) == x.text);
      CHECK(quoted.insert(x.document + "@" + std::to_string(x.span.start)).second);
    }
  }
}

// A store of one article with no date of its own and no date in its words.
Corpus undated() {
  DocExtraction x;
  x.doc.id = "undated#1";
  x.doc.text = "The council met again to discuss the harbour. Nobody said when it would end.";
  x.doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(x.doc.text.size())}, ParagraphKind::Body});
  x.doc.sources.push_back({"undated.txt", 0, 1, "", ""});
  x.doc.format = "text";
  return consolidate({x});
}

}  // namespace

TEST_CASE("summary of the examples: the crisis's days, each with sentences that say what happened") {
  const Corpus& c = examples();
  SummaryOptions opt;
  opt.sentences = 2;
  Summary s = summarize(c, opt);
  REQUIRE(s.days.size() >= 3);
  CHECK(s.days.size() <= s.candidate_days);
  check_well_formed(c, s, 2);
  std::set<std::string> days;
  for (const SummaryDay& d : s.days) days.insert(d.date);
  // The clash at the Teskar Pass (2 March), the sanctions (10 March) and the
  // ceasefire signed in Halvik (20 March) are the story's days.
  CHECK(days.count("2025-03-02"));
  CHECK(days.count("2025-03-10"));
  CHECK(days.count("2025-03-20"));
  for (const SummaryDay& d : s.days) CHECK(!d.sentences.empty());
  // The ceasefire's day says so.
  for (const SummaryDay& d : s.days)
    if (d.date == "2025-03-20") {
      bool ceasefire = false;
      for (const SummarySentence& x : d.sentences) ceasefire = ceasefire || x.text.find("ceasefire") != std::string::npos;
      CHECK(ceasefire);
    }
  // K days asked for: K given.
  opt.dates = 4;
  opt.sentences = 1;
  Summary four = summarize(c, opt);
  CHECK(four.days.size() == 4);
  check_well_formed(c, four, 1);
}

TEST_CASE("summary: the default number of days follows the evidence") {
  CHECK(default_summary_dates({}) == 0);
  CHECK(default_summary_dates({5.0}) == 1);
  CHECK(default_summary_dates({9, 8, 7, 6, 5, 4, 3, 2, 1}) == 6);
  CHECK(default_summary_dates({100, 1, 1, 1, 1, 1, 1, 1, 1}) == 1);  // one day stands out
  std::vector<double> many(10000, 1.0);
  CHECK(default_summary_dates(many) == 40);
}

TEST_CASE("summary on bad input: an empty store, nothing dated, more days than there are, a filter leaving nothing") {
  SECTION("an empty store") {
    Summary s = summarize(Corpus{});
    CHECK(s.days.empty());
    CHECK(s.candidate_days == 0);
    REQUIRE(!s.notes.empty());
    CHECK(s.notes.front().find("no articles") != std::string::npos);
    CHECK(summary_json(s) == "{\"timeline\": []}\n");
  }
  SECTION("a store with no dated events or articles") {
    Corpus c = undated();
    Summary s = summarize(c);
    CHECK(s.days.empty());
    REQUIRE(!s.notes.empty());
    CHECK(s.notes.front().find("dated") != std::string::npos);
    CHECK(summary_markdown(c, s, "t").find("No key days") != std::string::npos);
    CHECK(render_summary_html(c, s).ok());
    CHECK(render(summary_graph(c, s), RenderFormat::Svg).ok());
  }
  SECTION("more days asked for than there are") {
    SummaryOptions opt;
    opt.dates = 100000;
    Summary s = summarize(examples(), opt);
    CHECK(s.days.size() == s.candidate_days);
    REQUIRE(!s.notes.empty());
    CHECK(s.notes.front().find("100000 days asked for") != std::string::npos);
    check_well_formed(examples(), s, opt.sentences);
  }
  SECTION("a filter that leaves nothing") {
    SummaryOptions opt;
    opt.filter.from = "2030-01-01";
    Summary s = summarize(examples(), opt);
    CHECK(s.days.empty());
    CHECK(!s.notes.empty());
    SummaryOptions types;
    types.filter.event_types = {"20"};  // mass violence: not in the examples
    Summary t = summarize(examples(), types);
    CHECK(t.days.empty());
    REQUIRE(!t.notes.empty());
    CHECK(t.notes.front().find("filter") != std::string::npos);
  }
}

TEST_CASE("summary filters: the days within --from/--to, the sentences about --actor") {
  const Corpus& c = examples();
  SummaryOptions opt;
  opt.filter.from = "2025-03-10";
  opt.filter.to = "2025-03-15";
  Summary s = summarize(c, opt);
  REQUIRE(!s.days.empty());
  for (const SummaryDay& d : s.days) {
    CHECK(d.date >= "2025-03-10");
    CHECK(d.date <= "2025-03-15");
  }
  ActorLookup v = find_actor(c, "Andrei Velkorin");
  REQUIRE(v.unique());
  SummaryOptions who;
  who.filter.actors = {v.actors.front()};
  Summary w = summarize(c, who);
  REQUIRE(!w.days.empty());
  check_well_formed(c, w, who.sentences);
  size_t naming = 0, all = 0;
  for (const SummaryDay& d : w.days)
    for (const SummarySentence& x : d.sentences) {
      ++all;
      naming += x.text.find("Velkorin") != std::string::npos || x.text.find("foreign minister") != std::string::npos ||
                x.text.find("Foreign Minister") != std::string::npos || x.text.find("Zarevia") != std::string::npos;
    }
  CHECK(naming * 2 >= all);
}

TEST_CASE("summary of a store written without texts quotes the event sentences it keeps") {
  TempDir t;
  REQUIRE(run({"build", std::string(EVENTLOOM_SOURCE_DIR) + "/examples", "--json", t / "lean.json", "--no-text", "--quiet", "--jobs", "2"}).code == 0);
  Diagnostics d;
  Corpus c = read_json_file(t / "lean.json", d);
  REQUIRE(!c.docs.empty());
  REQUIRE(c.docs.front().doc.text_partial);
  Summary s = summarize(c);
  REQUIRE(!s.days.empty());
  check_well_formed(c, s, SummaryOptions{}.sentences);
  size_t sentences = 0;
  for (const SummaryDay& day : s.days) sentences += day.sentences.size();
  CHECK(sentences > 0);
}

TEST_CASE("CLI summary: every format, by extension and by --format, and its errors") {
  TempDir t;
  std::string store = t / "examples.json";
  REQUIRE(run({"build", std::string(EVENTLOOM_SOURCE_DIR) + "/examples", "--json", store, "--quiet", "--jobs", "2"}).code == 0);
  auto r = run({"summary", store, "--dates", "3", "--sentences", "1"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("{\"timeline\": [", 0) == 0);
  size_t days = 0;
  for (size_t at = 0; (at = r.out.find("{\"date\": ", at)) != std::string::npos; ++at) ++days;
  CHECK(days == 3);
  for (const char* key : {"\"sentences\": [", "\"text\": ", "\"document\": ", "\"start\": ", "\"end\": "})
    CHECK(r.out.find(key) != std::string::npos);
  // The JSON reads back as JSON.
  std::string json = t.file("s.json", r.out);
  std::string py = std::string(EVENTLOOM_PYTHON) + " -c \"import json,sys; d=json.load(open(sys.argv[1])); "
                   "assert len(d['timeline'])==3 and all(set(s)=={'text','document','start','end'} "
                   "for x in d['timeline'] for s in x['sentences'])\" " + json;
  CHECK(std::system(py.c_str()) == 0);

  CHECK(run({"summary", store, "-o", t / "s.md", "--title", "Teskar"}).code == 0);
  CHECK(slurp(t / "s.md").rfind("# Teskar\n", 0) == 0);
  CHECK(run({"summary", store, "-o", t / "s.html"}).code == 0);
  CHECK(slurp(t / "s.html").find("<ol class=\"tl\">") != std::string::npos);
  CHECK(run({"summary", store, "-o", t / "s.svg"}).code == 0);
  std::string svg = slurp(t / "s.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("March 2025") != std::string::npos);
  CHECK(std::system(("xmllint --noout " + t / "s.svg" + " 2>/dev/null").c_str()) == 0);
  CHECK(run({"summary", store, "--format", "md"}).out.rfind("# Timeline", 0) == 0);

  CHECK(run({"summary", store, "--format", "docx"}).code == 2);
  CHECK(run({"summary", store, "--sentences", "0"}).code == 2);
  CHECK(run({"summary", store, "--from", "2025-13"}).code == 2);
  CHECK(run({"summary", store, "--actor", "Nobody At All"}).code == 2);
  auto missing = run({"summary", t / "missing.json"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("missing.json") != std::string::npos);
  // A filter that leaves nothing: an empty timeline and a note, not an error.
  auto none = run({"summary", store, "--from", "2031"});
  CHECK(none.code == 0);
  CHECK(none.out == "{\"timeline\": []}\n");
  CHECK(none.err.find("note:") != std::string::npos);
  // An empty store: the same.
  std::string empty = t / "empty.json";
  REQUIRE(write_file_atomic(empty, [](std::ostream& os) { write_json(Corpus{}, os); }).empty());
  auto e = run({"summary", empty, "-o", t / "empty.md"});
  CHECK(e.code == 0);
  CHECK(slurp(t / "empty.md").find("No key days") != std::string::npos);
}

TEST_CASE("report opens with the key days, the timeline below") {
  TempDir t;
  auto r = run({"report", std::string(EVENTLOOM_SOURCE_DIR) + "/examples", "-o", t / "r.html", "--jobs", "2"});
  CHECK(r.code == 0);
  std::string html = slurp(t / "r.html");
  size_t summary = html.find("<section id=\"summary\">"), timeline = html.find("<section id=\"timeline\">");
  REQUIRE(summary != std::string::npos);
  REQUIRE(timeline != std::string::npos);
  CHECK(summary < timeline);
  CHECK(html.find("<section") == summary);
}

TEST_CASE("summary of the seeds: days with their sentences, from the articles", "[shared]") {
  std::vector<std::string> seeds = test_support::shared_files("seeds", ".txt");
  if (seeds.size() < 5) SKIP_TEST("the seeds are not in " << test_support::shared_dir());
  TempDir t;
  std::vector<std::string> args = {"build"};
  args.insert(args.end(), seeds.begin(), seeds.end());
  for (const char* a : {"--json", "", "--quiet", "--jobs", "2"}) args.push_back(a);
  args[args.size() - 4] = t / "seeds.json";
  REQUIRE(run(args).code <= 1);
  Diagnostics d;
  Corpus c = read_json_file(t / "seeds.json", d);
  Summary s = summarize(c);
  REQUIRE(s.days.size() >= 3);
  check_well_formed(c, s, SummaryOptions{}.sentences);
  for (const SummaryDay& day : s.days) CHECK(!day.sentences.empty());
  auto md = run({"summary", t / "seeds.json", "-o", t / "seeds.md"});
  CHECK(md.code == 0);
}

TEST_CASE("summary reads a SQLite store as it reads the JSON store") {
  TempDir t;
  REQUIRE(run({"build", std::string(EVENTLOOM_SOURCE_DIR) + "/examples", "--json", t / "e.json", "--db", t / "e.sqlite", "--quiet",
               "--jobs", "2"})
              .code == 0);
  auto json = run({"summary", t / "e.json", "--dates", "5"});
  auto sqlite = run({"summary", t / "e.sqlite", "--dates", "5"});
  CHECK(json.code == 0);
  CHECK(sqlite.code == 0);
  CHECK(json.out.find("\"sentences\": [{") != std::string::npos);
  CHECK(sqlite.out == json.out);
}
