// Events: typed with CAMEO root codes, dated, with source and target actors.
#pragma once

#include <optional>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "eventloom/actors.hpp"
#include "eventloom/extraction.hpp"
#include "eventloom/text.hpp"
#include "eventloom/time.hpp"

namespace eventloom {

struct EventInput {
  const AnnotatedText& text;
  const ActorExtraction& actors;
  const std::vector<Timex>& timexes;
  const std::vector<LocalStatement>& statements;
  std::optional<boost::gregorian::date> dct;
  // Tags, names and, on request, dependency trees (Analysis::parse); may be
  // null (then the stage reads the tokens alone).
  const Analysis* analysis = nullptr;
};

// Spans in the returned events are in the normalised text.
std::vector<LocalEvent> find_events(const EventInput& in);

}  // namespace eventloom
