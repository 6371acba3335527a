// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/change_requests.h
//
// Data change requests (Steward::SubmitChange, Changes, DecideChange): a rep
// or MSL proposes a golden value; a steward's approval pins it.
#ifndef MDM_STEWARD_CHANGE_REQUESTS_H_
#define MDM_STEWARD_CHANGE_REQUESTS_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "mdm/steward.h"
#include "mdm/steward/steward_context.h"

namespace mdm::steward {

absl::StatusOr<ChangeRequest> SubmitChange(const Context& ctx, absl::string_view golden_id,
                                           absl::string_view field, absl::string_view value,
                                           absl::string_view submitted_by,
                                           absl::string_view reason);
absl::StatusOr<std::vector<ChangeRequest>> ListChanges(const Context& ctx,
                                                       std::optional<ChangeRequestStatus> status,
                                                       int64_t limit);
absl::StatusOr<ChangeRequest> DecideChange(const Context& ctx, int64_t dcr_id, bool approve,
                                           absl::string_view steward, absl::string_view reason);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_CHANGE_REQUESTS_H_
