// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/sqlite_store.h"

#include "absl/strings/str_cat.h"
#include "mdm/model/record_json.h"
#include "mdm/status.h"
#include "mdm/store/migrator.h"
#include "mdm/store/sqlite_db.h"
#include "mdm/store/sqlite_golden_repository.h"
#include "mdm/store/sqlite_match_repository.h"
#include "mdm/store/sqlite_privacy_repository.h"
#include "mdm/store/sqlite_steward_repository.h"

namespace mdm::store {
namespace {

using ingest::CurrentVersion;
using ingest::Outcome;
using ingest::VersionDecision;

constexpr char kFileColumns[] =
    "file_id, source, path, sha256, size_bytes, run_id, rows_read, accepted, "
    "rejected, duplicates, warnings, suppressed";

LoadedFile ReadFile(const Statement& s) {
  LoadedFile f;
  f.file_id = s.ColumnInt(0);
  f.source = s.ColumnText(1);
  f.path = s.ColumnText(2);
  f.sha256 = s.ColumnText(3);
  f.size_bytes = s.ColumnInt(4);
  f.run_id = s.ColumnInt(5);
  f.counts.rows_read = s.ColumnInt(6);
  f.counts.accepted = s.ColumnInt(7);
  f.counts.rejected = s.ColumnInt(8);
  f.counts.duplicates = s.ColumnInt(9);
  f.counts.warnings = s.ColumnInt(10);
  f.counts.suppressed = s.ColumnInt(11);
  return f;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<SqliteDb> db)
      : db_(std::move(db)), match_(*db_), golden_(*db_), steward_(*db_), privacy_(*db_) {}

  // A run into a store without records writes nearly every page for the
  // first time. WAL would write each twice (to the log, then at the
  // checkpoint COMMIT triggers: 10 s of a million-record first load); a
  // rollback journal writes them once, journaling only the few pages that
  // existed. Readers wait for such a run; the store is WAL again after it.
  absl::Status BeginWrite() override {
    MDM_ASSIGN_OR_RETURN(int64_t empty,
                         db_->QueryInt("SELECT NOT EXISTS (SELECT 1 FROM source_records)"));
    if (empty) {
      // Another connection holding the store keeps it in WAL: fine too.
      MDM_RETURN_IF_ERROR(db_->Exec("PRAGMA journal_mode = DELETE"));
      rollback_journal_ = true;
    }
    absl::Status begun = db_->Exec("BEGIN IMMEDIATE");
    if (!begun.ok()) RestoreWal().IgnoreError();
    return begun;
  }
  absl::Status Commit() override { return EndWrite("COMMIT"); }
  absl::Status Rollback() override { return EndWrite("ROLLBACK"); }

  absl::StatusOr<int64_t> StartRun(absl::string_view started_at,
                                   absl::string_view config_path,
                                   absl::string_view config_sha256) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "INSERT INTO runs(started_at, finished_at, config_path, config_sha256, "
        "report_json) VALUES (?, '', ?, ?, '{}')"));
    s.Bind(1, started_at);
    s.Bind(2, config_path);
    s.Bind(3, config_sha256);
    MDM_RETURN_IF_ERROR(s.Run());
    return db_->LastInsertRowId();
  }

  absl::Status FinishRun(int64_t run_id, absl::string_view finished_at,
                         absl::string_view report_json) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "UPDATE runs SET finished_at = ?, report_json = ? WHERE run_id = ?"));
    s.Bind(1, finished_at);
    s.Bind(2, report_json);
    s.Bind(3, run_id);
    return s.Run();
  }

  absl::StatusOr<std::vector<RunSummary>> ListRuns(int64_t limit) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "SELECT run_id, started_at, finished_at, config_path, report_json, config_sha256 "
        "FROM runs ORDER BY run_id DESC LIMIT ?"));
    s.Bind(1, limit);
    std::vector<RunSummary> runs;
    for (;;) {
      MDM_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      runs.push_back({s.ColumnInt(0), s.ColumnText(1), s.ColumnText(2),
                      s.ColumnText(3), s.ColumnText(4), s.ColumnText(5)});
    }
    return runs;
  }

  absl::StatusOr<std::optional<LoadedFile>> FindFile(
      absl::string_view source, absl::string_view sha256) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(absl::StrCat(
        "SELECT ", kFileColumns, " FROM source_files WHERE source = ? AND sha256 = ?")));
    s.Bind(1, source);
    s.Bind(2, sha256);
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<LoadedFile>();
    return std::optional<LoadedFile>(ReadFile(s));
  }

  absl::StatusOr<int64_t> AddFile(const LoadedFile& file) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "INSERT INTO source_files(source, path, sha256, size_bytes, run_id, "
        "rows_read, accepted, rejected, duplicates, warnings) "
        "VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0)"));
    s.Bind(1, file.source);
    s.Bind(2, file.path);
    s.Bind(3, file.sha256);
    s.Bind(4, file.size_bytes);
    s.Bind(5, file.run_id);
    MDM_RETURN_IF_ERROR(s.Run());
    return db_->LastInsertRowId();
  }

  absl::Status SetFileCounts(int64_t file_id, const RunCounts& c) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "UPDATE source_files SET rows_read = ?, accepted = ?, rejected = ?, "
        "duplicates = ?, warnings = ?, suppressed = ? WHERE file_id = ?"));
    s.Bind(1, c.rows_read);
    s.Bind(2, c.accepted);
    s.Bind(3, c.rejected);
    s.Bind(4, c.duplicates);
    s.Bind(5, c.warnings);
    s.Bind(6, c.suppressed);
    s.Bind(7, file_id);
    return s.Run();
  }

  absl::StatusOr<std::vector<LoadedFile>> ListFiles(absl::string_view source) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(absl::StrCat(
        "SELECT ", kFileColumns, " FROM source_files WHERE ? = '' OR source = ? "
        "ORDER BY file_id")));
    s.Bind(1, source);
    s.Bind(2, source);
    std::vector<LoadedFile> files;
    for (;;) {
      MDM_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      files.push_back(ReadFile(s));
    }
    return files;
  }

  absl::StatusOr<std::optional<CurrentVersion>> FindCurrent(
      absl::string_view source, absl::string_view source_key) override {
    MDM_ASSIGN_OR_RETURN(Statement* s, Cached(find_current_,
        "SELECT record_id, observed_at, content_sha256, seen_run, seen_outcome "
        "FROM source_records WHERE source = ? AND source_key = ?"));
    s->Bind(1, source);
    s->Bind(2, source_key);
    absl::StatusOr<bool> row = s->Step();
    std::optional<CurrentVersion> current;
    if (row.ok() && *row) {
      current = CurrentVersion{s->ColumnInt(0), s->ColumnText(1), s->ColumnText(2),
                               s->ColumnInt(3), static_cast<Outcome>(s->ColumnInt(4))};
    }
    s->Reset();
    if (!row.ok()) return row.status();
    return current;
  }

  absl::Status ApplyVersion(const VersionDecision& d,
                            const std::optional<CurrentVersion>& current,
                            const RecordVersion& v, int64_t run_id) override;

  absl::StatusOr<std::optional<StoredRecord>> GetRecord(
      absl::string_view source, absl::string_view source_key) override;

  absl::StatusOr<int64_t> CountRecords(absl::string_view source) override {
    MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "SELECT count(*) FROM source_records WHERE ? = '' OR source = ?"));
    s.Bind(1, source);
    s.Bind(2, source);
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? s.ColumnInt(0) : 0;
  }

  absl::Status AddIssue(int64_t run_id, std::optional<int64_t> file_id,
                        absl::string_view source, const model::RowIssue& issue,
                        absl::string_view raw) override;

  absl::StatusOr<std::vector<StoredIssue>> ListIssues(const IssueQuery& filter) override;

  absl::Status ScanMatchKeys(const MatchKeysVisitor& visit) override {
    return match_.ScanMatchKeys(visit);
  }
  absl::StatusOr<std::string> RecordJson(int64_t record_id) override {
    return match_.RecordJson(record_id);
  }
  absl::Status PutMatchKeys(int64_t record_id, absl::string_view keys) override {
    return match_.PutMatchKeys(record_id, keys);
  }
  absl::Status SetRunMatching(int64_t run_id, absl::string_view settings_json) override {
    return match_.SetRunMatching(run_id, settings_json);
  }
  absl::StatusOr<std::optional<std::string>> LatestRunMatching() override {
    return match_.LatestRunMatching();
  }
  absl::Status SetRunModel(int64_t run_id, int64_t model_id) override {
    return match_.SetRunModel(run_id, model_id);
  }
  absl::StatusOr<int64_t> LatestRunModel() override { return match_.LatestRunModel(); }
  absl::Status ScanBlockKeys(
      const std::function<absl::Status(int64_t, absl::string_view)>& visit) override {
    return match_.ScanBlockKeys(visit);
  }
  absl::Status ReadMatchState(
      const std::vector<int64_t>& record_ids,
      const std::function<absl::Status(int64_t, absl::string_view, absl::string_view)>& visit)
      override {
    return match_.ReadMatchState(record_ids, visit);
  }
  absl::Status PutMatchState(int64_t record_id, absl::string_view keys,
                             absl::string_view edges) override {
    return match_.PutMatchState(record_id, keys, edges);
  }
  absl::Status DeleteMatchState(int64_t record_id) override {
    return match_.DeleteMatchState(record_id);
  }
  absl::Status ClearMatchState() override { return match_.ClearMatchState(); }
  absl::Status ReadMatchKeys(const std::vector<int64_t>& record_ids,
                             const MatchKeysVisitor& visit) override {
    return match_.ReadMatchKeys(record_ids, visit);
  }
  absl::StatusOr<std::vector<int64_t>> ListUnmatchedRecords() override {
    return match_.ListUnmatchedRecords();
  }
  absl::StatusOr<int64_t> AddModel(absl::string_view created_at, int64_t run_id,
                                   absl::string_view fingerprint, absl::string_view model_json,
                                   absl::string_view term_frequencies) override {
    return match_.AddModel(created_at, run_id, fingerprint, model_json, term_frequencies);
  }
  absl::StatusOr<std::optional<StoredModel>> LatestModel(
      absl::string_view fingerprint) override {
    return match_.LatestModel(fingerprint);
  }
  absl::StatusOr<std::vector<ClusterAssignment>> ListClusters() override {
    return golden_.ListClusters();
  }
  absl::Status ReplaceOpenReviewItems(int64_t run_id, const std::vector<ReviewItemRow>& items,
                                      const std::vector<int64_t>* scope) override {
    return match_.ReplaceOpenReviewItems(run_id, items, scope);
  }
  absl::StatusOr<int64_t> CountReviewItems(absl::string_view status) override {
    return match_.CountReviewItems(status);
  }
  absl::StatusOr<std::vector<ReviewItemRow>> ListReviewItems(absl::string_view status,
                                                             int64_t limit) override {
    return match_.ListReviewItems(status, limit);
  }

  absl::StatusOr<std::optional<ReviewItemRow>> GetReviewItem(int64_t item_id) override {
    return steward_.GetReviewItem(item_id);
  }
  absl::StatusOr<std::pair<std::vector<ReviewItemRow>, int64_t>> QueryReviewItems(
      const ReviewFilter& filter) override {
    return steward_.QueryReviewItems(filter);
  }
  absl::Status UpdateReviewItemSteward(const ReviewItemRow& item) override {
    return steward_.UpdateReviewItemSteward(item);
  }
  absl::Status PutStewardLink(const StewardLink& link) override {
    return steward_.PutStewardLink(link);
  }
  absl::Status DeleteStewardLink(int64_t record_a, int64_t record_b) override {
    return steward_.DeleteStewardLink(record_a, record_b);
  }
  absl::StatusOr<std::vector<StewardLink>> ListStewardLinks() override {
    return steward_.ListStewardLinks();
  }
  absl::StatusOr<std::vector<StewardLink>> ReadStewardLinks(
      const std::vector<int64_t>& record_ids) override {
    return steward_.ReadStewardLinks(record_ids);
  }
  absl::StatusOr<std::vector<int64_t>> ListStewardPendingRecords() override {
    return steward_.ListStewardPendingRecords();
  }
  absl::Status MarkStewardApplied(int64_t run_id) override {
    return steward_.MarkStewardApplied(run_id);
  }
  absl::StatusOr<int64_t> InsertOverride(const OverrideRow& row) override {
    return steward_.InsertOverride(row);
  }
  absl::Status UpdateOverride(const OverrideRow& row) override {
    return steward_.UpdateOverride(row);
  }
  absl::StatusOr<std::vector<OverrideRow>> ListOverrides(absl::string_view golden_id,
                                                         bool all) override {
    return steward_.ListOverrides(golden_id, all);
  }
  absl::StatusOr<std::vector<OverrideRow>> ListLiveOverrides() override {
    return steward_.ListLiveOverrides();
  }
  absl::StatusOr<int64_t> InsertChangeRequest(const ChangeRequest& request) override {
    return steward_.InsertChangeRequest(request);
  }
  absl::Status UpdateChangeRequest(const ChangeRequest& request) override {
    return steward_.UpdateChangeRequest(request);
  }
  absl::StatusOr<std::optional<ChangeRequest>> GetChangeRequest(int64_t dcr_id) override {
    return steward_.GetChangeRequest(dcr_id);
  }
  absl::StatusOr<std::vector<ChangeRequest>> ListChangeRequests(absl::string_view status,
                                                                int64_t limit) override {
    return steward_.ListChangeRequests(status, limit);
  }
  absl::Status InsertUser(const UserRow& user) override { return steward_.InsertUser(user); }
  absl::StatusOr<std::optional<UserRow>> FindUser(absl::string_view name) override {
    return steward_.FindUser(name);
  }
  absl::StatusOr<std::vector<UserRow>> ListUsers() override { return steward_.ListUsers(); }
  absl::StatusOr<std::vector<GoldenRow>> SearchGoldens(absl::string_view exact,
                                                       absl::string_view folded,
                                                       int64_t limit) override {
    return steward_.SearchGoldens(exact, folded, limit);
  }

  // --- privacy ---------------------------------------------------------
  absl::StatusOr<AuditEvent> LastAuditEvent() override { return privacy_.LastAuditEvent(); }
  absl::Status InsertAuditEvent(const AuditEvent& event, const AuditPayloadRow* payload) override {
    return privacy_.InsertAuditEvent(event, payload);
  }
  absl::Status ScanAuditEvents(
      const std::function<absl::Status(const AuditEvent&, const AuditPayloadRow*)>& visit)
      override {
    return privacy_.ScanAuditEvents(visit);
  }
  absl::StatusOr<std::vector<AuditEvent>> QueryAuditEvents(const AuditQuery& query) override {
    return privacy_.QueryAuditEvents(query);
  }
  absl::StatusOr<int64_t> CountAuditEvents() override { return privacy_.CountAuditEvents(); }
  absl::StatusOr<std::vector<AuditEvent>> AuditEventsAbout(
      const std::vector<std::string>& golden_ids, const std::vector<std::string>& refs) override {
    return privacy_.AuditEventsAbout(golden_ids, refs);
  }
  absl::Status SetErasureCounts(int64_t erasure_id, absl::string_view counts_json) override {
    return privacy_.SetErasureCounts(erasure_id, counts_json);
  }
  absl::StatusOr<int64_t> EraseAuditPayloadsOf(const std::vector<int64_t>& seqs,
                                               int64_t erased_by) override {
    return privacy_.EraseAuditPayloadsOf(seqs, erased_by);
  }
  absl::StatusOr<std::vector<std::pair<int64_t, std::string>>> ListAuditSubjects() override {
    return privacy_.ListAuditSubjects();
  }
  absl::StatusOr<std::vector<GoldenRow>> ListAbsorbed(absl::string_view golden_id) override {
    return privacy_.ListAbsorbed(golden_id);
  }
  absl::Status ScanRecordJsons(
      const std::function<absl::Status(int64_t, absl::string_view)>& visit) override {
    return privacy_.ScanRecordJsons(visit);
  }
  absl::StatusOr<int64_t> EraseRowIssuesHolding(const std::vector<std::string>& sources,
                                                const std::vector<std::string>& needles) override {
    return privacy_.EraseRowIssuesHolding(sources, needles);
  }
  absl::StatusOr<int64_t> InsertErasure(const ErasureRow& row) override {
    return privacy_.InsertErasure(row);
  }
  absl::StatusOr<int64_t> CountErasures() override { return privacy_.CountErasures(); }
  absl::StatusOr<int64_t> InsertSuppressions(
      const std::vector<std::pair<std::string, std::string>>& keys, int64_t erasure_id) override {
    return privacy_.InsertSuppressions(keys, erasure_id);
  }
  absl::StatusOr<std::vector<std::string>> ListSuppressions() override {
    return privacy_.ListSuppressions();
  }
  absl::StatusOr<std::vector<GoldenMemberRow>> MembersOfGolden(int64_t golden_seq) override {
    return privacy_.MembersOfGolden(golden_seq);
  }
  absl::StatusOr<ErasedRows> EraseRecords(const std::vector<int64_t>& record_ids) override {
    return privacy_.EraseRecords(record_ids);
  }
  absl::StatusOr<ErasedGoldenRows> EraseGoldenSideData(
      const std::vector<std::string>& golden_ids) override {
    return privacy_.EraseGoldenSideData(golden_ids);
  }
  absl::StatusOr<bool> TruncateLog() override { return privacy_.TruncateLog(); }
  absl::Status PutRestriction(const RestrictionRow& row) override {
    return privacy_.PutRestriction(row);
  }
  absl::StatusOr<bool> DeleteRestriction(absl::string_view golden_id) override {
    return privacy_.DeleteRestriction(golden_id);
  }
  absl::StatusOr<std::optional<RestrictionRow>> GetRestriction(
      absl::string_view golden_id) override {
    return privacy_.GetRestriction(golden_id);
  }
  absl::StatusOr<std::vector<std::string>> ListRestricted() override {
    return privacy_.ListRestricted();
  }
  absl::StatusOr<int64_t> InsertConsentChange(const ConsentChangeRow& row) override {
    return privacy_.InsertConsentChange(row);
  }
  absl::StatusOr<std::vector<ConsentChangeRow>> ListConsentChanges(
      absl::string_view golden_id) override {
    return privacy_.ListConsentChanges(golden_id);
  }
  absl::StatusOr<std::vector<RecordAge>> ListRecordAges(absl::string_view source) override {
    return privacy_.ListRecordAges(source);
  }
  absl::Status PurgeRecord(int64_t record_id, absl::string_view marker_json,
                           absl::string_view marker_sha256, int64_t run_id) override {
    return privacy_.PurgeRecord(record_id, marker_json, marker_sha256, run_id);
  }

  absl::StatusOr<std::vector<int64_t>> ListPendingRecords() override {
    return golden_.ListPendingRecords();
  }
  absl::Status AddPendingRecord(int64_t record_id) override {
    return golden_.AddPendingRecord(record_id);
  }
  absl::Status ClearPendingRecords() override { return golden_.ClearPendingRecords(); }
  absl::Status SetRunGoldenSetting(int64_t run_id, absl::string_view setting_json) override {
    return golden_.SetRunGoldenSetting(run_id, setting_json);
  }
  absl::StatusOr<std::optional<std::string>> LatestGoldenSetting() override {
    return golden_.LatestGoldenSetting();
  }
  absl::StatusOr<std::vector<GoldenRow>> ListGoldens() override { return golden_.ListGoldens(); }
  absl::StatusOr<std::optional<GoldenRow>> GetGolden(int64_t seq) override {
    return golden_.GetGolden(seq);
  }
  absl::StatusOr<std::optional<GoldenRow>> FindGolden(absl::string_view golden_id) override {
    return golden_.FindGolden(golden_id);
  }
  absl::StatusOr<int64_t> InsertGolden(const GoldenRow& row) override {
    return golden_.InsertGolden(row);
  }
  absl::Status UpdateGolden(const GoldenRow& row) override { return golden_.UpdateGolden(row); }
  absl::StatusOr<std::vector<GoldenMemberRow>> ListGoldenMembers() override {
    return golden_.ListGoldenMembers();
  }
  absl::StatusOr<std::vector<GoldenMemberRow>> ReadGoldenMembers(
      const std::vector<int64_t>& record_ids) override {
    return golden_.ReadGoldenMembers(record_ids);
  }
  absl::StatusOr<int64_t> CountActiveGoldens() override { return golden_.CountActiveGoldens(); }
  absl::StatusOr<int64_t> CountActiveMembers(int64_t golden_seq) override {
    return golden_.CountActiveMembers(golden_seq);
  }
  absl::Status PutGoldenMember(const GoldenMemberRow& member, int64_t run_id) override {
    return golden_.PutGoldenMember(member, run_id);
  }
  absl::Status AddGoldenEvent(int64_t golden_seq, int64_t run_id, absl::string_view kind,
                              absl::string_view detail_json) override {
    return golden_.AddGoldenEvent(golden_seq, run_id, kind, detail_json);
  }
  absl::StatusOr<std::vector<GoldenEventRow>> ListGoldenEvents(int64_t golden_seq) override {
    return golden_.ListGoldenEvents(golden_seq);
  }
  absl::StatusOr<std::optional<RecordGolden>> FindRecordGolden(
      absl::string_view source, absl::string_view source_key) override {
    return golden_.FindRecordGolden(source, source_key);
  }
  absl::Status ReadRecordJsons(
      const std::vector<int64_t>& record_ids,
      const std::function<absl::Status(int64_t, absl::string_view)>& visit) override {
    return golden_.ReadRecordJsons(record_ids, visit);
  }

 private:
  absl::Status EndWrite(const char* sql) {
    absl::Status ended = db_->Exec(sql);
    absl::Status restored = RestoreWal();
    return ended.ok() ? restored : ended;
  }
  absl::Status RestoreWal() {
    if (!rollback_journal_) return absl::OkStatus();
    rollback_journal_ = false;
    return db_->Exec("PRAGMA journal_mode = WAL");
  }

  // Statements on the per-row path are prepared on first use and reused.
  absl::StatusOr<Statement*> Cached(Statement& slot, absl::string_view sql) {
    if (!slot.valid()) {
      MDM_ASSIGN_OR_RETURN(slot, db_->Prepare(sql));
    }
    return &slot;
  }
  absl::Status InsertCurrent(const RecordVersion& v, int64_t run_id, Outcome outcome);
  absl::Status ArchiveCurrent(int64_t record_id, int64_t run_id, absl::string_view reason);
  absl::Status ArchiveIncoming(int64_t record_id, const RecordVersion& v,
                               int64_t run_id, absl::string_view reason);
  absl::Status OverwriteCurrent(int64_t record_id, const RecordVersion& v,
                                int64_t run_id, Outcome outcome);
  absl::Status MarkSeen(int64_t record_id, int64_t run_id, Outcome outcome);
  absl::StatusOr<std::vector<StoredVersion>> History(int64_t record_id);

  bool rollback_journal_ = false;  // this write runs with a rollback journal
  std::unique_ptr<SqliteDb> db_;
  SqliteMatchRepository match_;
  SqliteGoldenRepository golden_;
  SqliteStewardRepository steward_;
  SqlitePrivacyRepository privacy_;
  Statement find_current_, insert_, archive_current_, archive_incoming_,
      overwrite_, mark_seen_, add_issue_;
};

absl::Status SqliteStore::InsertCurrent(const RecordVersion& v, int64_t run_id,
                                        Outcome outcome) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(insert_,
      "INSERT INTO source_records(source, source_key, source_type, observed_at, "
      "file_id, line, change_run, seen_run, seen_outcome, content_sha256, "
      "raw_json, record_json, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s->Bind(1, v.source);
  s->Bind(2, v.source_key);
  s->Bind(3, static_cast<int64_t>(v.source_type));
  s->Bind(4, v.observed_at);
  s->Bind(5, v.file_id);
  s->Bind(6, v.line);
  s->Bind(7, run_id);
  s->Bind(8, run_id);
  s->Bind(9, static_cast<int64_t>(outcome));
  s->Bind(10, v.content_sha256);
  s->Bind(11, v.raw_json);
  s->Bind(12, v.record_json);
  s->Bind(13, static_cast<int64_t>(v.deleted ? 1 : 0));
  MDM_RETURN_IF_ERROR(s->Run());
  return match_.PutMatchKeys(db_->LastInsertRowId(), v.match_keys);
}

absl::Status SqliteStore::ArchiveCurrent(int64_t record_id, int64_t run_id,
                                         absl::string_view reason) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(archive_current_,
      "INSERT INTO source_record_history(record_id, observed_at, file_id, line, "
      "content_sha256, raw_json, record_json, archived_run, reason) "
      "SELECT record_id, observed_at, file_id, line, content_sha256, raw_json, "
      "record_json, ?, ? FROM source_records WHERE record_id = ?"));
  s->Bind(1, run_id);
  s->Bind(2, reason);
  s->Bind(3, record_id);
  return s->Run();
}

absl::Status SqliteStore::ArchiveIncoming(int64_t record_id, const RecordVersion& v,
                                          int64_t run_id, absl::string_view reason) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(archive_incoming_,
      "INSERT INTO source_record_history(record_id, observed_at, file_id, line, "
      "content_sha256, raw_json, record_json, archived_run, reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s->Bind(1, record_id);
  s->Bind(2, v.observed_at);
  s->Bind(3, v.file_id);
  s->Bind(4, v.line);
  s->Bind(5, v.content_sha256);
  s->Bind(6, v.raw_json);
  s->Bind(7, v.record_json);
  s->Bind(8, run_id);
  s->Bind(9, reason);
  return s->Run();
}

absl::Status SqliteStore::OverwriteCurrent(int64_t record_id, const RecordVersion& v,
                                           int64_t run_id, Outcome outcome) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(overwrite_,
      "UPDATE source_records SET source_type = ?, observed_at = ?, file_id = ?, "
      "line = ?, change_run = ?, seen_run = ?, seen_outcome = ?, "
      "content_sha256 = ?, raw_json = ?, record_json = ?, deleted = ? WHERE record_id = ?"));
  s->Bind(1, static_cast<int64_t>(v.source_type));
  s->Bind(2, v.observed_at);
  s->Bind(3, v.file_id);
  s->Bind(4, v.line);
  s->Bind(5, run_id);
  s->Bind(6, run_id);
  s->Bind(7, static_cast<int64_t>(outcome));
  s->Bind(8, v.content_sha256);
  s->Bind(9, v.raw_json);
  s->Bind(10, v.record_json);
  s->Bind(11, static_cast<int64_t>(v.deleted ? 1 : 0));
  s->Bind(12, record_id);
  MDM_RETURN_IF_ERROR(s->Run());
  // Its golden record is rebuilt by the next run that matches.
  MDM_RETURN_IF_ERROR(golden_.AddPendingRecord(record_id));
  return match_.PutMatchKeys(record_id, v.match_keys);
}

absl::Status SqliteStore::MarkSeen(int64_t record_id, int64_t run_id,
                                   Outcome outcome) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(mark_seen_,
      "UPDATE source_records SET seen_run = ?, seen_outcome = ? WHERE record_id = ?"));
  s->Bind(1, run_id);
  s->Bind(2, static_cast<int64_t>(outcome));
  s->Bind(3, record_id);
  return s->Run();
}

absl::Status SqliteStore::ApplyVersion(const VersionDecision& d,
                                       const std::optional<CurrentVersion>& current,
                                       const RecordVersion& v, int64_t run_id) {
  using Action = VersionDecision::Action;
  switch (d.action) {
    case Action::kInsert:
      return InsertCurrent(v, run_id, d.outcome);
    case Action::kReplace:
      MDM_RETURN_IF_ERROR(ArchiveCurrent(current->record_id, run_id, d.history_reason));
      return OverwriteCurrent(current->record_id, v, run_id, d.outcome);
    case Action::kArchiveIncoming:
      MDM_RETURN_IF_ERROR(ArchiveIncoming(current->record_id, v, run_id, d.history_reason));
      return MarkSeen(current->record_id, run_id, d.outcome);
    case Action::kMarkSeen:
      return MarkSeen(current->record_id, run_id, d.outcome);
    case Action::kNone:
      return absl::OkStatus();
  }
  return absl::InternalError("store: unknown version action");
}

absl::StatusOr<std::vector<StoredVersion>> SqliteStore::History(int64_t record_id) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "SELECT h.record_json, h.raw_json, f.path, h.line, h.reason, h.archived_run "
      "FROM source_record_history h JOIN source_files f USING (file_id) "
      "WHERE h.record_id = ? ORDER BY h.history_id DESC"));
  s.Bind(1, record_id);
  std::vector<StoredVersion> history;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    MDM_ASSIGN_OR_RETURN(SourceRecord record, model::RecordFromJson(s.ColumnText(0)));
    history.push_back({std::move(record), s.ColumnText(1), s.ColumnText(2),
                       s.ColumnInt(3), s.ColumnText(4), s.ColumnInt(5)});
  }
  return history;
}

absl::StatusOr<std::optional<StoredRecord>> SqliteStore::GetRecord(
    absl::string_view source, absl::string_view source_key) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "SELECT r.record_id, r.record_json, r.raw_json, f.path, r.line, r.change_run "
      "FROM source_records r JOIN source_files f USING (file_id) "
      "WHERE r.source = ? AND r.source_key = ?"));
  s.Bind(1, source);
  s.Bind(2, source_key);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredRecord>();
  StoredRecord out;
  out.record_id = s.ColumnInt(0);
  MDM_ASSIGN_OR_RETURN(out.current.record, model::RecordFromJson(s.ColumnText(1)));
  out.current.raw_json = s.ColumnText(2);
  out.current.file = s.ColumnText(3);
  out.current.line = s.ColumnInt(4);
  out.current.status = "current";
  out.current.run_id = s.ColumnInt(5);
  MDM_ASSIGN_OR_RETURN(out.history, History(out.record_id));
  return std::optional<StoredRecord>(std::move(out));
}

absl::Status SqliteStore::AddIssue(int64_t run_id, std::optional<int64_t> file_id,
                                   absl::string_view source,
                                   const model::RowIssue& issue,
                                   absl::string_view raw) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(add_issue_,
      "INSERT INTO row_issues(run_id, file_id, source, file, line, field, reason, "
      "severity, detail, source_key, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s->Bind(1, run_id);
  if (file_id) {
    s->Bind(2, *file_id);
  } else {
    s->BindNull(2);
  }
  s->Bind(3, source);
  s->Bind(4, issue.file);
  s->Bind(5, issue.line);
  s->Bind(6, issue.field);
  s->Bind(7, static_cast<int64_t>(issue.reason));
  s->Bind(8, static_cast<int64_t>(model::SeverityOf(issue.reason)));
  s->Bind(9, issue.detail);
  s->Bind(10, issue.source_key);
  if (raw.empty()) {
    s->BindNull(11);
  } else {
    s->BindBlob(11, raw);
  }
  return s->Run();
}

absl::StatusOr<std::vector<StoredIssue>> SqliteStore::ListIssues(
    const IssueQuery& filter) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "SELECT issue_id, run_id, source, file, line, field, reason, severity, "
      "detail, source_key FROM row_issues "
      "WHERE (? = 0 OR run_id = ?) AND (? = '' OR source = ?) AND (severity = 0 OR ?) "
      "ORDER BY issue_id LIMIT ?"));
  const int64_t run = filter.run_id.value_or(0);
  s.Bind(1, run);
  s.Bind(2, run);
  s.Bind(3, filter.source);
  s.Bind(4, filter.source);
  s.Bind(5, static_cast<int64_t>(filter.include_warnings));
  s.Bind(6, filter.limit);
  std::vector<StoredIssue> issues;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    StoredIssue i;
    i.issue_id = s.ColumnInt(0);
    i.run_id = s.ColumnInt(1);
    i.source = s.ColumnText(2);
    i.file = s.ColumnText(3);
    i.line = s.ColumnInt(4);
    i.field = s.ColumnText(5);
    i.reason = std::string(
        model::IssueReasonName(static_cast<model::IssueReason>(s.ColumnInt(6))));
    i.warning = s.ColumnInt(7) != 0;
    i.detail = s.ColumnText(8);
    i.source_key = s.ColumnText(9);
    issues.push_back(std::move(i));
  }
  return issues;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(absl::string_view path,
                                                       OpenMode mode) {
  MDM_ASSIGN_OR_RETURN(
      std::unique_ptr<SqliteDb> db,
      SqliteDb::Open(path, mode == OpenMode::kCreate ? SqliteDb::kCreate
                                                     : SqliteDb::kMustExist));
  MDM_RETURN_IF_ERROR(Migrate(*db));
  return std::unique_ptr<Store>(new SqliteStore(std::move(db)));
}

}  // namespace mdm::store
