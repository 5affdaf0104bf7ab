// Interned: a string kept once for the whole process, held by pointer.
//
// The fields that take a few values over and over (an event's CAMEO type and
// modality, a TIMEX3 date) were a std::string each: 32 bytes in every event
// and statement, and a heap copy besides for the types longer than 15
// characters ("03 EXPRESS INTENT TO COOPERATE"). An Interned is 8 bytes and
// reads as a const std::string&, so code that reads these fields is the
// same; equal strings share one copy, which lives until the process ends.
// Also the strings that repeat across articles: a source's file name, the
// local actors' names, aliases, roles and keys (Reuters-21578: 81,000 of them,
// 40,000 distinct; the pool held 7 MB at the build's peak, where the copies
// took 13 MB).
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace eventloom {

class Interned {
 public:
  Interned() : s_(&empty_string()) {}
  Interned(std::string_view s) : s_(s.empty() ? &empty_string() : &intern(s)) {}  // NOLINT: implicit by design
  Interned(const std::string& s) : Interned(std::string_view(s)) {}              // NOLINT
  Interned(const char* s) : Interned(std::string_view(s)) {}                     // NOLINT

  const std::string& str() const { return *s_; }
  operator const std::string&() const { return *s_; }  // NOLINT
  operator std::string_view() const { return *s_; }    // NOLINT

  std::string::const_iterator begin() const { return s_->begin(); }
  std::string::const_iterator end() const { return s_->end(); }
  bool empty() const { return s_->empty(); }
  size_t size() const { return s_->size(); }
  const char* data() const { return s_->data(); }
  const char* c_str() const { return s_->c_str(); }
  void clear() { s_ = &empty_string(); }
  template <typename... A>
  int compare(A&&... a) const { return s_->compare(std::forward<A>(a)...); }
  template <typename... A>
  size_t find(A&&... a) const { return s_->find(std::forward<A>(a)...); }
  template <typename... A>
  size_t rfind(A&&... a) const { return s_->rfind(std::forward<A>(a)...); }
  std::string substr(size_t pos = 0, size_t n = std::string::npos) const { return s_->substr(pos, n); }

  // Equal strings are the same pointer.
  friend bool operator==(const Interned& a, const Interned& b) { return a.s_ == b.s_; }
  friend bool operator!=(const Interned& a, const Interned& b) { return a.s_ != b.s_; }
  friend bool operator<(const Interned& a, const Interned& b) { return *a.s_ < *b.s_; }
  friend bool operator==(const Interned& a, std::string_view b) { return *a.s_ == b; }
  friend bool operator!=(const Interned& a, std::string_view b) { return *a.s_ != b; }
  friend bool operator==(std::string_view a, const Interned& b) { return a == *b.s_; }
  friend bool operator!=(std::string_view a, const Interned& b) { return a != *b.s_; }
  friend bool operator==(const Interned& a, const std::string& b) { return *a.s_ == b; }
  friend bool operator!=(const Interned& a, const std::string& b) { return *a.s_ != b; }
  friend bool operator==(const std::string& a, const Interned& b) { return a == *b.s_; }
  friend bool operator!=(const std::string& a, const Interned& b) { return a != *b.s_; }
  friend bool operator==(const Interned& a, const char* b) { return *a.s_ == b; }
  friend bool operator!=(const Interned& a, const char* b) { return *a.s_ != b; }
  friend std::string operator+(const std::string& a, const Interned& b) { return a + *b.s_; }
  friend std::string operator+(const Interned& a, const std::string& b) { return *a.s_ + b; }
  friend std::string operator+(const char* a, const Interned& b) { return a + *b.s_; }
  friend std::string operator+(const Interned& a, const char* b) { return *a.s_ + b; }
  friend std::ostream& operator<<(std::ostream& o, const Interned& s) { return o << *s.s_; }

 private:
  static const std::string& empty_string();
  static const std::string& intern(std::string_view s);
  const std::string* s_;
};

}  // namespace eventloom

template <>
struct std::hash<eventloom::Interned> {
  size_t operator()(const eventloom::Interned& s) const { return std::hash<std::string>()(s.str()); }
};
