// consolidate: the global layer of a corpus, computed from its documents.
//
// 1. The same article in several inputs: documents whose word 4-gram shingle
//    sets overlap (Jaccard >= 0.7) are one; candidates come from MinHash
//    bands, so the work stays near linear in the number of articles. The
//    kept copy is the one with the smallest id; it takes every source.
// 2. Actors: cluster_actors() over every article's actors; a global actor's
//    name is its fullest form, its id a slug of that name.
// 3. Statements: the same speaker and the same words in several places are
//    one statement with all of them as evidence.
// 4. Events: the same type, the same participants and a compatible date.
// Everything is sorted by content before ids are given, so the result
// depends on the set of documents only: merge(a, b) == consolidate(a ∪ b).
// The work per document, per actor, per cluster and per record runs on all
// cores, each index writing only its own slot; whatever depends on order
// (numbering, the first of equals) is done in one pass in document order, so
// the result does not depend on the number of threads either.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/actors.hpp"
#include "eventloom/corpus.hpp"
#include "eventloom/text.hpp"
#include "eventloom/timex_value.hpp"
#include "pipeline/parallel.hpp"
#include "util/hash.hpp"

namespace eventloom {
namespace {

using util::fnv1a;
using util::kFnvBasis;
using util::kFnvPrime;
using util::mix64;

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Folded words of the kept paragraphs, hashed as overlapping 4-grams, in
// text order (a repeated 4-gram comes again).
std::vector<uint64_t> raw_shingles(const Document& d) {
  std::vector<uint64_t> words;
  for (const Paragraph& p : d.paragraphs) {
    if (p.kind != ParagraphKind::Body) continue;
    std::string_view t = std::string_view(d.text).substr(p.span.start, p.span.size());
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && !is_ascii_alnum(t[i])) ++i;
      size_t b = i;
      uint64_t h = kFnvBasis;  // fnv1a of the lower-cased word, without a copy
      for (; i < t.size() && is_ascii_alnum(t[i]); ++i) {
        h ^= static_cast<unsigned char>(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
        h *= kFnvPrime;
      }
      if (i > b) words.push_back(h);
    }
  }
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 4 <= words.size(); ++i)
    out.push_back(mix64(words[i] ^ mix64(words[i + 1] ^ mix64(words[i + 2] ^ mix64(words[i + 3])))));
  if (out.empty() && !words.empty()) out.push_back(mix64(words[0]));
  return out;
}

// The shingle set: sorted, each once.
std::vector<uint64_t> shingles(const Document& d) {
  std::vector<uint64_t> out = raw_shingles(d);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Whether v holds at least `k` distinct values (looking no further than it needs).
bool has_distinct(const std::vector<uint64_t>& v, size_t k) {
  if (v.size() < k) return false;
  std::vector<uint64_t> seen;
  for (uint64_t x : v) {
    if (std::find(seen.begin(), seen.end(), x) != seen.end()) continue;
    seen.push_back(x);
    if (seen.size() >= k) return true;
  }
  return false;
}

// How many values two sorted sequences have in common (one merge walk),
// counting no further than `stop_at`: 1 asks only whether they share a value.
template <typename A, typename B>
size_t common_count(const A& a, const B& b, size_t stop_at = SIZE_MAX) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size() && n < stop_at) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t inter = common_count(a, b);
  size_t uni = a.size() + b.size() - inter;
  return uni ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  uint32_t find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the smaller index (smaller id) leads
  }
};

// Puts v in the order `order` gives (v'[i] = v[order[i]]), moving each
// element once, following the permutation's cycles.
template <typename T>
void apply_order(std::vector<T>& v, std::vector<uint32_t> order) {
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    T held = std::move(v[i]);
    uint32_t j = i;
    while (order[j] != i) {
      uint32_t next = order[j];
      v[j] = std::move(v[next]);
      order[j] = j;
      j = next;
    }
    v[j] = std::move(held);
    order[j] = j;
  }
}

// std::sort of the indices 0..n-1 by `less` on what they index. std::sort
// makes the same comparisons and the same moves whether it sorts the elements
// or their indices, so ties end up as sorting the elements would leave them.
template <typename Less>
std::vector<uint32_t> sorted_order(size_t n, Less less) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), less);
  return order;
}

// Statements and events in the order of their first evidence: by document,
// then by `start` of it there (a content or trigger offset), then by id.
template <typename T, typename Start>
void order_by_first_evidence(std::vector<T>& items, Start start) {
  std::vector<uint64_t> at(items.size());
  for (size_t g = 0; g < at.size(); ++g) {
    const EvidenceRef& e = items[g].evidence.front();
    at[g] = static_cast<uint64_t>(e.doc) << 32 | start(e);
  }
  apply_order(items, sorted_order(items.size(), [&](uint32_t i, uint32_t j) {
    return at[i] != at[j] ? at[i] < at[j] : items[i].id < items[j].id;
  }));
}

constexpr int kBands = 6, kRows = 3;
constexpr size_t kMinShingles = 16;  // fewer: too short to call a duplicate (market reports share one template)

// A document's MinHash band keys; `usable` when it has enough shingles.
struct Signature {
  bool usable = false;
  std::array<uint64_t, kBands> bands{};
};

// The MinHash minima: m[h] = min over the shingles of mix64(s ^ seed(h)), for
// the 18 hash functions. The 64-bit multiplies vectorise with AVX-512;
// where the compiler can, a clone for CPUs that have it is chosen when the
// program loads (the others run the plain loop).
constexpr int kHashes = kBands * kRows;
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
__attribute__((target_clones("arch=x86-64-v4", "default")))
#endif
void minhash(const uint64_t* sh, size_t n, uint64_t* m) {
  uint64_t seed[kHashes];
  for (int h = 0; h < kHashes; ++h) seed[h] = mix64(static_cast<uint64_t>(h + 1)), m[h] = ~0ull;
  for (size_t i = 0; i < n; ++i)
    for (int h = 0; h < kHashes; ++h) {
      uint64_t v = mix64(sh[i] ^ seed[h]);
      m[h] = v < m[h] ? v : m[h];
    }
}

// (The minima of the shingles in text order are those of the set.)
Signature signature(const Document& d) {
  Signature sig;
  std::vector<uint64_t> sh = raw_shingles(d);
  if (!has_distinct(sh, kMinShingles)) return sig;
  uint64_t m[kHashes];
  minhash(sh.data(), sh.size(), m);
  for (int band = 0; band < kBands; ++band) {
    uint64_t key = static_cast<uint64_t>(band);
    for (int r = 0; r < kRows; ++r) key = mix64(key ^ m[band * kRows + r]);
    sig.bands[band] = key;
  }
  sig.usable = true;
  return sig;
}

void fold_duplicate_documents(std::vector<DocExtraction>& docs, Diagnostics& diag) {
  const size_t n = docs.size();
  // By id, through a permutation: each document is moved once, at the end.
  std::vector<uint32_t> order =
      sorted_order(n, [&](uint32_t a, uint32_t b) { return docs[a].doc.id < docs[b].doc.id; });
  auto doc = [&](size_t i) -> DocExtraction& { return docs[order[i]]; };
  UnionFind uf(n);
  // Identical ids (the same input read twice) are the same document.
  for (size_t i = 1; i < n; ++i)
    if (doc(i).doc.id == doc(i - 1).doc.id) uf.unite(static_cast<uint32_t>(i - 1), static_cast<uint32_t>(i));
  // MinHash band keys, per document on all cores (each index writes only its
  // own slot); the shingles are not kept.
  std::vector<Signature> sig(n);
  parallel_for(n, 0, [&](size_t i) { sig[i] = signature(doc(i).doc); });
  // Buckets as (key, document) sorted: each bucket's documents in index order.
  std::vector<std::pair<uint64_t, uint32_t>> buckets;
  for (size_t i = 0; i < n; ++i)
    if (sig[i].usable)
      for (uint64_t key : sig[i].bands) buckets.emplace_back(key, static_cast<uint32_t>(i));
  std::vector<Signature>().swap(sig);
  std::sort(buckets.begin(), buckets.end());
  // Candidate pairs packed as (a << 32 | b): sorting integers is the same
  // order as sorting the pairs, and much cheaper.
  std::vector<uint64_t> candidates;
  for (size_t lo = 0, hi = 0; lo < buckets.size(); lo = hi) {
    while (hi < buckets.size() && buckets[hi].first == buckets[lo].first) ++hi;
    for (size_t a = lo; a < hi; ++a)
      for (size_t b = a + 1; b < hi && b < a + 50; ++b)
        candidates.push_back(static_cast<uint64_t>(buckets[a].second) << 32 | buckets[b].second);
  }
  std::vector<std::pair<uint64_t, uint32_t>>().swap(buckets);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // Shingles again, only for the documents of some candidate pair.
  std::vector<uint32_t> paired;
  for (uint64_t pair : candidates) {
    paired.push_back(static_cast<uint32_t>(pair >> 32));
    paired.push_back(static_cast<uint32_t>(pair));
  }
  std::sort(paired.begin(), paired.end());
  paired.erase(std::unique(paired.begin(), paired.end()), paired.end());
  std::vector<std::vector<uint64_t>> sh(n);
  parallel_for(paired.size(), 0, [&](size_t k) { sh[paired[k]] = shingles(doc(paired[k]).doc); });
  // Records that carry their own ids (JSON Lines) are the user's own units:
  // a near-copy among them is marked, not folded away.
  auto record = [&](uint32_t i) { return !doc(i).doc.sources.empty() && !doc(i).doc.sources[0].record_id.empty(); };
  std::vector<std::string> similar_to(n);
  for (uint64_t pair : candidates) {
    uint32_t a = static_cast<uint32_t>(pair >> 32), b = static_cast<uint32_t>(pair);
    if (uf.find(a) == uf.find(b) || jaccard(sh[a], sh[b]) < 0.7) continue;
    if (record(a) && record(b)) {
      if (similar_to[b].empty() || doc(a).doc.id < similar_to[b]) similar_to[b] = doc(a).doc.id;
      continue;
    }
    uf.unite(a, b);
  }
  std::vector<std::vector<uint64_t>>().swap(sh);
  for (size_t i = 0; i < n; ++i) doc(i).doc.near_duplicate_of = std::move(similar_to[i]);

  size_t roots = 0;
  for (size_t i = 0; i < n; ++i) roots += uf.find(static_cast<uint32_t>(i)) == i;
  std::vector<DocExtraction> kept;
  kept.reserve(roots);
  std::vector<int64_t> slot(n, -1);
  for (size_t i = 0; i < n; ++i) {
    uint32_t r = uf.find(static_cast<uint32_t>(i));
    if (r == i) {
      slot[i] = static_cast<int64_t>(kept.size());
      kept.push_back(std::move(doc(i)));
    } else {
      DocExtraction& into = kept[static_cast<size_t>(slot[r])];
      for (auto& s : doc(i).doc.sources) {
        bool have = std::any_of(into.doc.sources.begin(), into.doc.sources.end(), [&](const SourceRef& x) {
          return x.path == s.path && x.offset == s.offset && x.record_id == s.record_id;
        });
        if (!have) into.doc.sources.push_back(std::move(s));
      }
      if (doc(i).doc.id != into.doc.id)
        diag.note(doc(i).doc.id, 0, fmt::format("the same article as {}; folded into it", into.doc.id));
    }
  }
  for (auto& d : kept) {
    auto& s = d.doc.sources;
    if (s.size() > 1)
      std::sort(s.begin() + 1, s.end(), [](const SourceRef& a, const SourceRef& b) {
        return std::tie(a.path, a.offset, a.record_id) < std::tie(b.path, b.offset, b.record_id);
      });
  }
  docs = std::move(kept);
}

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
  }
}

std::string_view slice(const Document& d, Span s) {
  if (s.end > d.text.size() || s.start > s.end) return {};
  return std::string_view(d.text).substr(s.start, s.size());
}

void build_statements(Corpus& c) {
  // Key: the statement's comparison words (only [a-z0-9 ]), '|', its speaker;
  // keys and their hashes per document on all cores.
  std::vector<size_t> first(c.docs.size() + 1, 0);
  for (uint32_t d = 0; d < c.docs.size(); ++d) first[d + 1] = first[d] + c.docs[d].statements.size();
  const size_t total = first.back();
  std::vector<std::string> keys(total);
  std::vector<uint64_t> hashes(total);
  std::vector<EvidenceRef> where(total);
  parallel_for(c.docs.size(), 0, [&](size_t d) {
    const DocExtraction& x = c.docs[d];
    for (uint32_t k = 0; k < x.statements.size(); ++k) {
      const LocalStatement& s = x.statements[k];
      int64_t speaker = s.speaker ? static_cast<int64_t>(c.actor_of[d][*s.speaker]) : -1;
      std::string& key = keys[first[d] + k];
      text::append_comparison_key(key, slice(x.doc, s.content));
      key.push_back('|');
      key += std::to_string(speaker);
      hashes[first[d] + k] = fnv1a(key);
      where[first[d] + k] = {static_cast<uint32_t>(d), k};
    }
  });
  // The same key in several places is one statement, numbered by its first
  // place in document order (an open-addressing table of statement numbers).
  size_t cap = 16;
  while (cap < 2 * total) cap *= 2;
  std::vector<uint32_t> table(cap, UINT32_MAX);
  std::vector<uint32_t> rep;                        // statement -> its first key
  std::vector<std::vector<EvidenceRef>> evidence;  // statement -> its places
  for (uint32_t i = 0; i < total; ++i) {
    size_t slot = hashes[i] & (cap - 1);
    while (table[slot] != UINT32_MAX) {
      uint32_t g = table[slot];
      if (hashes[rep[g]] == hashes[i] && keys[rep[g]] == keys[i]) break;
      slot = (slot + 1) & (cap - 1);
    }
    if (table[slot] == UINT32_MAX) {
      table[slot] = static_cast<uint32_t>(rep.size());
      rep.push_back(i);
      evidence.emplace_back();
    }
    evidence[table[slot]].push_back(where[i]);
  }
  std::vector<uint32_t>().swap(table);
  std::vector<std::string>().swap(keys);
  // Each statement from its first place, on all cores.
  c.statements.clear();
  c.statements.resize(rep.size());
  parallel_for(rep.size(), 0, [&](size_t g) {
    Statement& st = c.statements[g];
    const EvidenceRef ev = evidence[g].front();
    const DocExtraction& x = c.docs[ev.doc];
    const LocalStatement& s = x.statements[ev.local];
    const std::vector<uint32_t>& global = c.actor_of[ev.doc];
    if (s.speaker) st.speaker = global[*s.speaker];
    st.kind = s.kind;
    st.text = std::string(slice(x.doc, s.content));
    st.date = s.date;
    for (uint32_t m : s.mentions) st.mentions.push_back(global[m]);
    std::sort(st.mentions.begin(), st.mentions.end());
    st.mentions.erase(std::unique(st.mentions.begin(), st.mentions.end()), st.mentions.end());
    st.evidence = std::move(evidence[g]);
    st.id = fmt::format("s-{:012x}",
                        fnv1a(fmt::format("{}:{}:{}:{}", x.doc.id, s.content.start, s.content.end, ev.local)) >> 16);
  });
  order_by_first_evidence(c.statements, [&](const EvidenceRef& e) { return c.docs[e.doc].statements[e.local].content.start; });
}

// --- events across articles -------------------------------------------------
//
// The same event reported in several articles (or twice in one) becomes one
// Event with all its evidence. Only events with a source actor merge; two
// reports are compatible when they have the same CAMEO type and modality,
// share a source actor, their targets do not contradict (one has none, or
// they share one) and their dates agree:
//   1. Anchors are reports with an explicit day ("February 12, 2025"). Anchors
//      with the same day and compatible participants are united (union-find
//      over a symmetric relation: its connected components do not depend on
//      the order of the reports; chains stay on one day, so no cluster joins
//      two different dates).
//   2. Satellites join at most one anchor cluster, chosen from the clusters
//      alone, so again order plays no part: a report dated only by its
//      publication day P joins the cluster of the latest day D with
//      P - kPublicationLagDays <= D <= P; a report with a coarser explicit date
//      ("in February 2025", "in 2022") joins the clusters whose day it contains
//      when they all share one day. Ties go to the larger participant overlap,
//      then to the cluster that starts first in the corpus.
//   3. Coarse explicit dates that joined no anchor are united among
//      themselves by equal value; publication-dated reports never join each
//      other, and reports with no usable date (underspecified "XXXX-WXX-4")
//      stay alone. A day without its year ("XXXX-02-12", from an undated
//      article) is a coarse date that contains that day of every year.
// A statement's event merges exactly when its statement merged (the same
// speaker and words): two different remarks on one day are two events.
// The merged event's date is its most specific explicit date. Every index
// used for tie-breaking (document, local event, actor) is itself a function of
// the set of documents, so the result is too: merge() is associative.

constexpr int64_t kPublicationLagDays = 3;

enum class DateGrain : uint8_t { None, Year, Month, Day, DayOfYear };  // DayOfYear: "XXXX-02-12"

struct EventDate {
  DateGrain grain = DateGrain::None;
  int64_t value = 0;  // year; year * 12 + month - 1; a day number; month * 32 + day
};

// "2025-02-12", "2025-02-12T10:30" -> Day; "2025-02", "2025-02-XX" -> Month;
// "2025" -> Year; "XXXX-02-12" -> DayOfYear; anything else (weeks, quarters,
// seasons, weekdays without a week, PRESENT_REF, a day that does not exist)
// -> None. Days are numbered as parse_timex() numbers them.
EventDate parse_event_date(std::string_view v) {
  TimexValue t = parse_timex(v);
  if (t.form == TimexForm::Partial && t.grain == TimexGrain::Day && t.month && t.day)
    return {DateGrain::DayOfYear, t.month * 32 + t.day};
  if (!t.calendar()) return {};
  switch (t.grain) {
    case TimexGrain::Day: return {DateGrain::Day, t.first_day};
    case TimexGrain::Month: return {DateGrain::Month, int64_t{t.year} * 12 + t.month - 1};
    case TimexGrain::Year: return {DateGrain::Year, t.year};
    default: return {};
  }
}

// Year and month of a day number.
std::pair<int64_t, int64_t> year_month(int64_t day) {
  YearMonthDay d = year_month_day(static_cast<long>(day));
  return {d.year, d.month};
}

int64_t day_of_month(int64_t day) { return year_month_day(static_cast<long>(day)).day; }

// A run of numbers in a document's pool (see EventReports).
struct Ids {
  const uint32_t* p = nullptr;
  uint32_t n = 0;
  const uint32_t* begin() const { return p; }
  const uint32_t* end() const { return p + n; }
  size_t size() const { return n; }
  bool empty() const { return n == 0; }
  uint32_t operator[](size_t i) const { return p[i]; }
};

// A participant as one number: the global actor, then its role, so that the
// numbers sort as (actor, role) pairs do.
// (Global actor numbers stay far below 2^30.)
uint32_t part_code(uint32_t actor, ParticipantRole role) { return actor << 2 | static_cast<uint32_t>(role); }
uint32_t part_actor(uint32_t code) { return code >> 2; }
ParticipantRole part_role(uint32_t code) { return static_cast<ParticipantRole>(code & 3); }

struct EventReport {
  uint32_t doc = 0, local = 0;
  const LocalEvent* e = nullptr;
  uint32_t type = 0, modality = 0;  // e->type and e->modality, interned: equal strings, equal numbers
  Ids parts;                        // part_code()s, sorted, each once
  Ids sources, targets, actors;     // global actors, sorted, each once
  EventDate date;
  bool explicit_date = false;
  int64_t statement = -1;  // the global statement this event reports, if any
};

bool share(const Ids& a, const Ids& b) { return common_count(a, b, 1) != 0; }

bool compatible_participants(const EventReport& a, const EventReport& b) {
  if (a.type != b.type || a.modality != b.modality) return false;
  if (!share(a.sources, b.sources)) return false;
  // A target of one must take part in the other ("Trump's call with Putin" and
  // "a call between Trump and Russian President Putin", where "Russian" was
  // read as the target).
  return a.targets.empty() || b.targets.empty() || share(a.targets, b.actors) || share(b.targets, a.actors);
}

// The local event that a statement became in find_events: its trigger is the
// statement's cue, or (without a cue) runs from the sentence start to the
// end of the statement's content or of the sentence, whichever comes first.
// Of several statements, the first. The statements are looked up by cue
// and by content end, not read again for every event: an article that
// reports the same remark many times has as many statements as events.
std::vector<int64_t> statement_of_events(const DocExtraction& x, const std::vector<int64_t>& global_statement) {
  std::vector<std::pair<Span, uint32_t>> by_cue;       // (cue, statement), sorted
  std::vector<std::pair<uint32_t, uint32_t>> by_end;  // (content end, statement) without a cue, sorted
  for (uint32_t s = 0; s < x.statements.size(); ++s) {
    const LocalStatement& st = x.statements[s];
    if (st.cue) by_cue.emplace_back(*st.cue, s);
    else by_end.emplace_back(st.content.end, s);
  }
  std::sort(by_cue.begin(), by_cue.end());
  std::sort(by_end.begin(), by_end.end());
  std::vector<uint32_t> first_from(by_end.size() + 1, UINT32_MAX);  // the first statement of by_end[k..]
  for (size_t k = by_end.size(); k-- > 0;) first_from[k] = std::min(first_from[k + 1], by_end[k].second);
  std::vector<int64_t> out(x.events.size(), -1);
  for (uint32_t k = 0; k < x.events.size(); ++k) {
    const LocalEvent& e = x.events[k];
    uint32_t best = UINT32_MAX;
    auto cue = std::lower_bound(by_cue.begin(), by_cue.end(), std::make_pair(e.trigger, 0u));
    if (cue != by_cue.end() && cue->first == e.trigger) best = cue->second;
    const uint32_t end = e.trigger.end;
    if (e.trigger.start == e.sentence.start && e.sentence.end >= end) {
      size_t at = static_cast<size_t>(std::lower_bound(by_end.begin(), by_end.end(), std::make_pair(end, 0u)) - by_end.begin());
      if (e.sentence.end == end) best = std::min(best, first_from[at]);  // a content ending there or later
      else if (at < by_end.size() && by_end[at].first == end) best = std::min(best, by_end[at].second);
    }
    if (best != UINT32_MAX) out[k] = global_statement[best];
  }
  return out;
}

// Every event of every article with its global participants. The numbers
// of one article's reports live in one pool (four runs per report), not in
// four vectors each: the reports of a corpus are many.
struct EventReports {
  std::vector<EventReport> list;
  std::vector<std::vector<uint32_t>> pools;  // per document
};

EventReports event_reports(const Corpus& c) {
  std::vector<std::vector<int64_t>> global_statement(c.docs.size());
  for (uint32_t d = 0; d < c.docs.size(); ++d) global_statement[d].assign(c.docs[d].statements.size(), -1);
  for (uint32_t g = 0; g < c.statements.size(); ++g)
    for (const EvidenceRef& r : c.statements[g].evidence) global_statement[r.doc][r.local] = g;
  // Per document on all cores, each into its own slots.
  std::vector<size_t> first(c.docs.size() + 1, 0);
  for (uint32_t d = 0; d < c.docs.size(); ++d) first[d + 1] = first[d] + c.docs[d].events.size();
  EventReports out;
  out.list.resize(first.back());
  out.pools.resize(c.docs.size());
  parallel_for(c.docs.size(), 0, [&](size_t doc) {
    const uint32_t d = static_cast<uint32_t>(doc);
    const DocExtraction& x = c.docs[d];
    std::vector<int64_t> stmt = statement_of_events(x, global_statement[d]);
    std::vector<uint32_t>& pool = out.pools[d];
    struct Run {
      uint32_t at = 0, n = 0;
    };
    std::vector<std::array<Run, 4>> runs(x.events.size());  // parts, actors, sources, targets
    std::vector<uint32_t> codes;
    auto run = [&](Run& r, auto&& fill) {
      r.at = static_cast<uint32_t>(pool.size());
      fill();
      r.n = static_cast<uint32_t>(pool.size()) - r.at;
    };
    for (uint32_t k = 0; k < x.events.size(); ++k) {
      const LocalEvent& e = x.events[k];
      EventReport& r = out.list[first[d] + k];
      r.doc = d;
      r.local = k;
      r.e = &e;
      r.statement = stmt[k];
      codes.clear();
      for (const Participant& p : e.participants)
        if (p.actor < c.actor_of[d].size()) codes.push_back(part_code(c.actor_of[d][p.actor], p.role));
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      run(runs[k][0], [&] { pool.insert(pool.end(), codes.begin(), codes.end()); });
      const size_t base = pool.size();
      run(runs[k][1], [&] {
        for (uint32_t code : codes)
          if (pool.size() == base || pool.back() != part_actor(code)) pool.push_back(part_actor(code));
      });
      for (int role = 0; role < 2; ++role)  // Source, Target
        run(runs[k][2 + role], [&] {
          for (uint32_t code : codes)
            if (part_role(code) == static_cast<ParticipantRole>(role)) pool.push_back(part_actor(code));
        });
      r.explicit_date = !e.date_from_publication && !e.date.empty();
      r.date = parse_event_date(e.date);
    }
    for (uint32_t k = 0; k < x.events.size(); ++k) {  // the pool is complete: it no longer moves
      EventReport& r = out.list[first[d] + k];
      Ids* ids[4] = {&r.parts, &r.actors, &r.sources, &r.targets};
      for (int i = 0; i < 4; ++i) *ids[i] = Ids{pool.data() + runs[k][i].at, runs[k][i].n};
    }
  });
  std::unordered_map<std::string_view, uint32_t> types, modalities;
  for (EventReport& r : out.list) {
    r.type = types.emplace(r.e->type, static_cast<uint32_t>(types.size())).first->second;
    r.modality = modalities.emplace(r.e->modality, static_cast<uint32_t>(modalities.size())).first->second;
  }
  return out;
}

// Bucket key: type, modality, one source actor, a date at one grain. The
// buckets are only looked up, and united bucket by bucket, which gives the
// same union-find roots in any order: a hash map serves.
struct EventBucketKey {
  uint32_t type = 0, modality = 0, source = 0;
  DateGrain grain = DateGrain::None;
  int64_t value = 0;
  friend bool operator==(const EventBucketKey& a, const EventBucketKey& b) {
    return a.type == b.type && a.modality == b.modality && a.source == b.source && a.grain == b.grain &&
           a.value == b.value;
  }
};
struct EventBucketHash {
  size_t operator()(const EventBucketKey& k) const {
    uint64_t h = mix64(static_cast<uint64_t>(k.type) << 32 ^ k.modality) ^ k.source;
    h = mix64(h ^ static_cast<uint64_t>(k.grain) << 56) ^ static_cast<uint64_t>(k.value);
    return static_cast<size_t>(mix64(h));
  }
};
using EventBuckets = std::unordered_map<EventBucketKey, std::vector<uint32_t>, EventBucketHash>;

class EventClusters {
 public:
  explicit EventClusters(const std::vector<EventReport>& r) : r_(r), uf_(r.size()) {}

  std::vector<uint32_t> run() {
    unite_anchors();
    std::vector<int64_t> joined(r_.size(), -1);
    for (uint32_t i = 0; i < r_.size(); ++i)
      if (is_satellite(r_[i])) joined[i] = best_anchor(i);
    for (uint32_t i = 0; i < r_.size(); ++i)
      if (joined[i] >= 0) uf_.unite(static_cast<uint32_t>(joined[i]), i);
    unite_coarse(joined);
    std::vector<uint32_t> root(r_.size());
    for (uint32_t i = 0; i < r_.size(); ++i) root[i] = uf_.find(i);
    return root;
  }

 private:
  const std::vector<EventReport>& r_;
  UnionFind uf_;
  EventBuckets anchors_;  // by day, month and year of the anchor

  static bool mergeable(const EventReport& r) { return r.statement < 0 && !r.sources.empty(); }
  static bool is_anchor(const EventReport& r) {
    return mergeable(r) && r.explicit_date && r.date.grain == DateGrain::Day;
  }
  static bool is_satellite(const EventReport& r) {
    if (!mergeable(r) || r.date.grain == DateGrain::None) return false;
    return r.explicit_date ? r.date.grain != DateGrain::Day : r.date.grain == DateGrain::Day;
  }

  void unite_anchors() {
    for (uint32_t i = 0; i < r_.size(); ++i) {
      const EventReport& r = r_[i];
      if (!is_anchor(r)) continue;
      auto [y, m] = year_month(r.date.value);
      for (uint32_t s : r.sources) {
        anchors_[{r.type, r.modality, s, DateGrain::Day, r.date.value}].push_back(i);
        anchors_[{r.type, r.modality, s, DateGrain::Month, y * 12 + m - 1}].push_back(i);
        anchors_[{r.type, r.modality, s, DateGrain::Year, y}].push_back(i);
        anchors_[{r.type, r.modality, s, DateGrain::DayOfYear, m * 32 + day_of_month(r.date.value)}].push_back(i);
      }
    }
    // The anchors of one day.
    for (auto& [key, ids] : anchors_)
      if (key.grain == DateGrain::Day) unite_compatible(ids);
    for (auto& [key, ids] : anchors_) keep_distinct(ids);
  }

  // A satellite reads every anchor of its buckets. Anchors that are alike
  // to it (one cluster, day, actors and targets) give it the same candidate,
  // so each is kept once: the same event reported many times does not make
  // every report read all the others.
  void keep_distinct(std::vector<uint32_t>& ids) {
    if (ids.size() < 2) return;
    std::vector<std::pair<uint32_t, uint32_t>> by_root;  // (cluster, anchor)
    by_root.reserve(ids.size());
    for (uint32_t a : ids) by_root.emplace_back(uf_.find(a), a);
    auto less = [&](const std::pair<uint32_t, uint32_t>& x, const std::pair<uint32_t, uint32_t>& y) {
      const EventReport &a = r_[x.second], &b = r_[y.second];
      if (x.first != y.first) return x.first < y.first;
      if (a.date.value != b.date.value) return a.date.value < b.date.value;
      if (!std::equal(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end()))
        return std::lexicographical_compare(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end());
      if (!std::equal(a.targets.begin(), a.targets.end(), b.targets.begin(), b.targets.end()))
        return std::lexicographical_compare(a.targets.begin(), a.targets.end(), b.targets.begin(), b.targets.end());
      return x.second < y.second;
    };
    auto alike = [&](const std::pair<uint32_t, uint32_t>& x, const std::pair<uint32_t, uint32_t>& y) {
      const EventReport &a = r_[x.second], &b = r_[y.second];
      return x.first == y.first && a.date.value == b.date.value &&
             std::equal(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end()) &&
             std::equal(a.targets.begin(), a.targets.end(), b.targets.begin(), b.targets.end());
    };
    std::sort(by_root.begin(), by_root.end(), less);
    by_root.erase(std::unique(by_root.begin(), by_root.end(), alike), by_root.end());
    ids.clear();
    for (const auto& [root, a] : by_root) ids.push_back(a);
    std::sort(ids.begin(), ids.end());  // in report order, as they were
  }

  // Every compatible pair of a bucket (a bucket is small: one type, one
  // source, one day); the window bounds the work on pathological input.
  void unite_compatible(const std::vector<uint32_t>& ids) {
    constexpr size_t kWindow = 64;
    for (size_t a = 0; a < ids.size(); ++a)
      for (size_t b = a + 1; b < ids.size() && b < a + kWindow; ++b)
        if (compatible_participants(r_[ids[a]], r_[ids[b]])) uf_.unite(ids[a], ids[b]);
  }

  struct Candidate {
    int64_t day = 0;
    size_t overlap = 0;
    uint32_t root = 0;
  };

  // The anchor cluster a satellite joins, or -1.
  int64_t best_anchor(uint32_t i) {
    const EventReport& r = r_[i];
    std::vector<Candidate> found;
    auto look = [&](DateGrain g, int64_t v) {
      for (uint32_t s : r.sources) {
        auto it = anchors_.find({r.type, r.modality, s, g, v});
        if (it == anchors_.end()) continue;
        for (uint32_t a : it->second)
          if (compatible_participants(r, r_[a]))
            found.push_back({r_[a].date.value, common_count(r.actors, r_[a].actors), uf_.find(a)});
      }
    };
    if (r.explicit_date) {
      look(r.date.grain, r.date.value);
      // A coarse date names one day only when every candidate has that day.
      for (const Candidate& f : found)
        if (f.day != found.front().day) return -1;
    } else {
      for (int64_t lag = 0; lag <= kPublicationLagDays && found.empty(); ++lag) look(DateGrain::Day, r.date.value - lag);
    }
    if (found.empty()) return -1;
    const Candidate* best = nullptr;
    for (const Candidate& f : found)
      if (!best || f.overlap > best->overlap || (f.overlap == best->overlap && f.root < best->root)) best = &f;
    return best->root;
  }

  // Coarse explicit dates left alone: equal values, compatible participants.
  void unite_coarse(const std::vector<int64_t>& joined) {
    EventBuckets by_value;
    for (uint32_t i = 0; i < r_.size(); ++i) {
      const EventReport& r = r_[i];
      if (joined[i] >= 0 || !is_satellite(r) || !r.explicit_date) continue;
      for (uint32_t s : r.sources) by_value[{r.type, r.modality, s, r.date.grain, r.date.value}].push_back(i);
    }
    for (auto& [key, ids] : by_value) unite_compatible(ids);
  }
};

// The clusters' root is their first report, so roots are ordered as the
// documents are.
std::vector<std::vector<uint32_t>> event_clusters(const std::vector<EventReport>& reports) {
  std::vector<uint32_t> root = EventClusters(reports).run();
  // Statement events: one cluster per global statement (the first report of
  // each statement is its cluster's root).
  int64_t statements = 0;
  for (const EventReport& r : reports) statements = std::max(statements, r.statement + 1);
  std::vector<int64_t> first_of_statement(static_cast<size_t>(statements), -1);
  for (uint32_t i = 0; i < reports.size(); ++i)
    if (reports[i].statement >= 0) {
      int64_t& f = first_of_statement[static_cast<size_t>(reports[i].statement)];
      if (f < 0) f = i;
      else root[i] = static_cast<uint32_t>(f);
    }
  std::vector<std::vector<uint32_t>> out;
  std::vector<int64_t> slot(reports.size(), -1);
  for (uint32_t i = 0; i < reports.size(); ++i) {
    uint32_t r = root[i];
    if (slot[r] < 0) {
      slot[r] = static_cast<int64_t>(out.size());
      out.emplace_back();
    }
    out[static_cast<size_t>(slot[r])].push_back(i);
  }
  return out;
}

Event merged_event(const std::vector<EventReport>& reports, const std::vector<uint32_t>& members) {
  Event ev;
  const EventReport& first = reports[members.front()];
  ev.type = first.e->type;
  ev.modality = first.e->modality;
  ev.from_statement = first.e->from_statement;
  // The most specific explicit date: the longest value, then the smallest.
  const EventReport* dated = nullptr;
  for (uint32_t i : members) {
    const EventReport& r = reports[i];
    if (!r.explicit_date) continue;
    if (!dated || r.e->date.size() > dated->e->date.size() ||
        (r.e->date.size() == dated->e->date.size() && r.e->date < dated->e->date))
      dated = &r;
  }
  ev.date = dated ? dated->e->date : first.e->date;
  ev.date_from_publication = dated ? false : first.e->date_from_publication;
  // Each actor once, in its strongest role (source, then target, then other):
  // sorted, an actor's first code has its strongest role.
  std::vector<uint32_t> codes;
  for (uint32_t i : members) codes.insert(codes.end(), reports[i].parts.begin(), reports[i].parts.end());
  std::sort(codes.begin(), codes.end());
  for (uint32_t code : codes)
    if (ev.participants.empty() || ev.participants.back().first != part_actor(code))
      ev.participants.emplace_back(part_actor(code), part_role(code));
  for (uint32_t i : members) ev.evidence.push_back({reports[i].doc, reports[i].local});
  return ev;
}

void build_events(Corpus& c) {
  EventReports all = event_reports(c);
  const std::vector<EventReport>& reports = all.list;
  std::vector<std::vector<uint32_t>> clusters = event_clusters(reports);
  // Each cluster's event on its own, on all cores.
  c.events.clear();
  c.events.resize(clusters.size());
  parallel_for(clusters.size(), 0, [&](size_t g) {
    Event& ev = c.events[g];
    ev = merged_event(reports, clusters[g]);
    const auto& r = ev.evidence.front();
    const DocExtraction& x = c.docs[r.doc];
    const LocalEvent& e = x.events[r.local];
    // The local index keeps ids apart when one trigger starts two events.
    ev.id = fmt::format("e-{:012x}",
                        fnv1a(fmt::format("{}:{}:{}:{}:{}", x.doc.id, e.trigger.start, e.trigger.end, e.type, r.local)) >> 16);
  });
  std::vector<std::vector<uint32_t>>().swap(clusters);
  all = {};
  order_by_first_evidence(c.events, [&](const EvidenceRef& e) { return c.docs[e.doc].events[e.local].trigger.start; });
}

}  // namespace

Corpus consolidate(std::vector<DocExtraction> docs) {
  Corpus c;
  fold_duplicate_documents(docs, c.diagnostics);
  c.docs = std::move(docs);
  build_actors(c);
  build_statements(c);
  build_events(c);
  return c;
}

Corpus merge(Corpus a, Corpus b) {
  std::vector<DocExtraction> docs = std::move(a.docs);
  for (auto& d : b.docs) docs.push_back(std::move(d));
  Corpus c = consolidate(std::move(docs));
  Diagnostics diag = std::move(a.diagnostics);
  diag.append(b.diagnostics);
  diag.append(c.diagnostics);
  c.diagnostics = std::move(diag);
  return c;
}

}  // namespace eventloom
