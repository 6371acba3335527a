// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/sqlite_store.h"

#include <catch2/catch.hpp>

#include "mdm/model/record_json.h"
#include "mdm/store/migrator.h"
#include "mdm/store/sqlite_db.h"
#include "tests/testing/temp_dir.h"

namespace mdm::store {
namespace {

using ingest::CurrentVersion;
using ingest::Outcome;
using ingest::VersionDecision;
using Action = VersionDecision::Action;

RecordVersion Version(const std::string& key, const std::string& family,
                      int64_t file_id, int64_t line) {
  SourceRecord r;
  r.source = "crm";
  r.source_key = key;
  r.name.family_name = family;
  RecordVersion v;
  v.source = "crm";
  v.source_key = key;
  v.file_id = file_id;
  v.line = line;
  v.record_json = model::RecordToJson(r);
  v.content_sha256 = family;  // any text that differs with the content
  v.raw_json = "{}";
  return v;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<Store> store;
  int64_t run = 0;
  int64_t file = 0;

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
};

TEST_CASE("OpenSqliteStore: creates, migrates and refuses what it cannot use", "[store]") {
  testing::TempDir dir;
  SECTION("missing file with kMustExist is NotFound and creates nothing") {
    auto store = OpenSqliteStore(dir.File("none.db"), OpenMode::kMustExist);
    CHECK(store.status().code() == absl::StatusCode::kNotFound);
    CHECK_FALSE(std::filesystem::exists(dir.File("none.db")));
  }
  SECTION("a file that is not a database is DataLoss") {
    const std::string path = dir.Write("junk.db", std::string(4096, 'x'));
    auto store = OpenSqliteStore(path, OpenMode::kMustExist);
    CHECK(store.status().code() == absl::StatusCode::kDataLoss);
  }
  SECTION("a schema newer than this binary is FailedPrecondition") {
    {
      auto db = *SqliteDb::Open(dir.File("new.db"), SqliteDb::kCreate);
      REQUIRE(db->Exec("PRAGMA user_version = 9999").ok());
    }
    auto store = OpenSqliteStore(dir.File("new.db"), OpenMode::kMustExist);
    CHECK(store.status().code() == absl::StatusCode::kFailedPrecondition);
  }
  SECTION("migrations reach the latest version and reopening is a no-op") {
    REQUIRE(OpenSqliteStore(dir.File("m.db"), OpenMode::kCreate).ok());
    REQUIRE(OpenSqliteStore(dir.File("m.db"), OpenMode::kMustExist).ok());
    auto db = *SqliteDb::Open(dir.File("m.db"), SqliteDb::kMustExist);
    CHECK(*db->QueryInt("PRAGMA user_version") == LatestSchemaVersion());
    CHECK(LatestSchemaVersion() >= 1);
  }
}

TEST_CASE("SqliteStore: versions move to history as decided", "[store]") {
  Fixture fx;
  Store& store = *fx.store;
  REQUIRE(store.ApplyVersion({}, std::nullopt, Version("K1", "Martin", fx.file, 2), fx.run).ok());
  auto current = *store.FindCurrent("crm", "K1");
  REQUIRE(current.has_value());
  CHECK(current->seen_run == fx.run);
  CHECK(current->seen_outcome == Outcome::kInserted);

  VersionDecision replace;
  replace.action = Action::kReplace;
  replace.history_reason = "replaced";
  replace.outcome = Outcome::kUpdated;
  REQUIRE(store.ApplyVersion(replace, current, Version("K1", "Martine", fx.file, 5), fx.run).ok());

  VersionDecision archive;
  archive.action = Action::kArchiveIncoming;
  archive.history_reason = "older_than_current";
  archive.outcome = Outcome::kStale;
  current = *store.FindCurrent("crm", "K1");
  REQUIRE(store.ApplyVersion(archive, current, Version("K1", "Old", fx.file, 9), fx.run).ok());
  REQUIRE(store.Commit().ok());

  auto record = *store.GetRecord("crm", "K1");
  REQUIRE(record.has_value());
  CHECK(record->current.record.name.family_name == "Martine");
  CHECK(record->current.line == 5);
  CHECK(record->current.file == "crm.csv");
  REQUIRE(record->history.size() == 2);
  CHECK(record->history[0].status == "older_than_current");
  CHECK(record->history[0].record.name.family_name == "Old");
  CHECK(record->history[1].status == "replaced");
  CHECK(record->history[1].record.name.family_name == "Martin");
  CHECK(*store.CountRecords("crm") == 1);
  CHECK_FALSE((*store.GetRecord("crm", "unknown")).has_value());
}

TEST_CASE("SqliteStore: a rolled back run leaves nothing", "[store]") {
  Fixture fx;
  REQUIRE(fx.store->ApplyVersion({}, std::nullopt, Version("K1", "A", fx.file, 2), fx.run).ok());
  REQUIRE(fx.store->Rollback().ok());
  CHECK(*fx.store->CountRecords("") == 0);
  CHECK((*fx.store->ListFiles("")).empty());
  CHECK((*fx.store->ListRuns(10)).empty());
}

TEST_CASE("SqliteStore: files, runs and issues are listed back", "[store]") {
  Fixture fx;
  Store& store = *fx.store;
  RunCounts counts;
  counts.rows_read = 3;
  counts.accepted = 2;
  counts.rejected = 1;
  REQUIRE(store.SetFileCounts(fx.file, counts).ok());
  model::RowIssue reject{"crm.csv", 4, "zip", model::IssueReason::kTooFewFields,
                         "expected 5 fields, got 4", "K9"};
  model::RowIssue warning{"crm.csv", 2, "rpps", model::IssueReason::kInvalidIdentifier,
                          "check digit", "K1"};
  REQUIRE(store.AddIssue(fx.run, fx.file, "crm", reject, "a,b,c,d").ok());
  REQUIRE(store.AddIssue(fx.run, fx.file, "crm", warning, "").ok());
  REQUIRE(store.FinishRun(fx.run, "2026-01-01T00:00:05Z", R"({"ok":true})").ok());
  REQUIRE(store.Commit().ok());

  auto found = *store.FindFile("crm", "f1");
  REQUIRE(found.has_value());
  CHECK(found->counts.rows_read == 3);
  CHECK_FALSE((*store.FindFile("other", "f1")).has_value());

  IssueQuery rejects_only;
  auto rejects = *store.ListIssues(rejects_only);
  REQUIRE(rejects.size() == 1);
  CHECK(rejects[0].reason == "too_few_fields");
  CHECK(rejects[0].line == 4);
  CHECK_FALSE(rejects[0].warning);
  IssueQuery all;
  all.include_warnings = true;
  CHECK((*store.ListIssues(all)).size() == 2);
  all.source = "other";
  CHECK((*store.ListIssues(all)).empty());

  auto runs = *store.ListRuns(10);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].finished_at == "2026-01-01T00:00:05Z");
  CHECK(runs[0].report_json == R"({"ok":true})");
}

}  // namespace
}  // namespace mdm::store
