// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/training.h
//
// Estimates a MatchModel from the records themselves, without labels:
//   * u by random sampling: the level shares over random pairs of distinct
//     records (every pair when there are fewer than the sample asks for).
//     Random pairs are almost all of different people, but "almost" matters
//     for identifier-like fields: when records per person are many and
//     records few, the share of random pairs agreeing on a handle or an RPPS
//     is the share of random pairs that match. So the sample is read as a
//     mixture too: each sampled pattern counts towards u with the weight of
//     its non-match probability under the current model, and u, m and the
//     prior are refined in turn (two rounds settle them).
//   * m by expectation-maximisation over the candidate pairs' comparison
//     vectors, counted by pattern (one combination of levels), so an
//     iteration costs the number of distinct patterns, not of pairs. EM fits
//     a two-class mixture with its own non-match distribution for candidate
//     pairs (blocking makes them agree more than random pairs do). Hard
//     comparisons (ComparisonConfig::hard: identifiers, social handles)
//     anchor the classes: a pair at a hard comparison's first level counts
//     as a match and one at its else level as a non-match, so EM cannot
//     settle on "works at the same place" as its notion of a match.
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

// Patterns of `pairs` random pairs of distinct rows (all pairs when there
// are fewer), drawn from `seed`, counted and sorted by pattern.
std::vector<PatternCount> SamplePatterns(const FeatureTable& table,
                                         const Comparator& comparator, int64_t pairs,
                                         uint64_t seed, int threads);

// The patterns of a deterministic sample of at most about `max_pairs`
// candidate pairs (Blocker::ForEachSampledPair()), counted, sorted by
// pattern; *rate gets the sampling rate.
std::vector<PatternCount> CountPatterns(const Blocker& blocker, const Comparator& comparator,
                                        int threads, int64_t max_pairs, double* rate);

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

// u from sampled patterns, each weighted by its probability of being a
// non-match under (prior, m, u_previous); `u_previous` empty = every
// pattern counts fully. Levels never seen get half a pair.
LevelTable EstimateU(const std::vector<PatternCount>& sample, const Comparator& comparator,
                     double prior, const LevelTable& m, const LevelTable& u_previous);

// The whole estimation. FailedPrecondition when there are fewer than two
// records or no candidate pair (nothing to learn from).
absl::StatusOr<MatchModel> TrainModel(const FeatureTable& table, Blocker& blocker,
                                      const Comparator& comparator,
                                      const MatchingConfig& config, int threads);

}  // namespace mdm::match

#endif  // MDM_MATCH_TRAINING_H_
