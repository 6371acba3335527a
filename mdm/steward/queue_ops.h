// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/queue_ops.h
//
// The review queue (Steward::Queue, Item, Assign, Decide): review rows
// turned into items with their records' keys and golden records, and
// decisions stored as steward links (see mdm/steward.h for the contract).
#ifndef MDM_STEWARD_QUEUE_OPS_H_
#define MDM_STEWARD_QUEUE_OPS_H_

#include "absl/status/statusor.h"
#include "mdm/steward.h"
#include "mdm/steward/steward_context.h"

namespace mdm::steward {

absl::StatusOr<QueuePage> ListQueue(const Context& ctx, const QueueQuery& query);
absl::StatusOr<ReviewItemDetail> ShowItem(const Context& ctx, int64_t item_id);
absl::StatusOr<ReviewItem> AssignItem(const Context& ctx, int64_t item_id,
                                      absl::string_view assignee);
absl::StatusOr<ReviewItem> DecideItem(const Context& ctx, const Decision& decision);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_QUEUE_OPS_H_
