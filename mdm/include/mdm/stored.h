// SPDX-License-Identifier: Apache-2.0
// File: mdm/stored.h
//
// Read-only views of what the store holds, returned by mdm::Engine's
// inspection calls (and printed by `mdm sources`, `mdm rejects`,
// `mdm records show`, `mdm runs`).
#ifndef MDM_STORED_H_
#define MDM_STORED_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mdm/record.h"
#include "mdm/run_report.h"

namespace mdm {

// A source file that a run loaded.
struct LoadedFile {
  int64_t file_id = 0;
  std::string source;
  std::string path;
  std::string sha256;
  int64_t size_bytes = 0;
  int64_t run_id = 0;
  RunCounts counts;  // rows_read, accepted, rejected, duplicates, warnings
};

// A rejected row or a warning about a loaded row.
struct StoredIssue {
  int64_t issue_id = 0;
  int64_t run_id = 0;
  std::string source;
  std::string file;
  int64_t line = 0;
  std::string field;
  std::string reason;    // snake_case name, e.g. "unbalanced_quotes"
  bool warning = false;  // false: the row was rejected
  std::string detail;    // no personal data
  std::string source_key;
};

// One version of a source record as stored.
struct StoredVersion {
  SourceRecord record;   // normalized
  std::string raw_json;  // the mapped input values as received
  std::string file;
  int64_t line = 0;
  std::string status;    // "current", "replaced", "older_than_current", "duplicate_in_run"
  int64_t run_id = 0;    // run that stored (current) or archived the version
};

// The current version of a source record and the versions it replaced,
// newest first.
struct StoredRecord {
  int64_t record_id = 0;
  StoredVersion current;
  std::vector<StoredVersion> history;
};

// Which rejects and warnings Engine::Issues() returns.
struct IssueQuery {
  std::optional<int64_t> run_id;  // default: every run
  std::string source;             // empty = every source
  bool include_warnings = false;  // default: rejects only
  int64_t limit = 1000;
};

struct RunSummary {
  int64_t run_id = 0;
  std::string started_at;
  std::string finished_at;
  std::string config_path;
  std::string report_json;  // the full report, as `mdm run --json` printed it
  std::string config_sha256{};
};

}  // namespace mdm

#endif  // MDM_STORED_H_
