#include "analyse/words.hpp"

#include "util/hash.hpp"

namespace eventloom::analyse {

void describe_word(std::string_view w, const WordClusters* clusters, WordInfo& wi) {
  wi = WordInfo{};
  wi.form = util::fnv1a(w);
  wi.length = static_cast<uint16_t>(w.size() > 0xffff ? 0xffff : w.size());
  char lower[48];
  char shape[16];
  size_t nl = 0, ns = 0;
  bool letter = false, alnum = false, lower_letter = false;
  uint64_t lh = util::kFnvBasis;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    char low = static_cast<char>(c);
    char cls;
    if (c >= 'A' && c <= 'Z') {
      low = static_cast<char>(c + 32);
      cls = 'X';
      letter = alnum = true;
      if (i == 0) wi.flags |= kWCap;
      else wi.flags |= kWInnerCap;
    } else if (c >= 'a' && c <= 'z') {
      cls = 'x';
      letter = alnum = lower_letter = true;
    } else if (c >= '0' && c <= '9') {
      low = '0';
      cls = 'd';
      alnum = true;
      wi.flags |= kWDigit;
    } else if (c >= 0x80) {
      cls = 'u';  // any byte of a non-ASCII letter
      letter = alnum = true;
    } else {
      cls = static_cast<char>(c);
      if (c == '-' && i > 0 && i + 1 < w.size()) wi.flags |= kWHyphen;
      if (c == '.') wi.flags |= kWPeriod;
    }
    lh = (lh ^ static_cast<unsigned char>(low)) * util::kFnvPrime;
    if (nl < sizeof lower) lower[nl++] = low;
    if (ns < sizeof shape && (ns == 0 || shape[ns - 1] != cls)) shape[ns++] = cls;
  }
  wi.lower = lh;
  if (letter && !lower_letter && (wi.flags & (kWCap | kWInnerCap))) wi.flags |= kWAllCaps;
  if (!alnum) wi.flags |= kWPunct;
  wi.shape = util::fnv1a(std::string_view(shape, ns));
  std::string_view lw(lower, nl);
  for (size_t k = 0; k < wi.prefix.size(); ++k)
    wi.prefix[k] = lw.size() > k + 1 ? util::fnv1a(lw.substr(0, k + 1)) : 0;
  for (size_t k = 0; k < wi.suffix.size(); ++k)
    wi.suffix[k] = w.size() > k + 1 && nl == w.size() ? util::fnv1a(lw.substr(nl - k - 1)) : 0;
  if (clusters) wi.cluster = clusters->lookup(w);
}

}  // namespace eventloom::analyse
