// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy.h
//
// What a privacy officer (DPO) does: read and verify the audit trail, and
// act on a data subject's rights under the GDPR: erasure (Art. 17), access
// (Art. 15), restriction (Art. 18), consent and objection (Art. 21),
// retention, and the record of processing (Art. 30). Reached through
// Engine::Privacy().
//
//   mdm::Privacy& p = engine->Privacy();
//   absl::StatusOr<mdm::ErasureReport> gone =
//       p.Erase({.golden_id = "G-3F2A9C01", .reason = "Art. 17 request 2026-114",
//                .actor = "dpo1"});
//   absl::StatusOr<mdm::AuditVerification> v = p.VerifyAudit();  // v->ok
//
// THE AUDIT TRAIL. Every change is an event: golden records created,
// updated, merged, split, retired (by runs), steward decisions, splits,
// merges, pins and change requests, and every action here. Each event's
// hash (HMAC-SHA256 under a key derived from the store's secret key)
// covers the previous event's hash, its metadata and the digest of its
// payload (the personal values before and after, and any free text people
// typed, stored apart): erasing a payload leaves the chain verifiable, and
// changing any stored byte of an event breaks it at that event. Runs and
// audited operations need the key file (FailedPrecondition without it).
//
// ERASURE removes the person's values from source records and their
// history, the golden record (and the ids merged into it), review items,
// steward links, pins, change requests, consent, restriction and audit
// payloads, leaves a tombstone without personal data (the golden id answers
// with status "erased"), and writes suppression keys: HMACs, under a secret
// key kept outside the store (EngineOptions::key_path), of the person's
// identifiers, e-mails, phones, name + postcode and source keys. Later runs
// count rows carrying one of them as `suppressed` and do not load them.
// Deleted bytes are overwritten (SQLite secure_delete) and the write-ahead
// log is checkpointed and truncated.
//
// Errors: NotFound for unknown ids; InvalidArgument for bad input (empty
// reason or actor, unknown channel, a date that is not ISO-8601);
// FailedPrecondition for a golden record that is not active (erasing a
// merged id names its survivor) or a missing secret key. Messages name ids,
// never a person's data. Thread-safety: as Engine (one thread at a time).
#ifndef MDM_PRIVACY_H_
#define MDM_PRIVACY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"
#include "mdm/run_report.h"

namespace mdm {

struct AuditEvent {
  int64_t seq = 0;  // 1, 2, ... in order
  std::string at;   // ISO-8601 UTC
  std::string actor;   // "run" for runs, else a steward's or officer's name
  std::string action;  // golden.created, golden.updated, steward.decide, gdpr.erase ...
  std::vector<std::string> golden_ids;
  std::vector<std::string> source_keys;  // "source:key"
  int64_t run_id = 0;                    // 0 outside a run
  std::string reason;
  std::string payload_sha256;  // "" for an event without payload
  std::string prev_hash;
  std::string hash;
  // JSON with the personal values the event changed ("before"/"after");
  // filled only when asked for (AuditQuery::with_payload), empty once erased.
  std::string payload{};
  bool payload_erased = false;
};

struct AuditQuery {
  std::string golden_id;  // "" = every event; else events naming this id
  std::string since;      // ISO-8601 date or time; "" = from the start
  int64_t limit = 100;    // the newest `limit` events that match, oldest first
  bool with_payload = false;
};

struct AuditVerification {
  bool ok = true;
  int64_t events = 0;
  int64_t payloads_checked = 0;
  int64_t payloads_erased = 0;
  int64_t first_broken_seq = 0;  // 0 when ok
  std::string problem;           // what is wrong with it
};

// The person to erase: a golden id, or any source record of theirs.
struct ErasureRequest {
  std::string golden_id;
  std::string source;
  std::string source_key;
  std::string reason;
  std::string actor;
};

struct ErasureReport {
  std::string golden_id;
  std::vector<std::string> erased_ids;  // golden_id and the ids merged into it
  int64_t audit_seq = 0;                // the gdpr.erase event
  int64_t source_records = 0;
  int64_t history_versions = 0;
  int64_t review_items = 0;
  int64_t steward_links = 0;
  int64_t overrides = 0;
  int64_t change_requests = 0;
  int64_t consent_changes = 0;
  int64_t row_issues = 0;
  int64_t audit_payloads = 0;
  int64_t suppression_keys = 0;  // new HMACs on the suppression list
  // Strong keys the person shares with other current records (a practice's
  // phone, or a record of theirs in another golden record): not used as
  // suppression keys; the golden records holding those records, for the
  // officer to look at (and erase too when they are the same person).
  int64_t shared_keys = 0;
  std::vector<std::string> other_golden_ids;
  bool wal_truncated = false;  // false: another connection kept the log open
};

struct ConsentChange {
  std::string golden_id;
  std::string channel;  // email, phone, visit
  std::string purpose;  // "" = any purpose
  bool granted = false;
  std::string reason;
  std::string actor;
};

// The consent in force for one channel and purpose: the latest word from
// the member records and the officer.
struct EffectiveConsent {
  std::string channel;
  std::string purpose;
  bool granted = false;
  std::string observed_at;
  std::string origin;  // "source:key" of a member record, or "officer:NAME"
};

struct RetentionSource {
  std::string source;
  int retention_days = 0;
  std::string cutoff;  // records observed (or loaded) before this expire
  int64_t expired = 0;
};

struct RetentionReport {
  bool dry_run = false;
  std::vector<RetentionSource> sources;  // those with a retention period
  int64_t purged = 0;                    // source records purged (0 on a dry run)
  // Golden records retired because every member expired: emptied of their
  // values, and the payloads of their audit events emptied too.
  int64_t golden_records_emptied = 0;
  int64_t audit_payloads = 0;
  int64_t audit_seq = 0;                 // the first retention.purge event
  RunReport run;  // the run that rebuilt the golden records touched
};

// Art. 30: the record of processing activities.
struct ProcessingSource {
  std::string name;
  std::string type;
  std::string lawful_basis;
  int retention_days = 0;
  int64_t records = 0;  // current source records, delete markers excluded
  int64_t files = 0;
};

struct ProcessingReport {
  std::string generated_at;
  std::string config_path;
  std::vector<ProcessingSource> sources;
  int64_t active_golden_records = 0;
  int64_t restricted = 0;
  int64_t erasures = 0;
  int64_t suppression_keys = 0;
  int64_t audit_events = 0;
  int64_t last_run_id = 0;
  std::string last_run_at;
};

class Privacy {
 public:
  virtual ~Privacy() = default;

  // --- audit trail ----------------------------------------------------------
  virtual absl::StatusOr<std::vector<AuditEvent>> AuditLog(const AuditQuery& query) = 0;
  // Recomputes every event's hash and every kept payload's digest; names
  // the first event that does not match.
  virtual absl::StatusOr<AuditVerification> VerifyAudit() = 0;

  // --- rights -----------------------------------------------------------------
  virtual absl::StatusOr<ErasureReport> Erase(const ErasureRequest& request) = 0;
  // One JSON document (schemas/json/subject_access_export.schema.json):
  // the golden record, every source record with its source and lawful basis,
  // lineage, steward decisions, consent, restriction and the audit events
  // about the person. Writes a gdpr.export event.
  virtual absl::StatusOr<std::string> Export(absl::string_view golden_id,
                                             absl::string_view actor,
                                             absl::string_view reason) = 0;
  virtual absl::Status Restrict(absl::string_view golden_id, absl::string_view actor,
                                absl::string_view reason) = 0;
  virtual absl::Status Unrestrict(absl::string_view golden_id, absl::string_view actor,
                                  absl::string_view reason) = 0;
  virtual absl::StatusOr<bool> IsRestricted(absl::string_view golden_id) = 0;
  virtual absl::Status SetConsent(const ConsentChange& change) = 0;
  virtual absl::StatusOr<std::vector<EffectiveConsent>> Consents(
      absl::string_view golden_id) = 0;

  // Purges the source records older than their source's retention_days
  // (by observed_at, else the time they were loaded) and rebuilds the golden
  // records they were in, in one transaction; a golden record left with no
  // member keeps no values (nor do its audit payloads). A dry run only counts.
  virtual absl::StatusOr<RetentionReport> ApplyRetention(const Config& config, bool dry_run,
                                                         absl::string_view actor) = 0;
  virtual absl::StatusOr<ProcessingReport> Report(const Config& config) = 0;
};

}  // namespace mdm

#endif  // MDM_PRIVACY_H_
