// HTML pages, parsed with Gumbo (an HTML5 parser: scraped pages are never
// well-formed, and truncated ones still give their text).
//
// The article is the first <article>, else <main>, else <body>. Its text
// blocks (paragraphs, headings, list items, block quotes, figure captions)
// are joined with blank lines into the Document's text; navigation, asides,
// forms, scripts and elements whose class or id names a cookie banner, a
// share bar, related links, comments or ads are skipped. The page's
// metadata gives the title, the URL and the publication date
// (article:published_time, datePublished, <time datetime>). The joined text
// then goes through the same cleaner as plain text, so repeated headlines
// and captions, teasers and boilerplate lines are treated alike.
#include <cstring>

#include <fmt/format.h>
#include <gumbo.h>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"

namespace eventloom {

std::string file_label(std::string_view name);

namespace {

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

bool noisy_class(const GumboElement& e) {
  static const char* noise[] = {"cookie", "banner", "related", "share", "social", "newsletter", "comment",
                                "advert", "promo", "subscribe", "sidebar", "navbar", "menu", "footer",
                                "breadcrumb", "paywall", "popup", "modal", "recommend", "most-read"};
  for (const char* name : {"class", "id"}) {
    const char* v = attr(e, name);
    if (!v) continue;
    std::string l = text::lower_ascii(v);
    for (const char* n : noise)
      if (l.find(n) != std::string::npos) return true;
  }
  return false;
}

bool skipped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

void append_text(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    for (const char* c = n->v.text.text; *c; ++c) {
      char ch = (*c == '\n' || *c == '\t' || *c == '\r') ? ' ' : *c;
      if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(ch);
    }
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  if (skipped_tag(n->v.element.tag)) return;
  if (n->v.element.tag == GUMBO_TAG_BR && !out.empty() && out.back() != ' ') out.push_back(' ');
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) append_text(static_cast<const GumboNode*>(kids.data[i]), out);
}

struct Page {
  std::string title, h1, og_title, url, published_meta, time_datetime;
  std::vector<std::pair<std::string, bool>> blocks;  // text, is caption
};

void collect_blocks(const GumboNode* n, Page& page) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = n->v.element;
  if (skipped_tag(e.tag) || noisy_class(e)) return;
  if (e.tag == GUMBO_TAG_TIME && page.time_datetime.empty()) {
    if (const char* dt = attr(e, "datetime")) page.time_datetime = dt;
  }
  if (block_tag(e.tag)) {
    std::string t;
    append_text(n, t);
    std::string_view tv = text::trim(t);
    if (!tv.empty()) {
      if (e.tag == GUMBO_TAG_H1 && page.h1.empty()) page.h1 = std::string(tv);
      page.blocks.emplace_back(std::string(tv), e.tag == GUMBO_TAG_FIGCAPTION);
    }
    if (e.tag != GUMBO_TAG_BLOCKQUOTE && e.tag != GUMBO_TAG_LI) return;
    return;
  }
  for (unsigned i = 0; i < e.children.length; ++i) collect_blocks(static_cast<const GumboNode*>(e.children.data[i]), page);
}

const GumboNode* find_first(const GumboNode* n, GumboTag tag) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (n->v.element.tag == tag) return n;
  for (unsigned i = 0; i < n->v.element.children.length; ++i)
    if (auto* f = find_first(static_cast<const GumboNode*>(n->v.element.children.data[i]), tag)) return f;
  return nullptr;
}

void read_head(const GumboNode* n, Page& page) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = n->v.element;
  if (e.tag == GUMBO_TAG_TITLE && page.title.empty()) {
    append_text(n, page.title);
    page.title = std::string(text::trim(page.title));
  } else if (e.tag == GUMBO_TAG_META) {
    const char* key = attr(e, "property");
    if (!key) key = attr(e, "name");
    if (!key) key = attr(e, "itemprop");
    const char* content = attr(e, "content");
    if (key && content) {
      std::string k = text::lower_ascii(key);
      if ((k == "article:published_time" || k == "datepublished" || k == "pubdate" || k == "publishdate" ||
           k == "date" || k == "dc.date" || k == "og:published_time") && page.published_meta.empty())
        page.published_meta = content;
      else if (k == "og:title" && page.og_title.empty())
        page.og_title = content;
      else if (k == "og:url" && page.url.empty())
        page.url = content;
    }
  } else if (e.tag == GUMBO_TAG_LINK) {
    const char* rel = attr(e, "rel");
    const char* href = attr(e, "href");
    if (rel && href && std::strcmp(rel, "canonical") == 0 && page.url.empty()) page.url = href;
  }
  for (unsigned i = 0; i < e.children.length; ++i) read_head(static_cast<const GumboNode*>(e.children.data[i]), page);
}

}  // namespace

void read_html(std::string_view name, std::string_view content, IngestResult& out) {
  std::string lower_tail = text::lower_ascii(content.substr(content.size() > 4096 ? content.size() - 4096 : 0));
  if (lower_tail.find("</html") == std::string::npos && lower_tail.find("</body") == std::string::npos)
    out.diagnostics.note(std::string(name), 0, "the HTML page ends early (no closing </html>); read what is there");
  GumboOutput* g = gumbo_parse_with_options(&kGumboDefaultOptions, content.data(), content.size());
  Page page;
  read_head(g->root, page);
  const GumboNode* root = find_first(g->root, GUMBO_TAG_ARTICLE);
  if (!root) root = find_first(g->root, GUMBO_TAG_MAIN);
  if (!root) root = find_first(g->root, GUMBO_TAG_BODY);
  if (!root) root = g->root;
  collect_blocks(root, page);
  if (page.time_datetime.empty()) {
    if (const GumboNode* t = find_first(g->root, GUMBO_TAG_TIME))
      if (const char* dt = attr(t->v.element, "datetime")) page.time_datetime = dt;
  }
  gumbo_destroy_output(&kGumboDefaultOptions, g);

  // The joined text goes through the plain-text cleaner as one piece.
  std::string joined;
  std::vector<std::pair<Span, bool>> spans;
  for (const auto& [t, caption] : page.blocks) {
    if (!joined.empty()) joined += "\n\n";
    spans.push_back({{static_cast<uint32_t>(joined.size()), static_cast<uint32_t>(joined.size() + t.size())}, caption});
    joined += t;
  }
  if (text::trim(joined).empty()) {
    out.diagnostics.error(std::string(name), 0, "no article text found in the HTML page");
    return;
  }
  std::vector<Segment> segments = segment_text(joined);
  Document doc;
  doc.format = "html";
  doc.id = fmt::format("{}#1", file_label(name));
  doc.text = joined;
  bool news = false;
  for (const Segment& seg : segments) {
    if (!seg.is_news) continue;
    news = true;
    for (Paragraph p : seg.paragraphs) {
      for (const auto& [s, caption] : spans)
        if (s.start == p.span.start && caption) p.kind = ParagraphKind::Caption;
      if (p.kind == ParagraphKind::Title && !doc.paragraphs.empty()) p.kind = ParagraphKind::Byline;
      doc.paragraphs.push_back(p);
    }
  }
  if (!news) {
    out.diagnostics.note(std::string(name), 0, "dropped: the page holds no news article");
    return;
  }
  doc.title = !page.h1.empty() ? page.h1 : !page.og_title.empty() ? page.og_title : page.title;
  SourceRef src;
  src.path = std::string(name);
  src.url = page.url;
  doc.sources.push_back(std::move(src));
  boost::gregorian::date d;
  if (!page.published_meta.empty() && parse_metadata_date(page.published_meta, d)) {
    doc.published = d;
    doc.published_from = DateSource::Metadata;
    doc.published_evidence = fmt::format("meta published time \"{}\"", page.published_meta);
  } else if (!page.time_datetime.empty() && parse_metadata_date(page.time_datetime, d)) {
    doc.published = d;
    doc.published_from = DateSource::Metadata;
    doc.published_evidence = fmt::format("<time datetime=\"{}\">", page.time_datetime);
  }
  out.documents.push_back(std::move(doc));
}

}  // namespace eventloom
