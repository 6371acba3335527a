// SPDX-License-Identifier: Apache-2.0
// The matching tables of the SQLite store, driven through the Store
// interface that forwards to SqliteMatchRepository; raw SQL only checks
// what the interface does not return.
#include "mdm/store/sqlite_match_repository.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/model/record_json.h"
#include "mdm/store/migrator.h"
#include "mdm/store/sqlite_db.h"
#include "mdm/store/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace mdm::store {
namespace {

RecordVersion Version(const std::string& source, const std::string& key, int64_t file_id,
                      const std::string& match_keys) {
  SourceRecord r;
  r.source = source;
  r.source_key = key;
  r.name.family_name = "Family" + key;
  RecordVersion v;
  v.source = source;
  v.source_key = key;
  v.file_id = file_id;
  v.line = 2;
  v.record_json = model::RecordToJson(r);
  v.content_sha256 = source + key;
  v.raw_json = "{}";
  v.match_keys = match_keys;
  return v;
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
  int64_t Add(const std::string& source, const std::string& key, const std::string& keys) {
    REQUIRE(store->ApplyVersion({}, std::nullopt, Version(source, key, file, keys), run).ok());
    auto current = *store->FindCurrent(source, key);
    REQUIRE(current.has_value());
    return current->record_id;
  }

  // A second connection to the same file, for what the interface hides.
  std::unique_ptr<SqliteDb> Raw() const {
    return *SqliteDb::Open(dir.File("mdm.db"), SqliteDb::kMustExist);
  }
};

struct Visited {
  int64_t record_id;
  std::string name;
  std::string keys;
};

std::vector<Visited> Scan(Store& store) {
  std::vector<Visited> out;
  REQUIRE(store
              .ScanMatchKeys([&](int64_t id, absl::string_view source, absl::string_view key,
                                 absl::string_view keys) {
                out.push_back({id, absl::StrCat(source, "/", key), std::string(keys)});
                return absl::OkStatus();
              })
              .ok());
  return out;
}

TEST_CASE("SqliteMatchRepository: ScanMatchKeys visits records in (source, source_key) order",
          "[store]") {
  Fixture fx;
  const std::string binary("\x03\x00\xff keys", 8);  // blobs keep every byte
  const int64_t k2 = fx.Add("crm", "K2", "k2");
  const int64_t k10 = fx.Add("crm", "K10", binary);
  const int64_t z = fx.Add("abc", "Z", "z");
  const int64_t k1 = fx.Add("crm", "K1", "k1");
  REQUIRE(fx.store->Commit().ok());

  std::vector<Visited> seen = Scan(*fx.store);
  REQUIRE(seen.size() == 4);
  CHECK(seen[0].name == "abc/Z");
  CHECK(seen[0].record_id == z);
  CHECK(seen[1].name == "crm/K1");
  CHECK(seen[1].record_id == k1);
  CHECK(seen[2].name == "crm/K10");  // text order: K10 before K2
  CHECK(seen[2].record_id == k10);
  CHECK(seen[2].keys == binary);
  CHECK(seen[3].name == "crm/K2");
  CHECK(seen[3].record_id == k2);
  CHECK(seen[3].keys == "k2");

  SECTION("a record without a keys row is visited with empty keys") {
    REQUIRE(
        fx.Raw()->Exec(absl::StrCat("DELETE FROM record_match_keys WHERE record_id = ", k1)).ok());
    seen = Scan(*fx.store);
    REQUIRE(seen.size() == 4);
    CHECK(seen[1].name == "crm/K1");
    CHECK(seen[1].keys.empty());
    CHECK(seen[0].keys == "z");
  }
  SECTION("the visitor's error stops the scan and is returned") {
    int visits = 0;
    absl::Status status = fx.store->ScanMatchKeys(
        [&](int64_t, absl::string_view, absl::string_view, absl::string_view) {
          return ++visits == 2 ? absl::DataLossError("bad keys") : absl::OkStatus();
        });
    CHECK(status.code() == absl::StatusCode::kDataLoss);
    CHECK(visits == 2);
  }
  SECTION("RecordJson returns the stored record, NotFound for an unknown id") {
    auto json = fx.store->RecordJson(k2);
    REQUIRE(json.ok());
    CHECK(json->find("FamilyK2") != std::string::npos);
    CHECK(fx.store->RecordJson(k1 + k2 + k10 + z + 100).status().code() ==
          absl::StatusCode::kNotFound);
  }
}

TEST_CASE("SqliteMatchRepository: PutMatchKeys inserts or replaces a record's keys", "[store]") {
  Fixture fx;
  const int64_t id = fx.Add("crm", "K1", "old");
  REQUIRE(fx.store->Commit().ok());
  REQUIRE(fx.Raw()->Exec("DELETE FROM record_match_keys").ok());
  CHECK(Scan(*fx.store)[0].keys.empty());

  REQUIRE(fx.store->BeginWrite().ok());
  REQUIRE(fx.store->PutMatchKeys(id, "first").ok());   // no row: inserted
  REQUIRE(fx.store->PutMatchKeys(id, "second").ok());  // a row: replaced
  REQUIRE(fx.store->Commit().ok());
  CHECK(Scan(*fx.store)[0].keys == "second");
  CHECK(*fx.Raw()->QueryInt("SELECT count(*) FROM record_match_keys") == 1);
}

TEST_CASE("SqliteMatchRepository: LatestModel picks the newest model of a fingerprint", "[store]") {
  Fixture fx;
  CHECK_FALSE((*fx.store->LatestModel("")).has_value());
  CHECK_FALSE((*fx.store->LatestModel("fp-a")).has_value());
  const int64_t a1 = *fx.store->AddModel("2026-01-01T00:00:00Z", fx.run, "fp-a", R"({"v":1})", "");
  const int64_t b1 = *fx.store->AddModel("2026-01-02T00:00:00Z", 0, "fp-b", R"({"v":2})", "");
  const int64_t a2 = *fx.store->AddModel("2026-01-03T00:00:00Z", fx.run, "fp-a", R"({"v":3})", "");
  REQUIRE(fx.store->Commit().ok());
  CHECK(a1 < b1);
  CHECK(b1 < a2);

  auto a = *fx.store->LatestModel("fp-a");
  REQUIRE(a.has_value());
  CHECK(a->model_id == a2);
  CHECK(a->model_json == R"({"v":3})");
  auto b = *fx.store->LatestModel("fp-b");
  REQUIRE(b.has_value());
  CHECK(b->model_id == b1);
  CHECK(b->model_json == R"({"v":2})");
  auto any = *fx.store->LatestModel("");
  REQUIRE(any.has_value());
  CHECK(any->model_id == a2);
  CHECK_FALSE((*fx.store->LatestModel("fp-c")).has_value());
  // A model trained outside a run (`mdm train`) has no run.
  auto raw = fx.Raw();
  CHECK(*raw->QueryInt(
            absl::StrCat("SELECT run_id IS NULL FROM match_models WHERE model_id = ", b1)) == 1);
  CHECK(*raw->QueryInt(absl::StrCat("SELECT run_id FROM match_models WHERE model_id = ", a1)) ==
        fx.run);
}

TEST_CASE("SqliteMatchRepository: LatestRunMatching is the setting of the newest run that has one",
          "[store]") {
  Fixture fx;
  CHECK_FALSE((*fx.store->LatestRunMatching()).has_value());
  REQUIRE(fx.store->SetRunMatching(fx.run, R"({"setting":1})").ok());
  const int64_t load_only = *fx.store->StartRun("2026-01-02T00:00:00Z", "mdm.yaml", "abc");
  REQUIRE(fx.store->Commit().ok());
  // The newer run matched nothing: the older run's setting still applies.
  auto latest = *fx.store->LatestRunMatching();
  REQUIRE(latest.has_value());
  CHECK(*latest == R"({"setting":1})");

  REQUIRE(fx.store->BeginWrite().ok());
  REQUIRE(fx.store->SetRunMatching(load_only, R"({"setting":2})").ok());
  REQUIRE(fx.store->Commit().ok());
  CHECK(**fx.store->LatestRunMatching() == R"({"setting":2})");
}

ReviewItemRow Item(int64_t a, int64_t b, const std::string& reason, double probability,
                   double weight) {
  ReviewItemRow item;
  item.record_a = a;
  item.record_b = b;
  item.reason = reason;
  item.probability = probability;
  item.match_weight = weight;
  return item;
}

const ReviewItemRow* FindPair(const std::vector<ReviewItemRow>& items, int64_t a, int64_t b) {
  for (const ReviewItemRow& item : items) {
    if (item.record_a == a && item.record_b == b) return &item;
  }
  return nullptr;
}

TEST_CASE(
    "SqliteMatchRepository: ReplaceOpenReviewItems makes the open items exactly the given ones",
    "[store]") {
  Fixture fx;
  std::vector<int64_t> r;
  for (int i = 0; i < 6; ++i) r.push_back(fx.Add("crm", absl::StrCat("K", i), ""));
  const int64_t run1 = fx.run;
  REQUIRE(fx.store
              ->ReplaceOpenReviewItems(run1, {Item(r[0], r[1], "review_band", 0.78, 1.8),
                                              Item(r[0], r[2], "identifier_conflict", 0.9, 3.2),
                                              Item(r[1], r[2], "review_band", 0.76, 1.7),
                                              Item(r[3], r[4], "cannot_link", 0.5, 0)},
                                       nullptr)
              .ok());
  REQUIRE(fx.store->Commit().ok());
  const std::vector<ReviewItemRow> first = *fx.store->ListReviewItems("", 100);
  REQUIRE(first.size() == 4);
  for (const ReviewItemRow& item : first) {
    CHECK(item.status == "open");
    CHECK(item.created_run == run1);
    CHECK(item.updated_run == run1);
  }
  CHECK(first[0].item_id < first[1].item_id);
  // A steward settled (3, 4): no longer open, so no run may touch it.
  REQUIRE(fx.Raw()
              ->Exec(absl::StrCat("UPDATE review_items SET status = 'resolved' WHERE "
                                  "record_a = ",
                                  r[3], " AND record_b = ", r[4]))
              .ok());

  REQUIRE(fx.store->BeginWrite().ok());
  const int64_t run2 = *fx.store->StartRun("2026-01-02T00:00:00Z", "mdm.yaml", "abc");
  REQUIRE(fx.store
              ->ReplaceOpenReviewItems(run2,
                                       {Item(r[0], r[1], "review_band", 0.78, 1.8),   // same
                                        Item(r[0], r[2], "review_band", 0.77, 1.75),  // new values
                                        Item(r[3], r[4], "review_band", 0.79, 1.9),   // settled
                                        Item(r[4], r[5], "review_band", 0.76, 1.6)},  // new
                                       nullptr)
              .ok());
  REQUIRE(fx.store->Commit().ok());
  const std::vector<ReviewItemRow> second = *fx.store->ListReviewItems("", 100);
  REQUIRE(second.size() == 4);  // (1, 2) dropped, (4, 5) added

  const ReviewItemRow* same = FindPair(second, r[0], r[1]);
  REQUIRE(same != nullptr);
  CHECK(same->item_id == first[0].item_id);
  CHECK(same->updated_run == run1);  // nothing changed: not rewritten
  const ReviewItemRow* changed = FindPair(second, r[0], r[2]);
  REQUIRE(changed != nullptr);
  CHECK(changed->item_id == first[1].item_id);
  CHECK(changed->reason == "review_band");
  CHECK(changed->probability == 0.77);
  CHECK(changed->match_weight == 1.75);
  CHECK(changed->created_run == run1);
  CHECK(changed->updated_run == run2);
  CHECK(FindPair(second, r[1], r[2]) == nullptr);
  const ReviewItemRow* settled = FindPair(second, r[3], r[4]);
  REQUIRE(settled != nullptr);
  CHECK(settled->status == "resolved");
  CHECK(settled->reason == "cannot_link");
  CHECK(settled->updated_run == run1);
  const ReviewItemRow* added = FindPair(second, r[4], r[5]);
  REQUIRE(added != nullptr);
  CHECK(added->item_id > first[3].item_id);
  CHECK(added->created_run == run2);

  SECTION("an empty list closes every open item and keeps settled ones") {
    REQUIRE(fx.store->BeginWrite().ok());
    REQUIRE(fx.store->ReplaceOpenReviewItems(run2, {}, nullptr).ok());
    REQUIRE(fx.store->Commit().ok());
    const std::vector<ReviewItemRow> left = *fx.store->ListReviewItems("", 100);
    REQUIRE(left.size() == 1);
    CHECK(left[0].status == "resolved");
  }
  SECTION("ListReviewItems filters by status, oldest first, up to the limit") {
    const std::vector<ReviewItemRow> open = *fx.store->ListReviewItems("open", 100);
    REQUIRE(open.size() == 3);
    CHECK(open[0].item_id < open[1].item_id);
    CHECK(open[1].item_id < open[2].item_id);
    const std::vector<ReviewItemRow> resolved = *fx.store->ListReviewItems("resolved", 100);
    REQUIRE(resolved.size() == 1);
    CHECK(resolved[0].record_a == r[3]);
    const std::vector<ReviewItemRow> limited = *fx.store->ListReviewItems("open", 2);
    REQUIRE(limited.size() == 2);
    CHECK(limited[0].item_id == open[0].item_id);
    CHECK((*fx.store->ListReviewItems("claimed", 100)).empty());
  }
}

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(MDM_SOURCE_DIR) + "/" + relative);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("OpenSqliteStore: a store created by migration 0001 only gains the matching tables",
          "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("old.db");
  {
    auto db = *SqliteDb::Open(path, SqliteDb::kCreate);
    REQUIRE(db->Exec(ReadSource("schemas/sql/sqlite/0001_core.sql")).ok());
    REQUIRE(db->Exec("PRAGMA user_version = 1").ok());
    REQUIRE(db->Exec("INSERT INTO runs VALUES (1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:01Z', "
                     "'mdm.yaml', 'abc', '{}');"
                     "INSERT INTO source_files VALUES (1, 'crm', 'crm.csv', 'f1', 10, 1, 1, 1, 0, "
                     "0, 0);"
                     "INSERT INTO source_records VALUES (1, 'crm', 'K1', 0, '', 1, 2, 1, 1, 0, "
                     "'h', '{}', '{}')")
                .ok());
  }
  REQUIRE(LatestSchemaVersion() >= 2);
  auto store = OpenSqliteStore(path, OpenMode::kMustExist);
  REQUIRE(store.ok());
  {
    auto db = *SqliteDb::Open(path, SqliteDb::kMustExist);
    CHECK(*db->QueryInt("PRAGMA user_version") == LatestSchemaVersion());
    for (const char* table :
         {"record_match_keys", "match_models", "review_items", "golden_records",
          "golden_members", "golden_events", "pending_records"}) {
      CAPTURE(table);
      CHECK(*db->QueryInt(
                absl::StrCat("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '",
                             table, "'")) == 1);
    }
    CHECK(*db->QueryInt("SELECT count(*) FROM runs WHERE matching_json = ''") == 1);
  }
  // What the old store held is still there; it just has no keys or setting.
  CHECK((*(*store)->ListRuns(10)).size() == 1);
  CHECK(*(*store)->CountRecords("crm") == 1);
  CHECK_FALSE((*(*store)->LatestRunMatching()).has_value());
  std::vector<Visited> seen = Scan(**store);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].name == "crm/K1");
  CHECK(seen[0].keys.empty());
  // Opening again is a no-op.
  REQUIRE(OpenSqliteStore(path, OpenMode::kMustExist).ok());
}

}  // namespace
}  // namespace mdm::store
