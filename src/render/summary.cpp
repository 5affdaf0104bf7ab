// A timeline summary as people read it: an HTML page (or the report's first
// section), and a picture of the key days, drawn by Graphviz like the
// timeline (positions computed here, the "nop" engine only draws).
#include <algorithm>
#include <sstream>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

#include "eventloom/render.hpp"
#include "eventloom/timex_value.hpp"
#include "render/common.hpp"

namespace eventloom {
namespace {

using namespace render_detail;

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

// "12 January 2010", or the ISO text when it is not a day.
std::string long_date(const std::string& iso) {
  std::optional<boost::gregorian::date> d = parse_iso_day(iso);
  if (!d) return iso;
  return fmt::format("{} {} {}", static_cast<int>(d->day()), kMonthNames[d->month() - 1], static_cast<int>(d->year()));
}

std::string evidence_line(const SummaryDay& d) {
  return fmt::format("{} published that day \xC2\xB7 {} referring to it \xC2\xB7 {} source{}",
                     d.published == 1 ? std::string("1 article") : fmt::format("{} articles", d.published), d.referring,
                     d.sources, d.sources == 1 ? "" : "s");
}

SourceInfo source_of(const Corpus& c, const SummarySentence& s) {
  std::vector<SourceInfo> src = sources_of(c, {EvidenceRef{s.doc, 0}});
  return src.empty() ? SourceInfo{s.document, s.document, {}, {}} : src.front();
}

// Words wrapped into lines of at most `width` characters.
std::vector<std::string> wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string word = text.substr(i, j - i);
    if (!line.empty() && char_count(line) + 1 + char_count(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + shorten(word, width);
    i = j + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

namespace render_detail {

const char* kSummaryStyle = R"(
.tl{list-style:none;margin:0;padding:0 0 0 8px;border-left:3px solid #c9d3df}
.tl>li{position:relative;margin:0 0 18px;padding-left:18px}
.tl>li::before{content:"";position:absolute;left:-9px;top:5px;width:12px;height:12px;border-radius:6px;background:#1f4f8a}
.tl time{font-weight:bold;font-size:16px}
.tl .ev{color:#666;font-size:12px;margin-left:10px}
.tl ul{margin:6px 0 0;padding-left:18px}
.tl ul li{margin:4px 0;line-height:1.4}
.tl .src{color:#666;font-size:12px}
)";

std::string summary_section_html(const Corpus& c, const Summary& s) {
  std::ostringstream o;
  if (s.days.empty()) {
    o << "<p class=\"muted\">No key days: "
      << html_escape(s.notes.empty() ? std::string("nothing is dated") : s.notes.front()) << ".</p>\n";
    return o.str();
  }
  o << "<p class=\"muted\">" << s.days.size() << " key days of the " << s.candidate_days
    << " that the articles report or refer to, chosen by how many articles name each day, were published on it or "
       "the day after, and report its events; for each, the sentences closest to what its articles say, without "
       "repeating each other.</p>\n<ol class=\"tl\">\n";
  for (const SummaryDay& d : s.days) {
    o << "<li><time datetime=\"" << html_escape(d.date) << "\">" << html_escape(long_date(d.date)) << "</time><span class=\"ev\">"
      << html_escape(evidence_line(d)) << "</span>\n<ul>\n";
    if (d.sentences.empty()) o << "<li class=\"muted\">No sentence of the articles says what happened.</li>\n";
    for (const SummarySentence& x : d.sentences) {
      SourceInfo src = source_of(c, x);
      bool link = src.url.rfind("http://", 0) == 0 || src.url.rfind("https://", 0) == 0;
      std::string title = link ? "<a href=\"" + html_escape(src.url) + "\">" + html_escape(src.title) + "</a>" : html_escape(src.title);
      o << "<li>" << html_escape(x.text) << " <span class=\"src\">\xE2\x80\x94 " << title << " ("
        << html_escape(src.where) << (src.published.empty() ? "" : ", " + src.published) << ", bytes " << x.span.start
        << "\xE2\x80\x93" << x.span.end << ")</span></li>\n";
    }
    o << "</ul></li>\n";
  }
  o << "</ol>\n";
  return o.str();
}

}  // namespace render_detail

Rendered render_summary_html(const Corpus& c, const Summary& s, const std::string& title) {
  std::string t = title.empty() ? "Timeline" : title;
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << html_escape(t) << "</title>\n<style>"
    << "body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:920px;color:#222;padding:0 16px}"
    << "h1{font-size:24px}.muted{color:#888}a{color:#1f4f8a}" << kSummaryStyle << "</style>\n</head>\n<body>\n<h1>"
    << html_escape(t) << "</h1>\n"
    << summary_section_html(c, s) << "<footer class=\"muted\">Made by eventloom 0.1.0.</footer>\n</body>\n</html>\n";
  Rendered r;
  r.data = o.str();
  return r;
}

DotGraph summary_graph(const Corpus& c, const Summary& s, const std::string& title) {
  constexpr double kLeft = 16, kLine = 180, kText = 200, kWidth = 900, kLineHeight = 15, kChar = 6.0;
  constexpr size_t kWrap = 110;
  struct Block {
    std::vector<std::pair<std::string, std::string>> lines;  // text, tooltip
    std::vector<bool> source;                                // a source line (grey, smaller)
  };
  std::vector<Block> blocks;
  double y = title.empty() ? 20 : 48;
  std::vector<double> tops;
  for (const SummaryDay& d : s.days) {
    Block b;
    for (const SummarySentence& x : d.sentences) {
      std::string tip = x.text + "\n" + x.document + ", bytes " + std::to_string(x.span.start) + "-" + std::to_string(x.span.end);
      bool first = true;
      for (const std::string& line : wrap(clean_text(x.text), kWrap)) {
        b.lines.emplace_back((first ? "\xE2\x80\xA2 " : "   ") + line, tip);
        b.source.push_back(false);
        first = false;
      }
      SourceInfo src = source_of(c, x);
      b.lines.emplace_back("   " + shorten(src.title + " (" + src.where + (src.published.empty() ? "" : ", " + src.published) + ")", kWrap + 20), tip);
      b.source.push_back(true);
    }
    if (b.lines.empty()) b.lines.emplace_back("(no sentence says what happened)", ""), b.source.push_back(true);
    tops.push_back(y);
    y += std::max(2.0, static_cast<double>(b.lines.size())) * kLineHeight + 18;
    blocks.push_back(std::move(b));
  }
  if (s.days.empty()) y += 30;
  const double height = y + 10;
  DotWriter w(height);
  w.begin("summary", kWidth);
  if (!title.empty()) w.text(kLeft, 20, kWidth - 2 * kLeft, title, 'l', " fontsize=16 fontname=\"" + std::string(kHeadingFontFamily) + "\"");
  if (s.days.empty()) {
    w.text(kLeft, (title.empty() ? 20 : 48) + 10, 500,
           "No key days: " + (s.notes.empty() ? std::string("nothing is dated") : s.notes.front()), 'l');
  } else {
    w.box(kLine - 1.5, tops.front(), kLine + 1.5, height - 20, "#c9d3df");
  }
  for (size_t i = 0; i < s.days.size(); ++i) {
    const SummaryDay& d = s.days[i];
    double top = tops[i];
    w.node(kLine, top + 7, " shape=circle width=" + num(12.0 / 72, 4) + " fillcolor=\"#1f4f8a\" tooltip=" + dot_quote(evidence_line(d)));
    w.text(kLine - 14, top + 7, kLine - kLeft - 14, long_date(d.date), 'r',
           " fontsize=12 fontname=\"" + std::string(kHeadingFontFamily) + "\" tooltip=" + dot_quote(evidence_line(d)));
    w.text(kLine - 14, top + 7 + kLineHeight, kLine - kLeft - 14,
           fmt::format("{} published, {} refer to it", d.published, d.referring), 'r',
           " fontsize=8 fontcolor=\"#777777\" tooltip=" + dot_quote(evidence_line(d)));
    const Block& b = blocks[i];
    for (size_t j = 0; j < b.lines.size(); ++j) {
      double ly = top + 7 + static_cast<double>(j) * kLineHeight;
      const std::string& text = b.lines[j].first;
      std::string extra = b.source[j] ? " fontsize=8 fontcolor=\"#666666\"" : "";
      if (!b.lines[j].second.empty()) extra += " tooltip=" + dot_quote(b.lines[j].second);
      w.text(kText, ly, kChar * static_cast<double>(char_count(text)) + 8, text, 'l', extra);
    }
  }
  return w.finish(s.days.size());
}

}  // namespace eventloom
