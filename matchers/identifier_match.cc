// SPDX-License-Identifier: Apache-2.0
#include "matchers/identifier_match.h"

#include "matchers/string_similarity.h"

namespace mdm::matchers {

bool IsOneEditApart(absl::string_view a, absl::string_view b) {
  // Cheap rejection before the quadratic OSA table.
  const size_t longer = a.size() > b.size() ? a.size() : b.size();
  const size_t shorter = a.size() > b.size() ? b.size() : a.size();
  if (longer - shorter > 1) return false;
  return OsaDistance(a, b) == 1;
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
