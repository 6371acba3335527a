// SPDX-License-Identifier: Apache-2.0
// File: matchers/identifier_match.h
//
// Agreement of two values of one identifier scheme (RPPS, NPI, GMC, a CRM
// key...) for the Score stage. Identifiers are the strongest evidence the
// engine has, so the comparator keeps apart what a Comparison must weigh
// differently: equal, absent on one side, a single keying error, different.
//
// Values are compared exactly as given: callers pass identifiers cleaned by
// mdm/normalize/identifier_validator.h of the same scheme, and decide
// separately what an invalid check digit is worth.
//
// Example:
//   CompareIdentifiers("10003456789", "10003456789") -> kExact
//   CompareIdentifiers("10003456789", "10003465789") -> kOneEdit (swap)
//   CompareIdentifiers("10003456789", "")            -> kOneMissing
#ifndef MDM_MATCHERS_IDENTIFIER_MATCH_H_
#define MDM_MATCHERS_IDENTIFIER_MATCH_H_

#include "absl/strings/string_view.h"

namespace mdm::matchers {

// Levels of agreement, best first. Comparisons map each level to a
// ComparisonLevel, so do not reorder.
enum class IdentifierAgreement {
  kExact,        // both present and equal
  kOneEdit,      // both present, one keying error apart (IsOneEditApart())
  kDifferent,    // both present, anything else
  kOneMissing,   // exactly one value is empty
  kBothMissing,  // both values are empty
};

// IsOneEditApart()
//
// True when OsaDistance(a, b) == 1: one character substituted, inserted or
// deleted, or two adjacent characters swapped. Symmetric; false for equal
// values.
bool IsOneEditApart(absl::string_view a, absl::string_view b);

// CompareIdentifiers()
//
// The agreement level of two values of the same scheme; an empty value is a
// missing one. Symmetric; CompareIdentifiers(x, x) is kExact for non-empty x.
// Thread-safe.
IdentifierAgreement CompareIdentifiers(absl::string_view a,
                                       absl::string_view b);

}  // namespace mdm::matchers

#endif  // MDM_MATCHERS_IDENTIFIER_MATCH_H_
