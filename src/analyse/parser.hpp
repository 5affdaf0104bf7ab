// The dependency parser: arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez
// and Satta 2011), greedy, labelled with UD relations, scored by a linear
// model (linear.hpp) over the features of Zhang and Nivre (2011) adapted to
// the arc-hybrid stack and buffer, plus the word clusters of part 1.
//
// A sentence of n words is numbered 1..n; 0 is the root. The configuration
// is a stack (the root at its bottom), a buffer (words b..n) and the arcs so
// far. Moves:
//   SHIFT     push b0;
//   LEFT(l)   b0 -> s0 with relation l, pop s0;
//   RIGHT(l)  s1 -> s0 with relation l, pop s0.
// RIGHT onto the root is only allowed once the buffer is empty, so a tree
// has exactly one word under the root, as in UD.
//
// The model's classes: 0 is SHIFT, 1 + 2l LEFT(l), 2 + 2l RIGHT(l), with the
// relation names as "L:nsubj" and "R:nsubj".
//
// Training (src/train/parser.cpp) uses the dynamic oracle of Goldberg and
// Nivre (2013): cost() below says how many gold arcs a move makes
// unreachable, exactly for projective gold trees.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/linear.hpp"
#include "analyse/words.hpp"

namespace eventloom::analyse {

enum Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline Move move_of(uint32_t cls) { return cls == 0 ? kShift : (cls & 1) ? kLeft : kRight; }
inline uint32_t label_of(uint32_t cls) { return (cls - 1) / 2; }
inline uint32_t class_of(Move m, uint32_t label) { return m == kShift ? 0 : 1 + 2 * label + (m == kRight); }

// A configuration of the arc-hybrid system and the arcs it has built.
class ArcHybrid {
 public:
  void start(uint32_t n);
  uint32_t size() const { return n_; }  // words, without the root
  bool done() const { return b_ > n_ && stack_.size() == 1; }
  bool can(Move m) const;
  void apply(Move m, uint32_t label);

  // The k-th word from the top of the stack, the k-th of the buffer; none()
  // when there is none.
  uint32_t s(size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : none(); }
  uint32_t b(uint32_t k) const { return b_ + k <= n_ ? b_ + k : none(); }
  uint32_t none() const { return n_ + 1; }
  const std::vector<uint32_t>& stack() const { return stack_; }
  uint32_t buffer_front() const { return b_; }

  // Arcs: head[w] (none() while w has no head), label[w]; for any w in
  // 0..none(), its leftmost and second leftmost children, its rightmost and
  // second rightmost (none() if absent), how many it has on each side and
  // the set of their labels (a bit per label, modulo 64).
  std::vector<uint32_t> head;
  std::vector<uint8_t> label;
  std::vector<uint32_t> left1, left2, right1, right2;
  std::vector<uint8_t> nleft, nright;
  std::vector<uint64_t> lset, rset;

 private:
  void add_arc(uint32_t h, uint32_t d, uint32_t l);
  std::vector<uint32_t> stack_;
  uint32_t b_ = 1, n_ = 0;
};

// The gold tree of a sentence: head[w] and label[w] for w in 1..n (index 0 unused).
struct GoldTree {
  std::vector<uint32_t> head;
  std::vector<uint8_t> label;
};
// Whether a tree has no crossing arcs (the arc-hybrid system builds only such trees).
bool projective(const GoldTree& g);
// The number of gold arcs that move m with `label` (ignored for SHIFT) would
// make unreachable from c: 0 for the moves of some best tree still reachable.
uint32_t cost(const ArcHybrid& c, const GoldTree& g, Move m, uint32_t label);
// The static oracle: the move that builds g (a projective tree), preferring
// LEFT, then RIGHT, then SHIFT. Its label through `label`.
Move static_oracle(const ArcHybrid& c, const GoldTree& g, uint32_t& label);

// What the parser's features read of each word, computed once per sentence:
// index 0 is the root, 1..n the words, n + 1 "none".
struct ParseAtoms {
  std::vector<uint64_t> w, wt, c;  // word (lower case), word and tag, clusters (512 and 4096)
  std::vector<uint32_t> t, c1;     // tag, coarse cluster (64)
  void fill(const std::vector<WordInfo>& words, const std::vector<uint8_t>& tags);
};

// The features of configuration c (cleared first).
void parse_features(const ArcHybrid& c, const ParseAtoms& a, std::vector<Feature>& out);

// Beam search over the transitions (Zhang and Clark 2008; Zhang and Nivre
// 2011): the k best configurations after each move, a configuration's score
// the sum of its moves' scores. Every sentence of n words takes exactly 2n
// moves (n SHIFTs, n arcs), so the beams stay in step. A configuration whose
// only move is SHIFT takes it without asking the model (as greedy decoding
// does), adding nothing to its score. Ties go to the earlier configuration,
// then the lower class, so a beam of 1 is greedy decoding. Used by Parser and
// by the trainer (global training with max-violation updates).
struct BeamNode {
  uint32_t parent;  // its configuration's index in the beam of the move before
  uint32_t cls;     // the class of this move
  double score;     // of the whole sequence so far
  bool gold;        // every move so far is the given gold sequence's
};
class BeamSearch {
 public:
  // scores[c] += the score of class c for features f (scores zeroed before).
  using ScoreFn = std::function<void(const std::vector<Feature>&, float*)>;
  // Asks for the memory that scoring these features will read (may be empty).
  using PrefetchFn = std::function<void(const std::vector<Feature>&)>;
  // Runs a beam of k over the n words of `a` with `classes` classes; `gold`
  // (may be null) is a gold class sequence, to mark the nodes that follow it.
  void run(const ParseAtoms& a, uint32_t n, uint32_t k, uint32_t classes, const ScoreFn& score,
           const std::vector<uint32_t>* gold = nullptr, const PrefetchFn& prefetch = {});
  // steps()[t]: the beam after move t + 1, best first; 2n steps.
  const std::vector<std::vector<BeamNode>>& steps() const { return steps_; }
  uint32_t moves() const { return moves_; }
  // The best final configuration (after run() on n > 0 words).
  const ArcHybrid& best() const { return cur_[0]; }
  // The classes of the sequence that ends at node i of step t.
  void history(uint32_t t, uint32_t i, std::vector<uint32_t>& out) const;

 private:
  struct Candidate {
    double score;
    uint32_t parent, cls;
  };
  std::vector<ArcHybrid> cur_, next_;
  std::vector<std::vector<BeamNode>> steps_;
  std::vector<Candidate> cand_;
  std::vector<std::vector<Feature>> f_;  // per configuration; empty when SHIFT is its only move
  std::vector<float> scores_;
  uint32_t moves_ = 0;
};

// The beam width the built-in model is decoded with unless the environment
// variable EVENTLOOM_PARSER_BEAM says otherwise (1: greedy): the width it was
// trained with (scripts/train_models.sh, models/README.md).
constexpr uint32_t kDefaultBeam = 1;

// Decoding with a trained model, greedy (beam 1) or with a beam; shares
// nothing mutable, so one parser serves every thread.
class Parser {
 public:
  explicit Parser(const LinearModel& m, uint32_t beam = 1);
  uint32_t beam() const { return beam_; }
  uint32_t labels() const { return static_cast<uint32_t>(labels_.size()); }
  const std::string& label_name(uint32_t l) const { return labels_[l]; }
  // Parses words with the tagger's tags: head[i] in 0..n (0 the root, else
  // the 1-based word) and the relation label[i] of word i + 1.
  void parse(const std::vector<WordInfo>& words, const std::vector<uint8_t>& tags, std::vector<uint32_t>& head,
             std::vector<uint8_t>& label) const;

 private:
  void parse_beam(const std::vector<WordInfo>& words, const std::vector<uint8_t>& tags, std::vector<uint32_t>& head,
                  std::vector<uint8_t>& label) const;
  const LinearModel* model_;
  std::vector<std::string> labels_;
  uint32_t beam_ = 1;
};

// The relations of a parser model's classes, in label order ("nsubj", ...);
// false (with `error` set) when its classes are not SHIFT, L:x, R:x, ... as
// class_of() lays them out, or there are none.
bool parser_labels(const LinearModel& m, std::vector<std::string>& labels, std::string* error);

}  // namespace eventloom::analyse
