// consolidate(), job 1: the same article in several inputs. Documents whose
// word 4-gram shingle sets overlap (Jaccard >= 0.7) are one; candidates come
// from MinHash bands, so the work stays near linear in the number of
// articles. The kept copy is the one with the smallest id; it takes every source.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/corpus.hpp"
#include "merge/consolidate_internal.hpp"
#include "pipeline/parallel.hpp"
#include "util/hash.hpp"

namespace eventloom::merge_detail {
namespace {

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

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t inter = common_count(a, b);
  size_t uni = a.size() + b.size() - inter;
  return uni ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
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

}  // namespace

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

}  // namespace eventloom::merge_detail
