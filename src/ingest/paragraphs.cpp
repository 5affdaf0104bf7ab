#include "ingest/paragraphs.hpp"

#include <string>

#include "eventloom/text.hpp"
#include "util/lines.hpp"

namespace eventloom {
namespace {

bool ends_sentence(std::string_view line) {
  line = text::trim(line);
  if (line.empty()) return true;
  char c = line.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"') return true;
  // A closing curly quote or an ellipsis.
  return line.size() >= 3 && (line.substr(line.size() - 3) == "\xE2\x80\x9D" || line.substr(line.size() - 3) == "\xE2\x80\xA6");
}

// The last word of `s`, after its last space, tab or line break.
std::string_view last_word(std::string_view s) {
  const size_t b = s.find_last_of(" \t\n");
  return b == std::string_view::npos ? s : s.substr(b + 1);
}

// The line's last word is one that running text does not end on.
bool ends_on_run_on_word(std::string_view line) {
  static const auto words = util::word_set("ingest/data/run_on_words.txt");
  return words.count(text::lower_ascii(last_word(line))) > 0;
}

bool is_sign_off(std::string_view w) {
  static const auto words = util::word_set("ingest/data/sign_offs.txt");
  return words.count(text::lower_ascii(w)) > 0;
}

}  // namespace

void drop_sign_off(std::string_view t, std::vector<Span>& paragraphs) {
  if (paragraphs.empty()) return;
  Span& last = paragraphs.back();
  std::string_view p = t.substr(last.start, last.size());
  const std::string_view word = last_word(p);
  if (!is_sign_off(word)) return;
  // On a line of its own, or after the end of a sentence.
  std::string_view before = text::trim(p.substr(0, p.size() - word.size()));
  const bool own_line = word.size() == p.size() || p.find('\n', before.size()) != std::string_view::npos;
  if (!before.empty() && !own_line && !ends_sentence(before)) return;
  if (before.empty()) {
    paragraphs.pop_back();
    return;
  }
  last.end = last.start + static_cast<uint32_t>(before.data() + before.size() - p.data());
}

bool looks_wrapped(std::string_view t, uint32_t begin, uint32_t end) {
  // Over the lines that another line follows (the last line of a paragraph
  // is as short as it happens to be): how many are near one width, and how
  // many the next line goes on from in lower case.
  size_t near_width = 0, inner = 0, lower_next = 0;
  std::string_view prev;
  for (uint32_t pos = begin; pos < end;) {
    uint32_t nl = pos;
    while (nl < end && t[nl] != '\n') ++nl;
    std::string_view l = text::trim(t.substr(pos, nl - pos));
    if (!l.empty() && !prev.empty()) {
      ++inner;
      near_width += prev.size() >= 40 && prev.size() <= 100;
      lower_next += l[0] >= 'a' && l[0] <= 'z';
    }
    prev = l;
    pos = nl + 1;
  }
  // Six in ten near one width ("...attacked by an Iranian gunboat on May"
  // / "24, Lloyds Shipping Intelligence said."), or one in five going on in
  // lower case ("...said it formed a" / "new branded foods group").
  return inner > 0 && (near_width * 10 >= inner * 6 || lower_next * 5 >= inner);
}

std::vector<Span> split_paragraphs(std::string_view t, uint32_t begin, uint32_t end, bool known_wrapped) {
  std::vector<Span> out;
  // Text whose lines are not wrapped at one width has a paragraph, a
  // heading or a row of a table on each line ("Manchester City v Charlton"
  // then "Playing Sunday : ..."): a line break ends one unless the line runs on.
  const bool wrapped = known_wrapped || looks_wrapped(t, begin, end);
  uint32_t para_start = begin;
  auto flush = [&](uint32_t stop) {
    uint32_t b = para_start, e = stop;
    while (b < e && (t[b] == ' ' || t[b] == '\n' || t[b] == '\r' || t[b] == '\t')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r' || t[e - 1] == '\t')) --e;
    if (e > b) out.push_back({b, e});
  };
  uint32_t line_start = begin;
  while (line_start < end) {
    uint32_t nl = line_start;
    while (nl < end && t[nl] != '\n') ++nl;
    std::string_view line = t.substr(line_start, nl - line_start);
    uint32_t next = nl + 1;
    if (nl >= end) break;
    // Decide whether the break after this line ends the paragraph.
    bool blank_next = true;
    bool indented_next = false;
    for (uint32_t k = next; k < end && t[k] != '\n'; ++k) {
      if (t[k] != ' ' && t[k] != '\t' && t[k] != '\r') {
        blank_next = false;
        indented_next = k > next;
        break;
      }
    }
    bool blank_this = text::trim(line).empty();
    // (Not the first line of a text whose title is not in it: wire copy's
    // first line is short because its dateline was cut off, "Fidelity
    // National Financial" / "Inc said ...".)
    bool short_line = text::trim(line).size() < 40 && !(line_start == begin && !known_wrapped);
    // A line runs on into a next line that goes on in lower case ("a
    // one-time loss of 3,624,000 dlrs on" / "write-off of certain silver"),
    // after a comma, or with a number after a word that running text does
    // not end on (run_on_words.txt: "gains from sale of investments of" /
    // "887,000 dlrs"): even a short one ("Ralston Purina Co said it formed a",
    // the rest of a first line after its dateline), and even in text whose
    // other lines are each a paragraph or a row of a table. There, not
    // before a capital after a run-on word: a scrape's standfirst ends on
    // "with" as often as not; wrapped text breaks anywhere ("will resign on"
    // / "May one").
    bool runs_on = false;
    if (!blank_next && !indented_next && !ends_sentence(line)) {
      std::string_view l = text::trim(line);
      runs_on = (next < end && t[next] >= 'a' && t[next] <= 'z') || (!l.empty() && l.back() == ',') ||
                (((next < end && t[next] >= '0' && t[next] <= '9') || wrapped) && ends_on_run_on_word(l));
    }
    if (blank_this || blank_next || indented_next || ends_sentence(line) || (!runs_on && (!wrapped || short_line))) {
      flush(nl);
      para_start = next;
    }
    line_start = next;
  }
  flush(end);
  return out;
}

}  // namespace eventloom
