// A summary as JSON (for scripts and scorers) and as Markdown (for people).
#include <fmt/format.h>

#include "eventloom/export.hpp"
#include "eventloom/summary.hpp"

namespace eventloom {

std::string summary_json(const Summary& s) {
  std::string out = "{\"timeline\": [";
  for (size_t i = 0; i < s.days.size(); ++i) {
    const SummaryDay& d = s.days[i];
    out += i ? ",\n  " : "\n  ";
    out += "{\"date\": ";
    append_json_string(out, d.date);
    out += ", \"sentences\": [";
    for (size_t j = 0; j < d.sentences.size(); ++j) {
      const SummarySentence& x = d.sentences[j];
      out += j ? ", " : "";
      out += "{\"text\": ";
      append_json_string(out, x.text);
      out += ", \"document\": ";
      append_json_string(out, x.document);
      out += fmt::format(", \"start\": {}, \"end\": {}}}", x.span.start, x.span.end);
    }
    out += "]}";
  }
  out += s.days.empty() ? "]}\n" : "\n]}\n";
  return out;
}

namespace {

// Markdown's special characters at the start of a line or inside text.
std::string md_escape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\' || ch == '`' || ch == '*' || ch == '_' || ch == '[' || ch == ']' || ch == '<' || ch == '>' ||
        ch == '|')
      out.push_back('\\');
    out.push_back(ch == '\n' || ch == '\r' ? ' ' : ch);
  }
  return out;
}

std::string where(const Document& d) {
  std::string w = d.title.empty() ? d.id : d.title + " (" + d.id + ")";
  if (d.published) w += ", " + format_date(*d.published);
  return w;
}

}  // namespace

std::string summary_markdown(const Corpus& c, const Summary& s, const std::string& title) {
  std::string out = "# " + md_escape(title.empty() ? "Timeline" : title) + "\n\n";
  if (s.days.empty()) out += "No key days: " + (s.notes.empty() ? std::string("nothing is dated") : s.notes.front()) + ".\n";
  else
    out += fmt::format("{} key days of the {} that the articles report or refer to.\n", s.days.size(), s.candidate_days);
  for (const SummaryDay& d : s.days) {
    out += fmt::format("\n## {}\n\n", d.date);
    out += fmt::format("*{} published that day, {} referring to it, from {} source{}*\n\n",
                       d.published == 1 ? std::string("1 article") : fmt::format("{} articles", d.published), d.referring,
                       d.sources, d.sources == 1 ? "" : "s");
    if (d.sentences.empty()) out += "- (no sentence of the articles says what happened)\n";
    for (const SummarySentence& x : d.sentences) {
      out += "- " + md_escape(x.text);
      if (x.doc < c.docs.size())
        out += fmt::format(" — *{}*, bytes {}–{}", md_escape(where(c.docs[x.doc].doc)), x.span.start, x.span.end);
      out += "\n";
    }
  }
  return out;
}

}  // namespace eventloom
