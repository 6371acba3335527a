// SPDX-License-Identifier: Apache-2.0
#include "mdm/evaluate/cluster_metrics.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace mdm::evaluate {
namespace {

int64_t Pairs(int64_t n) { return n * (n - 1) / 2; }

}  // namespace

double F1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

ClusterMetrics CompareClusterings(const std::vector<int64_t>& predicted,
                                  const std::vector<int64_t>& truth) {
  ClusterMetrics m;
  m.items = static_cast<int64_t>(predicted.size());
  absl::flat_hash_map<int64_t, int64_t> pred_size, true_size;
  absl::flat_hash_map<std::pair<int64_t, int64_t>, int64_t> cell;
  for (size_t i = 0; i < predicted.size(); ++i) {
    ++pred_size[predicted[i]];
    ++true_size[truth[i]];
    ++cell[{predicted[i], truth[i]}];
  }
  m.predicted_clusters = static_cast<int64_t>(pred_size.size());
  m.true_clusters = static_cast<int64_t>(true_size.size());
  for (const auto& [label, n] : pred_size) m.predicted_pairs += Pairs(n);
  for (const auto& [label, n] : true_size) m.true_pairs += Pairs(n);
  // Floating-point sums in a fixed order: hash maps iterate differently in
  // every process, and the same store must evaluate to the same digits.
  std::vector<std::pair<std::pair<int64_t, int64_t>, int64_t>> cells(cell.begin(), cell.end());
  std::sort(cells.begin(), cells.end());
  double bp = 0, br = 0;
  for (const auto& [labels, n] : cells) {
    m.correct_pairs += Pairs(n);
    // Each of the n items of this cell sees n of its predicted cluster's
    // items in its entity, and n of its entity's items in its cluster.
    const auto dn = static_cast<double>(n);
    bp += dn * dn / static_cast<double>(pred_size[labels.first]);
    br += dn * dn / static_cast<double>(true_size[labels.second]);
  }
  m.precision = m.predicted_pairs > 0
                    ? static_cast<double>(m.correct_pairs) / static_cast<double>(m.predicted_pairs)
                    : 1.0;
  m.recall = m.true_pairs > 0
                 ? static_cast<double>(m.correct_pairs) / static_cast<double>(m.true_pairs)
                 : 1.0;
  m.f1 = F1(m.precision, m.recall);
  if (m.items > 0) {
    m.bcubed_precision = bp / static_cast<double>(m.items);
    m.bcubed_recall = br / static_cast<double>(m.items);
  }
  m.bcubed_f1 = F1(m.bcubed_precision, m.bcubed_recall);
  return m;
}

}  // namespace mdm::evaluate
