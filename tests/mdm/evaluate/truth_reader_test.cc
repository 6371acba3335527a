// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/evaluate/truth_reader.h: both truth formats, and one test
// per refusal the header documents (NotFound, and InvalidArgument naming
// the file, line or column, never a value). Files are synthetic.
#include "mdm/evaluate/truth_reader.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/testing/temp_dir.h"

namespace mdm::evaluate {
namespace {

using testing::TempDir;

TruthOptions Generator(const std::string& path) {
  TruthOptions options;
  options.path = path;
  return options;
}

TruthOptions Mapped(const std::string& path, const std::string& key, const std::string& entity,
                    const std::string& pattern = "") {
  TruthOptions options;
  options.path = path;
  options.source = "febrl";
  options.key_column = key;
  options.entity_column = entity;
  options.entity_pattern = pattern;
  return options;
}

TEST_CASE("ReadTruth: reads the generator's format", "[evaluate]") {
  TempDir dir;
  const std::string path = dir.Write("truth.csv",
                                     "source,source_key,person_id\n"
                                     "crm,K1,P1\n"
                                     "rpps_export, K2 ,P1\n"
                                     "\n"
                                     "crm,K3,P2\n");
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(Generator(path));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[0].source == "crm");
  CHECK((*rows)[0].key == "K1");
  CHECK((*rows)[0].entity == "P1");
  CHECK((*rows)[0].line == 2);
  CHECK((*rows)[1].source == "rpps_export");
  CHECK((*rows)[1].key == "K2");  // surrounding spaces dropped
  CHECK((*rows)[1].line == 3);
  CHECK((*rows)[2].entity == "P2");
  CHECK((*rows)[2].line == 5);  // the blank line is skipped, not renumbered
}

TEST_CASE("ReadTruth: the generator's columns may come in any order, among others",
          "[evaluate]") {
  TempDir dir;
  const std::string path = dir.Write("truth.csv",
                                     "person_id;note;source_key;source\n"
                                     "P9;dup;K1;crm\n");
  TruthOptions options = Generator(path);
  options.delimiter = ';';
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(options);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0].source == "crm");
  CHECK((*rows)[0].key == "K1");
  CHECK((*rows)[0].entity == "P9");
}

TEST_CASE("ReadTruth: reads a column-mapped file cut down by an entity pattern",
          "[evaluate]") {
  TempDir dir;
  // FEBRL style: ", given_name" headers, rec_id names record and entity.
  const std::string path = dir.Write("febrl.csv",
                                     "rec_id, given_name, surname\n"
                                     "rec-1-org, alice, synthetic\n"
                                     "rec-1-dup-0, alyce, synthetic\n"
                                     "rec-22-org, bruno, example\n");
  absl::StatusOr<std::vector<TruthRow>> rows =
      ReadTruth(Mapped(path, "rec_id", "rec_id", R"(^(rec-\d+))"));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  for (const TruthRow& row : *rows) CHECK(row.source == "febrl");
  CHECK((*rows)[0].key == "rec-1-org");
  CHECK((*rows)[0].entity == "rec-1");
  CHECK((*rows)[1].key == "rec-1-dup-0");
  CHECK((*rows)[1].entity == "rec-1");
  CHECK((*rows)[2].entity == "rec-22");
  SECTION("a column name written with spaces is found") {
    absl::StatusOr<std::vector<TruthRow>> by_name = ReadTruth(Mapped(path, "rec_id", "surname"));
    REQUIRE(by_name.ok());
    CHECK((*by_name)[0].entity == "synthetic");  // no pattern: the whole value
  }
}

TEST_CASE("ReadTruth: a row with an empty key is kept", "[evaluate]") {
  // The generator writes truth for its deliberately bad rows too; they are
  // counted later as not loaded.
  TempDir dir;
  const std::string path = dir.Write("truth.csv",
                                     "source,source_key,person_id\n"
                                     "crm,,P1\n"
                                     "crm,K2,P1\n");
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(Generator(path));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].key.empty());
  CHECK((*rows)[0].entity == "P1");
}

TEST_CASE("ReadTruth: a missing column is InvalidArgument naming it", "[evaluate]") {
  TempDir dir;
  struct Case {
    const char* name;
    const char* header;
    bool mapped;
    const char* column;
  };
  const Case c = GENERATE(values<Case>({
      {"no person_id", "source,source_key,entity", false, "person_id"},
      {"no source", "origin,source_key,person_id", false, "source"},
      {"no source_key", "source,key,person_id", false, "source_key"},
      {"no key column", "id,cluster", true, "rec_id"},
      {"no entity column", "rec_id,group", true, "cluster"},
  }));
  CAPTURE(c.name);
  const std::string path = dir.Write("truth.csv", std::string(c.header) + "\nA,B,C\n");
  absl::StatusOr<std::vector<TruthRow>> rows =
      ReadTruth(c.mapped ? Mapped(path, "rec_id", "cluster") : Generator(path));
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(std::string(rows.status().message()),
             Catch::Contains("'" + std::string(c.column) + "'"));
  CHECK_THAT(std::string(rows.status().message()), Catch::Contains(path));
}

TEST_CASE("ReadTruth: a key column without a source or entity column is InvalidArgument",
          "[evaluate]") {
  TempDir dir;
  const std::string path = dir.Write("truth.csv", "rec_id,cluster\nr1,c1\n");
  TruthOptions options = Mapped(path, "rec_id", "cluster");
  SECTION("no source") { options.source.clear(); }
  SECTION("no entity column") { options.entity_column.clear(); }
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(options);
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("ReadTruth: an unusable entity pattern is InvalidArgument", "[evaluate]") {
  TempDir dir;
  const std::string path = dir.Write("truth.csv", "rec_id,cluster\nr1,c1\n");
  const std::string pattern = GENERATE(as<std::string>(),
                                       "(",          // does not compile
                                       "rec-\\d+",   // no capture group
                                       "(rec)-(\\d+)",  // two capture groups
                                       "[z-a](x)");  // bad range
  CAPTURE(pattern);
  absl::StatusOr<std::vector<TruthRow>> rows =
      ReadTruth(Mapped(path, "rec_id", "cluster", pattern));
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("ReadTruth: an entity the pattern does not match is InvalidArgument at its line",
          "[evaluate]") {
  TempDir dir;
  const std::string path = dir.Write("truth.csv",
                                     "rec_id,cluster\n"
                                     "r1,rec-1\n"
                                     "r2,x_value_x\n");
  absl::StatusOr<std::vector<TruthRow>> rows =
      ReadTruth(Mapped(path, "rec_id", "cluster", R"(^(rec-\d+))"));
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
  const std::string message(rows.status().message());
  CHECK_THAT(message, Catch::Contains(path + ":3"));
  CHECK_THAT(message, Catch::Contains("cluster"));
  CHECK_THAT(message, !Catch::Contains("_value_"));  // never a value
}

TEST_CASE("ReadTruth: a malformed row refuses the whole file, naming file:line",
          "[evaluate]") {
  struct Case {
    const char* name;
    const char* bad_row;
  };
  const Case c = GENERATE(values<Case>({
      {"too many fields", "crm,K2,P2,x_value_x"},
      {"too few fields", "crm,x_value_x"},
      {"text after a closing quote", "crm,\"K2\"x_value_x,P2"},
      {"a quote never closed", "crm,\"x_value_x,P2"},
  }));
  CAPTURE(c.name);
  TempDir dir;
  const std::string path = dir.Write("truth.csv", std::string("source,source_key,person_id\n") +
                                                      "crm,K1,P1\n" + c.bad_row + "\n" +
                                                      "crm,K3,P3\n");
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(Generator(path));
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
  const std::string message(rows.status().message());
  CHECK_THAT(message, Catch::Contains(path + ":3"));
  CHECK_THAT(message, !Catch::Contains("_value_"));  // never a value
}

TEST_CASE("ReadTruth: an empty source or entity is InvalidArgument", "[evaluate]") {
  const std::string bad_row = GENERATE(as<std::string>(), ",K2,P2", "crm,K2,", " ,K2, ");
  CAPTURE(bad_row);
  TempDir dir;
  const std::string path =
      dir.Write("truth.csv", "source,source_key,person_id\ncrm,K1,P1\n" + bad_row + "\n");
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(Generator(path));
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(std::string(rows.status().message()), Catch::Contains(path + ":3"));
}

TEST_CASE("ReadTruth: a missing file is NotFound", "[evaluate]") {
  TempDir dir;
  absl::StatusOr<std::vector<TruthRow>> rows = ReadTruth(Generator(dir.File("absent.csv")));
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("ReadTruth: a file with only a header gives no rows", "[evaluate]") {
  TempDir dir;
  absl::StatusOr<std::vector<TruthRow>> rows =
      ReadTruth(Generator(dir.Write("truth.csv", "source,source_key,person_id\n")));
  REQUIRE(rows.ok());
  CHECK(rows->empty());
}

}  // namespace
}  // namespace mdm::evaluate
