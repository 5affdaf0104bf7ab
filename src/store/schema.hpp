// The store's schema, compiled in from src/store/data/schema.sql (which
// docs/schema.sql links to): the tables, then the indexes and the version,
// which the writer runs once the rows are in.
#pragma once

#include <string>

namespace eventloom::store {

struct Schema {
  std::string tables;
  std::string indexes;  // from the "-- Indexes" line on, with PRAGMA user_version
};
Schema schema();

}  // namespace eventloom::store
