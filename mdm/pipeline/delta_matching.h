// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/delta_matching.h
//
// A delta run: matches what changed since the last run that matched, with
// that run's model and setting, and gives the same clusters, review items
// and match state a full run over the same records would.
//
// Why it can: a pair's weight depends on the two records and the model only
// (term frequencies are frozen in the model); a pair is a candidate when the
// two records share a blocking key whose block, over the whole store, is
// within its cap; and clustering a component of the auto-merge graph does
// not depend on the rest of the graph. So:
//   1. The changed records A: new ones (no golden membership yet) and
//      replaced or deleted ones (pending_records).
//   2. Every block A joins or leaves, found by scanning the stored blocking
//      keys of all records (record_match_state). A block that crosses its
//      cap adds or removes pairs between records that did not change: its
//      members join the records to score, E.
//   3. Every candidate pair with a record of E is scored again.
//   4. The scope S: E with the whole component, in the old graph and in the
//      new one, of every record an old or new auto-merge edge reaches from
//      E or A. Outside S no edge changed, so no cluster did.
//   5. S is clustered with its new edges and the stored edges between its
//      other records; review items touching S are decided again; the state
//      of every record whose keys or edges changed is rewritten.
// The golden records of S are then rebuilt by golden_runner.h.
#ifndef MDM_PIPELINE_DELTA_MATCHING_H_
#define MDM_PIPELINE_DELTA_MATCHING_H_

#include "absl/status/statusor.h"
#include "mdm/base/progress_reporter.h"
#include "mdm/match/model.h"
#include "mdm/matching_config.h"
#include "mdm/pipeline/golden_runner.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// REQUIRES: inside BeginWrite() with run `report.run_id` started; the last
// run that matched used `config` and `model`. Fills report.match. Reports
// the scoring's progress to `on_progress` when not null.
absl::StatusOr<GoldenScope> RunDeltaMatching(const MatchingConfig& config,
                                             const match::MatchModel& model,
                                             store::Store& store, int threads,
                                             RunReport& report,
                                             const base::ProgressFn* on_progress = nullptr);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_DELTA_MATCHING_H_
