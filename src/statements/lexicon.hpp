// The word lists of the statements stage, read once from the data files in
// src/statements/data/ (compiled in). Lookups fold ASCII case into a stack
// buffer, so they allocate nothing; the keys are views into the embedded data.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "statements/saying.hpp"
#include "util/hash.hpp"

namespace eventloom::statements {

enum class PronounClass : uint8_t { None, Person, Group };
enum class Gender : uint8_t { Unknown, Female, Male };
// What must follow a framing verb for its object to be reported content.
enum class Framing : uint8_t { None, As, Against, Object };
// What a reporting noun introduces: "claim that ...", "pledges to ...".
enum class NounCue : uint8_t { None, That, To };

class Lexicon {
 public:
  static const Lexicon& get();

  VerbClass verb(std::string_view w) const;
  PronounClass pronoun(std::string_view w) const;
  bool determiner(std::string_view w) const { return has(determiners_, w); }
  bool np_link(std::string_view w) const { return find(links_, w) == 1; }
  // Also "in", which joins a speaker's noun phrase only before its verb.
  bool np_link_before(std::string_view w) const { return has(links_, w); }
  bool pre_verb(std::string_view w) const { return has(pre_verb_, w); }
  bool stopword(std::string_view w) const { return has(stop_, w); }
  bool auxiliary(std::string_view w) const { return has(aux_, w); }
  bool light_verb(std::string_view w) const { return has(light_, w); }
  Framing framing(std::string_view w) const { return static_cast<Framing>(find(framing_, w)); }
  NounCue noun_cue(std::string_view w) const { return static_cast<NounCue>(find(nouns_, w)); }
  // The gender a given name or title usually carries ("Olena", "Mrs").
  Gender gender(std::string_view w) const { return static_cast<Gender>(find(gender_, w)); }
  // The gender a pronoun asks for ("she": Female; "they": Unknown).
  static Gender pronoun_gender(std::string_view w);
  // A noun for a person's role ("diplomat", "spokeswoman") and the gender
  // it carries, if any.
  bool person_noun(std::string_view w) const { return has(person_nouns_, w); }
  Gender person_noun_gender(std::string_view w) const {
    uint8_t v = find(person_nouns_, w);
    return v > 1 ? static_cast<Gender>(v - 1) : Gender::Unknown;
  }

 private:
  Lexicon();
  using Map = std::unordered_map<std::string_view, uint8_t, util::WordHash>;
  static bool has(const Map& m, std::string_view w);
  static uint8_t find(const Map& m, std::string_view w);
  Map verbs_, pronouns_, determiners_, links_, pre_verb_, stop_, aux_, light_, framing_, nouns_, gender_, person_nouns_;
};

}  // namespace eventloom::statements
