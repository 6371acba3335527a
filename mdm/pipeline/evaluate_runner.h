// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/evaluate_runner.h
//
// `mdm evaluate`: the store's clusters, blocking and review queue measured
// against a ground truth (mdm/evaluation.h). Read-only.
#ifndef MDM_PIPELINE_EVALUATE_RUNNER_H_
#define MDM_PIPELINE_EVALUATE_RUNNER_H_

#include "absl/status/statusor.h"
#include "mdm/evaluation.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// Errors of ReadTruth(), and InvalidArgument when the truth gives one
// record two entities.
absl::StatusOr<Evaluation> EvaluateStore(store::Store& store, const TruthOptions& options,
                                         int threads);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_EVALUATE_RUNNER_H_
