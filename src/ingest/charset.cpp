// Encodings: byte-order marks, the HTML charset prescan, the WHATWG labels
// and the conversion with iconv (see charset.hpp).
#include "ingest/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <initializer_list>

#include <fmt/format.h>
#include <simdjson.h>

#include "eventloom/text.hpp"
#include "ingest/html_scan.hpp"

namespace eventloom {
namespace {

struct Encoding {
  const char* name;   // the Encoding Standard's
  const char* iconv;  // glibc's; nullptr: UTF-8
  std::initializer_list<const char*> labels;
};

// The Encoding Standard's labels of the encodings news pages use (the rest
// go to iconv under their own names). A <meta> declaring UTF-16 means UTF-8:
// the page could not have been prescanned otherwise.
const Encoding kEncodings[] = {
    {"UTF-8", nullptr,
     {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8", "utf-16", "utf-16le",
      "utf-16be", "unicode", "unicodefeff", "unicodefffe", "csunicode", "iso-10646-ucs-2", "ucs-2"}},
    {"windows-1252", "CP1252",
     {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
      "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
      "x-user-defined"}},
    {"ISO-8859-2", "ISO-8859-2",
     {"csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2",
      "latin2"}},
    {"ISO-8859-15", "ISO-8859-15", {"csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"}},
    {"windows-1250", "CP1250", {"cp1250", "windows-1250", "x-cp1250"}},
    {"windows-1251", "CP1251", {"cp1251", "windows-1251", "x-cp1251"}},
    {"windows-1254", "CP1254",
     {"cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989",
      "l5", "latin5", "windows-1254", "x-cp1254"}},
    {"windows-874", "CP874", {"dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"}},
    {"KOI8-R", "KOI8-R", {"cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"}},
    {"KOI8-U", "KOI8-U", {"koi8-ru", "koi8-u"}},
    {"GBK", "GB18030",
     {"chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"}},
    {"gb18030", "GB18030", {"gb18030"}},
    {"Big5", "BIG5-HKSCS", {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"}},
    {"EUC-JP", "EUC-JP", {"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"}},
    {"ISO-2022-JP", "ISO-2022-JP", {"csiso2022jp", "iso-2022-jp"}},
    {"Shift_JIS", "CP932",
     {"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"}},
    {"EUC-KR", "CP949",
     {"cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
      "ksc_5601", "windows-949"}},
};

bool label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The charset named in a Content-Type value ("text/html; charset=utf-8"),
// as the standard extracts it; empty when none.
std::string_view charset_in_content(std::string_view v) {
  for (size_t i = 0; i + 7 <= v.size(); ++i) {
    if (!html_scan::iequals(v.substr(i, 7), "charset")) continue;
    size_t j = i + 7;
    while (j < v.size() && is_space(v[j])) ++j;
    if (j >= v.size() || v[j] != '=') {
      i = j - 1;
      continue;
    }
    ++j;
    while (j < v.size() && is_space(v[j])) ++j;
    if (j >= v.size()) return {};
    if (v[j] == '"' || v[j] == '\'') {
      size_t close = v.find(v[j], j + 1);
      return close == std::string_view::npos ? std::string_view{} : v.substr(j + 1, close - j - 1);
    }
    size_t end = j;
    while (end < v.size() && !is_space(v[end]) && v[end] != ';') ++end;
    return v.substr(j, end - j);
  }
  return {};
}

// What may still come in a <head>: past the first 1024 bytes, the prescan
// goes on only while the page is in its head.
bool head_element(std::string_view n) {
  for (const char* h : {"html", "head", "meta", "link", "title", "script", "style", "base", "noscript", "template"})
    if (n == h) return true;
  return false;
}

bool valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

Charset charset_from_label(std::string_view label) {
  std::string l = text::lower_ascii(text::trim(label));
  if (l.empty() || l.size() > 40 || !std::all_of(l.begin(), l.end(), label_char)) return {};
  for (const Encoding& e : kEncodings)
    for (const char* x : e.labels)
      if (l == x) return {e.name, e.iconv ? e.iconv : "", std::string(label)};
  std::string upper = l;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return {upper, upper, std::string(label)};
}

Charset declared_html_charset(std::string_view bytes, std::string* how) {
  html_scan::Scanner scan(bytes);
  html_scan::Tag t;
  bool in_head = true;
  while (scan.next(t)) {
    if (t.end ? t.name == "head" || t.name == "html" || t.name == "body" : !head_element(t.name)) in_head = false;
    if (t.begin >= 1024 && !in_head) break;
    if (t.end) continue;
    if (t.name == "meta") {
      // The first of each attribute counts; a charset from content= needs
      // http-equiv="Content-Type" beside it.
      std::string_view charset;
      bool got_pragma = false, from_content = false;
      if (const std::string_view* he = t.attribute("http-equiv"))
        got_pragma = html_scan::iequals(text::trim(*he), "content-type");
      for (const auto& [k, v] : t.attributes) {
        if (!charset.empty()) break;
        if (html_scan::iequals(k, "charset")) {
          charset = v;
        } else if (html_scan::iequals(k, "content")) {
          charset = charset_in_content(v);
          from_content = !charset.empty();
        }
      }
      if (!charset.empty() && (!from_content || got_pragma)) {
        Charset c = charset_from_label(charset);
        if (!c.name.empty()) {
          if (how)
            *how = from_content ? fmt::format("<meta http-equiv=\"Content-Type\"> charset={}", text::trim(charset))
                                : fmt::format("<meta charset=\"{}\">", text::trim(charset));
          return c;
        }
      }
    }
    if (html_scan::raw_text_element(t.name)) scan.skip_raw_text(t.name);
  }
  return {};
}

bool convert_to_utf8(std::string_view bytes, const std::string& from, std::string& out, size_t& replaced) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(bytes.size() + bytes.size() / 2 + 16, '\0');
  size_t used = 0;
  replaced = 0;
  auto append = [&](std::string_view s) {
    if (out.size() - used < s.size()) out.resize(out.size() * 2 + s.size());
    out.replace(used, s.size(), s);
    used += s.size();
  };
  const bool cp1252 = from == "CP1252";
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write there
  size_t in_left = bytes.size();
  bool flushed = false;
  while (!flushed) {
    char* o = out.data() + used;
    size_t o_left = out.size() - used;
    // With the input used up, one more call writes what a stateful
    // encoding (ISO-2022-JP) still holds.
    bool flushing = in_left == 0;
    size_t r = flushing ? iconv(cd, nullptr, nullptr, &o, &o_left) : iconv(cd, &in, &in_left, &o, &o_left);
    int err = errno;
    used = static_cast<size_t>(o - out.data());
    if (r != static_cast<size_t>(-1)) {
      flushed = flushing;
      continue;
    }
    if (err == E2BIG) {
      out.resize(out.size() * 2 + 16);
      continue;
    }
    if ((err != EILSEQ && err != EINVAL) || flushing) break;
    unsigned char b = static_cast<unsigned char>(*in);
    if (cp1252 && err == EILSEQ && (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)) {
      const char c1[2] = {'\xC2', static_cast<char>(b)};  // U+0081, U+008D...: windows-1252 as the standard has it
      append(std::string_view(c1, 2));
    } else {
      append("\xEF\xBF\xBD");
      ++replaced;
    }
    ++in;
    --in_left;
  }
  iconv_close(cd);
  out.resize(used);
  return true;
}

Decoded decode_input(const std::string& name, std::string_view bytes, bool html, std::string& utf8, Diagnostics& diag) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {  // UTF-8 already: the mark is not text
    utf8.assign(bytes.substr(3));
    return Decoded::Converted;
  }
  std::string from, shown, why;
  std::string_view body = bytes;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    from = shown = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    why = "its byte-order mark";
    body = bytes.substr(2);
  } else {
    if (!html) return Decoded::AsIs;
    bool valid = valid_utf8(bytes);
    if (valid && !has_non_ascii(bytes)) return Decoded::AsIs;  // ASCII reads alike in every declared charset
    Charset declared = declared_html_charset(bytes, &why);
    if (declared.iconv.empty()) return Decoded::AsIs;  // UTF-8, or nothing: the UTF-8 check names a bad byte
    if (valid) {
      diag.note(name, 0, fmt::format("declares {} ({}) but is valid UTF-8: read as UTF-8", declared.name, why));
      return Decoded::AsIs;
    }
    from = declared.iconv;
    shown = declared.name;
  }
  size_t replaced = 0;
  if (!convert_to_utf8(body, from, utf8, replaced)) {
    diag.error(name, 0, fmt::format("declares charset {} ({}), which iconv cannot convert; file skipped", shown, why));
    return Decoded::Failed;
  }
  std::string reason = fmt::format("read as {} ({}), converted to UTF-8", shown, why);
  if (replaced > 0) reason += fmt::format("; {} bytes not valid in it read as U+FFFD", replaced);
  diag.note(name, 0, std::move(reason));
  return Decoded::Converted;
}

}  // namespace eventloom
