// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/erasure.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
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

// Every version of the person's records (current and history).
std::vector<SourceRecord> VersionsOf(const Subject& s) {
  std::vector<SourceRecord> out;
  for (const StoredRecord& r : s.records) {
    out.push_back(r.current.record);
    for (const StoredVersion& v : r.history) out.push_back(v.record);
  }
  return out;
}

std::string KeyText(const StrongKey& k) { return absl::StrCat(k.kind, ":", k.text); }

// The strong keys of `versions`, each once.
std::vector<StrongKey> KeysOf(const std::vector<SourceRecord>& versions) {
  std::vector<StrongKey> keys;
  absl::flat_hash_set<std::string> seen;
  for (const SourceRecord& r : versions) {
    for (StrongKey& k : StrongKeysOf(r)) {
      if (seen.insert(KeyText(k)).second) keys.push_back(std::move(k));
    }
  }
  return keys;
}

// Values of the person a stored rejected row may hold as they were typed:
// a reject is kept as raw bytes, so it is found by them (6 bytes at least,
// so that nobody else's row matches by chance).
std::vector<std::string> Needles(const std::vector<SourceRecord>& versions) {
  absl::flat_hash_set<std::string> out;
  auto add = [&out](const std::string& v) {
    if (v.size() >= 6) out.insert(v);
  };
  for (const SourceRecord& r : versions) {
    for (const Email& e : r.emails) {
      add(e.raw);
      add(e.normalized);
    }
    for (const Phone& p : r.phones) {
      add(p.raw);
      add(p.e164);
    }
    for (const Identifier& id : r.identifiers) add(id.value);
  }
  std::vector<std::string> sorted(out.begin(), out.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// The records to erase: the person's (`ids` and `refs`, ids ascending), to
// which this adds the records loaded since the last run that matched
// (`mdm run --load-only`) that carry one of the person's strong keys: they
// belong to no golden record yet, but are the person's too.
absl::Status AddUnmatchedRecords(store::Store& store, const std::vector<StrongKey>& keys,
                                 std::vector<int64_t>& ids, std::vector<std::string>& refs,
                                 std::vector<SourceRecord>& versions) {
  MDM_ASSIGN_OR_RETURN(std::vector<int64_t> unmatched, store.ListUnmatchedRecords());
  if (unmatched.empty()) return absl::OkStatus();
  absl::flat_hash_set<std::string> texts;
  for (const StrongKey& k : keys) texts.insert(KeyText(k));
  const absl::Status read =
      store.ReadRecordJsons(unmatched, [&](int64_t id, absl::string_view json) -> absl::Status {
        MDM_ASSIGN_OR_RETURN(SourceRecord r, model::RecordFromJson(json));
        for (const StrongKey& k : StrongKeysOf(r)) {
          if (!texts.contains(KeyText(k))) continue;
          ids.push_back(id);
          refs.push_back(absl::StrCat(r.source, ":", r.source_key));
          versions.push_back(std::move(r));
          break;
        }
        return absl::OkStatus();
      });
  MDM_RETURN_IF_ERROR(read);
  // Keep ids ascending (as the store wants them) and refs beside their ids.
  std::vector<std::pair<int64_t, std::string>> both;
  for (size_t i = 0; i < ids.size(); ++i) both.emplace_back(ids[i], std::move(refs[i]));
  std::sort(both.begin(), both.end());
  for (size_t i = 0; i < both.size(); ++i) {
    ids[i] = both[i].first;
    refs[i] = std::move(both[i].second);
  }
  return absl::OkStatus();
}

// A strong key another current record carries is no suppression key: it
// would keep out a colleague sharing the practice's phone, or a record of
// the person the officer did not name. Such keys are dropped, and the
// golden records holding those records are reported for the officer.
absl::StatusOr<std::vector<StrongKey>> UnsharedKeys(store::Store& store,
                                                    const std::vector<StrongKey>& keys,
                                                    const std::vector<int64_t>& own,
                                                    ErasureReport& report) {
  absl::flat_hash_set<std::string> texts;
  for (const StrongKey& k : keys) texts.insert(KeyText(k));
  absl::flat_hash_set<std::string> shared;
  std::vector<int64_t> others;
  const absl::Status scanned =
      store.ScanRecordJsons([&](int64_t id, absl::string_view json) -> absl::Status {
        if (std::binary_search(own.begin(), own.end(), id)) return absl::OkStatus();
        MDM_ASSIGN_OR_RETURN(SourceRecord r, model::RecordFromJson(json));
        bool found = false;
        for (const StrongKey& k : StrongKeysOf(r)) {
          const std::string text = KeyText(k);
          if (texts.contains(text)) {
            shared.insert(text);
            found = true;
          }
        }
        if (found) others.push_back(id);
        return absl::OkStatus();
      });
  MDM_RETURN_IF_ERROR(scanned);
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members,
                       store.ReadGoldenMembers(others));
  for (const store::GoldenMemberRow& m : members) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> g, store.GetGolden(m.golden_seq));
    if (g) report.other_golden_ids.push_back(g->golden_id);
  }
  std::sort(report.other_golden_ids.begin(), report.other_golden_ids.end());
  report.other_golden_ids.erase(
      std::unique(report.other_golden_ids.begin(), report.other_golden_ids.end()),
      report.other_golden_ids.end());
  report.shared_keys = static_cast<int64_t>(shared.size());
  std::vector<StrongKey> out;
  for (const StrongKey& k : keys) {
    if (!shared.contains(KeyText(k))) out.push_back(k);
  }
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

std::string CountsJson(const ErasureReport& r) {
  return absl::StrCat(
      "{\"source_records\":", r.source_records, ",\"history_versions\":", r.history_versions,
      ",\"review_items\":", r.review_items, ",\"steward_links\":", r.steward_links,
      ",\"overrides\":", r.overrides, ",\"change_requests\":", r.change_requests,
      ",\"consent_changes\":", r.consent_changes, ",\"row_issues\":", r.row_issues,
      ",\"audit_payloads\":", r.audit_payloads, ",\"suppression_keys\":", r.suppression_keys, "}");
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
    return absl::FailedPreconditionError(
        absl::StrCat("erasure needs the store's secret key to keep the person suppressed: ",
                     secret.status().message()));
  }
  store::Store& store = ctx.store;
  ErasureReport report;
  // Everything is read inside the write transaction: a run or a steward in
  // another process cannot change the person between reading and erasing.
  const steward::Context write{store, ctx.clock};
  const absl::Status written = write.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(report.golden_id, ResolveSubject(store, request.golden_id, request.source,
                                                          request.source_key));
    MDM_ASSIGN_OR_RETURN(Subject subject, LoadSubject(store, report.golden_id));
    std::vector<SourceRecord> versions = VersionsOf(subject);
    std::vector<int64_t> ids = subject.record_ids;
    std::vector<std::string> refs = subject.refs;
    MDM_RETURN_IF_ERROR(AddUnmatchedRecords(store, KeysOf(versions), ids, refs, versions));
    MDM_ASSIGN_OR_RETURN(std::vector<StrongKey> keys,
                         UnsharedKeys(store, KeysOf(versions), ids, report));
    report.erased_ids = subject.GoldenIds();

    AuditTrail audit(store, ctx.clock, ctx.key_path);
    MDM_ASSIGN_OR_RETURN(
        report.audit_seq,
        audit.Append({request.actor, "gdpr.erase", report.erased_ids, refs, 0, request.reason}));
    // Every event about the person: about their golden ids, or naming one
    // of their records (also in golden records they only passed through).
    MDM_ASSIGN_OR_RETURN(std::vector<AuditEvent> events,
                         store.AuditEventsAbout(report.erased_ids, refs));
    std::vector<int64_t> seqs;
    std::vector<std::string> passed_through;
    for (const AuditEvent& e : events) {
      seqs.push_back(e.seq);
      // A golden record's own events name it first; one naming their
      // records is a golden record they were in.
      if (!absl::StartsWith(e.action, "golden.") || e.golden_ids.empty()) continue;
      const bool names_them =
          std::any_of(e.source_keys.begin(), e.source_keys.end(), [&refs](const std::string& ref) {
            return std::find(refs.begin(), refs.end(), ref) != refs.end();
          });
      const std::string& id = e.golden_ids.front();
      if (names_them && std::find(report.erased_ids.begin(), report.erased_ids.end(), id) ==
                            report.erased_ids.end()) {
        passed_through.push_back(id);
      }
    }
    MDM_ASSIGN_OR_RETURN(report.audit_payloads, store.EraseAuditPayloadsOf(seqs, report.audit_seq));
    MDM_RETURN_IF_ERROR(DropEdgesTo(store, ids));
    MDM_ASSIGN_OR_RETURN(store::ErasedRows rows, store.EraseRecords(ids));
    report.source_records = rows.source_records;
    report.history_versions = rows.history_versions;
    report.review_items = rows.review_items;
    report.steward_links = rows.steward_links;
    std::vector<std::string> sources;
    for (const SourceRecord& v : versions) sources.push_back(v.source);
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    MDM_ASSIGN_OR_RETURN(int64_t rejects, store.EraseRowIssuesHolding(sources, Needles(versions)));
    report.row_issues = rows.row_issues + rejects;
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
    // A merged or retired golden record the person passed through keeps
    // its last values, theirs among them: they go (the id still answers).
    std::sort(passed_through.begin(), passed_through.end());
    passed_through.erase(std::unique(passed_through.begin(), passed_through.end()),
                         passed_through.end());
    for (const std::string& id : passed_through) {
      MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(id));
      if (!row || row->status == GoldenStatus::kActive) continue;
      row->golden_json = empty;
      row->content_hash = base::Sha256Hex(empty);
      MDM_RETURN_IF_ERROR(store.UpdateGolden(*row));
    }
    store::ErasureRow tombstone{
        0, report.golden_id, write.Now(), request.actor, request.reason, report.audit_seq, ""};
    MDM_ASSIGN_OR_RETURN(int64_t erasure_id, store.InsertErasure(tombstone));
    MDM_ASSIGN_OR_RETURN(report.suppression_keys,
                         store.InsertSuppressions(SuppressionKeys(*secret, keys), erasure_id));
    return store.SetErasureCounts(erasure_id, CountsJson(report));
  });
  MDM_RETURN_IF_ERROR(written);
  if (ctx.on_change) ctx.on_change();
  // The erasure is committed whatever happens here; a log another process
  // keeps open is reported, not an error.
  absl::StatusOr<bool> truncated = store.TruncateLog();
  report.wal_truncated = truncated.ok() && *truncated;
  return report;
}

}  // namespace mdm::privacy
