// Small UTF-8 helpers: decoding, case of Latin letters, folding for keys.
#include <cstring>

#include "eventloom/text.hpp"

namespace eventloom::text {

uint32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (n < 0 || i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += n + 1;
  return cp;
}

namespace {
// In Latin Extended-A most pairs are (upper, lower) at (even, odd) code points;
// these two runs are shifted by one.
bool odd_upper(uint32_t cp) { return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E); }
}  // namespace

bool is_upper_code_point(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp != 0x138 && (cp % 2 == 0) != odd_upper(cp);
  if (cp >= 0x391 && cp <= 0x3A9) return true;  // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;  // Cyrillic
  return false;
}

bool is_lower_code_point(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return cp == 0x138 || (cp % 2 == 1) != odd_upper(cp);
  if (cp >= 0x3B1 && cp <= 0x3C9) return true;
  if (cp >= 0x430 && cp <= 0x44F) return true;
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
// ASCII base letter of a Latin-1 / Latin Extended-A letter, or 0.
char base_letter(uint32_t cp) {
  static const char* latin1 =  // 0xC0..0xFF
      "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) {
    char b = latin1[cp - 0xC0];
    return b == '_' ? 0 : b;
  }
  static const char* extA =  // 0x100..0x17F
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllllllln"
      "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0x100 && cp <= 0x17F) return extA[cp - 0x100];
  return 0;
}
}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char a = s[i];
    if (static_cast<unsigned char>(a) < 0x80) {  // ASCII without decoding
      out.push_back(a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a);
      ++i;
      continue;
    }
    uint32_t cp = next_code_point(s, i);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(c);
    } else if (char b = base_letter(cp)) {
      out.push_back(b);
    } else if (cp == 0x2019 || cp == 0x2018) {
      out.push_back('\'');
    } else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2010 || cp == 0x2011) {
      out.push_back('-');
    } else if (cp == 0xA0) {
      out.push_back(' ');
    }
  }
  return out;
}

void append_comparison_key(std::string& out, std::string_view s) {
  // fold() and then keep runs of [a-z0-9] joined by single spaces, in one
  // pass: a code point fold() drops separates nothing, as there.
  const size_t start = out.size();
  out.reserve(start + s.size());
  bool space = false;
  auto put = [&](char c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && out.size() > start) out.push_back(' ');
      out.push_back(c);
      space = false;
    } else {
      space = true;
    }
  };
  size_t i = 0;
  while (i < s.size()) {
    char a = s[i];
    if (static_cast<unsigned char>(a) < 0x80) {
      put(a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a);
      ++i;
      continue;
    }
    uint32_t cp = next_code_point(s, i);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      put(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (char b = base_letter(cp)) {
      put(b);
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2013 || cp == 0x2014 || cp == 0x2010 || cp == 0x2011 ||
               cp == 0xA0) {
      space = true;
    }
  }
}

std::string comparison_key(std::string_view s) {
  std::string out;
  append_comparison_key(out, s);
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

}  // namespace eventloom::text
