// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_golden_repository.h
//
// The golden tables of the SQLite store (schemas/sql/sqlite/0003_golden.sql):
// golden records, their members (the crosswalk) and their history.
// SqliteStore forwards the golden part of the Store interface here.
#ifndef MDM_STORE_SQLITE_GOLDEN_REPOSITORY_H_
#define MDM_STORE_SQLITE_GOLDEN_REPOSITORY_H_

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

class SqliteGoldenRepository {
 public:
  explicit SqliteGoldenRepository(SqliteDb& db) : db_(db) {}

  absl::StatusOr<std::vector<int64_t>> ListPendingRecords();
  absl::Status AddPendingRecord(int64_t record_id);
  absl::Status ClearPendingRecords();
  absl::Status SetRunGoldenSetting(int64_t run_id, absl::string_view setting_json);
  absl::StatusOr<std::optional<std::string>> LatestGoldenSetting();
  absl::StatusOr<std::vector<ClusterAssignment>> ListClusters();
  absl::StatusOr<std::vector<GoldenRow>> ListGoldens();
  absl::StatusOr<std::optional<GoldenRow>> GetGolden(int64_t seq);
  absl::StatusOr<std::optional<GoldenRow>> FindGolden(absl::string_view golden_id);
  absl::StatusOr<int64_t> InsertGolden(const GoldenRow& row);
  absl::Status UpdateGolden(const GoldenRow& row);
  absl::StatusOr<std::vector<GoldenMemberRow>> ListGoldenMembers();
  absl::StatusOr<std::vector<GoldenMemberRow>> ReadGoldenMembers(
      const std::vector<int64_t>& record_ids);
  absl::StatusOr<int64_t> CountActiveMembers(int64_t golden_seq);
  absl::StatusOr<int64_t> CountActiveGoldens();
  absl::Status PutGoldenMember(const GoldenMemberRow& member, int64_t run_id);
  absl::Status AddGoldenEvent(int64_t golden_seq, int64_t run_id, absl::string_view kind,
                              absl::string_view detail_json);
  absl::StatusOr<std::vector<GoldenEventRow>> ListGoldenEvents(int64_t golden_seq);
  absl::StatusOr<std::optional<RecordGolden>> FindRecordGolden(absl::string_view source,
                                                               absl::string_view source_key);
  absl::Status ReadRecordJsons(
      const std::vector<int64_t>& record_ids,
      const std::function<absl::Status(int64_t, absl::string_view)>& visit);

 private:
  // The golden record the cached statement `slot` (prepared from `where`
  // on first use) finds; delta runs look up thousands of them.
  absl::StatusOr<std::optional<GoldenRow>> OneGolden(Statement& slot, absl::string_view where,
                                                     const std::function<void(Statement&)>& bind);

  SqliteDb& db_;
  Statement insert_golden_, update_golden_, put_member_, add_event_, read_json_, add_pending_, read_member_, count_active_,
      golden_by_seq_, golden_by_id_;
};

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_GOLDEN_REPOSITORY_H_
