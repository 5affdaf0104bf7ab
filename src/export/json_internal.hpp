// What the JSON store and the SQLite store (src/store/) share, so that both
// keep and read back an article's extraction the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eventloom/time.hpp"

#include "eventloom/extraction.hpp"

namespace eventloom::detail {

// The enum value whose to_string() is `s`, else `fallback`.
template <class E, size_t N>
E parse_enum(std::string_view s, const E (&values)[N], E fallback) {
  for (E v : values)
    if (s == to_string(v)) return v;
  return fallback;
}

constexpr ActorType kActorTypes[] = {ActorType::Person, ActorType::Org, ActorType::Gpe, ActorType::Loc};
constexpr StatementKind kKinds[] = {StatementKind::Direct, StatementKind::Indirect};
constexpr ParticipantRole kRoles[] = {ParticipantRole::Source, ParticipantRole::Target, ParticipantRole::Other};
constexpr TimexType kTimexTypes[] = {TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set};
constexpr ParagraphKind kParagraphKinds[] = {ParagraphKind::Title, ParagraphKind::Standfirst, ParagraphKind::Caption,
                                             ParagraphKind::Byline, ParagraphKind::Body, ParagraphKind::Template};
constexpr DateSource kDateSources[] = {DateSource::None, DateSource::Metadata, DateSource::Dateline, DateSource::Text};

// A temporary file beside `path` (its folder made when missing), for a
// write that renames it over `path` when complete; empty `error` when it can
// be written.
struct TempBeside {
  std::string tmp, error;
};
TempBeside temp_beside(const std::string& path);

// `s` as a JSON string literal, appended to `out` (json.cpp's escaping).
void append_json_string(std::string& out, std::string_view s);

// The pieces of an article's text its extraction points into (statement
// contents, speakers and cues, event triggers and sentences, mentions, time
// expressions), sorted, overlapping ones merged: what a store written
// without texts (--no-text) keeps.
std::vector<Span> text_piece_spans(const DocExtraction& x);

// Local indices point inside the article (a store edited by hand, or
// damaged, must not make later stages index out of range).
bool extraction_indices_valid(const DocExtraction& x);

}  // namespace eventloom::detail
