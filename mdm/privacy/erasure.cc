// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/erasure.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/sha256.h"
#include "mdm/match/match_state.h"
#include "mdm/model/golden_json.h"
#include "mdm/model/record_json.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/privacy/secret_key.h"
#include "mdm/privacy/subject.h"
#include "mdm/privacy/suppression.h"
#include "mdm/status.h"
#include "mdm/steward/steward_context.h"

namespace mdm::privacy {
namespace {

// The (HMAC, kind) of every strong key of every version of every record.
std::vector<std::pair<std::string, std::string>> SubjectKeys(const Subject& s,
                                                              absl::string_view secret) {
  std::vector<StrongKey> keys;
  auto add = [&keys](const SourceRecord& r) {
    for (StrongKey& k : StrongKeysOf(r)) keys.push_back(std::move(k));
  };
  for (const StoredRecord& r : s.records) {
    add(r.current.record);
    for (const StoredVersion& v : r.history) add(v.record);
  }
  std::vector<std::pair<std::string, std::string>> out = SuppressionKeys(secret, keys);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Other records keep scored edges to the erased ones in their match state;
// a delta run must not meet an id that no longer exists.
absl::Status DropEdgesTo(store::Store& store, const std::vector<int64_t>& erased) {
  const absl::flat_hash_set<int64_t> gone(erased.begin(), erased.end());
  absl::flat_hash_set<int64_t> neighbours;
  const absl::Status read = store.ReadMatchState(
      erased, [&](int64_t, absl::string_view, absl::string_view edges) -> absl::Status {
        std::vector<match::StoredEdge> decoded;
        MDM_RETURN_IF_ERROR(match::DecodeEdges(edges, &decoded));
        for (const match::StoredEdge& e : decoded) {
          if (!gone.contains(e.other)) neighbours.insert(e.other);
        }
        return absl::OkStatus();
      });
  MDM_RETURN_IF_ERROR(read);
  std::vector<int64_t> ids(neighbours.begin(), neighbours.end());
  std::sort(ids.begin(), ids.end());
  std::vector<std::pair<int64_t, std::pair<std::string, std::string>>> rewritten;
  const absl::Status filtered = store.ReadMatchState(
      ids, [&](int64_t id, absl::string_view keys, absl::string_view edges) -> absl::Status {
        std::vector<match::StoredEdge> decoded;
        MDM_RETURN_IF_ERROR(match::DecodeEdges(edges, &decoded));
        std::erase_if(decoded, [&](const match::StoredEdge& e) { return gone.contains(e.other); });
        rewritten.push_back({id, {std::string(keys), match::EncodeEdges(decoded)}});
        return absl::OkStatus();
      });
  MDM_RETURN_IF_ERROR(filtered);
  for (const auto& [id, state] : rewritten) {
    MDM_RETURN_IF_ERROR(store.PutMatchState(id, state.first, state.second));
  }
  return absl::OkStatus();
}

// Records loaded since the last run that matched (`mdm run --load-only`)
// belong to no golden record yet: those carrying one of the person's strong
// keys are the person's too, and go with the rest.
absl::Status AddUnmatchedRecords(store::Store& store, absl::string_view secret,
                                 const std::vector<std::pair<std::string, std::string>>& keys,
                                 Subject& subject) {
  MDM_ASSIGN_OR_RETURN(std::vector<int64_t> unmatched, store.ListUnmatchedRecords());
  if (unmatched.empty()) return absl::OkStatus();
  std::vector<std::string> hmacs;
  for (const auto& [hmac, kind] : keys) hmacs.push_back(hmac);
  const Suppressor suppressor(std::string(secret), hmacs);
  const absl::Status read = store.ReadRecordJsons(
      unmatched, [&](int64_t id, absl::string_view json) -> absl::Status {
        MDM_ASSIGN_OR_RETURN(SourceRecord r, model::RecordFromJson(json));
        if (suppressor.Matches(r)) {
          subject.record_ids.push_back(id);
          subject.refs.push_back(absl::StrCat(r.source, ":", r.source_key));
        }
        return absl::OkStatus();
      });
  MDM_RETURN_IF_ERROR(read);
  // Keep ids ascending (as the store wants them) and refs beside their ids.
  std::vector<std::pair<int64_t, std::string>> both;
  for (size_t i = 0; i < subject.record_ids.size(); ++i) {
    both.emplace_back(subject.record_ids[i], std::move(subject.refs[i]));
  }
  std::sort(both.begin(), both.end());
  for (size_t i = 0; i < both.size(); ++i) {
    subject.record_ids[i] = both[i].first;
    subject.refs[i] = std::move(both[i].second);
  }
  return absl::OkStatus();
}

std::string CountsJson(const ErasureReport& r) {
  return absl::StrCat(
      "{\"source_records\":", r.source_records, ",\"history_versions\":", r.history_versions,
      ",\"review_items\":", r.review_items, ",\"steward_links\":", r.steward_links,
      ",\"overrides\":", r.overrides, ",\"change_requests\":", r.change_requests,
      ",\"consent_changes\":", r.consent_changes, ",\"row_issues\":", r.row_issues,
      ",\"audit_payloads\":", r.audit_payloads, ",\"suppression_keys\":", r.suppression_keys,
      "}");
}

}  // namespace

absl::StatusOr<ErasureReport> ErasePerson(const PrivacyContext& ctx,
                                          const ErasureRequest& request) {
  MDM_RETURN_IF_ERROR(steward::CheckText("reason", request.reason));
  MDM_RETURN_IF_ERROR(steward::CheckText("actor", request.actor));
  if (request.golden_id.empty() == request.source_key.empty() ||
      request.source.empty() != request.source_key.empty()) {
    return absl::InvalidArgumentError("name the person by a golden id, or by source and key");
  }
  absl::StatusOr<std::string> secret = ReadKeyFile(ctx.key_path);
  if (!secret.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "erasure needs the store's secret key to keep the person suppressed: ",
        secret.status().message()));
  }
  store::Store& store = ctx.store;
  MDM_ASSIGN_OR_RETURN(std::string golden_id, ResolveSubject(store, request.golden_id,
                                                             request.source,
                                                             request.source_key));
  MDM_ASSIGN_OR_RETURN(Subject subject, LoadSubject(store, golden_id));
  const std::vector<std::pair<std::string, std::string>> keys = SubjectKeys(subject, *secret);
  MDM_RETURN_IF_ERROR(AddUnmatchedRecords(store, *secret, keys, subject));

  ErasureReport report;
  report.golden_id = golden_id;
  report.erased_ids = subject.GoldenIds();
  const steward::Context write{store, ctx.clock};
  const absl::Status written = write.InWrite([&]() -> absl::Status {
    AuditTrail audit(store, ctx.clock);
    MDM_ASSIGN_OR_RETURN(report.audit_seq,
                         audit.Append({request.actor, "gdpr.erase", report.erased_ids,
                                       subject.refs, 0, request.reason}));
    MDM_ASSIGN_OR_RETURN(report.audit_payloads,
                         store.EraseAuditPayloads(report.erased_ids, report.audit_seq));
    MDM_RETURN_IF_ERROR(DropEdgesTo(store, subject.record_ids));
    MDM_ASSIGN_OR_RETURN(store::ErasedRows rows, store.EraseRecords(subject.record_ids));
    report.source_records = rows.source_records;
    report.history_versions = rows.history_versions;
    report.review_items = rows.review_items;
    report.steward_links = rows.steward_links;
    report.row_issues = rows.row_issues;
    MDM_ASSIGN_OR_RETURN(store::ErasedGoldenRows side,
                         store.EraseGoldenSideData(report.erased_ids));
    report.overrides = side.overrides;
    report.change_requests = side.change_requests;
    report.consent_changes = side.consent_changes;
    // Tombstones: the ids keep answering, with nothing about the person.
    const std::string empty = model::GoldenContentToJson(GoldenRecord{});
    std::vector<store::GoldenRow> tombstones = subject.absorbed;
    tombstones.push_back(subject.golden);
    for (store::GoldenRow& row : tombstones) {
      row.status = GoldenStatus::kErased;
      row.golden_json = empty;
      row.content_hash = base::Sha256Hex(empty);
      MDM_RETURN_IF_ERROR(store.UpdateGolden(row));
    }
    report.suppression_keys = static_cast<int64_t>(keys.size());
    store::ErasureRow tombstone{0, golden_id, write.Now(), request.actor, request.reason,
                                report.audit_seq, CountsJson(report)};
    MDM_ASSIGN_OR_RETURN(int64_t erasure_id, store.InsertErasure(tombstone));
    return store.InsertSuppressions(keys, erasure_id).status();
  });
  MDM_RETURN_IF_ERROR(written);
  if (ctx.on_change) ctx.on_change();
  MDM_ASSIGN_OR_RETURN(report.wal_truncated, store.TruncateLog());
  return report;
}

}  // namespace mdm::privacy
