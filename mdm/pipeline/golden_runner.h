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
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "mdm/base/progress_reporter.h"
#include "mdm/config.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// The records whose golden records a run decides, with their clusters.
// A full run holds every current record that is not a delete marker; a
// delta run holds whole components of the match graph (old and new), so
// every golden record a scope record belonged to has all its current
// members in the scope.
struct GoldenScope {
  bool complete = true;  // every current record (a full run)
  std::vector<int64_t> record_id;   // in (source, key) order
  std::vector<std::string> ref;     // "source:key"
  std::vector<uint32_t> cluster_of;  // the smallest index of its cluster
  // Delete markers of records that may still be members (delta runs; a full
  // run finds them itself).
  std::vector<int64_t> leavers;
};

// Whether the survivorship setting of `config` differs from the last run's
// (every golden record must then be rebuilt: a run needs a complete scope).
absl::StatusOr<bool> GoldenSettingChanged(const Config& config, store::Store& store);

// REQUIRES: inside BeginWrite() with run `report.run_id` started. Fills
// report.golden, report.match.records_reclustered and the stage times;
// every change is also an audit event in `audit` (actor "run", with the
// values before and after as payload). Reports progress as stage "golden"
// to `on_progress` when not null.
absl::Status BuildGoldenRecords(const Config& config, const GoldenScope& scope,
                                store::Store& store, privacy::AuditTrail& audit, int threads,
                                RunReport& report,
                                const base::ProgressFn* on_progress = nullptr);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_GOLDEN_RUNNER_H_
