#include "analyse/parser.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

namespace eventloom::analyse {

// ---- the transition system -------------------------------------------------

void ArcHybrid::start(uint32_t n) {
  n_ = n;
  b_ = 1;
  stack_.clear();
  stack_.reserve(n + 1);
  stack_.push_back(0);
  const size_t size = size_t(n) + 2;  // the root, the words, none()
  head.assign(size, none());
  label.assign(size, 0);
  left1.assign(size, none());
  left2.assign(size, none());
  right1.assign(size, none());
  right2.assign(size, none());
  nleft.assign(size, 0);
  nright.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
}

bool ArcHybrid::can(Move m) const {
  switch (m) {
    case kShift: return b_ <= n_;
    case kLeft: return b_ <= n_ && stack_.size() > 1;
    case kRight: return stack_.size() > 2 || (stack_.size() == 2 && b_ > n_);
  }
  return false;
}

void ArcHybrid::add_arc(uint32_t h, uint32_t d, uint32_t l) {
  head[d] = h;
  label[d] = static_cast<uint8_t>(l);
  if (d < h) {
    if (left1[h] == none() || d < left1[h]) {
      left2[h] = left1[h];
      left1[h] = d;
    } else if (left2[h] == none() || d < left2[h]) {
      left2[h] = d;
    }
    nleft[h] = static_cast<uint8_t>(std::min(nleft[h] + 1, 255));
    lset[h] |= uint64_t(1) << (l & 63);
  } else {
    if (right1[h] == none() || d > right1[h]) {
      right2[h] = right1[h];
      right1[h] = d;
    } else if (right2[h] == none() || d > right2[h]) {
      right2[h] = d;
    }
    nright[h] = static_cast<uint8_t>(std::min(nright[h] + 1, 255));
    rset[h] |= uint64_t(1) << (l & 63);
  }
}

void ArcHybrid::apply(Move m, uint32_t l) {
  switch (m) {
    case kShift:
      stack_.push_back(b_++);
      return;
    case kLeft:
      add_arc(b_, stack_.back(), l);
      stack_.pop_back();
      return;
    case kRight: {
      uint32_t d = stack_.back();
      stack_.pop_back();
      add_arc(stack_.back(), d, l);
      return;
    }
  }
}

bool projective(const GoldTree& g) {
  const uint32_t n = static_cast<uint32_t>(g.head.size()) - 1;
  for (uint32_t d = 1; d <= n; ++d) {
    uint32_t lo = std::min(d, g.head[d]), hi = std::max(d, g.head[d]);
    // Every word strictly between a head and its dependent hangs from a word inside the span.
    for (uint32_t k = lo + 1; k < hi; ++k)
      if (g.head[k] < lo || g.head[k] > hi) return false;
  }
  return true;
}

// Goldberg and Nivre (2013), for arc-hybrid with the root at the bottom of
// the stack; the tests check it against a search over every move sequence.
uint32_t cost(const ArcHybrid& c, const GoldTree& g, Move m, uint32_t label) {
  const uint32_t n = c.size(), b0 = c.buffer_front(), s0 = c.s(0), s1 = c.s(1);
  auto in_buffer = [&](uint32_t x) { return x >= b0 && x <= n; };
  // Gold dependents of x still in the buffer (they can no longer attach to x once it is popped).
  auto deps_in_buffer = [&](uint32_t x) {
    uint32_t k = 0;
    for (uint32_t d = b0; d <= n; ++d) k += g.head[d] == x;
    return k;
  };
  switch (m) {
    case kLeft: {
      const uint32_t h = g.head[s0];
      uint32_t k = deps_in_buffer(s0);
      if ((h == s1 && s1 != c.none()) || (in_buffer(h) && h != b0)) ++k;
      if (h == b0 && label != g.label[s0]) ++k;
      return k;
    }
    case kRight: {
      const uint32_t h = g.head[s0];
      uint32_t k = deps_in_buffer(s0);
      if (in_buffer(h)) ++k;
      if (h == s1 && label != g.label[s0]) ++k;
      return k;
    }
    case kShift: {
      // b0 can no longer take a head from the stack below s0, nor a dependent from anywhere in it.
      const uint32_t h = g.head[b0];
      uint32_t k = 0;
      for (uint32_t x : c.stack()) {
        if (x == h && x != s0) ++k;
        if (x != 0 && g.head[x] == b0) ++k;
      }
      return k;
    }
  }
  return 0;
}

Move static_oracle(const ArcHybrid& c, const GoldTree& g, uint32_t& label) {
  const uint32_t n = c.size(), s0 = c.s(0), s1 = c.s(1), b0 = c.buffer_front();
  auto has_all_deps = [&](uint32_t x) {
    for (uint32_t d = 1; d <= n; ++d)
      if (g.head[d] == x && c.head[d] != x) return false;
    return true;
  };
  if (c.can(kLeft) && g.head[s0] == b0 && has_all_deps(s0)) {
    label = g.label[s0];
    return kLeft;
  }
  if (c.can(kRight) && g.head[s0] == s1 && has_all_deps(s0)) {
    label = g.label[s0];
    return kRight;
  }
  label = 0;
  return kShift;
}

// ---- features --------------------------------------------------------------

namespace {

constexpr uint32_t kRootTag = 254, kNoneTag = 255;
constexpr uint64_t kRootWord = 0x524f4f54ull, kNoneWord = 0x4e4f4e45ull;

uint64_t mix3(uint64_t a, uint64_t b, uint64_t c) { return pair_value(pair_value(a, b), c); }

uint32_t distance_bucket(uint32_t d) { return d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : 7; }

}  // namespace

void ParseAtoms::fill(const std::vector<WordInfo>& words, const std::vector<uint8_t>& tags) {
  const size_t n = words.size();
  w.resize(n + 2);
  wt.resize(n + 2);
  c.resize(n + 2);
  t.resize(n + 2);
  c1.resize(n + 2);
  auto set = [&](size_t i, uint64_t word, uint32_t tag, uint64_t cl, uint32_t coarse) {
    w[i] = word;
    t[i] = tag;
    wt[i] = pair_value(word, tag);
    c[i] = cl;
    c1[i] = coarse;
  };
  set(0, kRootWord, kRootTag, kRootWord, 0xfffe);
  set(n + 1, kNoneWord, kNoneTag, kNoneWord, 0xffff);
  for (size_t i = 0; i < n; ++i) {
    const WordInfo& x = words[i];
    set(i + 1, x.lower, tags[i], uint64_t(x.cluster[1]) << 16 | x.cluster[2], x.cluster[0]);
  }
}

void parse_features(const ArcHybrid& c, const ParseAtoms& a, std::vector<Feature>& out) {
  // Written in place (the vector keeps its capacity from one call to the
  // next), then cut to the number of templates.
  constexpr uint32_t kMaxFeatures = 128;
  out.resize(kMaxFeatures);
  Feature* const p = out.data();
  uint32_t tmpl = 0;
  auto f = [&](uint64_t v) {
    p[tmpl] = feature(tmpl, v);
    ++tmpl;
  };
  const uint32_t none = c.none();
  const uint32_t s0 = c.s(0), s1 = c.s(1), s2 = c.s(2), b0 = c.b(0), b1 = c.b(1), b2 = c.b(2);
  const uint32_t s0l = c.left1[s0], s0l2 = c.left2[s0], s0r = c.right1[s0], s0r2 = c.right2[s0];
  const uint32_t s1l = c.left1[s1], s1r = c.right1[s1], s1r2 = c.right2[s1];
  const uint32_t b0l = c.left1[b0], b0l2 = c.left2[b0];
  auto lab = [&](uint32_t x) -> uint32_t { return x == none ? 0xff : c.label[x]; };
  const auto& w = a.w;
  const auto& t = a.t;
  const auto& wt = a.wt;

  f(0);  // bias
  // Single words.
  f(w[s0]), f(t[s0]), f(wt[s0]);
  f(w[s1]), f(t[s1]), f(wt[s1]);
  f(w[s2]), f(t[s2]);
  f(w[b0]), f(t[b0]), f(wt[b0]);
  f(w[b1]), f(t[b1]), f(wt[b1]);
  f(w[b2]), f(t[b2]);
  // Pairs: s0 with b0 (LEFT) and s1 with s0 (RIGHT).
  f(pair_value(wt[s0], wt[b0])), f(pair_value(wt[s0], w[b0])), f(pair_value(w[s0], wt[b0]));
  f(pair_value(wt[s0], t[b0])), f(pair_value(t[s0], wt[b0])), f(pair_value(w[s0], w[b0]));
  f(t[s0] << 8 | t[b0]), f(t[b0] << 8 | t[b1]);
  f(pair_value(wt[s1], wt[s0])), f(pair_value(wt[s1], t[s0])), f(pair_value(t[s1], wt[s0]));
  f(pair_value(w[s1], w[s0])), f(t[s1] << 8 | t[s0]);
  // Three tags.
  f(t[b0] << 16 | t[b1] << 8 | t[b2]), f(t[s0] << 16 | t[b0] << 8 | t[b1]), f(t[s1] << 16 | t[s0] << 8 | t[b0]);
  f(t[s2] << 16 | t[s1] << 8 | t[s0]), f(t[s0] << 16 | t[s0l] << 8 | t[b0]), f(t[s0] << 16 | t[s0r] << 8 | t[b0]);
  f(t[s0] << 16 | t[b0] << 8 | t[b0l]), f(t[s1] << 16 | t[s0] << 8 | t[s0l]), f(t[s1] << 16 | t[s1r] << 8 | t[s0]);
  f(t[s1] << 16 | t[s0] << 8 | t[s0r]), f(t[s1] << 16 | t[s1l] << 8 | t[s0]);
  // Distances: s0 to b0, s1 to s0.
  const uint32_t d = s0 != none && b0 != none ? distance_bucket(b0 - s0) : 0;
  const uint32_t d1 = s1 != none ? distance_bucket(s0 - s1) : 0;
  f(pair_value(w[s0], d)), f(t[s0] << 8 | d), f(pair_value(w[b0], d)), f(t[b0] << 8 | d);
  f(mix3(w[s0], w[b0], d)), f(t[s0] << 16 | t[b0] << 8 | d);
  f(pair_value(w[s1], d1)), f(pair_value(w[s0], d1 | 0x100)), f(t[s1] << 16 | t[s0] << 8 | d1);
  f(mix3(w[s1], w[s0], d1));
  // Valencies.
  const uint32_t s0vl = std::min<uint32_t>(c.nleft[s0], 7), s0vr = std::min<uint32_t>(c.nright[s0], 7);
  const uint32_t s1vl = std::min<uint32_t>(c.nleft[s1], 7), s1vr = std::min<uint32_t>(c.nright[s1], 7);
  const uint32_t b0vl = std::min<uint32_t>(c.nleft[b0], 7);
  f(pair_value(w[s0], s0vr)), f(t[s0] << 8 | s0vr), f(pair_value(w[s0], s0vl | 8)), f(t[s0] << 8 | s0vl);
  f(pair_value(w[b0], b0vl)), f(t[b0] << 8 | b0vl), f(t[s1] << 8 | s1vr), f(t[s1] << 8 | s1vl);
  f(pair_value(w[s1], s1vr));
  // Children: word, tag and label of the leftmost and rightmost, and the second ones.
  auto child = [&](uint32_t x) { f(w[x]), f(t[x]), f(lab(x)); };
  child(s0l), child(s0r), child(b0l), child(s1l), child(s1r);
  child(s0l2), child(s0r2), child(b0l2), child(s1r2);
  f(t[s0] << 16 | t[s0l] << 8 | t[s0l2]), f(t[s0] << 16 | t[s0r] << 8 | t[s0r2]);
  f(t[b0] << 16 | t[b0l] << 8 | t[b0l2]), f(t[s1] << 16 | t[s1r] << 8 | t[s1r2]);
  f(t[s0] << 16 | lab(s0l) << 8 | lab(s0r)), f(t[b0] << 16 | lab(b0l) << 8 | t[s0]);
  // Label sets.
  f(pair_value(w[s0], c.rset[s0])), f(pair_value(t[s0], c.rset[s0] ^ 1)), f(pair_value(w[s0], c.lset[s0] ^ 2));
  f(pair_value(t[s0], c.lset[s0] ^ 3)), f(pair_value(w[b0], c.lset[b0])), f(pair_value(t[b0], c.lset[b0] ^ 1));
  f(pair_value(t[s1], c.rset[s1] ^ 4));
  // Word clusters (part 1): single, and in pairs with the other's tag.
  f(a.c[s0]), f(a.c[s1]), f(a.c[b0]), f(a.c[b1]);
  f(a.c1[s0] << 16 | a.c1[b0]), f(a.c1[s1] << 16 | a.c1[s0]);
  f(pair_value(a.c[s0], t[b0])), f(pair_value(t[s0], a.c[b0])), f(pair_value(a.c[s1], t[s0]));
  f(pair_value(t[s1], a.c[s0])), f(pair_value(a.c[s0l], t[s0])), f(pair_value(a.c[b0l], t[b0]));
  assert(tmpl <= kMaxFeatures);
  out.resize(tmpl);
}

// ---- decoding ----------------------------------------------------------------

bool parser_labels(const LinearModel& m, std::vector<std::string>& labels, std::string* error) {
  labels.clear();
  auto fail = [&](const char* why) {
    if (error) *error = why;
    labels.clear();
    return false;
  };
  if (m.classes() < 3 || m.classes() % 2 == 0 || m.class_name(0) != "SHIFT") return fail("not a parser's classes");
  for (uint32_t l = 0; 2 + 2 * l < m.classes(); ++l) {
    const std::string& left = m.class_name(1 + 2 * l);
    const std::string& right = m.class_name(2 + 2 * l);
    if (left.size() < 3 || left.compare(0, 2, "L:") != 0 || right.compare(0, 2, "R:") != 0 ||
        left.compare(2, std::string::npos, right, 2, std::string::npos) != 0)
      return fail("a parser's classes out of order");
    labels.push_back(left.substr(2));
  }
  if (labels.size() > 255) return fail("too many relations");
  return true;
}

Parser::Parser(const LinearModel& m, uint32_t beam) : model_(&m), beam_(beam < 1 ? 1 : beam) {
  parser_labels(m, labels_, nullptr);
}

namespace {

// What decoding needs per sentence, kept per thread so that a sentence
// allocates nothing once the buffers have grown to its size.
struct ParseScratch {
  ParseAtoms atoms;
  ArcHybrid c;
  std::vector<Feature> f;
  std::vector<float> scores;
};

}  // namespace

void Parser::parse(const std::vector<WordInfo>& words, const std::vector<uint8_t>& tags, std::vector<uint32_t>& head,
                   std::vector<uint8_t>& label) const {
  const uint32_t n = static_cast<uint32_t>(words.size());
  head.assign(n, 0);
  label.assign(n, 0);
  if (n == 0) return;
  if (labels_.empty()) {  // no model: a chain under the first word
    for (uint32_t i = 1; i < n; ++i) head[i] = i;
    return;
  }
  if (beam_ > 1) return parse_beam(words, tags, head, label);
  thread_local ParseScratch scratch;
  ParseAtoms& atoms = scratch.atoms;
  ArcHybrid& c = scratch.c;
  std::vector<Feature>& f = scratch.f;
  atoms.fill(words, tags);
  c.start(n);
  f.reserve(128);
  const uint32_t nc = model_->classes();
  scratch.scores.resize(nc);
  float* scores = scratch.scores.data();
  constexpr float kOff = -std::numeric_limits<float>::infinity();
  while (!c.done()) {
    const bool shift = c.can(kShift), left = c.can(kLeft), right = c.can(kRight);
    if (shift && !left && !right) {
      // SHIFT is the only move (the stack holds the root alone): every other
      // class would score -inf, so the model need not be asked.
      c.apply(kShift, 0);
      continue;
    }
    parse_features(c, atoms, f);
    std::fill(scores, scores + nc, 0.0f);
    model_->score(f.data(), f.size(), scores);
    if (!shift) scores[0] = kOff;
    if (!left)
      for (uint32_t k = 1; k < nc; k += 2) scores[k] = kOff;
    if (!right)
      for (uint32_t k = 2; k < nc; k += 2) scores[k] = kOff;
    const uint32_t best = best_class(scores, nc);
    c.apply(move_of(best), best == 0 ? 0 : label_of(best));
  }
  for (uint32_t i = 1; i <= n; ++i) {
    head[i - 1] = c.head[i];
    label[i - 1] = c.label[i];
  }
}

}  // namespace eventloom::analyse
