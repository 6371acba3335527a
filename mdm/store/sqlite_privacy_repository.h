// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_privacy_repository.h
//
// The privacy tables of the SQLite store (schemas/sql/sqlite/0006_privacy.sql):
// the audit trail and its payloads, erasure tombstones and suppression
// keys, restrictions and consent changes, and the deletes an erasure or a
// retention purge makes. SqliteStore forwards the privacy part of the Store
// interface here.
#ifndef MDM_STORE_SQLITE_PRIVACY_REPOSITORY_H_
#define MDM_STORE_SQLITE_PRIVACY_REPOSITORY_H_

#include <functional>
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

class SqlitePrivacyRepository {
 public:
  explicit SqlitePrivacyRepository(SqliteDb& db) : db_(db) {}

  absl::StatusOr<AuditEvent> LastAuditEvent();
  absl::Status InsertAuditEvent(const AuditEvent& event, const AuditPayloadRow* payload);
  absl::Status ScanAuditEvents(
      const std::function<absl::Status(const AuditEvent&, const AuditPayloadRow*)>& visit);
  absl::StatusOr<std::vector<AuditEvent>> QueryAuditEvents(const AuditQuery& query);
  absl::StatusOr<int64_t> CountAuditEvents();
  absl::StatusOr<std::vector<AuditEvent>> AuditEventsAbout(
      const std::vector<std::string>& golden_ids, const std::vector<std::string>& refs);
  absl::StatusOr<int64_t> EraseAuditPayloadsOf(const std::vector<int64_t>& seqs, int64_t erased_by);
  absl::StatusOr<std::vector<std::pair<int64_t, std::string>>> ListAuditSubjects();
  absl::StatusOr<std::vector<GoldenRow>> ListAbsorbed(absl::string_view golden_id);
  absl::Status ScanRecordJsons(
      const std::function<absl::Status(int64_t record_id, absl::string_view json)>& visit);
  absl::StatusOr<int64_t> EraseRowIssuesHolding(const std::vector<std::string>& sources,
                                                const std::vector<std::string>& needles);
  absl::StatusOr<int64_t> InsertErasure(const ErasureRow& row);
  absl::Status SetErasureCounts(int64_t erasure_id, absl::string_view counts_json);
  absl::StatusOr<int64_t> CountErasures();
  absl::StatusOr<int64_t> InsertSuppressions(
      const std::vector<std::pair<std::string, std::string>>& keys, int64_t erasure_id);
  absl::StatusOr<std::vector<std::string>> ListSuppressions();
  absl::StatusOr<std::vector<GoldenMemberRow>> MembersOfGolden(int64_t golden_seq);
  absl::StatusOr<ErasedRows> EraseRecords(const std::vector<int64_t>& record_ids);
  absl::StatusOr<ErasedGoldenRows> EraseGoldenSideData(const std::vector<std::string>& golden_ids);
  absl::StatusOr<bool> TruncateLog();
  absl::Status PutRestriction(const RestrictionRow& row);
  absl::StatusOr<bool> DeleteRestriction(absl::string_view golden_id);
  absl::StatusOr<std::optional<RestrictionRow>> GetRestriction(absl::string_view golden_id);
  absl::StatusOr<std::vector<std::string>> ListRestricted();
  absl::StatusOr<int64_t> InsertConsentChange(const ConsentChangeRow& row);
  absl::StatusOr<std::vector<ConsentChangeRow>> ListConsentChanges(absl::string_view golden_id);
  absl::StatusOr<std::vector<RecordAge>> ListRecordAges(absl::string_view source);
  absl::Status PurgeRecord(int64_t record_id, absl::string_view marker_json,
                           absl::string_view marker_sha256, int64_t run_id);

 private:
  // Runs `sql` with `id` bound to its one parameter; returns the rows changed.
  absl::StatusOr<int64_t> RunWith(absl::string_view sql, int64_t id);
  absl::StatusOr<int64_t> RunWith(absl::string_view sql, absl::string_view text);

  SqliteDb& db_;
  // The per-event statements of a run, prepared on first use.
  Statement insert_event_;
  Statement insert_payload_;
  Statement insert_subject_;
};

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_PRIVACY_REPOSITORY_H_
