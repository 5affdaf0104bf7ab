// What the tests share: running the CLI in-process, a temporary directory
// removed at the end of the test, reading a file whole, the shared corpora,
// and skipping a test that cannot run here.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "eventloom/pipeline.hpp"
#include "skip.hpp"

namespace test_support {

struct Result {
  int code;
  std::string out, err;
};

// `eventloom ARGS...` through cli::run, with what it printed.
inline Result run(std::vector<std::string> args) {
  std::ostringstream out, err;
  int code = eventloom::cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("eventloom-test-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  // Writes `content` to `name` (creating its folders) and gives the path.
  std::string file(const std::string& name, const std::string& content) const {
    std::filesystem::path p = path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

// ---- the shared corpora ---------------------------------------------------------
//
// Test cases that read them carry the tag [shared]. They are found under
// $EVENTLOOM_SHARED_DIR when it is set, else under the directory CMake was
// given (the cache variable EVENTLOOM_SHARED_DIR: ../shared beside the clone).
inline std::filesystem::path shared_dir() {
  const char* env = std::getenv("EVENTLOOM_SHARED_DIR");
  return (env && *env) ? env : EVENTLOOM_SHARED_DIR;
}

// The files with extension `ext` directly in shared_dir()/`folder`, sorted;
// none when it is missing.
inline std::vector<std::string> shared_files(const std::string& folder, const std::string& ext) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(shared_dir() / folder, ec))
    if (e.path().extension() == ext) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The invented articles of examples/.
inline std::string examples_dir() { return std::string(EVENTLOOM_SOURCE_DIR) + "/examples"; }

// The corpus of examples/, built once per test executable (two threads).
inline const eventloom::Corpus& examples_corpus() {
  static eventloom::Corpus c = [] {
    eventloom::BuildOptions opt;
    opt.jobs = 2;
    return eventloom::build_corpus({examples_dir()}, opt).corpus;
  }();
  return c;
}

}  // namespace test_support
