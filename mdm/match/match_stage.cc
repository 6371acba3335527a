// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/match_stage.h"

#include <algorithm>

#include "mdm/match/model.h"

namespace mdm::match {

ScoreOutput ScoreCandidates(Blocker& blocker, const FeatureTable& table,
                            const Comparator& comparator, const Scorer& scorer,
                            const CannotLink& cannot_link, int threads,
                            const std::vector<bool>* focus, base::ProgressReporter* progress) {
  threads = std::max(1, threads);
  std::vector<ScoreOutput> partial(threads);
  std::vector<ComparisonVector> vectors(threads);
  const Scorer::Bounds bounds = scorer.Bound(comparator, table);
  // A margin keeps rounding of the running sum from dropping a pair that
  // the exact sum would put at the band's edge.
  constexpr double kMargin = 1e-6;
  const double floor = scorer.ReviewWeight() - scorer.model().PriorWeight() - kMargin;
  // Hard evidence is reviewed at least: a pair is only dropped once every
  // hard comparison was seen short of its first level.
  int hard_comparisons = 0;
  for (size_t c = 0; c < comparator.size(); ++c) hard_comparisons += comparator.config(c).hard;
  // Workers count; the calling thread (thread 0) also forwards.
  Blocker::BlocksDone blocks_done;
  if (progress != nullptr && progress->enabled()) {
    blocks_done = [progress](int thread, int64_t blocks) {
      progress->Add(blocks);
      if (thread == 0) progress->Tick();
    };
  }
  blocker.ForEachPair(threads, [&](int thread, uint32_t lo, uint32_t hi, int) {
    ScoreOutput& out = partial[thread];
    ComparisonVector& v = vectors[thread];
    double sum = 0, rest = bounds.max_sum;
    int hard_left = hard_comparisons;
    bool hard = false;
    const bool compared = comparator.CompareUntil(lo, hi, &v, [&](size_t c, uint8_t level, float tf) {
      sum += scorer.Contribution(c, level, tf);
      rest -= bounds.max[c];
      if (comparator.config(c).hard) {
        --hard_left;
        hard = hard || level == 1;
      }
      return !hard && hard_left == 0 && sum + rest < floor;
    });
    if (!compared) {
      ++out.distinct;
      return;
    }
    const double weight = scorer.MatchWeight(v);
    MatchDecision decision = scorer.DecideVector(comparator, v, weight);
    if (decision == MatchDecision::kDistinct) {
      ++out.distinct;
      return;
    }
    const int conflict = cannot_link.Conflict(lo, hi);
    if (decision == MatchDecision::kAutoMerge && conflict >= 0) {
      decision = MatchDecision::kReview;
      ++out.conflicts;
    }
    ++(decision == MatchDecision::kAutoMerge ? out.auto_merge : out.review);
    out.pairs.push_back({lo, hi, weight, decision, conflict});
  }, blocks_done, focus);
  ScoreOutput total = std::move(partial[0]);
  for (int t = 1; t < threads; ++t) {
    total.pairs.insert(total.pairs.end(), partial[t].pairs.begin(), partial[t].pairs.end());
    total.auto_merge += partial[t].auto_merge;
    total.review += partial[t].review;
    total.distinct += partial[t].distinct;
    total.conflicts += partial[t].conflicts;
  }
  std::sort(total.pairs.begin(), total.pairs.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.lo != b.lo ? a.lo < b.lo : a.hi < b.hi;
  });
  return total;
}

}  // namespace mdm::match
