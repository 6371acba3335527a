// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_split.h"
#include "mdm/config.h"

namespace mdm {
namespace {

constexpr char kValid[] = R"(version: 1
store:
  path: out/mdm.db
limits:
  max_field_bytes: 1024
sources:
  - name: crm_fr
    type: rep
    files: crm_*.csv
    delimiter: ";"
    encoding: windows-1252
    default_country: FR
    trust: 0.9
    lawful_basis: legitimate_interests
    retention_days: 365
    mapping:
      crm_id: source_key
      nom: family_name
      prenom: given_name
      tel: phone
      portable: phone
      cp: address.postcode
      cp2: address2.postcode
      notes: ignore
  - name: kol
    type: msl
    files: /data/kol.jsonl
    mapping:
      id: source_key
      "emails[]": email
      "addresses[].zip": address.postcode
)";

TEST_CASE("ParseConfig: a complete config is read with defaults applied", "[config]") {
  auto config = ParseConfig(kValid, "conf/mdm.yaml");
  REQUIRE(config.ok());
  CHECK(config->base_dir == "conf");
  CHECK(config->store_path == "conf/out/mdm.db");
  CHECK(config->limits.max_field_bytes == 1024);
  CHECK(config->limits.max_row_bytes == 1024 * 1024);
  REQUIRE(config->sources.size() == 2);
  const SourceConfig& crm = config->sources[0];
  CHECK(crm.type == SourceType::kRep);
  CHECK(crm.format == FileFormat::kCsv);
  CHECK(crm.delimiter == ';');
  CHECK(crm.encoding == Encoding::kWindows1252);
  CHECK(crm.trust == Approx(0.9));
  CHECK(crm.retention_days == 365);
  CHECK(crm.line == 7);
  CHECK(crm.mapping.size() == 8);
  const SourceConfig& kol = config->sources[1];
  CHECK(kol.format == FileFormat::kJsonl);  // from the .jsonl extension
  CHECK(kol.lawful_basis == "legitimate_interests");
  CHECK(kol.default_country == "FR");
  CHECK(kol.mapping[2].column == "addresses[].zip");
}

struct BrokenCase {
  std::string name;
  std::string yaml;
  std::vector<std::string> expected_lines;  // each must appear in the message
};

TEST_CASE("ParseConfig: broken configs name file, line and key", "[config]") {
  const BrokenCase c = GENERATE(values<BrokenCase>({
      {"yaml syntax", "version: 1\nsources: [\n", {"bad.yaml:3:"}},
      {"not a mapping", "- a\n- b\n", {"bad.yaml:1: expected a mapping"}},
      {"missing version and sources", "store: {path: x}\n",
       {"version: is required", "sources: expected a non-empty list"}},
      {"unknown top-level key", "version: 1\nmatchin: {}\nsources: []\n",
       {"bad.yaml:2: matchin: unknown key", "bad.yaml:3: sources: expected a non-empty list"}},
      {"wrong version", "version: 2\nsources: []\n",
       {"bad.yaml:1: version: expected a whole number from 1 to 1",
        "bad.yaml:2: sources: expected a non-empty list"}},
      {"every source problem at once",
       "version: 1\n"
       "sources:\n"
       "  - name: crm fr\n"
       "    type: crm\n"
       "    files: a.csv\n"
       "    encoding: ebcdic\n"
       "    delimiter: ';;'\n"
       "    trust: 2\n"
       "    default_country: fr\n"
       "    lawful_basis: because\n"
       "    retention_days: -1\n"
       "    colour: blue\n"
       "    mapping:\n"
       "      a: surname\n"
       "      b: family_name\n"
       "      c: family_name\n",
       {"bad.yaml:3: sources[0].name: use 1-64 letters",
        "bad.yaml:4: sources[0].type: unknown source type 'crm'",
        "bad.yaml:6: sources[0].encoding: unknown encoding",
        "bad.yaml:7: sources[0].delimiter: expected one character",
        "bad.yaml:8: sources[0].trust: expected a number from 0 to 1",
        "bad.yaml:9: sources[0].default_country: expected an upper-case",
        "bad.yaml:10: sources[0].lawful_basis: unknown lawful basis",
        "bad.yaml:11: sources[0].retention_days: expected a whole number",
        "bad.yaml:12: sources[0].colour: unknown key",
        "bad.yaml:14: sources[0].mapping.a: unknown field 'surname'",
        "bad.yaml:16: sources[0].mapping.c: field 'family_name' is already mapped from column 'b'",
        "bad.yaml:14: sources[0].mapping: no column is mapped to source_key"}},
      {"missing required keys",
       "version: 1\nsources:\n  - type: rep\n",
       {"bad.yaml:3: sources[0].name: is required",
        "bad.yaml:3: sources[0].files: is required",
        "bad.yaml:3: sources[0].mapping: is required"}},
      {"duplicate names and delimiter on jsonl",
       "version: 1\nsources:\n"
       "  - {name: a, type: rep, files: a.csv, mapping: {k: source_key}}\n"
       "  - {name: a, type: social, files: b.jsonl, delimiter: ',', mapping: {k: source_key}}\n",
       {"bad.yaml:4: sources[1].name: duplicate source name 'a'",
        "bad.yaml:4: sources[1].delimiter: applies to csv sources only"}},
      {"limits out of range",
       "version: 1\nlimits:\n  max_field_bytes: 2048\n  max_row_bytes: 1024\n"
       "sources:\n  - {name: a, type: rep, files: a.csv, mapping: {k: source_key}}\n",
       {"limits.max_field_bytes: must not exceed limits.max_row_bytes"}},
  }));
  CAPTURE(c.name);
  auto config = ParseConfig(c.yaml, "bad.yaml");
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().code() == absl::StatusCode::kInvalidArgument);
  const std::string message(config.status().message());
  CAPTURE(message);
  for (const std::string& expected : c.expected_lines) {
    CHECK(message.find(expected) != std::string::npos);
  }
  // One line per problem after the summary line.
  const std::vector<std::string> lines = absl::StrSplit(message, '\n');
  CHECK(lines.size() == c.expected_lines.size() + 1);
}

TEST_CASE("LoadConfig: a missing file is NotFound", "[config]") {
  auto config = LoadConfig("/nonexistent/dir/mdm.yaml");
  CHECK(config.status().code() == absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace mdm
