// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/settings_json.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace mdm::match {
namespace {

using nlohmann::json;

// Field by field; `line` is where a setting was read in mdm.yaml and is not
// part of the stored form.
void CheckSameLevels(const std::vector<LevelConfig>& a, const std::vector<LevelConfig>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t l = 0; l < a.size(); ++l) {
    CAPTURE(l);
    CHECK(a[l].kind == b[l].kind);
    CHECK(a[l].threshold == b[l].threshold);
  }
}

void CheckSameComparisons(const std::vector<ComparisonConfig>& a,
                          const std::vector<ComparisonConfig>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t c = 0; c < a.size(); ++c) {
    CAPTURE(a[c].name);
    CHECK(a[c].name == b[c].name);
    CHECK(a[c].field == b[c].field);
    CHECK(a[c].schemes == b[c].schemes);
    CHECK(a[c].term_frequency == b[c].term_frequency);
    CHECK(a[c].hard == b[c].hard);
    CheckSameLevels(a[c].levels, b[c].levels);
  }
}

void CheckSame(const MatchingConfig& a, const MatchingConfig& b) {
  REQUIRE(a.blocking_rules.size() == b.blocking_rules.size());
  for (size_t r = 0; r < a.blocking_rules.size(); ++r) {
    const BlockingRuleConfig& x = a.blocking_rules[r];
    const BlockingRuleConfig& y = b.blocking_rules[r];
    CAPTURE(x.name);
    CHECK(x.name == y.name);
    CHECK(x.max_block_size == y.max_block_size);
    REQUIRE(x.keys.size() == y.keys.size());
    for (size_t k = 0; k < x.keys.size(); ++k) {
      CAPTURE(k);
      CHECK(x.keys[k].field == y.keys[k].field);
      CHECK(x.keys[k].transform == y.keys[k].transform);
      CHECK(x.keys[k].length == y.keys[k].length);
      CHECK(x.keys[k].Label() == y.keys[k].Label());
    }
  }
  CHECK(a.max_block_size == b.max_block_size);
  CheckSameComparisons(a.comparisons, b.comparisons);
  CHECK(a.training.max_iterations == b.training.max_iterations);
  CHECK(a.training.tolerance == b.training.tolerance);
  CHECK(a.training.u_sample_pairs == b.training.u_sample_pairs);
  CHECK(a.training.max_candidate_pairs == b.training.max_candidate_pairs);
  CHECK(a.training.seed == b.training.seed);
  CHECK(a.auto_merge == b.auto_merge);
  CHECK(a.review == b.review);
  CHECK(a.keep_apart_weight == b.keep_apart_weight);
  CHECK(a.cannot_link_schemes == b.cannot_link_schemes);
}

// Unlike the default in every field, with values that do not print exactly
// in a few digits.
MatchingConfig HandMade() {
  MatchingConfig m;
  m.blocking_rules = {
      {"postcode_prefix",
       {{MatchField::kPostcode, KeyTransform::kPrefix, 3},
        {MatchField::kBirthDate, KeyTransform::kYear, 0}},
       7,
       12},
      {"swaps", {{MatchField::kFamilyName, KeyTransform::kNamePair, 0}}, 0, 13},
      {"handles \"quoted\" é",
       {{MatchField::kSocialHandle, KeyTransform::kSpelling, 0},
        {MatchField::kEmail, KeyTransform::kLocalPart, 0},
        {MatchField::kGivenName, KeyTransform::kInitial, 0},
        {MatchField::kFamilyName, KeyTransform::kPhonetic, 0}},
       123456789012,
       14},
  };
  m.max_block_size = 3;
  ComparisonConfig ids;
  ids.name = "national_ids";
  ids.field = MatchField::kIdentifier;
  ids.schemes = {"gmc", "lanr"};
  ids.levels = {{LevelKind::kExactValid, 0, 20}, {LevelKind::kDamerau, 2, 21}};
  ids.hard = true;
  ComparisonConfig dates;
  dates.name = "dob";
  dates.field = MatchField::kBirthDate;
  dates.levels = {{LevelKind::kWithinDays, 365, 0}, {LevelKind::kSameYear, 0, 0}};
  ComparisonConfig family;
  family.name = "family";
  family.field = MatchField::kFamilyName;
  family.term_frequency = true;
  family.levels = {{LevelKind::kJaroWinkler, 0.1 + 0.2, 0},
                   {LevelKind::kJaro, 1.0 / 3, 0},
                   {LevelKind::kHandleLike, 0, 0}};
  ComparisonConfig place;
  place.name = "place";
  place.field = MatchField::kAddress;
  place.levels = {{LevelKind::kPrefix, 4, 0}};
  m.comparisons = {ids, dates, family, place};
  m.training = {7, 1.5e-9, 123457, 98765, std::numeric_limits<uint64_t>::max()};
  m.auto_merge = 0.9876543210123;
  m.review = 0.1;
  m.keep_apart_weight = -7.25;
  m.cannot_link_schemes = {"gmc"};
  return m;
}

TEST_CASE("MatchingConfigFromJson: reads back what MatchingConfigToJson wrote", "[match]") {
  struct Case {
    std::string name;
    MatchingConfig config;
  };
  MatchingConfig empty;
  empty.blocking_rules.clear();
  empty.comparisons.clear();
  empty.cannot_link_schemes.clear();
  // clang-format off
  const Case c = GENERATE_COPY(values<Case>({
      {"default", DefaultMatchingConfig()},
      {"hand-made", HandMade()},
      {"empty lists", empty},
  }));
  // clang-format on
  CAPTURE(c.name);
  const std::string text = MatchingConfigToJson(c.config);
  absl::StatusOr<MatchingConfig> back = MatchingConfigFromJson(text);
  REQUIRE(back.ok());
  CheckSame(*back, c.config);
  // Written again, the text is the same: nothing drifts through a round trip.
  CHECK(MatchingConfigToJson(*back) == text);
}

TEST_CASE("MatchingConfigToJson: settings that differ give different text", "[match]") {
  const std::string base = MatchingConfigToJson(DefaultMatchingConfig());
  std::vector<std::function<void(MatchingConfig&)>> changes = {
      [](MatchingConfig& m) { m.max_block_size += 1; },
      [](MatchingConfig& m) { m.blocking_rules[0].keys[0].transform = KeyTransform::kPrefix; },
      [](MatchingConfig& m) { m.blocking_rules[3].keys[0].length = 2; },
      [](MatchingConfig& m) { m.comparisons[1].levels[1].threshold = 0.93; },
      [](MatchingConfig& m) { m.comparisons[0].schemes = {"rpps"}; },
      [](MatchingConfig& m) { m.comparisons[0].hard = false; },
      [](MatchingConfig& m) { m.training.seed = 2; },
      [](MatchingConfig& m) { m.review = 0.7; },
      [](MatchingConfig& m) { m.cannot_link_schemes.pop_back(); },
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    CAPTURE(i);
    MatchingConfig m = DefaultMatchingConfig();
    changes[i](m);
    CHECK(MatchingConfigToJson(m) != base);
  }
}

TEST_CASE("MatchingConfigFromJson: damaged text is DataLoss", "[match]") {
  const json good = json::parse(MatchingConfigToJson(HandMade()));
  struct Case {
    std::string name;
    std::function<void(json&)> damage;
  };
  const std::vector<Case> cases = {
      {"format missing", [](json& j) { j.erase("format"); }},
      {"another format", [](json& j) { j["format"] = 2; }},
      {"format as text", [](json& j) { j["format"] = "1"; }},
      {"blocking_rules not a list", [](json& j) { j["blocking_rules"] = json::object(); }},
      {"rule without name", [](json& j) { j["blocking_rules"][0].erase("name"); }},
      {"rule max_block_size not a whole number",
       [](json& j) { j["blocking_rules"][0]["max_block_size"] = 2.5; }},
      {"unknown key field", [](json& j) { j["blocking_rules"][0]["keys"][0]["field"] = "shoe"; }},
      {"transform beyond the last",
       [](json& j) {
         j["blocking_rules"][0]["keys"][0]["transform"] =
             static_cast<int>(KeyTransform::kSpelling) + 1;
       }},
      {"negative transform", [](json& j) { j["blocking_rules"][0]["keys"][0]["transform"] = -1; }},
      {"key without length", [](json& j) { j["blocking_rules"][0]["keys"][0].erase("length"); }},
      {"max_block_size missing", [](json& j) { j.erase("max_block_size"); }},
      {"comparisons not a list", [](json& j) { j["comparisons"] = "none"; }},
      {"unknown comparison field", [](json& j) { j["comparisons"][0]["field"] = "shoe"; }},
      {"unknown level", [](json& j) { j["comparisons"][0]["levels"][0]["kind"] = "fuzzy"; }},
      {"threshold as text", [](json& j) { j["comparisons"][0]["levels"][1]["threshold"] = "2"; }},
      {"scheme not text", [](json& j) { j["comparisons"][0]["schemes"][0] = 7; }},
      {"hard missing", [](json& j) { j["comparisons"][0].erase("hard"); }},
      {"term_frequency as a number", [](json& j) { j["comparisons"][2]["term_frequency"] = 1; }},
      {"training missing", [](json& j) { j.erase("training"); }},
      {"seed as text", [](json& j) { j["training"]["seed"] = "1"; }},
      {"tolerance missing", [](json& j) { j["training"].erase("tolerance"); }},
      {"auto_merge as text", [](json& j) { j["auto_merge"] = "0.9"; }},
      {"review missing", [](json& j) { j.erase("review"); }},
      {"keep_apart_weight null", [](json& j) { j["keep_apart_weight"] = nullptr; }},
      {"cannot-link scheme not text",
       [](json& j) {
         j["cannot_link_schemes"] = json::array({"gmc", 3});
       }},
      {"cannot_link_schemes missing", [](json& j) { j.erase("cannot_link_schemes"); }},
      {"not an object",
       [](json& j) {
         j = json::array({1, 2});
       }},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    json doc = good;
    c.damage(doc);
    const absl::StatusOr<MatchingConfig> back = MatchingConfigFromJson(doc.dump());
    CHECK(back.status().code() == absl::StatusCode::kDataLoss);
  }
}

TEST_CASE("MatchingConfigFromJson: text that is not JSON is DataLoss", "[match]") {
  const std::string good = MatchingConfigToJson(HandMade());
  // clang-format off
  const std::string text = GENERATE_COPY(values<std::string>({
      "",
      "{",
      "null",
      "[]",
      "{}",
      "not json",
      good.substr(0, good.size() - 1),
      good.substr(0, good.size() / 2),
      good + "}",
      "\xff\xfe",
  }));
  // clang-format on
  CAPTURE(text);
  CHECK(MatchingConfigFromJson(text).status().code() == absl::StatusCode::kDataLoss);
}

TEST_CASE("ComparisonsFromJsonValue: reads back ComparisonsToJsonValue", "[match]") {
  const std::vector<ComparisonConfig> comparisons = HandMade().comparisons;
  const json value = ComparisonsToJsonValue(comparisons);
  CHECK(value.is_array());
  std::vector<ComparisonConfig> back;
  REQUIRE(ComparisonsFromJsonValue(value, &back));
  CheckSameComparisons(back, comparisons);
}

TEST_CASE("ComparisonsFromJsonValue: false when the value is not such a list", "[match]") {
  const json good = ComparisonsToJsonValue(DefaultMatchingConfig().comparisons);
  std::vector<json> bad = {json::object(), json("identifier"), json(nullptr)};
  bad.push_back(good);
  bad.back()[0].erase("levels");
  bad.push_back(good);
  bad.back()[1]["levels"][0]["kind"] = "nearly";
  bad.push_back(good);
  bad.back()[2]["field"] = 3;
  for (size_t i = 0; i < bad.size(); ++i) {
    CAPTURE(i);
    std::vector<ComparisonConfig> out;
    CHECK_FALSE(ComparisonsFromJsonValue(bad[i], &out));
  }
}

}  // namespace
}  // namespace mdm::match
