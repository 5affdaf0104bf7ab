// Corpus: the articles and what was found in them, merged.
//
// A Corpus is its documents (each with its own extraction) plus a global
// layer derived from them alone: the same article in two inputs folded into
// one document, actors merged across articles by alias keys, the same quote
// or event in several articles made one. consolidate() computes that layer
// from scratch and sorts everything by content, so merging two corpora is
// consolidate(docs of both): associative and independent of input order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eventloom/diagnostics.hpp"
#include "eventloom/extraction.hpp"

namespace eventloom {

struct EvidenceRef {
  uint32_t doc = 0;    // index into Corpus::docs
  uint32_t local = 0;  // index into that document's statements or events
};

struct Actor {
  std::string id;
  std::string name;
  ActorType type = ActorType::Person;
  std::vector<std::string> aliases;
  std::vector<std::string> roles;
  std::vector<uint32_t> affiliations;  // indices into Corpus::actors
};

struct Statement {
  std::string id;
  std::optional<uint32_t> speaker;  // index into Corpus::actors
  StatementKind kind = StatementKind::Direct;
  std::string text;
  Interned date;
  std::vector<uint32_t> mentions;   // Corpus::actors
  std::vector<EvidenceRef> evidence;  // first is the primary one
};

struct Event {
  std::string id;
  Interned type;
  Interned date;
  bool date_from_publication = false;
  Interned modality;
  std::vector<std::pair<uint32_t, ParticipantRole>> participants;  // Corpus::actors
  std::vector<EvidenceRef> evidence;
  bool from_statement = false;  // the act of making a statement
  // A plain "01 MAKE PUBLIC STATEMENT" that only restates a statement: drawn
  // and counted once, as the statement (a statement typed 10-13, a demand or
  // a threat, stays an event of its own).
  bool restates_statement() const { return from_statement && type.rfind("01", 0) == 0; }
};

struct Corpus {
  std::vector<DocExtraction> docs;            // sorted by id
  std::vector<std::vector<uint32_t>> actor_of;  // [doc][local actor] -> Corpus::actors
  std::vector<Actor> actors;
  std::vector<Statement> statements;
  std::vector<Event> events;
  Diagnostics diagnostics;  // notes from merging (duplicates folded)
};

// What a summary counts, the same in every command (build, merge, report,
// inspect): every actor, and of them the places (the report's table and the
// pictures show a place only when it takes part in an interaction); every
// event, and of them those that only restate a statement (listed and drawn
// once, as the statement).
struct CorpusCounts {
  size_t articles = 0, actors = 0, places = 0, statements = 0, events = 0, restating = 0;
};
CorpusCounts count_corpus(const Corpus& c);

// A number and what it counts: {161, "actors (of which 23 places)"}.
struct CountPart {
  size_t n = 0;
  std::string what;
};
// Actors, statements and events, in words.
std::vector<CountPart> count_parts(const CorpusCounts& n);
// The parts joined: "161 actors (of which 23 places), 189 statements, 511
// events (of which 170 only restate a statement)".
std::string to_string(const CorpusCounts& n);

// Build the global layer from per-article extractions.
Corpus consolidate(std::vector<DocExtraction> docs);

// Combine two corpora as if their inputs had been built in one run, taking
// each article's extraction as it is. Site templates depend on the whole set
// of articles: merge_builds() (pipeline.hpp) finds them again first.
Corpus merge(Corpus a, Corpus b);

}  // namespace eventloom
