// consolidate(), job 2: the corpus actors. cluster_actors() over every
// article's actors; a global actor's name is its fullest form, its id a slug
// of that name.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/actors.hpp"
#include "eventloom/text.hpp"
#include "eventloom/corpus.hpp"
#include "merge/consolidate_internal.hpp"
#include "pipeline/parallel.hpp"
#include "util/hash.hpp"

namespace eventloom::merge_detail {
namespace {

std::string slug(std::string_view name) {
  std::string f = text::fold(name), out;
  for (char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out.push_back(c);
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "actor" : out;
}

size_t word_count(std::string_view s) { return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1; }

// The type of a cluster whose articles disagree. A name that acts as a
// country or an organisation in a fair share of its articles (a third as
// many as call it a place) is that: a capital that speaks for its
// government. A name that is a place nearly everywhere ("the Gulf") stays a
// place. Between country and organisation the majority wins (a country on a
// tie), and likewise between person and place; but a one-word "person"
// beside a place of that name (`lone` of the person votes are one word: the
// name tagger read "Tirovsk" as a surname somewhere) is the place.
ActorType vote_type(const std::map<int, int>& votes, int lone) {
  auto n = [&](ActorType t) {
    auto it = votes.find(static_cast<int>(t));
    return it == votes.end() ? 0 : it->second;
  };
  int gpe = n(ActorType::Gpe), org = n(ActorType::Org), person = n(ActorType::Person), loc = n(ActorType::Loc);
  if (person > 0 && lone == person && gpe + loc > 0) {
    loc += person;
    person = 0;
  }
  if (gpe + org > 0 && person <= gpe + org && 3 * (gpe + org) >= loc) return gpe >= org ? ActorType::Gpe : ActorType::Org;
  if (person > 0 && person >= loc) return ActorType::Person;
  return loc > 0 ? ActorType::Loc : ActorType::Gpe;
}

}  // namespace

void build_actors(Corpus& c) {
  size_t total = 0;
  for (const DocExtraction& x : c.docs) total += x.actors.size();
  std::vector<const LocalActor*> all;
  std::vector<std::pair<uint32_t, uint32_t>> where;
  all.reserve(total);
  where.reserve(total);
  c.actor_of.assign(c.docs.size(), {});
  for (uint32_t d = 0; d < c.docs.size(); ++d) {
    c.actor_of[d].assign(c.docs[d].actors.size(), 0);
    for (uint32_t a = 0; a < c.docs[d].actors.size(); ++a) {
      all.push_back(&c.docs[d].actors[a]);
      where.emplace_back(d, a);
    }
  }
  std::vector<uint32_t> cluster = cluster_actors(all);
  uint32_t k = all.empty() ? 0 : *std::max_element(cluster.begin(), cluster.end()) + 1;
  std::vector<std::vector<uint32_t>> members(k);
  for (uint32_t i = 0; i < all.size(); ++i) members[cluster[i]].push_back(i);
  std::vector<uint32_t>().swap(cluster);

  struct Draft {
    Actor actor;
    std::vector<uint32_t> members;
  };
  std::vector<uint32_t> nonempty;
  for (uint32_t g = 0; g < k; ++g)
    if (!members[g].empty()) nonempty.push_back(g);
  // Each cluster's actor on its own, on all cores.
  std::vector<Draft> drafts(nonempty.size());
  parallel_for(drafts.size(), 0, [&](size_t j) {
    Draft& dr = drafts[j];
    std::vector<uint32_t>& m = members[nonempty[j]];
    std::map<std::string, int> names;
    std::map<int, int> types;
    int lone = 0;  // one-word persons
    for (uint32_t i : m) {
      const LocalActor* a = all[i];
      names[a->name]++;
      types[static_cast<int>(a->type)]++;
      lone += a->type == ActorType::Person && word_count(a->name) == 1;
      dr.actor.aliases.insert(dr.actor.aliases.end(), a->aliases.begin(), a->aliases.end());
      dr.actor.aliases.push_back(a->name);
      dr.actor.roles.insert(dr.actor.roles.end(), a->roles.begin(), a->roles.end());
    }
    // The fullest form: most words, then most often seen, then alphabetical.
    auto best = std::max_element(names.begin(), names.end(), [](const auto& a, const auto& b) {
      size_t wa = word_count(a.first), wb = word_count(b.first);
      if (wa != wb) return wa < wb;
      if (a.second != b.second) return a.second < b.second;
      return a.first > b.first;
    });
    dr.actor.name = best->first;
    dr.actor.type = vote_type(types, lone);
    for (auto* v : {&dr.actor.aliases, &dr.actor.roles}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
      v->shrink_to_fit();  // every member's names went in: most were repeats
    }
    dr.actor.id = slug(dr.actor.name);  // made unique below
    dr.members = std::move(m);
  });
  std::vector<std::vector<uint32_t>>().swap(members);
  std::vector<uint32_t> order = sorted_order(drafts.size(), [&](uint32_t a, uint32_t b) {
    const Actor& x = drafts[a].actor;
    const Actor& y = drafts[b].actor;
    return std::tie(x.name, x.aliases) < std::tie(y.name, y.aliases);
  });
  std::unordered_map<std::string, int> used;
  used.reserve(drafts.size());
  c.actors.clear();
  c.actors.reserve(drafts.size());
  for (uint32_t g = 0; g < drafts.size(); ++g) {
    Draft& dr = drafts[order[g]];
    Actor& a = dr.actor;
    int n = used[a.id]++;
    if (n) a.id = fmt::format("{}-{}", a.id, n + 1);
    for (uint32_t i : dr.members) c.actor_of[where[i].first][where[i].second] = g;
    c.actors.push_back(std::move(a));
  }
  // Affiliations, lifted from the articles.
  for (uint32_t d = 0; d < c.docs.size(); ++d)
    for (uint32_t a = 0; a < c.docs[d].actors.size(); ++a)
      for (uint32_t aff : c.docs[d].actors[a].affiliations)
        if (aff < c.actor_of[d].size()) {
          uint32_t from = c.actor_of[d][a], to = c.actor_of[d][aff];
          if (from != to) c.actors[from].affiliations.push_back(to);
        }
  for (Actor& a : c.actors) {
    std::sort(a.affiliations.begin(), a.affiliations.end());
    a.affiliations.erase(std::unique(a.affiliations.begin(), a.affiliations.end()), a.affiliations.end());
    a.affiliations.shrink_to_fit();
  }
}

}  // namespace eventloom::merge_detail
