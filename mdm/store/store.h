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
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/ingest/version_policy.h"
#include "mdm/golden.h"
#include "mdm/privacy.h"
#include "mdm/model/reject.h"
#include "mdm/record.h"
#include "mdm/steward.h"
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
  std::string match_keys;  // mdm/match/match_keys.h, binary
  bool deleted = false;    // a delete marker
};

struct StoredModel {
  int64_t model_id = 0;
  std::string model_json;
  std::string term_frequencies;  // mdm/match/term_frequencies.h, binary
};

// A record's cluster: its golden record's seq (see golden_members).
struct ClusterAssignment {
  int64_t record_id = 0;
  int64_t cluster_id = 0;
};

// One row of golden_records (see schemas/sql/sqlite/0003_golden.sql).
struct GoldenRow {
  int64_t seq = 0;
  std::string golden_id;
  GoldenStatus status = GoldenStatus::kActive;
  std::string merged_into;
  int64_t created_run = 0;
  int64_t updated_run = 0;
  std::string content_hash;
  std::string golden_json;  // left empty by ListGoldens()
};

// One row of golden_members.
struct GoldenMemberRow {
  int64_t record_id = 0;
  int64_t golden_seq = 0;
  bool active = true;  // false: the record was deleted since
};

// One row of golden_events, with the time of its run.
struct GoldenEventRow {
  int64_t event_id = 0;
  int64_t run_id = 0;
  std::string at;  // the run's start, ISO-8601 UTC
  std::string kind;
  std::string detail_json;
};

// Where a source key stands, for xref.
struct RecordGolden {
  int64_t record_id = 0;
  bool deleted = false;                   // the current version is a delete marker
  std::optional<GoldenMemberRow> member;  // nullopt: never matched yet
};

// One row of review_items (see schemas/sql/sqlite/0002_match.sql).
struct ReviewItemRow {
  int64_t item_id = 0;
  int64_t record_a = 0;  // record_a < record_b
  int64_t record_b = 0;
  std::string reason;    // review_band, identifier_conflict, cannot_link
  double probability = 0;
  double match_weight = 0;
  std::string status;    // open, decided (read back: stale for an open item with a
                         // record in pending_records)
  int64_t created_run = 0;
  int64_t updated_run = 0;
  double priority = 0;
  // The steward's side (0005_steward.sql); runs leave it alone.
  std::string assignee{};
  int64_t revision = 1;
  std::string decision{};  // same, different
  std::string decided_by{};
  std::string decided_at{};
  std::string decision_reason{};
};

// A steward's must-link ("same") or cannot-link ("different") between two
// records (see schemas/sql/sqlite/0005_steward.sql).
struct StewardLink {
  int64_t record_a = 0;  // record_a < record_b
  int64_t record_b = 0;
  std::string kind;      // same, different
  std::string origin;    // queue, split, merge
  int64_t item_id = 0;
  std::string steward;
  std::string reason;
  std::string created_at;
  int64_t applied_run = 0;  // 0: no run has clustered with it yet
};

// One row of golden_overrides.
struct OverrideRow {
  int64_t override_id = 0;
  std::string golden_id;
  std::string field;
  std::string value;
  std::string steward;
  std::string reason;
  std::string created_at;
  bool pinned = true;
  std::string unpinned_by;
  std::string unpinned_at;
  std::string unpin_reason;
  int64_t dcr_id = 0;
  int64_t applied_run = 0;
};

// One row of users.
struct UserRow {
  std::string name;
  std::string role;
  std::string salt;
  int64_t iterations = 0;
  std::string hash;
  std::string created_at;
};

// Which review items QueryReviewItems returns.
struct ReviewFilter {
  std::string status;    // open, stale, decided, "" = all
  std::string assignee;  // "" = any
  int64_t offset = 0;
  int64_t limit = 50;
};

// The personal payload of an audit event (audit_payloads).
struct AuditPayloadRow {
  std::string salt;     // hex; "" once erased
  std::string payload;  // JSON; "" once erased
  int64_t erased_by = 0;
};

// One row of erasures: a tombstone without personal data.
struct ErasureRow {
  int64_t erasure_id = 0;
  std::string golden_id;
  std::string at;
  std::string actor;
  std::string reason;
  int64_t audit_seq = 0;
  std::string counts_json;
};

// What EraseRecords() removed.
struct ErasedRows {
  int64_t source_records = 0;
  int64_t history_versions = 0;
  int64_t review_items = 0;
  int64_t steward_links = 0;
  int64_t row_issues = 0;
};

// What EraseGoldenSideData() removed.
struct ErasedGoldenRows {
  int64_t overrides = 0;
  int64_t change_requests = 0;
  int64_t consent_changes = 0;
};

// One row of restrictions.
struct RestrictionRow {
  std::string golden_id;
  std::string at;
  std::string actor;
  std::string reason;
};

// One row of consent_changes.
struct ConsentChangeRow {
  int64_t change_id = 0;
  std::string golden_id;
  std::string channel;
  std::string purpose;
  bool granted = false;
  std::string at;
  std::string actor;
  std::string reason;
};

// How old a current record is, for retention.
struct RecordAge {
  int64_t record_id = 0;
  std::string source_key;
  std::string observed_at;  // '' when the source gave none
  std::string loaded_at;    // start of the run that loaded its current version
};

// Called for each current record by ScanMatchKeys(); `keys` is empty when
// none are stored for the record.
using MatchKeysVisitor =
    std::function<absl::Status(int64_t record_id, absl::string_view source,
                               absl::string_view source_key, absl::string_view keys)>;

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

  // --- matching -----------------------------------------------------------
  // Visits every current record that is not a delete marker, in (source,
  // source_key) order.
  virtual absl::Status ScanMatchKeys(const MatchKeysVisitor& visit) = 0;
  // The normalized record JSON of a current record; NotFound when unknown.
  virtual absl::StatusOr<std::string> RecordJson(int64_t record_id) = 0;
  // Stores (or replaces) the match keys of a current record.
  // REQUIRES: inside BeginWrite().
  virtual absl::Status PutMatchKeys(int64_t record_id, absl::string_view keys) = 0;

  // Records the matching setting run `run_id` used (JSON), and reads the
  // setting of the newest run that has one (nullopt when none has).
  // SetRunMatching REQUIRES: inside BeginWrite().
  virtual absl::Status SetRunMatching(int64_t run_id, absl::string_view settings_json) = 0;
  virtual absl::StatusOr<std::optional<std::string>> LatestRunMatching() = 0;

  // The model run `run_id` matched with, and that of the newest run that
  // matched (0 when none did). SetRunModel REQUIRES: inside BeginWrite().
  virtual absl::Status SetRunModel(int64_t run_id, int64_t model_id) = 0;
  virtual absl::StatusOr<int64_t> LatestRunModel() = 0;

  // --- match state for delta runs (record_match_state) ------------------
  // Visits the blocking keys of every record with a state row, by record id.
  virtual absl::Status ScanBlockKeys(
      const std::function<absl::Status(int64_t record_id, absl::string_view keys)>& visit) = 0;
  // Visits the state rows of `record_ids` (sorted ascending) that exist.
  virtual absl::Status ReadMatchState(
      const std::vector<int64_t>& record_ids,
      const std::function<absl::Status(int64_t record_id, absl::string_view keys,
                                       absl::string_view edges)>& visit) = 0;
  // Inserts or replaces one row / deletes one row / deletes every row.
  // REQUIRES: inside BeginWrite().
  virtual absl::Status PutMatchState(int64_t record_id, absl::string_view keys,
                                     absl::string_view edges) = 0;
  virtual absl::Status DeleteMatchState(int64_t record_id) = 0;
  virtual absl::Status ClearMatchState() = 0;
  // Visits source, key and stored match keys of the current records
  // `record_ids` (sorted ascending), skipping delete markers; NotFound for an
  // id that is not a record.
  virtual absl::Status ReadMatchKeys(const std::vector<int64_t>& record_ids,
                                     const MatchKeysVisitor& visit) = 0;
  // Records added since the last run that matched: ids above every
  // golden_members row, ascending. Delete markers are left out: one for a
  // key never matched has nothing to match and nothing to take out (a
  // marker replacing a matched record is a pending record).
  virtual absl::StatusOr<std::vector<int64_t>> ListUnmatchedRecords() = 0;

  // Stores a model; returns its id. `run_id` 0 = trained outside a run.
  virtual absl::StatusOr<int64_t> AddModel(absl::string_view created_at, int64_t run_id,
                                           absl::string_view fingerprint,
                                           absl::string_view model_json,
                                           absl::string_view term_frequencies) = 0;
  // The newest model with this fingerprint ("" = any); nullopt when none.
  virtual absl::StatusOr<std::optional<StoredModel>> LatestModel(
      absl::string_view fingerprint) = 0;

  // The cluster of every active golden member, by record id.
  virtual absl::StatusOr<std::vector<ClusterAssignment>> ListClusters() = 0;

  // Makes the open review items exactly `items` (matched on record_a,
  // record_b): new pairs are inserted, known ones updated, open ones absent
  // from `items` deleted. With `scope`, only open items with a record in it
  // may be deleted (a delta run decides those only); `scope` sorted.
  // REQUIRES: inside BeginWrite().
  virtual absl::Status ReplaceOpenReviewItems(int64_t run_id,
                                              const std::vector<ReviewItemRow>& items,
                                              const std::vector<int64_t>* scope) = 0;
  virtual absl::StatusOr<int64_t> CountReviewItems(absl::string_view status) = 0;
  // Items with this status ("" = any), oldest first, at most `limit`.
  virtual absl::StatusOr<std::vector<ReviewItemRow>> ListReviewItems(
      absl::string_view status, int64_t limit) = 0;

  // --- steward (0005_steward.sql) ----------------------------------------
  // One review item, its status read as ReviewItemRow::status says; nullopt
  // when unknown.
  virtual absl::StatusOr<std::optional<ReviewItemRow>> GetReviewItem(int64_t item_id) = 0;
  // Open and stale items by priority (highest first), decided ones newest
  // decision first; with the number of items the filter matches.
  virtual absl::StatusOr<std::pair<std::vector<ReviewItemRow>, int64_t>> QueryReviewItems(
      const ReviewFilter& filter) = 0;
  // Writes the steward's side of `item` (assignee, status, decision...) and
  // bumps its revision, only when the stored revision is item.revision;
  // Aborted otherwise. REQUIRES: inside BeginWrite().
  virtual absl::Status UpdateReviewItemSteward(const ReviewItemRow& item) = 0;
  // Inserts or replaces the link of (record_a, record_b); deletes one.
  // REQUIRES: inside BeginWrite().
  virtual absl::Status PutStewardLink(const StewardLink& link) = 0;
  virtual absl::Status DeleteStewardLink(int64_t record_a, int64_t record_b) = 0;
  // Every link / the links with a record in `record_ids` (sorted).
  virtual absl::StatusOr<std::vector<StewardLink>> ListStewardLinks() = 0;
  virtual absl::StatusOr<std::vector<StewardLink>> ReadStewardLinks(
      const std::vector<int64_t>& record_ids) = 0;
  // The records a run must recluster for the steward: both ends of pending
  // links and the active members of golden records with a pending pin or
  // unpin; ascending.
  virtual absl::StatusOr<std::vector<int64_t>> ListStewardPendingRecords() = 0;
  // Marks pending links and overrides applied by `run_id`.
  // REQUIRES: inside BeginWrite().
  virtual absl::Status MarkStewardApplied(int64_t run_id) = 0;
  // Overrides: insert (returns the id), rewrite the unpin columns.
  // REQUIRES: inside BeginWrite().
  virtual absl::StatusOr<int64_t> InsertOverride(const OverrideRow& row) = 0;
  virtual absl::Status UpdateOverride(const OverrideRow& row) = 0;
  // The overrides of one golden record, oldest first (pinned only unless
  // `all`); every pinned override and every pending one of the store.
  virtual absl::StatusOr<std::vector<OverrideRow>> ListOverrides(absl::string_view golden_id,
                                                                 bool all) = 0;
  virtual absl::StatusOr<std::vector<OverrideRow>> ListLiveOverrides() = 0;
  // Change requests. REQUIRES for writes: inside BeginWrite().
  virtual absl::StatusOr<int64_t> InsertChangeRequest(const ChangeRequest& request) = 0;
  virtual absl::Status UpdateChangeRequest(const ChangeRequest& request) = 0;
  virtual absl::StatusOr<std::optional<ChangeRequest>> GetChangeRequest(int64_t dcr_id) = 0;
  // Newest first; `status` "" = all.
  virtual absl::StatusOr<std::vector<ChangeRequest>> ListChangeRequests(
      absl::string_view status, int64_t limit) = 0;
  // Users. InsertUser: AlreadyExists for a taken name.
  virtual absl::Status InsertUser(const UserRow& user) = 0;
  virtual absl::StatusOr<std::optional<UserRow>> FindUser(absl::string_view name) = 0;
  virtual absl::StatusOr<std::vector<UserRow>> ListUsers() = 0;
  // Active golden records whose id or a member's source key is `exact`, or
  // whose JSON contains `folded` (folded name keys, identifier values), at
  // most `limit`, by seq; restricted ones (0006) are left out.
  virtual absl::StatusOr<std::vector<GoldenRow>> SearchGoldens(absl::string_view exact,
                                                               absl::string_view folded,
                                                               int64_t limit) = 0;

  // --- golden records -----------------------------------------------------
  // Records loaded but not matched yet (pending_records), ascending.
  virtual absl::StatusOr<std::vector<int64_t>> ListPendingRecords() = 0;
  // REQUIRES: inside BeginWrite().
  virtual absl::Status AddPendingRecord(int64_t record_id) = 0;
  virtual absl::Status ClearPendingRecords() = 0;
  // The survivorship setting a run used (JSON), and the newest run's.
  // SetRunGoldenSetting REQUIRES: inside BeginWrite().
  virtual absl::Status SetRunGoldenSetting(int64_t run_id, absl::string_view setting_json) = 0;
  virtual absl::StatusOr<std::optional<std::string>> LatestGoldenSetting() = 0;
  // Every golden record without its JSON, by seq.
  virtual absl::StatusOr<std::vector<GoldenRow>> ListGoldens() = 0;
  // One golden record with its JSON; nullopt when unknown.
  virtual absl::StatusOr<std::optional<GoldenRow>> GetGolden(int64_t seq) = 0;
  virtual absl::StatusOr<std::optional<GoldenRow>> FindGolden(absl::string_view golden_id) = 0;
  // Inserts `row` (its seq is ignored) and returns the new seq.
  // REQUIRES: inside BeginWrite().
  virtual absl::StatusOr<int64_t> InsertGolden(const GoldenRow& row) = 0;
  // Rewrites status, merged_into, updated_run, content_hash and golden_json
  // of row.seq. REQUIRES: inside BeginWrite().
  virtual absl::Status UpdateGolden(const GoldenRow& row) = 0;
  // Every golden_members row, by record id.
  virtual absl::StatusOr<std::vector<GoldenMemberRow>> ListGoldenMembers() = 0;
  // The golden_members rows of `record_ids` (sorted ascending) that exist.
  virtual absl::StatusOr<std::vector<GoldenMemberRow>> ReadGoldenMembers(
      const std::vector<int64_t>& record_ids) = 0;
  virtual absl::StatusOr<int64_t> CountActiveGoldens() = 0;
  // The number of active members of golden record `seq`.
  virtual absl::StatusOr<int64_t> CountActiveMembers(int64_t golden_seq) = 0;
  // Inserts or replaces the row of member.record_id. REQUIRES: inside BeginWrite().
  virtual absl::Status PutGoldenMember(const GoldenMemberRow& member, int64_t run_id) = 0;
  // REQUIRES: inside BeginWrite().
  virtual absl::Status AddGoldenEvent(int64_t golden_seq, int64_t run_id, absl::string_view kind,
                                      absl::string_view detail_json) = 0;
  // The events of a golden record, oldest first.
  virtual absl::StatusOr<std::vector<GoldenEventRow>> ListGoldenEvents(int64_t golden_seq) = 0;
  // The golden membership of a source key; nullopt for an unknown key.
  virtual absl::StatusOr<std::optional<RecordGolden>> FindRecordGolden(
      absl::string_view source, absl::string_view source_key) = 0;
  // Visits the normalized JSON of the current records `record_ids` (sorted
  // ascending), in that order. NotFound for an id that is not a record.
  virtual absl::Status ReadRecordJsons(
      const std::vector<int64_t>& record_ids,
      const std::function<absl::Status(int64_t record_id, absl::string_view json)>& visit) = 0;

  // --- privacy (0006_privacy.sql) -----------------------------------------
  // The newest audit event (seq and hash only); seq 0 when there is none.
  virtual absl::StatusOr<AuditEvent> LastAuditEvent() = 0;
  // Appends `event` (seq and hashes computed by the caller), its payload
  // when not null, and a subject row per golden id. REQUIRES: inside BeginWrite().
  virtual absl::Status InsertAuditEvent(const AuditEvent& event,
                                        const AuditPayloadRow* payload) = 0;
  // Visits every event in seq order with its payload row (null when the
  // event has none stored).
  virtual absl::Status ScanAuditEvents(
      const std::function<absl::Status(const AuditEvent&, const AuditPayloadRow*)>& visit) = 0;
  virtual absl::StatusOr<std::vector<AuditEvent>> QueryAuditEvents(const AuditQuery& query) = 0;
  virtual absl::StatusOr<int64_t> CountAuditEvents() = 0;
  // The events about a person: naming one of `golden_ids`, or one of
  // `refs` ("source:key") among their source keys; by seq, without payload.
  virtual absl::StatusOr<std::vector<AuditEvent>> AuditEventsAbout(
      const std::vector<std::string>& golden_ids, const std::vector<std::string>& refs) = 0;
  // Empties the payloads of events `seqs`; returns how many were not yet
  // empty. REQUIRES: inside BeginWrite().
  virtual absl::StatusOr<int64_t> EraseAuditPayloadsOf(const std::vector<int64_t>& seqs,
                                                       int64_t erased_by) = 0;
  // Every (seq, golden_id) of audit_subjects, by seq then golden id.
  virtual absl::StatusOr<std::vector<std::pair<int64_t, std::string>>> ListAuditSubjects() = 0;
  // The golden records merged into `golden_id`, directly or not (no JSON).
  virtual absl::StatusOr<std::vector<GoldenRow>> ListAbsorbed(absl::string_view golden_id) = 0;
  // Visits every current record that is not a delete marker with its
  // normalized JSON, by record id.
  virtual absl::Status ScanRecordJsons(
      const std::function<absl::Status(int64_t record_id, absl::string_view json)>& visit) = 0;
  // Deletes the row issues of `sources` whose stored row holds one of
  // `needles` (bytes of an erased person's values); returns how many.
  virtual absl::StatusOr<int64_t> EraseRowIssuesHolding(
      const std::vector<std::string>& sources, const std::vector<std::string>& needles) = 0;
  // Erasure. REQUIRES for writes: inside BeginWrite().
  virtual absl::StatusOr<int64_t> InsertErasure(const ErasureRow& row) = 0;
  virtual absl::Status SetErasureCounts(int64_t erasure_id, absl::string_view counts_json) = 0;
  virtual absl::StatusOr<int64_t> CountErasures() = 0;
  // Inserts (hmac, kind) pairs not already there; returns how many were new.
  virtual absl::StatusOr<int64_t> InsertSuppressions(
      const std::vector<std::pair<std::string, std::string>>& keys, int64_t erasure_id) = 0;
  // Every suppression HMAC (hex).
  virtual absl::StatusOr<std::vector<std::string>> ListSuppressions() = 0;
  // Every golden_members row (active or not) of golden record `golden_seq`.
  virtual absl::StatusOr<std::vector<GoldenMemberRow>> MembersOfGolden(int64_t golden_seq) = 0;
  // Deletes source records `record_ids` (sorted) with everything that names
  // them: history, match keys and state, membership, pending rows, review
  // items, steward links and the row issues of their keys.
  virtual absl::StatusOr<ErasedRows> EraseRecords(const std::vector<int64_t>& record_ids) = 0;
  // Deletes the pins, change requests, consent changes and restriction of
  // `golden_ids`.
  virtual absl::StatusOr<ErasedGoldenRows> EraseGoldenSideData(
      const std::vector<std::string>& golden_ids) = 0;
  // Checkpoints the write-ahead log and truncates it; false when a reader
  // kept part of it. Call outside a transaction.
  virtual absl::StatusOr<bool> TruncateLog() = 0;
  // Restriction and consent. REQUIRES for writes: inside BeginWrite().
  virtual absl::Status PutRestriction(const RestrictionRow& row) = 0;
  virtual absl::StatusOr<bool> DeleteRestriction(absl::string_view golden_id) = 0;
  virtual absl::StatusOr<std::optional<RestrictionRow>> GetRestriction(
      absl::string_view golden_id) = 0;
  // Golden ids restricted now, sorted.
  virtual absl::StatusOr<std::vector<std::string>> ListRestricted() = 0;
  virtual absl::StatusOr<int64_t> InsertConsentChange(const ConsentChangeRow& row) = 0;
  // Oldest first.
  virtual absl::StatusOr<std::vector<ConsentChangeRow>> ListConsentChanges(
      absl::string_view golden_id) = 0;
  // Retention: the age of every current record of `source` that is not a
  // delete marker, and turning one into a delete marker without data
  // (`marker_json`, its hash), pending for the next golden rebuild; its
  // history goes too. REQUIRES for writes: inside BeginWrite().
  virtual absl::StatusOr<std::vector<RecordAge>> ListRecordAges(absl::string_view source) = 0;
  virtual absl::Status PurgeRecord(int64_t record_id, absl::string_view marker_json,
                                   absl::string_view marker_sha256, int64_t run_id) = 0;
};

}  // namespace mdm::store

#endif  // MDM_STORE_STORE_H_
