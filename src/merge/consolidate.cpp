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
#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/actors.hpp"
#include "eventloom/corpus.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

// Folded words of the kept paragraphs, hashed as overlapping 4-grams.
std::vector<uint64_t> shingles(const Document& d) {
  std::vector<uint64_t> words;
  for (const Paragraph& p : d.paragraphs) {
    if (p.kind != ParagraphKind::Body) continue;
    std::string_view t = std::string_view(d.text).substr(p.span.start, p.span.size());
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && !std::isalnum(static_cast<unsigned char>(t[i]))) ++i;
      size_t b = i;
      while (i < t.size() && std::isalnum(static_cast<unsigned char>(t[i]))) ++i;
      if (i > b) words.push_back(fnv1a(text::lower_ascii(t.substr(b, i - b))));
    }
  }
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 4 <= words.size(); ++i)
    out.push_back(mix(words[i] ^ mix(words[i + 1] ^ mix(words[i + 2] ^ mix(words[i + 3])))));
  if (out.empty() && !words.empty()) out.push_back(mix(words[0]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++inter;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
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

void fold_duplicate_documents(std::vector<DocExtraction>& docs, Diagnostics& diag) {
  std::sort(docs.begin(), docs.end(), [](const DocExtraction& a, const DocExtraction& b) { return a.doc.id < b.doc.id; });
  const size_t n = docs.size();
  UnionFind uf(n);
  // Identical ids (the same input read twice) are the same document.
  for (size_t i = 1; i < n; ++i)
    if (docs[i].doc.id == docs[i - 1].doc.id) uf.unite(static_cast<uint32_t>(i - 1), static_cast<uint32_t>(i));
  std::vector<std::vector<uint64_t>> sh(n);
  for (size_t i = 0; i < n; ++i) sh[i] = shingles(docs[i].doc);
  constexpr int kBands = 6, kRows = 3;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  for (size_t i = 0; i < n; ++i) {
    if (sh[i].size() < 16) continue;  // too short to call a duplicate (market reports share one template)
    for (int band = 0; band < kBands; ++band) {
      uint64_t key = static_cast<uint64_t>(band);
      for (int r = 0; r < kRows; ++r) {
        uint64_t seed = mix(static_cast<uint64_t>(band * kRows + r + 1));
        uint64_t m = ~0ull;
        for (uint64_t s : sh[i]) m = std::min(m, mix(s ^ seed));
        key = mix(key ^ m);
      }
      buckets[key].push_back(static_cast<uint32_t>(i));
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  for (auto& [k, ids] : buckets)
    for (size_t a = 0; a < ids.size(); ++a)
      for (size_t b = a + 1; b < ids.size() && b < a + 50; ++b) candidates.emplace_back(ids[a], ids[b]);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // Records that carry their own ids (JSON Lines) are the user's own units:
  // a near-copy among them is marked, not folded away.
  auto record = [&](uint32_t i) { return !docs[i].doc.sources.empty() && !docs[i].doc.sources[0].record_id.empty(); };
  std::vector<std::string> similar_to(n);
  for (auto [a, b] : candidates) {
    if (uf.find(a) == uf.find(b) || jaccard(sh[a], sh[b]) < 0.7) continue;
    if (record(a) && record(b)) {
      if (similar_to[b].empty() || docs[a].doc.id < similar_to[b]) similar_to[b] = docs[a].doc.id;
      continue;
    }
    uf.unite(a, b);
  }
  for (size_t i = 0; i < n; ++i) docs[i].doc.near_duplicate_of = similar_to[i];

  std::vector<DocExtraction> kept;
  std::vector<int64_t> slot(n, -1);
  for (size_t i = 0; i < n; ++i) {
    uint32_t r = uf.find(static_cast<uint32_t>(i));
    if (r == i) {
      slot[i] = static_cast<int64_t>(kept.size());
      kept.push_back(std::move(docs[i]));
    } else {
      DocExtraction& into = kept[static_cast<size_t>(slot[r])];
      for (auto& s : docs[i].doc.sources) {
        bool have = std::any_of(into.doc.sources.begin(), into.doc.sources.end(), [&](const SourceRef& x) {
          return x.path == s.path && x.offset == s.offset && x.record_id == s.record_id;
        });
        if (!have) into.doc.sources.push_back(std::move(s));
      }
      if (docs[i].doc.id != into.doc.id)
        diag.note(docs[i].doc.sources.empty() ? docs[i].doc.id : docs[i].doc.id, 0,
                  fmt::format("the same article as {}; folded into it", into.doc.id));
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

void build_actors(Corpus& c) {
  std::vector<const LocalActor*> all;
  std::vector<std::pair<uint32_t, uint32_t>> where;
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

  struct Draft {
    Actor actor;
    std::vector<uint32_t> members;
  };
  std::vector<Draft> drafts;
  for (auto& m : members) {
    if (m.empty()) continue;
    Draft dr;
    std::map<std::string, int> names;
    std::map<int, int> types;
    for (uint32_t i : m) {
      const LocalActor* a = all[i];
      names[a->name]++;
      types[static_cast<int>(a->type)]++;
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
    dr.actor.type = static_cast<ActorType>(
        std::max_element(types.begin(), types.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second < b.second : a.first > b.first;
        })->first);
    for (auto* v : {&dr.actor.aliases, &dr.actor.roles}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    dr.members = std::move(m);
    drafts.push_back(std::move(dr));
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return std::tie(a.actor.name, a.actor.aliases) < std::tie(b.actor.name, b.actor.aliases);
  });
  std::map<std::string, int> used;
  c.actors.clear();
  for (uint32_t g = 0; g < drafts.size(); ++g) {
    Actor& a = drafts[g].actor;
    std::string id = slug(a.name);
    int n = used[id]++;
    a.id = n ? fmt::format("{}-{}", id, n + 1) : id;
    for (uint32_t i : drafts[g].members) c.actor_of[where[i].first][where[i].second] = g;
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

std::string comparison_words(std::string_view s) {
  std::string f = text::fold(s), out;
  bool space = false;
  for (char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out.push_back(' ');
      out.push_back(c);
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

std::string_view slice(const Document& d, Span s) {
  if (s.end > d.text.size() || s.start > s.end) return {};
  return std::string_view(d.text).substr(s.start, s.size());
}

void build_statements(Corpus& c) {
  std::map<std::pair<std::string, int64_t>, uint32_t> index;
  c.statements.clear();
  for (uint32_t d = 0; d < c.docs.size(); ++d) {
    const DocExtraction& x = c.docs[d];
    for (uint32_t k = 0; k < x.statements.size(); ++k) {
      const LocalStatement& s = x.statements[k];
      std::string text(slice(x.doc, s.content));
      int64_t speaker = s.speaker ? static_cast<int64_t>(c.actor_of[d][*s.speaker]) : -1;
      auto key = std::make_pair(comparison_words(text), speaker);
      auto it = index.find(key);
      if (it != index.end()) {
        c.statements[it->second].evidence.push_back({d, k});
        continue;
      }
      Statement st;
      if (s.speaker) st.speaker = c.actor_of[d][*s.speaker];
      st.kind = s.kind;
      st.text = std::move(text);
      st.date = s.date;
      for (uint32_t m : s.mentions) st.mentions.push_back(c.actor_of[d][m]);
      std::sort(st.mentions.begin(), st.mentions.end());
      st.mentions.erase(std::unique(st.mentions.begin(), st.mentions.end()), st.mentions.end());
      st.evidence.push_back({d, k});
      index.emplace(std::move(key), static_cast<uint32_t>(c.statements.size()));
      c.statements.push_back(std::move(st));
    }
  }
  for (Statement& st : c.statements) {
    const auto& ev = st.evidence.front();
    const DocExtraction& x = c.docs[ev.doc];
    const LocalStatement& s = x.statements[ev.local];
    st.id = fmt::format("s-{:012x}",
                        fnv1a(fmt::format("{}:{}:{}:{}", x.doc.id, s.content.start, s.content.end, ev.local)) >> 16);
  }
  std::sort(c.statements.begin(), c.statements.end(), [&](const Statement& a, const Statement& b) {
    const auto& ea = a.evidence.front();
    const auto& eb = b.evidence.front();
    uint32_t sa = c.docs[ea.doc].statements[ea.local].content.start;
    uint32_t sb = c.docs[eb.doc].statements[eb.local].content.start;
    return std::tie(ea.doc, sa, a.id) < std::tie(eb.doc, sb, b.id);
  });
}

void build_events(Corpus& c) {
  std::map<std::string, uint32_t> index;
  c.events.clear();
  for (uint32_t d = 0; d < c.docs.size(); ++d) {
    const DocExtraction& x = c.docs[d];
    for (uint32_t k = 0; k < x.events.size(); ++k) {
      const LocalEvent& e = x.events[k];
      std::vector<std::pair<uint32_t, ParticipantRole>> parts;
      for (const Participant& p : e.participants) parts.emplace_back(c.actor_of[d][p.actor], p.role);
      std::sort(parts.begin(), parts.end());
      parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
      // The same event: type, participants and a date that is not merely the
      // day each report was published.
      std::string key;
      bool mergeable = !e.date.empty() && !e.date_from_publication &&
                       std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.second == ParticipantRole::Source; });
      if (mergeable) {
        key = fmt::format("{}|{}", e.type, e.date);
        for (auto& [a, r] : parts) key += fmt::format("|{}:{}", a, static_cast<int>(r));
        auto it = index.find(key);
        if (it != index.end()) {
          c.events[it->second].evidence.push_back({d, k});
          continue;
        }
      }
      Event ev;
      ev.type = e.type;
      ev.date = e.date;
      ev.date_from_publication = e.date_from_publication;
      ev.modality = e.modality;
      ev.participants = std::move(parts);
      ev.evidence.push_back({d, k});
      if (mergeable) index.emplace(std::move(key), static_cast<uint32_t>(c.events.size()));
      c.events.push_back(std::move(ev));
    }
  }
  for (Event& ev : c.events) {
    const auto& r = ev.evidence.front();
    const DocExtraction& x = c.docs[r.doc];
    const LocalEvent& e = x.events[r.local];
    // The local index keeps ids apart when one trigger starts two events.
    ev.id = fmt::format("e-{:012x}",
                        fnv1a(fmt::format("{}:{}:{}:{}:{}", x.doc.id, e.trigger.start, e.trigger.end, e.type, r.local)) >> 16);
  }
  std::sort(c.events.begin(), c.events.end(), [&](const Event& a, const Event& b) {
    const auto& ea = a.evidence.front();
    const auto& eb = b.evidence.front();
    uint32_t sa = c.docs[ea.doc].events[ea.local].trigger.start;
    uint32_t sb = c.docs[eb.doc].events[eb.local].trigger.start;
    return std::tie(ea.doc, sa, a.id) < std::tie(eb.doc, sb, b.id);
  });
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
