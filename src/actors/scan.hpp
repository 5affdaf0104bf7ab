// Pass 1 of find_actors() (find.cpp): the candidates of an article, read
// sentence by sentence (scan.cpp), and what pass 2 reads of them. Internal
// to src/actors/; the passes are described at the top of find.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/lexicon.hpp"
#include "eventloom/analyse.hpp"
#include "eventloom/text.hpp"

namespace eventloom::actors {

enum class Guess : uint8_t { Person, Org, Gpe, Loc, Unknown };

struct Candidate {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  Span span;
  Guess guess = Guess::Unknown;
  const GazEntry* gaz = nullptr;
  bool gov = false;          // a capital used for its government
  bool person_cue = false;
  bool headline = false;
  bool caps_headline = false;  // a headline the tagger reads (in capitals, or not in title case)
  bool acting = false;         // a verb of saying or acting follows ("Brask said")
  std::string name;          // surface name (the span, or name + "administration")
  std::string acronym_of;    // "(CNS)" right after "Council of Northern States": that name
  std::string country;       // the country of a demonym in its role ("Fooian President X")
  std::string role;
  Span role_span;            // modifiers and apposition: where affiliations are
  Span apposition;
};

// What the word lists say of a token (scan.cpp builds one table of them).
enum WordBit : uint32_t {
  kGivenName = 1u << 0,
  kDemonymNoun = 1u << 1,
  kTitle = 1u << 2,
  kRoleWord = 1u << 3,
  kNonname = 1u << 4,
  kOrgWord = 1u << 5,
  kPlaceWord = 1u << 6,
  kRoleHead = 1u << 7,
  kSayVerb = 1u << 8,
  kThingNoun = 1u << 9,
  kEventWord = 1u << 10,
  kLocative = 1u << 12,    // "in", "near", "from"
  kGovVerb = 1u << 13,     // "Moscow said", "Kyiv wants": a capital acting
  kOrgNoun = 1u << 14,     // "the Fooville newspaper"
  kLegalSuffix = 1u << 15, // "Inc", "Corp": a company's name ends there
};

// fold() with a fast path for ASCII (most words), where folding is lower-casing.
void fold_into(std::string& out, std::string_view s);
std::string folded_copy(std::string_view s);

class ArticleScanner;  // scan.cpp

// Pass 1 over one article: its candidates, and the folded form and word
// bits of each token, which pass 2 reads too.
class Scan {
 public:
  Scan(const AnnotatedText& at, const Analysis& an);
  ~Scan();
  Scan(const Scan&) = delete;
  Scan& operator=(const Scan&) = delete;

  std::vector<Candidate> scan();
  std::string_view folded(uint32_t k) const;
  bool is(uint32_t k, uint32_t bit) const;

 private:
  std::unique_ptr<ArticleScanner> s_;
};

}  // namespace eventloom::actors
