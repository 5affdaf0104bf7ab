// End-to-end: the CLI on real files, in-process through cli::run and through
// the binary, and every kind of bad input named, skipped and survived.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/cli.hpp"
#include "eventloom/export.hpp"
#include "template_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

using test_support::Result;
using test_support::run;
using test_support::slurp;
using test_support::TempDir;

namespace {

const std::string kGood =
    "Envoys Meet in Halvik\n\nThe envoys of both countries met in Halvik on Monday, officials said.\n\n"
    "\"It was a useful meeting,\" the mediator said.\n";

}  // namespace

TEST_CASE("build writes the JSON export for good input, exit 0") {
  TempDir t;
  std::string in = t.file("a.txt", kGood), out = (t.path / "out.json").string();
  Result r = run({"build", in, "--json", out, "--quiet"});
  CHECK(r.code == 0);
  std::string json = slurp(out);
  CHECK(json.find("\"documents\"") != std::string::npos);
  CHECK(json.find("Envoys Meet in Halvik") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a message") {
  Result r = run({"build"});
  CHECK(r.code == 2);
  CHECK(r.err.find("eventloom:") != std::string::npos);
  CHECK(run({"frobnicate"}).code == 2);
  CHECK(run({"--help"}).code == 0);
}

TEST_CASE("each bad input is named, skipped, and the others still read") {
  TempDir t;
  std::string good = t.file("good.txt", kGood);
  std::string out = (t.path / "out.json").string();
  struct Case {
    std::string name;
    std::string path;
    std::string expect;  // in the message
  };
  std::string big(50u << 20, 'a');
  for (size_t i = 80; i < big.size(); i += 81) big[i] = ' ';
  std::string jsonl;
  for (int i = 1; i <= 20; ++i)
    jsonl += i == 17 ? "{\"id\": \"r17\", \"text\": oops}\n"
                     : "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Officials said talks went on.\"}\n";
  fs::create_directories(t.path / "emptydir");
  t.file("emptydir/notes.csv", "a,b\n");
  std::vector<Case> cases = {
      {"missing file", (t.path / "nope.txt").string(), "no such file"},
      {"directory without articles", (t.path / "emptydir").string(), "no .txt"},
      {"binary file", t.file("bin.txt", std::string("\x7f" "ELF\0\0\x01\x02", 8)), "binary"},
      {"invalid UTF-8", t.file("latin1.txt", "Caf\xe9 talks\n\nThe envoys met on Monday, officials said.\n"), "invalid UTF-8"},
      {"empty file", t.file("empty.txt", ""), "empty"},
      {"huge single-line file", t.file("huge.txt", big), "limit"},
      {"malformed JSON on line 17", t.file("wire.jsonl", jsonl), ":17:"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Result r = run({"build", good, c.path, "--json", out, "--quiet"});
    CHECK(r.code == 1);
    CHECK(r.err.find(c.path) != std::string::npos);
    CHECK(r.err.find(c.expect) != std::string::npos);
    // The good input was still read and written.
    CHECK(slurp(out).find("Envoys Meet in Halvik") != std::string::npos);
  }
}

TEST_CASE("truncated HTML is read as far as it goes, with a note") {
  TempDir t;
  std::string page = t.file("cut.html",
                            "<html><head><title>T</title></head><body><article><h1>Talks Resume</h1>"
                            "<p>The envoys met on Monday, officials said.</p><p>They will meet ag");
  std::string out = (t.path / "out.json").string();
  Result r = run({"build", page, "--json", out});
  CHECK(r.code == 0);
  CHECK(r.err.find("ends early") != std::string::npos);
  CHECK(slurp(out).find("They will meet ag") != std::string::npos);
}

// Saved news pages in windows-1252 (declared as such or as iso-8859-1, as
// browsers read both) and UTF-16 files with a byte-order mark are read,
// converted to UTF-8, with a note each; the store holds the UTF-8 text.
TEST_CASE("legacy encodings: windows-1252, latin-1 and UTF-16 inputs build, converted to UTF-8") {
  TempDir t;
  auto page = [](const std::string& meta, const std::string& title) {
    return "<html><head>" + meta + "</head><body><h1>" + title + "</h1><p>HALVIK, March 13 - The envoys met at the " +
           "caf\xE9 on Monday, \x93" "a first step,\x94 officials said.</p></body></html>\n";
  };
  t.file("in/a.html", page("<meta charset=\"windows-1252\">", "Envoys Meet at Cafe"));
  t.file("in/b.html", page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
                           "Envoys Meet Again"));
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Talks Go On\n\nHALVIK, March 14 - The envoys met again on Tuesday, officials said.\n"))
    utf16 += std::string{c, '\0'};
  t.file("in/c.txt", utf16);
  std::string out = (t.path / "out.json").string();
  Result r = run({"build", (t.path / "in").string(), "--json", out});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.err.find("a.html: note: read as windows-1252") != std::string::npos);
  CHECK(r.err.find("b.html: note: read as windows-1252") != std::string::npos);
  CHECK(r.err.find("c.txt: note: read as UTF-16LE") != std::string::npos);
  std::string json = slurp(out);
  CHECK(json.find("caf\xC3\xA9 on Monday, \xE2\x80\x9C" "a first step,\xE2\x80\x9D") != std::string::npos);
  CHECK(json.find("Talks Go On") != std::string::npos);
}

TEST_CASE("strict mode makes any skip fatal and leaves the old output untouched") {
  TempDir t;
  std::string good = t.file("good.txt", kGood);
  std::string out = t.file("out.json", "{\"previous\": true}\n");
  Result r = run({"build", good, (t.path / "missing.txt").string(), "--json", out, "--strict", "--quiet"});
  CHECK(r.code == 1);
  CHECK(slurp(out) == "{\"previous\": true}\n");
  // Without --strict the output is replaced whole, never left half-written.
  r = run({"build", good, "--json", out, "--quiet"});
  CHECK(r.code == 0);
  CHECK(slurp(out).find("\"documents\"") != std::string::npos);
  for (const auto& e : fs::directory_iterator(t.path)) CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("the binary runs on the bundled examples") {
  fs::path bin = fs::path(EVENTLOOM_BINARY_DIR) / "eventloom";
  fs::path examples = fs::path(EVENTLOOM_SOURCE_DIR) / "examples";
  REQUIRE(fs::exists(bin));
  TempDir t;
  std::string out = (t.path / "examples.json").string();
  std::string cmd = bin.string() + " build " + examples.string() + " --json " + out + " --quiet";
  CHECK(std::system(cmd.c_str()) == 0);
  std::string json = slurp(out);
  // The duplicate article is one document with two sources.
  CHECK(json.find("valdoria_duplicate.txt") != std::string::npos);
  CHECK(json.find("\"published_from\":\"metadata\"") != std::string::npos);
}

TEST_CASE("build --update and merge give the same store as one build") {
  fs::path examples = fs::path(EVENTLOOM_SOURCE_DIR) / "examples";
  TempDir t;
  std::string all = (t.path / "all.json").string(), part = (t.path / "part.json").string();
  std::string rest = (t.path / "rest.json").string(), merged = (t.path / "merged.json").string();
  std::vector<std::string> first = {(examples / "valdoria_scrape_1.txt").string(), (examples / "wire.jsonl").string()};
  std::vector<std::string> second = {(examples / "valdoria_scrape_2.txt").string(),
                                     (examples / "valdoria_duplicate.txt").string(), (examples / "html").string()};
  std::vector<std::string> args = {"build"};
  args.insert(args.end(), first.begin(), first.end());
  args.insert(args.end(), second.begin(), second.end());
  for (auto extra : {"--json", all.c_str(), "--quiet"}) args.push_back(extra);
  REQUIRE(run(args).code == 0);
  args = {"build"};
  args.insert(args.end(), first.begin(), first.end());
  for (auto extra : {"--json", part.c_str(), "--quiet"}) args.push_back(extra);
  REQUIRE(run(args).code == 0);
  args = {"build"};
  args.insert(args.end(), second.begin(), second.end());
  for (auto extra : {"--json", rest.c_str(), "--quiet"}) args.push_back(extra);
  REQUIRE(run(args).code == 0);
  CHECK(run({"merge", rest, part, "--json", merged}).code == 0);
  CHECK(slurp(merged) == slurp(all));
  args = {"build", "--update", part};
  args.insert(args.end(), second.begin(), second.end());
  args.push_back("--quiet");
  CHECK(run(args).code == 0);
  CHECK(slurp(part) == slurp(all));
}

TEST_CASE("site templates: a teaser on every article is not read, a quote two articles share is") {
  TempDir t;
  std::vector<std::string> files = template_corpus::write(t.path);
  std::string all = (t.path / "all.json").string();
  Result r = run({"build", (t.path / "site").string(), "--json", all});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("site template: 1 sentence found in 5 or more of its 6 articles, not read (6 articles)") !=
        std::string::npos);
  eventloom::Diagnostics diag;
  eventloom::Corpus c = eventloom::read_json_file(all, diag);
  REQUIRE(c.docs.size() == 6);
  for (const auto& x : c.docs) {
    INFO(x.doc.id);
    std::vector<eventloom::Span> tmpl;
    for (const auto& p : x.doc.paragraphs)
      if (p.kind == eventloom::ParagraphKind::Template) tmpl.push_back(p.span);
    REQUIRE(tmpl.size() == 1);
    CHECK(x.doc.text.substr(tmpl[0].start, tmpl[0].size()) == template_corpus::kTeaser);
    // Nothing was found in it.
    for (const auto& m : x.mentions) CHECK_FALSE(tmpl[0].overlaps(m.span));
    for (const auto& s : x.statements) CHECK_FALSE(tmpl[0].overlaps(s.content));
    for (const auto& e : x.events) CHECK_FALSE(tmpl[0].overlaps(e.sentence));
  }
  for (const auto& a : c.actors) CHECK(a.name != "Jim Muir");
  size_t quotes = 0;
  for (const auto& s : c.statements)
    if (s.text.find("walk away from the talks") != std::string::npos) {
      ++quotes;
      CHECK(s.evidence.size() == 2);
    }
  CHECK(quotes == 1);
  std::string json = slurp(all);
  CHECK(json.find("\"kind\":\"template\"") != std::string::npos);

  // In halves neither part has the teaser on five articles; build --update
  // and merge find it again over both and give the one build's bytes.
  std::string part = (t.path / "part.json").string(), rest = (t.path / "rest.json").string();
  std::string merged = (t.path / "merged.json").string();
  REQUIRE(run({"build", files[0], files[1], files[2], "--json", part, "--quiet"}).code == 0);
  REQUIRE(run({"build", files[3], files[4], files[5], "--json", rest, "--quiet"}).code == 0);
  CHECK(slurp(part).find("\"kind\":\"template\"") == std::string::npos);
  CHECK(run({"merge", rest, part, "--json", merged}).code == 0);
  CHECK(slurp(merged) == json);
  CHECK(run({"build", "--update", part, files[3], files[4], files[5], "--quiet"}).code == 0);
  CHECK(slurp(part) == json);
}

TEST_CASE("export writes every format, and inspect answers about actors, paths and the top") {
  fs::path examples = fs::path(EVENTLOOM_SOURCE_DIR) / "examples";
  TempDir t;
  std::string store = (t.path / "g.json").string();
  REQUIRE(run({"build", examples.string(), "--json", store, "--quiet"}).code == 0);
  for (std::string f : {"graphml", "gexf", "dot", "json"}) {
    std::string out = (t.path / ("g." + f)).string();
    INFO(f);
    CHECK(run({"export", store, "--format", f, "-o", out}).code == 0);
    CHECK(fs::file_size(out) > 100);
  }
  // GEXF: 1.2draft, which NetworkX 2.x reads too, unless 1.3 is asked for; build writes the same.
  CHECK(slurp((t.path / "g.gexf").string()).find("xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  std::string v13 = (t.path / "g13.gexf").string(), built13 = (t.path / "b13.gexf").string();
  CHECK(run({"export", store, "--format", "gexf", "--gexf-version", "1.3", "-o", v13}).code == 0);
  CHECK(slurp(v13).find("xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(run({"export", store, "--format", "gexf", "--gexf-version", "1.2draft", "-o", v13 + ".12"}).code == 0);
  CHECK(slurp(v13 + ".12") == slurp((t.path / "g.gexf").string()));
  CHECK(run({"export", store, "--format", "gexf", "--gexf-version", "1.4", "-o", v13 + ".x"}).code == 2);
  CHECK(!fs::exists(v13 + ".x"));
  CHECK(run({"build", examples.string(), "--quiet", "--gexf", built13, "--gexf-version", "1.3"}).code == 0);
  CHECK(slurp(built13) == slurp(v13));
  CHECK(run({"export", store, "--format", "csv", "-o", (t.path / "csv").string()}).code == 0);
  CHECK(slurp((t.path / "csv" / "actors.csv").string()).rfind("id,", 0) == 0);
  CHECK(run({"export", store, "--format", "csv", "-o", (t.path / "x").string(), "--actor", "Nobody Atall"}).code == 2);

  Result r = run({"inspect", store, "actor", "dana orsek"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Dana Orsek (PERSON)") != std::string::npos);
  CHECK(r.out.find("statements:") != std::string::npos);
  r = run({"inspect", store, "actor", "Zzyzx"});
  CHECK(r.code == 1);
  CHECK(r.err.find("no actor called") != std::string::npos);
  r = run({"inspect", store, "top", "-n", "5", "--json"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("[{\"actor\":", 0) == 0);
  r = run({"inspect", store, "path", "Dana Orsek", "Andrei Velkorin", "--json"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"from\":\"Dana Orsek\"") != std::string::npos);
}

namespace {

// How often `needle` occurs in `hay`.
size_t occurrences(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

// The rows of the report table in <section id="NAME">.
size_t table_rows(const std::string& html, const std::string& name) {
  size_t b = html.find("<section id=\"" + name + "\">");
  size_t e = html.find("</section>", b);
  return b == std::string::npos || e == std::string::npos ? 0 : occurrences(html.substr(b, e - b), "<tr>") - 1;
}

}  // namespace

// Every command that states how many actors and events there are counts the
// same things and says which: build, merge, report (from articles or from
// the store) and inspect. The report lists fewer in its tables and says so.
TEST_CASE("build, merge, report and inspect agree on the counts and say what they count") {
  fs::path examples = fs::path(EVENTLOOM_SOURCE_DIR) / "examples";
  TempDir t;
  std::string store = t / "g.json";
  Result built = run({"build", examples.string(), "--json", store});
  REQUIRE(built.code == 0);
  eventloom::Diagnostics diag;
  eventloom::Corpus c = eventloom::read_json(slurp(store), diag);
  size_t places = 0, restating = 0;
  for (const eventloom::Actor& a : c.actors) places += a.type == eventloom::ActorType::Loc;
  for (const eventloom::Event& e : c.events) restating += e.from_statement && e.type.rfind("01 ", 0) == 0;
  REQUIRE(places > 0);     // so that the words for them show
  REQUIRE(restating > 0);
  const std::string actors = std::to_string(c.actors.size()) + " actors (of which " + std::to_string(places) + " places)";
  const std::string statements = std::to_string(c.statements.size()) + " statements";
  const std::string events = std::to_string(c.events.size()) + " events (of which " + std::to_string(restating) +
                             " only restate a statement)";
  INFO(built.err);
  CHECK(built.err.find(": " + actors + ", " + statements + ", " + events + " -> ") != std::string::npos);

  Result merged = run({"merge", store, store, "--json", t / "m.json"});
  CHECK(merged.code == 0);
  CHECK(merged.err.find(actors + ", " + statements + ", " + events) != std::string::npos);

  for (const std::string& input : {examples.string(), store}) {
    INFO(input);
    Result r = run({"report", input, "-o", t / "r.html"});
    REQUIRE(r.code == 0);
    std::string html = slurp(t / "r.html");
    auto bold = [](const std::string& words) { return "<b>" + words.substr(0, words.find(' ')) + "</b>" + words.substr(words.find(' ')); };
    CHECK(html.find(bold(actors)) != std::string::npos);
    CHECK(html.find(bold(statements)) != std::string::npos);
    CHECK(html.find(bold(events)) != std::string::npos);
    // The tables say what they leave out.
    size_t listed = table_rows(html, "actors");
    CHECK(listed <= c.actors.size());
    if (listed < c.actors.size())
      CHECK(html.find(std::to_string(listed) + " of the " + std::to_string(c.actors.size()) + " actors: the " +
                      std::to_string(c.actors.size() - listed) + " places") != std::string::npos);
    CHECK(table_rows(html, "events") == c.events.size() - restating);
    CHECK(html.find(std::to_string(c.events.size() - restating) + " of the " + std::to_string(c.events.size()) +
                    " events: the " + std::to_string(restating) + " that only restate a statement are listed under Statements") !=
          std::string::npos);
    CHECK(table_rows(html, "statements") == c.statements.size());
  }

  Result top = run({"inspect", store, "top", "-n", "3"});
  CHECK(top.out.rfind("The 3 most central of the ", 0) == 0);
  CHECK(top.out.find("actors that take part in an interaction (" + std::to_string(c.actors.size()) +
                     " actors in the store)") != std::string::npos);
  Result missing = run({"inspect", store, "actor", "Zzyzx"});
  CHECK(missing.err.find("(" + std::to_string(c.actors.size()) + " actors in the store") != std::string::npos);
}
