// Beam-search decoding of the arc-hybrid parser (parser.hpp): the search
// itself, shared with the trainer's global (structured perceptron) training,
// and Parser's beam path.
#include <algorithm>

#include "analyse/parser.hpp"

namespace eventloom::analyse {

void BeamSearch::run(const ParseAtoms& a, uint32_t n, uint32_t k, uint32_t classes, const ScoreFn& score,
                     const std::vector<uint32_t>* gold, const PrefetchFn& prefetch) {
  if (k < 1) k = 1;
  moves_ = 2 * n;
  if (steps_.size() < moves_) steps_.resize(moves_);
  if (cur_.size() < k) cur_.resize(k), next_.resize(k), f_.resize(k);
  scores_.resize(size_t(k) * classes);
  if (n == 0) return;
  cur_[0].start(n);
  uint32_t live = 1;
  // The previous step's nodes (scores and gold marks); the start is gold.
  const std::vector<BeamNode>* prev = nullptr;
  const BeamNode start{0, 0, 0.0, gold != nullptr};
  for (uint32_t t = 0; t < moves_; ++t) {
    // The features of every configuration first, so that the memory reads
    // of their scores overlap.
    for (uint32_t i = 0; i < live; ++i) {
      const ArcHybrid& c = cur_[i];
      f_[i].clear();
      if (c.can(kLeft) || c.can(kRight)) {
        parse_features(c, a, f_[i]);
        if (prefetch) prefetch(f_[i]);
      }
    }
    // The k best moves of all, best first, kept sorted as they come: they
    // come by configuration, then class, so one that only ties the k-th is
    // later in that order and stays out.
    cand_.clear();
    auto offer = [&](double sc, uint32_t parent, uint32_t cls) {
      if (cand_.size() == k) {
        if (!(sc > cand_.back().score)) return;
        cand_.pop_back();
      }
      size_t j = cand_.size();
      cand_.push_back({sc, parent, cls});
      for (; j > 0 && sc > cand_[j - 1].score; --j) cand_[j] = cand_[j - 1];
      cand_[j] = {sc, parent, cls};
    };
    for (uint32_t i = 0; i < live; ++i) {
      const ArcHybrid& c = cur_[i];
      const double base = prev ? (*prev)[i].score : start.score;
      if (f_[i].empty()) {  // SHIFT is the only move: taken without the model
        offer(base, i, 0);
        continue;
      }
      float* s = &scores_[size_t(i) * classes];
      std::fill(s, s + classes, 0.0f);
      score(f_[i], s);
      const bool left = c.can(kLeft), right = c.can(kRight);
      if (c.can(kShift)) offer(base + s[0], i, 0);
      for (uint32_t cls = 1; cls < classes; ++cls)
        if ((cls & 1) ? left : right) offer(base + s[cls], i, cls);
    }
    const uint32_t keep = static_cast<uint32_t>(cand_.size());
    std::vector<BeamNode>& nodes = steps_[t];
    nodes.clear();
    for (uint32_t j = 0; j < keep; ++j) {
      const Candidate& x = cand_[j];
      next_[j] = cur_[x.parent];
      next_[j].apply(move_of(x.cls), x.cls == 0 ? 0 : label_of(x.cls));
      const bool was_gold = prev ? (*prev)[x.parent].gold : start.gold;
      nodes.push_back({x.parent, x.cls, x.score, was_gold && (*gold)[t] == x.cls});
    }
    std::swap(cur_, next_);
    live = keep;
    prev = &nodes;
  }
}

void BeamSearch::history(uint32_t t, uint32_t i, std::vector<uint32_t>& out) const {
  out.resize(size_t(t) + 1);
  for (uint32_t s = t + 1; s-- > 0;) {
    const BeamNode& node = steps_[s][i];
    out[s] = node.cls;
    i = node.parent;
  }
}

void Parser::parse_beam(const std::vector<WordInfo>& words, const std::vector<uint8_t>& tags,
                        std::vector<uint32_t>& head, std::vector<uint8_t>& label) const {
  const uint32_t n = static_cast<uint32_t>(words.size());
  // Kept per thread, so that a sentence allocates nothing once they have grown to its size.
  thread_local ParseAtoms atoms;
  thread_local BeamSearch beam;
  atoms.fill(words, tags);
  const LinearModel* m = model_;
  beam.run(
      atoms, n, beam_, m->classes(), [m](const std::vector<Feature>& f, float* s) { m->score(f.data(), f.size(), s); },
      nullptr, [m](const std::vector<Feature>& f) { m->prefetch(f.data(), f.size()); });
  const ArcHybrid& c = beam.best();
  for (uint32_t i = 1; i <= n; ++i) {
    head[i - 1] = c.head[i];
    label[i - 1] = c.label[i];
  }
}

}  // namespace eventloom::analyse
