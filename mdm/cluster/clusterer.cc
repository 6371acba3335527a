// SPDX-License-Identifier: Apache-2.0
#include "mdm/cluster/clusterer.h"

#include <algorithm>
#include <numeric>

namespace mdm::cluster {
namespace {

class ConstrainedUnionFind {
 public:
  ConstrainedUnionFind(uint32_t rows, std::vector<IdentityKeys> identity,
                       const std::vector<std::pair<uint32_t, uint32_t>>& cannot_link,
                       std::function<bool(uint32_t, uint32_t)> distinct)
      : parent_(rows), size_(rows, 1), identity_(std::move(identity)), holders_(rows),
        partners_(rows), members_(rows), distinct_(std::move(distinct)) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    identity_.resize(rows);
    for (uint32_t row = 0; row < rows; ++row) {
      if (!identity_[row].empty()) holders_[row] = {row};
    }
    if (distinct_) {
      for (uint32_t row = 0; row < rows; ++row) members_[row] = {row};
    }
    for (const auto& [a, b] : cannot_link) {
      if (a >= rows || b >= rows || a == b) continue;
      partners_[a].push_back(b);
      partners_[b].push_back(a);
    }
  }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // Joins the clusters of a and b unless `checked` and they conflict.
  // Returns false when refused.
  bool Union(uint32_t a, uint32_t b, bool checked) {
    uint32_t x = Find(a), y = Find(b);
    if (x == y) return true;
    if (checked && Conflict(x, y, a, b)) return false;
    if (size_[x] < size_[y]) std::swap(x, y);
    parent_[y] = x;
    size_[x] += size_[y];
    holders_[x].insert(holders_[x].end(), holders_[y].begin(), holders_[y].end());
    std::vector<uint32_t>().swap(holders_[y]);
    partners_[x].insert(partners_[x].end(), partners_[y].begin(), partners_[y].end());
    std::vector<uint32_t>().swap(partners_[y]);
    if (distinct_) {
      // Only the first kMaxCheckedMembers are ever checked: keep no more.
      for (uint32_t m : members_[y]) {
        if (members_[x].size() >= kMaxCheckedMembers) break;
        members_[x].push_back(m);
      }
      std::vector<uint32_t>().swap(members_[y]);
    }
    return true;
  }

 private:
  // Whether the clusters rooted at x and y may not join; the union is
  // asked for through the edge (a, b), which is known not to be distinct.
  bool Conflict(uint32_t x, uint32_t y, uint32_t a, uint32_t b) {
    for (uint32_t p : partners_[x]) {
      if (Find(p) == y) return true;
    }
    // Row by row, not on the clusters' unions: a row holding two RPPS must
    // not bridge the holders of each.
    for (uint32_t m : holders_[x]) {
      for (uint32_t n : holders_[y]) {
        if (IdentityConflict(identity_[m], identity_[n])) return true;
      }
    }
    if (!distinct_) return false;
    for (uint32_t m : members_[x]) {
      for (uint32_t n : members_[y]) {
        if ((m == a && n == b) || (m == b && n == a)) continue;
        if (distinct_(std::min(m, n), std::max(m, n))) return true;
      }
    }
    return false;
  }

  // Both sorted by (kind, value): walk kind by kind.
  static bool IdentityConflict(const IdentityKeys& a, const IdentityKeys& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      const uint8_t kind = std::min(a[i].first, b[j].first);
      const size_t i_end = std::find_if(a.begin() + i, a.end(),
                                        [&](const auto& k) { return k.first != kind; }) -
                           a.begin();
      const size_t j_end = std::find_if(b.begin() + j, b.end(),
                                        [&](const auto& k) { return k.first != kind; }) -
                           b.begin();
      if (a[i].first == kind && b[j].first == kind) {
        bool common = false;
        for (size_t p = i, q = j; p < i_end && q < j_end && !common;) {
          if (a[p].second == b[q].second) {
            common = true;
          } else if (a[p].second < b[q].second) {
            ++p;
          } else {
            ++q;
          }
        }
        if (!common) return true;
      }
      if (a[i].first == kind) i = i_end;
      if (b[j].first == kind) j = j_end;
    }
    return false;
  }

  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
  std::vector<IdentityKeys> identity_;          // per row, as given
  std::vector<std::vector<uint32_t>> holders_;  // per root: member rows with keys
  std::vector<std::vector<uint32_t>> partners_;
  std::vector<std::vector<uint32_t>> members_;
  std::function<bool(uint32_t, uint32_t)> distinct_;
};

}  // namespace

ClusterOutput Cluster(ClusterInput input) {
  ConstrainedUnionFind uf(input.rows, std::move(input.identity), input.cannot_link,
                          std::move(input.distinct));
  for (const auto& [a, b] : input.must_link) {
    if (a < input.rows && b < input.rows) uf.Union(a, b, /*checked=*/false);
  }
  std::vector<Edge>& edges = input.merges;
  for (Edge& e : edges) {
    if (e.a > e.b) std::swap(e.a, e.b);
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  ClusterOutput out;
  for (const Edge& e : edges) {
    if (e.a >= input.rows || e.b >= input.rows) continue;
    if (!uf.Union(e.a, e.b, /*checked=*/true)) out.refused.push_back(e);
  }
  out.cluster_of.assign(input.rows, 0);
  std::vector<uint32_t> smallest(input.rows, UINT32_MAX);
  for (uint32_t row = 0; row < input.rows; ++row) {
    uint32_t& s = smallest[uf.Find(row)];
    if (s == UINT32_MAX) {
      s = row;
      ++out.clusters;
    }
    out.cluster_of[row] = s;
  }
  return out;
}

}  // namespace mdm::cluster
