// What the end-to-end tests share: running the CLI in-process, a temporary
// directory removed at the end of the test, reading a file whole.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

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

}  // namespace test_support
