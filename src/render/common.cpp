// Text helpers for the renderers (see common.hpp).
#include "render/common.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <utf8cpp/utf8.h>

#include "eventloom/cameo.hpp"
#include "eventloom/render.hpp"

namespace eventloom::render_detail {

std::string clean_text(std::string_view s, bool keep_newlines) {
  std::string valid;
  utf8::replace_invalid(s.begin(), s.end(), std::back_inserter(valid));
  std::string out;
  out.reserve(valid.size());
  bool space = false;
  for (unsigned char ch : valid) {
    if (ch == '\n' && keep_newlines) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
      space = false;
      continue;
    }
    if (ch < 0x20 || ch == 0x7f || ch == ' ') {
      space = !out.empty();
      continue;
    }
    if (space && !out.empty() && out.back() != '\n') out += ' ';
    space = false;
    out += static_cast<char>(ch);
  }
  return out;
}

size_t char_count(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string shorten(std::string_view s, size_t max_chars) {
  if (char_count(s) <= max_chars) return std::string(s);
  size_t keep = max_chars > 1 ? max_chars - 1 : 0, chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == keep) break;
      ++chars;
    }
  }
  std::string out(s.substr(0, i));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";
}

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    if (ch == '\n') {
      out += "\\n";
      continue;
    }
    out += ch;
  }
  return out + "\"";
}

std::string num(double v, int decimals) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::vector<SourceInfo> sources_of(const Corpus& c, const std::vector<EvidenceRef>& ev) {
  std::vector<SourceInfo> out;
  std::vector<uint32_t> seen;
  for (const EvidenceRef& r : ev) {
    if (r.doc >= c.docs.size() || std::find(seen.begin(), seen.end(), r.doc) != seen.end()) continue;
    seen.push_back(r.doc);
    const Document& d = c.docs[r.doc].doc;
    SourceInfo s;
    s.title = clean_text(d.title.empty() ? d.id : d.title);
    if (!d.sources.empty()) {
      const SourceRef& src = d.sources.front();
      s.where = !src.record_id.empty() ? src.path + " " + src.record_id
                                       : src.path + (src.line ? ":" + std::to_string(src.line) : std::string());
      s.url = src.url;
    } else {
      s.where = d.id;
    }
    s.where = clean_text(s.where);
    if (d.published) s.published = format_date(*d.published);
    out.push_back(std::move(s));
  }
  return out;
}

size_t article_count(const std::vector<EvidenceRef>& ev) {
  std::vector<uint32_t> docs;
  for (const EvidenceRef& r : ev) docs.push_back(r.doc);
  std::sort(docs.begin(), docs.end());
  return static_cast<size_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
}

std::string event_sentence(const Corpus& c, const Event& e) {
  if (e.evidence.empty()) return {};
  const EvidenceRef& r = e.evidence.front();
  if (r.doc >= c.docs.size() || r.local >= c.docs[r.doc].events.size()) return {};
  const DocExtraction& x = c.docs[r.doc];
  Span s = x.events[r.local].sentence;
  if (s.end > x.doc.text.size() || s.empty()) return {};
  return clean_text(std::string_view(x.doc.text).substr(s.start, s.size()));
}

std::string type_name(std::string_view type) {
  size_t sp = type.find(' ');
  if (sp == std::string_view::npos || sp == 0 || type[0] < '0' || type[0] > '9') return clean_text(type);
  std::string out;
  bool first = true;
  for (char ch : type.substr(sp + 1)) {
    out += first ? ch : (ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    first = false;
  }
  return clean_text(out);
}

void DotWriter::begin(const std::string& name, double width) {
  out += "// eventloom " + name + ": positions are fixed; render with `neato -n2 -Tsvg`\n";
  out += "graph " + name + " {\n";
  out += std::string("graph [bgcolor=\"white\" splines=false outputorder=\"nodesfirst\" pad=\"0.1\" fontname=\"") + kFontFamily +
         "\"]\n";
  out += std::string("node [shape=box fixedsize=true label=\"\" style=filled color=\"transparent\" penwidth=0 fontname=\"") +
         kFontFamily + "\" fontsize=10 fontcolor=\"#222222\"]\n";
  box(0, 0, 1, 1, "#ffffff");
  box(width - 1, height_ - 1, width, height_, "#ffffff");
}

DotGraph DotWriter::finish(size_t nodes) {
  out += "}\n";
  DotGraph g;
  g.dot = std::move(out);
  g.engine = "nop";
  g.nodes = nodes;
  return g;
}

void DotWriter::node(double x, double y, const std::string& attrs) {
  out += "n" + std::to_string(next++) + " [pos=\"" + num(x, 1) + "," + num(height_ - y, 1) + "!\"" + attrs + "]\n";
}

void DotWriter::box(double x0, double y0, double x1, double y1, const std::string& fill) {
  node((x0 + x1) / 2, (y0 + y1) / 2,
       " width=" + num((x1 - x0) / 72, 4) + " height=" + num((y1 - y0) / 72, 4) + " fillcolor=\"" + fill + "\"");
}

void DotWriter::text(double x, double y, double width, const std::string& label, char just, const std::string& extra) {
  std::string q = dot_quote(label);
  if (just != 'n') q.insert(q.size() - 1, std::string("\\") + just);
  double cx = just == 'l' ? x + width / 2 : just == 'r' ? x - width / 2 : x;
  node(cx, y, " shape=plaintext style=\"\" width=" + num(width / 72, 4) + " height=" + num(14.0 / 72, 4) + " label=" + q + extra);
}

}  // namespace eventloom::render_detail

namespace eventloom {

std::string html_escape(std::string_view s) {
  std::string clean = render_detail::clean_text(s, true);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char ch : clean) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

Tone tone_of(std::string_view type) {
  if (type == "statement") return Tone::Statement;
  const uint8_t code = cameo_root(type);
  if (code >= 1 && code <= 2) return Tone::Statement;
  if (code >= 3 && code <= 8) return Tone::Cooperation;
  if (code >= 9 && code <= 20) return Tone::Conflict;
  return Tone::Other;
}

const char* to_string(Tone t) {
  switch (t) {
    case Tone::Statement: return "statement";
    case Tone::Cooperation: return "cooperation";
    case Tone::Conflict: return "conflict";
    case Tone::Other: return "other";
  }
  return "other";
}

const char* tone_colour(Tone t) {
  switch (t) {
    case Tone::Statement: return "#3366aa";
    case Tone::Cooperation: return "#2a8a4a";
    case Tone::Conflict: return "#c0392b";
    case Tone::Other: return "#777777";
  }
  return "#777777";
}

}  // namespace eventloom
