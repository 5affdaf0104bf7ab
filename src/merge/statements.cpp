// consolidate(), job 3: statements across articles. The same speaker and the
// same words in several places are one statement with all of them as evidence.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/text.hpp"
#include "eventloom/corpus.hpp"
#include "merge/consolidate_internal.hpp"
#include "pipeline/parallel.hpp"
#include "util/hash.hpp"

namespace eventloom::merge_detail {
namespace {

using util::fnv1a;

std::string_view slice(const Document& d, Span s) {
  if (s.end > d.text.size() || s.start > s.end) return {};
  return std::string_view(d.text).substr(s.start, s.size());
}

}  // namespace

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

}  // namespace eventloom::merge_detail
