// Shared pieces of the training tool: a deterministic shuffle and file IO.
#pragma once

#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analyse/conllu.hpp"

namespace eventloom::train {

// splitmix64: the same sequence on every machine and library, unlike std::shuffle.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
};

template <typename T>
void shuffle(std::vector<T>& v, uint64_t seed) {
  Rng r{seed};
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[r.next() % i]);
}

inline std::vector<conllu::Sentence> read_conllu_or_die(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "eventloom_train: cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<conllu::Sentence> out;
  std::string err;
  if (!conllu::read(in, out, &err)) {
    std::cerr << "eventloom_train: " << path << ": " << err << "\n";
    std::exit(1);
  }
  return out;
}

inline std::string read_file_or_die(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "eventloom_train: cannot read " << path << "\n";
    std::exit(1);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file_or_die(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << bytes;
    if (!out) {
      std::cerr << "eventloom_train: cannot write " << tmp << "\n";
      std::exit(1);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::cerr << "eventloom_train: cannot rename " << tmp << "\n";
    std::exit(1);
  }
}

// A model file read and parsed, or the tool stops naming the file. `bytes`
// keeps what the model was read from.
template <typename Model>
Model load_or_die(const std::string& path, std::string& bytes) {
  bytes = read_file_or_die(path);
  std::string err;
  auto m = Model::parse(bytes, &err);
  if (!m) {
    std::cerr << "eventloom_train: " << path << ": " << err << "\n";
    std::exit(1);
  }
  return std::move(*m);
}

}  // namespace eventloom::train
