// The HTML report: one self-contained page (inline CSS, inline SVG, no
// scripts, nothing fetched), deterministic (no timestamps), with every
// piece of text from the corpus escaped. Tables list statements and events
// in date order (undated last) with their sources; links are kept only for
// http(s) URLs.
#include <algorithm>
#include <sstream>

#include "eventloom/render.hpp"
#include "render/common.hpp"

namespace eventloom {
namespace {

using namespace render_detail;

const char* kStyle = R"(
body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fff}
header{background:#1f2d3d;color:#fff;padding:18px 28px}
header h1{margin:0 0 6px;font-size:24px}
header p{margin:4px 0;color:#d8e0ea}
.counts span{display:inline-block;margin-right:18px;font-size:15px}
.counts b{font-size:20px;color:#fff}
nav{padding:8px 28px;background:#eef1f5;border-bottom:1px solid #d5dbe3}
nav a{margin-right:16px;color:#1f4f8a;text-decoration:none}
section{padding:8px 28px 20px}
h2{font-size:19px;border-bottom:2px solid #e3e7ec;padding-bottom:4px}
.figure{overflow:auto;max-height:1000px;border:1px solid #e3e7ec;background:#fff}
.figure.fit svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e3e7ec;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa;position:sticky;top:0}
td.date{white-space:nowrap}
.chip{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:5px}
.src{color:#555;font-size:12px}
.muted{color:#888}
footer{padding:14px 28px;color:#888;font-size:12px}
)";

std::string svg_body(const Rendered& r) {
  if (!r.ok()) return "<p class=\"muted\">Could not draw this picture: " + html_escape(r.error) + "</p>";
  size_t at = r.data.find("<svg");
  return at == std::string::npos ? std::string() : r.data.substr(at);
}

std::string sources_cell(const Corpus& c, const std::vector<EvidenceRef>& ev) {
  std::string out;
  for (const SourceInfo& s : sources_of(c, ev)) {
    out += "<div class=\"src\">";
    bool link = s.url.rfind("http://", 0) == 0 || s.url.rfind("https://", 0) == 0;
    out += link ? "<a href=\"" + html_escape(s.url) + "\">" + html_escape(s.title) + "</a>" : html_escape(s.title);
    out += " <span class=\"muted\">(" + html_escape(s.where) + (s.published.empty() ? "" : ", " + s.published) + ")</span></div>";
  }
  return out;
}

std::string day_of(const Corpus& c, const std::string& date, const std::vector<EvidenceRef>& ev) {
  std::string d = timex_day(date);
  if (d.empty() && !ev.empty() && ev.front().doc < c.docs.size() && c.docs[ev.front().doc].doc.published)
    d = format_date(*c.docs[ev.front().doc].doc.published);
  return d;
}

std::string actor_link(const Corpus& c, uint32_t a) {
  return a < c.actors.size() ? html_escape(c.actors[a].name) : std::string();
}

template <class T>
std::vector<size_t> by_day(const Corpus& c, const std::vector<T>& items) {
  std::vector<std::string> days;
  for (const T& x : items) days.push_back(day_of(c, x.date, x.evidence));
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (days[a].empty() != days[b].empty()) return days[b].empty();
    return days[a] < days[b];
  });
  return order;
}

std::string when_cell(const Corpus& c, const std::string& date, const std::vector<EvidenceRef>& ev) {
  std::string d = day_of(c, date, ev);
  if (d.empty()) return "<span class=\"muted\">undated</span>";
  std::string value = clean_text(date);
  if (value.empty()) return html_escape(d) + "<br><span class=\"muted\">publication</span>";
  return html_escape(value);
}

// The actors in interactions, most central first, then the others that are
// not places; a sentence says what was left out.
void actors_table(const Corpus& c, const EventGraph& eg, std::ostream& o) {
  std::vector<uint32_t> said(c.actors.size(), 0), in_events(c.actors.size(), 0);
  for (const Statement& s : c.statements)
    if (s.speaker && *s.speaker < said.size()) ++said[*s.speaker];
  for (const Event& e : c.events)
    for (auto& [a, r] : e.participants)
      if (a < in_events.size()) ++in_events[a];
  std::vector<Centrality> cent = centrality(eg);
  std::vector<uint32_t> order;
  std::vector<char> listed(c.actors.size(), 0);
  for (const Centrality& ce : cent) order.push_back(ce.actor), listed[ce.actor] = 1;
  for (uint32_t a = 0; a < c.actors.size(); ++a)
    if (!listed[a] && c.actors[a].type != ActorType::Loc) order.push_back(a);
  std::vector<uint32_t> partners(c.actors.size(), 0);
  for (const Centrality& ce : cent) partners[ce.actor] = ce.degree;
  if (order.size() < c.actors.size()) {
    size_t left = c.actors.size() - order.size();
    o << "<p class=\"muted\">" << order.size() << " of the " << c.actors.size() << " actors: the " << left
      << (left == 1 ? " place that takes" : " places that take") << " part in no interaction "
      << (left == 1 ? "is" : "are") << " left out.</p>\n";
  }
  o << "<table><thead><tr><th>Actor</th><th>Type</th><th>Also called</th><th>Roles</th><th>Statements</th><th>Events</th><th>Partners</th></tr></thead><tbody>\n";
  for (uint32_t a : order) {
    const Actor& x = c.actors[a];
    std::string aliases, roles;
    for (const std::string& s : x.aliases)
      if (s != x.name) aliases += (aliases.empty() ? "" : ", ") + html_escape(s);
    for (const std::string& s : x.roles) roles += (roles.empty() ? "" : ", ") + html_escape(s);
    o << "<tr><td>" << html_escape(x.name) << "</td><td>" << to_string(x.type) << "</td><td>" << aliases << "</td><td>" << roles
      << "</td><td>" << said[a] << "</td><td>" << in_events[a] << "</td><td>" << partners[a] << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
}

void statements_table(const Corpus& c, std::ostream& o) {
  o << "<table><thead><tr><th>When</th><th>Speaker</th><th>Kind</th><th>Statement</th><th>Sources</th></tr></thead><tbody>\n";
  for (size_t i : by_day(c, c.statements)) {
    const Statement& s = c.statements[i];
    o << "<tr><td class=\"date\">" << when_cell(c, s.date, s.evidence) << "</td><td>"
      << (s.speaker ? actor_link(c, *s.speaker) : "<span class=\"muted\">unattributed</span>") << "</td><td>" << to_string(s.kind)
      << "</td><td>\xE2\x80\x9C" << html_escape(s.text) << "\xE2\x80\x9D</td><td>" << sources_cell(c, s.evidence) << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
}

// Every event but those that only restate a statement (listed as the
// statement), which a sentence says.
void events_table(const Corpus& c, std::ostream& o) {
  CorpusCounts n = count_corpus(c);
  if (n.restating)
    o << "<p class=\"muted\">" << n.events - n.restating << " of the " << n.events << " events: the " << n.restating
      << (n.restating == 1 ? " that only restates a statement is" : " that only restate a statement are")
      << " listed under Statements.</p>\n";
  o << "<table><thead><tr><th>When</th><th>Type</th><th>Who</th><th>Reported as</th><th>Sources</th></tr></thead><tbody>\n";
  for (size_t i : by_day(c, c.events)) {
    const Event& e = c.events[i];
    if (e.restates_statement()) continue;  // listed with the statements
    std::string who;
    for (ParticipantRole r : {ParticipantRole::Source, ParticipantRole::Target, ParticipantRole::Other}) {
      std::string names;
      for (auto& [a, role] : e.participants)
        if (role == r) names += (names.empty() ? "" : ", ") + actor_link(c, a);
      if (!names.empty()) who += (who.empty() ? "" : "<br>") + std::string("<span class=\"muted\">") + to_string(r) + ":</span> " + names;
    }
    Tone t = tone_of(e.type);
    o << "<tr><td class=\"date\">" << when_cell(c, e.date, e.evidence) << "</td><td><span class=\"chip\" style=\"background:"
      << tone_colour(t) << "\" title=\"" << to_string(t) << "\"></span>" << html_escape(e.type)
      << (e.modality != "asserted" && !e.modality.empty() ? " <span class=\"muted\">(" + html_escape(e.modality) + ")</span>" : "")
      << "</td><td>" << who << "</td><td>" << html_escape(event_sentence(c, e)) << "</td><td>" << sources_cell(c, e.evidence)
      << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
}

void articles_table(const Corpus& c, std::ostream& o) {
  o << "<table><thead><tr><th>Published</th><th>Title</th><th>Found in</th></tr></thead><tbody>\n";
  for (const DocExtraction& x : c.docs) {
    const Document& d = x.doc;
    std::string where;
    for (const SourceRef& s : d.sources)
      where += (where.empty() ? "" : "<br>") + html_escape(s.record_id.empty() ? s.path + (s.line ? ":" + std::to_string(s.line) : "") : s.path + " " + s.record_id);
    o << "<tr><td class=\"date\">" << (d.published ? format_date(*d.published) : "<span class=\"muted\">unknown</span>") << "</td><td>"
      << html_escape(d.title.empty() ? d.id : d.title) << "</td><td class=\"src\">" << where << "</td></tr>\n";
  }
  o << "</tbody></table>\n";
}

std::string published_range(const Corpus& c) {
  std::string first, last;
  for (const DocExtraction& x : c.docs) {
    if (!x.doc.published) continue;
    std::string d = format_date(*x.doc.published);
    if (first.empty() || d < first) first = d;
    if (last.empty() || d > last) last = d;
  }
  return first.empty() ? std::string() : "Articles published from <b>" + first + "</b> to <b>" + last + "</b>. ";
}

}  // namespace

Rendered render_report(const Corpus& c, const ReportOptions& opt) {
  EventGraph eg = build_graph(c);
  std::string first, last;
  for (auto v : boost::make_iterator_range(boost::vertices(eg.g))) {
    const VertexProps& p = eg.g[v];
    if ((p.kind != VertexKind::Statement && p.kind != VertexKind::Event) || p.first_day.empty()) continue;
    if (first.empty() || p.first_day < first) first = p.first_day;
    if (last.empty() || p.last_day > last) last = p.last_day;
  }
  // The counts of every command's summary (count_parts), in the same words.
  std::string counts = "<span><b>" + std::to_string(c.docs.size()) + "</b> articles</span>";
  for (const CountPart& p : count_parts(count_corpus(c)))
    counts += "<span><b>" + std::to_string(p.n) + "</b> " + html_escape(p.what) + "</span>";
  Summary summary = summarize(c, opt.summary);
  Rendered timeline = render(timeline_graph(c, eg, opt.timeline), RenderFormat::Svg);
  Rendered network = render(network_graph(c, eg, opt.network), RenderFormat::Svg);

  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << html_escape(opt.title) << "</title>\n<style>"
    << kStyle << kSummaryStyle << "</style>\n</head>\n<body>\n<header>\n<h1>" << html_escape(opt.title) << "</h1>\n<p class=\"counts\">"
    << counts << "</p>\n<p>"
    << published_range(c) << (first.empty() ? std::string("No dated statements or events.") : "What they report is dated from <b>" + first + "</b> to <b>" + last + "</b>.") << "</p>\n";
  if (!opt.inputs.empty()) {
    o << "<p>Read from: ";
    for (size_t i = 0; i < opt.inputs.size(); ++i) o << (i ? ", " : "") << "<code>" << html_escape(opt.inputs[i]) << "</code>";
    o << "</p>\n";
  }
  o << "</header>\n<nav><a href=\"#summary\">Key days</a><a href=\"#timeline\">Timeline</a><a href=\"#network\">Network</a><a href=\"#actors\">Actors</a>"
       "<a href=\"#statements\">Statements</a><a href=\"#events\">Events</a><a href=\"#articles\">Articles</a></nav>\n";
  o << "<section id=\"summary\"><h2>Key days</h2>\n" << summary_section_html(c, summary) << "</section>\n";
  o << "<section id=\"timeline\"><h2>Timeline</h2>\n<p class=\"muted\">Hover over an item for the full sentence and its source.</p>\n"
    << "<div class=\"figure\">" << svg_body(timeline) << "</div></section>\n";
  o << "<section id=\"network\"><h2>Network</h2>\n<div class=\"figure fit\">" << svg_body(network) << "</div></section>\n";
  o << "<section id=\"actors\"><h2>Actors</h2>\n";
  actors_table(c, eg, o);
  o << "</section>\n<section id=\"statements\"><h2>Statements</h2>\n";
  statements_table(c, o);
  o << "</section>\n<section id=\"events\"><h2>Events</h2>\n";
  events_table(c, o);
  o << "</section>\n<section id=\"articles\"><h2>Articles</h2>\n";
  articles_table(c, o);
  o << "</section>\n<footer>Made by eventloom 0.1.0 from the articles listed above.</footer>\n</body>\n</html>\n";
  Rendered r;
  r.data = o.str();
  return r;
}

}  // namespace eventloom
