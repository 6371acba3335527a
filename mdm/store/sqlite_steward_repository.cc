// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/sqlite_steward_repository.h"

#include <sqlite3.h>

#include "absl/strings/str_cat.h"
#include "mdm/status.h"

namespace mdm::store {
namespace {

// An open item with a record that has a version no run matched yet is
// stale: computed on read, so a load-only run needs no bookkeeping.
constexpr absl::string_view kStale =
    "(r.record_a IN pending_records OR r.record_b IN pending_records)";

std::string ItemColumns() {
  return absl::StrCat(
      "r.item_id, r.record_a, r.record_b, r.reason, r.probability, r.match_weight, "
      "CASE WHEN r.status = 'open' AND ", kStale, " THEN 'stale' ELSE r.status END, "
      "r.created_run, r.updated_run, r.priority, r.assignee, r.revision, r.decision, "
      "r.decided_by, r.decided_at, r.decision_reason");
}

ReviewItemRow ReadItem(const Statement& s) {
  ReviewItemRow r;
  r.item_id = s.ColumnInt(0);
  r.record_a = s.ColumnInt(1);
  r.record_b = s.ColumnInt(2);
  r.reason = s.ColumnText(3);
  r.probability = s.ColumnDouble(4);
  r.match_weight = s.ColumnDouble(5);
  r.status = s.ColumnText(6);
  r.created_run = s.ColumnInt(7);
  r.updated_run = s.ColumnInt(8);
  r.priority = s.ColumnDouble(9);
  r.assignee = s.ColumnText(10);
  r.revision = s.ColumnInt(11);
  r.decision = s.ColumnText(12);
  r.decided_by = s.ColumnText(13);
  r.decided_at = s.ColumnText(14);
  r.decision_reason = s.ColumnText(15);
  return r;
}

constexpr absl::string_view kLinkColumns =
    "record_a, record_b, kind, origin, item_id, steward, reason, created_at, applied_run";

absl::StatusOr<std::vector<StewardLink>> ReadLinks(Statement& s) {
  std::vector<StewardLink> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    StewardLink l;
    l.record_a = s.ColumnInt(0);
    l.record_b = s.ColumnInt(1);
    l.kind = s.ColumnText(2);
    l.origin = s.ColumnText(3);
    l.item_id = s.ColumnInt(4);
    l.steward = s.ColumnText(5);
    l.reason = s.ColumnText(6);
    l.created_at = s.ColumnText(7);
    l.applied_run = s.ColumnInt(8);
    out.push_back(std::move(l));
  }
}

constexpr absl::string_view kOverrideColumns =
    "override_id, golden_id, field, value, steward, reason, created_at, pinned, unpinned_by, "
    "unpinned_at, unpin_reason, dcr_id, applied_run";

absl::StatusOr<std::vector<OverrideRow>> ReadOverrides(Statement& s) {
  std::vector<OverrideRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    OverrideRow o;
    o.override_id = s.ColumnInt(0);
    o.golden_id = s.ColumnText(1);
    o.field = s.ColumnText(2);
    o.value = s.ColumnText(3);
    o.steward = s.ColumnText(4);
    o.reason = s.ColumnText(5);
    o.created_at = s.ColumnText(6);
    o.pinned = s.ColumnInt(7) != 0;
    o.unpinned_by = s.ColumnText(8);
    o.unpinned_at = s.ColumnText(9);
    o.unpin_reason = s.ColumnText(10);
    o.dcr_id = s.ColumnInt(11);
    o.applied_run = s.ColumnInt(12);
    out.push_back(std::move(o));
  }
}

constexpr absl::string_view kChangeColumns =
    "dcr_id, golden_id, field, value, submitted_by, reason, submitted_at, status, decided_by, "
    "decided_at, decision_reason";

absl::StatusOr<std::vector<ChangeRequest>> ReadChanges(Statement& s) {
  std::vector<ChangeRequest> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    ChangeRequest c;
    c.dcr_id = s.ColumnInt(0);
    c.golden_id = s.ColumnText(1);
    c.field = s.ColumnText(2);
    c.value = s.ColumnText(3);
    c.submitted_by = s.ColumnText(4);
    c.reason = s.ColumnText(5);
    c.submitted_at = s.ColumnText(6);
    std::optional<ChangeRequestStatus> status = ParseChangeRequestStatus(s.ColumnText(7));
    if (!status) return absl::DataLossError(absl::StrCat("change request ", c.dcr_id,
                                                         ": unknown status"));
    c.status = *status;
    c.decided_by = s.ColumnText(8);
    c.decided_at = s.ColumnText(9);
    c.decision_reason = s.ColumnText(10);
    out.push_back(std::move(c));
  }
}

void BindChange(Statement& s, const ChangeRequest& c) {
  s.Bind(1, c.golden_id);
  s.Bind(2, c.field);
  s.Bind(3, c.value);
  s.Bind(4, c.submitted_by);
  s.Bind(5, c.reason);
  s.Bind(6, c.submitted_at);
  s.Bind(7, absl::string_view(ChangeRequestStatusName(c.status)));
  s.Bind(8, c.decided_by);
  s.Bind(9, c.decided_at);
  s.Bind(10, c.decision_reason);
}

// The WHERE clause of a queue query; binds nothing but the assignee.
std::string QueueWhere(const ReviewFilter& f) {
  std::string where = "WHERE (?1 = '' OR r.assignee = ?1)";
  if (f.status == "open") {
    absl::StrAppend(&where, " AND r.status = 'open' AND NOT ", kStale);
  } else if (f.status == "stale") {
    absl::StrAppend(&where, " AND r.status = 'open' AND ", kStale);
  } else if (f.status == "decided") {
    absl::StrAppend(&where, " AND r.status = 'decided'");
  }
  return where;
}

}  // namespace

absl::StatusOr<std::optional<ReviewItemRow>> SqliteStewardRepository::GetReviewItem(
    int64_t item_id) {
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare(absl::StrCat("SELECT ", ItemColumns(),
                                                " FROM review_items r WHERE r.item_id = ?")));
  s.Bind(1, item_id);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ReviewItemRow>();
  return std::optional<ReviewItemRow>(ReadItem(s));
}

absl::StatusOr<std::pair<std::vector<ReviewItemRow>, int64_t>>
SqliteStewardRepository::QueryReviewItems(const ReviewFilter& filter) {
  const std::string where = QueueWhere(filter);
  const char* order = filter.status == "decided"
                          ? "r.decided_at DESC, r.item_id DESC"
                          : "r.status DESC, r.priority DESC, r.item_id";
  MDM_ASSIGN_OR_RETURN(Statement s,
                       db_.Prepare(absl::StrCat("SELECT ", ItemColumns(),
                                                " FROM review_items r ", where, " ORDER BY ",
                                                order, " LIMIT ?2 OFFSET ?3")));
  s.Bind(1, filter.assignee);
  s.Bind(2, filter.limit);
  s.Bind(3, filter.offset);
  std::pair<std::vector<ReviewItemRow>, int64_t> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.first.push_back(ReadItem(s));
  }
  MDM_ASSIGN_OR_RETURN(Statement count, db_.Prepare(absl::StrCat(
                                            "SELECT count(*) FROM review_items r ", where)));
  count.Bind(1, filter.assignee);
  MDM_ASSIGN_OR_RETURN(bool row, count.Step());
  out.second = row ? count.ColumnInt(0) : 0;
  return out;
}

absl::Status SqliteStewardRepository::UpdateReviewItemSteward(const ReviewItemRow& item) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "UPDATE review_items SET status = ?, assignee = ?, decision = ?, decided_by = ?, "
      "decided_at = ?, decision_reason = ?, revision = revision + 1 "
      "WHERE item_id = ? AND revision = ?"));
  s.Bind(1, item.status);
  s.Bind(2, item.assignee);
  s.Bind(3, item.decision);
  s.Bind(4, item.decided_by);
  s.Bind(5, item.decided_at);
  s.Bind(6, item.decision_reason);
  s.Bind(7, item.item_id);
  s.Bind(8, item.revision);
  MDM_RETURN_IF_ERROR(s.Run());
  if (sqlite3_changes(db_.raw()) != 1) {
    return absl::AbortedError(absl::StrCat("review item ", item.item_id,
                                           " changed since revision ", item.revision));
  }
  return absl::OkStatus();
}

absl::Status SqliteStewardRepository::PutStewardLink(const StewardLink& link) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "INSERT OR REPLACE INTO steward_links(", kLinkColumns,
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  s.Bind(1, link.record_a);
  s.Bind(2, link.record_b);
  s.Bind(3, link.kind);
  s.Bind(4, link.origin);
  s.Bind(5, link.item_id);
  s.Bind(6, link.steward);
  s.Bind(7, link.reason);
  s.Bind(8, link.created_at);
  s.Bind(9, link.applied_run);
  return s.Run();
}

absl::Status SqliteStewardRepository::DeleteStewardLink(int64_t record_a, int64_t record_b) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "DELETE FROM steward_links WHERE record_a = ? AND record_b = ?"));
  s.Bind(1, record_a);
  s.Bind(2, record_b);
  return s.Run();
}

absl::StatusOr<std::vector<StewardLink>> SqliteStewardRepository::ListStewardLinks() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "SELECT ", kLinkColumns, " FROM steward_links ORDER BY record_a, record_b")));
  return ReadLinks(s);
}

absl::StatusOr<std::vector<StewardLink>> SqliteStewardRepository::ReadStewardLinks(
    const std::vector<int64_t>& ids) {
  MDM_ASSIGN_OR_RETURN(Statement by_a, db_.Prepare(absl::StrCat(
      "SELECT ", kLinkColumns, " FROM steward_links WHERE record_a = ?")));
  MDM_ASSIGN_OR_RETURN(Statement by_b, db_.Prepare(absl::StrCat(
      "SELECT ", kLinkColumns, " FROM steward_links WHERE record_b = ? AND record_a <> ?")));
  std::vector<StewardLink> out;
  for (int64_t id : ids) {
    by_a.Bind(1, id);
    MDM_ASSIGN_OR_RETURN(std::vector<StewardLink> a, ReadLinks(by_a));
    by_a.Reset();
    by_b.Bind(1, id);
    by_b.Bind(2, id);
    MDM_ASSIGN_OR_RETURN(std::vector<StewardLink> b, ReadLinks(by_b));
    by_b.Reset();
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
  }
  return out;
}

absl::StatusOr<std::vector<int64_t>> SqliteStewardRepository::ListStewardPendingRecords() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT record_a FROM steward_links WHERE applied_run = 0 "
      "UNION SELECT record_b FROM steward_links WHERE applied_run = 0 "
      "UNION SELECT m.record_id FROM golden_overrides o "
      "JOIN golden_records g ON g.golden_id = o.golden_id "
      "JOIN golden_members m ON m.golden_seq = g.seq AND m.active = 1 "
      "WHERE o.applied_run = 0 ORDER BY 1"));
  std::vector<int64_t> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnInt(0));
  }
}

absl::Status SqliteStewardRepository::MarkStewardApplied(int64_t run_id) {
  MDM_ASSIGN_OR_RETURN(Statement links, db_.Prepare(
      "UPDATE steward_links SET applied_run = ? WHERE applied_run = 0"));
  links.Bind(1, run_id);
  MDM_RETURN_IF_ERROR(links.Run());
  MDM_ASSIGN_OR_RETURN(Statement overrides, db_.Prepare(
      "UPDATE golden_overrides SET applied_run = ? WHERE applied_run = 0"));
  overrides.Bind(1, run_id);
  return overrides.Run();
}

absl::StatusOr<int64_t> SqliteStewardRepository::InsertOverride(const OverrideRow& o) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "INSERT INTO golden_overrides(golden_id, field, value, steward, reason, created_at, "
      "pinned, unpinned_by, unpinned_at, unpin_reason, dcr_id, applied_run) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, o.golden_id);
  s.Bind(2, o.field);
  s.Bind(3, o.value);
  s.Bind(4, o.steward);
  s.Bind(5, o.reason);
  s.Bind(6, o.created_at);
  s.Bind(7, int64_t{o.pinned ? 1 : 0});
  s.Bind(8, o.unpinned_by);
  s.Bind(9, o.unpinned_at);
  s.Bind(10, o.unpin_reason);
  s.Bind(11, o.dcr_id);
  s.Bind(12, o.applied_run);
  MDM_RETURN_IF_ERROR(s.Run());
  return db_.LastInsertRowId();
}

absl::Status SqliteStewardRepository::UpdateOverride(const OverrideRow& o) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "UPDATE golden_overrides SET pinned = ?, unpinned_by = ?, unpinned_at = ?, "
      "unpin_reason = ?, applied_run = ? WHERE override_id = ?"));
  s.Bind(1, int64_t{o.pinned ? 1 : 0});
  s.Bind(2, o.unpinned_by);
  s.Bind(3, o.unpinned_at);
  s.Bind(4, o.unpin_reason);
  s.Bind(5, o.applied_run);
  s.Bind(6, o.override_id);
  return s.Run();
}

absl::StatusOr<std::vector<OverrideRow>> SqliteStewardRepository::ListOverrides(
    absl::string_view golden_id, bool all) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "SELECT ", kOverrideColumns, " FROM golden_overrides WHERE golden_id = ? AND "
      "(? OR pinned = 1) ORDER BY override_id")));
  s.Bind(1, golden_id);
  s.Bind(2, int64_t{all ? 1 : 0});
  return ReadOverrides(s);
}

absl::StatusOr<std::vector<OverrideRow>> SqliteStewardRepository::ListLiveOverrides() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "SELECT ", kOverrideColumns, " FROM golden_overrides WHERE pinned = 1 OR "
      "applied_run = 0 ORDER BY override_id")));
  return ReadOverrides(s);
}

absl::StatusOr<int64_t> SqliteStewardRepository::InsertChangeRequest(const ChangeRequest& c) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "INSERT INTO change_requests(golden_id, field, value, submitted_by, reason, "
      "submitted_at, status, decided_by, decided_at, decision_reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  BindChange(s, c);
  MDM_RETURN_IF_ERROR(s.Run());
  return db_.LastInsertRowId();
}

absl::Status SqliteStewardRepository::UpdateChangeRequest(const ChangeRequest& c) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "UPDATE change_requests SET golden_id = ?, field = ?, value = ?, submitted_by = ?, "
      "reason = ?, submitted_at = ?, status = ?, decided_by = ?, decided_at = ?, "
      "decision_reason = ? WHERE dcr_id = ?"));
  BindChange(s, c);
  s.Bind(11, c.dcr_id);
  return s.Run();
}

absl::StatusOr<std::optional<ChangeRequest>> SqliteStewardRepository::GetChangeRequest(
    int64_t dcr_id) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "SELECT ", kChangeColumns, " FROM change_requests WHERE dcr_id = ?")));
  s.Bind(1, dcr_id);
  MDM_ASSIGN_OR_RETURN(std::vector<ChangeRequest> found, ReadChanges(s));
  if (found.empty()) return std::optional<ChangeRequest>();
  return std::optional<ChangeRequest>(std::move(found.front()));
}

absl::StatusOr<std::vector<ChangeRequest>> SqliteStewardRepository::ListChangeRequests(
    absl::string_view status, int64_t limit) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(absl::StrCat(
      "SELECT ", kChangeColumns, " FROM change_requests WHERE ?1 = '' OR status = ?1 "
      "ORDER BY dcr_id DESC LIMIT ?2")));
  s.Bind(1, status);
  s.Bind(2, limit);
  return ReadChanges(s);
}

absl::Status SqliteStewardRepository::InsertUser(const UserRow& u) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "INSERT INTO users(name, role, salt, iterations, hash, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING"));
  s.Bind(1, u.name);
  s.Bind(2, u.role);
  s.BindBlob(3, u.salt);
  s.Bind(4, u.iterations);
  s.BindBlob(5, u.hash);
  s.Bind(6, u.created_at);
  MDM_RETURN_IF_ERROR(s.Run());
  if (sqlite3_changes(db_.raw()) != 1) {
    return absl::AlreadyExistsError("user: the name is taken");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<UserRow>> SqliteStewardRepository::FindUser(
    absl::string_view name) {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT name, role, salt, iterations, hash, created_at FROM users WHERE name = ?"));
  s.Bind(1, name);
  MDM_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<UserRow>();
  return std::optional<UserRow>(UserRow{s.ColumnText(0), s.ColumnText(1),
                                        std::string(s.ColumnView(2)), s.ColumnInt(3),
                                        std::string(s.ColumnView(4)), s.ColumnText(5)});
}

absl::StatusOr<std::vector<UserRow>> SqliteStewardRepository::ListUsers() {
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT name, role, created_at FROM users ORDER BY name"));
  std::vector<UserRow> out;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    UserRow u;
    u.name = s.ColumnText(0);
    u.role = s.ColumnText(1);
    u.created_at = s.ColumnText(2);
    out.push_back(std::move(u));
  }
}

absl::StatusOr<std::vector<GoldenRow>> SqliteStewardRepository::SearchGoldens(
    absl::string_view exact, absl::string_view folded, int64_t limit) {
  // A full scan of the golden JSON: about a second per million golden
  // records, fine for a steward's search (an index would cost every run).
  // Restricted golden records (GDPR Art. 18, mdm/privacy.h) are left out.
  MDM_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
      "SELECT seq, golden_id, status, merged_into, created_run, updated_run, content_hash, "
      "golden_json FROM golden_records WHERE status = 0 AND (golden_id = ?1 OR seq IN "
      "(SELECT m.golden_seq FROM source_records r JOIN golden_members m "
      "ON m.record_id = r.record_id WHERE r.source_key = ?1) OR "
      "(?2 <> '' AND instr(golden_json, ?2) > 0)) "
      "AND golden_id NOT IN (SELECT golden_id FROM restrictions) ORDER BY seq LIMIT ?3"));
  s.Bind(1, exact);
  s.Bind(2, folded);
  s.Bind(3, limit);
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
    g.golden_json = s.ColumnText(7);
    out.push_back(std::move(g));
  }
}

}  // namespace mdm::store
