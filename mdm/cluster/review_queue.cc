// SPDX-License-Identifier: Apache-2.0
#include "mdm/cluster/review_queue.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace mdm::cluster {

std::vector<ReviewCandidate> SelectReviewItems(std::vector<ReviewCandidate> candidates,
                                               const Answered& answered) {
  std::erase_if(candidates, [&answered](const ReviewCandidate& c) {
    return answered.pairs.contains({std::min(c.record_a, c.record_b),
                                    std::max(c.record_a, c.record_b)}) ||
           answered.apart.contains({std::min(c.cluster_a, c.cluster_b),
                                    std::max(c.cluster_a, c.cluster_b)});
  });
  // Strongest first; ties by rank, so the kept pair does not depend on the
  // order candidates came in.
  std::sort(candidates.begin(), candidates.end(),
            [](const ReviewCandidate& x, const ReviewCandidate& y) {
              return x.weight != y.weight ? x.weight > y.weight
                                          : std::tie(x.rank_a, x.rank_b) <
                                                std::tie(y.rank_a, y.rank_b);
            });
  absl::flat_hash_set<std::pair<uint64_t, uint64_t>> asked;
  std::vector<ReviewCandidate> out;
  for (const ReviewCandidate& c : candidates) {
    const uint64_t x = std::min(c.cluster_a, c.cluster_b);
    const uint64_t y = std::max(c.cluster_a, c.cluster_b);
    if (x != y && !asked.insert({x, y}).second) continue;
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const ReviewCandidate& x, const ReviewCandidate& y) {
    return std::make_pair(std::min(x.record_a, x.record_b), std::max(x.record_a, x.record_b)) <
           std::make_pair(std::min(y.record_a, y.record_b), std::max(y.record_a, y.record_b));
  });
  return out;
}

double ReviewPriority(double probability, int64_t size_a, int64_t size_b) {
  const double records = static_cast<double>(std::max<int64_t>(2, size_a + size_b));
  return 1.0 - std::abs(2.0 * probability - 1.0) + std::log2(records) / 10.0;
}

}  // namespace mdm::cluster
