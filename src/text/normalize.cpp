// Normalisation of typographic variants, keeping a map back to the original.
//
// The copy differs from the original only where a multi-byte character was
// replaced by ASCII of another length. Each such place adds one Shift (the
// offsets just after it, in both texts); between shifts the two texts run in
// step, so a lookup is a binary search and an add.
#include <algorithm>

#include "eventloom/text.hpp"

namespace eventloom {
namespace {

// The ASCII replacement of code point cp, or nullptr to keep it.
const char* replacement(uint32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000:
      return " ";
    case 0x2026:
      return "...";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";
    default:
      return nullptr;
  }
}

bool kept_ascii(unsigned char c) { return c < 0x80 && c != '\t' && c != '\r' && c != '\f' && c != '\v'; }

}  // namespace

NormText::NormText(std::string_view in) {
  text_.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      // A run of ASCII that stays as it is, appended at once.
      size_t run = i;
      while (i < in.size() && kept_ascii(static_cast<unsigned char>(in[i]))) ++i;
      if (i > run) {
        text_.append(in.data() + run, i - run);
        continue;
      }
      text_.push_back(c == '\t' || c == '\r' || c == '\f' || c == '\v' ? ' ' : static_cast<char>(c));
      ++i;
      continue;
    }
    size_t start = i;
    uint32_t cp = text::next_code_point(in, i);
    const char* rep = replacement(cp);
    if (!rep) {
      text_.append(in.substr(start, i - start));
      continue;
    }
    text_.append(rep);
    shifts_.push_back({static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(i)});
  }
}

uint32_t NormText::to_original(uint32_t norm) const {
  auto it = std::upper_bound(shifts_.begin(), shifts_.end(), norm,
                             [](uint32_t v, const Shift& s) { return v < s.norm; });
  if (it == shifts_.begin()) return norm;
  --it;
  return it->orig + (norm - it->norm);
}

uint32_t NormText::from_original(uint32_t orig) const {
  auto it = std::upper_bound(shifts_.begin(), shifts_.end(), orig,
                             [](uint32_t v, const Shift& s) { return v < s.orig; });
  if (it == shifts_.begin()) return orig;
  --it;
  uint32_t n = it->norm + (orig - it->orig);
  return std::min<uint32_t>(n, static_cast<uint32_t>(text_.size()));
}

}  // namespace eventloom
