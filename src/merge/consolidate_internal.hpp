// What the four jobs of consolidate() share (consolidate.cpp): the
// functions of each job and the helpers more than one of them uses.
//   documents.cpp   1. the same article in several inputs, folded into one
//   actors.cpp      2. the corpus actors
//   statements.cpp  3. statements across articles
//   events.cpp      4. events across articles
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "eventloom/corpus.hpp"

namespace eventloom::merge_detail {

void fold_duplicate_documents(std::vector<DocExtraction>& docs, Diagnostics& diag);
void build_actors(Corpus& c);
void build_statements(Corpus& c);
void build_events(Corpus& c);

// How many values two sorted sequences have in common (one merge walk),
// counting no further than `stop_at`: 1 asks only whether they share a value.
template <typename A, typename B>
size_t common_count(const A& a, const B& b, size_t stop_at = SIZE_MAX) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size() && n < stop_at) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  uint32_t find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the smaller index (smaller id) leads
  }
};


// Puts v in the order `order` gives (v'[i] = v[order[i]]), moving each
// element once, following the permutation's cycles.
template <typename T>
void apply_order(std::vector<T>& v, std::vector<uint32_t> order) {
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    T held = std::move(v[i]);
    uint32_t j = i;
    while (order[j] != i) {
      uint32_t next = order[j];
      v[j] = std::move(v[next]);
      order[j] = j;
      j = next;
    }
    v[j] = std::move(held);
    order[j] = j;
  }
}

// std::sort of the indices 0..n-1 by `less` on what they index. std::sort
// makes the same comparisons and the same moves whether it sorts the elements
// or their indices, so ties end up as sorting the elements would leave them.
template <typename Less>
std::vector<uint32_t> sorted_order(size_t n, Less less) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), less);
  return order;
}

// Statements and events in the order of their first evidence: by document,
// then by `start` of it there (a content or trigger offset), then by id.
template <typename T, typename Start>
void order_by_first_evidence(std::vector<T>& items, Start start) {
  std::vector<uint64_t> at(items.size());
  for (size_t g = 0; g < at.size(); ++g) {
    const EvidenceRef& e = items[g].evidence.front();
    at[g] = static_cast<uint64_t>(e.doc) << 32 | start(e);
  }
  apply_order(items, sorted_order(items.size(), [&](uint32_t i, uint32_t j) {
    return at[i] != at[j] ? at[i] < at[j] : items[i].id < items[j].id;
  }));
}

}  // namespace eventloom::merge_detail
