// SPDX-License-Identifier: Apache-2.0
// File: mdm/cluster/review_queue.h
//
// What a data steward is asked after clustering: pairs in the review band
// that clustering left in two clusters, auto-merge scores demoted by a
// cannot-link conflict, and unions clustering refused. One question per
// pair of clusters (its strongest pair) so a steward decides each once;
// every conflict inside one cluster is asked.
//
// The same function serves a full run and a delta run: records carry a
// rank in (source, key) order, so that ties between equal weights fall the
// same way whichever subset of the store a run holds in memory.
#ifndef MDM_CLUSTER_REVIEW_QUEUE_H_
#define MDM_CLUSTER_REVIEW_QUEUE_H_

#include <cstdint>
#include <vector>

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
};

// The candidates to ask, sorted by (min record id, max record id).
std::vector<ReviewCandidate> SelectReviewItems(std::vector<ReviewCandidate> candidates);

}  // namespace mdm::cluster

#endif  // MDM_CLUSTER_REVIEW_QUEUE_H_
