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
//
// Any nesting is read in linear time and bounded stack: the tree is walked
// with an explicit stack, Gumbo's memory is freed in one loop rather than by
// its recursive gumbo_destroy_output(), and elements nested deeper than
// kMaxNesting are flattened before parsing (html_scan.hpp), since Gumbo's
// time grows with the square of the depth.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fmt/format.h>
#include <gumbo.h>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "ingest/html_scan.hpp"

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

// Walks the tree under `root` in document order without recursion (a page
// may nest elements as deep as it likes): `visit` says whether to go into a
// node's children, skip them, or stop the walk.
enum class Walk { Into, Skip, Stop };
template <class Visit>
void walk(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    Walk w = visit(n);
    if (w == Walk::Stop) return;
    if (w == Walk::Skip || n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
}

void append_text(const GumboNode* root, std::string& out) {
  walk(root, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      for (const char* c = n->v.text.text; *c; ++c) {
        char ch = (*c == '\n' || *c == '\t' || *c == '\r') ? ' ' : *c;
        if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(ch);
      }
      return Walk::Skip;
    }
    if (n->type != GUMBO_NODE_ELEMENT || skipped_tag(n->v.element.tag)) return Walk::Skip;
    if (n->v.element.tag == GUMBO_TAG_BR && !out.empty() && out.back() != ' ') out.push_back(' ');
    return Walk::Into;
  });
}

struct Page {
  std::string title, h1, og_title, url, published_meta, time_datetime;
  std::vector<std::pair<std::string, bool>> blocks;  // text, is caption
};

// The text blocks under `root`; a block's own text includes what it holds.
void collect_blocks(const GumboNode* root, Page& page) {
  walk(root, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return Walk::Skip;
    const GumboElement& e = n->v.element;
    if (skipped_tag(e.tag) || noisy_class(e)) return Walk::Skip;
    if (e.tag == GUMBO_TAG_TIME && page.time_datetime.empty()) {
      if (const char* dt = attr(e, "datetime")) page.time_datetime = dt;
    }
    if (!block_tag(e.tag)) return Walk::Into;
    std::string t;
    append_text(n, t);
    std::string_view tv = text::trim(t);
    if (!tv.empty()) {
      if (e.tag == GUMBO_TAG_H1 && page.h1.empty()) page.h1 = std::string(tv);
      page.blocks.emplace_back(std::string(tv), e.tag == GUMBO_TAG_FIGCAPTION);
    }
    return Walk::Skip;
  });
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  const GumboNode* found = nullptr;
  walk(root, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return Walk::Skip;
    if (n->v.element.tag != tag) return Walk::Into;
    found = n;
    return Walk::Stop;
  });
  return found;
}

void read_head(const GumboNode* root, Page& page) {
  walk(root, [&](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return Walk::Skip;
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
    return Walk::Into;
  });
}

// Every block Gumbo allocates, linked, so that the whole parse is freed in
// one loop: gumbo_destroy_output() frees the tree recursively, one C stack
// frame per level of nesting.
class GumboMemory {
 public:
  GumboMemory() = default;
  GumboMemory(const GumboMemory&) = delete;
  GumboMemory& operator=(const GumboMemory&) = delete;
  ~GumboMemory() {
    for (Block* b = head_.next; b != &head_;) {
      Block* next = b->next;
      std::free(b);
      b = next;
    }
  }
  GumboOptions options() {
    GumboOptions o = kGumboDefaultOptions;
    o.allocator = &GumboMemory::allocate;
    o.deallocator = &GumboMemory::deallocate;
    o.userdata = this;
    return o;
  }

 private:
  // The header keeps malloc's alignment for what follows it.
  struct alignas(std::max_align_t) Block {
    Block* prev;
    Block* next;
  };
  static void* allocate(void* self, size_t size) {
    auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (!b) return nullptr;
    Block& head = static_cast<GumboMemory*>(self)->head_;
    b->prev = &head;
    b->next = head.next;
    head.next->prev = b;
    head.next = b;
    return b + 1;
  }
  static void deallocate(void*, void* p) {
    if (!p) return;
    Block* b = static_cast<Block*>(p) - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    std::free(b);
  }
  Block head_{&head_, &head_};
};

// Past this many open elements, deeper start tags are dropped before Gumbo
// parses the page (see html_scan::flatten_deep_nesting). News pages nest a
// few dozen deep; Chromium's parser stops nesting at 512.
constexpr size_t kMaxNesting = 256;

}  // namespace

void read_html(std::string_view name, std::string_view content, IngestResult& out) {
  std::string lower_tail = text::lower_ascii(content.substr(content.size() > 4096 ? content.size() - 4096 : 0));
  if (lower_tail.find("</html") == std::string::npos && lower_tail.find("</body") == std::string::npos)
    out.diagnostics.note(std::string(name), 0, "the HTML page ends early (no closing </html>); read what is there");
  std::string flattened;
  size_t dropped = 0;
  if (html_scan::flatten_deep_nesting(content, kMaxNesting, flattened, dropped)) {
    out.diagnostics.note(std::string(name), 0,
                         fmt::format("elements nested more than {} deep: {} of their tags dropped, and what they "
                                     "hold read as part of the element at that depth",
                                     kMaxNesting, dropped));
    content = flattened;
  }
  GumboMemory memory;
  GumboOptions options = memory.options();
  GumboOutput* g = gumbo_parse_with_options(&options, content.data(), content.size());
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
  // No gumbo_destroy_output(): `memory` frees the parse.

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
