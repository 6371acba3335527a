// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/batch_runner.h"

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/store/sqlite_store.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/key_file.h"
#include "tests/testing/temp_dir.h"

namespace mdm::pipeline {
namespace {

constexpr char kHeader[] = "id,nom,prenom,rpps,tel,maj\n";

constexpr char kConfig[] = R"(version: 1
sources:
  - name: crm
    type: rep
    files: crm*.csv
    mapping: {id: source_key, nom: family_name, prenom: given_name, rpps: rpps,
              tel: phone, maj: observed_at}
  - name: kol
    type: msl
    files: kol.jsonl
    mapping: {id: source_key, name.last: family_name, "emails[]": email}
)";

struct Harness {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::unique_ptr<store::Store> store;
  Config config;

  Harness() {
    store = *store::OpenSqliteStore(dir.File("mdm.db"), store::OpenMode::kCreate);
    dir.Write("kol.jsonl",
              "{\"id\":\"P1\",\"name\":{\"last\":\"Durand\"},\"emails\":[\"a@example.org\"]}\n"
              "not json\n"
              "[1,2]\n"
              "{\"id\":\"P2\",\"name\":{\"first\":\"x\"}}\n");
    config = *ParseConfig(kConfig, dir.File("mdm.yaml"));
  }

  absl::StatusOr<RunReport> Run(bool dry_run = false, int threads = 2) {
    RunOptions options;
    options.dry_run = dry_run;
    clock.Advance(absl::Minutes(1));
    return RunBatch(config, options, *store, clock, threads, testing::KeyFile(dir));
  }
};

void CheckAddsUp(const RunCounts& c) {
  CHECK(c.rows_read == c.accepted + c.rejected + c.duplicates);
  CHECK(c.accepted == c.inserted + c.updated + c.unchanged + c.stale);
}

TEST_CASE("RunBatch: every row is accepted, rejected or a duplicate", "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader,
      "K1,Martin,Jean,10000000009,0199000001,2026-01-01\n"
      "K2,Dupont,Anne,10000000008,,2026-01-01\n"   // bad check digit: warning
      "K3,\"Unclosed,Paul,,,\n"                   // unbalanced quote
      "K4,Petit\n"                                // too few fields
      ",Roux,Luc,,,\n"                            // no source key
      "K5,,,,,\n"                                 // no name, no identifier
      "K1,Martin,Jean,10000000009,0199000002,2026-02-01\n"));  // newer duplicate
  auto report = h.Run();
  REQUIRE(report.ok());
  CheckAddsUp(report->totals);
  CHECK(report->totals.rows_read == 11);
  CHECK(report->totals.accepted == 3);   // K1, K2, P1
  CHECK(report->totals.duplicates == 1); // first K1
  CHECK(report->totals.rejected == 7);
  CHECK(report->totals.warnings == 1);
  CHECK(report->rejects_by_reason == std::map<std::string, int64_t>{
      {"malformed_json", 1}, {"missing_source_key", 1}, {"no_name_no_identifier", 2},
      {"not_an_object", 1}, {"too_few_fields", 1}, {"unbalanced_quotes", 1}});
  CHECK(report->warnings_by_reason.at("invalid_identifier") == 1);
  for (const FileReport& f : report->files) CheckAddsUp(f.counts);

  IssueQuery rejects;
  auto issues = *h.store->ListIssues(rejects);
  REQUIRE(issues.size() == 7);
  CHECK(issues[0].file == h.dir.File("crm_1.csv"));
  CHECK(issues[0].line == 4);
  CHECK(issues[0].reason == "unbalanced_quotes");
  auto k1 = *h.store->GetRecord("crm", "K1");
  REQUIRE(k1.has_value());
  CHECK(k1->current.line == 8);
  REQUIRE(k1->history.size() == 1);
  CHECK(k1->history[0].status == "duplicate_in_run");
}

TEST_CASE("RunBatch: loading the same files again changes nothing", "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader, "K1,Martin,Jean,,,\n"));
  REQUIRE(h.Run().ok());
  auto again = h.Run();
  REQUIRE(again.ok());
  CHECK(again->totals.rows_read == 0);
  REQUIRE(again->files.size() == 2);
  CHECK(again->files[0].skipped);
  CHECK(again->files[1].skipped);
  CHECK((*h.store->ListFiles("")).size() == 2);
  CHECK((*h.store->ListRuns(10)).size() == 2);
}

TEST_CASE("RunBatch: a new delivery inserts, updates, keeps and ages versions", "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader,
      "K1,Martin,Jean,,,2026-01-01\nK2,Dupont,Anne,,,2026-01-01\nK3,Roux,Luc,,,2026-05-01\n"));
  REQUIRE(h.Run().ok());
  h.dir.Write("crm_2.csv", absl::StrCat(kHeader,
      "K1,Martin,Jean,,,2026-01-01\n"      // unchanged
      "K2,Dupont-Leroy,Anne,,,2026-03-01\n" // updated
      "K3,Roux,Lucien,,,2026-02-01\n"      // older than stored: stale
      "K4,Blanc,Eva,,,2026-03-01\n"));     // new
  auto report = h.Run();
  REQUIRE(report.ok());
  CheckAddsUp(report->totals);
  CHECK(report->totals.unchanged == 1);
  CHECK(report->totals.updated == 1);
  CHECK(report->totals.stale == 1);
  CHECK(report->totals.inserted == 1);
  auto k3 = *h.store->GetRecord("crm", "K3");
  CHECK(k3->current.record.name.given_names == "Luc");
  REQUIRE(k3->history.size() == 1);
  CHECK(k3->history[0].status == "older_than_current");
  auto k2 = *h.store->GetRecord("crm", "K2");
  CHECK(k2->current.record.name.family_name == "Dupont-Leroy");
  CHECK(k2->history[0].status == "replaced");
}

TEST_CASE("RunBatch: a dry run reports and stores nothing", "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader, "K1,Martin,Jean,,,\n"));
  auto report = h.Run(/*dry_run=*/true);
  REQUIRE(report.ok());
  CHECK(report->dry_run);
  CHECK(report->run_id == 0);
  CHECK(report->totals.inserted == 2);
  CHECK(*h.store->CountRecords("") == 0);
  CHECK((*h.store->ListRuns(10)).empty());
}

TEST_CASE("RunBatch: a missing file fails before anything is written", "[pipeline]") {
  Harness h;
  h.config.sources[1].files = "absent.jsonl";
  auto report = h.Run();
  REQUIRE(report.status().code() == absl::StatusCode::kNotFound);
  CHECK(std::string(report.status().message()).find("absent.jsonl") != std::string::npos);
  CHECK((*h.store->ListRuns(10)).empty());
}

TEST_CASE("RunBatch: an unreadable file is reported and the others load", "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", "id,nom,nom\nK1,a,b\n");  // duplicate header names
  auto report = h.Run();
  REQUIRE(report.ok());
  CHECK(report->files[0].unreadable);
  CHECK(report->rejects_by_reason.at("unreadable_file") == 1);
  CHECK(report->totals.accepted == 1);  // the JSON Lines file still loaded
  CHECK((*h.store->ListFiles("crm")).empty());  // not registered: a fixed copy loads
}

TEST_CASE("RunBatch: a glob matching nothing loads nothing and succeeds", "[pipeline]") {
  Harness h;
  auto report = h.Run();
  REQUIRE(report.ok());
  REQUIRE(report->files.size() == 1);
  CHECK(report->files[0].source == "kol");
}

TEST_CASE("RunBatch: results do not depend on the number of threads", "[pipeline]") {
  std::string rows;
  for (int i = 0; i < 5000; ++i) {
    absl::StrAppend(&rows, "K", i % 4000, ",Name", i, ",G", i % 7, ",,01990000", i % 100,
                    ",2026-01-", 1 + i % 28, "\n");
  }
  std::vector<std::string> snapshots;
  for (int threads : {1, 4}) {
    Harness h;
    h.dir.Write("crm_1.csv", absl::StrCat(kHeader, rows));
    auto report = h.Run(false, threads);
    REQUIRE(report.ok());
    CheckAddsUp(report->totals);
    std::string snapshot = absl::StrCat(report->totals.inserted, "/", report->totals.duplicates);
    for (int k : {0, 17, 999, 3999}) {
      auto r = *h.store->GetRecord("crm", absl::StrCat("K", k));
      absl::StrAppend(&snapshot, "|", r->current.line, ":", r->current.record.name.family_name,
                      ":", r->history.size());
    }
    snapshots.push_back(snapshot);
  }
  CHECK(snapshots[0] == snapshots[1]);
}

}  // namespace
}  // namespace mdm::pipeline
