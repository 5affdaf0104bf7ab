// The counts of a corpus as every command's summary states them: one
// definition and one wording, so that `build`, `merge`, `report` and
// `inspect` agree on what "actors" and "events" are.
#include <algorithm>

#include <fmt/format.h>

#include "eventloom/corpus.hpp"

namespace eventloom {

CorpusCounts count_corpus(const Corpus& c) {
  CorpusCounts n;
  n.articles = c.docs.size();
  n.actors = c.actors.size();
  n.places = static_cast<size_t>(
      std::count_if(c.actors.begin(), c.actors.end(), [](const Actor& a) { return a.type == ActorType::Loc; }));
  n.statements = c.statements.size();
  n.events = c.events.size();
  n.restating = static_cast<size_t>(
      std::count_if(c.events.begin(), c.events.end(), [](const Event& e) { return e.restates_statement(); }));
  return n;
}

std::vector<CountPart> count_parts(const CorpusCounts& n) {
  auto noun = [](size_t k, const char* one, const char* many) { return k == 1 ? one : many; };
  std::vector<CountPart> out;
  std::string actors = noun(n.actors, "actor", "actors");
  if (n.places) actors += fmt::format(" (of which {} {})", n.places, noun(n.places, "place", "places"));
  out.push_back({n.actors, actors});
  out.push_back({n.statements, noun(n.statements, "statement", "statements")});
  std::string events = noun(n.events, "event", "events");
  if (n.restating)
    events += fmt::format(" (of which {} only {} a statement)", n.restating, noun(n.restating, "restates", "restate"));
  out.push_back({n.events, events});
  return out;
}

std::string to_string(const CorpusCounts& n) {
  std::string out;
  for (const CountPart& p : count_parts(n)) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", p.n, p.what);
  return out;
}

}  // namespace eventloom
