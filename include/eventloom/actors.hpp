// Actors: people, organisations and countries named in an article.
//
// find_actors() builds actors on the names the learned name tagger finds
// (analyse.hpp), with the gazetteers compiled in from data files on top
// (countries and demonyms, capitals and buildings that stand for
// governments, international organisations: canonical names, a capital
// acting for its government, a known organisation the tagger missed) and
// the cues around a name (a role before it, an apposition, a verb of
// saying), resolves later mentions in the same article ("Peskov",
// "the Kremlin spokesman") to the actor first named in full, and gives each
// actor an alias key that survives transliteration for merging across
// articles (actor_key()).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eventloom/analyse.hpp"
#include "eventloom/extraction.hpp"
#include "eventloom/text.hpp"

namespace eventloom {

struct ActorExtraction {
  std::vector<LocalActor> actors;
  std::vector<Mention> mentions;  // spans in the normalised text, sorted
};

ActorExtraction find_actors(const AnnotatedText& at, const Analysis& analysis);
ActorExtraction find_actors(const AnnotatedText& at);  // runs analyse_article() itself

// The cross-article merge key of a name: folded, transliteration variants
// collapsed ("Zelenskiy", "Zelenskyy" and "Zelensky" share one).
std::string actor_key(std::string_view name, ActorType type);

// Merging across articles: given every article's actors (in any order), the
// cluster each one belongs to, numbered from 0. Two actors share a cluster
// when their names agree up to spelling and transliteration, and never when
// a given name or a role conflicts. The result depends only on the set of
// actors, not on their order (merging must be associative).
std::vector<uint32_t> cluster_actors(const std::vector<const LocalActor*>& actors);

// The country a demonym or nationality adjective stands for ("Russian",
// "Ukrainians", "Türkiye's" is no demonym): its canonical name as actors use
// it ("Russia"), or "" when the word is no demonym of one country ("Arab").
std::string demonym_country(std::string_view word);

}  // namespace eventloom
