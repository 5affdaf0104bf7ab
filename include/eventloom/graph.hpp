// The event graph: a Corpus as one Boost.Graph adjacency list.
//
// Vertices are actors, statements, events and articles; edges say who said
// what (said), whom a statement names (mentions), who took part in an event
// (source / target / other), where each statement or event was reported
// (reported_in), which actor belongs to which (affiliated_with), and derived
// actor-to-actor interactions: one edge per ordered pair of actors, from an
// event's sources to its targets (to its other participants when it has no
// target) and from a speaker to the actors the statement names, with a count,
// the first and last day, and the event types behind it ("statement" for a
// statement). Vertices are added in Corpus order (actors, statements, events,
// articles), so vertex numbers and every export are deterministic.
//
// A GraphFilter (date range, event types, actors; all of them at once) is
// applied while building: statements and events outside it are left out,
// interactions come only from what is kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "eventloom/corpus.hpp"

namespace eventloom {

enum class VertexKind : uint8_t { Actor, Statement, Event, Article };
enum class EdgeKind : uint8_t { Said, Mentions, Source, Target, Other, ReportedIn, AffiliatedWith, Interaction };
const char* to_string(VertexKind k);  // "actor", "statement", "event", "article"
const char* to_string(EdgeKind k);    // "said", "mentions", "source", ..., "interaction"

// Where a statement or event was read: the article and the byte range (the
// quoted content of a statement, the sentence of an event) in its text.
struct Provenance {
  std::string document;
  Span span;
  Span trigger;  // events: the trigger word
};

struct VertexProps {
  VertexKind kind = VertexKind::Actor;
  uint32_t index = 0;       // into Corpus::actors, statements, events or docs
  std::string id;           // the Corpus id (actor slug, statement id, event id, document id)
  std::string label;        // actor name, statement text, event type, article title
  std::string type;         // actor type, statement kind, event type, article format
  std::string date;         // statements and events: the TIMEX3 value as found
  std::string first_day;    // YYYY-MM-DD or empty: the day (a statement or event),
  std::string last_day;     //   the span of appearances (an actor), the publication (an article)
  std::vector<std::string> aliases, roles;   // actors
  std::optional<uint32_t> speaker;           // statements: Corpus::actors
  std::vector<Provenance> provenance;        // statements and events, primary first
};

struct EdgeProps {
  EdgeKind kind = EdgeKind::Said;
  uint32_t count = 1;                      // interactions: the statements and events behind it
  std::string first_day, last_day;         // YYYY-MM-DD or empty
  std::vector<std::string> event_types;    // interactions: sorted, unique ("statement" for statements)
  std::vector<uint32_t> events;            // interactions: Corpus::events behind it
  std::vector<uint32_t> statements;        // interactions: Corpus::statements behind it
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = Graph::vertex_descriptor;
using GraphEdge = Graph::edge_descriptor;

// Every criterion that is set must hold (they compose by AND).
struct GraphFilter {
  std::string from, to;                  // YYYY-MM-DD, inclusive; empty: open
  std::vector<std::string> event_types;  // a type or its CAMEO code prefix ("04", "04 CONSULT")
  std::vector<uint32_t> actors;          // Corpus::actors: keep what involves one of them
  bool statements = true;                // keep statements (and their interactions)
  // false: only actor vertices (with their days), affiliations and the
  // interactions; no statement, event or article vertex nor their edges
  // (the SQLite writer needs no more, and the full graph is most of its memory).
  bool items = true;
  // false: the statement and event vertices without their provenance, no
  // article vertex, actors without aliases and roles, and of the edges only
  // affiliations and interactions. Vertex numbers are those of the full graph
  // for actors, statements and events (articles come after them): what a
  // timeline reads, at a fraction of the cost.
  bool links = true;
  bool active() const { return !from.empty() || !to.empty() || !event_types.empty() || !actors.empty() || !statements; }
};

struct EventGraph {
  Graph g;
  // Corpus index -> vertex; absent (filtered out) as kNone.
  static constexpr Vertex kNone = static_cast<Vertex>(-1);
  std::vector<Vertex> actor_vertex, statement_vertex, event_vertex, article_vertex;
};

EventGraph build_graph(const Corpus& c, const GraphFilter& filter = {});

// The calendar day a TIMEX3 value starts on ("2024-06" -> "2024-06-01",
// "2024-W12" -> "2024-03-18"), the day an item dated by it is placed on; empty
// when it names no calendar day ("PRESENT_REF", "XXXX-WXX-4", "P3Y", an
// impossible "2024-02-30") or too long a stretch to place an item on (a
// decade "199", a century "19"). Read by parse_timex() (timex_value.hpp).
std::string timex_day(std::string_view value);

// ---- queries --------------------------------------------------------------

// Actors whose name or any alias equals `name` (case and accents ignored);
// when none does, actors whose name or alias contains it as a word, as
// suggestions. `exact` says which list `actors` is. Sorted by name.
struct ActorLookup {
  std::vector<uint32_t> actors;  // Corpus::actors
  bool exact = false;
  bool unique() const { return exact && actors.size() == 1; }
};
ActorLookup find_actor(const Corpus& c, std::string_view name);
// The key find_actor() compares names by: folded words of letters and
// digits, one space apart ("Tony Hayward's" -> "tony hayward s").
std::string actor_name_key(std::string_view name);
// Whether the words of `needle` (a key) are whole words of `hay` (a key).
bool actor_key_contains(const std::string& hay, const std::string& needle);

struct TimelineEntry {
  Vertex vertex;            // a statement or event
  EdgeKind role;            // said, mentions, source, target or other
  std::string day;          // YYYY-MM-DD or empty (undated entries come last)
};
// An actor's statements (said and mentioned in) and events, in date order.
std::vector<TimelineEntry> actor_timeline(const EventGraph& eg, uint32_t actor);

struct EgoNetwork {
  std::vector<std::pair<uint32_t, unsigned>> actors;  // (Corpus::actors, distance), by distance then index
  std::vector<GraphEdge> interactions;                // between those actors
};
// The actors within `depth` interaction steps (either direction) of `actor`.
EgoNetwork ego_network(const EventGraph& eg, uint32_t actor, unsigned depth);

struct PathStep {
  uint32_t from = 0, to = 0;  // Corpus::actors
  GraphEdge edge;             // the interaction (its direction may be to -> from)
};
// The shortest chain of interactions (either direction) from a to b; empty
// when they are not connected; nullopt when a == b is meaningless (missing).
std::optional<std::vector<PathStep>> shortest_path(const EventGraph& eg, uint32_t a, uint32_t b);

struct Centrality {
  uint32_t actor = 0;        // Corpus::actors
  uint32_t degree = 0;       // distinct interaction partners
  uint32_t weight = 0;       // statements and events behind those interactions
  double betweenness = 0.0;  // Brandes, over the undirected interaction graph
};
// Betweenness is exact (Brandes) up to `exact_up_to` actors with an
// interaction; above, it is estimated from `samples` source actors taken at
// even steps through them (every n/samples-th in Corpus order), scaled by
// n/samples: deterministic, and its cost grows with samples x edges, not
// with n x edges. The scale is Boost's either way: Brandes over all sources,
// halved (on an undirected graph each pair is reached from both ends).
struct CentralityOptions {
  size_t exact_up_to = 4096;
  size_t samples = 512;
};
// Every actor with an interaction, most central first (betweenness, then
// degree, then weight, then Corpus order).
std::vector<Centrality> centrality(const EventGraph& eg, const CentralityOptions& opt = {});
// Whether centrality() with `opt` samples for a graph with `interacting`
// actors with an interaction.
inline bool centrality_sampled(size_t interacting, const CentralityOptions& opt = {}) {
  return interacting > opt.exact_up_to;
}

}  // namespace eventloom
