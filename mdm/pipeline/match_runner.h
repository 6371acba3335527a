// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/match_runner.h
//
// The matching half of a batch run, and the commands built from the same
// pieces: training a model (`mdm train`) and explaining a pair
// (`mdm explain`). Order of a run's matching:
//   load match keys -> (train when no model fits the comparisons, counting
//   term frequencies) -> Block -> Score -> Cluster -> persist review items,
//   the model and setting used and the match state; the clusters go on to
//   golden_runner.h.
#ifndef MDM_PIPELINE_MATCH_RUNNER_H_
#define MDM_PIPELINE_MATCH_RUNNER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/base/progress_reporter.h"
#include "mdm/clock.h"
#include "mdm/config.h"
#include "mdm/explanation.h"
#include "mdm/match/model.h"
#include "mdm/pipeline/golden_runner.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// Matches the store's records and stores the review items, the model (when
// trained), the setting and model used, and the match state; returns the
// records whose golden records the Survive stage decides, with their
// clusters. A delta run (delta_matching.h) when the last run matched with
// the same setting and model and `full` is false; else every record is
// matched again. REQUIRES: inside BeginWrite() with run `report.run_id`
// started. Fills report.match and the matching stage times. Reports the
// stages' progress to `on_progress` when not null (mdm/progress.h).
absl::StatusOr<GoldenScope> RunMatching(const MatchingConfig& config, store::Store& store,
                                        const Clock& clock, int threads, bool full,
                                        RunReport& report,
                                        const base::ProgressFn* on_progress = nullptr);

// The matching setting of the newest run that matched; the default setting
// when none did. DataLoss when the stored setting is damaged.
absl::StatusOr<MatchingConfig> LatestRunSetting(store::Store& store);

// What scores pairs outside a run (explain, MatchOne): the setting of the
// newest run that matched and the newest model for its comparisons (the
// newest model of any comparisons when none fits).
struct ScoringSetting {
  MatchingConfig setting;
  match::MatchModel model;
};
// FailedPrecondition, naming `command`, when the store has no model.
absl::StatusOr<ScoringSetting> LatestScoringSetting(store::Store& store,
                                                    absl::string_view command);

// Trains a model on the store's current records and stores it (a new
// version). FailedPrecondition when there is nothing to learn from.
// REQUIRES: inside BeginWrite().
absl::StatusOr<match::MatchModel> TrainAndStoreModel(const MatchingConfig& config,
                                                     store::Store& store, const Clock& clock,
                                                     int threads);

// The explanation of two current records ("source", "key" each) under the
// setting and model of the newest run (the default setting and the newest
// model when no run matched yet). NotFound for an unknown record;
// FailedPrecondition when no model exists.
absl::StatusOr<Explanation> ExplainPair(store::Store& store, absl::string_view source_a,
                                        absl::string_view key_a, absl::string_view source_b,
                                        absl::string_view key_b, int threads);

// The same for two stored records, reading only them (milliseconds where
// ExplainPair reads every record): the weights, probability and decision
// are those of ExplainPair (term frequencies are frozen in the model), but
// blocking_rule names the first rule whose keys the two share, whatever
// its block's size. For review items, which runs found as candidates.
// NotFound when either record is unknown or a delete marker.
absl::StatusOr<Explanation> ExplainStoredPair(store::Store& store, int64_t record_a,
                                              int64_t record_b);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_MATCH_RUNNER_H_
