// Which encoding an input's bytes are in, and their conversion to UTF-8.
//
// eventloom works on UTF-8. A byte-order mark says what a file is (UTF-8,
// UTF-16LE, UTF-16BE) and wins over anything else, as in browsers. An HTML
// page that is not valid UTF-8 is read in the charset it declares
// (<meta charset>, or <meta http-equiv="Content-Type" content="...;
// charset=...">), looked for as browsers do before parsing: in its first
// 1024 bytes, and on through its <head>. Labels mean what the WHATWG
// Encoding Standard says: "iso-8859-1", "latin1" and "us-ascii" are
// windows-1252, "gb2312" is GBK, "shift_jis" is windows-31J. glibc's iconv
// converts. A page that declares a legacy charset but is valid UTF-8 (a page
// converted by a scraper that kept its <meta>) is read as UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "eventloom/diagnostics.hpp"

namespace eventloom {

// A declared encoding, resolved.
struct Charset {
  std::string name;   // the Encoding Standard's name ("windows-1252"); empty: none declared
  std::string iconv;  // the name iconv knows it by; empty: UTF-8 (nothing to convert)
  std::string label;  // as the page wrote it
};

// The encoding a label names ("ISO-8859-1" -> windows-1252); an unknown but
// well-formed label is passed to iconv as written. Empty name: not a label.
Charset charset_from_label(std::string_view label);

// The charset an HTML page declares in a <meta>, found without parsing the
// page (the standard's prescan); `how` says which form declared it.
Charset declared_html_charset(std::string_view bytes, std::string* how = nullptr);

// `bytes` in the encoding iconv calls `from`, as UTF-8 in `out`. A byte (or
// sequence) not valid in it becomes U+FFFD and is counted in `replaced`;
// windows-1252's five unassigned bytes become U+0081... as the standard
// says. False when iconv cannot convert from `from` at all.
bool convert_to_utf8(std::string_view bytes, const std::string& from, std::string& out, size_t& replaced);

// What ingest reads of one input: `bytes` as they are (AsIs), their UTF-8
// conversion in `utf8` (Converted: a note says from what; or the bytes after
// a UTF-8 byte-order mark), or nothing (Failed: an error names the file and
// why). `html`: the input is an HTML page, whose <meta> may declare more.
enum class Decoded { AsIs, Converted, Failed };
Decoded decode_input(const std::string& name, std::string_view bytes, bool html, std::string& utf8, Diagnostics& diag);

}  // namespace eventloom
