// Reading the store's article layer back into DocExtractions, for the whole
// store (read_sqlite_file) or for some of its documents (SqliteStore::slice),
// and opening a store with its checks.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "eventloom/corpus.hpp"
#include "store/lists.hpp"
#include "store/sqlite.hpp"

namespace eventloom::store {

// Open `path` read-only as an eventloom store: an SQLite file, not
// truncated, of a schema version this build reads, with the format marker.
// Throws SqlError with the reason (the caller names the file).
std::unique_ptr<Db> open_store(const std::string& path);

// A message for a failure reading `path`: SQLite's own words for a damaged
// file made plain.
std::string describe_failure(const std::string& what);

class DocReader {
 public:
  // `full`: every part of each document; otherwise what a picture needs
  // (the document, its sources, local actors, statements and events).
  DocReader(Db& db, bool full);
  ~DocReader();
  struct Doc {
    int64_t row = 0;              // documents.doc
    DocExtraction x;
    std::vector<uint32_t> actor_of;  // corpus actor of each local actor
    bool damaged = false;         // a list that did not parse, an index out of range: read without extraction
  };
  // Documents with row in [lo, hi), in order.
  void read(int64_t lo, int64_t hi, const std::function<void(Doc&)>& fn);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventloom::store
