// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/match_stage.h
//
// Block, compare, score and decide over a whole FeatureTable: every
// candidate pair is compared block by block on all threads, scored with the
// model and put in a decision band. Pairs below the review band are counted
// and dropped; the rest come back sorted by (lo, hi) for the Cluster stage.
// A pair with a cannot-link conflict (mdm/match/cannot_link.h) that scores
// in the auto-merge band is demoted to review.
#ifndef MDM_MATCH_MATCH_STAGE_H_
#define MDM_MATCH_MATCH_STAGE_H_

#include <cstdint>
#include <vector>

#include "mdm/base/progress_reporter.h"
#include "mdm/explanation.h"
#include "mdm/match/blocking.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/scorer.h"

namespace mdm::match {

struct ScoredPair {
  uint32_t lo = 0;
  uint32_t hi = 0;
  double weight = 0;
  MatchDecision decision = MatchDecision::kDistinct;
  int conflict_scheme = -1;  // CannotLink::Conflict()
};

struct ScoreOutput {
  std::vector<ScoredPair> pairs;  // auto-merge and review bands
  int64_t auto_merge = 0;         // pairs in the auto-merge band
  int64_t review = 0;             // pairs in the review band (conflicts included)
  int64_t distinct = 0;
  int64_t conflicts = 0;          // auto-merge scores demoted by a cannot-link
};

// Pairs are dropped as distinct as soon as the comparisons left could not
// lift them into the review band (Scorer::MaxContributions()): most
// candidate pairs are settled by their first few comparisons.
// With `focus`, only pairs with at least one row in it are compared (a
// delta run scores the pairs of the records that changed). With `progress`
// (owned by the calling thread), counts the blocks scored into it.
ScoreOutput ScoreCandidates(Blocker& blocker, const FeatureTable& table,
                            const Comparator& comparator, const Scorer& scorer,
                            const CannotLink& cannot_link, int threads,
                            const std::vector<bool>* focus = nullptr,
                            base::ProgressReporter* progress = nullptr);

}  // namespace mdm::match

#endif  // MDM_MATCH_MATCH_STAGE_H_
