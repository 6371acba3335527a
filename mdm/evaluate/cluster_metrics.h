// SPDX-License-Identifier: Apache-2.0
// File: mdm/evaluate/cluster_metrics.h
//
// Agreement of a predicted clustering with a true one over the same items:
// pairwise counts (pairs together in both, in the prediction, in the truth)
// and B-cubed precision and recall (Bagga and Baldwin 1998: per item, the
// share of its predicted cluster that is truly its entity, and of its entity
// that is in its predicted cluster, averaged over items). Computed from the
// contingency table, so the cost is linear in the items, not quadratic.
#ifndef MDM_EVALUATE_CLUSTER_METRICS_H_
#define MDM_EVALUATE_CLUSTER_METRICS_H_

#include <cstdint>
#include <vector>

namespace mdm::evaluate {

struct ClusterMetrics {
  int64_t items = 0;
  int64_t true_clusters = 0;
  int64_t predicted_clusters = 0;
  int64_t true_pairs = 0;
  int64_t predicted_pairs = 0;
  int64_t correct_pairs = 0;
  double precision = 0;  // correct / predicted; 1 when nothing was predicted
  double recall = 0;     // correct / true; 1 when there is nothing to find
  double f1 = 0;
  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1 = 0;
};

// `predicted[i]` and `truth[i]` are the cluster labels of item i.
// REQUIRES: predicted.size() == truth.size().
ClusterMetrics CompareClusterings(const std::vector<int64_t>& predicted,
                                  const std::vector<int64_t>& truth);

// 2pr / (p + r); 0 when both are 0.
double F1(double precision, double recall);

}  // namespace mdm::evaluate

#endif  // MDM_EVALUATE_CLUSTER_METRICS_H_
