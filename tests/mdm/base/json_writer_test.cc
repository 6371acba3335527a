// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/json_writer.h"

#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace mdm::base {
namespace {

TEST_CASE("JsonWriter: structure, escapes and empty values", "[base]") {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("name");
  w.String("Zoë \"Z\" \\ \n\t\x01");
  w.NonEmpty("skipped", "");
  w.Key("ids");
  w.BeginArray();
  w.Int(-1);
  w.BeginObject();
  w.EndObject();
  w.Bool(true);
  w.EndArray();
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.EndObject();
  CHECK(out == "{\"name\":\"Zoë \\\"Z\\\" \\\\ \\n\\t\\u0001\",\"ids\":[-1,{},true],\"empty\":[]}");
}

TEST_CASE("AppendJsonString: any byte string round-trips through a JSON parser", "[base]") {
  std::mt19937 rng(Catch::rngSeed());
  for (int i = 0; i < 300; ++i) {
    // Random ASCII including every control character, plus some UTF-8.
    std::string value;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      const int pick = static_cast<int>(rng() % 10);
      value += pick == 0 ? std::string("é") : std::string(1, static_cast<char>(rng() % 128));
    }
    std::string out;
    AppendJsonString(value, &out);
    auto parsed = nlohmann::json::parse(out, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed.get<std::string>() == value);
  }
}

}  // namespace
}  // namespace mdm::base
