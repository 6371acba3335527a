// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_match_repository.h
//
// The matching tables of the SQLite store (schemas/sql/sqlite/0002_match.sql):
// match keys, models and review items. SqliteStore forwards the
// matching part of the Store interface here, so each file keeps one job.
#ifndef MDM_STORE_SQLITE_MATCH_REPOSITORY_H_
#define MDM_STORE_SQLITE_MATCH_REPOSITORY_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/store/sqlite_db.h"
#include "mdm/store/store.h"

namespace mdm::store {

class SqliteMatchRepository {
 public:
  explicit SqliteMatchRepository(SqliteDb& db) : db_(db) {}

  absl::Status ScanMatchKeys(const MatchKeysVisitor& visit);
  absl::StatusOr<std::string> RecordJson(int64_t record_id);
  absl::Status PutMatchKeys(int64_t record_id, absl::string_view keys);
  absl::Status SetRunMatching(int64_t run_id, absl::string_view settings_json);
  absl::StatusOr<std::optional<std::string>> LatestRunMatching();
  absl::Status SetRunModel(int64_t run_id, int64_t model_id);
  absl::StatusOr<int64_t> LatestRunModel();
  absl::Status ScanBlockKeys(
      const std::function<absl::Status(int64_t, absl::string_view)>& visit);
  absl::Status ReadMatchState(
      const std::vector<int64_t>& record_ids,
      const std::function<absl::Status(int64_t, absl::string_view, absl::string_view)>& visit);
  absl::Status PutMatchState(int64_t record_id, absl::string_view keys, absl::string_view edges);
  absl::Status DeleteMatchState(int64_t record_id);
  absl::Status ClearMatchState();
  absl::Status ReadMatchKeys(const std::vector<int64_t>& record_ids,
                             const MatchKeysVisitor& visit);
  absl::StatusOr<std::vector<int64_t>> ListUnmatchedRecords();
  absl::StatusOr<int64_t> AddModel(absl::string_view created_at, int64_t run_id,
                                   absl::string_view fingerprint,
                                   absl::string_view model_json,
                                   absl::string_view term_frequencies);
  absl::StatusOr<std::optional<StoredModel>> LatestModel(absl::string_view fingerprint);
  absl::Status ReplaceOpenReviewItems(int64_t run_id, const std::vector<ReviewItemRow>& items,
                                      const std::vector<int64_t>* scope);
  absl::StatusOr<int64_t> CountReviewItems(absl::string_view status);
  absl::StatusOr<std::vector<ReviewItemRow>> ListReviewItems(absl::string_view status,
                                                             int64_t limit);

 private:
  SqliteDb& db_;
  Statement put_keys_, put_state_, delete_state_, read_state_, read_keys_;
};

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_MATCH_REPOSITORY_H_
