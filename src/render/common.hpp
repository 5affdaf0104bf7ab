// Helpers shared by the renderers: text made safe for DOT and HTML, short
// labels cut at character boundaries, numbers printed the same way on every
// machine, and the sources of a statement or event.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/render.hpp"
#include "eventloom/summary.hpp"

namespace eventloom::render_detail {

// The fonts the pictures are laid out with. Graphviz measures each label with
// the first family of the list that fontconfig finds, so the list starts with
// DejaVu Sans, which ./run installs (fonts-dejavu-core): without it the
// layout would follow whatever the machine maps Helvetica to (Liberation
// Sans where graphviz's recommended fonts-liberation2 is installed, DejaVu
// Sans elsewhere), and graphs/ would differ from machine to machine. A viewer
// without DejaVu Sans draws the SVG with the next family of the list.
inline constexpr const char* kFontFamily = "DejaVu Sans,Helvetica,Arial,sans-serif";
// Lane names and titles: the same width as kFontFamily wherever DejaVu Sans is
// installed (Graphviz has no bold for a family list); other viewers may bold it.
inline constexpr const char* kHeadingFontFamily = "DejaVu Sans,Helvetica-Bold,Arial-Bold,sans-serif";

// Valid UTF-8 without control characters (tabs and newlines become spaces
// unless keep_newlines), runs of spaces folded, trimmed.
std::string clean_text(std::string_view s, bool keep_newlines = false);

// At most `max_chars` code points; "…" ends a cut text.
std::string shorten(std::string_view s, size_t max_chars);
size_t char_count(std::string_view s);

// A DOT double-quoted string with Graphviz escapes made literal
// ("\\" for a backslash, "\"" for a quote); newlines become "\n".
std::string dot_quote(std::string_view s);

// Fixed-point number without locale ("12.50" -> "12.5").
std::string num(double v, int decimals = 2);

// One place a statement or event was reported.
struct SourceInfo {
  std::string title;     // the article's title (or id)
  std::string where;     // "file:line" or the record id
  std::string url;       // empty when unknown
  std::string published; // YYYY-MM-DD or empty
};
std::vector<SourceInfo> sources_of(const Corpus& c, const std::vector<EvidenceRef>& ev);
// Distinct articles behind the evidence.
size_t article_count(const std::vector<EvidenceRef>& ev);

// The evidence sentence of an event as it stands in its first article.
std::string event_sentence(const Corpus& c, const Event& e);

// "04 CONSULT" -> "Consult"; "statement" stays.
std::string type_name(std::string_view type);

// The summary of key days as an HTML fragment (an <ol>), and its CSS: the
// summary page and the report's first section.
extern const char* kSummaryStyle;
std::string summary_section_html(const Corpus& c, const Summary& s);

// DOT for Graphviz's "nop" engine: every node pinned at a position computed
// by the caller, in top-down coordinates on a canvas `height` points tall.
class DotWriter {
 public:
  explicit DotWriter(double height) : height_(height) {}
  std::string out;
  size_t next = 0;

  // The graph's opening lines: `name`, the defaults of the pictures (the
  // fonts, 10-point text, boxes without outlines), and the canvas corners
  // (width x height) that keep its margins.
  void begin(const std::string& name, double width);
  // The closing brace; the graph for the "nop" engine, with `nodes` items.
  DotGraph finish(size_t nodes);

  // A node at top-down coordinates (x, y) = its centre; attrs already DOT.
  void node(double x, double y, const std::string& attrs);
  void box(double x0, double y0, double x1, double y1, const std::string& fill);
  // Text starting at x (just = 'l'), ending at x ('r') or centred ('n').
  void text(double x, double y, double width, const std::string& label, char just, const std::string& extra = {});

 private:
  double height_;
};

}  // namespace eventloom::render_detail
