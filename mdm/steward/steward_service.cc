// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/steward_service.h"

#include "mdm/steward/change_requests.h"
#include "mdm/steward/golden_ops.h"
#include "mdm/steward/password_hash.h"
#include "mdm/steward/queue_ops.h"
#include "mdm/steward/steward_context.h"
#include "mdm/steward/users.h"

namespace mdm::steward {
namespace {

class StewardService final : public Steward {
 public:
  StewardService(store::Store& store, const Clock& clock, std::string key_path)
      : ctx_{store, clock, std::move(key_path)} {}

  absl::StatusOr<QueuePage> Queue(const QueueQuery& query) override {
    return ListQueue(ctx_, query);
  }
  absl::StatusOr<ReviewItemDetail> Item(int64_t item_id) override {
    return ShowItem(ctx_, item_id);
  }
  absl::StatusOr<ReviewItem> Assign(int64_t item_id, absl::string_view assignee) override {
    return AssignItem(ctx_, item_id, assignee);
  }
  absl::StatusOr<ReviewItem> Decide(const Decision& decision) override {
    return DecideItem(ctx_, decision);
  }
  absl::Status Split(absl::string_view golden_id, const std::vector<SourceRef>& records,
                     absl::string_view reason, absl::string_view steward) override {
    return SplitGolden(ctx_, golden_id, records, reason, steward);
  }
  absl::Status Merge(absl::string_view golden_a, absl::string_view golden_b,
                     absl::string_view reason, absl::string_view steward) override {
    return MergeGoldens(ctx_, golden_a, golden_b, reason, steward);
  }
  absl::StatusOr<Override> Pin(absl::string_view golden_id, absl::string_view field,
                               absl::string_view value, absl::string_view reason,
                               absl::string_view steward) override {
    return PinValue(ctx_, golden_id, field, value, reason, steward, /*dcr_id=*/0);
  }
  absl::StatusOr<Override> Unpin(absl::string_view golden_id, absl::string_view field,
                                 absl::string_view reason, absl::string_view steward) override {
    return UnpinValue(ctx_, golden_id, field, reason, steward);
  }
  absl::StatusOr<std::vector<Override>> Overrides(absl::string_view golden_id,
                                                  bool all) override {
    return ListOverrides(ctx_, golden_id, all);
  }
  absl::StatusOr<std::vector<GoldenHit>> Search(absl::string_view text,
                                                int64_t limit) override {
    return SearchGoldens(ctx_, text, limit);
  }
  absl::StatusOr<ChangeRequest> SubmitChange(absl::string_view golden_id,
                                             absl::string_view field, absl::string_view value,
                                             absl::string_view submitted_by,
                                             absl::string_view reason) override {
    return steward::SubmitChange(ctx_, golden_id, field, value, submitted_by, reason);
  }
  absl::StatusOr<std::vector<ChangeRequest>> Changes(std::optional<ChangeRequestStatus> status,
                                                     int64_t limit) override {
    return ListChanges(ctx_, status, limit);
  }
  absl::StatusOr<ChangeRequest> DecideChange(int64_t dcr_id, bool approve,
                                             absl::string_view steward,
                                             absl::string_view reason) override {
    return steward::DecideChange(ctx_, dcr_id, approve, steward, reason);
  }
  absl::StatusOr<User> AddUser(absl::string_view name, Role role,
                               absl::string_view password) override {
    return steward::AddUser(ctx_, name, role, password, kPbkdf2Iterations);
  }
  absl::StatusOr<User> Authenticate(absl::string_view name,
                                    absl::string_view password) override {
    return steward::Authenticate(ctx_, name, password);
  }
  absl::StatusOr<std::vector<User>> Users() override { return ListUsers(ctx_); }

 private:
  const Context ctx_;
};

}  // namespace

std::unique_ptr<Steward> NewStewardService(store::Store& store, const Clock& clock,
                                           std::string key_path) {
  return std::make_unique<StewardService>(store, clock, std::move(key_path));
}

}  // namespace mdm::steward
