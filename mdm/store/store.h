// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/store.h
//
// The storage interface every backend implements (SQLite now, PostgreSQL
// later). Only store/ talks to a database; the engine drives a Store through
// these primitives and keeps every decision (which version wins, what counts
// as a duplicate) in plain functions such as ingest/version_policy.h.
//
// Lifecycle: Open a backend, BeginWrite(), write a run's rows, Commit() — or
// Rollback() on any error, leaving the store exactly as before the run.
// Inspection calls (List*, Get*) may run outside a write transaction.
//
// Thread-safety: a Store is used by one thread at a time.
#ifndef MDM_STORE_STORE_H_
#define MDM_STORE_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/ingest/version_policy.h"
#include "mdm/model/reject.h"
#include "mdm/record.h"
#include "mdm/stored.h"

namespace mdm::store {

// One version of a source record ready to be written.
struct RecordVersion {
  std::string source;
  std::string source_key;
  SourceType source_type = SourceType::kRep;
  std::string observed_at;
  int64_t file_id = 0;
  int64_t line = 0;
  std::string content_sha256;
  std::string raw_json;
  std::string record_json;
};

class Store {
 public:
  virtual ~Store() = default;

  // --- transactions -------------------------------------------------------
  virtual absl::Status BeginWrite() = 0;
  virtual absl::Status Commit() = 0;
  virtual absl::Status Rollback() = 0;

  // --- runs ---------------------------------------------------------------
  // Creates the run's row and returns its id. REQUIRES: inside BeginWrite().
  virtual absl::StatusOr<int64_t> StartRun(absl::string_view started_at,
                                           absl::string_view config_path,
                                           absl::string_view config_sha256) = 0;
  virtual absl::Status FinishRun(int64_t run_id, absl::string_view finished_at,
                                 absl::string_view report_json) = 0;
  // Newest first, at most `limit`.
  virtual absl::StatusOr<std::vector<RunSummary>> ListRuns(int64_t limit) = 0;

  // --- source files -------------------------------------------------------
  // The file of `source` with this content hash, if one was loaded before.
  virtual absl::StatusOr<std::optional<LoadedFile>> FindFile(
      absl::string_view source, absl::string_view sha256) = 0;
  // Registers a file (counts zero); returns its file_id.
  virtual absl::StatusOr<int64_t> AddFile(const LoadedFile& file) = 0;
  virtual absl::Status SetFileCounts(int64_t file_id, const RunCounts& counts) = 0;
  // Every loaded file in load order; `source` empty = all sources.
  virtual absl::StatusOr<std::vector<LoadedFile>> ListFiles(
      absl::string_view source) = 0;

  // --- source records -----------------------------------------------------
  virtual absl::StatusOr<std::optional<ingest::CurrentVersion>> FindCurrent(
      absl::string_view source, absl::string_view source_key) = 0;
  // Applies `decision` (from ingest::DecideVersion) for `version` in `run_id`.
  virtual absl::Status ApplyVersion(const ingest::VersionDecision& decision,
                                    const std::optional<ingest::CurrentVersion>& current,
                                    const RecordVersion& version, int64_t run_id) = 0;
  // The current version and history of a key; nullopt when unknown.
  virtual absl::StatusOr<std::optional<StoredRecord>> GetRecord(
      absl::string_view source, absl::string_view source_key) = 0;
  virtual absl::StatusOr<int64_t> CountRecords(absl::string_view source) = 0;

  // --- rejects and warnings -----------------------------------------------
  virtual absl::Status AddIssue(int64_t run_id, std::optional<int64_t> file_id,
                                absl::string_view source,
                                const model::RowIssue& issue,
                                absl::string_view raw) = 0;
  virtual absl::StatusOr<std::vector<StoredIssue>> ListIssues(
      const IssueQuery& filter) = 0;
};

}  // namespace mdm::store

#endif  // MDM_STORE_STORE_H_
