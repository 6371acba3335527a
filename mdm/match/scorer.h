// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/scorer.h
//
// The Score step: a comparison vector and a trained MatchModel give a match
// weight, a probability and a decision; with the rows at hand, also the
// full explanation. Weights are looked up in a table built once per model.
//
// Hard evidence: a pair agreeing on a hard comparison's first level is
// reviewed at least, whatever its weight (DecideVector()).
//
// Term-frequency adjustment (splink's): when the exact level of a
// term-frequency comparison holds on a value v that a share tf(v) of the
// records carry, the Bayes factor m/u becomes m/tf(v), i.e. the weight gains
// log2(u / tf(v)): agreeing on "martin" counts for less than on "quemeneur".
//
// Thread-safety: const after construction.
#ifndef MDM_MATCH_SCORER_H_
#define MDM_MATCH_SCORER_H_

#include <string>
#include <vector>

#include "mdm/explanation.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/model.h"
#include "mdm/matching_config.h"

namespace mdm::match {

class Scorer {
 public:
  // REQUIRES: `model` was trained for the comparisons of the Comparator
  // whose vectors are scored (same fingerprint).
  Scorer(const MatchModel& model, double auto_merge, double review);

  double MatchWeight(const ComparisonVector& v) const;
  // Weight of one comparison at one level, its term-frequency adjustment
  // included.
  double Contribution(size_t comparison, int level, float tf) const {
    return weights_[comparison][level] + TfAdjustment(comparison, level, tf);
  }
  // Per comparison, an upper bound of Contribution() over its levels and
  // any term frequency `table` holds (0 for a comparison whose best is
  // below 0: its null level adds 0).
  std::vector<double> MaxContributions(const Comparator& comparator,
                                       const FeatureTable& table) const;
  // Per comparison, a lower bound of Contribution() (at most 0: null).
  std::vector<double> MinContributions(const Comparator& comparator) const;
  // A lower bound of the match weights Decide() answers kReview (or better)
  // for: exactly where it starts for a band below 1.
  double ReviewWeight() const;

  // Bounds of Contribution() per comparison, for early decisions; computed
  // once by Bound() for a comparator and table.
  struct Bounds {
    std::vector<double> max, min;
    double max_sum = 0, min_sum = 0;
  };
  Bounds Bound(const Comparator& comparator, const FeatureTable& table) const;

  // Whether rows a and b score a match weight below `weight`, comparing
  // only until the answer is certain.
  bool WeighsLessThan(const Comparator& comparator, const Bounds& bounds, uint32_t a,
                      uint32_t b, double weight) const;
  double TfAdjustment(size_t comparison, int level, float tf) const;
  MatchDecision Decide(double probability) const;
  // Decide() for a whole comparison vector: hard evidence (a hard
  // comparison at its first level: a shared valid RPPS, one social account)
  // is never dismissed as distinct, at worst it is queued for review.
  MatchDecision DecideVector(const Comparator& comparator, const ComparisonVector& v,
                             double weight) const;

  // The waterfall of rows a and b of `table`; record names, blocking rule
  // and cannot-link are left for the caller to fill.
  Explanation Explain(const Comparator& comparator, const FeatureTable& table, uint32_t a,
                      uint32_t b) const;

  const MatchModel& model() const { return model_; }

 private:
  const MatchModel& model_;
  double auto_merge_;
  double review_;
  double prior_weight_;
  std::vector<std::vector<double>> weights_;  // [comparison][level]
};

}  // namespace mdm::match

#endif  // MDM_MATCH_SCORER_H_
