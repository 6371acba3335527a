// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/record_builder.h"

#include <catch2/catch.hpp>

namespace mdm::ingest {
namespace {

using F = model::CanonicalField;

TEST_CASE("BuildRecord: values land in their record fields", "[ingest]") {
  SourceConfig source;
  source.name = "kol";
  source.type = SourceType::kMsl;
  source.lawful_basis = "consent";
  const std::vector<MappedValue> values = {
      {F::kSourceKey, 0, "P-9"},       {F::kMiddleName, 0, "Marie"},
      {F::kGivenName, 0, "Anne"},      {F::kFamilyName, 0, "Durand"},
      {F::kTitle, 0, "Dr"},            {F::kTitle, 0, "PhD"},
      {F::kRpps, 0, "10000000009"},    {F::kCrmId, 0, "C1"},
      {F::kPhone, 0, "0199000001"},    {F::kEmail, 0, "a@example.org"},
      {F::kAddressCity, 0, "Lyon"},    {F::kAddressCity, 2, "Nice"},
      {F::kAffiliationName, 0, "CHU"}, {F::kConsentEmail, 0, "Oui"},
      {F::kConsentPhone, 0, "maybe"},  {F::kSpecialty, 0, "Cardio"},
  };
  BuiltRecord built = BuildRecord(values, source);
  const SourceRecord& r = built.record;
  CHECK(r.source == "kol");
  CHECK(r.source_type == SourceType::kMsl);
  CHECK(r.lawful_basis == "consent");
  CHECK(r.source_key == "P-9");
  CHECK(r.name.given_names == "Anne Marie");  // given first whatever the order
  CHECK(r.name.title == "Dr PhD");
  REQUIRE(r.identifiers.size() == 2);
  CHECK(r.identifiers[0].scheme == "rpps");
  CHECK(r.identifiers[1].scheme == "crm");
  REQUIRE(r.addresses.size() == 2);  // group 1 was empty and is dropped
  CHECK(r.addresses[0].city == "Lyon");
  CHECK(r.addresses[1].city == "Nice");
  REQUIRE(r.consents.size() == 1);
  CHECK(r.consents[0].channel == "email");
  CHECK(r.consents[0].granted);
  REQUIRE(built.issues.size() == 1);
  CHECK(built.issues[0].reason == model::IssueReason::kInvalidConsent);
  CHECK(built.issues[0].field == "consent.phone");
  CHECK(built.issues[0].detail.find("maybe") == std::string::npos);  // no values in messages
}

TEST_CASE("BuildRecord: raw JSON keeps the values as received", "[ingest]") {
  const std::vector<MappedValue> values = {{F::kSourceKey, 0, "K"},
                                           {F::kPhone, 0, "01"},
                                           {F::kPhone, 1, "02"},
                                           {F::kAddressCity, 1, "Nice"}};
  BuiltRecord built = BuildRecord(values, SourceConfig{});
  CHECK(built.raw_json == R"({"address2.city":"Nice","phone":["01","02"],"source_key":"K"})");
}

TEST_CASE("BuildRecord: delete marker spellings", "[ingest]") {
  struct Case {
    const char* value;
    bool deleted;
  };
  const Case cases[] = {
      {"yes", true},    {"Y", true},     {"TRUE", true},  {"1", true},      {"d", true},
      {"Deleted", true}, {"delete", true}, {"x", true},     {"  X  ", true},   {"", false},
      {"no", false},    {"N", false},    {"false", false}, {"0", false},     {"  ", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    const std::vector<MappedValue> values = {{F::kSourceKey, 0, "K"},
                                             {F::kFamilyName, 0, "Durand"},
                                             {F::kDeleted, 0, c.value}};
    BuiltRecord built = BuildRecord(values, SourceConfig{});
    CHECK(built.record.deleted == c.deleted);
    CHECK(built.issues.empty());
    // Not a delete: the row's values stay.
    if (!c.deleted) CHECK(built.record.name.family_name == "Durand");
  }
}

TEST_CASE("BuildRecord: any other delete marker value is a reject naming no value",
          "[ingest]") {
  for (const char* value : {"maybe", "oui", "2", "-1", "yes please", "deleted!"}) {
    CAPTURE(value);
    const std::vector<MappedValue> values = {{F::kSourceKey, 0, "K"},
                                             {F::kFamilyName, 0, "Durand"},
                                             {F::kDeleted, 0, value}};
    BuiltRecord built = BuildRecord(values, SourceConfig{});
    CHECK_FALSE(built.record.deleted);
    REQUIRE(built.issues.size() == 1);
    CHECK(built.issues[0].reason == model::IssueReason::kInvalidDeleteMarker);
    CHECK(model::SeverityOf(built.issues[0].reason) == model::Severity::kReject);
    CHECK(model::IssueReasonName(built.issues[0].reason) == "invalid_delete_marker");
    CHECK(built.issues[0].field == "deleted");
    CHECK(built.issues[0].detail.find(value) == std::string::npos);
  }
}

TEST_CASE("BuildRecord: a delete marker keeps only its key and time", "[ingest]") {
  SourceConfig source;
  source.name = "crm";
  source.type = SourceType::kRep;
  source.lawful_basis = "contract";
  const std::vector<MappedValue> values = {
      {F::kSourceKey, 0, "K-7"},         {F::kFamilyName, 0, "Durand"},
      {F::kGivenName, 0, "Anne"},        {F::kRpps, 0, "10000000009"},
      {F::kPhone, 0, "0199000001"},      {F::kEmail, 0, "a@example.org"},
      {F::kAddressCity, 0, "Lyon"},      {F::kConsentPhone, 0, "maybe"},  // no issue either
      {F::kObservedAt, 0, "2026-04-01"}, {F::kDeleted, 0, "yes"},
      {F::kSpecialty, 0, "Cardio"},      {F::kAffiliationName, 0, "CHU"},
  };
  BuiltRecord built = BuildRecord(values, source);
  const SourceRecord& r = built.record;
  CHECK(r.deleted);
  CHECK(r.source == "crm");
  CHECK(r.source_type == SourceType::kRep);
  CHECK(r.lawful_basis == "contract");
  CHECK(r.source_key == "K-7");
  CHECK(r.observed_at == "2026-04-01");
  CHECK(r.name.family_name.empty());
  CHECK(r.name.given_names.empty());
  CHECK(r.identifiers.empty());
  CHECK(r.phones.empty());
  CHECK(r.emails.empty());
  CHECK(r.addresses.empty());
  CHECK(r.specialties.empty());
  CHECK(r.affiliations.empty());
  CHECK(r.consents.empty());
  CHECK(built.issues.empty());
  // The raw JSON holds the key, the time and the marker itself; no value of
  // the person.
  CHECK(built.raw_json ==
        R"({"deleted":"yes","observed_at":"2026-04-01","source_key":"K-7"})");
  for (const char* value : {"Durand", "Anne", "10000000009", "0199000001", "Lyon", "maybe"}) {
    CAPTURE(value);
    CHECK(built.raw_json.find(value) == std::string::npos);
  }
}

}  // namespace
}  // namespace mdm::ingest
