// Statements: direct and indirect quotes with their speakers.
//
// find_statements() pairs the quotation spans of the text layer and the
// reporting clauses around them ("..., X said." / X said: "..." / according
// to X) with a speaker among the article's actors, dates each statement by
// the time expression that governs its reporting verb (else the publication
// date), and lists the actors its content names.
#pragma once

#include <optional>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "eventloom/actors.hpp"
#include "eventloom/extraction.hpp"
#include "eventloom/text.hpp"
#include "eventloom/time.hpp"

namespace eventloom {

struct StatementInput {
  const AnnotatedText& text;
  const ActorExtraction& actors;
  const std::vector<Timex>& timexes;
  std::optional<boost::gregorian::date> dct;
  // Tags, names and, on request, dependency trees (Analysis::parse); may be
  // null (then the stage reads the tokens alone).
  const Analysis* analysis = nullptr;
};

// Spans in the returned statements are in the normalised text.
std::vector<LocalStatement> find_statements(const StatementInput& in);

}  // namespace eventloom
