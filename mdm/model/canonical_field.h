// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/canonical_field.h
//
// The catalog of canonical fields a source column can be mapped to. The
// config validator checks mapping targets against it, and the record builder
// uses it to place a mapped value into a SourceRecord.
//
// Field names:
//   source_key observed_at
//   full_name title given_name middle_name family_name maiden_name suffix
//   gender birth_date language specialty
//   npi rpps adeli gmc lanr crm_id other_id
//   phone email social_handle
//   address.number address.street address.street2 address.postcode address.city address.country
//   affiliation.name affiliation.id
//   consent.email consent.phone consent.visit
//   deleted  (a delete marker: yes/true/1/d/deleted; see README "Deletes")
//   ignore   (a column that is deliberately not loaded)
//
// Grouped fields (address.*, affiliation.*) describe one item of a list. A
// CSV gives a second item with a digit after the group name: address2.street,
// address2.postcode ... up to 9. address.number (a house number in a column
// of its own, as FEBRL has) is joined in front of address.street.
// other_id is any further identifier (a social security or staff number):
// scheme "other", never check-digit validated, so it never forbids a merge. A JSON Lines source gives one item per
// element of an array ("addresses[].zip").
#ifndef MDM_MODEL_CANONICAL_FIELD_H_
#define MDM_MODEL_CANONICAL_FIELD_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace mdm::model {

enum class CanonicalField {
  kSourceKey,
  kObservedAt,
  kFullName,
  kTitle,
  kGivenName,
  kMiddleName,
  kFamilyName,
  kMaidenName,
  kSuffix,
  kGender,
  kBirthDate,
  kLanguage,
  kSpecialty,
  kNpi,
  kRpps,
  kAdeli,
  kGmc,
  kLanr,
  kCrmId,
  kOtherId,
  kPhone,
  kEmail,
  kSocialHandle,
  kAddressNumber,
  kAddressStreet,
  kAddressStreet2,
  kAddressPostcode,
  kAddressCity,
  kAddressCountry,
  kAffiliationName,
  kAffiliationId,
  kConsentEmail,
  kConsentPhone,
  kConsentVisit,
  kDeleted,
  kIgnore,
};

// A mapping target resolved: the field and, for grouped fields, which item of
// the list (0 for "address.", 1 for "address2." ...).
struct FieldTarget {
  CanonicalField field;
  int group = 0;
};

// ParseFieldTarget()
//
// Resolves a mapping target name ("family_name", "address2.city"); nullopt
// for an unknown name.
std::optional<FieldTarget> ParseFieldTarget(absl::string_view name);

// The canonical name of `field` ("address.city" for kAddressCity).
absl::string_view FieldName(CanonicalField field);

// True for fields that may hold several values (specialty, phone, email,
// social_handle, identifiers) and so are split on the list separator.
bool IsMultiValued(CanonicalField field);

// True for address.* and affiliation.* fields.
bool IsGrouped(CanonicalField field);

}  // namespace mdm::model

#endif  // MDM_MODEL_CANONICAL_FIELD_H_
