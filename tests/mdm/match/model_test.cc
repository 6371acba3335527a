// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/match/model.h: the stored JSON form of a MatchModel (round
// trip, and DataLoss for every kind of damage), the fingerprint of the
// comparisons a model was trained for, and the weight arithmetic.
#include "mdm/match/model.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mdm/matching_config.h"

namespace mdm::match {
namespace {

using nlohmann::json;

LevelConfig Level(LevelKind kind, double threshold = 0) { return {kind, threshold, 0}; }

std::vector<ComparisonConfig> Comparisons() {
  ComparisonConfig family;
  family.name = "family_name";
  family.field = MatchField::kFamilyName;
  family.levels = {Level(LevelKind::kExact), Level(LevelKind::kJaroWinkler, 0.92)};
  family.term_frequency = true;
  ComparisonConfig id;
  id.name = "identifier";
  id.field = MatchField::kIdentifier;
  id.schemes = {"rpps", "npi"};
  id.levels = {Level(LevelKind::kExactValid), Level(LevelKind::kDamerau, 1)};
  id.hard = true;
  ComparisonConfig birth;
  birth.name = "birth_date";
  birth.field = MatchField::kBirthDate;
  birth.levels = {Level(LevelKind::kExact), Level(LevelKind::kWithinDays, 365)};
  return {family, id, birth};
}

// A model made by hand: per comparison, null + two levels + else.
MatchModel HandModel() {
  MatchModel model;
  model.model_id = 7;
  model.created_at = "2026-03-14T10:30:00Z";
  model.prior = 1.0 / 3000.0;
  const std::vector<std::vector<LevelParameters>> params = {
      {{0, 0}, {0.9, 0.01}, {0.07, 0.04}, {0.03, 0.95}},
      {{0, 0}, {0.6, 1e-7}, {0.1, 1e-4}, {0.3, 0.9999}},
      {{0, 0}, {0.85, 0.002}, {0.1, 0.1}, {0.05, 0.898}},
  };
  const std::vector<ComparisonConfig> configs = Comparisons();
  for (size_t c = 0; c < configs.size(); ++c) {
    model.comparisons.push_back({configs[c], params[c]});
  }
  model.fingerprint = ComparisonsFingerprint(configs);
  model.training.records = 1234;
  model.training.candidate_pairs = 98765;
  model.training.sampled_candidate_pairs = 5000;
  model.training.distinct_patterns = 42;
  model.training.u_sample_pairs = 761;
  model.training.em_iterations = 17;
  model.training.converged = true;
  model.training.candidate_match_share = 0.1;
  model.training.seconds = 1.25;
  return model;
}

void CheckSameConfig(const ComparisonConfig& got, const ComparisonConfig& want) {
  CHECK(got.name == want.name);
  CHECK(got.field == want.field);
  CHECK(got.schemes == want.schemes);
  CHECK(got.term_frequency == want.term_frequency);
  CHECK(got.hard == want.hard);
  REQUIRE(got.levels.size() == want.levels.size());
  for (size_t l = 0; l < want.levels.size(); ++l) {
    CHECK(got.levels[l].kind == want.levels[l].kind);
    CHECK(got.levels[l].threshold == want.levels[l].threshold);
  }
}

TEST_CASE("Model: ModelFromJson reads back what ModelToJson wrote", "[match][model]") {
  const MatchModel model = HandModel();
  absl::StatusOr<MatchModel> back = ModelFromJson(ModelToJson(model));
  REQUIRE(back.ok());
  CHECK(back->created_at == model.created_at);
  CHECK(back->fingerprint == model.fingerprint);
  CHECK(back->prior == model.prior);  // doubles survive exactly
  REQUIRE(back->comparisons.size() == model.comparisons.size());
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    CAPTURE(c);
    CheckSameConfig(back->comparisons[c].config, model.comparisons[c].config);
    REQUIRE(back->comparisons[c].levels.size() == model.comparisons[c].levels.size());
    for (size_t l = 0; l < model.comparisons[c].levels.size(); ++l) {
      CAPTURE(l);
      CHECK(back->comparisons[c].levels[l].m == model.comparisons[c].levels[l].m);
      CHECK(back->comparisons[c].levels[l].u == model.comparisons[c].levels[l].u);
    }
  }
  const TrainingStats& t = back->training;
  CHECK(t.records == 1234);
  CHECK(t.candidate_pairs == 98765);
  CHECK(t.sampled_candidate_pairs == 5000);
  CHECK(t.distinct_patterns == 42);
  CHECK(t.u_sample_pairs == 761);
  CHECK(t.em_iterations == 17);
  CHECK(t.converged);
  CHECK(t.candidate_match_share == 0.1);
  CHECK(t.seconds == 1.25);
  // The comparisons read back give the same fingerprint: a reloaded model
  // is recognised as trained for the configured comparisons.
  CHECK(ComparisonsFingerprint(back->ComparisonConfigs()) == model.fingerprint);
  // Writing again gives the same text.
  CHECK(ModelToJson(*back) == ModelToJson(model));
}

TEST_CASE("Model: a model without comparisons round-trips", "[match][model]") {
  MatchModel model;
  model.prior = 0.5;
  model.fingerprint = ComparisonsFingerprint({});
  absl::StatusOr<MatchModel> back = ModelFromJson(ModelToJson(model));
  REQUIRE(back.ok());
  CHECK(back->comparisons.empty());
  CHECK(back->prior == 0.5);
}

struct Damage {
  const char* name;
  std::function<void(json*)> apply;
};

TEST_CASE("Model: a damaged stored model is DataLoss", "[match][model]") {
  const Damage d = GENERATE(values<Damage>({
      {"format 2", [](json* j) { (*j)["format"] = 2; }},
      {"format as text", [](json* j) { (*j)["format"] = "1"; }},
      {"prior 0", [](json* j) { (*j)["prior"] = 0.0; }},
      {"prior 1", [](json* j) { (*j)["prior"] = 1.0; }},
      {"prior negative", [](json* j) { (*j)["prior"] = -0.25; }},
      {"prior above 1", [](json* j) { (*j)["prior"] = 1.5; }},
      {"prior as text", [](json* j) { (*j)["prior"] = "0.1"; }},
      {"m zero", [](json* j) { (*j)["m_u"][0][1][0] = 0.0; }},
      {"u zero", [](json* j) { (*j)["m_u"][0][1][1] = 0.0; }},
      {"m negative on else", [](json* j) { (*j)["m_u"][1][3][0] = -0.1; }},
      {"u negative", [](json* j) { (*j)["m_u"][2][2][1] = -1e-9; }},
      {"m as text", [](json* j) { (*j)["m_u"][0][1][0] = "0.9"; }},
      {"level of three numbers", [](json* j) { (*j)["m_u"][0][1].push_back(0.5); }},
      {"level not a pair", [](json* j) { (*j)["m_u"][0][1] = 0.5; }},
      {"a level missing", [](json* j) { (*j)["m_u"][0].erase(3); }},
      {"a level too many", [](json* j) { (*j)["m_u"][0].push_back({0.1, 0.1}); }},
      {"parameters of a comparison missing", [](json* j) { (*j)["m_u"].erase(2); }},
      {"parameters not an array", [](json* j) { (*j)["m_u"] = json::object(); }},
      {"comparisons not an array", [](json* j) { (*j)["comparisons"] = "family_name"; }},
      {"unknown field", [](json* j) { (*j)["comparisons"][0]["field"] = "shoe_size"; }},
      {"unknown level kind", [](json* j) { (*j)["comparisons"][1]["levels"][0]["kind"] = "psychic"; }},
      {"comparison without name", [](json* j) { (*j)["comparisons"][0].erase("name"); }},
      {"comparison without levels", [](json* j) { (*j)["comparisons"][2].erase("levels"); }},
      {"scheme not a string", [](json* j) { (*j)["comparisons"][1]["schemes"][0] = 3; }},
      {"converged not a bool", [](json* j) { (*j)["training"]["converged"] = 1; }},
      {"records not an integer", [](json* j) { (*j)["training"]["records"] = 12.5; }},
      {"training not an object", [](json* j) { (*j)["training"] = json::array(); }},
      {"not an object", [](json* j) { *j = json::array({1, 2}); }},
  }));
  CAPTURE(d.name);
  json doc = json::parse(ModelToJson(HandModel()));
  d.apply(&doc);
  absl::StatusOr<MatchModel> back = ModelFromJson(doc.dump());
  REQUIRE_FALSE(back.ok());
  CHECK(back.status().code() == absl::StatusCode::kDataLoss);
}

TEST_CASE("Model: a stored model missing any field is DataLoss", "[match][model]") {
  const json whole = json::parse(ModelToJson(HandModel()));
  std::vector<std::string> paths;
  for (const auto& item : whole.items()) paths.push_back(item.key());
  for (const auto& item : whole["training"].items()) paths.push_back("training." + item.key());
  REQUIRE(paths.size() == 16);  // 7 top-level fields, 9 training statistics
  for (const std::string& path : paths) {
    CAPTURE(path);
    json doc = whole;
    if (path.rfind("training.", 0) == 0) {
      doc["training"].erase(path.substr(9));
    } else {
      doc.erase(path);
    }
    absl::StatusOr<MatchModel> back = ModelFromJson(doc.dump());
    REQUIRE_FALSE(back.ok());
    CHECK(back.status().code() == absl::StatusCode::kDataLoss);
  }
}

TEST_CASE("Model: text that is not a model is DataLoss", "[match][model]") {
  const std::string whole = ModelToJson(HandModel());
  const std::string text = GENERATE_COPY(values<std::string>({
      "", "null", "{}", "[]", "42", "not json at all", "{\"format\": 1}",
      whole.substr(0, whole.size() / 2), whole.substr(0, whole.size() - 1),
      whole + "}",
  }));
  CAPTURE(text.substr(0, 60));
  absl::StatusOr<MatchModel> back = ModelFromJson(text);
  REQUIRE_FALSE(back.ok());
  CHECK(back.status().code() == absl::StatusCode::kDataLoss);
}

TEST_CASE("Model: the null level's parameters are not checked", "[match][model]") {
  // Index 0 is unused (weight 0), so 0/0 there is what training writes.
  MatchModel model = HandModel();
  REQUIRE(model.comparisons[0].levels[0].m == 0);
  CHECK(ModelFromJson(ModelToJson(model)).ok());
}

struct Change {
  const char* name;
  std::function<void(std::vector<ComparisonConfig>*)> apply;
};

TEST_CASE("Model: the fingerprint changes with anything a model depends on",
          "[match][model]") {
  const Change change = GENERATE(values<Change>({
      {"comparison renamed", [](auto* c) { (*c)[0].name = "surname"; }},
      {"field changed", [](auto* c) { (*c)[0].field = MatchField::kGivenName; }},
      {"level kind changed", [](auto* c) { (*c)[0].levels[1].kind = LevelKind::kJaro; }},
      {"threshold changed", [](auto* c) { (*c)[0].levels[1].threshold = 0.88; }},
      {"days changed", [](auto* c) { (*c)[2].levels[1].threshold = 30; }},
      {"damerau distance changed", [](auto* c) { (*c)[1].levels[1].threshold = 2; }},
      {"level added", [](auto* c) { (*c)[0].levels.push_back({LevelKind::kPhonetic, 0, 0}); }},
      {"level removed", [](auto* c) { (*c)[2].levels.pop_back(); }},
      {"levels reordered",
       [](auto* c) { std::swap((*c)[0].levels[0], (*c)[0].levels[1]); }},
      {"term frequency turned off", [](auto* c) { (*c)[0].term_frequency = false; }},
      {"term frequency turned on", [](auto* c) { (*c)[2].term_frequency = true; }},
      {"hard turned off", [](auto* c) { (*c)[1].hard = false; }},
      {"hard turned on", [](auto* c) { (*c)[0].hard = true; }},
      {"scheme removed", [](auto* c) { (*c)[1].schemes.pop_back(); }},
      {"scheme added", [](auto* c) { (*c)[1].schemes.push_back("adeli"); }},
      {"comparisons reordered", [](auto* c) { std::swap((*c)[0], (*c)[2]); }},
      {"comparison removed", [](auto* c) { c->pop_back(); }},
      {"comparison added", [](auto* c) { c->push_back(c->front()); c->back().name = "x"; }},
  }));
  CAPTURE(change.name);
  const std::vector<ComparisonConfig> base = Comparisons();
  std::vector<ComparisonConfig> changed = base;
  change.apply(&changed);
  CHECK(ComparisonsFingerprint(changed) != ComparisonsFingerprint(base));
}

TEST_CASE("Model: the fingerprint ignores what a model does not depend on",
          "[match][model]") {
  const std::vector<ComparisonConfig> base = Comparisons();
  const std::string fingerprint = ComparisonsFingerprint(base);
  CHECK(fingerprint.size() == 64);  // SHA-256 in hex
  CHECK(fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(ComparisonsFingerprint(Comparisons()) == fingerprint);  // stable
  std::vector<ComparisonConfig> moved = base;  // only the config file lines differ
  for (ComparisonConfig& c : moved) {
    c.line += 40;
    for (LevelConfig& l : c.levels) l.line += 40;
  }
  CHECK(ComparisonsFingerprint(moved) == fingerprint);
  CHECK(ComparisonsFingerprint({}) != fingerprint);
}

TEST_CASE("Model: ProbabilityOfWeight is 2^w / (1 + 2^w)", "[match][model]") {
  struct Case {
    double weight;
    double probability;
  };
  const Case c = GENERATE(values<Case>({
      {0, 0.5},
      {1, 2.0 / 3.0},
      {-1, 1.0 / 3.0},
      {2, 0.8},
      {-2, 0.2},
      {10, 1024.0 / 1025.0},
      {-10, 1.0 / 1025.0},
      {std::log2(9.0), 0.9},
  }));
  CAPTURE(c.weight);
  CHECK(ProbabilityOfWeight(c.weight) == Approx(c.probability).epsilon(1e-12));
}

TEST_CASE("Model: ProbabilityOfWeight stays finite and monotone at the extremes",
          "[match][model]") {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  CHECK(ProbabilityOfWeight(1e6) == 1.0);
  CHECK(ProbabilityOfWeight(2000) == 1.0);  // 2^2000 overflows a double
  CHECK(ProbabilityOfWeight(kInf) == 1.0);
  CHECK(ProbabilityOfWeight(-2000) == 0.0);
  CHECK(ProbabilityOfWeight(-kInf) == 0.0);
  CHECK(ProbabilityOfWeight(-50) > 0.0);  // small, not rounded to nothing
  CHECK(ProbabilityOfWeight(-50) == Approx(std::exp2(-50.0)).epsilon(1e-9));
  double previous = 0;
  for (double w = -80; w <= 80; w += 0.25) {
    CAPTURE(w);
    const double p = ProbabilityOfWeight(w);
    CHECK(p >= 0.0);
    CHECK(p <= 1.0);
    CHECK(p >= previous - 1e-15);  // see the strict test below
    // p(w) + p(-w) = 1: the two classes' odds are each other's inverse.
    CHECK(p + ProbabilityOfWeight(-w) == Approx(1.0).epsilon(1e-12));
    previous = p;
  }
}

TEST_CASE("Model: ProbabilityOfWeight never decreases, not even by an ulp",
          "[match][model]") {
  double previous = 0;
  for (double w = 40; w <= 61; w += 0.25) {
    CAPTURE(w);
    const double p = ProbabilityOfWeight(w);
    REQUIRE(p >= previous);
    previous = p;
  }
}

TEST_CASE("Model: LevelWeight is log2(m / u), 0 at the null level", "[match][model]") {
  const MatchModel model = HandModel();
  CHECK(model.LevelWeight(0, 0) == 0);  // m = u = 0 there: no division
  CHECK(model.LevelWeight(0, 1) == Approx(std::log2(90.0)));
  CHECK(model.LevelWeight(0, 2) == Approx(std::log2(0.07 / 0.04)));
  CHECK(model.LevelWeight(0, 3) == Approx(std::log2(0.03 / 0.95)));
  CHECK(model.LevelWeight(0, 3) < 0);  // disagreement counts against
  CHECK(model.LevelWeight(1, 1) == Approx(std::log2(6e6)));
  CHECK(model.LevelWeight(2, 2) == Approx(0.0).margin(1e-12));  // m == u: no evidence
}

TEST_CASE("Model: PriorWeight is log2(prior / (1 - prior))", "[match][model]") {
  MatchModel model;
  model.prior = 0.5;
  CHECK(model.PriorWeight() == 0);
  model.prior = 0.2;
  CHECK(model.PriorWeight() == Approx(-2.0));
  model.prior = 0.8;
  CHECK(model.PriorWeight() == Approx(2.0));
  model.prior = 1.0 / 1025.0;
  CHECK(model.PriorWeight() == Approx(-10.0));
  // The prior and the weight agree with ProbabilityOfWeight.
  CHECK(ProbabilityOfWeight(model.PriorWeight()) == Approx(model.prior));
}

TEST_CASE("Model: ComparisonConfigs lists the comparisons in order", "[match][model]") {
  const MatchModel model = HandModel();
  const std::vector<ComparisonConfig> configs = model.ComparisonConfigs();
  const std::vector<ComparisonConfig> want = Comparisons();
  REQUIRE(configs.size() == want.size());
  for (size_t c = 0; c < want.size(); ++c) CheckSameConfig(configs[c], want[c]);
  CHECK(ComparisonsFingerprint(configs) == model.fingerprint);
}

}  // namespace
}  // namespace mdm::match
