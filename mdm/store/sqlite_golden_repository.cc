// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/sqlite_golden_repository.h"

#include "absl/strings/str_cat.h"
#include "mdm/status.h"

namespace mdm::store {
namespace {

constexpr char kGoldenColumns[] =
    "seq, golden_id, status, merged_into, created_run, updated_run, content_hash";

GoldenRow ReadGolden(const Statement& s) {
  GoldenRow g;
  g.seq = s.ColumnInt(0);
  g.golden_id = s.ColumnText(1);
  g.status = static_cast<GoldenStatus>(s.ColumnInt(2));
  g.merged_into = s.ColumnText(3);
  g.created_run = s.ColumnInt(4);
  g.updated_run = s.ColumnInt(5);
  g.content_hash = s.ColumnText(6);
  return g;
}

// Prepares `sql` into `slot` on first use.
absl::StatusOr<Statement*> Cached(SqliteDb& db, Statement& slot, absl::string_view sql) {
  if (!slot.valid()) {
    MDM_ASSIGN_OR_RETURN(slot, db.Prepare(sql));
  }
  return &slot;
}

}  // namespace

absl::StatusOr<std::vector<int64_t>> SqliteGoldenRepository::ListPendingRecords() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_id FROM pending_records ORDER BY record_id"));
  std::vector<int64_t> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnInt(0));
  }
}

absl::Status SqliteGoldenRepository::AddPendingRecord(int64_t record_id) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, add_pending_,
      "INSERT OR IGNORE INTO pending_records(record_id) VALUES (?)"));
  s->Bind(1, record_id);
  return s->Run();
}

absl::Status SqliteGoldenRepository::ClearPendingRecords() {
  return db_.Exec("DELETE FROM pending_records");
}

absl::Status SqliteGoldenRepository::SetRunGoldenSetting(int64_t run_id,
                                                         absl::string_view setting_json) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "UPDATE runs SET golden_setting = ? WHERE run_id = ?"));
  s.Bind(1, setting_json);
  s.Bind(2, run_id);
  return s.Run();
}

absl::StatusOr<std::optional<std::string>> SqliteGoldenRepository::LatestGoldenSetting() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT golden_setting FROM runs WHERE golden_setting != '' "
      "ORDER BY run_id DESC LIMIT 1"));
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.ColumnText(0));
}

absl::StatusOr<std::vector<ClusterAssignment>> SqliteGoldenRepository::ListClusters() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_id, golden_seq FROM golden_members WHERE active = 1 ORDER BY record_id"));
  std::vector<ClusterAssignment> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnInt(1)});
  }
}

absl::StatusOr<std::vector<GoldenRow>> SqliteGoldenRepository::ListGoldens() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "SELECT ", kGoldenColumns, " FROM golden_records ORDER BY seq")));
  std::vector<GoldenRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(ReadGolden(s));
  }
}

absl::StatusOr<std::optional<GoldenRow>> SqliteGoldenRepository::OneGolden(
    Statement& slot, absl::string_view where, const std::function<void(Statement&)>& bind) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, slot, absl::StrCat(
      "SELECT ", kGoldenColumns, ", golden_json FROM golden_records WHERE ", where)));
  bind(*s);
  absl::StatusOr<bool> row = s->Step();
  std::optional<GoldenRow> out;
  if (row.ok() && *row) {
    out = ReadGolden(*s);
    out->golden_json = s->ColumnText(7);
  }
  s->Reset();
  if (!row.ok()) return row.status();
  return out;
}

absl::StatusOr<std::optional<GoldenRow>> SqliteGoldenRepository::GetGolden(int64_t seq) {
  return OneGolden(golden_by_seq_, "seq = ?", [seq](Statement& s) { s.Bind(1, seq); });
}

absl::StatusOr<std::optional<GoldenRow>> SqliteGoldenRepository::FindGolden(
    absl::string_view golden_id) {
  return OneGolden(golden_by_id_, "golden_id = ?",
                   [golden_id](Statement& s) { s.Bind(1, golden_id); });
}

absl::StatusOr<int64_t> SqliteGoldenRepository::InsertGolden(const GoldenRow& g) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, insert_golden_,
      "INSERT INTO golden_records(golden_id, status, merged_into, created_run, updated_run, "
      "content_hash, golden_json) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s->Bind(1, g.golden_id);
  s->Bind(2, static_cast<int64_t>(g.status));
  s->Bind(3, g.merged_into);
  s->Bind(4, g.created_run);
  s->Bind(5, g.updated_run);
  s->Bind(6, g.content_hash);
  s->Bind(7, g.golden_json);
  MDM_RETURN_IF_ERROR(s->Run());
  return db_.LastInsertRowId();
}

absl::Status SqliteGoldenRepository::UpdateGolden(const GoldenRow& g) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, update_golden_,
      "UPDATE golden_records SET status = ?, merged_into = ?, updated_run = ?, "
      "content_hash = ?, golden_json = ? WHERE seq = ?"));
  s->Bind(1, static_cast<int64_t>(g.status));
  s->Bind(2, g.merged_into);
  s->Bind(3, g.updated_run);
  s->Bind(4, g.content_hash);
  s->Bind(5, g.golden_json);
  s->Bind(6, g.seq);
  return s->Run();
}

absl::StatusOr<std::vector<GoldenMemberRow>> SqliteGoldenRepository::ListGoldenMembers() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_id, golden_seq, active FROM golden_members ORDER BY record_id"));
  std::vector<GoldenMemberRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnInt(1), s.ColumnInt(2) != 0});
  }
}

absl::StatusOr<std::vector<GoldenMemberRow>> SqliteGoldenRepository::ReadGoldenMembers(
    const std::vector<int64_t>& record_ids) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, read_member_,
      "SELECT golden_seq, active FROM golden_members WHERE record_id = ?"));
  std::vector<GoldenMemberRow> out;
  for (int64_t id : record_ids) {
    s->Bind(1, id);
    absl::StatusOr<bool> row = s->Step();
    if (row.ok() && *row) out.push_back({id, s->ColumnInt(0), s->ColumnInt(1) != 0});
    s->Reset();
    if (!row.ok()) return row.status();
  }
  return out;
}

absl::StatusOr<int64_t> SqliteGoldenRepository::CountActiveMembers(int64_t golden_seq) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, count_active_,
      "SELECT count(*) FROM golden_members WHERE golden_seq = ? AND active = 1"));
  s->Bind(1, golden_seq);
  absl::StatusOr<bool> row = s->Step();
  const int64_t count = row.ok() && *row ? s->ColumnInt(0) : 0;
  s->Reset();
  if (!row.ok()) return row.status();
  return count;
}

absl::StatusOr<int64_t> SqliteGoldenRepository::CountActiveGoldens() {
  return db_.QueryInt("SELECT count(*) FROM golden_records WHERE status = 0");
}

absl::Status SqliteGoldenRepository::PutGoldenMember(const GoldenMemberRow& m, int64_t run_id) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, put_member_,
      "INSERT INTO golden_members(record_id, golden_seq, active, run_id) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(record_id) DO UPDATE SET golden_seq = excluded.golden_seq, "
      "active = excluded.active, run_id = excluded.run_id"));
  s->Bind(1, m.record_id);
  s->Bind(2, m.golden_seq);
  s->Bind(3, static_cast<int64_t>(m.active ? 1 : 0));
  s->Bind(4, run_id);
  return s->Run();
}

absl::Status SqliteGoldenRepository::AddGoldenEvent(int64_t golden_seq, int64_t run_id,
                                                    absl::string_view kind,
                                                    absl::string_view detail_json) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, add_event_,
      "INSERT INTO golden_events(golden_seq, run_id, kind, detail_json) VALUES (?, ?, ?, ?)"));
  s->Bind(1, golden_seq);
  s->Bind(2, run_id);
  s->Bind(3, kind);
  s->Bind(4, detail_json);
  return s->Run();
}

absl::StatusOr<std::vector<GoldenEventRow>> SqliteGoldenRepository::ListGoldenEvents(
    int64_t golden_seq) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT e.event_id, e.run_id, coalesce(r.started_at, ''), e.kind, e.detail_json "
      "FROM golden_events e LEFT JOIN runs r ON r.run_id = e.run_id "
      "WHERE e.golden_seq = ? ORDER BY e.event_id"));
  s.Bind(1, golden_seq);
  std::vector<GoldenEventRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnInt(1), s.ColumnText(2), s.ColumnText(3),
                   s.ColumnText(4)});
  }
}

absl::StatusOr<std::optional<RecordGolden>> SqliteGoldenRepository::FindRecordGolden(
    absl::string_view source, absl::string_view source_key) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT r.record_id, r.deleted, m.golden_seq, m.active FROM source_records r "
      "LEFT JOIN golden_members m ON m.record_id = r.record_id "
      "WHERE r.source = ? AND r.source_key = ?"));
  s.Bind(1, source);
  s.Bind(2, source_key);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<RecordGolden>();
  RecordGolden out;
  out.record_id = s.ColumnInt(0);
  out.deleted = s.ColumnInt(1) != 0;
  if (!s.ColumnIsNull(2)) {
    out.member = GoldenMemberRow{out.record_id, s.ColumnInt(2), s.ColumnInt(3) != 0};
  }
  return std::optional<RecordGolden>(std::move(out));
}

absl::Status SqliteGoldenRepository::ReadRecordJsons(
    const std::vector<int64_t>& record_ids,
    const std::function<absl::Status(int64_t, absl::string_view)>& visit) {
  MDM_ASSIGN_OR_RETURN(Statement* s, Cached(db_, read_json_,
      "SELECT record_json FROM source_records WHERE record_id = ?"));
  for (int64_t id : record_ids) {
    s->Bind(1, id);
    absl::StatusOr<bool> row = s->Step();
    absl::Status status = !row.ok() ? row.status()
                          : !*row   ? absl::NotFoundError(absl::StrCat("no record with id ", id))
                                    : visit(id, s->ColumnView(0));
    s->Reset();
    MDM_RETURN_IF_ERROR(status);
  }
  return absl::OkStatus();
}

}  // namespace mdm::store
