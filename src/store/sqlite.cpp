#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace eventloom::store {

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s_, nullptr);
  if (rc != SQLITE_OK) throw SqlError(sqlite3_errmsg(db));
}

Stmt::~Stmt() { sqlite3_finalize(s_); }

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(s_);
    db_ = o.db_;
    s_ = o.s_;
    o.s_ = nullptr;
  }
  return *this;
}

void Stmt::check(int rc) const {
  if (rc != SQLITE_OK) throw SqlError(sqlite3_errmsg(db_));
}

Stmt& Stmt::bind(int i, int64_t v) {
  check(sqlite3_bind_int64(s_, i, v));
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  check(sqlite3_bind_double(s_, i, v));
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  check(sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}
Stmt& Stmt::bind_static(int i, std::string_view v) {
  check(sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  check(sqlite3_bind_null(s_, i));
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string msg = sqlite3_errmsg(db_);
  sqlite3_reset(s_);
  throw SqlError(msg);
}

void Stmt::run() {
  step();
  reset();
}

void Stmt::reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

int64_t Stmt::i64(int col) const { return sqlite3_column_int64(s_, col); }
uint32_t Stmt::u32(int col) const {
  int64_t v = i64(col);
  return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(v);
}
double Stmt::real(int col) const { return sqlite3_column_double(s_, col); }
bool Stmt::null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
std::string_view Stmt::text(int col) const {
  const unsigned char* p = sqlite3_column_text(s_, col);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s_, col)));
}

Db::Db(const std::string& path, bool write) {
  int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqlError(msg);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(const std::string& sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : sqlite3_errmsg(db_);
    sqlite3_free(msg);
    throw SqlError(m);
  }
}

int64_t Db::scalar(std::string_view sql) {
  Stmt s = prepare(sql);
  return s.step() ? s.i64(0) : 0;
}

std::string check_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char h[100] = {};
  if (!in.read(reinterpret_cast<char*>(h), sizeof h)) return "shorter than an SQLite header (truncated?)";
  if (std::string_view(reinterpret_cast<const char*>(h), 16) != kSqliteMagic) return "not an SQLite database";
  uint64_t page = (uint64_t{h[16]} << 8) | h[17];
  if (page == 1) page = 65536;
  uint64_t pages = (uint64_t{h[28]} << 24) | (uint64_t{h[29]} << 16) | (uint64_t{h[30]} << 8) | h[31];
  // The page count is only valid when the "version-valid-for" number equals
  // the change counter (SQLite 3.7.0 on always writes them so).
  if (std::memcmp(h + 24, h + 92, 4) != 0) return {};
  std::error_code ec;
  uint64_t size = std::filesystem::file_size(path, ec);
  if (!ec && pages && size < page * pages)
    return fmt::format("truncated: {} bytes of the {} its header names", size, page * pages);
  return {};
}

}  // namespace eventloom::store
