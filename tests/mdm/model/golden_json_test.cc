// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/golden_json.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::model {
namespace {

Lineage L(std::string rule, std::vector<std::string> records) {
  return Lineage{std::move(records), std::move(rule)};
}

template <typename T>
Survived<T> S(T value, Lineage lineage, bool primary = false) {
  Survived<T> s;
  s.value = std::move(value);
  s.lineage = std::move(lineage);
  s.primary = primary;
  return s;
}

// Every attribute filled, lists of two with the first primary.
GoldenRecord FullGolden() {
  GoldenRecord g;
  g.golden_id = "G-0001";
  g.status = GoldenStatus::kMerged;
  g.merged_into = "G-0000";
  g.created_run = 3;
  g.updated_run = 7;
  g.name = S(PersonName{"Dr Élise EXEMPLE", "Dr", "Élise", "EXEMPLE", "Autre", "Jr", "elise",
                        "exemple", "autre"},
             L("most_frequent", {"a:1", "b:2"}));
  g.gender = S<std::string>("F", L("only_value", {"a:1"}));
  g.birth_date = S<std::string>("1970-05-12", L("most_complete", {"b:2"}));
  g.language = S<std::string>("fr", L("tie", {"a:1"}));
  g.identifiers = {S(Identifier{"rpps", "10000000028", Validity::kValid},
                     L("validated", {"a:1", "b:2"}), true),
                   S(Identifier{"crm", "Q1", Validity::kUnchecked}, L("aggregate", {"a:1"}))};
  g.addresses = {S(Address{"1 rue A", "bât B", "75009", "Paris", "FR", "1 rue a", "paris",
                           Validity::kValid},
                   L("trust_decay", {"a:1"}), true),
                 S(Address{"", "", "69003", "Lyon", "FR", "", "lyon", Validity::kInvalid},
                   L("aggregate", {"b:2"}))};
  g.phones = {S(Phone{"01 99 00 00 01", "+33199000001", Validity::kValid},
                L("validated", {"a:1", "b:2"}), true),
              S(Phone{"poste 12", "", Validity::kInvalid}, L("aggregate", {"b:2"}))};
  g.emails = {S(Email{" E@Example.org", "e@example.org", Validity::kValid},
                L("only_value", {"a:1"}), true)};
  g.specialties = {S(Specialty{"Cardiologie", "cardiology"}, L("most_frequent", {"a:1", "b:2"}),
                     true),
                   S(Specialty{"Rhumato", ""}, L("aggregate", {"b:2"}))};
  g.affiliations = {S(Affiliation{"CHU X", "FINESS1", "chu x"}, L("trust_decay", {"a:1"}), true),
                    S(Affiliation{"Clinique \"Y\"", "", "clinique y"}, L("aggregate", {"b:2"}))};
  g.social_handles = {S<std::string>("@elise", L("most_recent", {"a:1"}), true),
                      S<std::string>("https://x.com/e/", L("aggregate", {"b:2"}))};
  g.members = {"a:1", "b:2"};
  return g;
}

TEST_CASE("GoldenContentToJson: round trip keeps every value, lineage and member", "[model]") {
  const GoldenRecord original = FullGolden();
  const std::string json = GoldenContentToJson(original);
  auto back = GoldenContentFromJson(json);
  REQUIRE(back.ok());
  CHECK(GoldenContentToJson(*back) == json);
  // Spot checks on the parsed record itself, not only on its text.
  CHECK(back->name.value.display == "Dr Élise EXEMPLE");
  CHECK(back->name.value.maiden_key == "autre");
  CHECK(back->name.lineage.rule == "most_frequent");
  CHECK(back->name.lineage.records == std::vector<std::string>{"a:1", "b:2"});
  CHECK(back->birth_date.value == "1970-05-12");
  REQUIRE(back->identifiers.size() == 2);
  CHECK(back->identifiers[0].primary);
  CHECK_FALSE(back->identifiers[1].primary);
  CHECK(back->identifiers[0].value.validity == Validity::kValid);
  CHECK(back->identifiers[1].lineage.rule == "aggregate");
  REQUIRE(back->addresses.size() == 2);
  CHECK(back->addresses[0].value.street2 == "bât B");
  CHECK(back->addresses[1].value.postcode_validity == Validity::kInvalid);
  REQUIRE(back->phones.size() == 2);
  CHECK(back->phones[1].value.e164.empty());
  CHECK(back->affiliations[1].value.name == "Clinique \"Y\"");
  CHECK(back->social_handles[1].value == "https://x.com/e/");
  CHECK(back->members == original.members);
}

TEST_CASE("GoldenContentToJson: the identity fields are not content", "[model]") {
  const std::string json = GoldenContentToJson(FullGolden());
  for (const char* absent : {"G-0001", "G-0000", "golden_id", "status", "merged", "run"}) {
    CAPTURE(absent);
    CHECK(json.find(absent) == std::string::npos);
  }
  auto back = GoldenContentFromJson(json);
  REQUIRE(back.ok());
  CHECK(back->golden_id.empty());
  CHECK(back->status == GoldenStatus::kActive);
  CHECK(back->merged_into.empty());
  CHECK(back->created_run == 0);
  CHECK(back->updated_run == 0);
}

TEST_CASE("GoldenContentToJson: empty singles and lists are omitted", "[model]") {
  GoldenRecord g;
  CHECK(GoldenContentToJson(g) == R"({"members":[]})");
  g.members = {"a:1"};
  // A single without lineage is left out even if a value is set.
  g.gender.value = "F";
  g.name.value.display = "Dr";
  CHECK(GoldenContentToJson(g) == R"({"members":["a:1"]})");
  g.gender.lineage = L("only_value", {"a:1"});
  CHECK(GoldenContentToJson(g) ==
        R"({"gender":{"value":"F","rule":"only_value","records":["a:1"]},"members":["a:1"]})");
  g.phones = {S(Phone{"01", "+33100000001", Validity::kUnchecked}, L("only_value", {"a:1"}),
                true)};
  CHECK(GoldenContentToJson(g) ==
        R"({"gender":{"value":"F","rule":"only_value","records":["a:1"]},)"
        R"("phones":[{"value":{"raw":"01","e164":"+33100000001"},"primary":true,)"
        R"("rule":"only_value","records":["a:1"]}],"members":["a:1"]})");
  auto back = GoldenContentFromJson(R"({"members":["a:1"]})");
  REQUIRE(back.ok());
  CHECK(back->gender.value.empty());
  CHECK(back->gender.lineage.records.empty());
  CHECK(back->phones.empty());
}

TEST_CASE("GoldenContentToJson: equal content gives equal text", "[model]") {
  CHECK(GoldenContentToJson(FullGolden()) == GoldenContentToJson(FullGolden()));
  GoldenRecord other = FullGolden();
  other.phones[0].primary = false;
  CHECK(GoldenContentToJson(other) != GoldenContentToJson(FullGolden()));
  other = FullGolden();
  other.language.lineage.rule = "most_recent";
  CHECK(GoldenContentToJson(other) != GoldenContentToJson(FullGolden()));
}

TEST_CASE("GoldenContentFromJson: damaged text is DataLoss", "[model]") {
  const char* kDamaged[] = {
      "",
      "{",
      "[1]",
      "null",
      "3",
      R"({"members":["a:1"])",
      R"({"members":3})",
      R"({"members":[1]})",
      R"({"members":{}})",
      R"({"name":3})",
      R"({"name":{"value":"Jean"}})",
      R"({"name":{"value":{"given_key":7}}})",
      R"({"gender":{"value":1}})",
      R"({"gender":{"rule":"only_value","records":"a:1"}})",
      R"({"phones":{}})",
      R"({"phones":[3]})",
      R"({"phones":[{"primary":"yes"}]})",
      R"({"identifiers":[{"value":{"validity":1}}]})",
      R"({"social_handles":[{"value":["@a"]}]})",
  };
  for (const char* text : kDamaged) {
    CAPTURE(text);
    const absl::Status status = GoldenContentFromJson(text).status();
    CHECK(status.code() == absl::StatusCode::kDataLoss);
    CHECK_THAT(std::string(status.message()), Catch::Contains("stored golden record"));
  }
}

TEST_CASE("GoldenContentFromJson: every truncation of a stored record is DataLoss", "[model]") {
  const std::string json = GoldenContentToJson(FullGolden());
  for (size_t length = 0; length < json.size(); ++length) {
    const std::string cut = json.substr(0, length);
    const absl::StatusCode code = GoldenContentFromJson(cut).status().code();
    if (code != absl::StatusCode::kDataLoss) {
      CAPTURE(length, cut);
      FAIL("a truncated record was not DataLoss");
    }
  }
}

TEST_CASE("GoldenContentFromJson: keys it does not know are skipped", "[model]") {
  // A newer mdm may add keys at any level.
  auto newer = GoldenContentFromJson(
      R"({"future":{"x":[1,{"y":null}]},)"
      R"("gender":{"value":"F","confidence":0.9,"rule":"only_value","records":["a:1"]},)"
      R"("phones":[{"value":{"e164":"+33100000001","kind":"mobile"},"primary":true,"n":2}],)"
      R"("members":["a:1"],"version":2})");
  REQUIRE(newer.ok());
  CHECK(newer->gender.value == "F");
  CHECK(newer->gender.lineage.rule == "only_value");
  CHECK(newer->gender.lineage.records == std::vector<std::string>{"a:1"});
  REQUIRE(newer->phones.size() == 1);
  CHECK(newer->phones[0].value.e164 == "+33100000001");
  CHECK(newer->phones[0].primary);
  CHECK(newer->members == std::vector<std::string>{"a:1"});
}

TEST_CASE("GoldenContentFromJson: text after the object is DataLoss", "[model]") {
  for (const char* text : {R"({"members":["a:1"]}})", R"({"members":["a:1"]}{"members":[]})",
                           R"({"members":["a:1"]}])"}) {
    CAPTURE(text);
    CHECK(GoldenContentFromJson(text).status().code() == absl::StatusCode::kDataLoss);
  }
}

}  // namespace
}  // namespace mdm::model
