// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/match_runner.h
//
// The matching half of a batch run, and the commands built from the same
// pieces: training a model (`mdm train`) and explaining a pair
// (`mdm explain`). Order of a run's matching:
//   load match keys -> term frequencies -> Block -> (train when no model
//   fits the comparisons) -> Score -> Cluster -> persist review items, the
//   model and the setting used; the clusters go on to golden_runner.h.
#ifndef MDM_PIPELINE_MATCH_RUNNER_H_
#define MDM_PIPELINE_MATCH_RUNNER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/clock.h"
#include "mdm/config.h"
#include "mdm/explanation.h"
#include "mdm/match/model.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// The records matched and their clusters: cluster_of[row] is the smallest
// row of row's cluster.
struct MatchOutcome {
  MatchRecords records;
  std::vector<uint32_t> cluster_of;
};

// Matches every current record of the store and stores the review items,
// the model (when trained) and the setting used; the clusters are returned
// for the Survive stage. REQUIRES: inside BeginWrite() with run
// `report.run_id` started. Fills report.match and the matching stage times.
absl::StatusOr<MatchOutcome> RunMatching(const MatchingConfig& config, store::Store& store,
                                         const Clock& clock, int threads, RunReport& report);

// The matching setting of the newest run that matched; the default setting
// when none did. DataLoss when the stored setting is damaged.
absl::StatusOr<MatchingConfig> LatestRunSetting(store::Store& store);

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

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_MATCH_RUNNER_H_
