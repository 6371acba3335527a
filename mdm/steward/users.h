// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/users.h
//
// Users of `mdm serve` (Steward::AddUser, Authenticate, Users): names and
// roles in the store, passwords only as PBKDF2 hashes (password_hash.h).
#ifndef MDM_STEWARD_USERS_H_
#define MDM_STEWARD_USERS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "mdm/steward.h"
#include "mdm/steward/steward_context.h"

namespace mdm::steward {

absl::StatusOr<User> AddUser(const Context& ctx, absl::string_view name, Role role,
                             absl::string_view password, int iterations);
absl::StatusOr<User> Authenticate(const Context& ctx, absl::string_view name,
                                  absl::string_view password);
absl::StatusOr<std::vector<User>> ListUsers(const Context& ctx);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_USERS_H_
