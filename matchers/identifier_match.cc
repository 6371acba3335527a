// SPDX-License-Identifier: Apache-2.0
#include "matchers/identifier_match.h"

#include "matchers/string_similarity.h"

namespace mdm::matchers {

bool IsOneEditApart(absl::string_view a, absl::string_view b) {
  return a != b && OsaWithin(a, b, 1);
}

IdentifierAgreement CompareIdentifiers(absl::string_view a,
                                       absl::string_view b) {
  if (a.empty() || b.empty()) {
    return a.empty() && b.empty() ? IdentifierAgreement::kBothMissing
                                  : IdentifierAgreement::kOneMissing;
  }
  if (a == b) return IdentifierAgreement::kExact;
  return IsOneEditApart(a, b) ? IdentifierAgreement::kOneEdit
                              : IdentifierAgreement::kDifferent;
}

}  // namespace mdm::matchers
