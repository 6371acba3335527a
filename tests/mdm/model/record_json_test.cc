// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/record_json.h"

#include <catch2/catch.hpp>

namespace mdm::model {
namespace {

SourceRecord FullRecord() {
  SourceRecord r;
  r.source = "crm_fr";
  r.source_type = SourceType::kMedinfo;
  r.source_key = "Q-1";
  r.observed_at = "2026-01-02";
  r.lawful_basis = "consent";
  r.deleted = true;
  r.name = {"Dr Élise DUPONT", "Dr", "Élise", "DUPONT", "Martin", "Jr",
            "elise", "dupont", "martin"};
  r.gender = "F";
  r.birth_date = "1970-05";
  r.language = "fr";
  r.specialties = {{"Cardiologie", "cardiology"}};
  r.identifiers = {{"rpps", "10000000009", Validity::kValid},
                   {"crm", "Q1", Validity::kUnchecked}};
  r.addresses = {{"1 rue A", "bât B", "75009", "Paris", "FR", "1 rue a",
                  "paris", Validity::kValid}};
  r.phones = {{"01 99 00 00 01", "+33199000001", Validity::kInvalid}};
  r.emails = {{" E@Example.org", "e@example.org", Validity::kValid}};
  r.social_handles = {"@elise"};
  r.affiliations = {{"CHU X", "FINESS1", "chu x"}};
  r.consents = {{"email", "", true, "2026-01-01"}};
  return r;
}

TEST_CASE("RecordToJson: round trip keeps every field", "[model]") {
  const SourceRecord original = FullRecord();
  const std::string json = RecordToJson(original);
  auto back = RecordFromJson(json);
  REQUIRE(back.ok());
  CHECK(RecordToJson(*back) == json);
  CHECK(back->name.maiden_key == "martin");
  CHECK(back->deleted);
  CHECK(back->identifiers[0].validity == Validity::kValid);
  CHECK(back->addresses[0].street2 == "bât B");
  CHECK(back->consents[0].granted);
}

TEST_CASE("RecordToJson: empty values are omitted", "[model]") {
  SourceRecord r;
  r.source = "s";
  r.source_key = "k";
  CHECK(RecordToJson(r) ==
        R"({"source":"s","source_type":"rep","source_key":"k","name":{}})");
}

TEST_CASE("RecordFromJson: damaged text is DataLoss", "[model]") {
  for (const char* text : {"", "{", "[1,2]", "null", "{\"name\": 3"}) {
    CAPTURE(text);
    CHECK(RecordFromJson(text).status().code() == absl::StatusCode::kDataLoss);
  }
  // A member of the wrong type is damage too, named as such.
  for (const char* text : {R"({"source":1})", R"({"deleted":"yes"})",
                           R"({"phones":[{"raw":2}]})", R"({"emails":{}})"}) {
    CAPTURE(text);
    absl::Status status = RecordFromJson(text).status();
    CHECK(status.code() == absl::StatusCode::kDataLoss);
    CHECK_THAT(std::string(status.message()), Catch::Contains("stored record"));
  }
  // Keys it does not know are skipped: a newer mdm may add some.
  auto newer = RecordFromJson(R"({"source":"s","future":{"x":[1]},"source_key":"k"})");
  REQUIRE(newer.ok());
  CHECK(newer->source_key == "k");
}

}  // namespace
}  // namespace mdm::model
