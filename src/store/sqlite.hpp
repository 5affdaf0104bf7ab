// A thin RAII layer over SQLite's C API, for the store (src/store/*.cpp):
// a connection, prepared statements with typed binds and columns, and one
// exception type for every failure, caught at the library's boundary
// (read_sqlite_file, write_sqlite, SqliteStore) and turned into a message
// naming the file.
//
// The C API directly rather than SQLiteCpp: the store needs a dozen calls
// (open, prepare, bind, step, column, finalize), the C API is what Debian's
// libsqlite3-dev and every install of SQLite provide, and the installed
// eventloom package then needs no further dependency than SQLite itself.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace eventloom::store {

struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binds are 1-based, as in SQLite; text is copied (SQLITE_TRANSIENT) unless
  // bind_static() promises it lives until the next step().
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind_static(int i, std::string_view v);
  Stmt& bind_null(int i);
  Stmt& bind_opt(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }
  Stmt& bind_u(int i, uint64_t v) { return bind(i, static_cast<int64_t>(v)); }

  // True while there is a row; false when done. Throws on error.
  bool step();
  // An INSERT or UPDATE: step, then reset for the next row.
  void run();
  void reset();

  int64_t i64(int col) const;
  uint32_t u32(int col) const;  // clamped to [0, UINT32_MAX]
  double real(int col) const;
  bool null(int col) const;
  std::string_view text(int col) const;  // valid until the next step()
  std::string str(int col) const { return std::string(text(col)); }

 private:
  void check(int rc) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

class Db {
 public:
  // Throws SqlError when the file cannot be opened.
  Db(const std::string& path, bool write);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  void exec(const std::string& sql);
  Stmt prepare(std::string_view sql) { return Stmt(db_, sql); }
  int64_t scalar(std::string_view sql);  // the first column of the first row, 0 if none

 private:
  sqlite3* db_ = nullptr;
};

// The 16 bytes every SQLite 3 database starts with.
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

// Why the file at `path` is not a complete SQLite database by its header
// (shorter than the header says: truncated), or empty when it looks whole.
std::string check_header(const std::string& path);

}  // namespace eventloom::store
