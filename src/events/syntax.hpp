// What a trigger's dependency tree says about it (events phase 3, on the
// parse of analyse.hpp): its actor arguments and its modality.
//
// Arguments. A verb's source is its subject (nsubj), or the obl:agent of a
// passive; its target the direct or indirect object, a passive's subject,
// or the object of a party preposition (data/syntax.txt: "talks with X",
// "sanctions on X"). A verb without its own subject takes its controller's
// (xcomp: "urged X to withdraw" -> X; "plans to attack" -> the planner), its
// first conjunct's ("attacked X and seized Y"), or, in a relative clause
// whose pronoun is the subject, the noun it modifies; a participle clause
// ("..., killing two") the subject of its head. A noun's source is its
// possessor, a name or demonym before it ("Russian strike", "US sanctions")
// or its "by" phrase, else, as the object of a light verb ("launched an
// attack", "held talks"), that verb's subject; its target "of X" or a party
// preposition's object. Coordinated arguments ("X and Y met") each count.
//
// Modality. A negation on the trigger or on what it hangs on; an auxiliary
// (would, could, will); an "if" clause; a governing word ("plans to",
// "wants to", "ready for"); a "possible" or "planned" before a noun. A
// question is no event.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "eventloom/analyse.hpp"
#include "eventloom/extraction.hpp"

namespace eventloom::events {

enum class Modality : uint8_t { Asserted, Future, Hypothetical, Negated };
std::string_view to_string(Modality m);  // "asserted", "future", "hypothetical", "negated"

struct TreeArg {
  ParticipantRole role = ParticipantRole::Other;
  // Tokens that may name the argument's actor, best first: its head word,
  // then the words that make its name or stand for its owner ("Russian
  // forces", "the leaders of X", "Ukraine's parliament").
  std::vector<uint32_t> tokens;
  // The head is a pronoun: 1 for a person ("he", "she"), 2 for a group
  // ("it", "they"); to be resolved to the actor named before.
  uint8_t pronoun = 0;
  // A name or demonym before a noun ("Russian strike", "Ukraine conflict"):
  // the actor of an act, but only the place or side of a situation.
  bool modifier = false;
  // The subject of the clause a noun trigger is an adjunct of ("At talks
  // with X, Y said ..."): its source only for an act one attends (the
  // caller knows the act's type: 04 CONSULT).
  bool host = false;
  // The head is "this" or "that" standing alone ("viewed this as an
  // escalation"): the act reported just before, whose doer it names.
  bool demonstrative = false;
};

struct TreeReading {
  bool found = false;  // the trigger's words are in the tree
  bool noun = false;   // its head is a noun
  bool question = false;
  Modality modality = Modality::Asserted;
  std::vector<TreeArg> args;
  uint32_t head_token = 0;  // the token of the trigger's head word
  // A noun that a light verb takes ("test launches were conducted in May"):
  // the verb's date is the noun's.
  bool light = false;
  // The pattern names dependents the trigger must have ("ask" appeals only
  // with "to" or "for": "asked X to leave"; not "asked about X") and it has none.
  bool frame_missing = false;
  // A verb used as an adjective ("the frozen assets", "occupied land"): a
  // state, no act.
  bool attributive = false;
};

// Reads the tree of sentence s for the trigger on tokens [first, last).
// `lemma` is the pattern's first word ("ask"), for the dependents it needs.
TreeReading read_tree(const AnnotatedText& at, const Analysis& a, uint32_t s, uint32_t first, uint32_t last,
                      std::string_view lemma = {});

// Verbs of characterising ("called the strike an escalatory step", "cast
// the war as a land-grab"): the CAMEO root (data/syntax.txt "frame") when
// word `tok` is one with an object and a predicate that a "negative" word
// heads or qualifies; else 0.
uint8_t characterising_code(const AnnotatedText& at, const Analysis& a, uint32_t s, uint32_t tok);

// Whether a lower-case word says that something must be done ("must",
// "should"; data/syntax.txt "demand").
bool is_demand_word(std::string_view lower);

}  // namespace eventloom::events
