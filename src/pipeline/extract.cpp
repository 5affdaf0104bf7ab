// extract_document: one article through every extractor, spans mapped back
// to the article's original text at the end.
#include "eventloom/actors.hpp"
#include "eventloom/analyse.hpp"
#include "eventloom/events.hpp"
#include "eventloom/extraction.hpp"
#include "eventloom/statements.hpp"
#include "eventloom/time.hpp"
#include "analyse/models.hpp"

namespace eventloom {

const char* to_string(ActorType t) {
  switch (t) {
    case ActorType::Person: return "PERSON";
    case ActorType::Org: return "ORG";
    case ActorType::Gpe: return "GPE";
    case ActorType::Loc: return "LOC";
  }
  return "PERSON";
}


const char* to_string(ParticipantRole r) {
  switch (r) {
    case ParticipantRole::Source: return "source";
    case ParticipantRole::Target: return "target";
    case ParticipantRole::Other: return "other";
  }
  return "other";
}

DocExtraction extract_document(Document doc, const ExtractOptions& opt) {
  analyse::ModelUse use;  // the models stay loaded until this article is done
  AnnotatedText at = analyze(doc);
  if (!doc.published && opt.infer_dates) {
    PublicationDateGuess guess = infer_publication_date(at);
    if (guess.date) {
      doc.published = guess.date;
      doc.published_from = DateSource::Text;
      doc.published_evidence = guess.evidence;
    }
  }
  DocExtraction x;
  x.timexes = tag_times(at, TimeOptions{doc.published});
  Analysis analysis = analyse_article(at);
  ActorExtraction actors = find_actors(at, analysis);
  x.statements = find_statements(StatementInput{at, actors, x.timexes, doc.published, &analysis});
  x.events = find_events(EventInput{at, actors, x.timexes, x.statements, doc.published, &analysis});
  x.actors = std::move(actors.actors);
  x.mentions = std::move(actors.mentions);

  const NormText& n = at.norm;
  for (Timex& t : x.timexes) t.span = n.to_original(t.span);
  for (Mention& m : x.mentions) m.span = n.to_original(m.span);
  for (LocalStatement& s : x.statements) {
    s.content = n.to_original(s.content);
    if (s.speaker_span) s.speaker_span = n.to_original(*s.speaker_span);
    if (s.cue) s.cue = n.to_original(*s.cue);
  }
  for (LocalEvent& e : x.events) {
    e.trigger = n.to_original(e.trigger);
    e.sentence = n.to_original(e.sentence);
  }
  x.doc = std::move(doc);
  // Every article's extraction stays in memory until the corpus is written:
  // give back what the vectors grew beyond their size.
  x.timexes.shrink_to_fit();
  x.actors.shrink_to_fit();
  x.mentions.shrink_to_fit();
  x.statements.shrink_to_fit();
  x.events.shrink_to_fit();
  return x;
}

}  // namespace eventloom
