// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/evaluate/cluster_metrics.h: hand-computed pairwise and
// B-cubed examples, the edge cases the header documents, and the
// contingency-table computation against the quadratic definitions on random
// labelings (differential, seeded).
#include "mdm/evaluate/cluster_metrics.h"

#include <cstdint>
#include <random>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::evaluate {
namespace {

TEST_CASE("ClusterMetrics: a split entity and a merged pair, computed by hand",
          "[evaluate]") {
  // Truth: A = {0, 1, 2}, B = {3, 4}, C = {5}.
  // Prediction: {0, 1}, {2, 3, 4}, {5}.
  const ClusterMetrics m = CompareClusterings({1, 1, 2, 2, 2, 3}, {10, 10, 10, 20, 20, 30});
  CHECK(m.items == 6);
  CHECK(m.true_clusters == 3);
  CHECK(m.predicted_clusters == 3);
  CHECK(m.true_pairs == 4);       // 01 02 12 34
  CHECK(m.predicted_pairs == 4);  // 01 23 24 34
  CHECK(m.correct_pairs == 2);    // 01 34
  CHECK(m.precision == Approx(0.5));
  CHECK(m.recall == Approx(0.5));
  CHECK(m.f1 == Approx(0.5));
  // B-cubed precision per item: 1, 1, 1/3, 2/3, 2/3, 1 -> 14/3 over 6.
  CHECK(m.bcubed_precision == Approx(7.0 / 9.0));
  // B-cubed recall per item: 2/3, 2/3, 1/3, 1, 1, 1 -> 14/3 over 6.
  CHECK(m.bcubed_recall == Approx(7.0 / 9.0));
  CHECK(m.bcubed_f1 == Approx(7.0 / 9.0));
}

TEST_CASE("ClusterMetrics: an entity split in three, computed by hand", "[evaluate]") {
  // Truth: one entity of four. Prediction: {0, 1}, {2}, {3}.
  const ClusterMetrics m = CompareClusterings({5, 5, 6, 7}, {1, 1, 1, 1});
  CHECK(m.true_pairs == 6);
  CHECK(m.predicted_pairs == 1);
  CHECK(m.correct_pairs == 1);
  CHECK(m.precision == Approx(1.0));
  CHECK(m.recall == Approx(1.0 / 6.0));
  CHECK(m.f1 == Approx(2.0 / 7.0));
  CHECK(m.bcubed_precision == Approx(1.0));  // every cluster is pure
  // Per item: 2/4, 2/4, 1/4, 1/4.
  CHECK(m.bcubed_recall == Approx(3.0 / 8.0));
  CHECK(m.bcubed_f1 == Approx(6.0 / 11.0));
}

TEST_CASE("ClusterMetrics: two entities merged into one cluster, computed by hand",
          "[evaluate]") {
  // Truth: {0, 1}, {2, 3, 4}. Prediction: one cluster of five.
  const ClusterMetrics m = CompareClusterings({0, 0, 0, 0, 0}, {1, 1, 2, 2, 2});
  CHECK(m.predicted_pairs == 10);
  CHECK(m.true_pairs == 4);
  CHECK(m.correct_pairs == 4);
  CHECK(m.precision == Approx(0.4));
  CHECK(m.recall == Approx(1.0));
  CHECK(m.f1 == Approx(2 * 0.4 / 1.4));
  // Per item: 2/5, 2/5, 3/5, 3/5, 3/5.
  CHECK(m.bcubed_precision == Approx(13.0 / 25.0));
  CHECK(m.bcubed_recall == Approx(1.0));
}

TEST_CASE("ClusterMetrics: a perfect clustering scores 1 whatever its labels", "[evaluate]") {
  const ClusterMetrics m =
      CompareClusterings({7, 7, 3, 9, 9, 9, -1}, {100, 100, 0, 42, 42, 42, 5});
  CHECK(m.true_clusters == 4);
  CHECK(m.predicted_clusters == 4);
  CHECK(m.correct_pairs == m.true_pairs);
  CHECK(m.correct_pairs == m.predicted_pairs);
  CHECK(m.precision == 1.0);
  CHECK(m.recall == 1.0);
  CHECK(m.f1 == 1.0);
  CHECK(m.bcubed_precision == Approx(1.0));
  CHECK(m.bcubed_recall == Approx(1.0));
  CHECK(m.bcubed_f1 == Approx(1.0));
}

TEST_CASE("ClusterMetrics: predicting all singletons", "[evaluate]") {
  SECTION("against entities with pairs") {
    // Truth: {0, 1}, {2, 3, 4}; nothing predicted together.
    const ClusterMetrics m = CompareClusterings({0, 1, 2, 3, 4}, {1, 1, 2, 2, 2});
    CHECK(m.predicted_pairs == 0);
    CHECK(m.correct_pairs == 0);
    CHECK(m.precision == 1.0);  // nothing predicted: nothing wrong
    CHECK(m.recall == 0.0);
    CHECK(m.f1 == 0.0);
    CHECK(m.bcubed_precision == Approx(1.0));
    // Per item: 1/2, 1/2, 1/3, 1/3, 1/3.
    CHECK(m.bcubed_recall == Approx(2.0 / 5.0));
  }
  SECTION("against singletons") {
    const ClusterMetrics m = CompareClusterings({0, 1, 2}, {5, 6, 7});
    CHECK(m.true_pairs == 0);
    CHECK(m.precision == 1.0);
    CHECK(m.recall == 1.0);  // nothing to find
    CHECK(m.f1 == 1.0);
    CHECK(m.bcubed_precision == Approx(1.0));
    CHECK(m.bcubed_recall == Approx(1.0));
  }
}

TEST_CASE("ClusterMetrics: empty input counts nothing and stays finite", "[evaluate]") {
  const ClusterMetrics m = CompareClusterings({}, {});
  CHECK(m.items == 0);
  CHECK(m.true_clusters == 0);
  CHECK(m.predicted_clusters == 0);
  CHECK(m.true_pairs == 0);
  CHECK(m.predicted_pairs == 0);
  CHECK(m.correct_pairs == 0);
  CHECK(m.precision == 1.0);
  CHECK(m.recall == 1.0);
  CHECK(m.f1 == 1.0);
  for (double v : {m.bcubed_precision, m.bcubed_recall, m.bcubed_f1}) {
    CHECK(v >= 0.0);  // false for NaN
    CHECK(v <= 1.0);
  }
}

TEST_CASE("F1: the harmonic mean of precision and recall", "[evaluate]") {
  CHECK(F1(0, 0) == 0);
  CHECK(F1(1, 1) == 1);
  CHECK(F1(1, 0) == 0);
  CHECK(F1(0.5, 1) == Approx(2.0 / 3.0));
  CHECK(F1(0.25, 0.75) == Approx(0.375));
  CHECK(F1(0.3, 0.6) == Approx(F1(0.6, 0.3)));
}

// The quadratic definitions: every pair of items, every item's clusters.
ClusterMetrics Naive(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth) {
  ClusterMetrics m;
  const size_t n = predicted.size();
  m.items = static_cast<int64_t>(n);
  double bp = 0, br = 0;
  for (size_t i = 0; i < n; ++i) {
    int64_t in_cluster = 0, in_entity = 0, in_both = 0;
    for (size_t j = 0; j < n; ++j) {
      const bool p = predicted[i] == predicted[j], t = truth[i] == truth[j];
      in_cluster += p;
      in_entity += t;
      in_both += p && t;
      if (j > i) {
        m.predicted_pairs += p;
        m.true_pairs += t;
        m.correct_pairs += p && t;
      }
    }
    bp += static_cast<double>(in_both) / static_cast<double>(in_cluster);
    br += static_cast<double>(in_both) / static_cast<double>(in_entity);
  }
  m.bcubed_precision = bp / static_cast<double>(n);
  m.bcubed_recall = br / static_cast<double>(n);
  return m;
}

TEST_CASE("ClusterMetrics: the contingency table gives the pairwise definitions",
          "[evaluate][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  const size_t n = std::uniform_int_distribution<size_t>(1, 60)(rng);
  const int64_t labels = std::uniform_int_distribution<int64_t>(1, 12)(rng);
  std::uniform_int_distribution<int64_t> label(-labels, labels);
  std::vector<int64_t> predicted(n), truth(n);
  for (size_t i = 0; i < n; ++i) {
    truth[i] = label(rng);
    // Mostly right, sometimes not.
    predicted[i] = rng() % 4 == 0 ? label(rng) : truth[i] * 3 + 1;
  }
  const ClusterMetrics got = CompareClusterings(predicted, truth);
  const ClusterMetrics want = Naive(predicted, truth);
  CHECK(got.items == want.items);
  CHECK(got.true_pairs == want.true_pairs);
  CHECK(got.predicted_pairs == want.predicted_pairs);
  CHECK(got.correct_pairs == want.correct_pairs);
  CHECK(got.bcubed_precision == Approx(want.bcubed_precision).epsilon(1e-12));
  CHECK(got.bcubed_recall == Approx(want.bcubed_recall).epsilon(1e-12));
  const double precision =
      want.predicted_pairs > 0
          ? static_cast<double>(want.correct_pairs) / static_cast<double>(want.predicted_pairs)
          : 1.0;
  CHECK(got.precision == Approx(precision));
  CHECK(got.f1 == Approx(F1(got.precision, got.recall)));
  CHECK(got.bcubed_f1 == Approx(F1(got.bcubed_precision, got.bcubed_recall)));
  // Swapping the two labelings swaps precision and recall.
  const ClusterMetrics swapped = CompareClusterings(truth, predicted);
  CHECK(swapped.precision == Approx(got.recall));
  CHECK(swapped.bcubed_precision == Approx(got.bcubed_recall));
}

}  // namespace
}  // namespace mdm::evaluate
