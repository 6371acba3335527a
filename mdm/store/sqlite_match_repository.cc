// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/sqlite_match_repository.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "mdm/status.h"

namespace mdm::store {

absl::Status SqliteMatchRepository::ScanMatchKeys(const MatchKeysVisitor& visit) {
  // The (source, source_key) index gives the order and the record id; the
  // keys table is small, so one lookup per row stays cheap. A delete marker
  // has empty keys (NULL keys are missing ones, extracted again).
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT r.record_id, r.source, r.source_key, k.keys "
      "FROM source_records r "
      "LEFT JOIN record_match_keys k ON k.record_id = r.record_id "
      "WHERE k.keys IS NULL OR length(k.keys) > 0 "
      "ORDER BY r.source, r.source_key"));
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return absl::OkStatus();
    MDM_RETURN_IF_ERROR(
        visit(s.ColumnInt(0), s.ColumnView(1), s.ColumnView(2), s.ColumnView(3)));
  }
}

absl::StatusOr<std::string> SqliteMatchRepository::RecordJson(int64_t record_id) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_json FROM source_records WHERE record_id = ?"));
  s.Bind(1, record_id);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return absl::NotFoundError(absl::StrCat("no record with id ", record_id));
  return s.ColumnText(0);
}

absl::Status SqliteMatchRepository::PutMatchKeys(int64_t record_id, absl::string_view keys) {
  if (!put_keys_.valid()) {
    MDM_ASSIGN_OR_RETURN(put_keys_, db_.Prepare(
        "INSERT INTO record_match_keys(record_id, keys) VALUES (?, ?) "
        "ON CONFLICT(record_id) DO UPDATE SET keys = excluded.keys"));
  }
  put_keys_.Bind(1, record_id);
  put_keys_.BindBlob(2, keys);
  return put_keys_.Run();
}

absl::Status SqliteMatchRepository::SetRunMatching(int64_t run_id,
                                                   absl::string_view settings_json) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "UPDATE runs SET matching_json = ? WHERE run_id = ?"));
  s.Bind(1, settings_json);
  s.Bind(2, run_id);
  return s.Run();
}

absl::StatusOr<std::optional<std::string>> SqliteMatchRepository::LatestRunMatching() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT matching_json FROM runs WHERE matching_json <> '' "
      "ORDER BY run_id DESC LIMIT 1"));
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.ColumnText(0));
}

absl::Status SqliteMatchRepository::SetRunModel(int64_t run_id, int64_t model_id) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "UPDATE runs SET match_model = ? WHERE run_id = ?"));
  s.Bind(1, model_id);
  s.Bind(2, run_id);
  return s.Run();
}

absl::StatusOr<int64_t> SqliteMatchRepository::LatestRunModel() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT match_model FROM runs WHERE matching_json <> '' ORDER BY run_id DESC LIMIT 1"));
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt(0) : 0;
}

absl::Status SqliteMatchRepository::ScanBlockKeys(
    const std::function<absl::Status(int64_t, absl::string_view)>& visit) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_id, block_keys FROM record_match_state ORDER BY record_id"));
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return absl::OkStatus();
    MDM_RETURN_IF_ERROR(visit(s.ColumnInt(0), s.ColumnView(1)));
  }
}

absl::Status SqliteMatchRepository::ReadMatchState(
    const std::vector<int64_t>& record_ids,
    const std::function<absl::Status(int64_t, absl::string_view, absl::string_view)>& visit) {
  if (!read_state_.valid()) {
    MDM_ASSIGN_OR_RETURN(read_state_, db_.Prepare(
        "SELECT block_keys, edges FROM record_match_state WHERE record_id = ?"));
  }
  for (int64_t id : record_ids) {
    read_state_.Bind(1, id);
    absl::StatusOr<bool> row = read_state_.Step();
    absl::Status status = !row.ok() ? row.status()
                          : *row    ? visit(id, read_state_.ColumnView(0),
                                            read_state_.ColumnView(1))
                                    : absl::OkStatus();
    read_state_.Reset();
    MDM_RETURN_IF_ERROR(status);
  }
  return absl::OkStatus();
}

absl::Status SqliteMatchRepository::PutMatchState(int64_t record_id, absl::string_view keys,
                                                  absl::string_view edges) {
  if (!put_state_.valid()) {
    MDM_ASSIGN_OR_RETURN(put_state_, db_.Prepare(
        "INSERT OR REPLACE INTO record_match_state(record_id, block_keys, edges) "
        "VALUES (?, ?, ?)"));
  }
  put_state_.Bind(1, record_id);
  put_state_.BindBlob(2, keys);
  put_state_.BindBlob(3, edges);
  return put_state_.Run();
}

absl::Status SqliteMatchRepository::DeleteMatchState(int64_t record_id) {
  if (!delete_state_.valid()) {
    MDM_ASSIGN_OR_RETURN(delete_state_, db_.Prepare(
        "DELETE FROM record_match_state WHERE record_id = ?"));
  }
  delete_state_.Bind(1, record_id);
  return delete_state_.Run();
}

absl::Status SqliteMatchRepository::ClearMatchState() {
  return db_.Exec("DELETE FROM record_match_state");
}

absl::Status SqliteMatchRepository::ReadMatchKeys(const std::vector<int64_t>& record_ids,
                                                  const MatchKeysVisitor& visit) {
  if (!read_keys_.valid()) {
    MDM_ASSIGN_OR_RETURN(read_keys_, db_.Prepare(
        "SELECT r.source, r.source_key, k.keys, r.deleted "
        "FROM source_records r INDEXED BY source_records_identity "
        "LEFT JOIN record_match_keys k ON k.record_id = r.record_id WHERE r.record_id = ?"));
  }
  for (int64_t id : record_ids) {
    read_keys_.Bind(1, id);
    absl::StatusOr<bool> row = read_keys_.Step();
    absl::Status status =
        !row.ok() ? row.status()
        : !*row   ? absl::NotFoundError(absl::StrCat("no record with id ", id))
        : read_keys_.ColumnInt(3) != 0
            ? absl::OkStatus()  // a delete marker: nothing to match
            : visit(id, read_keys_.ColumnView(0), read_keys_.ColumnView(1),
                    read_keys_.ColumnView(2));
    read_keys_.Reset();
    MDM_RETURN_IF_ERROR(status);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<int64_t>> SqliteMatchRepository::ListUnmatchedRecords() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_id FROM source_records WHERE deleted = 0 AND record_id > "
      "(SELECT coalesce(max(record_id), 0) FROM golden_members) ORDER BY record_id"));
  std::vector<int64_t> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnInt(0));
  }
}

absl::StatusOr<int64_t> SqliteMatchRepository::AddModel(absl::string_view created_at,
                                                        int64_t run_id,
                                                        absl::string_view fingerprint,
                                                        absl::string_view model_json,
                                                        absl::string_view term_frequencies) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "INSERT INTO match_models(created_at, run_id, fingerprint, model_json, "
      "term_frequencies) VALUES (?, ?, ?, ?, ?)"));
  s.Bind(1, created_at);
  if (run_id > 0) {
    s.Bind(2, run_id);
  } else {
    s.BindNull(2);
  }
  s.Bind(3, fingerprint);
  s.Bind(4, model_json);
  s.BindBlob(5, term_frequencies);
  MDM_RETURN_IF_ERROR(s.Run());
  return db_.LastInsertRowId();
}

absl::StatusOr<std::optional<StoredModel>> SqliteMatchRepository::LatestModel(
    absl::string_view fingerprint) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT model_id, model_json, term_frequencies FROM match_models "
      "WHERE ? = '' OR fingerprint = ? ORDER BY model_id DESC LIMIT 1"));
  s.Bind(1, fingerprint);
  s.Bind(2, fingerprint);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredModel>();
  return std::optional<StoredModel>(
      StoredModel{s.ColumnInt(0), s.ColumnText(1), std::string(s.ColumnView(2))});
}

absl::StatusOr<int64_t> SqliteMatchRepository::CountReviewItems(absl::string_view status) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT count(*) FROM review_items WHERE ? = '' OR status = ?"));
  s.Bind(1, status);
  s.Bind(2, status);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt(0) : 0;
}

absl::Status SqliteMatchRepository::ReplaceOpenReviewItems(
    int64_t run_id, const std::vector<ReviewItemRow>& items,
    const std::vector<int64_t>* scope) {
  MDM_RETURN_IF_ERROR(db_.Exec(
      "CREATE TEMP TABLE IF NOT EXISTS review_keep(record_a INTEGER, record_b INTEGER, "
      "PRIMARY KEY (record_a, record_b)) WITHOUT ROWID; DELETE FROM temp.review_keep"));
  MDM_ASSIGN_OR_RETURN(Statement upsert, db_.Prepare(
      "INSERT INTO review_items(record_a, record_b, reason, probability, match_weight, "
      "status, created_run, updated_run, priority) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?) "
      "ON CONFLICT(record_a, record_b) DO UPDATE SET reason = excluded.reason, "
      "probability = excluded.probability, match_weight = excluded.match_weight, "
      "priority = excluded.priority, updated_run = excluded.updated_run, "
      "revision = revision + 1 WHERE status = 'open' AND "
      "(reason, probability, match_weight, priority) IS NOT "
      "(excluded.reason, excluded.probability, excluded.match_weight, excluded.priority)"));
  MDM_ASSIGN_OR_RETURN(Statement keep, db_.Prepare(
      "INSERT OR IGNORE INTO temp.review_keep(record_a, record_b) VALUES (?, ?)"));
  for (const ReviewItemRow& item : items) {
    upsert.Bind(1, item.record_a);
    upsert.Bind(2, item.record_b);
    upsert.Bind(3, item.reason);
    upsert.Bind(4, item.probability);
    upsert.Bind(5, item.match_weight);
    upsert.Bind(6, run_id);
    upsert.Bind(7, run_id);
    upsert.Bind(8, item.priority);
    MDM_RETURN_IF_ERROR(upsert.Run());
    keep.Bind(1, item.record_a);
    keep.Bind(2, item.record_b);
    MDM_RETURN_IF_ERROR(keep.Run());
  }
  if (scope == nullptr) {
    return db_.Exec(
        "DELETE FROM review_items WHERE status = 'open' AND NOT EXISTS (SELECT 1 FROM "
        "temp.review_keep k WHERE k.record_a = review_items.record_a AND "
        "k.record_b = review_items.record_b)");
  }
  MDM_RETURN_IF_ERROR(db_.Exec(
      "CREATE TEMP TABLE IF NOT EXISTS review_scope(record_id INTEGER PRIMARY KEY); "
      "DELETE FROM temp.review_scope"));
  MDM_ASSIGN_OR_RETURN(Statement in_scope, db_.Prepare(
      "INSERT OR IGNORE INTO temp.review_scope(record_id) VALUES (?)"));
  for (int64_t id : *scope) {
    in_scope.Bind(1, id);
    MDM_RETURN_IF_ERROR(in_scope.Run());
  }
  return db_.Exec(
      "DELETE FROM review_items WHERE status = 'open' AND "
      "(record_a IN temp.review_scope OR record_b IN temp.review_scope) AND NOT EXISTS "
      "(SELECT 1 FROM temp.review_keep k WHERE k.record_a = review_items.record_a AND "
      "k.record_b = review_items.record_b)");
}

absl::StatusOr<std::vector<ReviewItemRow>> SqliteMatchRepository::ListReviewItems(
    absl::string_view status, int64_t limit) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT item_id, record_a, record_b, reason, probability, match_weight, status, "
      "created_run, updated_run FROM review_items WHERE ? = '' OR status = ? "
      "ORDER BY item_id LIMIT ?"));
  s.Bind(1, status);
  s.Bind(2, status);
  s.Bind(3, limit);
  std::vector<ReviewItemRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnInt(1), s.ColumnInt(2), s.ColumnText(3),
                   s.ColumnDouble(4), s.ColumnDouble(5), s.ColumnText(6), s.ColumnInt(7),
                   s.ColumnInt(8)});
  }
}

}  // namespace mdm::store
