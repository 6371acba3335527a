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

absl::Status SqliteMatchRepository::ReplaceOpenReviewItems(
    int64_t run_id, const std::vector<ReviewItemRow>& items) {
  MDM_RETURN_IF_ERROR(db_.Exec(
      "CREATE TEMP TABLE IF NOT EXISTS review_keep(record_a INTEGER, record_b INTEGER, "
      "PRIMARY KEY (record_a, record_b)) WITHOUT ROWID; DELETE FROM temp.review_keep"));
  MDM_ASSIGN_OR_RETURN(Statement upsert, db_.Prepare(
      "INSERT INTO review_items(record_a, record_b, reason, probability, match_weight, "
      "status, created_run, updated_run) VALUES (?, ?, ?, ?, ?, 'open', ?, ?) "
      "ON CONFLICT(record_a, record_b) DO UPDATE SET reason = excluded.reason, "
      "probability = excluded.probability, match_weight = excluded.match_weight, "
      "updated_run = excluded.updated_run WHERE status = 'open' AND "
      "(reason, probability, match_weight) IS NOT "
      "(excluded.reason, excluded.probability, excluded.match_weight)"));
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
    MDM_RETURN_IF_ERROR(upsert.Run());
    keep.Bind(1, item.record_a);
    keep.Bind(2, item.record_b);
    MDM_RETURN_IF_ERROR(keep.Run());
  }
  return db_.Exec(
      "DELETE FROM review_items WHERE status = 'open' AND NOT EXISTS (SELECT 1 FROM "
      "temp.review_keep k WHERE k.record_a = review_items.record_a AND "
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
