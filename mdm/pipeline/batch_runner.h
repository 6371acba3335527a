// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/batch_runner.h
//
// The only place that knows the order of a batch run: resolve the configured
// files, then inside one transaction register the run, and for each source
// and file in order skip files already loaded (same content hash), load the
// rest, and store the run report. Any store failure rolls everything back; a
// dry run rolls back on purpose.
#ifndef MDM_PIPELINE_BATCH_RUNNER_H_
#define MDM_PIPELINE_BATCH_RUNNER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mdm/clock.h"
#include "mdm/config.h"
#include "mdm/engine.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// The files a source's `files` pattern names, sorted: a literal path must
// exist (NotFound otherwise); a glob may match nothing.
absl::StatusOr<std::vector<std::string>> ResolveFiles(const Config& config,
                                                      const SourceConfig& source);

// `key_path` names the store's secret key (privacy/secret_key.h), read only
// when the store holds suppression keys of erased people.
absl::StatusOr<RunReport> RunBatch(const Config& config, const RunOptions& options,
                                   store::Store& store, const Clock& clock, int threads,
                                   const std::string& key_path);

// A run that loads no file: `change` alters stored records inside the run's
// transaction (a retention purge), then the run matches and rebuilds the
// golden records the change touched, as after a delivery, then `finish`
// sees the result (null: nothing to do), and the run records its report.
// A dry run rolls it all back.
using ChangeStep =
    std::function<absl::Status(RunReport& report, privacy::AuditTrail& audit)>;
absl::StatusOr<RunReport> RunChange(const Config& config, const RunOptions& options,
                                    store::Store& store, const Clock& clock, int threads,
                                    const std::string& key_path, const ChangeStep& change,
                                    const ChangeStep* finish = nullptr);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_BATCH_RUNNER_H_
