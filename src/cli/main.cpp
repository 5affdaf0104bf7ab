#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/cli.hpp"

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // One malloc arena for the process, before any thread starts. glibc gives
  // each extraction thread an arena of its own, and the pages an article's
  // scratch frees in one stay there, out of the other's reach: a build of
  // Reuters-21578 on two threads peaked 4.8 MB higher (155.2 against 150.1
  // MB). The workers hardly contend for it: an article's extraction spends
  // its time scoring models, not allocating (docs/benchmarks.md, issue 19).
  mallopt(M_ARENA_MAX, 1);
#endif
  std::vector<std::string> args(argv + 1, argv + argc);
  return eventloom::cli::run(args, std::cout, std::cerr);
}
