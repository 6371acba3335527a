// SPDX-License-Identifier: Apache-2.0
// File: mdm/json.h
//
// JSON renderings of the library's public value types: what `mdm ... --json`
// prints and what the store keeps as a run's report. Keys are snake_case and
// stable; consumers may rely on them.
#ifndef MDM_JSON_H_
#define MDM_JSON_H_

#include <string>
#include <vector>

#include "mdm/evaluation.h"
#include "mdm/explanation.h"
#include "mdm/golden.h"
#include "mdm/match_one.h"
#include "mdm/model_summary.h"
#include "mdm/privacy.h"
#include "mdm/record.h"
#include "mdm/run_report.h"
#include "mdm/steward.h"
#include "mdm/stored.h"

namespace mdm {

std::string RunReportToJson(const RunReport& report);
std::string SourceRecordToJson(const SourceRecord& record);
std::string StoredRecordToJson(const StoredRecord& record);
std::string LoadedFilesToJson(const std::vector<LoadedFile>& files);
std::string IssuesToJson(const std::vector<StoredIssue>& issues);
std::string RunsToJson(const std::vector<RunSummary>& runs);
std::string ExplanationToJson(const Explanation& explanation);
std::string ModelSummaryToJson(const ModelSummary& model);
std::string EvaluationToJson(const Evaluation& evaluation);
// {"golden_id", "status", "merged_into", "created_run", "updated_run", then
// each attribute {"value", "rule", "records"} (lists add "primary"), "members"}.
std::string GoldenRecordToJson(const GoldenRecord& golden);
std::string GoldenHistoryToJson(const std::vector<GoldenEvent>& events);
std::string CrosswalkToJson(const Crosswalk& crosswalk);
// {"model_id", "compared_records", "candidates": [{"golden_id", "probability",
// "decision", "explanation"}]}.
std::string MatchOneResultToJson(const MatchOneResult& result);

// Steward types (mdm/steward.h), as `mdm serve` answers them and the CLI
// prints them with --json. Every key is always present: those of a decision
// are empty strings until the item or request is decided.
// {"item_id", "a": {"source", "source_key", "golden_id", "golden_members"},
// "b", "reason", "probability", "match_weight", "priority", "status",
// "assignee", "revision", "created_run", "updated_run", "decision",
// "decided_by", "decided_at", "decision_reason", "applied"}.
std::string ReviewItemToJson(const ReviewItem& item);
// {"total", "items": [ReviewItemToJson...]}.
std::string QueuePageToJson(const QueuePage& page);
// {"item", "fields": [{"field", "value_a", "value_b", "differs"}],
// "explanation": ExplanationToJson}.
std::string ReviewItemDetailToJson(const ReviewItemDetail& detail);
// {"override_id", "golden_id", "field", "value", "steward", "reason",
// "created_at", "pinned", "unpinned_by", "unpinned_at"}.
std::string OverrideToJson(const Override& pinned);
std::string OverridesToJson(const std::vector<Override>& overrides);
// {"dcr_id", "golden_id", "field", "value", "submitted_by", "reason",
// "submitted_at", "status", "decided_by", "decided_at", "decision_reason"}.
std::string ChangeRequestToJson(const ChangeRequest& request);
std::string ChangeRequestsToJson(const std::vector<ChangeRequest>& requests);
// [{"golden_id", "display_name", "members"}].
std::string GoldenHitsToJson(const std::vector<GoldenHit>& hits);
// {"name", "role", "created_at"}; never a password hash.
std::string UserToJson(const User& user);
std::string UsersToJson(const std::vector<User>& users);

// Privacy types (mdm/privacy.h).
// [{"seq", "at", "actor", "action", "golden_ids", "source_keys", "run_id",
// "reason", "payload_sha256", "prev_hash", "hash", "payload_erased",
// "payload" (only when loaded and not erased)}].
std::string AuditEventsToJson(const std::vector<AuditEvent>& events);
// {"ok", "events", "payloads_checked", "payloads_erased", "first_broken_seq", "problem"}.
std::string AuditVerificationToJson(const AuditVerification& verification);
// {"golden_id", "erased_ids", "audit_seq", counts by kind..., "shared_keys",
// "other_golden_ids", "wal_truncated"}.
std::string ErasureReportToJson(const ErasureReport& report);
// [{"channel", "purpose", "granted", "observed_at", "origin"}].
std::string ConsentsToJson(const std::vector<EffectiveConsent>& consents);
// {"dry_run", "sources": [{"source", "retention_days", "cutoff", "expired"}],
// "purged", "golden_records_emptied", "audit_payloads", "audit_seq", "run"
// (RunReportToJson, when a run was made)}.
std::string RetentionReportToJson(const RetentionReport& report);
// {"generated_at", "config", "sources": [{"name", "type", "lawful_basis",
// "retention_days", "records", "files"}], "active_golden_records",
// "restricted", "erasures", "suppression_keys", "audit_events",
// "last_run_id", "last_run_at"}.
std::string ProcessingReportToJson(const ProcessingReport& report);

}  // namespace mdm

#endif  // MDM_JSON_H_
