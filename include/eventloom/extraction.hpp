// What extraction finds in one article.
//
// extract_document() is a pure function of one Document: it runs in parallel
// over articles. Extractors work on the normalised text (AnnotatedText); the
// DocExtraction it returns holds offsets into the article's original text, so
// it stands alone: it is what the JSON store keeps and reads back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eventloom/document.hpp"
#include "eventloom/interned.hpp"
#include "eventloom/time.hpp"

namespace eventloom {

enum class ActorType : uint8_t { Person, Org, Gpe, Loc };
const char* to_string(ActorType t);  // "PERSON", "ORG", "GPE", "LOC"

// An actor as one article knows it.
struct LocalActor {
  Interned name;                       // the fullest form seen in the article
  ActorType type = ActorType::Person;
  std::vector<Interned> aliases;       // every surface form
  std::vector<Interned> roles;         // "Kremlin spokesman"
  std::vector<uint32_t> affiliations;  // indices of other LocalActors
  Interned key;                        // alias key for merging across articles
};

struct Mention {
  uint32_t actor = 0;  // index into DocExtraction::actors
  Span span;
};

enum class StatementKind : uint8_t { Direct, Indirect };
const char* to_string(StatementKind k);

// The fields of LocalStatement and LocalEvent are in an order that wastes no
// padding (a build of Reuters-21578 holds 57,000 and 124,000 of them).
struct LocalStatement {
  std::vector<uint32_t> mentions;   // actors named in the content
  Interned date;                    // TIMEX3 value, empty when none
  std::optional<uint32_t> speaker;  // index into DocExtraction::actors
  std::optional<Span> speaker_span;
  Span content;                     // the quoted or reported words
  std::optional<Span> cue;          // the reporting verb
  StatementKind kind = StatementKind::Direct;
  bool date_from_publication = false;
};

enum class ParticipantRole : uint8_t { Source, Target, Other };
const char* to_string(ParticipantRole r);

struct Participant {
  uint32_t actor = 0;  // index into DocExtraction::actors
  ParticipantRole role = ParticipantRole::Other;
};

struct LocalEvent {
  Interned type;      // CAMEO root, "04 CONSULT"
  Span trigger;
  Span sentence;      // the evidence sentence
  Interned date;      // TIMEX3 value, empty when none
  Interned modality = "asserted";  // asserted, hypothetical, future, negated
  std::vector<Participant> participants;
  bool date_from_publication = false;
  bool from_statement = false;  // the act of making one of the article's statements
};

// Everything found in one article. Spans are offsets into doc.text.
struct DocExtraction {
  Document doc;
  std::vector<Timex> timexes;
  std::vector<LocalActor> actors;
  std::vector<Mention> mentions;
  std::vector<LocalStatement> statements;
  std::vector<LocalEvent> events;
};

struct ExtractOptions {
  bool infer_dates = true;  // date undated articles from their text
};

DocExtraction extract_document(Document doc, const ExtractOptions& opt = {});

}  // namespace eventloom
