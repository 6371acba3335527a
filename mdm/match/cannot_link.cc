// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/cannot_link.h"

#include <algorithm>

#include "mdm/base/stable_hash.h"

namespace mdm::match {

CannotLink::CannotLink(const FeatureTable& table, const std::vector<std::string>& schemes)
    : table_(table), checked_(table.schemes().size(), false) {
  for (const std::string& scheme : schemes) {
    const int index = table.SchemeIndex(scheme);
    if (index >= 0) checked_[index] = true;
  }
}

int CannotLink::Conflict(uint32_t a, uint32_t b) const {
  absl::Span<const FeatureValue> ia = table_.Values(a, Slot::kIdentifier);
  absl::Span<const FeatureValue> ib = table_.Values(b, Slot::kIdentifier);
  for (const FeatureValue& x : ia) {
    if (!x.valid || !checked_[x.scheme]) continue;
    bool other_has_scheme = false;
    bool common = false;
    for (const FeatureValue& y : ib) {
      if (!y.valid || y.scheme != x.scheme) continue;
      other_has_scheme = true;
      if (table_.Text(x) == table_.Text(y)) common = true;
    }
    if (!other_has_scheme || common) continue;
    // x has no valid twin in b; a conflict unless some other valid value of
    // this scheme in a matches one of b's.
    bool any_common = false;
    for (const FeatureValue& x2 : ia) {
      if (!x2.valid || x2.scheme != x.scheme) continue;
      for (const FeatureValue& y : ib) {
        any_common = any_common || (y.valid && y.scheme == x.scheme &&
                                    table_.Text(x2) == table_.Text(y));
      }
    }
    if (!any_common) return x.scheme;
  }
  return -1;
}

std::vector<IdentityKey> CannotLink::Keys(uint32_t row) const {
  std::vector<IdentityKey> keys;
  for (const FeatureValue& v : table_.Values(row, Slot::kIdentifier)) {
    if (v.valid && checked_[v.scheme]) {
      keys.emplace_back(v.scheme, base::StableHash(table_.Text(v)));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace mdm::match
