// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/canonical_field.h"

#include <string>

#include <catch2/catch.hpp>

#include "mdm/model/reject.h"

namespace mdm::model {
namespace {

struct TargetCase {
  std::string name;
  CanonicalField field;
  int group;
};

TEST_CASE("ParseFieldTarget: names, groups and round trip", "[model]") {
  const TargetCase c = GENERATE(values<TargetCase>({
      {"source_key", CanonicalField::kSourceKey, 0},
      {"family_name", CanonicalField::kFamilyName, 0},
      {"address.postcode", CanonicalField::kAddressPostcode, 0},
      {"address2.postcode", CanonicalField::kAddressPostcode, 1},
      {"address9.city", CanonicalField::kAddressCity, 8},
      {"affiliation3.name", CanonicalField::kAffiliationName, 2},
      {"ignore", CanonicalField::kIgnore, 0},
  }));
  CAPTURE(c.name);
  auto target = ParseFieldTarget(c.name);
  REQUIRE(target.has_value());
  CHECK(target->field == c.field);
  CHECK(target->group == c.group);
  CHECK(ParseFieldTarget(FieldName(c.field))->field == c.field);
}

TEST_CASE("ParseFieldTarget: unknown names are refused", "[model]") {
  for (const char* name : {"", "surname", "address.zip", "address1.city",
                           "address10.city", "address0.city", "phone2",
                           "Family_Name"}) {
    CAPTURE(name);
    CHECK_FALSE(ParseFieldTarget(name).has_value());
  }
}

TEST_CASE("Canonical fields: multi-valued and grouped classes", "[model]") {
  CHECK(IsMultiValued(CanonicalField::kPhone));
  CHECK(IsMultiValued(CanonicalField::kRpps));
  CHECK_FALSE(IsMultiValued(CanonicalField::kFamilyName));
  CHECK(IsGrouped(CanonicalField::kAddressCountry));
  CHECK(IsGrouped(CanonicalField::kAffiliationId));
  CHECK_FALSE(IsGrouped(CanonicalField::kConsentEmail));
}

TEST_CASE("IssueReason: severity follows the numbering", "[model]") {
  CHECK(SeverityOf(IssueReason::kInvalidUtf8) == Severity::kReject);
  CHECK(SeverityOf(IssueReason::kNoNameNoIdentifier) == Severity::kReject);
  CHECK(SeverityOf(IssueReason::kInvalidIdentifier) == Severity::kWarning);
  CHECK(IssueReasonName(IssueReason::kTooFewFields) == "too_few_fields");
}

}  // namespace
}  // namespace mdm::model
