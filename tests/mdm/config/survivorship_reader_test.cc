// SPDX-License-Identifier: Apache-2.0
// The `survivorship:` section of mdm.yaml, read by ParseConfig() through
// config::ReadSurvivorship() and the check of source_priority names.
#include "mdm/config/survivorship_reader.h"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "mdm/config.h"

namespace mdm {
namespace {

using P = SurvivorshipPolicy;

// Four lines: "survivorship:" is line 5 of every config below.
constexpr char kHead[] = R"(version: 1
sources:
  - {name: crm_fr, type: rep, files: a.csv, mapping: {k: source_key}}
  - {name: kol_fr, type: msl, files: b.csv, mapping: {k: source_key}}
)";

absl::StatusOr<Config> Parse(const std::string& survivorship) {
  return ParseConfig(absl::StrCat(kHead, survivorship), "m.yaml");
}

constexpr P kAllPolicies[] = {P::kSourcePriority, P::kMostRecent,  P::kMostFrequent,
                              P::kMostComplete,   P::kTrustDecay, P::kValidated};

TEST_CASE("ReadSurvivorship: a full section is read as written", "[config]") {
  auto config = Parse(R"(survivorship:
  source_priority: [kol_fr, rep, medinfo]
  trust_half_life_days: 182.5
  attributes:
    name: [source_priority, most_recent]
    identifiers: [validated, source_priority]
    phones:
      - validated
      - trust_decay
      - most_frequent
)");
  REQUIRE(config.ok());
  const SurvivorshipConfig& s = config->survivorship;
  CHECK(s.source_priority == std::vector<std::string>{"kol_fr", "rep", "medinfo"});
  CHECK(s.trust_half_life_days == 182.5);
  CHECK(s.attributes.size() == 3);
  CHECK(s.PoliciesOf("name") == std::vector<P>{P::kSourcePriority, P::kMostRecent});
  CHECK(s.PoliciesOf("identifiers") == std::vector<P>{P::kValidated, P::kSourcePriority});
  CHECK(s.PoliciesOf("phones") ==
        std::vector<P>{P::kValidated, P::kTrustDecay, P::kMostFrequent});
  // Attributes left out keep their built-in policies.
  CHECK(s.attributes.count("gender") == 0);
  CHECK(s.PoliciesOf("gender") == DefaultPolicies("gender"));
  CHECK(s.PoliciesOf("birth_date") == DefaultPolicies("birth_date"));
}

TEST_CASE("ReadSurvivorship: what the section leaves out keeps its default", "[config]") {
  const SurvivorshipConfig defaults;
  CHECK(defaults.source_priority == std::vector<std::string>{"rep", "msl", "medinfo", "social"});
  CHECK(defaults.trust_half_life_days == 365);
  CHECK(defaults.attributes.empty());

  SECTION("no survivorship section") {
    auto config = ParseConfig(kHead, "m.yaml");
    REQUIRE(config.ok());
    CHECK(config->survivorship.source_priority == defaults.source_priority);
    CHECK(config->survivorship.trust_half_life_days == 365);
    CHECK(config->survivorship.attributes.empty());
  }
  SECTION("an empty mapping") {
    auto config = Parse("survivorship: {}\n");
    REQUIRE(config.ok());
    CHECK(config->survivorship.source_priority == defaults.source_priority);
    CHECK(config->survivorship.trust_half_life_days == 365);
    CHECK(config->survivorship.attributes.empty());
  }
  SECTION("the half-life alone") {
    auto config = Parse("survivorship:\n  trust_half_life_days: 30\n");
    REQUIRE(config.ok());
    CHECK(config->survivorship.trust_half_life_days == 30);
    CHECK(config->survivorship.source_priority == defaults.source_priority);
  }
  SECTION("source_priority alone") {
    auto config = Parse("survivorship:\n  source_priority: [social, crm_fr]\n");
    REQUIRE(config.ok());
    CHECK(config->survivorship.source_priority == std::vector<std::string>{"social", "crm_fr"});
    CHECK(config->survivorship.trust_half_life_days == 365);
    CHECK(config->survivorship.attributes.empty());
  }
  SECTION("read directly, an empty mapping reports nothing") {
    config::ConfigErrors errors("m.yaml");
    const SurvivorshipConfig s = config::ReadSurvivorship(YAML::Load("{}"), {}, &errors);
    CHECK(errors.empty());
    CHECK(s.source_priority == defaults.source_priority);
  }
}

TEST_CASE("ReadSurvivorship: every attribute takes every policy", "[config]") {
  for (const char* attribute : kGoldenAttributes) {
    for (P policy : kAllPolicies) {
      const std::string name(SurvivorshipPolicyName(policy));
      auto config = Parse(absl::StrCat("survivorship:\n  attributes:\n    ", attribute, ": [",
                                       name, "]\n"));
      CAPTURE(attribute, name, config.status().message());
      REQUIRE(config.ok());
      CHECK(config->survivorship.PoliciesOf(attribute) == std::vector<P>{policy});
    }
  }
}

TEST_CASE("ReadSurvivorship: source_priority takes every source type and source name",
          "[config]") {
  auto config =
      Parse("survivorship:\n  source_priority: [social, medinfo, msl, rep, crm_fr, kol_fr]\n");
  REQUIRE(config.ok());
  CHECK(config->survivorship.source_priority ==
        std::vector<std::string>{"social", "medinfo", "msl", "rep", "crm_fr", "kol_fr"});
}

TEST_CASE("ReadSurvivorship: half-life bounds are 1 and 36500 days", "[config]") {
  struct Probe {
    std::string value;
    bool ok;
  };
  for (const Probe& p : std::vector<Probe>{{"1", true},
                                           {"36500", true},
                                           {"182.5", true},
                                           {"0.5", false},
                                           {"36500.5", false},
                                           {"0.999", false},
                                           {"0", false},
                                           {"-365", false},
                                           {"1e9", false},
                                           {".nan", false},
                                           {".inf", false},
                                           {"a year", false}}) {
    auto config = Parse(absl::StrCat("survivorship:\n  trust_half_life_days: ", p.value, "\n"));
    CAPTURE(p.value, config.status().message());
    CHECK(config.ok() == p.ok);
    if (!config.ok()) {
      CHECK_THAT(std::string(config.status().message()),
                 Catch::Contains("m.yaml:6: survivorship.trust_half_life_days: expected a "
                                 "number from 1 to 36500"));
    }
  }
}

struct BrokenCase {
  std::string name;
  std::string yaml;                         // the survivorship section, from line 5
  std::vector<std::string> expected_lines;  // each must appear in the message
};

// The lines of the message after its summary line.
std::vector<std::string> Problems(const absl::Status& status) {
  std::vector<std::string> lines = absl::StrSplit(status.message(), '\n');
  lines.erase(lines.begin());
  return lines;
}

constexpr char kPolicyList[] =
    "(expected one of source_priority, most_recent, most_frequent, most_complete, trust_decay, "
    "validated)";
constexpr char kAttributeList[] =
    "(expected one of name, gender, birth_date, language, identifiers, addresses, phones, "
    "emails, specialties, affiliations, social_handles)";
constexpr char kNeither[] =
    "is neither a configured source nor a source type (rep, msl, medinfo, social)";

TEST_CASE("ReadSurvivorship: broken sections name file, line and key", "[config]") {
  const BrokenCase c = GENERATE(values<BrokenCase>({
      {"not a mapping", "survivorship: [rep]\n", {"m.yaml:5: survivorship: expected a mapping"}},
      {"unknown key", "survivorship:\n  source_priorty: [rep]\n",
       {"m.yaml:6: survivorship.source_priorty: unknown key"}},
      {"unknown attribute", "survivorship:\n  attributes:\n    nom: [most_recent]\n",
       {absl::StrCat("m.yaml:7: survivorship.attributes.nom: unknown attribute ",
                     kAttributeList)}},
      {"an attribute named in the singular",
       "survivorship:\n  attributes:\n    name: [most_recent]\n    phone: [validated]\n",
       {"m.yaml:8: survivorship.attributes.phone: unknown attribute"}},
      {"unknown policy",
       "survivorship:\n  attributes:\n    name:\n      - most_recent\n      - newest\n",
       {absl::StrCat("m.yaml:9: survivorship.attributes.name[1]: unknown policy ", kPolicyList)}},
      {"a policy that is not a name",
       "survivorship:\n  attributes:\n    gender: [{most_recent: 1}]\n",
       {"m.yaml:7: survivorship.attributes.gender[0]: unknown policy"}},
      {"policy listed twice",
       "survivorship:\n  attributes:\n    gender: [most_recent, most_frequent, most_recent]\n",
       {"m.yaml:7: survivorship.attributes.gender[2]: policy listed twice"}},
      {"empty policy list", "survivorship:\n  attributes:\n    gender: []\n",
       {"m.yaml:7: survivorship.attributes.gender: expected a non-empty list of policies"}},
      {"a policy not in a list", "survivorship:\n  attributes:\n    gender: most_recent\n",
       {"m.yaml:7: survivorship.attributes.gender: expected a non-empty list of policies"}},
      {"attributes not a mapping", "survivorship:\n  attributes: [name]\n",
       {"m.yaml:6: survivorship.attributes: expected a mapping of attribute to policies"}},
      {"empty source_priority", "survivorship:\n  source_priority: []\n",
       {"m.yaml:6: survivorship.source_priority: expected a non-empty list of source names or "
        "types"}},
      {"source_priority not a list", "survivorship:\n  source_priority: rep\n",
       {"m.yaml:6: survivorship.source_priority: expected a non-empty list"}},
      {"a priority entry naming neither a source nor a type",
       "survivorship:\n  source_priority: [crm_fr, crm_de, msl]\n",
       {absl::StrCat("m.yaml:6: survivorship.source_priority[1]: 'crm_de' ", kNeither)}},
      {"a source type spelled wrong", "survivorship:\n  source_priority: [reps]\n",
       {absl::StrCat("m.yaml:6: survivorship.source_priority[0]: 'reps' ", kNeither)}},
      {"duplicate priority entry", "survivorship:\n  source_priority: [kol_fr, rep, kol_fr]\n",
       {"m.yaml:6: survivorship.source_priority[2]: 'kol_fr' listed twice"}},
      {"empty priority entry", "survivorship:\n  source_priority: [rep, '']\n",
       {"m.yaml:6: survivorship.source_priority[1]: expected a source name or type"}},
      {"a list as a priority entry", "survivorship:\n  source_priority:\n    - rep\n    - [msl]\n",
       {"m.yaml:8: survivorship.source_priority[1]: expected a source name or type"}},
      {"half-life of 0", "survivorship:\n  trust_half_life_days: 0\n",
       {"m.yaml:6: survivorship.trust_half_life_days: expected a number from 1 to 36500"}},
      {"half-life above 100 years", "survivorship:\n  attributes: {}\n"
                                    "  trust_half_life_days: 36501\n",
       {"m.yaml:7: survivorship.trust_half_life_days: expected a number from 1 to 36500"}},
      {"half-life as a list", "survivorship:\n  trust_half_life_days: [365]\n",
       {"m.yaml:6: survivorship.trust_half_life_days: expected a single value"}},
  }));
  CAPTURE(c.name);
  auto config = Parse(c.yaml);
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().code() == absl::StatusCode::kInvalidArgument);
  const std::string message(config.status().message());
  CAPTURE(message);
  for (const std::string& expected : c.expected_lines) {
    CHECK(message.find(expected) != std::string::npos);
  }
  // One line per problem after the summary line: nothing else is reported.
  CHECK(Problems(config.status()).size() == c.expected_lines.size());
}

TEST_CASE("ReadSurvivorship: a bad priority name is reported at its own line and index",
          "[config]") {
  SECTION("one entry per line: the line is the entry's") {
    auto config = Parse("survivorship:\n  source_priority:\n    - crm_fr\n    - crm_de\n");
    REQUIRE_FALSE(config.ok());
    CAPTURE(config.status().message());
    CHECK(Problems(config.status()) ==
          std::vector<std::string>{
              absl::StrCat("m.yaml:8: survivorship.source_priority[1]: 'crm_de' ", kNeither)});
  }
  SECTION("after an entry listed twice: the index is the one written") {
    auto config = Parse("survivorship:\n  source_priority: [rep, rep, crm_de]\n");
    REQUIRE_FALSE(config.ok());
    CAPTURE(config.status().message());
    CHECK(Problems(config.status()) ==
          std::vector<std::string>{
              "m.yaml:6: survivorship.source_priority[1]: 'rep' listed twice",
              absl::StrCat("m.yaml:6: survivorship.source_priority[2]: 'crm_de' ", kNeither)});
  }
}

TEST_CASE("ReadSurvivorship: every problem of a section is reported at once", "[config]") {
  auto config = Parse(R"(survivorship:
  colour: blue
  source_priority: [rep, crm_de, rep]
  trust_half_life_days: 0
  attributes:
    nom: [most_recent]
    gender: [newest, most_recent, most_recent]
    phones: []
)");
  REQUIRE_FALSE(config.ok());
  const std::string message(config.status().message());
  CAPTURE(message);
  const std::vector<std::string> expected = {
      "m.yaml:6: survivorship.colour: unknown key",
      "m.yaml:7: survivorship.source_priority[2]: 'rep' listed twice",
      "m.yaml:8: survivorship.trust_half_life_days: expected a number from 1 to 36500",
      "m.yaml:10: survivorship.attributes.nom: unknown attribute",
      "m.yaml:11: survivorship.attributes.gender[0]: unknown policy",
      "m.yaml:11: survivorship.attributes.gender[2]: policy listed twice",
      "m.yaml:12: survivorship.attributes.phones: expected a non-empty list of policies",
      "m.yaml:7: survivorship.source_priority[1]: 'crm_de' is neither",
  };
  for (const std::string& line : expected) CHECK(message.find(line) != std::string::npos);
  CHECK(absl::StartsWith(message,
                         absl::StrCat("config m.yaml has ", expected.size(), " problems:\n")));
}

TEST_CASE("ReadSurvivorship: other sections' errors and survivorship errors come together",
          "[config]") {
  auto config = Parse("survivorship:\n  source_priority: [crm_de]\nmatching: {colour: 1}\n");
  REQUIRE_FALSE(config.ok());
  const std::string message(config.status().message());
  CAPTURE(message);
  CHECK(message.find("m.yaml:7: matching.colour: unknown key") != std::string::npos);
  CHECK(message.find("m.yaml:6: survivorship.source_priority[0]: 'crm_de'") != std::string::npos);
  CHECK(Problems(config.status()).size() == 2);
}

// --- the JSON Schema says what the reader does ----------------------------

nlohmann::json LoadSchema() {
  std::ifstream in(std::string(MDM_SOURCE_DIR) + "/schemas/json/mdm_config.schema.json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

TEST_CASE("ReadSurvivorship: the JSON Schema names the reader's attributes and policies",
          "[config]") {
  const nlohmann::json schema = LoadSchema();
  REQUIRE(schema["properties"].contains("survivorship"));
  CHECK(schema["properties"]["survivorship"]["$ref"] == "#/$defs/survivorship");
  const nlohmann::json& section = schema["$defs"]["survivorship"];
  CHECK(section["additionalProperties"] == false);

  std::set<std::string> keys;
  for (const auto& [key, value] : section["properties"].items()) keys.insert(key);
  CHECK(keys == std::set<std::string>{"source_priority", "trust_half_life_days", "attributes"});

  const nlohmann::json& attributes = section["properties"]["attributes"];
  CHECK(attributes["additionalProperties"] == false);
  std::set<std::string> in_schema;
  for (const auto& [key, value] : attributes["properties"].items()) {
    in_schema.insert(key);
    CHECK(value["$ref"] == "#/$defs/survivorship_policies");
  }
  CHECK(in_schema == std::set<std::string>(std::begin(kGoldenAttributes),
                                           std::end(kGoldenAttributes)));

  std::set<std::string> policies;
  for (const auto& name : schema["$defs"]["survivorship_policy"]["enum"]) {
    policies.insert(name.get<std::string>());
  }
  std::set<std::string> in_reader;
  for (P policy : kAllPolicies) in_reader.emplace(SurvivorshipPolicyName(policy));
  CHECK(policies == in_reader);
  for (const std::string& name : policies) CHECK(ParseSurvivorshipPolicy(name).has_value());
  const nlohmann::json& list = schema["$defs"]["survivorship_policies"];
  CHECK(list["minItems"] == 1);
  CHECK(list["uniqueItems"] == true);

  const nlohmann::json& priority = section["properties"]["source_priority"];
  CHECK(priority["minItems"] == 1);
  CHECK(priority["uniqueItems"] == true);
  std::vector<std::string> defaults;
  for (const auto& name : priority["default"]) defaults.push_back(name.get<std::string>());
  CHECK(defaults == SurvivorshipConfig().source_priority);
}

TEST_CASE("ReadSurvivorship: the JSON Schema's half-life range is the reader's", "[config]") {
  const nlohmann::json rule =
      LoadSchema()["$defs"]["survivorship"]["properties"]["trust_half_life_days"];
  CHECK(rule["type"] == "number");
  CHECK(rule["default"].get<double>() == SurvivorshipConfig().trust_half_life_days);
  const double min = rule["minimum"].get<double>();
  const double max = rule["maximum"].get<double>();
  CHECK(min == 1);
  CHECK(max == 36500);
  struct Probe {
    double value;
    bool ok;
  };
  // StrCat writes six significant digits: 36500.5 is the closest above max.
  for (const Probe& p : {Probe{min, true}, Probe{max, true}, Probe{min - 0.001, false},
                         Probe{max + 0.5, false}, Probe{(min + max) / 2, true}}) {
    auto config =
        Parse(absl::StrCat("survivorship:\n  trust_half_life_days: ", p.value, "\n"));
    CAPTURE(p.value, config.status().message());
    CHECK(config.ok() == p.ok);
  }
}

}  // namespace
}  // namespace mdm
