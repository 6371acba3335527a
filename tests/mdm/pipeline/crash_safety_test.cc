// SPDX-License-Identifier: Apache-2.0
// A run is one transaction: a process killed in the middle of a run leaves
// the store exactly as it was, and running again completes the work.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/engine.h"
#include "mdm/status.h"
#include "mdm/store/sqlite_db.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

constexpr int kFiles = 5;
constexpr int kRowsPerFile = 4000;

void WriteInputs(const testing::TempDir& dir) {
  dir.Write("mdm.yaml",
            "version: 1\nsources:\n  - name: crm\n    type: rep\n    files: crm_*.csv\n"
            "    mapping: {id: source_key, nom: family_name, prenom: given_name, tel: phone}\n");
  for (int f = 0; f < kFiles; ++f) {
    std::string rows = "id,nom,prenom,tel\n";
    for (int i = 0; i < kRowsPerFile; ++i) {
      absl::StrAppend(&rows, "K", f, "-", i, ",Nom", i % 977, ",Prenom", i % 131,
                      ",01 99 00 ", 10 + i % 90, " ", 10 + f, "\n");
    }
    dir.Write(absl::StrCat("crm_", f, ".csv"), rows);
  }
}

// The number of runs, then (source, key, content hash, golden id) of every
// current record and (golden id, status, content hash) of every golden
// record, in key order: equal snapshots mean equal stores, golden records
// and crosswalk included.
std::string Snapshot(const std::string& db_path) {
  auto db = *store::SqliteDb::Open(db_path, store::SqliteDb::kMustExist);
  std::string out = absl::StrCat("runs=", *db->QueryInt("SELECT count(*) FROM runs"), "\n");
  for (const char* sql :
       {"SELECT r.source || '/' || r.source_key || '/' || r.content_sha256 || '/' || "
        "coalesce(g.golden_id, '-') FROM source_records r "
        "LEFT JOIN golden_members m ON m.record_id = r.record_id AND m.active = 1 "
        "LEFT JOIN golden_records g ON g.seq = m.golden_seq ORDER BY r.source, r.source_key",
        "SELECT golden_id || '/' || status || '/' || content_hash FROM golden_records "
        "ORDER BY golden_id"}) {
    auto stmt = *db->Prepare(sql);
    while (*stmt.Step()) absl::StrAppend(&out, stmt.ColumnText(0), "\n");
  }
  return out;
}

absl::StatusOr<RunReport> RunOnce(const std::string& dir, const std::string& db,
                                  const RunOptions& options = {}) {
  EngineOptions engine_options;
  engine_options.db_path = db;
  engine_options.create_if_missing = true;
  MDM_ASSIGN_OR_RETURN(auto engine, Engine::Open(engine_options));
  MDM_ASSIGN_OR_RETURN(Config config, LoadConfig(dir + "/mdm.yaml"));
  return engine->Run(config, options);
}

TEST_CASE("Crash safety: SIGKILL mid-run leaves the store as before and a rerun completes",
          "[pipeline][crash]") {
  testing::TempDir dir;
  WriteInputs(dir);
  const std::string db = dir.File("mdm.db");
  const std::string marker = dir.File("two_files_done");

  // A first, complete run over one file sets the "before" state; or the
  // killed run is the store's first (it writes with a rollback journal
  // rather than the WAL: see SqliteStore::BeginWrite).
  bool first_run = false;
  SECTION("a store with records") { first_run = true; }
  SECTION("an empty store") {}
  auto run_first_file = [&](const std::string& store) {
    testing::TempDir first;
    std::filesystem::copy(dir.File("crm_0.csv"), first.File("crm_0.csv"));
    std::filesystem::copy(dir.File("mdm.yaml"), first.File("mdm.yaml"));
    REQUIRE(RunOnce(first.path(), store).ok());
  };
  if (first_run) {
    run_first_file(db);
  } else {
    EngineOptions create;
    create.db_path = db;
    create.create_if_missing = true;
    REQUIRE(Engine::Open(create).ok());
  }
  const std::string before = Snapshot(db);

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    RunOptions options;
    int done = 0;
    options.on_file_done = [&](const FileReport&) {
      if (++done == 2) testing::TempDir::Touch(marker);
    };
    RunOnce(dir.path(), db, options).IgnoreError();
    _exit(0);
  }
  // Kill the child once it is well inside the run's transaction.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!std::filesystem::exists(marker) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(std::filesystem::exists(marker));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  // The killed first run left a hot rollback journal; a later run, its WAL.
  CHECK(std::filesystem::exists(db + "-journal") == !first_run);

  CHECK(Snapshot(db) == before);
  // The first run made golden records.
  CHECK((before.find("/G") != std::string::npos) == first_run);
  {
    auto handle = *store::SqliteDb::Open(db, store::SqliteDb::kMustExist);
    auto check = *handle->Prepare("PRAGMA integrity_check");
    REQUIRE(*check.Step());
    CHECK(check.ColumnText(0) == "ok");
  }

  // Rerunning completes the work: the store equals one that was never killed.
  auto rerun = RunOnce(dir.path(), db);
  REQUIRE(rerun.ok());
  CHECK(rerun->files[0].skipped == first_run);  // crm_0 was loaded by the first run
  const std::string reference_db = dir.File("reference.db");
  if (first_run) run_first_file(reference_db);
  REQUIRE(RunOnce(dir.path(), reference_db).ok());
  CHECK(Snapshot(db) == Snapshot(reference_db));
}

}  // namespace
}  // namespace mdm
