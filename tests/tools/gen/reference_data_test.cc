// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/reference_data.h"

#include <string>

#include <catch2/catch.hpp>

#include "tools/gen/lists.h"
#include "tests/tools/gen/reference_data_fixture.h"

namespace mdm::gen {
namespace {

struct TextCase {
  std::string input;
  std::string expected;
};

const ReferenceData& Data() { return testing::SharedReferenceData(); }

TEST_CASE("LoadReferenceData: reads names, communes and nicknames", "[gen]") {
  const ReferenceData& data = Data();
  CHECK(data.fr_given[kMale].names.size() > 1000);
  CHECK(data.fr_given[kFemale].names.size() > 1000);
  CHECK(data.us_given[kFemale].names.size() > 1000);
  CHECK(data.fr_communes.size() > 30000);
  CHECK(data.fr_city_postcodes.size() == FrenchCities().size());
  CHECK(data.fr_city_postcodes[0].size() >= 20);  // Paris arrondissements
  CHECK(data.us_nicknames.contains("robert"));
  // Natural case, and names outside the HCP birth years are left out.
  CHECK(data.fr_given[kMale].names.front() == "Jean");
  CHECK(data.us_given[kMale].names.front() == "James");
}

TEST_CASE("LoadReferenceData: a missing list is NotFound naming the file", "[gen]") {
  absl::StatusOr<ReferenceData> data = LoadReferenceData("/nonexistent/datasets");
  REQUIRE_FALSE(data.ok());
  CHECK(data.status().code() == absl::StatusCode::kNotFound);
  CHECK_THAT(std::string(data.status().message()),
             Catch::Contains("prenoms_fr_insee_totals.csv"));
}

TEST_CASE("CityFromRoutingLabel: French commune spelling", "[gen]") {
  const TextCase c = GENERATE(values<TextCase>({
      {"ST ETIENNE", "Saint-Etienne"},
      {"LE HAVRE", "Le Havre"},
      {"LYONS LA FORET", "Lyons-la-Foret"},
      {"L ISLE ADAM", "L'Isle-Adam"},
      {"VILLENEUVE D ASCQ", "Villeneuve-d'Ascq"},
      {"LES SABLES D OLONNE", "Les Sables-d'Olonne"},
      {"PARIS", "Paris"},
  }));
  CHECK(CityFromRoutingLabel(c.input) == c.expected);
}

TEST_CASE("NamePool: draws only names it holds", "[gen]") {
  NamePool pool;
  pool.Add("Anne", 1);
  pool.Add("Zoé", 0);
  Random rng(1);
  for (int draw = 0; draw < 50; ++draw) CHECK(pool.Draw(rng) == "Anne");
}

}  // namespace
}  // namespace mdm::gen
