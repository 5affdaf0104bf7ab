// An article's time expressions by their first token, for the stages that
// look for the one nearest a word: a lookup reads the expressions that start
// in a range of tokens, not every expression of the article (an article of
// many dates would make each lookup as long as the article).
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "eventloom/time.hpp"

namespace eventloom::timex {

class ByFirstToken {
 public:
  explicit ByFirstToken(const std::vector<Timex>& tx) : tx_(tx), order_(tx.size()) {
    std::iota(order_.begin(), order_.end(), 0u);
    // tag_times() returns them in text order already; a stable sort keeps
    // any other input's order among equal first tokens.
    std::stable_sort(order_.begin(), order_.end(),
                     [&](uint32_t a, uint32_t b) { return tx_[a].first_token < tx_[b].first_token; });
    for (const Timex& x : tx) longest_ = std::max(longest_, x.last_token > x.first_token ? x.last_token - x.first_token : 0u);
  }

  // Calls f(index into the vector) for each expression whose first token
  // lies in [lo, hi]. The order is that of the first tokens: a caller that
  // keeps the first of equals compares indices.
  template <typename F>
  void each_starting_in(uint32_t lo, uint32_t hi, F f) const {
    auto it = std::lower_bound(order_.begin(), order_.end(), lo,
                               [&](uint32_t i, uint32_t tok) { return tx_[i].first_token < tok; });
    for (; it != order_.end() && tx_[*it].first_token <= hi; ++it) f(*it);
  }

  // The most tokens any expression covers: one that ends at token e starts
  // no earlier than e - longest().
  uint32_t longest() const { return longest_; }

 private:
  const std::vector<Timex>& tx_;
  std::vector<uint32_t> order_;
  uint32_t longest_ = 0;
};

}  // namespace eventloom::timex
