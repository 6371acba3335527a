// SPDX-License-Identifier: Apache-2.0
// The golden tables of the SQLite store (golden records, members, events,
// pending records, the run's survivorship setting), driven through the
// Store interface that forwards to SqliteGoldenRepository; raw SQL only
// checks what the interface does not return.
#include "mdm/store/sqlite_golden_repository.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/model/record_json.h"
#include "mdm/store/sqlite_db.h"
#include "mdm/store/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace mdm::store {
namespace {

RecordVersion Version(const std::string& source, const std::string& key, int64_t file_id,
                      bool deleted = false) {
  SourceRecord r;
  r.source = source;
  r.source_key = key;
  r.deleted = deleted;
  if (!deleted) r.name.family_name = "Family" + key;
  RecordVersion v;
  v.source = source;
  v.source_key = key;
  v.file_id = file_id;
  v.line = 2;
  v.record_json = model::RecordToJson(r);
  v.content_sha256 = absl::StrCat(source, key, deleted ? "-deleted" : "");
  v.raw_json = "{}";
  v.deleted = deleted;
  return v;
}

GoldenRow Golden(const std::string& id, int64_t run, const std::string& json) {
  GoldenRow g;
  g.seq = 999;  // ignored by InsertGolden
  g.golden_id = id;
  g.status = GoldenStatus::kActive;
  g.created_run = run;
  g.updated_run = run;
  g.content_hash = "h-" + id;
  g.golden_json = json;
  return g;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<Store> store;
  int64_t run = 0;
  int64_t file = 0;

  // Opens a store and starts a run inside a write transaction.
  Fixture() {
    store = *OpenSqliteStore(dir.File("mdm.db"), OpenMode::kCreate);
    REQUIRE(store->BeginWrite().ok());
    run = *store->StartRun("2026-01-01T00:00:00Z", "mdm.yaml", "abc");
    LoadedFile f;
    f.source = "crm";
    f.path = "crm.csv";
    f.sha256 = "f1";
    f.run_id = run;
    file = *store->AddFile(f);
  }

  // Inserts a current record and returns its record id.
  int64_t Add(const std::string& source, const std::string& key, bool deleted = false) {
    REQUIRE(store->ApplyVersion({}, std::nullopt, Version(source, key, file, deleted), run).ok());
    auto current = *store->FindCurrent(source, key);
    REQUIRE(current.has_value());
    return current->record_id;
  }

  std::unique_ptr<SqliteDb> Raw() const {
    return *SqliteDb::Open(dir.File("mdm.db"), SqliteDb::kMustExist);
  }
};

TEST_CASE("SqliteGoldenRepository: golden records are inserted, found, listed and updated",
          "[store]") {
  Fixture fx;
  auto seq_a = fx.store->InsertGolden(Golden("GA", fx.run, R"({"members":["crm:K1"]})"));
  auto seq_b = fx.store->InsertGolden(Golden("GB", fx.run, R"({"members":["crm:K2"]})"));
  REQUIRE(seq_a.ok());
  REQUIRE(seq_b.ok());
  CHECK(*seq_a != 999);  // the row's seq is ignored
  CHECK(*seq_b > *seq_a);  // creation order

  SECTION("GetGolden by seq and FindGolden by id return every column") {
    for (auto found : {*fx.store->GetGolden(*seq_b), *fx.store->FindGolden("GB")}) {
      REQUIRE(found.has_value());
      CHECK(found->seq == *seq_b);
      CHECK(found->golden_id == "GB");
      CHECK(found->status == GoldenStatus::kActive);
      CHECK(found->merged_into.empty());
      CHECK(found->created_run == fx.run);
      CHECK(found->updated_run == fx.run);
      CHECK(found->content_hash == "h-GB");
      CHECK(found->golden_json == R"({"members":["crm:K2"]})");
    }
  }
  SECTION("unknown seq or id: nullopt, not an error") {
    auto by_seq = fx.store->GetGolden(*seq_b + 100);
    REQUIRE(by_seq.ok());
    CHECK_FALSE(by_seq->has_value());
    auto by_id = fx.store->FindGolden("GZ");
    REQUIRE(by_id.ok());
    CHECK_FALSE(by_id->has_value());
  }
  SECTION("ListGoldens: by seq, without the JSON") {
    const std::vector<GoldenRow> all = *fx.store->ListGoldens();
    REQUIRE(all.size() == 2);
    CHECK(all[0].seq == *seq_a);
    CHECK(all[0].golden_id == "GA");
    CHECK(all[0].content_hash == "h-GA");
    CHECK(all[0].golden_json.empty());
    CHECK(all[1].golden_id == "GB");
    CHECK(all[1].created_run == fx.run);
  }
  SECTION("a golden id is unique: AlreadyExists") {
    auto again = fx.store->InsertGolden(Golden("GA", fx.run, "{}"));
    CHECK(again.status().code() == absl::StatusCode::kAlreadyExists);
  }
  SECTION("UpdateGolden rewrites status, merged_into, updated_run, hash and JSON only") {
    GoldenRow row = **fx.store->GetGolden(*seq_b);
    row.golden_id = "RENAMED";  // not rewritten
    row.created_run = 77;       // not rewritten
    row.status = GoldenStatus::kMerged;
    row.merged_into = "GA";
    row.updated_run = fx.run + 1;
    row.content_hash = "h2";
    row.golden_json = R"({"members":[]})";
    REQUIRE(fx.store->UpdateGolden(row).ok());
    auto back = *fx.store->GetGolden(*seq_b);
    REQUIRE(back.has_value());
    CHECK(back->golden_id == "GB");
    CHECK(back->created_run == fx.run);
    CHECK(back->status == GoldenStatus::kMerged);
    CHECK(back->merged_into == "GA");
    CHECK(back->updated_run == fx.run + 1);
    CHECK(back->content_hash == "h2");
    CHECK(back->golden_json == R"({"members":[]})");
    CHECK_FALSE((*fx.store->FindGolden("RENAMED")).has_value());
    // The other row is untouched.
    auto a = *fx.store->GetGolden(*seq_a);
    CHECK(a->status == GoldenStatus::kActive);
    CHECK(a->content_hash == "h-GA");

    row.status = GoldenStatus::kRetired;
    row.merged_into.clear();
    REQUIRE(fx.store->UpdateGolden(row).ok());
    CHECK((*fx.store->FindGolden("GB"))->status == GoldenStatus::kRetired);
  }
  REQUIRE(fx.store->Commit().ok());
}

TEST_CASE("SqliteGoldenRepository: PutGoldenMember inserts or replaces and ListClusters lists "
          "active members only",
          "[store]") {
  Fixture fx;
  const int64_t k1 = fx.Add("crm", "K1");
  const int64_t k2 = fx.Add("crm", "K2");
  const int64_t k3 = fx.Add("crm", "K3");
  const int64_t g1 = *fx.store->InsertGolden(Golden("G1", fx.run, "{}"));
  const int64_t g2 = *fx.store->InsertGolden(Golden("G2", fx.run, "{}"));
  REQUIRE(fx.store->PutGoldenMember({k3, g1, true}, fx.run).ok());
  REQUIRE(fx.store->PutGoldenMember({k1, g1, true}, fx.run).ok());
  REQUIRE(fx.store->PutGoldenMember({k2, g2, true}, fx.run).ok());

  std::vector<GoldenMemberRow> members = *fx.store->ListGoldenMembers();
  REQUIRE(members.size() == 3);
  CHECK(members[0].record_id == k1);  // by record id
  CHECK(members[0].golden_seq == g1);
  CHECK(members[0].active);
  CHECK(members[1].record_id == k2);
  CHECK(members[1].golden_seq == g2);
  CHECK(members[2].record_id == k3);

  const int64_t run2 = *fx.store->StartRun("2026-01-02T00:00:00Z", "mdm.yaml", "abc");
  // k1 moves to G2; k3 leaves (deleted).
  REQUIRE(fx.store->PutGoldenMember({k1, g2, true}, run2).ok());
  REQUIRE(fx.store->PutGoldenMember({k3, g1, false}, run2).ok());
  members = *fx.store->ListGoldenMembers();
  REQUIRE(members.size() == 3);  // replaced, not added
  CHECK(members[0].golden_seq == g2);
  CHECK(members[2].golden_seq == g1);
  CHECK_FALSE(members[2].active);

  const std::vector<ClusterAssignment> clusters = *fx.store->ListClusters();
  REQUIRE(clusters.size() == 2);
  CHECK(clusters[0].record_id == k1);
  CHECK(clusters[0].cluster_id == g2);
  CHECK(clusters[1].record_id == k2);
  CHECK(clusters[1].cluster_id == g2);
  REQUIRE(fx.store->Commit().ok());
  // The run that last changed each row is stored.
  CHECK(*fx.Raw()->QueryInt(absl::StrCat("SELECT run_id FROM golden_members WHERE record_id = ",
                                        k1)) == run2);
  CHECK(*fx.Raw()->QueryInt(absl::StrCat("SELECT run_id FROM golden_members WHERE record_id = ",
                                        k2)) == fx.run);
}

TEST_CASE("SqliteGoldenRepository: events are listed per golden record in order, with their "
          "run's start",
          "[store]") {
  Fixture fx;
  const int64_t g1 = *fx.store->InsertGolden(Golden("G1", fx.run, "{}"));
  const int64_t g2 = *fx.store->InsertGolden(Golden("G2", fx.run, "{}"));
  REQUIRE(fx.store->AddGoldenEvent(g1, fx.run, "created", R"({"records":["crm:K1"]})").ok());
  REQUIRE(fx.store->AddGoldenEvent(g2, fx.run, "created", R"({"records":["crm:K2"]})").ok());
  const int64_t run2 = *fx.store->StartRun("2026-03-04T05:06:07Z", "mdm.yaml", "abc");
  REQUIRE(fx.store->AddGoldenEvent(g1, run2, "merged", R"({"absorbed":["G2"]})").ok());
  REQUIRE(fx.store->AddGoldenEvent(g2, run2, "merged_into", R"({"into":"G1"})").ok());
  REQUIRE(fx.store->AddGoldenEvent(g1, run2 + 50, "updated", "{}").ok());  // no such run
  REQUIRE(fx.store->Commit().ok());

  const std::vector<GoldenEventRow> events = *fx.store->ListGoldenEvents(g1);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == "created");
  CHECK(events[0].run_id == fx.run);
  CHECK(events[0].at == "2026-01-01T00:00:00Z");
  CHECK(events[0].detail_json == R"({"records":["crm:K1"]})");
  CHECK(events[1].kind == "merged");
  CHECK(events[1].run_id == run2);
  CHECK(events[1].at == "2026-03-04T05:06:07Z");
  CHECK(events[1].event_id > events[0].event_id);
  CHECK(events[2].kind == "updated");
  CHECK(events[2].at.empty());  // a run that does not exist has no time
  const std::vector<GoldenEventRow> other = *fx.store->ListGoldenEvents(g2);
  REQUIRE(other.size() == 2);
  CHECK(other[1].kind == "merged_into");
  CHECK(other[1].detail_json == R"({"into":"G1"})");
  CHECK((*fx.store->ListGoldenEvents(g2 + 10)).empty());
}

TEST_CASE("SqliteGoldenRepository: FindRecordGolden tells unknown, unmatched, member and "
          "deleted apart",
          "[store]") {
  Fixture fx;
  const int64_t k1 = fx.Add("crm", "K1");
  const int64_t k2 = fx.Add("crm", "K2");
  const int64_t gone = fx.Add("crm", "GONE", /*deleted=*/true);
  const int64_t g1 = *fx.store->InsertGolden(Golden("G1", fx.run, "{}"));
  REQUIRE(fx.store->PutGoldenMember({k1, g1, true}, fx.run).ok());
  REQUIRE(fx.store->PutGoldenMember({gone, g1, false}, fx.run).ok());
  REQUIRE(fx.store->Commit().ok());

  SECTION("unknown key or source: nullopt") {
    auto unknown = fx.store->FindRecordGolden("crm", "K9");
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->has_value());
    CHECK_FALSE((*fx.store->FindRecordGolden("msl", "K1")).has_value());
  }
  SECTION("loaded but never matched: no member") {
    auto r = *fx.store->FindRecordGolden("crm", "K2");
    REQUIRE(r.has_value());
    CHECK(r->record_id == k2);
    CHECK_FALSE(r->deleted);
    CHECK_FALSE(r->member.has_value());
  }
  SECTION("a member") {
    auto r = *fx.store->FindRecordGolden("crm", "K1");
    REQUIRE(r.has_value());
    CHECK(r->record_id == k1);
    CHECK_FALSE(r->deleted);
    REQUIRE(r->member.has_value());
    CHECK(r->member->record_id == k1);
    CHECK(r->member->golden_seq == g1);
    CHECK(r->member->active);
  }
  SECTION("a deleted record keeps its inactive membership") {
    auto r = *fx.store->FindRecordGolden("crm", "GONE");
    REQUIRE(r.has_value());
    CHECK(r->record_id == gone);
    CHECK(r->deleted);
    REQUIRE(r->member.has_value());
    CHECK(r->member->golden_seq == g1);
    CHECK_FALSE(r->member->active);
  }
}

TEST_CASE("SqliteGoldenRepository: pending records are added once, listed ascending, cleared",
          "[store]") {
  Fixture fx;
  CHECK((*fx.store->ListPendingRecords()).empty());
  REQUIRE(fx.store->AddPendingRecord(42).ok());
  REQUIRE(fx.store->AddPendingRecord(7).ok());
  REQUIRE(fx.store->AddPendingRecord(42).ok());  // already there: ignored
  CHECK(*fx.store->ListPendingRecords() == std::vector<int64_t>{7, 42});

  SECTION("a replaced current version is pending too") {
    const int64_t k1 = fx.Add("crm", "K1");
    CHECK(*fx.store->ListPendingRecords() == std::vector<int64_t>{7, 42});  // inserts are not
    auto current = *fx.store->FindCurrent("crm", "K1");
    RecordVersion newer = Version("crm", "K1", fx.file);
    newer.observed_at = "2026-05-01";
    newer.content_sha256 = "other content";
    const int64_t run2 = *fx.store->StartRun("2026-01-02T00:00:00Z", "mdm.yaml", "abc");
    ingest::VersionDecision decision;
    decision.action = ingest::VersionDecision::Action::kReplace;
    decision.history_reason = "superseded";
    decision.outcome = ingest::Outcome::kUpdated;
    REQUIRE(fx.store->ApplyVersion(decision, current, newer, run2).ok());
    const std::vector<int64_t> pending = *fx.store->ListPendingRecords();
    CHECK(std::count(pending.begin(), pending.end(), k1) == 1);
  }
  SECTION("cleared") {
    REQUIRE(fx.store->ClearPendingRecords().ok());
    CHECK((*fx.store->ListPendingRecords()).empty());
  }
  REQUIRE(fx.store->Commit().ok());
}

TEST_CASE("SqliteGoldenRepository: the newest run's survivorship setting", "[store]") {
  Fixture fx;
  auto none = fx.store->LatestGoldenSetting();
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  REQUIRE(fx.store->SetRunGoldenSetting(fx.run, R"({"v":1})").ok());
  CHECK(**fx.store->LatestGoldenSetting() == R"({"v":1})");
  // A newer run without a setting (load only) does not hide it.
  const int64_t run2 = *fx.store->StartRun("2026-01-02T00:00:00Z", "mdm.yaml", "abc");
  CHECK(**fx.store->LatestGoldenSetting() == R"({"v":1})");
  REQUIRE(fx.store->SetRunGoldenSetting(run2, R"({"v":2})").ok());
  CHECK(**fx.store->LatestGoldenSetting() == R"({"v":2})");
  // Rewriting the older run's setting does not make it the newest.
  REQUIRE(fx.store->SetRunGoldenSetting(fx.run, R"({"v":3})").ok());
  CHECK(**fx.store->LatestGoldenSetting() == R"({"v":2})");
  REQUIRE(fx.store->Commit().ok());
}

TEST_CASE("SqliteGoldenRepository: ReadRecordJsons visits the records in the given order",
          "[store]") {
  Fixture fx;
  const int64_t k1 = fx.Add("crm", "K1");
  const int64_t k2 = fx.Add("crm", "K2");
  const int64_t k3 = fx.Add("crm", "K3");
  REQUIRE(fx.store->Commit().ok());

  std::vector<std::pair<int64_t, std::string>> seen;
  auto collect = [&](int64_t id, absl::string_view json) {
    seen.emplace_back(id, std::string(json));
    return absl::OkStatus();
  };
  REQUIRE(fx.store->ReadRecordJsons({k1, k3}, collect).ok());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].first == k1);
  CHECK(seen[0].second == *fx.store->RecordJson(k1));
  CHECK(seen[0].second.find("FamilyK1") != std::string::npos);
  CHECK(seen[1].first == k3);
  CHECK(seen[1].second.find("FamilyK3") != std::string::npos);

  SECTION("an unknown id is NotFound naming it; records before it were visited") {
    seen.clear();
    const int64_t unknown = k1 + k2 + k3 + 100;
    absl::Status status = fx.store->ReadRecordJsons({k1, unknown, k3}, collect);
    CHECK(status.code() == absl::StatusCode::kNotFound);
    CHECK(std::string(status.message()).find(absl::StrCat(unknown)) != std::string::npos);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].first == k1);
    // The cached statement was reset: the next call works.
    seen.clear();
    REQUIRE(fx.store->ReadRecordJsons({k2}, collect).ok());
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].second.find("FamilyK2") != std::string::npos);
  }
  SECTION("the visitor's error stops the visit and is returned") {
    int visits = 0;
    absl::Status status = fx.store->ReadRecordJsons({k1, k2, k3}, [&](int64_t, absl::string_view) {
      return ++visits == 2 ? absl::DataLossError("bad json") : absl::OkStatus();
    });
    CHECK(status.code() == absl::StatusCode::kDataLoss);
    CHECK(visits == 2);
  }
  SECTION("no ids: no visit") {
    int visits = 0;
    REQUIRE(fx.store
                ->ReadRecordJsons({}, [&](int64_t, absl::string_view) {
                  ++visits;
                  return absl::OkStatus();
                })
                .ok());
    CHECK(visits == 0);
  }
}

}  // namespace
}  // namespace mdm::store
