// SPDX-License-Identifier: Apache-2.0
// File: mdm/cluster/review_queue.h
//
// What a data steward is asked after clustering: pairs in the review band
// that clustering left in two clusters, auto-merge scores demoted by a
// cannot-link conflict, and unions clustering refused. One question per
// pair of clusters (its strongest pair) so a steward decides each once;
// every conflict inside one cluster is asked.
//
// Questions a steward has answered are not asked again: a pair with a
// steward link, and any pair across two clusters a steward's cannot-link
// keeps apart.
//
// The same function serves a full run and a delta run: records carry a
// rank in (source, key) order, so that ties between equal weights fall the
// same way whichever subset of the store a run holds in memory.
#ifndef MDM_CLUSTER_REVIEW_QUEUE_H_
#define MDM_CLUSTER_REVIEW_QUEUE_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace mdm::cluster {

struct ReviewCandidate {
  int64_t record_a = 0;  // store ids
  int64_t record_b = 0;
  uint64_t rank_a = 0;   // (source, key) order of the records: rank_a < rank_b
  uint64_t rank_b = 0;
  uint64_t cluster_a = 0;  // any key that is equal for records of one cluster
  uint64_t cluster_b = 0;
  double weight = 0;
  const char* reason = "review_band";  // review_band, identifier_conflict, cannot_link
  int64_t size_a = 1;  // records in cluster_a, for the item's priority
  int64_t size_b = 1;
};

// What stewards have answered.
struct Answered {
  absl::flat_hash_set<std::pair<int64_t, int64_t>> pairs;    // (smaller, larger) record id
  absl::flat_hash_set<std::pair<uint64_t, uint64_t>> apart;  // (smaller, larger) cluster key
};

// The candidates to ask, sorted by (min record id, max record id).
std::vector<ReviewCandidate> SelectReviewItems(std::vector<ReviewCandidate> candidates,
                                               const Answered& answered);

// Higher first: 1 - |2p - 1| (closest to even odds) plus
// log2(size_a + size_b) / 10 (touching many records).
double ReviewPriority(double probability, int64_t size_a, int64_t size_b);

}  // namespace mdm::cluster

#endif  // MDM_CLUSTER_REVIEW_QUEUE_H_
