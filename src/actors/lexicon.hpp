// The actors stage's lexicons and gazetteers, read once from the data files
// compiled in from src/actors/data/ (see each file's header for its format).
//
// Phrases are matched on folded tokens (lower case, accents removed) joined
// by single spaces, with the possessive "'s" as a token of its own, the way
// the text layer tokenises ("Ukraine 's parliament"). Everything here is
// built on first use (a function-local static) and read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eventloom/extraction.hpp"

namespace eventloom::actors {

enum class GazKind : uint8_t {
  Country,   // a country name or short form: a GPE mention
  Capital,   // a capital: the country when used for its government, else a place
  Demonym,   // "Russian": a modifier (affiliation), never a mention alone
  Org,       // an organisation or a building that stands for one
  Place,     // a place that is only a location
  NotActor,  // a product, weapon or event name: covered, never an actor
};

struct GazEntry {
  std::string canonical;
  GazKind kind = GazKind::Place;
  std::string country;  // canonical country of a capital, demonym or org ("" none)
};

struct Lexicon {
  std::vector<GazEntry> entries;
  std::unordered_map<std::string, uint32_t> phrases;  // folded phrase -> entry
  uint32_t max_phrase_tokens = 1;
  std::unordered_map<std::string, std::string> country_of_name;  // folded alias -> canonical
  // A place's phrase key -> the canonical country it lies in (places.txt
  // "Name|Country"): where an act against the place is one against the state.
  std::unordered_map<std::string, std::string> place_country;
  std::unordered_set<std::string> role_words;  // every word of a role or title
  std::unordered_set<std::string> role_heads;  // the roles themselves (single words and phrases)
  std::unordered_set<std::string> titles;      // "mr", "president", "gen."
  std::unordered_set<std::string> say_verbs;
  std::unordered_set<std::string> nonname;
  std::unordered_set<std::string> org_words;
  std::unordered_set<std::string> legal_suffixes;  // "inc", "corp", "plc": a company's name ends there
  std::unordered_set<std::string> event_words;
  std::unordered_set<std::string> place_words;  // "Gulf", "Coast", "Square": a run ending so is a place
  std::unordered_set<std::string> thing_nouns;  // "rig", "ship": a name before one is a thing  // "Conference", "War": a run ending so is no actor
  std::unordered_set<std::string> holder_heads;   // "administration": a person's name before one is still theirs
  std::unordered_set<std::string> demonym_nouns;  // "officials", "side": what follows a nationality adjective
  std::unordered_map<std::string, std::string> given;  // folded variant -> folded canonical form
};

const Lexicon& lexicon();

// Folded key of a phrase as the matcher sees it: "Ukraine's  Parliament" ->
// "ukraine 's parliament".
std::string phrase_key(std::string_view phrase);

}  // namespace eventloom::actors
