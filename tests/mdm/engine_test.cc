// SPDX-License-Identifier: Apache-2.0
#include "mdm/engine.h"

#include <catch2/catch.hpp>

#include "tests/testing/fake_clock.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

TEST_CASE("Engine::Open: documented failures", "[engine]") {
  testing::TempDir dir;
  EngineOptions options;
  CHECK(Engine::Open(options).status().code() == absl::StatusCode::kInvalidArgument);
  options.db_path = dir.File("missing.db");
  CHECK(Engine::Open(options).status().code() == absl::StatusCode::kNotFound);
  options.clock = nullptr;
  options.create_if_missing = true;
  CHECK(Engine::Open(options).status().code() == absl::StatusCode::kInvalidArgument);
  options.db_path = dir.Write("text.db", "this is not a database, just text\n");
  options.clock = &Clock::Real();
  CHECK(Engine::Open(options).status().code() == absl::StatusCode::kDataLoss);
}

TEST_CASE("Engine: runs a batch and answers questions about it", "[engine]") {
  testing::TempDir dir;
  testing::FakeClock clock;
  dir.Write("crm.csv", "id,nom\nK1,Martin\nK2,\n");
  auto config = ParseConfig(
      "version: 1\nsources:\n  - {name: crm, type: rep, files: crm.csv,"
      " mapping: {id: source_key, nom: family_name}}\n",
      dir.File("mdm.yaml"));
  REQUIRE(config.ok());
  EngineOptions options;
  options.db_path = dir.File("mdm.db");
  options.create_if_missing = true;
  options.clock = &clock;
  auto engine = Engine::Open(options);
  REQUIRE(engine.ok());
  auto report = (*engine)->Run(*config, {});
  REQUIRE(report.ok());
  CHECK(report->started_at == "2027-01-01T00:00:00Z");
  CHECK(report->totals.accepted == 1);
  CHECK(report->totals.rejected == 1);

  auto record = (*engine)->Record("crm", "K1");
  REQUIRE(record.ok());
  CHECK(record->current.record.name.family_key == "martin");
  CHECK((*engine)->Record("crm", "K9").status().code() == absl::StatusCode::kNotFound);
  CHECK((*engine)->Record("other", "K1").status().code() == absl::StatusCode::kNotFound);

  auto files = (*engine)->Files("");
  REQUIRE(files.ok());
  REQUIRE(files->size() == 1);
  CHECK(files->at(0).counts.rows_read == 2);
  IssueQuery query;
  auto issues = (*engine)->Issues(query);
  REQUIRE(issues.ok());
  REQUIRE(issues->size() == 1);
  CHECK(issues->at(0).reason == "no_name_no_identifier");
  auto runs = (*engine)->Runs(5);
  REQUIRE(runs.ok());
  REQUIRE(runs->size() == 1);
  CHECK(runs->at(0).report_json.find("\"accepted\":1") != std::string::npos);
}

}  // namespace
}  // namespace mdm
