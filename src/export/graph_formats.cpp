// Graph exports: GraphML, GEXF (1.2draft or 1.3), DOT and CSV tables.
//
// All four walk the EventGraph in vertex and edge order, which build_graph()
// makes deterministic, so the same corpus gives the same bytes. XML text is
// made safe twice: invalid UTF-8 becomes U+FFFD and control characters that
// XML 1.0 forbids are dropped, then the five markup characters are escaped.
// GEXF carries each node's and edge's first and last day as start/end (with
// timeformat="date"), so Gephi's timeline can play the graph over time. In
// GEXF 1.2draft and 1.3 alike, one closed interval is written as the start and
// end attributes of its node or edge (a <spells> list is for several), so the
// two versions differ only in the root element's namespace and version.
#include <map>

#include <fmt/format.h>

#include "eventloom/export.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

// Valid UTF-8 only: a bad byte becomes U+FFFD.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = text::next_code_point(s, i);
    if (i <= start) i = start + 1;
    if (cp == 0xFFFD && s.substr(start, i - start) != "\xEF\xBF\xBD") out += "\xEF\xBF\xBD";
    else out.append(s.substr(start, i - start));
  }
  return out;
}

std::string xml(std::string_view raw) {
  std::string s = valid_utf8(raw), out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out.push_back(ch);
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep = "; ") {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string primary_document(const VertexProps& v) { return v.provenance.empty() ? "" : v.provenance.front().document; }

struct Attr {
  const char* name;
  const char* type;  // GraphML type: string, int
};
constexpr Attr kNodeAttrs[] = {{"kind", "string"},      {"label", "string"},    {"type", "string"},
                               {"date", "string"},      {"first_day", "string"}, {"last_day", "string"},
                               {"aliases", "string"},   {"roles", "string"},     {"document", "string"},
                               {"start", "int"},        {"end", "int"}};
constexpr Attr kEdgeAttrs[] = {{"kind", "string"},     {"count", "int"},        {"first_day", "string"},
                               {"last_day", "string"}, {"event_types", "string"}};

std::vector<std::string> node_values(const VertexProps& v) {
  bool has_span = !v.provenance.empty();
  return {to_string(v.kind), v.label, v.type, v.date, v.first_day, v.last_day, join(v.aliases), join(v.roles),
          primary_document(v), has_span ? std::to_string(v.provenance[0].span.start) : "",
          has_span ? std::to_string(v.provenance[0].span.end) : ""};
}

std::vector<std::string> edge_values(const EdgeProps& e) {
  return {to_string(e.kind), std::to_string(e.count), e.first_day, e.last_day, join(e.event_types)};
}

std::string csv_field(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  return out + "\"";
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

std::string dot_string(std::string_view raw) {
  std::string s = valid_utf8(raw), out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out.push_back('\\');
    if (ch == '\n') { out += "\\n"; continue; }
    if (ch == '\r') continue;
    out.push_back(ch);
  }
  return out + "\"";
}

std::string shorten(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
  return std::string(s.substr(0, cut)) + "...";
}

}  // namespace

std::string export_node_id(const VertexProps& v) { return std::string(to_string(v.kind)) + ":" + v.id; }

std::vector<std::string> export_node_ids(const EventGraph& eg) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (auto [it, end] = boost::vertices(eg.g); it != end; ++it) {
    std::string id = export_node_id(eg.g[*it]);
    int n = ++seen[id];
    out.push_back(n == 1 ? id : fmt::format("{}~{}", id, n));  // a repeated corpus id stays a distinct node
  }
  return out;
}

void write_graphml(const EventGraph& eg, std::ostream& out) {
  const Graph& g = eg.g;
  const std::vector<std::string> ids = export_node_ids(eg);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Attr& a : kNodeAttrs)
    out << fmt::format("  <key id=\"n_{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n", a.name, a.type);
  for (const Attr& a : kEdgeAttrs)
    out << fmt::format("  <key id=\"e_{0}\" for=\"edge\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n", a.name, a.type);
  out << "  <graph id=\"eventloom\" edgedefault=\"directed\">\n";
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    out << "    <node id=\"" << xml(ids[*it]) << "\">";
    auto values = node_values(g[*it]);
    for (size_t i = 0; i < values.size(); ++i)
      if (!values[i].empty()) out << "<data key=\"n_" << kNodeAttrs[i].name << "\">" << xml(values[i]) << "</data>";
    out << "</node>\n";
  }
  size_t n = 0;
  for (auto [it, end] = boost::edges(g); it != end; ++it, ++n) {
    out << fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\">", n, xml(ids[boost::source(*it, g)]),
                       xml(ids[boost::target(*it, g)]));
    auto values = edge_values(g[*it]);
    for (size_t i = 0; i < values.size(); ++i)
      if (!values[i].empty()) out << "<data key=\"e_" << kEdgeAttrs[i].name << "\">" << xml(values[i]) << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

const char* to_string(GexfVersion v) { return v == GexfVersion::V1_3 ? "1.3" : "1.2draft"; }

std::optional<GexfVersion> parse_gexf_version(std::string_view s) {
  if (s == "1.2" || s == "1.2draft") return GexfVersion::V1_2draft;
  if (s == "1.3") return GexfVersion::V1_3;
  return std::nullopt;
}

void write_gexf(const EventGraph& eg, std::ostream& out, GexfVersion version) {
  const Graph& g = eg.g;
  const std::vector<std::string> ids = export_node_ids(eg);
  auto gexf_type = [](const char* t) { return std::string_view(t) == "int" ? "integer" : "string"; };
  // 1.2draft lives under www.gexf.net and says version="1.2"; 1.3 dropped the www.
  const bool v13 = version == GexfVersion::V1_3;
  const std::string ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format("<gexf xmlns=\"{0}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                     "xsi:schemaLocation=\"{0} {0}/gexf.xsd\" version=\"{1}\">\n",
                     ns, v13 ? "1.3" : "1.2")
      << "  <meta><creator>eventloom</creator><description>who said what, who did what to whom, and when"
         "</description></meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
         "    <attributes class=\"node\" mode=\"static\">\n";
  for (size_t i = 0; i < std::size(kNodeAttrs); ++i)
    out << fmt::format("      <attribute id=\"n{}\" title=\"{}\" type=\"{}\"/>\n", i, kNodeAttrs[i].name, gexf_type(kNodeAttrs[i].type));
  out << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (size_t i = 0; i < std::size(kEdgeAttrs); ++i)
    out << fmt::format("      <attribute id=\"e{}\" title=\"{}\" type=\"{}\"/>\n", i, kEdgeAttrs[i].name, gexf_type(kEdgeAttrs[i].type));
  out << "    </attributes>\n    <nodes>\n";
  auto interval = [](const std::string& first, const std::string& last) {
    std::string s;
    if (!first.empty()) s += " start=\"" + first + "\"";
    if (!last.empty()) s += " end=\"" + last + "\"";
    return s;
  };
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const VertexProps& v = g[*it];
    out << "      <node id=\"" << xml(ids[*it]) << "\" label=\"" << xml(shorten(v.label, 200)) << "\""
        << interval(v.first_day, v.last_day) << "><attvalues>";
    auto values = node_values(v);
    for (size_t i = 0; i < values.size(); ++i)
      if (!values[i].empty()) out << "<attvalue for=\"n" << i << "\" value=\"" << xml(values[i]) << "\"/>";
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  size_t n = 0;
  for (auto [it, end] = boost::edges(g); it != end; ++it, ++n) {
    const EdgeProps& e = g[*it];
    out << fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"{}>", n,
                       xml(ids[boost::source(*it, g)]), xml(ids[boost::target(*it, g)]),
                       to_string(e.kind), e.count, interval(e.first_day, e.last_day));
    out << "<attvalues>";
    auto values = edge_values(e);
    for (size_t i = 0; i < values.size(); ++i)
      if (!values[i].empty()) out << "<attvalue for=\"e" << i << "\" value=\"" << xml(values[i]) << "\"/>";
    out << "</attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void write_dot(const EventGraph& eg, std::ostream& out) {
  const Graph& g = eg.g;
  const std::vector<std::string> ids = export_node_ids(eg);
  static const char* kShapes[] = {"ellipse", "note", "box", "folder"};  // by VertexKind
  out << "digraph eventloom {\n  graph [rankdir=LR];\n";
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const VertexProps& v = g[*it];
    out << "  " << dot_string(ids[*it]) << " [label=" << dot_string(shorten(v.label, 80))
        << ", shape=" << kShapes[static_cast<int>(v.kind)] << ", kind=" << to_string(v.kind);
    if (!v.first_day.empty()) out << ", date=" << dot_string(v.first_day);
    out << "];\n";
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& e = g[*it];
    out << "  " << dot_string(ids[boost::source(*it, g)]) << " -> "
        << dot_string(ids[boost::target(*it, g)]) << " [kind=" << to_string(e.kind);
    if (e.kind == EdgeKind::Interaction)
      out << ", weight=" << e.count << ", penwidth=" << std::min<uint32_t>(e.count, 8)
          << ", label=" << dot_string(join(e.event_types, ", "));
    out << "];\n";
  }
  out << "}\n";
}

const char* to_string(CsvTable t) {
  switch (t) {
    case CsvTable::Actors: return "actors";
    case CsvTable::Statements: return "statements";
    case CsvTable::Events: return "events";
    case CsvTable::Interactions: return "interactions";
  }
  return "actors";
}

void write_csv(const EventGraph& eg, CsvTable table, std::ostream& out) {
  const Graph& g = eg.g;
  auto actor_id = [&](uint32_t a) {
    Vertex v = a < eg.actor_vertex.size() ? eg.actor_vertex[a] : EventGraph::kNone;
    return v == EventGraph::kNone ? std::string() : g[v].id;
  };
  auto count_out = [&](Vertex v, EdgeKind k) {
    uint32_t n = 0;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) n += g[*it].kind == k;
    return n;
  };
  switch (table) {
    case CsvTable::Actors:
      csv_row(out, {"id", "name", "type", "aliases", "roles", "first_day", "last_day", "statements"});
      for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const VertexProps& v = g[*it];
        if (v.kind != VertexKind::Actor) continue;
        csv_row(out, {v.id, v.label, v.type, join(v.aliases), join(v.roles), v.first_day, v.last_day,
                      std::to_string(count_out(*it, EdgeKind::Said))});
      }
      break;
    case CsvTable::Statements:
      csv_row(out, {"id", "speaker", "kind", "date", "day", "text", "document", "start", "end", "sources"});
      for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const VertexProps& v = g[*it];
        if (v.kind != VertexKind::Statement) continue;
        const Provenance p = v.provenance.empty() ? Provenance{} : v.provenance[0];
        csv_row(out, {v.id, v.speaker ? actor_id(*v.speaker) : "", v.type, v.date, v.first_day, v.label, p.document,
                      std::to_string(p.span.start), std::to_string(p.span.end), std::to_string(v.provenance.size())});
      }
      break;
    case CsvTable::Events:
      csv_row(out, {"id", "type", "date", "day", "participants", "document", "start", "end", "sources"});
      for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const VertexProps& v = g[*it];
        if (v.kind != VertexKind::Event) continue;
        std::vector<std::string> parts;
        for (auto [e, eend] = boost::in_edges(*it, g); e != eend; ++e)
          parts.push_back(g[boost::source(*e, g)].id + ":" + to_string(g[*e].kind));
        const Provenance p = v.provenance.empty() ? Provenance{} : v.provenance[0];
        csv_row(out, {v.id, v.type, v.date, v.first_day, join(parts), p.document, std::to_string(p.span.start),
                      std::to_string(p.span.end), std::to_string(v.provenance.size())});
      }
      break;
    case CsvTable::Interactions:
      csv_row(out, {"source", "target", "count", "first_day", "last_day", "event_types"});
      for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const EdgeProps& e = g[*it];
        if (e.kind != EdgeKind::Interaction) continue;
        csv_row(out, {g[boost::source(*it, g)].id, g[boost::target(*it, g)].id, std::to_string(e.count), e.first_day,
                      e.last_day, join(e.event_types)});
      }
      break;
  }
}

}  // namespace eventloom
