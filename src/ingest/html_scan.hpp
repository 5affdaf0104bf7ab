// A light scan of HTML's tags, without building a tree: what the charset
// prescan and the nesting guard need before Gumbo sees a page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventloom::html_scan {

struct Tag {
  bool end = false;           // </name>
  bool self_closing = false;  // <name ... />
  std::string name;           // lower-case ASCII
  size_t begin = 0, stop = 0; // the tag's bytes, from '<' to past '>'
  // Names and values as written (values without their quotes, entities left).
  std::vector<std::pair<std::string_view, std::string_view>> attributes;

  // The first attribute of that name (lower-case), or nullptr.
  const std::string_view* attribute(std::string_view lower_name) const;
};

// Start and end tags in document order, tokenized as the HTML standard's
// tokenizer does in its data state: comments, doctypes, CDATA and processing
// instructions are stepped over, quoted attribute values may hold '>'. A tag
// cut off by the end of the input is not reported. No recursion, one pass.
class Scanner {
 public:
  explicit Scanner(std::string_view html) : s_(html) {}
  // The next tag at or after the current position; false at the end.
  bool next(Tag& tag);
  // After the start tag of a raw-text element (script, style, textarea,
  // title, xmp, iframe, noembed, noframes): move to its end tag, which the
  // next call then reports; to the end for plaintext or an unclosed one.
  void skip_raw_text(std::string_view name);
  size_t position() const { return pos_; }

 private:
  bool read_tag(Tag& tag);
  std::string_view s_;
  size_t pos_ = 0;
};

// Whether the HTML tokenizer reads the content of this element (outside SVG
// and MathML) as raw text rather than as tags.
bool raw_text_element(std::string_view name);

// Gumbo's tree builder looks through its stack of open elements for most
// start tags, so its time grows with the square of the nesting depth (a page
// of 100,000 nested <div>s takes half a minute), and it frees the tree
// recursively. This guard follows the stack of open elements the way the
// tree builder would, erring only towards more depth than Gumbo would get
// (an end tag closes more than the top element only where the standard says
// it surely does), and drops the start tags of elements that would open
// below `max_depth`, with their end tags: each becomes a space, so what they
// held is read as text of the element at that depth, and nothing is lost but
// the nesting. Void elements and those that close their own kind (p,
// option, table parts) are not counted: they cannot nest without a counted
// element between, so Gumbo's depth stays within a small multiple of the
// limit (a random search over mixes of tags found at most about five times it).
// Gives the rewritten page in `out` and true when a tag was dropped; false
// (and `out` untouched) when the page is within the limit. Linear time.
bool flatten_deep_nesting(std::string_view html, size_t max_depth, std::string& out, size_t& dropped);

// Case-insensitive ASCII comparison with a lower-case `lower`.
bool iequals(std::string_view s, std::string_view lower);

}  // namespace eventloom::html_scan
