// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/canonical_field.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace mdm::model {
namespace {

struct FieldEntry {
  CanonicalField field;
  absl::string_view name;
};

// Order follows the enum so FieldName() can index it.
constexpr std::array<FieldEntry, 36> kFields = {{
    {CanonicalField::kSourceKey, "source_key"},
    {CanonicalField::kObservedAt, "observed_at"},
    {CanonicalField::kFullName, "full_name"},
    {CanonicalField::kTitle, "title"},
    {CanonicalField::kGivenName, "given_name"},
    {CanonicalField::kMiddleName, "middle_name"},
    {CanonicalField::kFamilyName, "family_name"},
    {CanonicalField::kMaidenName, "maiden_name"},
    {CanonicalField::kSuffix, "suffix"},
    {CanonicalField::kGender, "gender"},
    {CanonicalField::kBirthDate, "birth_date"},
    {CanonicalField::kLanguage, "language"},
    {CanonicalField::kSpecialty, "specialty"},
    {CanonicalField::kNpi, "npi"},
    {CanonicalField::kRpps, "rpps"},
    {CanonicalField::kAdeli, "adeli"},
    {CanonicalField::kGmc, "gmc"},
    {CanonicalField::kLanr, "lanr"},
    {CanonicalField::kCrmId, "crm_id"},
    {CanonicalField::kOtherId, "other_id"},
    {CanonicalField::kPhone, "phone"},
    {CanonicalField::kEmail, "email"},
    {CanonicalField::kSocialHandle, "social_handle"},
    {CanonicalField::kAddressNumber, "address.number"},
    {CanonicalField::kAddressStreet, "address.street"},
    {CanonicalField::kAddressStreet2, "address.street2"},
    {CanonicalField::kAddressPostcode, "address.postcode"},
    {CanonicalField::kAddressCity, "address.city"},
    {CanonicalField::kAddressCountry, "address.country"},
    {CanonicalField::kAffiliationName, "affiliation.name"},
    {CanonicalField::kAffiliationId, "affiliation.id"},
    {CanonicalField::kConsentEmail, "consent.email"},
    {CanonicalField::kConsentPhone, "consent.phone"},
    {CanonicalField::kConsentVisit, "consent.visit"},
    {CanonicalField::kDeleted, "deleted"},
    {CanonicalField::kIgnore, "ignore"},
}};

constexpr int kMaxGroups = 9;

// Splits "address2.city" into ("address.city", 1); other names unchanged.
std::pair<std::string, int> StripGroupDigit(absl::string_view name) {
  for (absl::string_view group : {"address", "affiliation"}) {
    if (!absl::StartsWith(name, group)) continue;
    absl::string_view rest = name.substr(group.size());
    if (rest.size() >= 2 && rest[0] >= '2' && rest[0] <= '0' + kMaxGroups &&
        rest[1] == '.') {
      return {std::string(group) + std::string(rest.substr(1)), rest[0] - '1'};
    }
  }
  return {std::string(name), 0};
}

}  // namespace

std::optional<FieldTarget> ParseFieldTarget(absl::string_view name) {
  auto [base_name, group] = StripGroupDigit(name);
  for (const FieldEntry& entry : kFields) {
    if (entry.name == base_name) return FieldTarget{entry.field, group};
  }
  return std::nullopt;
}

absl::string_view FieldName(CanonicalField field) {
  return kFields[static_cast<size_t>(field)].name;
}

bool IsMultiValued(CanonicalField field) {
  switch (field) {
    case CanonicalField::kSpecialty:
    case CanonicalField::kNpi:
    case CanonicalField::kRpps:
    case CanonicalField::kAdeli:
    case CanonicalField::kGmc:
    case CanonicalField::kLanr:
    case CanonicalField::kCrmId:
    case CanonicalField::kOtherId:
    case CanonicalField::kPhone:
    case CanonicalField::kEmail:
    case CanonicalField::kSocialHandle:
      return true;
    default:
      return false;
  }
}

bool IsGrouped(CanonicalField field) {
  return field >= CanonicalField::kAddressNumber &&
         field <= CanonicalField::kAffiliationId;
}

}  // namespace mdm::model
