// The word lists of the statements stage, read once from the data files in
// src/statements/data/ (compiled in). Lookups fold ASCII case into a stack
// buffer, so they allocate nothing; the keys are views into the embedded data.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace eventloom::statements {

enum class VerbClass : uint8_t { None, Say, Tell, Weak };
enum class PronounClass : uint8_t { None, Person, Group };

class Lexicon {
 public:
  static const Lexicon& get();

  VerbClass verb(std::string_view w) const;
  PronounClass pronoun(std::string_view w) const;
  bool determiner(std::string_view w) const { return has(determiners_, w); }
  bool np_link(std::string_view w) const { return has(links_, w); }
  bool pre_verb(std::string_view w) const { return has(pre_verb_, w); }
  bool stopword(std::string_view w) const { return has(stop_, w); }

 private:
  Lexicon();
  using Map = std::unordered_map<std::string_view, uint8_t>;
  static bool has(const Map& m, std::string_view w);
  static uint8_t find(const Map& m, std::string_view w);
  Map verbs_, pronouns_, determiners_, links_, pre_verb_, stop_;
};

}  // namespace eventloom::statements
