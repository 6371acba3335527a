// SPDX-License-Identifier: Apache-2.0
// The JSON Schema of mdm.yaml and the C++ catalog of canonical fields must
// agree, or the schema would accept mappings the loader refuses.
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mdm/model/canonical_field.h"

namespace mdm {
namespace {

TEST_CASE("Config schema: canonical field names equal the C++ catalog", "[schemas]") {
  std::ifstream in(std::string(MDM_SOURCE_DIR) + "/schemas/json/mdm_config.schema.json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const auto schema = nlohmann::json::parse(text.str());
  const auto& any_of = schema["$defs"]["canonical_field"]["anyOf"];
  std::set<std::string> in_schema;
  for (const auto& name : any_of[0]["enum"]) in_schema.insert(name.get<std::string>());

  std::set<std::string> in_catalog;
  for (int i = 0; i <= static_cast<int>(model::CanonicalField::kIgnore); ++i) {
    const auto field = static_cast<model::CanonicalField>(i);
    if (!model::IsGrouped(field)) in_catalog.insert(std::string(model::FieldName(field)));
  }
  CHECK(in_schema == in_catalog);
  // Grouped fields: every catalog name must match one of the schema patterns.
  const std::string address = any_of[1]["pattern"];
  const std::string affiliation = any_of[2]["pattern"];
  for (int i = 0; i <= static_cast<int>(model::CanonicalField::kIgnore); ++i) {
    const auto field = static_cast<model::CanonicalField>(i);
    if (!model::IsGrouped(field)) continue;
    const std::string name(model::FieldName(field));
    const std::string member = name.substr(name.find('.') + 1);
    const std::string& pattern = name.rfind("address", 0) == 0 ? address : affiliation;
    CAPTURE(name);
    CHECK(pattern.find(member) != std::string::npos);
  }
}

}  // namespace
}  // namespace mdm
