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

}  // namespace
}  // namespace mdm::ingest
