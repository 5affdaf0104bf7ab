// Render: pictures of the event graph through Graphviz, in process.
//
// Each picture is first written as DOT text (deterministic: the same graph
// and options give the same bytes), then handed to Graphviz's C library
// (libgvc, libcgraph) for layout and output. The timeline computes every
// position itself (a real time axis with long empty stretches compressed,
// lanes, stacked rows) and lets Graphviz only draw it ("nop" = neato -n);
// the network is laid out by neato or sfdp, chosen by size, with overlaps
// removed. The HTML report puts both SVGs inline beside tables of what was
// found, in one self-contained file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/graph.hpp"
#include "eventloom/summary.hpp"

namespace eventloom {

enum class RenderFormat : uint8_t { Svg, Png, Pdf, Dot };
const char* to_string(RenderFormat f);  // "svg", "png", "pdf", "dot"
// "svg", "png", "pdf", "dot" or "gv"; nullopt for anything else.
std::optional<RenderFormat> parse_render_format(std::string_view name);
// From a file name's extension (".png" -> Png); Svg when it names none.
RenderFormat render_format_for(std::string_view path);

// Rendered bytes, or the reason there are none.
struct Rendered {
  std::string data;
  std::string error;
  bool ok() const { return error.empty(); }
};

// A graph in DOT and the Graphviz layout engine that draws it.
struct DotGraph {
  std::string dot;
  std::string engine;  // "nop" (positions given), "neato" or "sfdp"
  size_t nodes = 0;    // timeline: items drawn; network: actors drawn
  size_t edges = 0;    // network: interactions drawn
};

// Lay out `g` with its engine and render it. Dot returns g.dot unchanged;
// Png and Pdf need Graphviz's cairo plugin and say so when it is missing.
Rendered render(const DotGraph& g, RenderFormat f);

// CAMEO root class of an event type ("04 CONSULT") or "statement".
enum class Tone : uint8_t { Statement, Cooperation, Conflict, Other };
Tone tone_of(std::string_view type);  // 01-02 statement, 03-08 cooperation, 09-20 conflict
const char* to_string(Tone t);        // "statement", "cooperation", "conflict", "other"
const char* tone_colour(Tone t);      // "#RRGGBB"

// ---- timeline -------------------------------------------------------------

enum class Lanes : uint8_t { Actor, Type };
// Statements drawn with the events, left out, or drawn alone.
enum class StatementMode : uint8_t { Show, Hide, Only };

// What to draw comes from the EventGraph (build it with a GraphFilter for
// --from/--to/--type/--actor); these options shape the picture.
struct TimelineOptions {
  Lanes lanes = Lanes::Actor;
  unsigned top = 10;              // actor lanes: the most central actors (0: all)
  std::vector<uint32_t> actors;   // actor lanes: exactly these, in this order (overrides top)
  unsigned min_sources = 1;       // items reported in fewer articles are left out
  StatementMode statements = StatementMode::Show;
  std::string title;
};

// Statements and events with a day, on a time axis. Undated items are left
// out; items dated only to a month, quarter or year are drawn as spans. Each
// lane draws its best items (more articles, events before statements, more
// central actors) with their labels, as many as fit; the rest are counted in
// "+N more" markers per stretch of time, so every mark is labelled or counted.
DotGraph timeline_graph(const Corpus& c, const EventGraph& eg, const TimelineOptions& opt = {});

// ---- network --------------------------------------------------------------

struct NetworkOptions {
  unsigned top = 80;                // the most central actors (0: all)
  unsigned min_weight = 1;          // interactions behind an edge, both directions together
  std::optional<uint32_t> ego;      // Corpus::actors: only this actor's neighbourhood
  unsigned depth = 1;               // ego: interaction steps
  std::string title;
};

// Actors sized by centrality, shaped by type; edges by weight, coloured by
// their dominant CAMEO class.
DotGraph network_graph(const Corpus& c, const EventGraph& eg, const NetworkOptions& opt = {});

// ---- summary --------------------------------------------------------------

// A summary (summarize(), summary.hpp) as one self-contained HTML page: each
// key day with its sentences and, for each, its article and byte offsets.
Rendered render_summary_html(const Corpus& c, const Summary& s, const std::string& title = {});
// The key days on a vertical line, each with its sentences and their sources.
DotGraph summary_graph(const Corpus& c, const Summary& s, const std::string& title = {});

// ---- report ---------------------------------------------------------------

struct ReportOptions {
  std::string title = "eventloom report";
  std::vector<std::string> inputs;  // named in the header
  SummaryOptions summary;  // the first section: the key days
  TimelineOptions timeline;
  NetworkOptions network;
};

// One self-contained HTML page (inline CSS and SVG, no scripts, no network):
// counts and date range, the summary of the key days, the timeline, the network, and tables of actors,
// statements and events with their sources.
Rendered render_report(const Corpus& c, const ReportOptions& opt = {});

// Text made safe for HTML and XML: & < > " ' escaped, invalid UTF-8 and
// control characters replaced.
std::string html_escape(std::string_view s);

}  // namespace eventloom
