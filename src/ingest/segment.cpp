// Splitting a plain-text scrape into articles and cleaning each one.
//
// The file is cut into blocks: one per line when lines are whole paragraphs
// (scrapes), else the paragraphs of wrapped text. Blocks get a class from
// their own shape (boilerplate, "TT", a caption ending in a short credit like
// "(AFP)", a teaser ending in "[…]", a title-like line with no final stop)
// and from their neighbours:
//   - a headline repeated a few blocks later starts an article (scrapes print
//     the headline, captions, "TT", then the headline again);
//   - a "header" block whose next block is its own prefix is a subtitle glued
//     to the first paragraph (a summary line in feed scrapes): it starts an
//     article (with the title line just before it, if there is one) and is
//     dropped, since the subtitle and the paragraph follow on their own;
//   - a teaser whose full text follows is dropped; a teaser whose article is
//     not in the file is a piece of its own, not news.
// Within an article, a block equal to an earlier one is dropped (repeated
// headlines and captions). A piece with no body, or one that addresses the
// reader like an advertisement, is not news.
#include <algorithm>
#include <string>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "ingest/paragraphs.hpp"
#include "util/lines.hpp"

namespace eventloom {
namespace {

enum class BlockClass { Body, Boiler, Caption, Teaser, Title, Header };

struct Block {
  Span span;
  uint32_t line = 0;
  uint32_t blank_before = 0;
  std::string key;  // folded alphanumerics, for comparisons
  BlockClass cls = BlockClass::Body;
  bool title_like = false;
  bool drop = false;
};

struct BoilerplateList {
  std::vector<std::string> exact, prefix;
  BoilerplateList() {
    util::read_data_file("ingest/data/boilerplate.txt", {1, 1, true}, [&](const util::DataFields& f) -> const char* {
      std::string l = text::lower_ascii(f[0]);
      if (l.rfind("prefix:", 0) == 0) {
        std::string_view p = text::trim(std::string_view(l).substr(7));
        if (p.empty()) return "an empty prefix";
        prefix.emplace_back(p);
      } else {
        exact.push_back(l);
      }
      return nullptr;
    });
  }
  bool matches(std::string_view line) const {
    std::string l = text::lower_ascii(text::trim(line));
    while (!l.empty() && static_cast<unsigned char>(l.back()) == 0xA0) l.pop_back();
    if (std::find(exact.begin(), exact.end(), l) != exact.end()) return true;
    for (const auto& p : prefix)
      if (l.rfind(p, 0) == 0) return true;
    return false;
  }
};

const BoilerplateList& boilerplate() {
  static const BoilerplateList list;
  return list;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim_all(std::string_view s) {
  s = text::trim(s);
  while (ends_with(s, "\xC2\xA0")) s = text::trim(s.substr(0, s.size() - 2));
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s = text::trim(s.substr(2));
  return s;
}

bool is_teaser(std::string_view s) {
  s = trim_all(s);
  return ends_with(s, "[\xE2\x80\xA6]") || ends_with(s, "[...]") || ends_with(s, "[\xE2\x80\xA6 ]");
}

// A photo caption ends with a short credit in brackets: "(AFP)", "(dpa)",
// "(Representational)", "(Photo: Jane Doe/Reuters)".
bool is_caption(std::string_view s) {
  s = trim_all(s);
  if (s.size() < 20 || s.back() != ')') return false;
  size_t open = s.rfind('(');
  if (open == std::string_view::npos || open + 1 >= s.size()) return false;
  std::string_view credit = s.substr(open + 1, s.size() - open - 2);
  if (credit.size() > 40 || credit.empty()) return false;
  int words = 1;
  for (char c : credit) words += c == ' ';
  if (words > 4) return false;
  // A sentence ending in a bracketed acronym is not a caption ("... the
  // Ukrainian Insurgent Army (UPA)."): captions end right at the bracket.
  unsigned char first = static_cast<unsigned char>(credit[0]);
  return (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
}

bool is_title_like(std::string_view s) {
  s = trim_all(s);
  if (s.empty() || s.size() > 200) return false;
  char last = s.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (ends_with(s, "\xE2\x80\x9D") || last == '"') return false;  // ends a quote: a sentence
  unsigned char first = static_cast<unsigned char>(s[0]);
  return (first >= 'A' && first <= 'Z') || first >= 0x80 || (first >= '0' && first <= '9') || first == '\'';
}

// A headline printed with a full stop, as some archives print every
// headline ("Mayor says bridge 'unsafe'."): one short sentence, no other
// stop inside. Read only for the first block of an article with a body
// after it: a body paragraph is rarely this short.
bool is_stopped_headline(std::string_view s) {
  s = trim_all(s);
  if (s.size() < 2 || s.back() != '.' || !is_title_like(s.substr(0, s.size() - 1))) return false;
  uint32_t words = 1;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == ' ') ++words;
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ') return false;
  }
  return words <= 14;
}

// An advertisement talks to the reader: "you", "your", "Did you know".
bool looks_like_ad(std::string_view s) {
  // Words inside quotation marks are someone speaking, not the page selling.
  std::string l;
  l.reserve(s.size());
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"' || s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D") {
      quoted = s[i] == '"' ? !quoted : s.substr(i, 3) == "\xE2\x80\x9C";
      continue;
    }
    if (!quoted) l.push_back(s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i]);
  }
  int words = 0, second_person = 0;
  size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && !(l[i] >= 'a' && l[i] <= 'z')) ++i;
    size_t b = i;
    while (i < l.size() && ((l[i] >= 'a' && l[i] <= 'z') || l[i] == '\'')) ++i;
    if (i == b) break;
    std::string_view w(l.data() + b, i - b);
    ++words;
    if (w == "you" || w == "your" || w == "you're" || w == "yours" || w == "yourself") ++second_person;
  }
  if (words == 0) return false;
  bool reported = l.find(" said") != std::string::npos || l.find("according to") != std::string::npos ||
                  l.find(" told ") != std::string::npos;
  return !reported && ((second_person >= 3 && second_person * 40 >= words) || l.rfind("did you know", 0) == 0);
}

std::vector<Block> make_blocks(std::string_view content) {
  // Lines that are whole paragraphs, or wrapped text?
  std::vector<Span> lines;
  size_t pos = 0, wrap_width = 0, nonempty = 0, continued = 0;
  bool prev_nonempty = false;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    lines.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    std::string_view l = text::trim(content.substr(pos, nl - pos));
    if (!l.empty()) {
      ++nonempty;
      wrap_width += l.size() >= 50 && l.size() <= 100;
      continued += prev_nonempty;
    }
    prev_nonempty = !l.empty();
    if (nl == content.size()) break;
    pos = nl + 1;
  }
  // Wrapped text: most lines near one width, running on without blank lines.
  bool wrapped = nonempty >= 4 && wrap_width * 10 >= nonempty * 7 && continued * 2 >= nonempty;
  bool line_paragraphs = !wrapped;
  std::vector<Span> spans;
  if (line_paragraphs) {
    for (Span l : lines)
      if (!text::trim(content.substr(l.start, l.size())).empty()) spans.push_back(l);
  } else {
    spans = split_paragraphs(content, 0, static_cast<uint32_t>(content.size()), true);
  }
  std::vector<Block> blocks;
  blocks.reserve(spans.size());
  uint32_t line_no = 1, prev_end = 0;
  for (Span s : spans) {
    // Trim the span itself, and count lines and blank lines up to it.
    std::string_view raw = content.substr(s.start, s.size());
    std::string_view t = text::trim(raw);
    if (t.empty()) continue;
    uint32_t b = s.start + static_cast<uint32_t>(t.data() - raw.data());
    Block blk;
    blk.span = {b, b + static_cast<uint32_t>(t.size())};
    uint32_t nls = static_cast<uint32_t>(std::count(content.begin() + prev_end, content.begin() + b, '\n'));
    line_no += nls;
    blk.line = line_no;
    blk.blank_before = blocks.empty() ? 0 : (nls > 0 ? nls - 1 : 0);
    line_no += static_cast<uint32_t>(std::count(t.begin(), t.end(), '\n'));
    prev_end = blk.span.end;
    blk.key = text::comparison_key(t);
    blk.title_like = is_title_like(t);
    if (boilerplate().matches(t))
      blk.cls = BlockClass::Boiler;
    else if (is_teaser(t))
      blk.cls = BlockClass::Teaser;
    else if (is_caption(t))
      blk.cls = BlockClass::Caption;
    if (blk.cls != BlockClass::Body) blk.title_like = false;
    blocks.push_back(std::move(blk));
  }
  return blocks;
}

bool starts_with(const std::string& s, const std::string& p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

// The teaser's words (without "[…]") open a later block: its full text follows.
bool teaser_followed(const std::vector<Block>& blocks, size_t i) {
  std::string key = blocks[i].key;
  if (key.size() > 60) key.resize(60);
  size_t cut = key.rfind(' ');
  if (cut != std::string::npos && key.size() == 60) key.resize(cut);
  if (key.size() < 20) return false;
  for (size_t j = i + 1; j < blocks.size() && j <= i + 4; ++j)
    if (blocks[j].key.find(key) != std::string::npos) return true;
  return false;
}

}  // namespace

std::vector<Segment> segment_text(std::string_view content) {
  std::vector<Block> blocks = make_blocks(content);
  const size_t n = blocks.size();
  // Headers: the next block is a strict prefix of this one.
  for (size_t i = 0; i + 1 < n; ++i) {
    const auto& a = blocks[i].key;
    const auto& b = blocks[i + 1].key;
    if (b.size() >= 25 && a.size() > b.size() + 10 && starts_with(a, b)) blocks[i].cls = BlockClass::Header;
  }
  // Where articles start.
  std::vector<bool> start(n, false);
  std::vector<bool> lone_teaser(n, false);
  if (n) start[0] = true;
  for (size_t i = 0; i < n; ++i) {
    if (blocks[i].cls == BlockClass::Header) {
      size_t s = i;
      if (i > 0 && blocks[i - 1].title_like && blocks[i - 1].cls == BlockClass::Body && !start[i - 1]) s = i - 1;
      if (i > 0 && start[i - 1] && blocks[i - 1].title_like) s = i - 1;
      start[s] = true;
      if (s != i) start[i] = false;
      blocks[s].cls = s != i ? BlockClass::Title : blocks[s].cls;
    } else if (blocks[i].cls == BlockClass::Teaser && !teaser_followed(blocks, i)) {
      lone_teaser[i] = true;
      start[i] = true;
      if (i + 1 < n) start[i + 1] = true;
    } else if (blocks[i].title_like && blocks[i].cls == BlockClass::Body) {
      // A headline printed again within the next few blocks.
      for (size_t j = i + 1; j < n && j <= i + 8; ++j) {
        if (blocks[j].key == blocks[i].key && blocks[i].key.size() >= 10) {
          bool already_inside = false;
          for (size_t k = i; k-- > 0 && k + 8 >= i;) {
            if (blocks[k].key == blocks[i].key) already_inside = true;
          }
          if (!already_inside) {
            start[i] = true;
            blocks[i].cls = BlockClass::Title;
          }
          break;
        }
      }
    }
  }
  // A standalone teaser's follower begins an article only if a new one is not
  // begun right after it by its own signal; that is already the case.
  std::vector<Segment> out;
  size_t i = 0;
  while (i < n) {
    size_t j = i + 1;
    while (j < n && !start[j]) ++j;
    Segment seg;
    seg.begin = blocks[i].span.start;
    seg.end = blocks[j - 1].span.end;
    seg.first_line = blocks[i].line;
    std::vector<std::string> seen;
    bool has_body = false;
    bool all_teasers = true;
    std::string ad_text;
    for (size_t k = i; k < j; ++k) {
      Block& b = blocks[k];
      std::string_view t = content.substr(b.span.start, b.span.size());
      if (b.cls != BlockClass::Teaser) all_teasers = false;
      if (b.cls == BlockClass::Boiler) continue;
      if (std::find(seen.begin(), seen.end(), b.key) != seen.end()) continue;  // repeated headline or caption
      seen.push_back(b.key);
      if (b.cls == BlockClass::Header) {
        // Keep it only if its words do not follow (nothing may be lost).
        if (k + 2 < j && b.key.size() > blocks[k + 1].key.size()) {
          std::string rest = b.key.substr(blocks[k + 1].key.size());
          rest = std::string(text::trim(rest));
          if (rest.size() > 40) rest.resize(40);
          if (blocks[k + 2].key.find(rest) != std::string::npos) continue;
        }
      }
      if (b.cls == BlockClass::Teaser && !lone_teaser[k]) continue;
      ParagraphKind kind = ParagraphKind::Body;
      if (b.cls == BlockClass::Caption) {
        kind = ParagraphKind::Caption;
      } else if (seg.title.empty() && seg.paragraphs.empty() &&
                 (b.title_like || (b.cls == BlockClass::Body && k + 1 < j && is_stopped_headline(t)))) {
        kind = ParagraphKind::Title;
        seg.title = std::string(trim_all(t));
      } else if (b.cls == BlockClass::Body && b.title_like && k > i && blocks[k - 1].cls == BlockClass::Header) {
        kind = ParagraphKind::Standfirst;
      } else if (b.cls == BlockClass::Body && b.title_like && t.size() < 160 && has_body) {
        kind = ParagraphKind::Byline;  // "Name, role" above a column, or a section heading
      } else {
        has_body = has_body || b.cls == BlockClass::Body || b.cls == BlockClass::Teaser;
      }
      if (kind == ParagraphKind::Body && b.cls == BlockClass::Body) has_body = true;
      if (kind == ParagraphKind::Body || kind == ParagraphKind::Standfirst) ad_text.append(t).push_back(' ');
      seg.paragraphs.push_back({b.span, kind});
    }
    if (seg.title.empty()) {
      for (const auto& p : seg.paragraphs)
        if (p.kind == ParagraphKind::Standfirst) {
          seg.title = std::string(trim_all(content.substr(p.span.start, p.span.size())));
          break;
        }
    }
    if (seg.title.empty() && !seg.paragraphs.empty()) {
      std::string_view first = trim_all(content.substr(seg.paragraphs[0].span.start, seg.paragraphs[0].span.size()));
      seg.title = std::string(first.substr(0, std::min<size_t>(first.size(), 120)));
    }
    if (all_teasers) {
      seg.is_news = false;
      seg.dropped_reason = looks_like_ad(ad_text) ? "an advertisement" : "a teaser whose article is not in the file";
    } else if (!has_body) {
      seg.is_news = false;
      seg.dropped_reason = "no article text (only headlines, captions or boilerplate)";
    } else if (looks_like_ad(ad_text)) {
      seg.is_news = false;
      seg.dropped_reason = "an advertisement";
    }
    out.push_back(std::move(seg));
    i = j;
  }
  return out;
}

}  // namespace eventloom
