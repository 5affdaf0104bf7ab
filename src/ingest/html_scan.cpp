// The tag scanner of html_scan.hpp: the HTML standard's tokenizer states for
// tags, attributes, comments and bogus comments, reduced to what tells where
// a tag starts and ends, what it is called and which attributes it has.
#include "ingest/html_scan.hpp"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>

#include <gumbo.h>

namespace eventloom::html_scan {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool iequals(std::string_view s, std::string_view lower_name) {
  if (s.size() != lower_name.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (lower(s[i]) != lower_name[i]) return false;
  return true;
}

const std::string_view* Tag::attribute(std::string_view lower_name) const {
  for (const auto& [k, v] : attributes)
    if (iequals(k, lower_name)) return &v;
  return nullptr;
}

bool raw_text_element(std::string_view name) {
  static const char* raw[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                              "plaintext"};
  return std::any_of(std::begin(raw), std::end(raw), [&](const char* r) { return name == r; });
}

bool Scanner::next(Tag& tag) {
  while (pos_ < s_.size()) {
    size_t lt = s_.find('<', pos_);
    if (lt == std::string_view::npos || lt + 1 >= s_.size()) break;
    pos_ = lt;
    char c = s_[lt + 1];
    if (is_alpha(c) || (c == '/' && lt + 2 < s_.size() && is_alpha(s_[lt + 2]))) {
      if (read_tag(tag)) return true;
      break;  // cut off by the end: the tokenizer drops it
    }
    if (s_.compare(lt, 4, "<!--") == 0) {
      // "<!-->" and "<!--->" end at once; otherwise "-->" or "--!>" ends it.
      size_t body = lt + 4;
      if (s_.compare(body, 1, ">") == 0) { pos_ = body + 1; continue; }
      if (s_.compare(body, 2, "->") == 0) { pos_ = body + 2; continue; }
      size_t e = s_.find("--", body);
      while (e != std::string_view::npos && s_.compare(e + 2, 1, ">") != 0 && s_.compare(e + 2, 2, "!>") != 0)
        e = s_.find("--", e + 1);
      if (e == std::string_view::npos) break;
      pos_ = e + (s_[e + 2] == '>' ? 3 : 4);
      continue;
    }
    if (c == '!' || c == '?' || c == '/') {  // doctype, CDATA, "<?xml", "</3": bogus comments up to '>'
      size_t e = s_.find('>', lt + 2);
      if (e == std::string_view::npos) break;
      pos_ = e + 1;
      continue;
    }
    pos_ = lt + 1;  // a lone '<' is text
  }
  pos_ = s_.size();
  return false;
}

bool Scanner::read_tag(Tag& tag) {
  size_t i = pos_ + 1;
  tag.end = s_[i] == '/';
  if (tag.end) ++i;
  tag.self_closing = false;
  tag.begin = pos_;
  tag.attributes.clear();
  tag.name.clear();
  const size_t n = s_.size();
  while (i < n && !is_space(s_[i]) && s_[i] != '/' && s_[i] != '>') tag.name.push_back(lower(s_[i++]));
  for (;;) {
    while (i < n && (is_space(s_[i]) || s_[i] == '/')) {
      if (s_[i] == '/' && i + 1 < n && s_[i + 1] == '>') tag.self_closing = true;
      ++i;
    }
    if (i >= n) return false;
    if (s_[i] == '>') break;
    size_t name_begin = i++;  // a first '=' belongs to the name
    while (i < n && !is_space(s_[i]) && s_[i] != '/' && s_[i] != '>' && s_[i] != '=') ++i;
    std::string_view key = s_.substr(name_begin, i - name_begin), value;
    size_t j = i;
    while (j < n && is_space(s_[j])) ++j;
    if (j < n && s_[j] == '=') {
      i = j + 1;
      while (i < n && is_space(s_[i])) ++i;
      if (i >= n) return false;
      if (s_[i] == '"' || s_[i] == '\'') {
        size_t close = s_.find(s_[i], i + 1);
        if (close == std::string_view::npos) return false;
        value = s_.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        size_t v = i;
        while (i < n && !is_space(s_[i]) && s_[i] != '>') ++i;
        value = s_.substr(v, i - v);
      }
    }
    tag.attributes.emplace_back(key, value);
  }
  pos_ = i + 1;
  tag.stop = pos_;
  return true;
}

void Scanner::skip_raw_text(std::string_view name) {
  if (name == "plaintext") {
    pos_ = s_.size();
    return;
  }
  // The first "</name" followed by a space, '/' or '>' ends it. (A script's
  // escaped "<!--<script>" states can end it later, never sooner: the scan
  // then takes a few of its characters for tags, which only overcounts.)
  for (size_t i = s_.find("</", pos_); i != std::string_view::npos; i = s_.find("</", i + 2)) {
    size_t after = i + 2 + name.size();
    if (after >= s_.size()) break;
    if (iequals(s_.substr(i + 2, name.size()), name) && (is_space(s_[after]) || s_[after] == '/' || s_[after] == '>')) {
      pos_ = i;
      return;
    }
  }
  pos_ = s_.size();
}

// The nesting guard (see the header).
namespace {

bool one_of(std::string_view name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

// Not counted: void elements (popped at once), elements whose end tag is
// optional and which close their own kind or need a counted parent to nest
// (p, option, table parts), and html, head and body, which the tree builder
// never opens twice.
bool uncounted(std::string_view n) {
  return one_of(n, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
                    "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "html", "head", "body",
                    "p", "option", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup"});
}

bool heading(std::string_view n) { return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6'; }
const char* const kHeading = "h1-h6";  // the key of any HTML heading: any heading's end tag closes it
const char* const kUnknown = "?";      // of any HTML element Gumbo has no tag for: it tells them apart by that alone

// The key of an HTML element or end tag, as Gumbo matches them.
std::string html_key(const std::string& name) {
  if (heading(name)) return kHeading;
  if (gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size())) == GUMBO_TAG_UNKNOWN) return kUnknown;
  return name;
}

// The standard's "special" category, and more (older and newer lists), so
// that an end tag is never taken to close more than it does.
bool special_html(std::string_view n) {
  return heading(n) || n == kHeading ||
         one_of(n, {"address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote",
                    "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
                    "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame",
                    "frameset", "head", "header", "hgroup", "hr", "html", "iframe", "image", "img", "input", "isindex",
                    "keygen", "li", "link", "listing", "main", "marquee", "menu", "menuitem", "meta", "nav", "noembed",
                    "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
                    "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea",
                    "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp"});
}

// Elements that end the "in scope" look-up for an end tag.
bool scope_boundary_html(std::string_view n) {
  return one_of(n, {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"});
}

enum class Ns : uint8_t { Html, Svg, MathMl };

// SVG and MathML elements whose content is read as HTML.
bool integration_point(Ns ns, std::string_view n) {
  if (ns == Ns::Svg) return one_of(n, {"foreignobject", "desc", "title"});
  if (ns == Ns::MathMl) return one_of(n, {"mi", "mo", "mn", "ms", "mtext", "annotation-xml"});
  return false;
}

// The formatting elements, which the tree builder keeps a list of and opens
// again when something else closed them.
bool formatting(std::string_view n) {
  return one_of(n, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"});
}

// Elements whose end tag closes everything above them when they are "in
// scope"; any other end tag is ignored when a special element is above.
bool closes_in_scope(std::string_view n) {
  return one_of(n, {kHeading, "address", "article", "aside", "blockquote", "button", "center", "details", "dialog",
                    "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing",
                    "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul", "li", "dd", "dt",
                    "applet", "marquee", "object", "template"});
}

// Elements that the tree builder may close, take out or never open on
// grounds this scan does not follow.
bool unsure(std::string_view n) {
  return one_of(n, {kHeading, "a", "nobr", "button", "table", "select", "li", "dd", "dt", "optgroup", "rb", "rp",
                    "rt", "rtc", "frameset", "isindex", "form"});
}

// Start tags that end SVG or MathML content.
bool breaks_out(const Tag& t) {
  if (t.name == "font") return t.attribute("color") || t.attribute("face") || t.attribute("size");
  return heading(t.name) ||
         one_of(t.name, {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
                         "embed", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
                         "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul",
                         "var"});
}

// The tree builder's stack of open elements as far as this scan can follow
// it. An uncounted element (p, option, a table part) is not on it, but the
// entry it opened under is marked, since it can stop an end tag or keep the
// entry from being the current node.
class OpenElements {
 public:
  enum Hidden : uint8_t { kP = 1, kOther = 2, kSpecial = 4, kBoundary = 8 };  // what was opened above
  struct Entry {
    std::string key;  // the lower-case name; for HTML, kHeading or kUnknown for those kinds
    Ns ns;
    bool dropped, special, boundary;
    bool html_inside;  // an HTML integration point: its content is HTML
    std::string signature;  // a formatting element's tag as written, to tell alike ones
    uint8_t hidden = 0;
  };
  static constexpr size_t npos = static_cast<size_t>(-1);

  size_t size() const { return entries_.size(); }
  const Entry* top() const { return entries_.empty() ? nullptr : &entries_.back(); }
  // The top is the current node, and one of these HTML elements.
  bool current_is(std::initializer_list<const char*> keys) const {
    const Entry* t = top();
    return t && t->ns == Ns::Html && !(t->hidden & kOther) && one_of(t->key, keys);
  }
  // The namespace new elements go in: the top's, or HTML under an HTML
  // integration point.
  Ns content() const {
    const Entry* t = top();
    return !t || t->html_inside ? Ns::Html : t->ns;
  }
  bool any_foreign() const { return foreign_ > 0; }
  // In SVG or MathML for Gumbo too: no end tag that Gumbo may have obeyed
  // (and this scan did not) could have closed the top.
  bool surely_foreign() const { return content() != Ns::Html && entries_.size() - 1 < maybe_closed_; }
  // In HTML here, but Gumbo may have gone back to SVG or MathML content.
  bool maybe_foreign() const { return foreign_ > 0 && entries_.size() - 1 >= maybe_closed_; }
  // An end tag that closes nothing here may have closed, in Gumbo, the
  // element it names and all above it.
  void declined(const std::string& key) { maybe_closed_ = std::min(maybe_closed_, topmost(key)); }
  bool is_open(const std::string& key) const { return topmost(key) != npos; }

  void push(std::string key, Ns ns, bool dropped, bool html_inside, std::string signature = {}) {
    size_t i = entries_.size();
    bool special = ns == Ns::Html ? special_html(key) : integration_point(ns, key);
    bool boundary = ns == Ns::Html ? scope_boundary_html(key) : integration_point(ns, key);
    if (!dropped) {  // Gumbo has no dropped element: it stops no end tag there
      if (special) specials_.push_back(i);
      if (boundary) boundaries_.push_back(i);
      if (ns == Ns::Html) html_.push_back(i);
    }
    foreign_ += ns != Ns::Html;
    positions_[key].push_back(i);
    entries_.push_back({std::move(key), ns, dropped, special, boundary, html_inside, std::move(signature)});
  }

  // An uncounted element opened in the top entry.
  void open_uncounted(std::string_view name) {
    if (name == "p")
      mark(kP | kSpecial);
    else if (name == "option")
      mark(kOther);  // not a special element
    else
      mark(kOther | kSpecial | (one_of(name, {"td", "th", "caption"}) ? kBoundary : 0));
  }

  Entry pop() {
    size_t i = entries_.size() - 1;
    Entry e = std::move(entries_.back());
    entries_.pop_back();
    for (auto* v : {&specials_, &boundaries_, &html_})
      if (!v->empty() && v->back() == i) v->pop_back();
    for (auto& v : hidden_)
      if (!v.empty() && v.back() == i) v.pop_back();
    foreign_ -= e.ns != Ns::Html;
    positions_[e.key].pop_back();
    if (entries_.size() <= maybe_closed_) maybe_closed_ = npos;
    // Gumbo never had a dropped element: what opened in it is still open.
    if (e.dropped) mark(e.hidden);
    return e;
  }

  // Where the end tag `key` surely closes an open element (and every one
  // above it), the index of that element; else npos, and it closes nothing
  // here.
  size_t closed_by(const std::string& key) const {
    size_t p = topmost(key);
    if (p == npos) return npos;
    const Entry& e = entries_[p];
    if (p + 1 != entries_.size() && (is_open("select") || is_open("frameset"))) return npos;
    if (e.ns != Ns::Html)  // an HTML element above: the HTML rules decide
      return above(html_, p) || hidden_from(kP, p) || hidden_from(kOther, p) ? npos : p;
    if (e.key == "form") return npos;  // </form> takes out the form alone, leaving what it holds open
    // Where the tree builder may have closed or ignored such an element
    // unseen here (a second <a>, <button>, <li> or <table> closes the first;
    // a select or a frameset ignores most start tags), the end tag closes
    // only the current node: closing more could close what Gumbo keeps.
    if (p + 1 != entries_.size() && unsure(e.key)) return npos;
    auto opened_above = [&](const char* k) { size_t q = topmost(k); return q != npos && q > p; };
    if (e.key == "li" && (opened_above("ol") || opened_above("ul"))) return npos;  // list item scope
    if (closes_in_scope(e.key)) return above(boundaries_, p) || hidden_from(kBoundary, p) ? npos : p;
    return above(specials_, p) || hidden_from(kSpecial, p) ? npos : p;  // a special one between: ignored
  }

 private:
  static constexpr int kHiddenKinds = 4;
  static int bit_index(uint8_t bit) { return bit == kP ? 0 : bit == kOther ? 1 : bit == kSpecial ? 2 : 3; }
  void mark(unsigned bits) {
    if (entries_.empty()) return;
    size_t i = entries_.size() - 1;
    for (uint8_t bit : {kP, kOther, kSpecial, kBoundary}) {
      if (!(bits & bit) || (entries_[i].hidden & bit)) continue;
      entries_[i].hidden |= bit;
      hidden_[bit_index(bit)].push_back(i);
    }
  }
  bool hidden_from(uint8_t bit, size_t p) const {
    const auto& v = hidden_[bit_index(bit)];
    return !v.empty() && v.back() >= p;
  }
  size_t topmost(const std::string& key) const {
    auto it = positions_.find(key);
    return it == positions_.end() || it->second.empty() ? npos : it->second.back();
  }
  static bool above(const std::vector<size_t>& v, size_t p) { return !v.empty() && v.back() > p; }
  std::vector<Entry> entries_;
  std::vector<size_t> specials_, boundaries_, html_;
  std::vector<size_t> hidden_[kHiddenKinds];
  size_t foreign_ = 0;
  size_t maybe_closed_ = npos;  // entries from here up may be gone in Gumbo
  std::unordered_map<std::string, std::vector<size_t>> positions_;
};

}  // namespace

bool flatten_deep_nesting(std::string_view html, size_t max_depth, std::string& out, size_t& dropped) {
  Scanner scan(html);
  Tag t;
  OpenElements open;
  std::string rewritten;
  size_t copied = 0, n_dropped = 0;
  auto drop = [&](const Tag& tag) {
    rewritten.append(html.substr(copied, tag.begin - copied));
    rewritten.push_back(' ');
    copied = tag.stop;
    ++n_dropped;
  };
  while (scan.next(t)) {
    if (t.end) {
      // An end tag closes an HTML element or an SVG or MathML one of its name.
      std::string key = html_key(t.name);
      size_t p = open.closed_by(key);
      if (key != t.name) {
        size_t q = open.closed_by(t.name);
        if (q != OpenElements::npos && (p == OpenElements::npos || q > p)) {
          key = t.name;
          p = q;
        }
      }
      if (p == OpenElements::npos) {
        open.declined(key);
        continue;
      }
      std::vector<OpenElements::Entry> reopened;
      while (open.size() > p + 1) {
        OpenElements::Entry e = open.pop();
        if (!e.dropped && !e.signature.empty()) reopened.push_back(std::move(e));
      }
      if (open.pop().dropped) drop(t);
      // The formatting elements closed on the way stay active: Gumbo opens
      // them again at the next text or tag, at most three alike.
      std::unordered_map<std::string, int> alike;
      for (auto it = reopened.rbegin(); it != reopened.rend(); ++it)
        if (++alike[it->signature] <= 3) open.push(it->key, Ns::Html, false, false, it->signature);
      continue;
    }
    if (open.content() != Ns::Html && breaks_out(t)) {
      while (open.content() != Ns::Html) open.pop();
    }
    Ns ns = open.content();
    if (ns != Ns::Html) {
      // Self-closing counts in SVG and MathML only; where Gumbo may be back
      // in HTML, the element is counted as if it stayed open.
      if (t.self_closing && open.surely_foreign()) continue;
    } else if (t.name == "svg" || t.name == "math") {
      if (t.self_closing && !open.maybe_foreign()) continue;
      ns = t.name == "svg" ? Ns::Svg : Ns::MathMl;
    } else {
      // Raw text only where it surely is: not in SVG or MathML, nor in a
      // select or a frameset, which ignore those start tags.
      if (!open.any_foreign() && !open.is_open("select") && !open.is_open("frameset") && raw_text_element(t.name)) {
        scan.skip_raw_text(t.name);
        continue;
      }
      if (uncounted(t.name) && !open.maybe_foreign()) {
        if (one_of(t.name, {"p", "option", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup"}))
          open.open_uncounted(t.name);
        continue;
      }
      // Those that close their own kind when it is the current node.
      if (heading(t.name) && open.current_is({kHeading})) open.pop();
      if (t.name == "li" && open.current_is({"li"})) open.pop();
      if ((t.name == "dd" || t.name == "dt") && open.current_is({"dd", "dt"})) open.pop();
    }
    // A dropped element is not there for Gumbo: what it holds stays in the
    // content (HTML or foreign) of the element at the limit.
    bool drop_it = open.size() >= max_depth;
    if (drop_it) {
      drop(t);
      ns = open.content();
    }
    // MathML's annotation-xml holds HTML only when its encoding says so.
    const std::string_view* encoding = t.attribute("encoding");
    bool html_inside = !drop_it && integration_point(ns, t.name) &&
                       (t.name != "annotation-xml" ||
                        (encoding && (iequals(*encoding, "text/html") || iequals(*encoding, "application/xhtml+xml"))));
    std::string signature;
    if (ns == Ns::Html && formatting(t.name)) signature = std::string(html.substr(t.begin, t.stop - t.begin));
    open.push(ns == Ns::Html ? html_key(t.name) : t.name, ns, drop_it, html_inside, std::move(signature));
  }
  if (n_dropped == 0) return false;
  rewritten.append(html.substr(copied));
  out = std::move(rewritten);
  dropped = n_dropped;
  return true;
}

}  // namespace eventloom::html_scan
