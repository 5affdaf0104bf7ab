#include "analyse/tagger.hpp"

#include "analyse/score_cache.hpp"

namespace eventloom::analyse {
namespace {

enum PosTemplate : uint32_t {
  kBias, kW0, kForm0, kWm1, kWp1, kWm2, kWp2, kPre1, kPre2, kPre3, kSuf1, kSuf2, kSuf3, kSuf4,
  kShape0, kFlags0, kT1, kT2T1, kT1W0, kWm1W0, kW0Wp1, kSuf3m1, kSuf3p1, kShapeP1, kShapeM1,
  kC0a, kC0b, kC0c, kCm1, kCp1, kCp1b, kCm1b, kLen, kT1Wp1,
  kR1, kR1R2, kT1R1, kR1W0, kR1Wp1,
};

constexpr uint64_t kNoTag = 0xff;

// The features of pos_features() that read one word alone, by its role: the
// word itself (`first`: the first of its sentence), the word before, the word
// after. The tagger caches their scores by word (ScoreCache); pos_features()
// lists the same features in its own order (a test checks they agree): the
// order training adds them in, which the committed models were trained with
// (a new order would be new models, to the bit).
void own_features(const WordInfo& w, bool first, std::vector<Feature>& out) {
  out.push_back(feature(kW0, w.lower));
  out.push_back(feature(kForm0, w.form));
  const uint32_t pre[] = {kPre1, kPre2, kPre3};
  for (size_t k = 0; k < w.prefix.size(); ++k)
    if (w.prefix[k]) out.push_back(feature(pre[k], w.prefix[k]));
  const uint32_t suf[] = {kSuf1, kSuf2, kSuf3, kSuf4};
  for (size_t k = 0; k < w.suffix.size(); ++k)
    if (w.suffix[k]) out.push_back(feature(suf[k], w.suffix[k]));
  out.push_back(feature(kShape0, w.shape));
  out.push_back(feature(kFlags0, w.flags | (first ? 0x8000u : 0u)));
  out.push_back(feature(kC0a, w.cluster[0]));
  out.push_back(feature(kC0b, w.cluster[1]));
  out.push_back(feature(kC0c, w.cluster[2]));
  out.push_back(feature(kLen, w.length > 12 ? 12 : w.length));
}
void before_features(const WordInfo& prev, std::vector<Feature>& out) {
  out.push_back(feature(kWm1, prev.lower));
  out.push_back(feature(kSuf3m1, prev.suffix[2]));
  out.push_back(feature(kShapeM1, prev.shape));
  out.push_back(feature(kCm1, prev.cluster[1]));
  out.push_back(feature(kCm1b, prev.cluster[2]));
}
void after_features(const WordInfo& next, std::vector<Feature>& out) {
  out.push_back(feature(kWp1, next.lower));
  out.push_back(feature(kSuf3p1, next.suffix[2]));
  out.push_back(feature(kShapeP1, next.shape));
  out.push_back(feature(kCp1, next.cluster[1]));
  out.push_back(feature(kCp1b, next.cluster[2]));
}

uint64_t word_value(const std::vector<WordInfo>& s, ptrdiff_t j) {
  return lower_or_pad(j, s.size(), [&](size_t k) { return s[k].lower; });
}

// The rest: the features of the context. Those that read words and the
// first pass's tags are known before the tagger reaches the word (it asks
// the memory for them a word ahead); those of the tags just chosen are not.
void known_features(const std::vector<WordInfo>& s, size_t i, const std::vector<uint8_t>* first,
                    std::vector<Feature>& out) {
  const uint64_t w0 = s[i].lower, wm1 = word_value(s, ptrdiff_t(i) - 1), wp1 = word_value(s, ptrdiff_t(i) + 1);
  out.push_back(feature(kBias, 0));
  if (i == 0) out.push_back(feature(kWm1, wm1));
  if (i + 1 == s.size()) out.push_back(feature(kWp1, wp1));
  out.push_back(feature(kWm2, word_value(s, ptrdiff_t(i) - 2)));
  out.push_back(feature(kWp2, word_value(s, ptrdiff_t(i) + 2)));
  out.push_back(feature(kWm1W0, pair_value(wm1, w0)));
  out.push_back(feature(kW0Wp1, pair_value(w0, wp1)));
  if (first) {
    uint64_t r1 = i + 1 < s.size() ? (*first)[i + 1] : kNoTag, r2 = i + 2 < s.size() ? (*first)[i + 2] : kNoTag;
    out.push_back(feature(kR1, r1));
    out.push_back(feature(kR1R2, r1 * 256 + r2));
    out.push_back(feature(kR1W0, pair_value(r1, w0)));
    out.push_back(feature(kR1Wp1, pair_value(r1, wp1)));
  }
}
void tag_features(const std::vector<WordInfo>& s, size_t i, const std::vector<uint8_t>& tags,
                  const std::vector<uint8_t>* first, std::vector<Feature>& out) {
  const uint64_t w0 = s[i].lower, wp1 = word_value(s, ptrdiff_t(i) + 1);
  const uint64_t t1 = i > 0 ? tags[i - 1] : kNoTag, t2 = i > 1 ? tags[i - 2] : kNoTag;
  out.push_back(feature(kT1, t1));
  out.push_back(feature(kT2T1, t2 * 256 + t1));
  out.push_back(feature(kT1W0, pair_value(t1, w0)));
  out.push_back(feature(kT1Wp1, pair_value(t1, wp1)));
  if (first) out.push_back(feature(kT1R1, t1 * 256 + (i + 1 < s.size() ? (*first)[i + 1] : kNoTag)));
}

}  // namespace

void pos_features_by_role(const std::vector<WordInfo>& s, size_t i, const std::vector<uint8_t>& tags,
                          const std::vector<uint8_t>* first, std::vector<Feature>& out) {
  out.clear();
  own_features(s[i], i == 0, out);
  if (i > 0) before_features(s[i - 1], out);
  if (i + 1 < s.size()) after_features(s[i + 1], out);
  known_features(s, i, first, out);
  tag_features(s, i, tags, first, out);
}

void pos_features(const std::vector<WordInfo>& s, size_t i, const std::vector<uint8_t>& tags,
                  const std::vector<uint8_t>* first, std::vector<Feature>& out) {
  out.clear();
  const WordInfo& w = s[i];
  auto word = [&](ptrdiff_t k) { return word_value(s, static_cast<ptrdiff_t>(i) + k); };
  const WordInfo* prev = i > 0 ? &s[i - 1] : nullptr;
  const WordInfo* next = i + 1 < s.size() ? &s[i + 1] : nullptr;
  uint64_t t1 = i > 0 ? tags[i - 1] : kNoTag, t2 = i > 1 ? tags[i - 2] : kNoTag;

  out.push_back(feature(kBias, 0));
  out.push_back(feature(kW0, w.lower));
  out.push_back(feature(kForm0, w.form));
  out.push_back(feature(kWm1, word(-1)));
  out.push_back(feature(kWp1, word(1)));
  out.push_back(feature(kWm2, word(-2)));
  out.push_back(feature(kWp2, word(2)));
  const uint32_t pre[] = {kPre1, kPre2, kPre3};
  for (size_t k = 0; k < w.prefix.size(); ++k)
    if (w.prefix[k]) out.push_back(feature(pre[k], w.prefix[k]));
  const uint32_t suf[] = {kSuf1, kSuf2, kSuf3, kSuf4};
  for (size_t k = 0; k < w.suffix.size(); ++k)
    if (w.suffix[k]) out.push_back(feature(suf[k], w.suffix[k]));
  out.push_back(feature(kShape0, w.shape));
  out.push_back(feature(kFlags0, w.flags | (i == 0 ? 0x8000u : 0u)));
  out.push_back(feature(kT1, t1));
  out.push_back(feature(kT2T1, t2 * 256 + t1));
  out.push_back(feature(kT1W0, pair_value(t1, w.lower)));
  out.push_back(feature(kWm1W0, pair_value(word(-1), w.lower)));
  out.push_back(feature(kW0Wp1, pair_value(w.lower, word(1))));
  out.push_back(feature(kT1Wp1, pair_value(t1, word(1))));
  if (prev) {
    out.push_back(feature(kSuf3m1, prev->suffix[2]));
    out.push_back(feature(kShapeM1, prev->shape));
    out.push_back(feature(kCm1, prev->cluster[1]));
    out.push_back(feature(kCm1b, prev->cluster[2]));
  }
  if (next) {
    out.push_back(feature(kSuf3p1, next->suffix[2]));
    out.push_back(feature(kShapeP1, next->shape));
    out.push_back(feature(kCp1, next->cluster[1]));
    out.push_back(feature(kCp1b, next->cluster[2]));
  }
  out.push_back(feature(kC0a, w.cluster[0]));
  out.push_back(feature(kC0b, w.cluster[1]));
  out.push_back(feature(kC0c, w.cluster[2]));
  out.push_back(feature(kLen, w.length > 12 ? 12 : w.length));
  if (first) {
    uint64_t r1 = i + 1 < s.size() ? (*first)[i + 1] : kNoTag, r2 = i + 2 < s.size() ? (*first)[i + 2] : kNoTag;
    out.push_back(feature(kR1, r1));
    out.push_back(feature(kR1R2, r1 * 256 + r2));
    out.push_back(feature(kT1R1, t1 * 256 + r1));
    out.push_back(feature(kR1W0, pair_value(r1, w.lower)));
    out.push_back(feature(kR1Wp1, pair_value(r1, word(1))));
  }
}

void PosTagger::tag(const std::vector<std::string_view>& words, std::vector<uint8_t>& tags) const {
  std::vector<WordInfo> info(words.size());
  for (size_t i = 0; i < words.size(); ++i) describe_word(words[i], clusters_, info[i]);
  tag(info, tags);
}

void PosTagger::tag(const std::vector<WordInfo>& words, std::vector<uint8_t>& tags) const {
  pass(model_, words, nullptr, tags);
  if (!second_) return;
  std::vector<uint8_t> first = tags;
  pass(*second_, words, &first, tags);
}

void PosTagger::pass(const LinearModel& m, const std::vector<WordInfo>& words, const std::vector<uint8_t>* first,
                     std::vector<uint8_t>& tags) const {
  const size_t n = words.size();
  tags.assign(n, 0);
  ScoreCache& cache = ScoreCache::local(m);
  const uint32_t nc = m.classes(), stride = cache.stride();
  std::vector<float> scores(stride);
  std::vector<Feature> f, ahead;
  f.reserve(32);
  ahead.reserve(32);
  if (n > 0) known_features(words, 0, first, ahead);
  // Keys of a word in its three roles (never 0: the empty slot).
  auto key = [](const WordInfo& w, uint64_t role) { return util::mix64(w.form + role) | 1; };
  for (size_t i = 0; i < n; ++i) {
    f.swap(ahead);
    ahead.clear();
    if (i + 1 < n) {
      known_features(words, i + 1, first, ahead);
      m.prefetch(ahead.data(), ahead.size());
    }
    const WordInfo& w = words[i];
    const float* own = cache.row(m, key(w, i == 0 ? 1 : 2), [&](auto& out) { own_features(w, i == 0, out); });
    std::copy(own, own + stride, scores.begin());
    if (i > 0) {
      const float* r = cache.row(m, key(words[i - 1], 3), [&](auto& out) { before_features(words[i - 1], out); });
      for (uint32_t c = 0; c < stride; ++c) scores[c] += r[c];
    }
    if (i + 1 < n) {
      const float* r = cache.row(m, key(words[i + 1], 4), [&](auto& out) { after_features(words[i + 1], out); });
      for (uint32_t c = 0; c < stride; ++c) scores[c] += r[c];
    }
    tag_features(words, i, tags, first, f);
    m.score(f.data(), f.size(), scores.data());
    tags[i] = static_cast<uint8_t>(best_class(scores.data(), nc));
  }
}

std::string_view upos_of(std::string_view joint) { return joint.substr(0, joint.find('|')); }
std::string_view xpos_of(std::string_view joint) {
  size_t b = joint.find('|');
  return b == std::string_view::npos ? joint : joint.substr(b + 1);
}

}  // namespace eventloom::analyse
