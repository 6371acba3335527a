// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/training.h
//
// Estimates a MatchModel from the records themselves, without labels, in
// splink's way:
//   * u by random sampling: pairs of distinct records drawn at random are
//     almost all of different people, so the share of them at each level
//     estimates u (every pair is compared when there are fewer pairs than
//     the sample asks for);
//   * m by expectation-maximisation over the candidate pairs' comparison
//     vectors, counted by pattern (a pattern is one combination of levels),
//     so an iteration costs the number of distinct patterns, not of pairs.
//     EM fits a two-class mixture with its own non-match distribution for
//     candidate pairs (blocking makes them agree more than random pairs do),
//     keeps m, and leaves u to the random sample;
//   * the prior from EM's share of matches among candidate pairs, scaled to
//     all pairs.
// Null levels carry no evidence and are left out of every estimate. The
// result is deterministic: same records and setting, same model, whatever
// the number of threads.
#ifndef MDM_MATCH_TRAINING_H_
#define MDM_MATCH_TRAINING_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "mdm/match/blocking.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/model.h"
#include "mdm/matching_config.h"

namespace mdm::match {

// Per comparison, per level (index 0 = null), a count or a probability.
using LevelTable = std::vector<std::vector<double>>;

struct PatternCount {
  uint64_t pattern = 0;  // ComparisonVector::Pattern()
  int64_t count = 0;
};

// Level counts over `pairs` random pairs of distinct rows (all pairs when
// there are fewer), drawn from `seed`. Returns the counts and sets
// *compared to the number of pairs compared.
LevelTable SampleLevelCounts(const FeatureTable& table, const Comparator& comparator,
                             int64_t pairs, uint64_t seed, int threads, int64_t* compared);

// Every candidate pair's pattern, counted, sorted by pattern.
std::vector<PatternCount> CountPatterns(Blocker& blocker, const Comparator& comparator,
                                        int threads);

struct EmResult {
  LevelTable m;  // per level, over the non-null levels
  double match_share = 0;
  int iterations = 0;
  bool converged = false;
};

// Fits the two-class mixture to `patterns`. `u_start` (per level, over the
// non-null levels) seeds the non-match class.
EmResult RunEm(const std::vector<PatternCount>& patterns, const Comparator& comparator,
               const LevelTable& u_start, const TrainingConfig& config);

// The whole estimation. FailedPrecondition when there are fewer than two
// records or no candidate pair (nothing to learn from).
absl::StatusOr<MatchModel> TrainModel(const FeatureTable& table, Blocker& blocker,
                                      const Comparator& comparator,
                                      const MatchingConfig& config, int threads);

}  // namespace mdm::match

#endif  // MDM_MATCH_TRAINING_H_
