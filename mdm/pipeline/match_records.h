// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/match_records.h
//
// Loads every current source record's match keys from the store into a
// FeatureTable, rows in (source, source_key) order, with each row's source
// and key for naming it in reports, explanations and evaluations. Records
// whose stored keys are missing or from an older format are extracted again
// from their normalized JSON (and, when asked, the fresh keys are stored).
#ifndef MDM_PIPELINE_MATCH_RECORDS_H_
#define MDM_PIPELINE_MATCH_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/base/progress_reporter.h"
#include "mdm/match/feature_table.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

class MatchRecords {
 public:
  match::FeatureTable& table() { return table_; }
  const match::FeatureTable& table() const { return table_; }
  uint32_t size() const { return table_.size(); }

  absl::string_view source(uint32_t row) const;
  absl::string_view source_key(uint32_t row) const;
  // "source:source_key".
  std::string Name(uint32_t row) const;
  // The row of (source, key), or nullopt.
  std::optional<uint32_t> Find(absl::string_view source, absl::string_view key) const;

 private:
  friend absl::StatusOr<MatchRecords> LoadMatchRecords(store::Store&, bool, int,
                                                       const base::ProgressFn*);
  friend absl::StatusOr<MatchRecords> LoadMatchRecordsById(store::Store&, std::vector<int64_t>,
                                                           int);
  void AddName(absl::string_view source, absl::string_view key);

  match::FeatureTable table_;
  std::string names_;              // source, key, source, key ... back to back
  std::vector<uint64_t> offsets_;  // per row: start of source, start of key, end
};

// Loads the records `record_ids` (any order, no duplicates), rows in
// (source, source_key) order; delete markers are left out. Stale keys are
// extracted again but not stored. Decoded on `threads` threads.
absl::StatusOr<MatchRecords> LoadMatchRecordsById(store::Store& store,
                                                  std::vector<int64_t> record_ids,
                                                  int threads = 1);

// Loads the table, decoding on `threads` threads. `store_refreshed_keys`:
// write re-extracted keys back (REQUIRES: inside BeginWrite()). DataLoss
// when a stored record is damaged. Reports progress as stage "load_keys" to
// `on_progress` when not null.
absl::StatusOr<MatchRecords> LoadMatchRecords(store::Store& store, bool store_refreshed_keys,
                                              int threads,
                                              const base::ProgressFn* on_progress = nullptr);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_MATCH_RECORDS_H_
