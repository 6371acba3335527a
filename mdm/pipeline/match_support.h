// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/match_support.h
//
// Pieces the full and the delta matching runs share (match_runner.cc,
// delta_matching.cc): the stored model, clustering a set of scored edges,
// review rows, and the per-record state a delta run reads back.
#ifndef MDM_PIPELINE_MATCH_SUPPORT_H_
#define MDM_PIPELINE_MATCH_SUPPORT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "mdm/cluster/clusterer.h"
#include "mdm/cluster/review_queue.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/match_state.h"
#include "mdm/match/model.h"
#include "mdm/match/scorer.h"
#include "mdm/matching_config.h"
#include "mdm/pipeline/steward_links.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// Wall time between laps, for the report's stage times.
class Stopwatch {
 public:
  double Lap() {
    const absl::Time now = absl::Now();
    const double seconds = absl::ToDoubleSeconds(now - last_);
    last_ = now;
    return seconds;
  }

 private:
  absl::Time last_ = absl::Now();
};

// The newest stored model with this fingerprint ("" = any), with its term
// frequencies; nullopt when there is none (or only one stored before models
// kept their term frequencies).
absl::StatusOr<std::optional<match::MatchModel>> LoadModel(store::Store& store,
                                                          absl::string_view fingerprint);

// Clusters the rows of `table` joined by `merges` (auto-merge edges) and
// the steward's must-links, never across a cannot-link conflict or a
// steward's cannot-link, with the chaining guard when `scorer` is given
// (see cluster/clusterer.h). When `links.frozen` is set, merges and
// must-links between rows of different frozen groups (a restricted golden
// record's rows and any other row) are dropped (restricted_records.h).
cluster::ClusterOutput ClusterEdges(const match::FeatureTable& table,
                                    std::vector<cluster::Edge> merges,
                                    const match::CannotLink& cannot_link,
                                    const match::Comparator& comparator,
                                    const match::Scorer* scorer, double keep_apart_weight,
                                    RowLinks links);

store::ReviewItemRow ToReviewRow(const cluster::ReviewCandidate& c);

// The keys of `row` under every rule, sorted by (rule, key).
std::vector<match::RuleKey> RowRuleKeys(const match::FeatureTable& table, uint32_t row,
                                        const std::vector<BlockingRuleConfig>& rules);

match::EdgeKind EdgeKindOf(MatchDecision decision, bool conflict);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_MATCH_SUPPORT_H_
