// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_steward_repository.h
//
// The steward tables of the SQLite store (schemas/sql/sqlite/0005_steward.sql):
// the steward's side of review items, steward links, overrides, change
// requests and users. SqliteStore forwards the steward part of the Store
// interface here.
#ifndef MDM_STORE_SQLITE_STEWARD_REPOSITORY_H_
#define MDM_STORE_SQLITE_STEWARD_REPOSITORY_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/store/sqlite_db.h"
#include "mdm/store/store.h"

namespace mdm::store {

class SqliteStewardRepository {
 public:
  explicit SqliteStewardRepository(SqliteDb& db) : db_(db) {}

  absl::StatusOr<std::optional<ReviewItemRow>> GetReviewItem(int64_t item_id);
  absl::StatusOr<std::pair<std::vector<ReviewItemRow>, int64_t>> QueryReviewItems(
      const ReviewFilter& filter);
  absl::Status UpdateReviewItemSteward(const ReviewItemRow& item);
  absl::Status PutStewardLink(const StewardLink& link);
  absl::Status DeleteStewardLink(int64_t record_a, int64_t record_b);
  absl::StatusOr<std::vector<StewardLink>> ListStewardLinks();
  absl::StatusOr<std::vector<StewardLink>> ReadStewardLinks(const std::vector<int64_t>& ids);
  absl::StatusOr<std::vector<int64_t>> ListStewardPendingRecords();
  absl::Status MarkStewardApplied(int64_t run_id);
  absl::StatusOr<int64_t> InsertOverride(const OverrideRow& row);
  absl::Status UpdateOverride(const OverrideRow& row);
  absl::StatusOr<std::vector<OverrideRow>> ListOverrides(absl::string_view golden_id, bool all);
  absl::StatusOr<std::vector<OverrideRow>> ListLiveOverrides();
  absl::StatusOr<int64_t> InsertChangeRequest(const ChangeRequest& request);
  absl::Status UpdateChangeRequest(const ChangeRequest& request);
  absl::StatusOr<std::optional<ChangeRequest>> GetChangeRequest(int64_t dcr_id);
  absl::StatusOr<std::vector<ChangeRequest>> ListChangeRequests(absl::string_view status,
                                                                int64_t limit);
  absl::Status InsertUser(const UserRow& user);
  absl::StatusOr<std::optional<UserRow>> FindUser(absl::string_view name);
  absl::StatusOr<std::vector<UserRow>> ListUsers();
  // As Store::SearchGoldens(), restricted golden records left out.
  absl::StatusOr<std::vector<GoldenRow>> SearchGoldens(absl::string_view exact,
                                                       absl::string_view folded, int64_t limit);

 private:
  SqliteDb& db_;
};

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_STEWARD_REPOSITORY_H_
