// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/golden_ops.h
//
// A steward's edits of golden records (Steward::Split, Merge, Pin, Unpin,
// Overrides, Search; see mdm/steward.h): stored as steward links and
// overrides that the next run applies.
#ifndef MDM_STEWARD_GOLDEN_OPS_H_
#define MDM_STEWARD_GOLDEN_OPS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "mdm/steward.h"
#include "mdm/steward/steward_context.h"

namespace mdm::steward {

absl::Status SplitGolden(const Context& ctx, absl::string_view golden_id,
                         const std::vector<SourceRef>& records, absl::string_view reason,
                         absl::string_view steward);
absl::Status MergeGoldens(const Context& ctx, absl::string_view golden_a,
                          absl::string_view golden_b, absl::string_view reason,
                          absl::string_view steward);
// REQUIRES for PinValue with dcr_id != 0: inside BeginWrite() (the change
// request's approval); otherwise it writes its own transaction.
absl::StatusOr<Override> PinValue(const Context& ctx, absl::string_view golden_id,
                                  absl::string_view field, absl::string_view value,
                                  absl::string_view reason, absl::string_view steward,
                                  int64_t dcr_id);
absl::StatusOr<Override> UnpinValue(const Context& ctx, absl::string_view golden_id,
                                    absl::string_view field, absl::string_view reason,
                                    absl::string_view steward);
absl::StatusOr<std::vector<Override>> ListOverrides(const Context& ctx,
                                                    absl::string_view golden_id, bool all);
absl::StatusOr<std::vector<GoldenHit>> SearchGoldens(const Context& ctx,
                                                     absl::string_view text, int64_t limit);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_GOLDEN_OPS_H_
