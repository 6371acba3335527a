// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of the `mdm` binary: exit codes, --json output, and the
// run report on data-samples/ adding up against the generator's truth file.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

const std::string kMdm = std::string(MDM_BINARY_DIR) + "/tools/mdm/mdm";
const std::string kSamples = std::string(MDM_SOURCE_DIR) + "/data-samples";

struct Result {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

Result Mdm(const std::string& args, const testing::TempDir& dir) {
  const std::string err_file = dir.File("stderr.txt");
  const std::string command = absl::StrCat(kMdm, " ", args, " 2>", err_file);
  Result r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream text;
  text << err.rdbuf();
  r.err = text.str();
  return r;
}

int CountLines(const std::string& path) {
  std::ifstream in(path);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

void CheckAddsUp(const nlohmann::json& c) {
  CHECK(c["rows_read"].get<int64_t>() == c["accepted"].get<int64_t>() +
                                             c["rejected"].get<int64_t>() +
                                             c["duplicates"].get<int64_t>());
  CHECK(c["accepted"].get<int64_t>() ==
        c["inserted"].get<int64_t>() + c["updated"].get<int64_t>() +
            c["unchanged"].get<int64_t>() + c["stale"].get<int64_t>());
}

TEST_CASE("mdm run on data-samples: every row of the truth file is accounted for", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  Result run = Mdm(absl::StrCat("run --json --config ", kSamples, "/mdm.yaml --db ", db), dir);
  REQUIRE(run.exit_code == 0);
  const auto report = nlohmann::json::parse(run.out);
  CheckAddsUp(report["totals"]);
  for (const auto& file : report["files"]) CheckAddsUp(file["counts"]);

  // truth.csv has one line per data row written (bad rows included) plus a
  // header; bad_rows.csv lists the deliberately broken rows.
  const int truth_rows = CountLines(kSamples + "/truth.csv") - 1;
  CHECK(report["totals"]["rows_read"].get<int>() == truth_rows);
  int expected_rejects = 0;
  std::ifstream bad(kSamples + "/bad_rows.csv");
  std::string line;
  std::getline(bad, line);  // header
  while (std::getline(bad, line)) {
    // A wrong check digit is a warning: the row loads.
    if (line.find("check_digit") == std::string::npos) ++expected_rejects;
  }
  CHECK(report["totals"]["rejected"].get<int>() == expected_rejects);
  CHECK(report["warnings_by_reason"]["invalid_identifier"].get<int>() >= 1);

  // Every reject is listed with file, line and reason.
  Result rejects = Mdm(absl::StrCat("rejects --json --db ", db), dir);
  REQUIRE(rejects.exit_code == 0);
  const auto issues = nlohmann::json::parse(rejects.out);
  CHECK(static_cast<int>(issues.size()) == expected_rejects);
  for (const auto& issue : issues) {
    CHECK(issue["line"].get<int>() > 0);
    CHECK_FALSE(issue["reason"].get<std::string>().empty());
    CHECK_FALSE(issue["file"].get<std::string>().empty());
  }

  // Loading the same files again is recognised and changes nothing.
  Result again = Mdm(absl::StrCat("run --json --config ", kSamples, "/mdm.yaml --db ", db), dir);
  REQUIRE(again.exit_code == 0);
  const auto second = nlohmann::json::parse(again.out);
  CHECK(second["totals"]["rows_read"].get<int>() == 0);
  for (const auto& file : second["files"]) CHECK(file["skipped"].get<bool>());
}

TEST_CASE("mdm records show and sources answer from the store", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  REQUIRE(Mdm(absl::StrCat("run --config ", kSamples, "/mdm.yaml --db ", db), dir).exit_code == 0);
  std::ifstream crm(kSamples + "/crm_fr.csv");
  std::string header, first;
  std::getline(crm, header);
  std::getline(crm, first);
  const std::string key = std::vector<std::string>(absl::StrSplit(first, ','))[0];
  Result show = Mdm(absl::StrCat("records show crm_fr ", key, " --json --db ", db), dir);
  REQUIRE(show.exit_code == 0);
  const auto record = nlohmann::json::parse(show.out);
  CHECK(record["current"]["record"]["source_key"] == key);
  CHECK(record["current"]["line"] == 2);
  Result unknown = Mdm(absl::StrCat("records show crm_fr NO-SUCH-KEY --db ", db), dir);
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("NO-SUCH-KEY") != std::string::npos);
  Result sources = Mdm(absl::StrCat("sources --json --db ", db), dir);
  REQUIRE(sources.exit_code == 0);
  CHECK(nlohmann::json::parse(sources.out).size() == 5);
}

TEST_CASE("mdm: exit codes for usage errors, broken configs and missing stores", "[cli]") {
  testing::TempDir dir;
  SECTION("no subcommand or an unknown flag is a usage error") {
    CHECK(Mdm("", dir).exit_code == 2);
    CHECK(Mdm("run --no-such-flag", dir).exit_code == 2);
    CHECK(Mdm("run", dir).exit_code == 2);  // --config is required
  }
  SECTION("--help succeeds") { CHECK(Mdm("run --help", dir).exit_code == 0); }
  SECTION("a broken config exits 2, names every problem, and touches no store") {
    const std::string config = dir.Write("mdm.yaml",
        "version: 1\nsources:\n  - name: a\n    type: crm\n    files: a.csv\n"
        "    mapping: {k: surname}\n");
    const std::string db = dir.File("mdm.db");
    Result r = Mdm(absl::StrCat("run --config ", config, " --db ", db), dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("mdm.yaml:4: sources[0].type") != std::string::npos);
    CHECK(r.err.find("mdm.yaml:6: sources[0].mapping.k: unknown field 'surname'") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));
  }
  SECTION("a store that was never initialised is a failure with a hint") {
    Result r = Mdm(absl::StrCat("sources --db ", dir.File("none.db")), dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("mdm init") != std::string::npos);
  }
  SECTION("a missing source file fails before the store changes") {
    const std::string db = dir.File("mdm.db");
    REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
    const std::string config = dir.Write("m.yaml",
        "version: 1\nsources:\n  - {name: a, type: rep, files: absent.csv,"
        " mapping: {k: source_key}}\n");
    Result r = Mdm(absl::StrCat("run --config ", config, " --db ", db), dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("absent.csv") != std::string::npos);
    Result runs = Mdm(absl::StrCat("runs --json --db ", db), dir);
    CHECK(nlohmann::json::parse(runs.out).empty());
  }
}

}  // namespace
}  // namespace mdm
