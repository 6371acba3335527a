// SPDX-License-Identifier: Apache-2.0
// File: mdm/cluster/golden_ids.h
//
// Stable golden ids: which id each new cluster carries, given the golden
// records its members belonged to before the run.
//
// Prior golden records choose in age order (creation sequence), oldest
// first, and each keeps its largest part, so a split keeps the id on the
// larger part. When an older record kept that part already, the younger
// one is merged into it (the oldest id survives a merge), unless it has
// another part of the same size that no older record kept: it keeps that
// one (half of its records moved; the other half is still its person).
// Remaining ties go to the cluster with the smaller seed. A cluster nobody
// keeps gets a new id, derived from its seed (its smallest member,
// "source\0key") so that the same inputs give the same ids in every store;
// a prior record with no member left is retired.
//
// Example: prior G1 = {a, b, c} (older), G2 = {d}. New clusters
// {a, b} and {c, d}: G1 keeps {a, b}; G2 keeps {c, d} (c moved). New
// clusters {a, b, c, d}: G1 keeps it, G2 is merged into G1. Prior G1 = {a},
// G2 = {b, c}, new clusters {a, b} and {c}: G1 keeps {a, b}, G2 keeps {c}.
//
// Pure and deterministic: the result depends on memberships and seeds,
// never on the order of records, clusters or prior records.
#ifndef MDM_CLUSTER_GOLDEN_IDS_H_
#define MDM_CLUSTER_GOLDEN_IDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mdm::cluster {

inline constexpr uint32_t kNoIndex = UINT32_MAX;

struct PriorGolden {
  std::string golden_id;
  int64_t seq = 0;  // creation order: smaller is older
};

struct IdInput {
  // Per record: its cluster in this run (kNoIndex: the record left, e.g.
  // deleted) and the prior golden record it belonged to (index into
  // `prior`; kNoIndex: a record new to the store).
  std::vector<uint32_t> cluster_of;
  std::vector<uint32_t> prior_of;
  std::vector<PriorGolden> prior;
  // Per cluster: its smallest member as "source\0key".
  std::vector<std::string> cluster_seed;
  // Whether an id is in use already (by any golden record, also merged or
  // retired ones); a new id never reuses one.
  std::function<bool(absl::string_view id)> taken;
};

enum class PriorFate {
  kKept,     // its id lives on in `cluster`
  kMerged,   // absorbed by the cluster of an older record
  kRetired,  // no member left
};

struct IdOutput {
  // Per cluster.
  std::vector<std::string> cluster_id;
  std::vector<uint32_t> cluster_prior;  // the prior record whose id it carries, or kNoIndex
  // Per prior record.
  std::vector<PriorFate> fate;
  std::vector<uint32_t> prior_cluster;  // the cluster it claimed (kKept, kMerged), else kNoIndex
  std::vector<bool> split;              // its remaining members went to several clusters
};

IdOutput AssignGoldenIds(const IdInput& in);

// "G" followed by 16 base-32 characters of SHA-256(seed, attempt): opaque,
// 80 bits, and the same for the same seed in every store.
std::string NewGoldenId(absl::string_view seed, int attempt);

}  // namespace mdm::cluster

#endif  // MDM_CLUSTER_GOLDEN_IDS_H_
