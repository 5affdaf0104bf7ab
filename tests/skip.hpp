// Skipped tests. A test that needs what this machine does not have (the
// shared corpora beside the clone) is skipped, never passed: SKIP_TEST says
// why and returns, and test_main.cpp then exits with kSkipReturnCode, which
// CTest (SKIP_RETURN_CODE in tests/CMakeLists.txt) reports as "Skipped". A
// failed check in the same run still fails it.
#pragma once

#include <catch2/catch.hpp>

namespace test_support {

constexpr int kSkipReturnCode = 4;

// How many times this run skipped (one counter for the whole executable).
inline int& skipped_count() {
  static int n = 0;
  return n;
}

}  // namespace test_support

// Marks the running test case skipped, saying why (a stream expression), and
// carries on; SKIP_TEST also leaves it.
#define SKIP_PART(why)                 \
  do {                                 \
    WARN("SKIPPED: " << why);          \
    ++::test_support::skipped_count(); \
  } while (false)
#define SKIP_TEST(why) \
  do {                 \
    SKIP_PART(why);    \
    return;            \
  } while (false)
