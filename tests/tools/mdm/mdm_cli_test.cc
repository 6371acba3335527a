// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of the `mdm` binary: exit codes, --json output, and the
// run report on data-samples/ adding up against the generator's truth file.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

const std::string kSamples = std::string(MDM_SOURCE_DIR) + "/data-samples";

using Result = testing::MdmResult;

Result Mdm(const std::string& args, const testing::TempDir& dir) {
  return testing::RunMdm(args, dir);
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

  // The run matched what it loaded.
  const auto& match = report["match"];
  CHECK(match["ran"].get<bool>());
  CHECK(match["model_trained"].get<bool>());
  CHECK(match["records"].get<int64_t>() == report["totals"]["accepted"].get<int64_t>());
  CHECK(match["candidate_pairs"].get<int64_t>() > 0);
  CHECK(match["candidate_pairs"].get<int64_t>() ==
        match["auto_merge_pairs"].get<int64_t>() + match["review_pairs"].get<int64_t>() +
            match["distinct_pairs"].get<int64_t>());
  CHECK(match["clusters"].get<int64_t>() > 0);
  CHECK(match["multi_record_clusters"].get<int64_t>() > 0);
  CHECK(match["clusters"].get<int64_t>() < match["records"].get<int64_t>());
  CHECK_FALSE(match["blocking_rules"].empty());

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
  // ... and matches again with the stored model, moving no record.
  CHECK(second["match"]["ran"].get<bool>());
  CHECK_FALSE(second["match"]["model_trained"].get<bool>());
  CHECK(second["match"]["model_id"] == match["model_id"]);
  CHECK(second["match"]["records_reclustered"].get<int>() == 0);
  CHECK(second["match"]["delta"].get<bool>());
  CHECK(second["match"]["changed_records"].get<int>() == 0);
  CHECK(second["golden"]["active"] == report["golden"]["active"]);
  CHECK(second["golden"]["unchanged"] == report["golden"]["active"]);
}

// Two loaded records of one person in different sources, "source:key" each,
// from the generator's truth (rows listed in bad_rows.csv are left out).
std::pair<std::string, std::string> SamePersonPair() {
  std::set<std::string> bad_keys;
  std::ifstream bad(kSamples + "/bad_rows.csv");
  for (std::string line; std::getline(bad, line);) {
    bad_keys.insert(std::vector<std::string>(absl::StrSplit(line, ',')).back());
  }
  std::ifstream truth(kSamples + "/truth.csv");
  std::string line;
  std::getline(truth, line);  // header
  std::map<std::string, std::string> first_of;  // person -> "source:key"
  while (std::getline(truth, line)) {
    const std::vector<std::string> f = absl::StrSplit(line, ',');
    if (f.size() != 3 || f[1].empty() || bad_keys.count(f[1]) > 0) continue;
    const std::string ref = absl::StrCat(f[0], ":", f[1]);
    auto [it, inserted] = first_of.emplace(f[2], ref);
    if (!inserted && it->second.substr(0, it->second.find(':')) != f[0]) {
      return {it->second, ref};
    }
  }
  FAIL("truth.csv has no person in two sources");
  return {};
}

TEST_CASE("mdm run: stderr that is not a terminal gets no progress line", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  Result run = Mdm(absl::StrCat("run --config ", kSamples, "/mdm.yaml --db ", db), dir);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("committed") != std::string::npos);
  CHECK(run.err.empty());
}

TEST_CASE("mdm train, explain and evaluate answer from a matched store", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  const std::string config = kSamples + "/mdm.yaml";
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  Result run = Mdm(absl::StrCat("run --json --config ", config, " --db ", db), dir);
  REQUIRE(run.exit_code == 0);
  const auto report = nlohmann::json::parse(run.out);
  const int64_t accepted = report["totals"]["accepted"].get<int64_t>();

  // train: a new model version, in text and in JSON.
  Result train = Mdm(absl::StrCat("train --config ", config, " --db ", db), dir);
  REQUIRE(train.exit_code == 0);
  CHECK(train.out.find(absl::StrCat("trained on ", accepted, " records")) != std::string::npos);
  CHECK(train.out.find("identifier") != std::string::npos);
  Result train_json = Mdm(absl::StrCat("train --json --config ", config, " --db ", db), dir);
  REQUIRE(train_json.exit_code == 0);
  const auto model = nlohmann::json::parse(train_json.out);
  const int64_t model_id = model["model_id"].get<int64_t>();
  CHECK(model_id > report["match"]["model_id"].get<int64_t>());
  CHECK(model["records"].get<int64_t>() == accepted);
  CHECK_FALSE(model["comparisons"].empty());

  // explain: the waterfall of two records of one person, with the newest model.
  const auto [a, b] = SamePersonPair();
  CAPTURE(a, b);
  Result text = Mdm(absl::StrCat("explain ", a, " ", b, " --db ", db), dir);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find(absl::StrCat(a, " vs ", b)) != std::string::npos);
  CHECK(text.out.find("match weight") != std::string::npos);
  CHECK(text.out.find("prior") != std::string::npos);
  Result json = Mdm(absl::StrCat("explain --json ", a, " ", b, " --db ", db), dir);
  REQUIRE(json.exit_code == 0);
  const auto e = nlohmann::json::parse(json.out);
  CHECK(e["record_a"] == a);
  CHECK(e["record_b"] == b);
  CHECK(e["model_id"].get<int64_t>() == model_id);
  REQUIRE_FALSE(e["terms"].empty());
  double sum = e["prior_weight"].get<double>();
  for (const auto& term : e["terms"]) {
    sum += term["weight"].get<double>() + term["tf_adjustment"].get<double>();
  }
  CHECK(sum == Approx(e["match_weight"].get<double>()).margin(1e-6));
  CHECK(e["probability"].get<double>() >= 0);
  CHECK(e["probability"].get<double>() <= 1);
  CHECK(std::set<std::string>{"auto_merge", "review", "distinct"}.count(e["decision"]) == 1);

  // explain: records not written SOURCE:KEY are a usage error.
  {
    for (const std::string& bad : {std::string("crm_fr-FR1"), std::string(":FR1"),
                                   std::string("crm_fr:")}) {
      CAPTURE(bad);
      Result r = Mdm(absl::StrCat("explain ", bad, " ", b, " --db ", db), dir);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("SOURCE:KEY") != std::string::npos);
    }
  }
  // explain: an unknown record is a failure naming it.
  {
    Result r = Mdm(absl::StrCat("explain ", a, " crm_fr:NO-SUCH-KEY --db ", db), dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("crm_fr:NO-SUCH-KEY") != std::string::npos);
  }
  // evaluate against the generator's truth.
  {
    Result r = Mdm(absl::StrCat("evaluate --json --truth ", kSamples, "/truth.csv --db ", db),
                   dir);
    REQUIRE(r.exit_code == 0);
    const auto ev = nlohmann::json::parse(r.out);
    for (const char* measure : {"precision", "recall", "f1", "bcubed_precision",
                                "bcubed_recall", "bcubed_f1", "blocking_recall"}) {
      CAPTURE(measure);
      CHECK(ev[measure].get<double>() >= 0);
      CHECK(ev[measure].get<double>() <= 1);
    }
    CHECK(ev["records"].get<int64_t>() == accepted);
    CHECK(ev["records_without_truth"].get<int64_t>() == 0);
    CHECK(ev["truth_rows_not_loaded"].get<int64_t>() == report["totals"]["rejected"]);
    CHECK(ev["true_pairs"].get<int64_t>() > 0);
    CHECK(ev["correct_pairs"].get<int64_t>() > 0);
    CHECK(ev["review_items"] == report["match"]["review_items"]);
    Result table = Mdm(absl::StrCat("evaluate --truth ", kSamples, "/truth.csv --db ", db), dir);
    REQUIRE(table.exit_code == 0);
    CHECK(table.out.find("pairwise precision") != std::string::npos);
  }
  // evaluate: a missing truth file fails, a malformed one is a usage error.
  {
    Result missing =
        Mdm(absl::StrCat("evaluate --truth ", dir.File("absent.csv"), " --db ", db), dir);
    CHECK(missing.exit_code == 1);
    const std::string malformed =
        dir.Write("truth.csv", "source,source_key,person_id\ncrm_fr,FR1,P1\ncrm_fr,FR2,\n");
    Result bad = Mdm(absl::StrCat("evaluate --truth ", malformed, " --db ", db), dir);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("truth.csv:3:") != std::string::npos);
    Result no_column = Mdm(absl::StrCat("evaluate --truth ", dir.Write("t2.csv", "a,b\n1,2\n"),
                                        " --db ", db),
                           dir);
    CHECK(no_column.exit_code == 2);
  }
}

TEST_CASE("mdm run --load-only loads without matching and leaves clusters alone", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  const std::string config = kSamples + "/mdm.yaml";
  const std::string evaluate = absl::StrCat("evaluate --json --truth ", kSamples,
                                            "/truth.csv --db ", db);
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  Result load = Mdm(absl::StrCat("run --load-only --json --config ", config, " --db ", db), dir);
  REQUIRE(load.exit_code == 0);
  const auto loaded = nlohmann::json::parse(load.out);
  CHECK(loaded["totals"]["accepted"].get<int64_t>() > 0);
  CHECK_FALSE(loaded["match"]["ran"].get<bool>());
  CHECK_FALSE(loaded["match"]["skipped_reason"].get<std::string>().empty());
  CHECK(loaded["match"]["clusters"].get<int64_t>() == 0);
  // Nothing was matched: no model to explain with, every record alone.
  const auto [a, b] = SamePersonPair();
  CHECK(Mdm(absl::StrCat("explain ", a, " ", b, " --db ", db), dir).exit_code == 1);
  Result before = Mdm(evaluate, dir);
  REQUIRE(before.exit_code == 0);
  CHECK(nlohmann::json::parse(before.out)["predicted_pairs"].get<int64_t>() == 0);

  // A run that matches prints its matching section and clusters the records.
  Result run = Mdm(absl::StrCat("run --config ", config, " --db ", db), dir);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find(absl::StrCat("matching: ", loaded["totals"]["accepted"].get<int64_t>(),
                                  " records, model ")) != std::string::npos);
  CHECK(run.out.find("blocking rule") != std::string::npos);
  CHECK(run.out.find("clusters: ") != std::string::npos);
  Result after = Mdm(evaluate, dir);
  REQUIRE(after.exit_code == 0);
  const auto matched = nlohmann::json::parse(after.out);
  CHECK(matched["predicted_pairs"].get<int64_t>() > 0);

  // Loading again without matching changes no cluster.
  Result again = Mdm(absl::StrCat("run --load-only --config ", config, " --db ", db), dir);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("not scored") != std::string::npos);
  Result last = Mdm(evaluate, dir);
  REQUIRE(last.exit_code == 0);
  const auto unchanged = nlohmann::json::parse(last.out);
  for (const auto& [measure, value] : matched.items()) {
    CAPTURE(measure);
    if (value.is_number_integer()) {
      CHECK(unchanged[measure] == value);
    } else {
      // Floating sums may differ in the last bit between processes.
      CHECK(unchanged[measure].get<double>() == Approx(value.get<double>()));
    }
  }
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

// The first data row of crm_fr.csv, split on commas (the file has no quotes).
std::vector<std::string> FirstCrmRow() {
  std::ifstream crm(kSamples + "/crm_fr.csv");
  std::string header, first;
  std::getline(crm, header);
  std::getline(crm, first);
  return absl::StrSplit(first, ',');
}

// Every first and last name in crm_fr.csv.
std::set<std::string> CrmNames() {
  std::ifstream crm(kSamples + "/crm_fr.csv");
  std::string line;
  std::getline(crm, line);  // header: crm_id,title,first_name,last_name,...
  std::set<std::string> names;
  while (std::getline(crm, line)) {
    const std::vector<std::string> f = absl::StrSplit(line, ',');
    for (size_t column : {size_t{2}, size_t{3}}) {
      if (column < f.size() && f[column].size() >= 3) names.insert(f[column]);
    }
  }
  return names;
}

// `mdm runs` as column name -> value, one map per run (newest first).
std::vector<std::map<std::string, std::string>> RunsTable(const std::string& out) {
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  std::vector<std::map<std::string, std::string>> rows;
  if (lines.empty()) return rows;
  const std::vector<std::string> header = absl::StrSplit(lines[0], ' ', absl::SkipEmpty());
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> cells = absl::StrSplit(lines[i], ' ', absl::SkipEmpty());
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < header.size(); ++c) row[header[c]] = cells[c];
    rows.push_back(row);
  }
  return rows;
}

TEST_CASE("mdm match finds the golden record of a person the store knows", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  // Before any run: nothing to match against.
  Result early = Mdm(absl::StrCat("match --family Martin --db ", db), dir);
  CHECK(early.exit_code == 1);
  CHECK(early.err.find("no match model yet") != std::string::npos);
  REQUIRE(Mdm(absl::StrCat("run --config ", kSamples, "/mdm.yaml --db ", db), dir).exit_code == 0);

  // A CRM row whose names need no shell quoting, sent without its key.
  std::ifstream crm(kSamples + "/crm_fr.csv");
  std::string line;
  std::getline(crm, line);
  std::vector<std::string> row;
  while (std::getline(crm, line)) {
    row = absl::StrSplit(line, ',');
    auto plain = [](const std::string& s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '-';
      });
    };
    if (row.size() > 12 && plain(row[2]) && plain(row[3]) && plain(row[12])) break;
    row.clear();
  }
  REQUIRE_FALSE(row.empty());
  Result xref = Mdm(absl::StrCat("xref --json crm_fr ", row[0], " --db ", db), dir);
  REQUIRE(xref.exit_code == 0);
  const std::string id = nlohmann::json::parse(xref.out)["golden_id"].get<std::string>();
  const std::string query = absl::StrCat("--given ", row[2], " --family ", row[3],
                                         " --postcode ", row[11], " --city ", row[12]);

  Result json = Mdm(absl::StrCat("match --json ", query, " --db ", db), dir);
  REQUIRE(json.exit_code == 0);
  const auto result = nlohmann::json::parse(json.out);
  REQUIRE_FALSE(result["candidates"].empty());
  CHECK(result["candidates"][0]["golden_id"] == id);
  CHECK(result["candidates"][0]["explanation"]["record_a"] == "query");
  CHECK(result["compared_records"].get<int64_t>() >= 1);

  Result text = Mdm(absl::StrCat("match ", query, " --max 1 --db ", db), dir);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find(id) != std::string::npos);
  CHECK(text.out.find("best candidate:") != std::string::npos);

  // Bad queries: usage errors, and nothing in stderr names the person.
  Result bad_id = Mdm(absl::StrCat("match --family ", row[3], " --id rpps --db ", db), dir);
  CHECK(bad_id.exit_code == 2);
  Result no_name = Mdm(absl::StrCat("match --given ", row[2], " --db ", db), dir);
  CHECK(no_name.exit_code == 2);
  CHECK(no_name.err.find(row[2]) == std::string::npos);
  CHECK(Mdm(absl::StrCat("match --family ", row[3], " --max 0 --db ", db), dir).exit_code == 2);
}

TEST_CASE("mdm golden show, golden history and xref answer from a matched store", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Mdm(absl::StrCat("init --db ", db), dir).exit_code == 0);
  Result run = Mdm(absl::StrCat("run --json --config ", kSamples, "/mdm.yaml --db ", db), dir);
  REQUIRE(run.exit_code == 0);
  const auto report = nlohmann::json::parse(run.out);
  const auto& golden_report = report["golden"];
  CHECK(golden_report["ran"].get<bool>());
  CHECK(golden_report["created"].get<int64_t>() == report["match"]["clusters"].get<int64_t>());
  CHECK(golden_report["active"] == golden_report["created"]);
  CHECK(golden_report["rebuilt"] == golden_report["created"]);

  const std::vector<std::string> row = FirstCrmRow();
  const std::string key = row[0];
  const std::string ref = "crm_fr:" + key;

  // xref: text and JSON.
  Result xref_json = Mdm(absl::StrCat("xref --json crm_fr ", key, " --db ", db), dir);
  REQUIRE(xref_json.exit_code == 0);
  const auto xref = nlohmann::json::parse(xref_json.out);
  CHECK(xref["source"] == "crm_fr");
  CHECK(xref["source_key"] == key);
  CHECK(xref["deleted"] == false);
  CHECK(xref["status"] == "active");
  CHECK(xref["merged_from"].empty());
  const std::string id = xref["golden_id"].get<std::string>();
  REQUIRE(id.size() == 17);
  CHECK(id[0] == 'G');
  Result xref_text = Mdm(absl::StrCat("xref crm_fr ", key, " --db ", db), dir);
  CHECK(xref_text.exit_code == 0);
  CHECK(xref_text.out == absl::StrCat(ref, " -> ", id, " (active)\n"));

  // golden show: text.
  Result show = Mdm(absl::StrCat("golden show ", id, " --db ", db), dir);
  REQUIRE(show.exit_code == 0);
  CHECK(show.out.rfind(absl::StrCat("golden ", id, "  active  (created in run 1, last changed in run 1)\n"), 0) == 0);
  CHECK(show.out.find("attribute") != std::string::npos);
  CHECK(show.out.find("only_value") != std::string::npos);
  CHECK(show.out.find("member records (") != std::string::npos);
  CHECK(show.out.find(ref) != std::string::npos);
  CHECK(show.out.find(row[3]) != std::string::npos);  // the family name

  // golden show --json: the golden record and its member records.
  Result show_json = Mdm(absl::StrCat("golden show --json ", id, " --db ", db), dir);
  REQUIRE(show_json.exit_code == 0);
  const auto shown = nlohmann::json::parse(show_json.out);
  REQUIRE(shown.contains("golden"));
  REQUIRE(shown.contains("member_records"));
  const auto& g = shown["golden"];
  CHECK(g["golden_id"] == id);
  CHECK(g["status"] == "active");
  CHECK(g["created_run"] == 1);
  CHECK(g["name"]["value"]["family_name"] == row[3]);
  const auto& members = g["members"];
  REQUIRE(members.is_array());
  CHECK(std::find(members.begin(), members.end(), ref) != members.end());
  REQUIRE(shown["member_records"].size() == members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& record = shown["member_records"][i];
    CHECK(absl::StrCat(record["source"].get<std::string>(), ":",
                       record["source_key"].get<std::string>()) == members[i]);
  }

  // golden history --json: one "created" event naming the records.
  Result history = Mdm(absl::StrCat("golden history --json ", id, " --db ", db), dir);
  REQUIRE(history.exit_code == 0);
  const auto events = nlohmann::json::parse(history.out);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["kind"] == "created");
  CHECK(events[0]["run_id"] == 1);
  CHECK(events[0]["at"] == report["started_at"]);
  CHECK(events[0]["detail"]["records"] == members);
  Result history_text = Mdm(absl::StrCat("golden history ", id, " --db ", db), dir);
  REQUIRE(history_text.exit_code == 0);
  CHECK(history_text.out.find("created") != std::string::npos);

  // Unknown ids and keys fail (exit 1), naming what was asked, not a person.
  {
    Result r = Mdm(absl::StrCat("golden show GNOSUCHGOLDEN --db ", db), dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("GNOSUCHGOLDEN") != std::string::npos);
    CHECK(Mdm(absl::StrCat("golden history GNOSUCHGOLDEN --db ", db), dir).exit_code == 1);
  }
  {
    Result r = Mdm(absl::StrCat("xref crm_fr NO-SUCH-KEY --db ", db), dir);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("crm_fr") != std::string::npos);
    CHECK(r.err.find("NO-SUCH-KEY") != std::string::npos);
    for (const std::string& name : CrmNames()) {
      CAPTURE(name);
      CHECK(r.err.find(name) == std::string::npos);
    }
    Result other_source = Mdm(absl::StrCat("xref no_such_source ", key, " --db ", db), dir);
    CHECK(other_source.exit_code == 1);
    CHECK(other_source.err.find("no_such_source") != std::string::npos);
    CHECK(other_source.err.find(row[3]) == std::string::npos);
  }
  // Missing arguments are usage errors.
  CHECK(Mdm(absl::StrCat("golden show --db ", db), dir).exit_code == 2);
  CHECK(Mdm(absl::StrCat("xref crm_fr --db ", db), dir).exit_code == 2);
  CHECK(Mdm(absl::StrCat("golden --db ", db), dir).exit_code == 2);

  // mdm runs: golden counts per run.
  Result again = Mdm(absl::StrCat("run --config ", kSamples, "/mdm.yaml --db ", db), dir);
  REQUIRE(again.exit_code == 0);
  Result runs = Mdm(absl::StrCat("runs --db ", db), dir);
  REQUIRE(runs.exit_code == 0);
  const auto table = RunsTable(runs.out);
  REQUIRE(table.size() == 2);
  for (const char* column : {"new", "merges", "splits", "updated", "unchanged", "review"}) {
    CAPTURE(column);
    CHECK(table[0].count(column) == 1);
  }
  const std::string created = absl::StrCat(golden_report["created"].get<int64_t>());
  CHECK(table[1].at("run") == "1");
  CHECK(table[1].at("new") == created);
  CHECK(table[1].at("merges") == "0");
  CHECK(table[1].at("splits") == "0");
  CHECK(table[1].at("updated") == "0");
  CHECK(table[1].at("unchanged") == "0");
  CHECK(table[1].at("review") == absl::StrCat(report["match"]["review_items"].get<int64_t>()));
  CHECK(table[0].at("run") == "2");
  CHECK(table[0].at("read") == "0");
  CHECK(table[0].at("new") == "0");
  CHECK(table[0].at("updated") == "0");
  CHECK(table[0].at("unchanged") == created);  // every golden record, untouched
  Result runs_json = Mdm(absl::StrCat("runs --json --db ", db), dir);
  REQUIRE(runs_json.exit_code == 0);
  const auto listed = nlohmann::json::parse(runs_json.out);
  REQUIRE(listed.size() == 2);
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
