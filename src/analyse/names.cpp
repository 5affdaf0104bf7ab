#include "analyse/names.hpp"

#include <algorithm>

#include "analyse/pieces.hpp"

namespace eventloom::analyse {
namespace {

constexpr const char* kTypeNames[] = {"O", "PER", "ORG", "LOC", "MISC"};
constexpr char kParts[] = {'B', 'I', 'L', 'U'};

enum NameTemplate : uint32_t {
  kBias, kForm0, kLow0, kLowM1, kLowP1, kLowM2, kLowP2, kFormM1, kFormP1, kShape0, kShapeM1, kShapeP1,
  kShapeM1_0, kShape0_P1, kPre, kSuf, kFlags0, kPos0, kPosM1, kPosP1, kPosM1_0, kClu0, kCluM1, kCluP1,
  kL1, kL2L1, kL1Low0, kL1Shape0, kGaz0, kGazM1, kGazP1, kMemType, kMemTypeShape, kSeenLower,
  kHeadShape, kHeadLow, kFirstShape, kLowM1Low0, kLow0LowP1, kLen,
};

constexpr uint64_t kNone = 0xff;
constexpr uint8_t kNoLabel = 0xff;

}  // namespace

std::vector<std::string> name_label_names() {
  std::vector<std::string> out{"O"};
  for (int t = 1; t <= 4; ++t)
    for (char p : kParts) out.push_back(std::string(1, p) + "-" + kTypeNames[t]);
  return out;
}

NameType label_type(uint8_t l) { return l == 0 ? NameType::None : static_cast<NameType>((l - 1) / 4 + 1); }
char label_part(uint8_t l) { return l == 0 ? 'O' : kParts[(l - 1) % 4]; }
uint8_t make_label(NameType t, char part) {
  if (t == NameType::None || part == 'O') return 0;
  int p = part == 'B' ? 0 : part == 'I' ? 1 : part == 'L' ? 2 : 3;
  return static_cast<uint8_t>((static_cast<int>(t) - 1) * 4 + p + 1);
}

bool label_allowed(uint8_t prev, uint8_t label) {
  char pp = label_part(prev), p = label_part(label);
  bool open = pp == 'B' || pp == 'I';
  if (p == 'I' || p == 'L') return open && label_type(prev) == label_type(label);
  return !open;  // O, B, U only after an entity closed
}

bool all_caps_sentence(const std::vector<NameWord>& s) {
  size_t letters = 0, caps = 0;
  for (const auto& w : s) {
    if (w.w.flags & kWPunct) continue;
    if (w.w.flags & kWDigit && !(w.w.flags & (kWCap | kWAllCaps))) continue;
    ++letters;
    caps += (w.w.flags & kWAllCaps) != 0;
  }
  return letters >= 2 && caps * 10 >= letters * 8;
}

void name_words(const std::vector<std::string_view>& words, const PosTagger& tagger, const Gazetteer& gaz,
                std::vector<NameWord>& out) {
  out.resize(words.size());
  std::vector<std::string_view> pieces;
  std::vector<uint32_t> last_piece(words.size()), cuts;
  for (size_t i = 0; i < words.size(); ++i) {
    piece_cuts(words[i], cuts);
    uint32_t b = 0;
    for (uint32_t c : cuts) {
      pieces.push_back(words[i].substr(b, c - b));
      b = c;
    }
    pieces.push_back(words[i].substr(b));
    last_piece[i] = static_cast<uint32_t>(pieces.size() - 1);
  }
  std::vector<uint8_t> tags;
  tagger.tag(pieces, tags);
  std::vector<GazMarks> marks;
  gaz.mark(words, marks);
  for (size_t i = 0; i < words.size(); ++i) {
    describe_word(words[i], tagger.clusters(), out[i].w);
    out[i].pos = tags[last_piece[i]];
    out[i].gaz = marks[i];
  }
}

void NameMemory::see_document(const std::vector<NameWord>& words) {
  for (const auto& w : words)
    if (!(w.w.flags & (kWCap | kWInnerCap | kWPunct | kWDigit))) seen_lower.insert(w.w.lower);
}

void NameMemory::remember(const std::vector<NameWord>& s, const std::vector<uint8_t>& labels) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!(s[i].w.flags & kWCap)) continue;
    NameType t = label_type(labels[i]);
    if (t != NameType::None) last_type[s[i].w.lower] = t;
  }
}

void name_features(const std::vector<NameWord>& s, size_t i, const std::vector<uint8_t>& labels,
                   const NameMemory& mem, bool headline, std::vector<Feature>& out) {
  word_features(s, i, mem, headline, out);
  label_features(s, i, i > 0 ? labels[i - 1] : kNoLabel, i > 1 ? labels[i - 2] : kNoLabel, out);
}

void label_features(const std::vector<NameWord>& s, size_t i, uint8_t l1, uint8_t l2, std::vector<Feature>& out) {
  const WordInfo& w = s[i].w;
  out.push_back(feature(kL1, l1));
  out.push_back(feature(kL2L1, uint64_t(l2) * 256 + l1));
  out.push_back(feature(kL1Low0, pair_value(l1, w.lower)));
  out.push_back(feature(kL1Shape0, pair_value(l1, w.shape)));
}

void word_features(const std::vector<NameWord>& s, size_t i, const NameMemory& mem, bool headline,
                   std::vector<Feature>& out) {
  out.clear();
  const WordInfo& w = s[i].w;
  auto low = [&](ptrdiff_t k) {
    return lower_or_pad(static_cast<ptrdiff_t>(i) + k, s.size(), [&](size_t j) { return s[j].w.lower; });
  };
  const NameWord* prev = i > 0 ? &s[i - 1] : nullptr;
  const NameWord* next = i + 1 < s.size() ? &s[i + 1] : nullptr;
  uint64_t shm1 = prev ? prev->w.shape : kPadBefore, shp1 = next ? next->w.shape : kPadAfter;

  out.push_back(feature(kBias, 0));
  out.push_back(feature(kForm0, w.form));
  out.push_back(feature(kLow0, w.lower));
  out.push_back(feature(kLowM1, low(-1)));
  out.push_back(feature(kLowP1, low(1)));
  out.push_back(feature(kLowM2, low(-2)));
  out.push_back(feature(kLowP2, low(2)));
  out.push_back(feature(kLowM1Low0, pair_value(low(-1), w.lower)));
  out.push_back(feature(kLow0LowP1, pair_value(w.lower, low(1))));
  if (prev) out.push_back(feature(kFormM1, prev->w.form));
  if (next) out.push_back(feature(kFormP1, next->w.form));
  out.push_back(feature(kShape0, w.shape));
  out.push_back(feature(kShapeM1, shm1));
  out.push_back(feature(kShapeP1, shp1));
  out.push_back(feature(kShapeM1_0, pair_value(shm1, w.shape)));
  out.push_back(feature(kShape0_P1, pair_value(w.shape, shp1)));
  for (size_t k = 0; k < w.prefix.size(); ++k)
    if (w.prefix[k]) out.push_back(feature(kPre, pair_value(k, w.prefix[k])));
  for (size_t k = 0; k < w.suffix.size(); ++k)
    if (w.suffix[k]) out.push_back(feature(kSuf, pair_value(k, w.suffix[k])));
  out.push_back(feature(kFlags0, w.flags | (i == 0 ? 0x8000u : 0u)));
  out.push_back(feature(kLen, w.length > 12 ? 12 : w.length));
  out.push_back(feature(kPos0, s[i].pos));
  out.push_back(feature(kPosM1, prev ? prev->pos : kNone));
  out.push_back(feature(kPosP1, next ? next->pos : kNone));
  out.push_back(feature(kPosM1_0, (prev ? prev->pos : kNone) * 256 + s[i].pos));
  for (size_t k = 0; k < w.cluster.size(); ++k) out.push_back(feature(kClu0, pair_value(k, w.cluster[k])));
  if (prev)
    for (size_t k = 1; k < w.cluster.size(); ++k) out.push_back(feature(kCluM1, pair_value(k, prev->w.cluster[k])));
  if (next)
    for (size_t k = 1; k < w.cluster.size(); ++k) out.push_back(feature(kCluP1, pair_value(k, next->w.cluster[k])));
  for (uint32_t l = 0; l < kGazLists; ++l) {
    uint64_t g = (s[i].gaz >> (4 * l)) & 15;
    if (g) out.push_back(feature(kGaz0, l * 16 + g));
    if (prev && ((prev->gaz >> (4 * l)) & 15)) out.push_back(feature(kGazM1, l * 16 + ((prev->gaz >> (4 * l)) & 15)));
    if (next && ((next->gaz >> (4 * l)) & 15)) out.push_back(feature(kGazP1, l * 16 + ((next->gaz >> (4 * l)) & 15)));
  }
  if (w.flags & kWCap) {
    auto it = mem.last_type.find(w.lower);
    if (it != mem.last_type.end()) {
      out.push_back(feature(kMemType, static_cast<uint64_t>(it->second)));
      out.push_back(feature(kMemTypeShape, pair_value(static_cast<uint64_t>(it->second), w.shape)));
    }
    out.push_back(feature(kSeenLower, mem.seen_lower.count(w.lower) ? 1 + (i == 0) : 3 + (i == 0)));
  }
  if (headline) {
    out.push_back(feature(kHeadShape, w.shape));
    out.push_back(feature(kHeadLow, w.lower));
  }
  if (i == 0) out.push_back(feature(kFirstShape, w.shape));
}

void NameTagger::tag(const std::vector<NameWord>& s, NameMemory& mem, std::vector<uint8_t>& labels) const {
  labels.assign(s.size(), 0);
  const bool headline = all_caps_sentence(s);
  std::vector<Feature> f;
  f.reserve(96);
  float scores[kNameLabels];
  for (size_t i = 0; i < s.size(); ++i) {
    name_features(s, i, labels, mem, headline, f);
    std::fill(scores, scores + kNameLabels, 0.0f);
    model_.score(f.data(), f.size(), scores);
    labels[i] = static_cast<uint8_t>(best_label(scores, i ? labels[i - 1] : 0, i + 1 == s.size()));
  }
  mem.remember(s, labels);
}

uint8_t best_label(const float* scores, uint8_t prev, bool last) {
  // label_allowed() and the open labels, once: this runs for every word.
  struct Tables {
    bool allowed[kNameLabels][kNameLabels];
    bool open[kNameLabels];
  };
  static const Tables t = [] {
    Tables x{};
    for (uint8_t p = 0; p < kNameLabels; ++p)
      for (uint8_t c = 0; c < kNameLabels; ++c) x.allowed[p][c] = label_allowed(p, c);
    for (uint8_t c = 0; c < kNameLabels; ++c) x.open[c] = label_part(c) == 'B' || label_part(c) == 'I';
    return x;
  }();
  uint8_t best = 0;
  bool any = false;
  for (uint8_t c = 0; c < kNameLabels; ++c) {
    if (!(prev < kNameLabels ? t.allowed[prev][c] : label_allowed(prev, c)) || (last && t.open[c])) continue;
    if (!any || scores[c] > scores[best]) best = c;
    any = true;
  }
  return best;
}

std::vector<NameSpan> name_spans(const std::vector<uint8_t>& labels) {
  std::vector<NameSpan> out;
  for (uint32_t i = 0; i < labels.size(); ++i) {
    char p = label_part(labels[i]);
    if (p == 'O') continue;
    NameType t = label_type(labels[i]);
    uint32_t j = i + 1;
    if (p == 'B' || p == 'I')
      while (j < labels.size() && label_type(labels[j]) == t && (label_part(labels[j]) == 'I' || label_part(labels[j]) == 'L')) {
        ++j;
        if (label_part(labels[j - 1]) == 'L') break;
      }
    out.push_back({i, j, t});
    i = j - 1;
  }
  return out;
}

}  // namespace eventloom::analyse
