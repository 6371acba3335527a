// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/file_loader.h
//
// Loads one source file into the store inside the run's transaction. Three
// kinds of threads share the work: one reads and maps rows, the workers
// build, normalize and serialize chunks of rows (OrderedPool, results in file
// order), and the calling thread writes each row: a reject or warning into
// row_issues, a record version through the version policy.
#ifndef MDM_PIPELINE_FILE_LOADER_H_
#define MDM_PIPELINE_FILE_LOADER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "mdm/base/progress_reporter.h"
#include "mdm/config.h"
#include "mdm/ingest/row_reader.h"
#include "mdm/privacy/suppression.h"
#include "mdm/run_report.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

struct FileToLoad {
  const SourceConfig* source = nullptr;
  std::unique_ptr<ingest::RowReader> reader;  // opened on the file
  std::string path;
  int64_t file_id = 0;
  int64_t run_id = 0;
  // Default countries of the run's other sources (NormalizeContext).
  std::vector<std::string> other_countries;
  // Progress as stage "ingest" in bytes of `size` (0 = unknown); may be null.
  const base::ProgressFn* on_progress = nullptr;
  int64_t size = 0;
  // Rows of erased people to count as suppressed; may be null.
  const privacy::Suppressor* suppressor = nullptr;
};

struct FileLoadResult {
  RunCounts counts;
  std::map<std::string, int64_t> rejects_by_reason;
  std::map<std::string, int64_t> warnings_by_reason;
  // Busy time per stage, summed over threads (the stages overlap).
  double read_seconds = 0;
  double normalize_seconds = 0;
  double persist_seconds = 0;
};

// Reads, normalizes and persists every row of the file. A non-OK status means
// the file could not be read or the store failed; the caller rolls back.
absl::StatusOr<FileLoadResult> LoadFile(FileToLoad file, store::Store& store,
                                        int threads);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_FILE_LOADER_H_
