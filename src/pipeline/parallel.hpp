// parallel_for: run fn(i) for every i in [0, n) on a few threads.
//
// Workers take the next index from an atomic counter, so each index runs
// exactly once; fn must only write to state owned by its index (a slot in a
// pre-sized vector), which keeps results independent of the thread count.
#pragma once

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace eventloom {

// Threads to use for `n` items when the caller asked for `jobs` (0: all cores).
inline unsigned worker_count(size_t n, unsigned jobs = 0) {
  unsigned j = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<size_t>(j, std::max<size_t>(n, 1)));
}

template <typename Fn>
void parallel_for(size_t n, unsigned jobs, Fn&& fn) {
  unsigned threads = worker_count(n, jobs);
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// Returns the pages left free inside the heap (by a finished stage's working
// tables, or the workers' per-article scratch) to the system: glibc keeps
// them otherwise, and the next stage's growth would add to them.
inline void give_back_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace eventloom
