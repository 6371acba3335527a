// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/link_edits.h
//
// The steward links a decision, a split or a merge writes. The newest word
// wins: joining two records removes the cannot-links between their golden
// records, and separating them removes the must-links that tie them.
#ifndef MDM_STEWARD_LINK_EDITS_H_
#define MDM_STEWARD_LINK_EDITS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "mdm/store/store.h"

namespace mdm::steward {

struct LinkAuthor {
  std::string steward;
  std::string reason;
  std::string at;
  std::string origin;  // queue, split, merge
  int64_t item_id = 0;
};

// REQUIRES (all): inside BeginWrite().
// A must-link a-b; the cannot-links between the golden records of a and b
// go.
absl::Status JoinRecords(store::Store& store, int64_t a, int64_t b, const LinkAuthor& author);
// A cannot-link a-b; when must-links alone tie a to b, those touching a go.
absl::Status SeparateRecords(store::Store& store, int64_t a, int64_t b,
                             const LinkAuthor& author);
// Cannot-links between every record of `part` and every one of `rest`, and
// must-links holding `part` together.
absl::Status SplitRecords(store::Store& store, const std::vector<int64_t>& part,
                          const std::vector<int64_t>& rest, const LinkAuthor& author);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_LINK_EDITS_H_
