// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/cannot_link.h
//
// Hard negative evidence: two records that hold different check-digit-valid
// identifiers of one scheme listed in matching.cannot_link_schemes (and no
// valid value of that scheme in common) are two people, whatever their
// names say. Such a pair is never merged automatically; clustering also
// refuses any union that would put such a pair in one cluster.
//
// Thread-safety: const after construction.
#ifndef MDM_MATCH_CANNOT_LINK_H_
#define MDM_MATCH_CANNOT_LINK_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "mdm/match/feature_table.h"

namespace mdm::match {

// (scheme index in the table, stable hash of the value) of one valid
// identifier.
using IdentityKey = std::pair<uint8_t, uint64_t>;

class CannotLink {
 public:
  CannotLink(const FeatureTable& table, const std::vector<std::string>& schemes);

  // The index (in the table's schemes()) of the scheme on which rows a and
  // b conflict, or -1 when they do not.
  int Conflict(uint32_t a, uint32_t b) const;

  // The row's valid identifiers of cannot-link schemes, sorted.
  std::vector<IdentityKey> Keys(uint32_t row) const;

 private:
  const FeatureTable& table_;
  std::vector<bool> checked_;  // by scheme index
};

}  // namespace mdm::match

#endif  // MDM_MATCH_CANNOT_LINK_H_
