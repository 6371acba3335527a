// SPDX-License-Identifier: Apache-2.0
#include "mdm/config/matching_reader.h"

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "mdm/config.h"

namespace mdm {
namespace {

constexpr char kHead[] = R"(version: 1
sources:
  - {name: a, type: rep, files: a.csv, mapping: {k: source_key}}
)";

// Everything a MatchingConfig holds, one line per item, for comparing two
// settings in one CHECK (line numbers left out: they differ by design).
std::string Describe(const MatchingConfig& m) {
  std::string out = absl::StrCat("max_block_size ", m.max_block_size, "\n");
  for (const BlockingRuleConfig& rule : m.blocking_rules) {
    std::vector<std::string> keys;
    for (const BlockingKey& key : rule.keys) keys.push_back(key.Label());
    absl::StrAppend(&out, "rule ", rule.name, " [", absl::StrJoin(keys, " "), "] cap ",
                    rule.max_block_size, "\n");
  }
  for (const ComparisonConfig& c : m.comparisons) {
    std::vector<std::string> levels;
    for (const LevelConfig& level : c.levels) levels.push_back(level.Label());
    absl::StrAppend(&out, "comparison ", c.name, " ", MatchFieldName(c.field), " [",
                    absl::StrJoin(levels, " "), "] tf ", c.term_frequency, " hard ", c.hard,
                    " schemes [", absl::StrJoin(c.schemes, " "), "]\n");
  }
  const TrainingConfig& t = m.training;
  absl::StrAppend(&out, "training ", t.max_iterations, " ", t.tolerance, " ", t.u_sample_pairs, " ",
                  t.max_candidate_pairs, " ", t.seed, "\n");
  absl::StrAppend(&out, "decision ", m.auto_merge, " ", m.review, " ", m.keep_apart_weight,
                  "\ncannot_link [", absl::StrJoin(m.cannot_link_schemes, " "), "]\n");
  return out;
}

// The lines of Describe() that start with `prefix`.
std::string Part(const MatchingConfig& m, absl::string_view prefix) {
  std::string out;
  for (absl::string_view line : absl::StrSplit(Describe(m), '\n')) {
    if (absl::StartsWith(line, prefix)) absl::StrAppend(&out, line, "\n");
  }
  return out;
}

absl::StatusOr<Config> Parse(const std::string& matching) {
  return ParseConfig(absl::StrCat(kHead, matching), "m.yaml");
}

TEST_CASE("ReadMatching: an absent or empty section gives the default setting", "[config]") {
  const std::string defaults = Describe(DefaultMatchingConfig());
  SECTION("no matching section") {
    auto config = ParseConfig(kHead, "m.yaml");
    REQUIRE(config.ok());
    CHECK(Describe(config->matching) == defaults);
  }
  SECTION("an empty mapping, read directly") {
    config::ConfigErrors errors("m.yaml");
    const MatchingConfig m = config::ReadMatching(YAML::Load("{}"), &errors);
    CHECK(errors.empty());
    CHECK(Describe(m) == defaults);
  }
  SECTION("the defaults themselves") {
    const MatchingConfig m = DefaultMatchingConfig();
    CHECK(m.max_block_size == 500);
    CHECK(m.auto_merge == 0.80);
    CHECK(m.review == 0.75);
    CHECK(m.keep_apart_weight == -15);
    CHECK(m.training.max_iterations == 100);
    CHECK(m.training.u_sample_pairs == 1'000'000);
    CHECK(m.cannot_link_schemes == std::vector<std::string>{"npi", "rpps", "adeli", "gmc", "lanr"});
    REQUIRE_FALSE(m.blocking_rules.empty());
    REQUIRE_FALSE(m.comparisons.empty());
    CHECK(static_cast<int>(m.comparisons.size()) <= config::kMaxComparisons);
    for (const ComparisonConfig& c : m.comparisons) {
      CAPTURE(c.name);
      CHECK(static_cast<int>(c.levels.size()) <= config::kMaxLevelsPerComparison);
    }
  }
}

struct SubsectionCase {
  std::string name;
  std::string yaml;
  std::string changed;  // the Describe() prefix the subsection may change
};

TEST_CASE("ReadMatching: a subsection left out keeps its default", "[config]") {
  const SubsectionCase c = GENERATE(values<SubsectionCase>({
      {"blocking cap only", "matching:\n  blocking: {max_block_size: 50}\n", "max_block_size"},
      {"blocking rules only", "matching:\n  blocking:\n    rules: [{name: r, keys: [email]}]\n",
       "rule"},
      {"comparisons only", "matching:\n  comparisons: [{name: c, field: email, levels: [exact]}]\n",
       "comparison"},
      {"training only", "matching:\n  training: {seed: 7}\n", "training"},
      {"decision only", "matching:\n  decision: {auto_merge: 0.9}\n", "decision"},
      {"cannot-link schemes only", "matching:\n  cannot_link_schemes: [rpps]\n", "cannot_link"},
  }));
  CAPTURE(c.name);
  auto config = Parse(c.yaml);
  REQUIRE(config.ok());
  const MatchingConfig defaults = DefaultMatchingConfig();
  CHECK(Part(config->matching, c.changed) != Part(defaults, c.changed));
  for (const char* part :
       {"max_block_size", "rule", "comparison", "training", "decision", "cannot_link"}) {
    if (c.changed == part) continue;
    CAPTURE(part);
    CHECK(Part(config->matching, part) == Part(defaults, part));
  }
}

constexpr char kFull[] = R"(matching:
  blocking:
    max_block_size: 200
    rules:
      - name: same_rpps
        keys: [identifier]
      - name: sound
        keys: [family_name.phonetic, given_name.initial, postcode.prefix2]
        max_block_size: 40
      - name: swaps
        keys: [name_pair]
      - name: handles
        keys: [social_handle.spelling, birth_date.year, email.local_part]
  comparisons:
    - name: id
      field: identifier
      hard: true
      schemes: [rpps, adeli]
      levels: [exact_valid, exact, {damerau: 1}]
    - name: family
      field: family_name
      term_frequency: true
      levels:
        - exact
        - {jaro_winkler: 0.92}
        - swapped
        - maiden
        - handle_like
    - name: given
      field: given_name
      term_frequency: false
      levels: [exact, nickname, initials, {levenshtein: 2}]
    - name: born
      field: birth_date
      levels: [exact, date_typo, {within_days: 365}, same_year]
    - name: place
      field: address
      levels: [same_street, same_postcode, same_city, {prefix: 2}]
  training:
    max_iterations: 50
    tolerance: 0.001
    u_sample_pairs: 5000
    max_candidate_pairs: 20000
    seed: 42
  decision:
    auto_merge: 0.95
    review: 0.6
    keep_apart_weight: -8.5
  cannot_link_schemes: [rpps, npi]
)";

TEST_CASE("ReadMatching: a full section is read as written", "[config]") {
  auto config = Parse(kFull);
  REQUIRE(config.ok());
  const MatchingConfig& m = config->matching;
  CHECK(Describe(m) ==
        "max_block_size 200\n"
        "rule same_rpps [identifier] cap 0\n"
        "rule sound [family_name.phonetic given_name.initial postcode.prefix2] cap 40\n"
        "rule swaps [name_pair] cap 0\n"
        "rule handles [social_handle.spelling birth_date.year email.local_part] cap 0\n"
        "comparison id identifier [exact_valid exact damerau<=1] tf 0 hard 1 schemes [rpps "
        "adeli]\n"
        "comparison family family_name [exact jaro_winkler>=0.92 swapped maiden handle_like] "
        "tf 1 hard 0 schemes []\n"
        "comparison given given_name [exact nickname initials levenshtein<=2] tf 0 hard 0 "
        "schemes []\n"
        "comparison born birth_date [exact date_typo within_days<=365 same_year] tf 0 hard 0 "
        "schemes []\n"
        "comparison place address [same_street same_postcode same_city prefix2] tf 0 hard 0 "
        "schemes []\n"
        "training 50 0.001 5000 20000 42\n"
        "decision 0.95 0.6 -8.5\n"
        "cannot_link [rpps npi]\n");
  // Lines point into the whole file (kHead is three lines).
  REQUIRE(m.blocking_rules.size() == 4);
  CHECK(m.blocking_rules[0].line == 8);
  CHECK(m.blocking_rules[1].line == 10);
  REQUIRE(m.comparisons.size() == 5);
  CHECK(m.comparisons[0].line == 18);
  CHECK(m.comparisons[1].line == 23);
  REQUIRE(m.comparisons[1].levels.size() == 5);
  CHECK(m.comparisons[1].levels[0].line == 27);
  CHECK(m.comparisons[1].levels[4].line == 31);
  CHECK(m.comparisons[1].levels[1].kind == LevelKind::kJaroWinkler);
  CHECK(m.comparisons[1].levels[1].threshold == Approx(0.92));
  CHECK(m.blocking_rules[1].keys[2].transform == KeyTransform::kPrefix);
  CHECK(m.blocking_rules[1].keys[2].length == 2);
  CHECK(m.blocking_rules[2].keys[0].transform == KeyTransform::kNamePair);
}

struct BrokenCase {
  std::string name;
  std::string yaml;                         // the matching section
  std::vector<std::string> expected_lines;  // each must appear in the message
};

std::string Levels(int count) {
  std::vector<std::string> levels;
  for (int i = 1; i <= count; ++i) levels.push_back(absl::StrCat("{prefix: ", i, "}"));
  return absl::StrCat("[", absl::StrJoin(levels, ", "), "]");
}

std::string Comparisons(int count) {
  std::string out = "matching:\n  comparisons:\n";
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&out, "    - {name: c", i, ", field: email, levels: [exact]}\n");
  }
  return out;
}

// Line numbers count kHead's three lines: "matching:" is line 4.
TEST_CASE("ReadMatching: broken sections name file, line and key", "[config]") {
  const BrokenCase c = GENERATE(values<BrokenCase>({
      {"not a mapping", "matching: [a]\n", {"m.yaml:4: matching: expected a mapping"}},
      {"unknown key", "matching:\n  blockng: {}\n", {"m.yaml:5: matching.blockng: unknown key"}},
      {"unknown field",
       "matching:\n  comparisons:\n    - name: c\n      field: surname\n      levels: [exact]\n",
       {"m.yaml:7: matching.comparisons[0].field: unknown field 'surname'"}},
      {"unknown level",
       "matching:\n  comparisons:\n    - name: c\n      field: given_name\n      levels:\n"
       "        - exact\n        - soundex\n",
       {"m.yaml:10: matching.comparisons[0].levels[1]: unknown level 'soundex'"}},
      {"nickname on family_name",
       "matching:\n  comparisons:\n    - {name: c, field: family_name, levels: [nickname]}\n",
       {"m.yaml:6: matching.comparisons[0].levels[0]: nickname applies to given_name only"}},
      {"swapped on given_name",
       "matching:\n  comparisons:\n    - {name: c, field: given_name, levels: [exact, swapped]}\n",
       {"m.yaml:6: matching.comparisons[0].levels[1]: swapped applies to family_name only"}},
      {"jaro_winkler on address",
       "matching:\n  comparisons:\n    - {name: c, field: address, levels: [{jaro_winkler: "
       "0.9}]}\n",
       {"m.yaml:6: matching.comparisons[0].levels[0]: jaro_winkler does not apply to address"}},
      {"same_year on a phone",
       "matching:\n  comparisons:\n    - {name: c, field: phone, levels: [same_year]}\n",
       {"matching.comparisons[0].levels[0]: same_year applies to birth_date only"}},
      {"missing number",
       "matching:\n  comparisons:\n    - {name: c, field: given_name, levels: [jaro_winkler]}\n",
       {"m.yaml:6: matching.comparisons[0].levels[0]: jaro_winkler needs a number"}},
      {"a number where none is taken",
       "matching:\n  comparisons:\n    - {name: c, field: given_name, levels: [{exact: 1}]}\n",
       {"matching.comparisons[0].levels[0]: exact takes no number"}},
      {"similarity above 1",
       "matching:\n  comparisons:\n    - {name: c, field: city, levels: [{jaro: 1.5}]}\n",
       {"m.yaml:6: matching.comparisons[0].levels[0]: expected a number from 0.01 to 1"}},
      {"similarity of 0",
       "matching:\n  comparisons:\n    - {name: c, field: city, levels: [{token_set: 0}]}\n",
       {"matching.comparisons[0].levels[0]: expected a number from 0.01 to 1"}},
      {"not a number",
       "matching:\n  comparisons:\n    - {name: c, field: city, levels: [{jaro: high}]}\n",
       {"matching.comparisons[0].levels[0]: expected a number from 0.01 to 1"}},
      {"non-integer distance",
       "matching:\n  comparisons:\n    - {name: c, field: phone, levels: [{damerau: 1.5}]}\n",
       {"m.yaml:6: matching.comparisons[0].levels[0]: expected a whole number from 1 to 10"}},
      {"distance out of range",
       "matching:\n  comparisons:\n    - {name: c, field: phone, levels: [{levenshtein: 11}]}\n",
       {"matching.comparisons[0].levels[0]: expected a whole number from 1 to 10"}},
      {"days out of range",
       "matching:\n  comparisons:\n    - {name: c, field: birth_date, levels: [{within_days: "
       "0}]}\n",
       {"matching.comparisons[0].levels[0]: expected a whole number from 1 to 36500"}},
      {"unknown transform",
       "matching:\n  blocking:\n    rules:\n      - name: r\n        keys: [family_name.soundex]\n",
       {"m.yaml:8: matching.blocking.rules[0].keys: key 'family_name.soundex': unknown "
        "transform"}},
      {"unknown key field",
       "matching:\n  blocking:\n    rules: [{name: r, keys: [surname]}]\n",
       {"m.yaml:6: matching.blocking.rules[0].keys: key 'surname': unknown field"}},
      {"address as a blocking key",
       "matching:\n  blocking:\n    rules: [{name: r, keys: [address]}]\n",
       {"matching.blocking.rules[0].keys: key 'address': block on postcode, city or street"}},
      {"spelling on a non-handle field",
       "matching:\n  blocking:\n    rules: [{name: r, keys: [family_name.spelling]}]\n",
       {"key 'family_name.spelling': spelling applies to social_handle only"}},
      {"phonetic on a postcode",
       "matching:\n  blocking:\n    rules: [{name: r, keys: [postcode.phonetic]}]\n",
       {"key 'postcode.phonetic': applies to given_name and family_name only"}},
      {"prefix out of range",
       "matching:\n  blocking:\n    rules: [{name: r, keys: [city.prefix33, city.prefix0]}]\n",
       {"key 'city.prefix33': expected prefixN with N from 1 to 32",
        "key 'city.prefix0': expected prefixN with N from 1 to 32"}},
      {"rule without keys",
       "matching:\n  blocking:\n    rules:\n      - name: r\n",
       {"m.yaml:7: matching.blocking.rules[0].keys: is required"}},
      {"duplicate rule names",
       "matching:\n  blocking:\n    rules:\n      - {name: r, keys: [email]}\n"
       "      - {name: r, keys: [phone]}\n",
       {"m.yaml:8: matching.blocking.rules[1].name: duplicate rule name 'r'"}},
      {"duplicate comparison names",
       "matching:\n  comparisons:\n    - {name: c, field: email, levels: [exact]}\n"
       "    - {name: c, field: phone, levels: [exact]}\n",
       {"m.yaml:7: matching.comparisons[1].name: duplicate comparison name 'c'"}},
      {"review above auto_merge",
       "matching:\n  decision:\n    auto_merge: 0.7\n    review: 0.9\n",
       {"m.yaml:6: matching.decision.review: must not exceed matching.decision.auto_merge"}},
      {"review above the default auto_merge",
       "matching:\n  decision: {review: 0.85}\n",
       {"matching.decision.review: must not exceed matching.decision.auto_merge"}},
      {"too many comparisons",
       Comparisons(config::kMaxComparisons + 1),
       {"m.yaml:6: matching.comparisons: at most 16 comparisons"}},
      {"too many levels",
       absl::StrCat("matching:\n  comparisons:\n    - name: c\n      field: phone\n"
                    "      levels: ",
                    Levels(config::kMaxLevelsPerComparison + 1), "\n"),
       {"m.yaml:8: matching.comparisons[0].levels: at most 14 levels"}},
      {"unknown scheme",
       "matching:\n  comparisons:\n    - {name: c, field: identifier, schemes: [rpps, siret],"
       " levels: [exact]}\n",
       {"m.yaml:6: matching.comparisons[0].schemes: unknown identifier scheme 'siret'"}},
      {"unknown cannot-link scheme",
       "matching:\n  cannot_link_schemes: [rpps, siren]\n",
       {"m.yaml:5: matching.cannot_link_schemes: unknown identifier scheme 'siren'"}},
      {"schemes on a name",
       "matching:\n  comparisons:\n    - {name: c, field: given_name, schemes: [rpps],"
       " levels: [exact]}\n",
       {"matching.comparisons[0].schemes: applies to identifier only"}},
      {"term_frequency not a boolean",
       "matching:\n  comparisons:\n    - {name: c, field: email, term_frequency: often,"
       " levels: [exact]}\n",
       {"matching.comparisons[0].term_frequency: expected true or false"}},
      {"training out of range",
       "matching:\n  training:\n    u_sample_pairs: 10\n    tolerance: 0\n",
       {"m.yaml:6: matching.training.u_sample_pairs: expected a whole number from 1000",
        "m.yaml:7: matching.training.tolerance: expected a number from"}},
      {"block cap of 1",
       "matching:\n  blocking: {max_block_size: 1}\n",
       {"matching.blocking.max_block_size: expected a whole number from 2 to 1000000"}},
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
  const std::vector<std::string> lines = absl::StrSplit(message, '\n');
  CHECK(lines.size() == c.expected_lines.size() + 1);
}

TEST_CASE("ReadMatching: every problem of a section is reported at once", "[config]") {
  const std::string yaml = R"(matching:
  colour: blue
  blocking:
    rules:
      - {name: r, keys: [family_name.soundex]}
      - {name: r, keys: [address]}
  comparisons:
    - {name: g, field: given_name, levels: [swapped, {jaro_winkler: 2}]}
    - {name: f, field: family_name, levels: [nickname, jaro]}
    - {name: g, field: identifier, schemes: [siret], levels: [exact]}
  training: {max_iterations: 0}
  decision: {auto_merge: 0.6, review: 0.7}
  cannot_link_schemes: [ssn]
)";
  auto config = Parse(yaml);
  REQUIRE_FALSE(config.ok());
  const std::string message(config.status().message());
  CAPTURE(message);
  const std::vector<std::string> expected = {
      "m.yaml:5: matching.colour: unknown key",
      "m.yaml:8: matching.blocking.rules[0].keys: key 'family_name.soundex'",
      "m.yaml:9: matching.blocking.rules[1].name: duplicate rule name 'r'",
      "m.yaml:9: matching.blocking.rules[1].keys: key 'address'",
      "m.yaml:11: matching.comparisons[0].levels[0]: swapped applies to family_name only",
      "m.yaml:11: matching.comparisons[0].levels[1]: expected a number from 0.01 to 1",
      "m.yaml:12: matching.comparisons[1].levels[0]: nickname applies to given_name only",
      "m.yaml:12: matching.comparisons[1].levels[1]: jaro needs a number",
      "m.yaml:13: matching.comparisons[2].schemes: unknown identifier scheme 'siret'",
      "m.yaml:13: matching.comparisons[2].name: duplicate comparison name 'g'",
      "m.yaml:14: matching.training.max_iterations: expected a whole number from 1 to 10000",
      "m.yaml:15: matching.decision.review: must not exceed matching.decision.auto_merge",
      "m.yaml:16: matching.cannot_link_schemes: unknown identifier scheme 'ssn'",
  };
  for (const std::string& line : expected) CHECK(message.find(line) != std::string::npos);
  CHECK(absl::StartsWith(message,
                         absl::StrCat("config m.yaml has ", expected.size(), " problems:\n")));
}

// --- the JSON Schema says what the reader does ----------------------------

nlohmann::json LoadSchema() {
  std::ifstream in(std::string(MDM_SOURCE_DIR) + "/schemas/json/mdm_config.schema.json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

std::set<std::string> Strings(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& item : list) out.insert(item.get<std::string>());
  return out;
}

std::vector<std::string> AllFieldNames() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(MatchField::kIdentifier); ++i) {
    out.emplace_back(MatchFieldName(static_cast<MatchField>(i)));
  }
  return out;
}

std::vector<std::string> AllLevelNames() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(LevelKind::kHandleInitial); ++i) {
    out.emplace_back(LevelKindName(static_cast<LevelKind>(i)));
  }
  return out;
}

TEST_CASE("ReadMatching: the JSON Schema allows exactly the levels the reader allows per field",
          "[config]") {
  const nlohmann::json schema = LoadSchema();
  const nlohmann::json& defs = schema["$defs"];
  const std::vector<std::string> fields = AllFieldNames();
  const std::vector<std::string> levels = AllLevelNames();
  CHECK(Strings(defs["match_field"]["enum"]) ==
        std::set<std::string>(fields.begin(), fields.end()));
  const nlohmann::json& numbered = defs["level_with_number"]["properties"];
  std::set<std::string> schema_levels = Strings(defs["level_name"]["enum"]);
  for (const auto& [name, rule] : numbered.items()) {
    CHECK(schema_levels.insert(name).second);  // a level takes a number or not, never both
  }
  CHECK(schema_levels == std::set<std::string>(levels.begin(), levels.end()));

  // Per field, the levels the schema's allOf lets through.
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& rule : defs["comparison"]["allOf"]) {
    const nlohmann::json& condition = rule["if"];
    if (!condition.contains("properties") || !condition["properties"].contains("field")) continue;
    const auto& any_of = rule["then"]["properties"]["levels"]["items"]["anyOf"];
    std::set<std::string> fit = Strings(any_of[0]["enum"]);
    for (const std::string& name : Strings(any_of[1]["propertyNames"]["enum"])) fit.insert(name);
    for (const std::string& field : Strings(condition["properties"]["field"]["enum"])) {
      CHECK(allowed.emplace(field, fit).second);  // one rule per field
    }
  }
  for (const std::string& field : fields) {
    for (const std::string& level : levels) {
      const std::string written =
          numbered.contains(level)
              ? absl::StrCat("{", level, ": ", numbered[level]["minimum"].dump(), "}")
              : level;
      auto config = Parse(absl::StrCat("matching:\n  comparisons:\n    - {name: c, field: ", field,
                                       ", levels: [", written, "]}\n"));
      CAPTURE(field, written, config.status().message());
      CHECK(config.ok() == (allowed[field].count(level) == 1));
    }
  }
}

TEST_CASE("ReadMatching: the JSON Schema's number ranges are the reader's", "[config]") {
  const nlohmann::json numbered = LoadSchema()["$defs"]["level_with_number"]["properties"];
  for (const auto& [level, rule] : numbered.items()) {
    const std::string field = level == "within_days" ? "birth_date" : "family_name";
    const double min = rule["minimum"].get<double>();
    const double max = rule["maximum"].get<double>();
    const bool whole = rule["type"] == "integer";
    const double step = whole ? 1 : 0.001;
    struct Probe {
      double value;
      bool ok;
    };
    std::vector<Probe> probes = {
        {min, true}, {max, true}, {min - step, false}, {max + step, false}};
    if (whole) probes.push_back({min + 0.5, false});
    for (const Probe& p : probes) {
      auto config = Parse(absl::StrCat("matching:\n  comparisons:\n    - {name: c, field: ", field,
                                       ", levels: [{", level, ": ", p.value, "}]}\n"));
      CAPTURE(level, p.value, config.status().message());
      CHECK(config.ok() == p.ok);
    }
  }
}

TEST_CASE("ReadMatching: the JSON Schema's key pattern accepts exactly the reader's keys",
          "[config]") {
  const std::string pattern = LoadSchema()["$defs"]["blocking_key"]["pattern"];
  const std::regex key_pattern(pattern);
  std::vector<std::string> keys = {"name_pair",    "name_pair.initial", "surname",       "",
                                   "family_name.", "given_name.prefix", "city.prefix3.x"};
  for (const std::string& field : AllFieldNames()) {
    for (const char* transform :
         {"", ".phonetic", ".initial", ".year", ".local_part", ".spelling", ".prefix1", ".prefix9",
          ".prefix10", ".prefix32", ".prefix0", ".prefix33", ".soundex", ".exact"}) {
      keys.push_back(absl::StrCat(field, transform));
    }
  }
  int accepted = 0;
  for (const std::string& key : keys) {
    auto config = Parse(
        absl::StrCat("matching:\n  blocking:\n    rules: [{name: r, keys: ['", key, "']}]\n"));
    CAPTURE(key, config.status().message());
    CHECK(config.ok() == std::regex_match(key, key_pattern));
    accepted += config.ok();
  }
  // 13 fields x (exact + 4 prefixes), 2 names x 2, year, local part, spelling, name_pair.
  CHECK(accepted == 13 * 5 + 4 + 3 + 1);
}

}  // namespace
}  // namespace mdm
