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

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mdm/clock.h"
#include "mdm/config.h"
#include "mdm/engine.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// The files a source's `files` pattern names, sorted: a literal path must
// exist (NotFound otherwise); a glob may match nothing.
absl::StatusOr<std::vector<std::string>> ResolveFiles(const Config& config,
                                                      const SourceConfig& source);

absl::StatusOr<RunReport> RunBatch(const Config& config, const RunOptions& options,
                                   store::Store& store, const Clock& clock,
                                   int threads);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_BATCH_RUNNER_H_
