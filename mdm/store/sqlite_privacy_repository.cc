// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/sqlite_privacy_repository.h"

#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/base/json_writer.h"
#include "mdm/status.h"

namespace mdm::store {
namespace {

std::string ListToJson(const std::vector<std::string>& items) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginArray();
  for (const std::string& item : items) w.String(item);
  w.EndArray();
  return out;
}

// Lists are written by ListToJson(). Text it would not have written is
// read back as one element that no real list holds, so the event's hash
// no longer matches and `mdm audit verify` names it.
std::vector<std::string> ListFromJson(absl::string_view text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (parsed.is_array()) {
    for (const nlohmann::json& item : parsed) {
      if (!item.is_string()) break;
      out.push_back(item.get<std::string>());
    }
    if (out.size() == parsed.size() && ListToJson(out) == text) return out;
  }
  return {absl::StrCat("\x01", "damaged list: ", text)};
}

constexpr absl::string_view kEventColumns =
    "e.seq, e.at, e.actor, e.action, e.golden_ids, e.source_keys, e.run_id, e.reason, "
    "e.payload_sha256, e.prev_hash, e.hash, p.seq IS NOT NULL, p.salt, p.payload, p.erased_by";

AuditEvent ReadEvent(const Statement& s) {
  AuditEvent e;
  e.seq = s.ColumnInt(0);
  e.at = s.ColumnText(1);
  e.actor = s.ColumnText(2);
  e.action = s.ColumnText(3);
  e.golden_ids = ListFromJson(s.ColumnView(4));
  e.source_keys = ListFromJson(s.ColumnView(5));
  e.run_id = s.ColumnInt(6);
  e.reason = s.ColumnText(7);
  e.payload_sha256 = s.ColumnText(8);
  e.prev_hash = s.ColumnText(9);
  e.hash = s.ColumnText(10);
  e.payload_erased = s.ColumnInt(11) != 0 && s.ColumnInt(14) != 0;
  return e;
}

AuditPayloadRow ReadPayload(const Statement& s) {
  return {s.ColumnText(12), s.ColumnText(13), s.ColumnInt(14)};
}

}  // namespace

absl::StatusOr<int64_t> SqlitePrivacyRepository::RunWith(absl::string_view sql, int64_t id) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(sql));
  s.Bind(1, id);
  MDM_RETURN_IF_ERROR(s.Run());
  return static_cast<int64_t>(sqlite3_changes(db_.raw()));
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::RunWith(absl::string_view sql,
                                                         absl::string_view text) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(sql));
  s.Bind(1, text);
  MDM_RETURN_IF_ERROR(s.Run());
  return static_cast<int64_t>(sqlite3_changes(db_.raw()));
}

absl::StatusOr<AuditEvent> SqlitePrivacyRepository::LastAuditEvent() {
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"));
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  AuditEvent last;
  if (row) {
    last.seq = s.ColumnInt(0);
    last.hash = s.ColumnText(1);
  }
  return last;
}

absl::Status SqlitePrivacyRepository::InsertAuditEvent(const AuditEvent& e,
                                                       const AuditPayloadRow* payload) {
  if (!insert_event_.valid()) {
    MDM_ASSIGN_OR_RETURN(
        insert_event_,
        db_.Prepare(
            "INSERT INTO audit_events(seq, at, actor, action, golden_ids, source_keys, run_id, "
            "reason, payload_sha256, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    MDM_ASSIGN_OR_RETURN(
        insert_payload_,
        db_.Prepare("INSERT INTO audit_payloads(seq, salt, payload, erased_by) VALUES (?,?,?,?)"));
    MDM_ASSIGN_OR_RETURN(
        insert_subject_,
        db_.Prepare("INSERT OR IGNORE INTO audit_subjects(golden_id, seq) VALUES (?,?)"));
  }
  Statement& s = insert_event_;
  s.Reset();
  s.Bind(1, e.seq);
  s.Bind(2, e.at);
  s.Bind(3, e.actor);
  s.Bind(4, e.action);
  s.Bind(5, ListToJson(e.golden_ids));
  s.Bind(6, ListToJson(e.source_keys));
  s.Bind(7, e.run_id);
  s.Bind(8, e.reason);
  s.Bind(9, e.payload_sha256);
  s.Bind(10, e.prev_hash);
  s.Bind(11, e.hash);
  MDM_RETURN_IF_ERROR(s.Run());
  if (payload != nullptr) {
    Statement& p = insert_payload_;
    p.Reset();
    p.Bind(1, e.seq);
    p.Bind(2, payload->salt);
    p.Bind(3, payload->payload);
    p.Bind(4, payload->erased_by);
    MDM_RETURN_IF_ERROR(p.Run());
  }
  for (const std::string& id : e.golden_ids) {
    Statement& g = insert_subject_;
    g.Reset();
    g.Bind(1, id);
    g.Bind(2, e.seq);
    MDM_RETURN_IF_ERROR(g.Run());
  }
  return absl::OkStatus();
}

absl::Status SqlitePrivacyRepository::ScanAuditEvents(
    const std::function<absl::Status(const AuditEvent&, const AuditPayloadRow*)>& visit) {
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare(absl::StrCat("SELECT ", kEventColumns,
                                                " FROM audit_events e LEFT JOIN audit_payloads p "
                                                "ON p.seq = e.seq ORDER BY e.seq")));
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return absl::OkStatus();
    const AuditEvent event = ReadEvent(s);
    if (s.ColumnInt(11) != 0) {
      const AuditPayloadRow payload = ReadPayload(s);
      MDM_RETURN_IF_ERROR(visit(event, &payload));
    } else {
      MDM_RETURN_IF_ERROR(visit(event, nullptr));
    }
  }
}

absl::StatusOr<std::vector<AuditEvent>> SqlitePrivacyRepository::QueryAuditEvents(
    const AuditQuery& q) {
  const std::string sql =
      q.golden_id.empty()
          ? absl::StrCat("SELECT ", kEventColumns,
                         " FROM audit_events e LEFT JOIN "
                         "audit_payloads p ON p.seq = e.seq WHERE e.at >= ?1 "
                         "ORDER BY e.seq DESC LIMIT ?2")
          : absl::StrCat("SELECT ", kEventColumns,
                         " FROM audit_subjects s "
                         "JOIN audit_events e ON e.seq = s.seq LEFT JOIN audit_payloads p "
                         "ON p.seq = e.seq WHERE s.golden_id = ?3 AND e.at >= ?1 "
                         "ORDER BY e.seq DESC LIMIT ?2");
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(sql));
  s.Bind(1, q.since);
  s.Bind(2, q.limit);
  if (!q.golden_id.empty()) s.Bind(3, q.golden_id);
  std::vector<AuditEvent> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    AuditEvent e = ReadEvent(s);
    if (q.with_payload && !e.payload_erased && s.ColumnInt(11) != 0) e.payload = s.ColumnText(13);
    out.push_back(std::move(e));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::CountAuditEvents() {
  return db_.QueryInt("SELECT count(*) FROM audit_events");
}

absl::StatusOr<std::vector<AuditEvent>> SqlitePrivacyRepository::AuditEventsAbout(
    const std::vector<std::string>& golden_ids, const std::vector<std::string>& refs) {
  std::vector<int64_t> seqs;
  MDM_ASSIGN_OR_RETURN(Statement by_id,
                       db_.Prepare("SELECT seq FROM audit_subjects WHERE golden_id = ?"));
  for (const std::string& id : golden_ids) {
    by_id.Reset();
    by_id.Bind(1, id);
    for (;;) {
      MDM_ASSIGN_OR_RETURN(bool row, by_id.Step());
      if (!row) break;
      seqs.push_back(by_id.ColumnInt(0));
    }
  }
  if (!refs.empty()) {
    // Source keys are not indexed: one scan of the trail finds every ref,
    // each searched for as the JSON string ListToJson() wrote.
    std::string sql = "SELECT seq FROM audit_events WHERE 0";
    for (size_t i = 0; i < refs.size(); ++i)
      absl::StrAppend(&sql, " OR instr(source_keys, ?", i + 1, ")");
    MDM_ASSIGN_OR_RETURN(Statement by_ref, db_.Prepare(sql));
    std::vector<std::string> quoted;
    for (const std::string& ref : refs) {
      std::string q;
      base::AppendJsonString(ref, &q);
      quoted.push_back(std::move(q));
    }
    for (size_t i = 0; i < quoted.size(); ++i) by_ref.Bind(static_cast<int>(i + 1), quoted[i]);
    for (;;) {
      MDM_ASSIGN_OR_RETURN(bool row, by_ref.Step());
      if (!row) break;
      seqs.push_back(by_ref.ColumnInt(0));
    }
  }
  std::sort(seqs.begin(), seqs.end());
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare(absl::StrCat("SELECT ", kEventColumns,
                                                " FROM audit_events e LEFT JOIN audit_payloads p "
                                                "ON p.seq = e.seq WHERE e.seq = ?")));
  std::vector<AuditEvent> out;
  for (int64_t seq : seqs) {
    s.Reset();
    s.Bind(1, seq);
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) out.push_back(ReadEvent(s));
  }
  return out;
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::EraseAuditPayloadsOf(
    const std::vector<int64_t>& seqs, int64_t erased_by) {
  MDM_ASSIGN_OR_RETURN(
      Statement s, db_.Prepare("UPDATE audit_payloads SET salt = '', payload = '', erased_by = ?1 "
                               "WHERE erased_by = 0 AND seq = ?2"));
  int64_t erased = 0;
  for (int64_t seq : seqs) {
    s.Reset();
    s.Bind(1, erased_by);
    s.Bind(2, seq);
    MDM_RETURN_IF_ERROR(s.Run());
    erased += sqlite3_changes(db_.raw());
  }
  return erased;
}

absl::StatusOr<std::vector<std::pair<int64_t, std::string>>>
SqlitePrivacyRepository::ListAuditSubjects() {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("SELECT seq, golden_id FROM audit_subjects ORDER BY seq, golden_id"));
  std::vector<std::pair<int64_t, std::string>> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnInt(0), s.ColumnText(1));
  }
}

absl::StatusOr<std::vector<GoldenRow>> SqlitePrivacyRepository::ListAbsorbed(
    absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare(
          "WITH RECURSIVE absorbed(id) AS (SELECT ?1 UNION "
          "SELECT g.golden_id FROM golden_records g JOIN absorbed a ON g.merged_into = a.id "
          "WHERE g.merged_into != '') "
          "SELECT seq, golden_id, status, merged_into, created_run, updated_run, content_hash "
          "FROM golden_records WHERE golden_id IN absorbed AND golden_id != ?1 ORDER BY seq"));
  s.Bind(1, golden_id);
  std::vector<GoldenRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    GoldenRow g;
    g.seq = s.ColumnInt(0);
    g.golden_id = s.ColumnText(1);
    g.status = static_cast<GoldenStatus>(s.ColumnInt(2));
    g.merged_into = s.ColumnText(3);
    g.created_run = s.ColumnInt(4);
    g.updated_run = s.ColumnInt(5);
    g.content_hash = s.ColumnText(6);
    out.push_back(std::move(g));
  }
}

absl::Status SqlitePrivacyRepository::ScanRecordJsons(
    const std::function<absl::Status(int64_t record_id, absl::string_view json)>& visit) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare("SELECT record_id, record_json FROM source_records "
                                                "WHERE deleted = 0 ORDER BY record_id"));
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return absl::OkStatus();
    MDM_RETURN_IF_ERROR(visit(s.ColumnInt(0), s.ColumnView(1)));
  }
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::EraseRowIssuesHolding(
    const std::vector<std::string>& sources, const std::vector<std::string>& needles) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare(
          "DELETE FROM row_issues WHERE source = ?1 AND raw IS NOT NULL AND instr(raw, ?2) > 0"));
  int64_t erased = 0;
  for (const std::string& source : sources) {
    for (const std::string& needle : needles) {
      s.Reset();
      s.Bind(1, source);
      s.BindBlob(2, needle);
      MDM_RETURN_IF_ERROR(s.Run());
      erased += sqlite3_changes(db_.raw());
    }
  }
  return erased;
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::InsertErasure(const ErasureRow& row) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("INSERT INTO erasures(golden_id, at, actor, reason, audit_seq, counts_json) "
                  "VALUES (?,?,?,?,?,?)"));
  s.Bind(1, row.golden_id);
  s.Bind(2, row.at);
  s.Bind(3, row.actor);
  s.Bind(4, row.reason);
  s.Bind(5, row.audit_seq);
  s.Bind(6, row.counts_json);
  MDM_RETURN_IF_ERROR(s.Run());
  return db_.LastInsertRowId();
}

absl::Status SqlitePrivacyRepository::SetErasureCounts(int64_t erasure_id,
                                                       absl::string_view counts_json) {
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare("UPDATE erasures SET counts_json = ? WHERE erasure_id = ?"));
  s.Bind(1, counts_json);
  s.Bind(2, erasure_id);
  return s.Run();
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::CountErasures() {
  return db_.QueryInt("SELECT count(*) FROM erasures");
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::InsertSuppressions(
    const std::vector<std::pair<std::string, std::string>>& keys, int64_t erasure_id) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("INSERT OR IGNORE INTO suppressions(hmac, kind, erasure_id) VALUES (?,?,?)"));
  int64_t added = 0;
  for (const auto& [hmac, kind] : keys) {
    s.Reset();
    s.Bind(1, hmac);
    s.Bind(2, kind);
    s.Bind(3, erasure_id);
    MDM_RETURN_IF_ERROR(s.Run());
    added += sqlite3_changes(db_.raw());
  }
  return added;
}

absl::StatusOr<std::vector<std::string>> SqlitePrivacyRepository::ListSuppressions() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare("SELECT hmac FROM suppressions"));
  std::vector<std::string> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnText(0));
  }
}

absl::StatusOr<std::vector<GoldenMemberRow>> SqlitePrivacyRepository::MembersOfGolden(
    int64_t golden_seq) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("SELECT record_id, golden_seq, active FROM golden_members WHERE golden_seq = ? "
                  "ORDER BY record_id"));
  s.Bind(1, golden_seq);
  std::vector<GoldenMemberRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnInt(1), s.ColumnInt(2) != 0});
  }
}

absl::StatusOr<ErasedRows> SqlitePrivacyRepository::EraseRecords(
    const std::vector<int64_t>& record_ids) {
  ErasedRows erased;
  MDM_ASSIGN_OR_RETURN(
      Statement key,
      db_.Prepare("SELECT source, source_key FROM source_records WHERE record_id = ?"));
  MDM_ASSIGN_OR_RETURN(Statement issues,
                       db_.Prepare("DELETE FROM row_issues WHERE source = ? AND source_key = ?"));
  for (int64_t id : record_ids) {
    key.Reset();
    key.Bind(1, id);
    MDM_ASSIGN_OR_RETURN(bool found, key.Step());
    if (!found) return absl::NotFoundError(absl::StrCat("record ", id, " does not exist"));
    issues.Reset();
    issues.Bind(1, key.ColumnView(0));
    issues.Bind(2, key.ColumnView(1));
    MDM_RETURN_IF_ERROR(issues.Run());
    erased.row_issues += sqlite3_changes(db_.raw());
    MDM_ASSIGN_OR_RETURN(
        int64_t items,
        RunWith("DELETE FROM review_items WHERE record_a = ?1 OR record_b = ?1", id));
    erased.review_items += items;
    MDM_ASSIGN_OR_RETURN(
        int64_t links,
        RunWith("DELETE FROM steward_links WHERE record_a = ?1 OR record_b = ?1", id));
    erased.steward_links += links;
    MDM_ASSIGN_OR_RETURN(int64_t history,
                         RunWith("DELETE FROM source_record_history WHERE record_id = ?", id));
    erased.history_versions += history;
    for (absl::string_view table :
         {"record_match_keys", "record_match_state", "pending_records", "golden_members"}) {
      MDM_RETURN_IF_ERROR(
          RunWith(absl::StrCat("DELETE FROM ", table, " WHERE record_id = ?"), id).status());
    }
    MDM_ASSIGN_OR_RETURN(int64_t records,
                         RunWith("DELETE FROM source_records WHERE record_id = ?", id));
    erased.source_records += records;
  }
  return erased;
}

absl::StatusOr<ErasedGoldenRows> SqlitePrivacyRepository::EraseGoldenSideData(
    const std::vector<std::string>& golden_ids) {
  ErasedGoldenRows erased;
  for (const std::string& id : golden_ids) {
    MDM_ASSIGN_OR_RETURN(int64_t pins,
                         RunWith("DELETE FROM golden_overrides WHERE golden_id = ?", id));
    erased.overrides += pins;
    MDM_ASSIGN_OR_RETURN(int64_t dcrs,
                         RunWith("DELETE FROM change_requests WHERE golden_id = ?", id));
    erased.change_requests += dcrs;
    MDM_ASSIGN_OR_RETURN(int64_t consents,
                         RunWith("DELETE FROM consent_changes WHERE golden_id = ?", id));
    erased.consent_changes += consents;
    MDM_RETURN_IF_ERROR(RunWith("DELETE FROM restrictions WHERE golden_id = ?", id).status());
  }
  return erased;
}

absl::StatusOr<bool> SqlitePrivacyRepository::TruncateLog() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  return row && s.ColumnInt(0) == 0;
}

absl::Status SqlitePrivacyRepository::PutRestriction(const RestrictionRow& row) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare(
          "INSERT OR REPLACE INTO restrictions(golden_id, at, actor, reason) VALUES (?,?,?,?)"));
  s.Bind(1, row.golden_id);
  s.Bind(2, row.at);
  s.Bind(3, row.actor);
  s.Bind(4, row.reason);
  return s.Run();
}

absl::StatusOr<bool> SqlitePrivacyRepository::DeleteRestriction(absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(int64_t n,
                       RunWith("DELETE FROM restrictions WHERE golden_id = ?", golden_id));
  return n > 0;
}

absl::StatusOr<std::optional<RestrictionRow>> SqlitePrivacyRepository::GetRestriction(
    absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("SELECT golden_id, at, actor, reason FROM restrictions WHERE golden_id = ?"));
  s.Bind(1, golden_id);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::nullopt;
  return RestrictionRow{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3)};
}

absl::StatusOr<std::vector<std::string>> SqlitePrivacyRepository::ListRestricted() {
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare("SELECT golden_id FROM restrictions ORDER BY golden_id"));
  std::vector<std::string> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnText(0));
  }
}

absl::StatusOr<int64_t> SqlitePrivacyRepository::InsertConsentChange(const ConsentChangeRow& row) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare(
          "INSERT INTO consent_changes(golden_id, channel, purpose, granted, at, actor, reason) "
          "VALUES (?,?,?,?,?,?,?)"));
  s.Bind(1, row.golden_id);
  s.Bind(2, row.channel);
  s.Bind(3, row.purpose);
  s.Bind(4, static_cast<int64_t>(row.granted ? 1 : 0));
  s.Bind(5, row.at);
  s.Bind(6, row.actor);
  s.Bind(7, row.reason);
  MDM_RETURN_IF_ERROR(s.Run());
  return db_.LastInsertRowId();
}

absl::StatusOr<std::vector<ConsentChangeRow>> SqlitePrivacyRepository::ListConsentChanges(
    absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("SELECT change_id, golden_id, channel, purpose, granted, at, actor, reason "
                  "FROM consent_changes WHERE golden_id = ? ORDER BY change_id"));
  s.Bind(1, golden_id);
  std::vector<ConsentChangeRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
                   s.ColumnInt(4) != 0, s.ColumnText(5), s.ColumnText(6), s.ColumnText(7)});
  }
}

absl::StatusOr<std::vector<RecordAge>> SqlitePrivacyRepository::ListRecordAges(
    absl::string_view source) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare(
          "SELECT r.record_id, r.source_key, r.observed_at, u.started_at FROM source_records r "
          "JOIN source_files f ON f.file_id = r.file_id JOIN runs u ON u.run_id = f.run_id "
          "WHERE r.source = ? AND r.deleted = 0 ORDER BY r.record_id"));
  s.Bind(1, source);
  std::vector<RecordAge> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3)});
  }
}

absl::Status SqlitePrivacyRepository::PurgeRecord(int64_t record_id, absl::string_view marker_json,
                                                  absl::string_view marker_sha256, int64_t run_id) {
  MDM_ASSIGN_OR_RETURN(
      Statement s,
      db_.Prepare("UPDATE source_records SET deleted = 1, raw_json = '{}', record_json = ?, "
                  "content_sha256 = ?, change_run = ? WHERE record_id = ?"));
  s.Bind(1, marker_json);
  s.Bind(2, marker_sha256);
  s.Bind(3, run_id);
  s.Bind(4, record_id);
  MDM_RETURN_IF_ERROR(s.Run());
  if (sqlite3_changes(db_.raw()) != 1) {
    return absl::NotFoundError(absl::StrCat("record ", record_id, " does not exist"));
  }
  MDM_RETURN_IF_ERROR(
      RunWith("DELETE FROM source_record_history WHERE record_id = ?", record_id).status());
  MDM_RETURN_IF_ERROR(
      RunWith("DELETE FROM record_match_keys WHERE record_id = ?", record_id).status());
  return RunWith("INSERT OR IGNORE INTO pending_records(record_id) VALUES (?)", record_id).status();
}

}  // namespace mdm::store
