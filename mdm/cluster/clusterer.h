// SPDX-License-Identifier: Apache-2.0
// File: mdm/cluster/clusterer.h
//
// The Cluster stage: turns auto-merge edges into clusters (one per person)
// with a union-find that refuses any union that would put a cannot-link
// pair in one cluster. Two kinds of cannot-link exist: identity keys (two
// records with different valid identifiers of one cannot-link scheme, see
// mdm/match/cannot_link.h) and explicit pairs (a steward's "different").
// Explicit must-link pairs (a steward's "same") are joined first, always.
// A third guard stops chaining, where one vague record links two people:
// when `distinct` is set, a union is refused if it says that some record of
// one cluster and some record of the other are clearly two people (the
// first kMaxCheckedMembers rows of each cluster are checked).
//
// Edges are applied strongest first (ties by row numbers), so the result
// depends only on the edges and rows, never on the order they were given
// in; a refused edge is returned for review.
//
// Example:
//   ClusterInput in{.rows = 4, .merges = {{0, 1, 20.0}, {1, 2, 15.0}}};
//   in.identity = {{{0, 111}}, {}, {{0, 222}}, {}};  // rows 0 and 2 conflict
//   ClusterOutput out = Cluster(std::move(in));
//   // out.cluster_of == {0, 0, 2, 3}; out.refused == {{1, 2, 15.0}}
#ifndef MDM_CLUSTER_CLUSTERER_H_
#define MDM_CLUSTER_CLUSTERER_H_

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace mdm::cluster {

struct Edge {
  uint32_t a = 0;
  uint32_t b = 0;
  double weight = 0;
  bool operator==(const Edge&) const = default;
};

// (kind, value) keys; two rows conflict when they hold keys of one kind and
// share no value of that kind.
using IdentityKeys = std::vector<std::pair<uint8_t, uint64_t>>;

inline constexpr size_t kMaxCheckedMembers = 16;

struct ClusterInput {
  uint32_t rows = 0;
  std::vector<Edge> merges;
  std::vector<IdentityKeys> identity;  // per row, sorted; may be empty (no keys)
  std::vector<std::pair<uint32_t, uint32_t>> must_link;
  std::vector<std::pair<uint32_t, uint32_t>> cannot_link;
  // True when rows a and b are clearly two people; may be empty.
  std::function<bool(uint32_t, uint32_t)> distinct;
};

struct ClusterOutput {
  // Per row, the smallest row of its cluster.
  std::vector<uint32_t> cluster_of;
  // Merge edges whose union was refused, strongest first.
  std::vector<Edge> refused;
  int64_t clusters = 0;
};

ClusterOutput Cluster(ClusterInput input);

}  // namespace mdm::cluster

#endif  // MDM_CLUSTER_CLUSTERER_H_
