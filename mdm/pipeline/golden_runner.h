// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/golden_runner.h
//
// The Survive half of a run: from this run's clusters and the golden records
// of the previous runs to the golden records, their members (the
// crosswalk) and their history. Order:
//   prior membership -> stable ids (cluster/golden_ids.h) -> which clusters
//   changed -> read their records -> BuildGolden (survive/golden_builder.h),
//   on every thread -> write golden records, members and events.
//
// A cluster is rebuilt only when its members changed, one of its records
// has a new version (pending_records), or the survivorship setting changed
// since the last run; the others are not read. A rebuilt golden record whose
// content is the same is not rewritten and counts as unchanged.
#ifndef MDM_PIPELINE_GOLDEN_RUNNER_H_
#define MDM_PIPELINE_GOLDEN_RUNNER_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "mdm/config.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// `cluster_of[row]` is the smallest row of `row`'s cluster, for every row of
// `records` (every current record that is not a delete marker).
// REQUIRES: inside BeginWrite() with run `report.run_id` started. Fills
// report.golden, report.match.records_reclustered and the stage times.
absl::Status BuildGoldenRecords(const Config& config, const MatchRecords& records,
                                const std::vector<uint32_t>& cluster_of, store::Store& store,
                                int threads, RunReport& report);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_GOLDEN_RUNNER_H_
