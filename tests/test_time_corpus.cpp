// Regression guard on TempEval-3's TimeBank and AQUAINT (read from
// the shared corpora, test_support::shared_dir(); skipped when absent): span F1 computed as the scorer
// in ../shared/eval/score_timex.py does, on character offsets.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "eventloom/text.hpp"
#include "eventloom/time.hpp"
#include "test_support.hpp"

namespace {

struct Scores {
  double strict = 0, relaxed = 0, value = 0;
};

// Character offset of each byte offset (the gold counts characters).
std::vector<uint32_t> byte_to_char(const std::string& s) {
  std::vector<uint32_t> out(s.size() + 1);
  uint32_t c = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    out[i] = c;
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++c;
  }
  return out;
}

std::string field(simdjson::dom::element d, const char* key) {
  std::string_view v = d[key];
  return std::string(v);
}

Scores score(const std::string& dir) {
  struct G {
    uint32_t start, end;
    std::string value;
  };
  simdjson::dom::parser parser;
  std::map<std::string, std::vector<G>> gold;
  simdjson::dom::object gobj = parser.load(dir + "/gold_timex.json").get_object();
  for (auto [id, list] : gobj)
    for (simdjson::dom::element g : list.get_array())
      gold[std::string(id)].push_back({static_cast<uint32_t>(int64_t(g["start"])), static_cast<uint32_t>(int64_t(g["end"])),
                                       field(g, "value")});
  simdjson::dom::parser lines;
  simdjson::dom::document_stream docs = lines.load_many(dir + "/docs.jsonl");
  size_t n_gold = 0, n_sys = 0, strict = 0, relaxed = 0, value = 0;
  for (simdjson::dom::element d : docs) {
    std::string id = field(d, "id"), text = field(d, "text"), date = field(d, "date");
    eventloom::AnnotatedText at = eventloom::analyze_text(text);
    eventloom::TimeOptions opt;
    opt.dct = boost::gregorian::from_simple_string(date.substr(0, 10));
    auto found = eventloom::tag_times(at, opt);
    auto chars = byte_to_char(text);
    const auto& gs = gold[id];
    n_gold += gs.size();
    n_sys += found.size();
    std::vector<bool> used(found.size());
    for (const G& g : gs) {
      long best = -1;
      bool exact = false;
      for (size_t i = 0; i < found.size(); ++i) {
        if (used[i]) continue;
        eventloom::Span o = at.norm.to_original(found[i].span);
        uint32_t from = chars[o.start], to = chars[o.end];
        if (to <= g.start || from >= g.end) continue;
        bool ex = from == g.start && to == g.end;
        if (best < 0 || ex) {
          best = static_cast<long>(i);
          exact = ex;
        }
        if (ex) break;
      }
      if (best < 0) continue;
      used[best] = true;
      ++relaxed;
      strict += exact;
      value += found[best].value == g.value;
    }
  }
  auto f1 = [&](size_t tp) {
    double p = n_sys ? double(tp) / n_sys : 0, r = n_gold ? double(tp) / n_gold : 0;
    return p + r > 0 ? 200 * p * r / (p + r) : 0.0;
  };
  return {f1(strict), f1(relaxed), f1(value)};
}

}  // namespace

TEST_CASE("TimeBank and AQUAINT stay at their measured level", "[shared]") {
  for (const char* name : {"timebank", "aquaint"}) {
    std::string dir = (test_support::shared_dir() / "datasets" / name).string();
    if (!std::filesystem::exists(dir + "/docs.jsonl")) {
      SKIP_PART("no " << dir << "/docs.jsonl");
      continue;
    }
    Scores s = score(dir);
    INFO(name << ": strict " << s.strict << " relaxed " << s.relaxed << " value " << s.value);
    CHECK(s.strict >= 82);
    CHECK(s.relaxed >= 90);
    CHECK(s.value >= 72);  // below the 85 target: see the time stage's report
  }
}
