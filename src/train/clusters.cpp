// Word clusters from fastText vectors: spherical k-means, level by level,
// each level splitting every cluster of the level above, so the three ids of
// a word are a path in a tree (like the prefixes of a Brown cluster).
// Deterministic: k-means++ seeding from a fixed-seed generator.
#include <cmath>
#include <fstream>
#include <sstream>

#include "analyse/clusters.hpp"
#include "train/common.hpp"
#include "train/train.hpp"

namespace eventloom::train {
namespace {

using Vec = std::vector<float>;

float dot(const float* a, const float* b, size_t d) {
  float s = 0;
  for (size_t i = 0; i < d; ++i) s += a[i] * b[i];
  return s;
}

// Spherical k-means of the rows `members` of `data` (unit vectors) into k
// clusters; returns each member's cluster in [0, k).
std::vector<uint32_t> kmeans(const std::vector<float>& data, size_t dim, const std::vector<uint32_t>& members,
                             size_t k, int iterations, uint64_t seed) {
  const size_t n = members.size();
  std::vector<uint32_t> assign(n, 0);
  if (n == 0) return assign;
  if (k >= n) {
    for (size_t i = 0; i < n; ++i) assign[i] = static_cast<uint32_t>(i);
    return assign;
  }
  auto row = [&](size_t i) { return &data[size_t(members[i]) * dim]; };
  // k-means++ seeding on 1 - cosine.
  Rng rng{seed};
  std::vector<float> centers(k * dim);
  std::vector<double> dist(n, 2.0);
  size_t first = rng.next() % n;
  std::copy(row(first), row(first) + dim, centers.begin());
  for (size_t c = 1; c < k; ++c) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
      double d = 1.0 - dot(row(i), &centers[(c - 1) * dim], dim);
      if (d < dist[i]) dist[i] = d < 0 ? 0 : d;
      total += dist[i] * dist[i];
    }
    double r = (rng.next() >> 11) * (1.0 / 9007199254740992.0) * total;
    size_t pick = n - 1;
    for (size_t i = 0; i < n; ++i) {
      r -= dist[i] * dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    std::copy(row(pick), row(pick) + dim, centers.begin() + c * dim);
  }
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t i = 0; i < n; ++i) {
      uint32_t best = 0;
      float bs = -2;
      for (size_t c = 0; c < k; ++c) {
        float s = dot(row(i), &centers[c * dim], dim);
        if (s > bs) bs = s, best = static_cast<uint32_t>(c);
      }
      moved += best != assign[i] || it == 0;
      assign[i] = best;
    }
    std::fill(centers.begin(), centers.end(), 0.0f);
    std::vector<size_t> size(k, 0);
    for (size_t i = 0; i < n; ++i) {
      float* c = &centers[assign[i] * dim];
      const float* x = row(i);
      for (size_t d = 0; d < dim; ++d) c[d] += x[d];
      ++size[assign[i]];
    }
    for (size_t c = 0; c < k; ++c) {
      float* v = &centers[c * dim];
      float norm = std::sqrt(dot(v, v, dim));
      if (size[c] == 0 || norm == 0) {  // an empty cluster takes a point of its own
        const float* x = row(rng.next() % n);
        std::copy(x, x + dim, v);
        continue;
      }
      for (size_t d = 0; d < dim; ++d) v[d] /= norm;
    }
    if (moved == 0) break;
  }
  return assign;
}

}  // namespace

int train_clusters(const ClusterArgs& a) {
  std::ifstream in(a.vectors);
  if (!in) {
    std::cerr << "eventloom_train: cannot read " << a.vectors << "\n";
    return 1;
  }
  size_t n = 0, dim = 0;
  in >> n >> dim;
  std::string line;
  std::getline(in, line);
  std::vector<std::string> words;
  std::vector<float> data;
  data.reserve(n * dim);
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string w;
    ss >> w;
    size_t start = data.size();
    float x, norm = 0;
    for (size_t d = 0; d < dim && ss >> x; ++d) data.push_back(x), norm += x * x;
    if (data.size() - start != dim || w == "</s>") {
      data.resize(start);
      continue;
    }
    norm = std::sqrt(norm);
    for (size_t d = start; d < data.size(); ++d) data[d] = norm > 0 ? data[d] / norm : 0;
    words.push_back(w);
  }
  if (words.empty() || a.levels.size() != analyse::WordClusters::kLevels) {
    std::cerr << "eventloom_train: no vectors in " << a.vectors << " or not three levels\n";
    return 1;
  }
  // ids[level][word], 0-based; each level splits the clusters of the one before.
  std::vector<std::vector<uint32_t>> ids(a.levels.size(), std::vector<uint32_t>(words.size(), 0));
  std::vector<std::vector<uint32_t>> groups(1);
  for (uint32_t i = 0; i < words.size(); ++i) groups[0].push_back(i);
  size_t prev = 1;
  for (size_t level = 0; level < a.levels.size(); ++level) {
    size_t split = std::max<size_t>(1, a.levels[level] / prev);
    std::vector<std::vector<uint32_t>> next(prev * split);
    for (size_t g = 0; g < groups.size(); ++g) {
      auto assign = kmeans(data, dim, groups[g], split, a.iterations, 0xc1u + level * 7919 + g);
      for (size_t i = 0; i < assign.size(); ++i) {
        uint32_t id = static_cast<uint32_t>(g * split + assign[i]);
        ids[level][groups[g][i]] = id;
        next[id].push_back(groups[g][i]);
      }
    }
    groups = std::move(next);
    prev = prev * split;
    std::cerr << "level " << level << ": " << prev << " clusters\n";
  }
  std::vector<std::pair<std::string, analyse::WordClusters::Ids>> rows;
  rows.reserve(words.size());
  analyse::WordClusters::Ids sizes{};
  for (size_t l = 0; l < sizes.size(); ++l) sizes[l] = static_cast<uint16_t>(a.levels[l]);
  for (size_t i = 0; i < words.size(); ++i) {
    analyse::WordClusters::Ids x{};
    for (size_t l = 0; l < x.size(); ++l) x[l] = static_cast<uint16_t>(ids[l][i] + 1);
    rows.emplace_back(words[i], x);
  }
  auto c = analyse::WordClusters::from_words(rows, sizes);
  write_file_or_die(a.out, c.serialize());
  std::cerr << "wrote " << a.out << ": " << c.size() << " words\n";
  return 0;
}

}  // namespace eventloom::train
