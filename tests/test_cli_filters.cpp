// The filter options (--from, --to, --type, --actor) and actor names mean the
// same in every command: export, timeline, network and inspect, end to end
// through cli::run on a small store written by hand.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/export.hpp"
#include "eventloom/text.hpp"
#include "test_support.hpp"

using namespace eventloom;
namespace fs = std::filesystem;

using test_support::Result;
using test_support::run;
using test_support::slurp;
using test_support::TempDir;

namespace {

struct Who {
  const char* name;
  ActorType type;
  std::vector<std::string> aliases;
};

const Who kAlphaland{"Alphaland", ActorType::Gpe, {"Alphaland"}};
const Who kBetaland{"Betaland", ActorType::Gpe, {"Betaland"}};
// "Kyiv" is the city's name and one of the country's aliases: the city is
// the obvious choice. "the Council" is an alias of two councils: a tie.
const Who kKyiv{"Kyiv", ActorType::Gpe, {"Kyiv"}};
const Who kUkraine{"Ukraine", ActorType::Gpe, {"Ukraine", "Kyiv"}};
const Who kNorth{"North Council", ActorType::Org, {"North Council", "the Council"}};
const Who kSouth{"South Council", ActorType::Org, {"South Council", "the Council"}};

// One article per event: (TIMEX3 date, CAMEO type, source, target).
struct Item {
  std::string date, type;
  Who source, target;
};

const std::vector<Item> kItems = {
    {"2023-05-01", "04 CONSULT", kAlphaland, kBetaland},  {"2024-03-10", "04 CONSULT", kAlphaland, kBetaland},
    {"2024-06", "19 FIGHT", kAlphaland, kBetaland},       {"2024-08-20", "04 CONSULT", kNorth, kSouth},
    {"2024-11-30", "04 CONSULT", kKyiv, kAlphaland},      {"2025-01-15", "19 FIGHT", kUkraine, kBetaland},
};

std::string write_store(const TempDir& t, const std::vector<Item>& items = kItems) {
  std::vector<DocExtraction> docs;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    DocExtraction x;
    x.doc.id = "doc" + std::to_string(100 + i);
    x.doc.title = "Article " + std::to_string(i);
    x.doc.text = std::string(it.source.name) + " met " + it.target.name + " (report " + std::to_string(i) + ").";
    x.doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(x.doc.text.size())}, ParagraphKind::Body});
    x.doc.published = boost::gregorian::date(2020, 1, 1);
    x.doc.sources.push_back({"filters.txt", 0, static_cast<uint32_t>(i + 1), "", ""});
    x.doc.format = "text";
    for (const Who* w : {&it.source, &it.target}) {
      LocalActor a;
      a.name = w->name;
      a.type = w->type;
      a.aliases.assign(w->aliases.begin(), w->aliases.end());
      a.key = text::lower_ascii(w->name);
      x.actors.push_back(a);
    }
    LocalEvent e;
    e.type = it.type;
    e.trigger = {0, 3};
    e.sentence = {0, static_cast<uint32_t>(x.doc.text.size())};
    e.date = it.date;
    e.participants = {{0, ParticipantRole::Source}, {1, ParticipantRole::Target}};
    x.events.push_back(e);
    docs.push_back(std::move(x));
  }
  Corpus c = consolidate(std::move(docs));
  std::string store = t / "store.json";
  REQUIRE(write_file_atomic(store, [&](std::ostream& os) { write_json(c, os); }).empty());
  return store;
}

// The days of the events in an `export --format csv` directory.
std::set<std::string> exported_days(const fs::path& dir) {
  std::set<std::string> days;
  std::istringstream in(slurp(dir / "events.csv"));
  std::string line;
  std::getline(in, line);  // id,type,date,day,...
  while (std::getline(in, line)) {
    size_t a = line.find(',');
    a = line.find(',', a + 1);
    a = line.find(',', a + 1);
    days.insert(line.substr(a + 1, 10));
  }
  return days;
}

// The days of the items drawn in a timeline SVG (ids item_YYYYMMDD_n).
std::set<std::string> drawn_days(const std::string& svg) {
  std::set<std::string> days;
  for (size_t at = 0; (at = svg.find("id=\"item_", at)) != std::string::npos; ++at) {
    std::string d = svg.substr(at + 9, 8);
    days.insert(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2));
  }
  return days;
}

using Days = std::set<std::string>;

Days export_days(const TempDir& t, const std::string& store, std::vector<std::string> filter) {
  static int n = 0;
  std::string dir = t / ("csv" + std::to_string(++n));
  std::vector<std::string> args = {"export", store, "--format", "csv", "-o", dir};
  args.insert(args.end(), filter.begin(), filter.end());
  Result r = run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return exported_days(dir);
}

Days timeline_days(const TempDir& t, const std::string& store, std::vector<std::string> filter) {
  std::vector<std::string> args = {"timeline", store, "-o", "-", "--format", "dot"};
  args.insert(args.end(), filter.begin(), filter.end());
  Result r = run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  (void)t;
  return drawn_days(r.out);
}

}  // namespace

TEST_CASE("partial dates: a year or a month means all of it for --to and its start for --from") {
  using cli::parse_day;
  CHECK(parse_day("2024", false) == "2024-01-01");
  CHECK(parse_day("2024", true) == "2024-12-31");
  CHECK(parse_day("2024-06", false) == "2024-06-01");
  CHECK(parse_day("2024-06", true) == "2024-06-30");
  CHECK(parse_day("2024-02", true) == "2024-02-29");
  CHECK(parse_day("2023-02", true) == "2023-02-28");
  CHECK(parse_day("1900-02", true) == "1900-02-28");
  CHECK(parse_day("2000-02", true) == "2000-02-29");
  CHECK(parse_day("2024-12-31", false) == "2024-12-31");
  CHECK(parse_day("2024-02-29", true) == "2024-02-29");
  for (const char* bad : {"", "2024-13", "2024-00", "2024-02-30", "2023-02-29", "2024-04-31", "2024-6", "24",
                          "yesterday", "2024/06", "2024-06-1", "20240601", " 2024", "2024-06-01T00", "0000"}) {
    INFO(bad);
    CHECK(!parse_day(bad, false));
    CHECK(!parse_day(bad, true));
  }
}

TEST_CASE("an item dated to a week, a quarter or a half is found by --from and --to in the month it starts") {
  TempDir t;
  std::string store = write_store(t, {{"2024-W12", "04 CONSULT", kAlphaland, kBetaland},
                                      {"2024-Q3", "19 FIGHT", kAlphaland, kBetaland},
                                      {"2024-H2", "04 CONSULT", kNorth, kSouth},
                                      {"2024-03-01", "04 CONSULT", kKyiv, kAlphaland}});
  // Week 12 of 2024 starts on Monday 18 March; the quarter and the half on 1 July.
  CHECK(export_days(t, store, {}) == Days{"2024-03-18", "2024-07-01", "2024-03-01"});
  CHECK(export_days(t, store, {"--from", "2024-03", "--to", "2024-03"}) == Days{"2024-03-01", "2024-03-18"});
  CHECK(export_days(t, store, {"--to", "2024-02"}).empty());
  CHECK(export_days(t, store, {"--from", "2024-07", "--to", "2024-07"}) == Days{"2024-07-01"});
}

TEST_CASE("export --to with a year keeps what happened in that year") {
  TempDir t;
  std::string store = write_store(t);
  CHECK(export_days(t, store, {}) == Days{"2023-05-01", "2024-03-10", "2024-06-01", "2024-08-20", "2024-11-30", "2025-01-15"});
  CHECK(export_days(t, store, {"--to", "2024"}) == Days{"2023-05-01", "2024-03-10", "2024-06-01", "2024-08-20", "2024-11-30"});
  CHECK(export_days(t, store, {"--from", "2024", "--to", "2024"}) ==
        Days{"2024-03-10", "2024-06-01", "2024-08-20", "2024-11-30"});
  CHECK(export_days(t, store, {"--to", "2024-06"}) == Days{"2023-05-01", "2024-03-10", "2024-06-01"});
  CHECK(export_days(t, store, {"--to", "2024-05"}) == Days{"2023-05-01", "2024-03-10"});
  CHECK(export_days(t, store, {"--to", "2024-03-10"}) == Days{"2023-05-01", "2024-03-10"});
}

TEST_CASE("a month given to --from means the same in export and timeline") {
  TempDir t;
  std::string store = write_store(t);
  Days want{"2024-06-01", "2024-08-20", "2024-11-30", "2025-01-15"};
  CHECK(export_days(t, store, {"--from", "2024-06"}) == want);
  CHECK(timeline_days(t, store, {"--from", "2024-06"}) == want);
  Days spring{"2024-03-10", "2024-06-01"};
  CHECK(export_days(t, store, {"--from", "2024-03", "--to", "2024-06"}) == spring);
  CHECK(timeline_days(t, store, {"--from", "2024-03", "--to", "2024-06"}) == spring);
  // --type takes a bare code digit or "statement(s)" the same way everywhere.
  CHECK(export_days(t, store, {"--type", "19"}) == Days{"2024-06-01", "2025-01-15"});
  CHECK(timeline_days(t, store, {"--type", "19"}) == Days{"2024-06-01", "2025-01-15"});
  CHECK(export_days(t, store, {"--type", "4", "--from", "2024"}) == Days{"2024-03-10", "2024-08-20", "2024-11-30"});
  CHECK(export_days(t, store, {"--type", "statements"}).empty());
}

TEST_CASE("a malformed date is a usage error naming the option, in every command") {
  TempDir t;
  std::string store = write_store(t);
  for (std::string option : {"--from", "--to"})
    for (std::string bad : {"2024-13", "yesterday", "2024-02-30", "24"})
      for (std::vector<std::string> cmd : {std::vector<std::string>{"export", store, "--format", "graphml", "-o", t / "x.graphml"},
                                           std::vector<std::string>{"timeline", store, "-o", t / "x.svg"},
                                           std::vector<std::string>{"network", store, "-o", t / "x.svg"}}) {
        cmd.push_back(option);
        cmd.push_back(bad);
        Result r = run(cmd);
        INFO(cmd[0] << " " << option << " " << bad << ": " << r.err);
        CHECK(r.code == 2);
        CHECK(r.err.rfind("eventloom: " + option + ": '" + bad + "' is not a date", 0) == 0);
        CHECK(r.err.find("YYYY-MM-DD") != std::string::npos);
        CHECK(!fs::exists(t / "x.graphml"));
        CHECK(!fs::exists(t / "x.svg"));
      }
  Result r = run({"export", store, "--format", "graphml", "-o", t / "x.graphml", "--from", "2025", "--to", "2024-06"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--from 2025 is after --to 2024-06") != std::string::npos);
  CHECK(run({"timeline", store, "-o", t / "x.svg", "--from", "2025", "--to", "2024-06"}).code == 2);
}

TEST_CASE("an actor name is chosen the same way by export, timeline, network and inspect") {
  TempDir t;
  std::string store = write_store(t);

  // Unique: no note.
  Result r = run({"export", store, "--format", "graphml", "-o", t / "a.graphml", "--actor", "Alphaland"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());

  // "Kyiv" is one actor's name and another's alias: the name wins, with a note
  // naming the other, in every command.
  std::string note = "note: --actor 'Kyiv': using Kyiv (kyiv); it also fits Ukraine (ukraine)";
  r = run({"export", store, "--format", "csv", "-o", t / "kyiv", "--actor", "Kyiv"});
  CHECK(r.code == 0);
  CHECK(r.err.find(note) != std::string::npos);
  CHECK(exported_days(t.path / "kyiv") == Days{"2024-11-30"});
  r = run({"timeline", store, "-o", "-", "--format", "dot", "--actor", "Kyiv"});
  CHECK(r.code == 0);
  CHECK(r.err.find(note) != std::string::npos);
  CHECK(drawn_days(r.out) == Days{"2024-11-30"});
  r = run({"network", store, "-o", t / "n.svg", "--ego", "Kyiv"});
  CHECK(r.code == 0);
  CHECK(r.err.find("note: --ego 'Kyiv': using Kyiv (kyiv); it also fits Ukraine (ukraine)") != std::string::npos);
  r = run({"inspect", store, "actor", "Kyiv"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Kyiv (GPE)", 0) == 0);
  CHECK(r.err.find("using Kyiv (kyiv); it also fits Ukraine (ukraine)") != std::string::npos);
  // The other one by its id.
  CHECK(export_days(t, store, {"--actor", "ukraine"}) == Days{"2025-01-15"});
  CHECK(timeline_days(t, store, {"--actor", "ukraine"}) == Days{"2025-01-15"});

  // "the Council" is an alias of two actors and the name of neither: no
  // obvious choice, so a usage error listing both ids, in every command.
  std::vector<std::vector<std::string>> tied = {
      {"export", store, "--format", "graphml", "-o", t / "c.graphml", "--actor", "the Council"},
      {"timeline", store, "-o", t / "c.svg", "--actor", "the Council"},
      {"network", store, "-o", t / "c.svg", "--ego", "the Council"}};
  for (const auto& cmd : tied) {
    r = run(cmd);
    INFO(cmd[0] << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find("'the Council' fits 2 actors equally well; give one of their ids:") != std::string::npos);
    CHECK(r.err.find("north-council") != std::string::npos);
    CHECK(r.err.find("south-council") != std::string::npos);
    CHECK(!fs::exists(t / "c.graphml"));
    CHECK(!fs::exists(t / "c.svg"));
  }
  r = run({"inspect", store, "actor", "the council"});
  CHECK(r.code == 1);
  CHECK(r.err.find("ambiguous") != std::string::npos);
  CHECK(r.err.find("north-council") != std::string::npos);
  CHECK(export_days(t, store, {"--actor", "north-council"}) == Days{"2024-08-20"});
  CHECK(timeline_days(t, store, {"--actor", "North Council"}) == Days{"2024-08-20"});

  // No exact fit: a usage error with suggestions, in every command.
  for (std::vector<std::string> cmd : {std::vector<std::string>{"export", store, "-o", t / "z.graphml", "--actor", "Council"},
                                       std::vector<std::string>{"timeline", store, "-o", t / "z.svg", "--actor", "Council"}}) {
    r = run(cmd);
    INFO(cmd[0] << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find("--actor: no actor named 'Council'; did you mean 'North Council', 'South Council'?") !=
          std::string::npos);
  }
}
