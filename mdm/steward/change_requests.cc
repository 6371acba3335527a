// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/change_requests.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "mdm/status.h"
#include "mdm/steward/golden_ops.h"
#include "mdm/survive/golden_overrides.h"

namespace mdm::steward {

absl::StatusOr<ChangeRequest> SubmitChange(const Context& ctx, absl::string_view golden_id,
                                           absl::string_view field, absl::string_view value,
                                           absl::string_view submitted_by,
                                           absl::string_view reason) {
  MDM_RETURN_IF_ERROR(survive::CheckPin(field, value));
  MDM_RETURN_IF_ERROR(CheckText("submitted_by", submitted_by));
  MDM_RETURN_IF_ERROR(CheckText("reason", reason));
  ChangeRequest c;
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(GoldenTarget target, ActiveGolden(ctx.store, golden_id));
    c.golden_id = target.row.golden_id;
    c.field = std::string(field);
    c.value = std::string(value);
    c.submitted_by = std::string(submitted_by);
    c.reason = std::string(reason);
    c.submitted_at = ctx.Now();
    c.status = ChangeRequestStatus::kOpen;
    MDM_ASSIGN_OR_RETURN(c.dcr_id, ctx.store.InsertChangeRequest(c));
    return ctx.Audit({c.submitted_by, "dcr.submit", {c.golden_id}, {}, 0,
                      absl::StrCat("change request ", c.dcr_id, " on ", c.field),
                      privacy::TextPayload({{"value", c.value}, {"reason", c.reason}})});
  });
  MDM_RETURN_IF_ERROR(written);
  return c;
}

absl::StatusOr<std::vector<ChangeRequest>> ListChanges(const Context& ctx,
                                                       std::optional<ChangeRequestStatus> status,
                                                       int64_t limit) {
  if (limit < 1 || limit > 10000) {
    return absl::InvalidArgumentError("change requests: limit must be between 1 and 10000");
  }
  return ctx.store.ListChangeRequests(status ? ChangeRequestStatusName(*status) : "", limit);
}

absl::StatusOr<ChangeRequest> DecideChange(const Context& ctx, int64_t dcr_id, bool approve,
                                           absl::string_view steward, absl::string_view reason) {
  MDM_RETURN_IF_ERROR(CheckText("steward", steward));
  MDM_RETURN_IF_ERROR(CheckText("reason", reason));
  ChangeRequest c;
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(std::optional<ChangeRequest> found,
                         ctx.store.GetChangeRequest(dcr_id));
    if (!found) return absl::NotFoundError(absl::StrCat("no change request ", dcr_id));
    c = *std::move(found);
    if (c.status != ChangeRequestStatus::kOpen) {
      return absl::AbortedError(absl::StrCat("change request ", dcr_id, " was already ",
                                             ChangeRequestStatusName(c.status), " by ",
                                             c.decided_by));
    }
    c.status = approve ? ChangeRequestStatus::kApproved : ChangeRequestStatus::kRejected;
    c.decided_by = std::string(steward);
    c.decided_at = ctx.Now();
    c.decision_reason = std::string(reason);
    if (approve) {
      // The override names the request (dcr_id) for its lineage. Pinning
      // refuses a restricted golden record (FailedPrecondition): approving
      // waits until it is unrestricted; rejecting changes no value and is
      // allowed.
      MDM_RETURN_IF_ERROR(
          PinValue(ctx, c.golden_id, c.field, c.value, reason, steward, dcr_id).status());
    }
    MDM_RETURN_IF_ERROR(ctx.store.UpdateChangeRequest(c));
    return ctx.Audit({c.decided_by, approve ? "dcr.approve" : "dcr.reject", {c.golden_id}, {},
                      0, absl::StrCat("change request ", c.dcr_id),
                      privacy::TextPayload({{"reason", c.decision_reason}})});
  });
  MDM_RETURN_IF_ERROR(written);
  return c;
}

}  // namespace mdm::steward
