// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/users.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/status.h"
#include "mdm/steward/password_hash.h"

namespace mdm::steward {
namespace {

constexpr size_t kMinPassword = 8;
constexpr size_t kMaxPassword = 1024;  // PBKDF2 cost grows with it

bool ValidName(absl::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

absl::StatusOr<User> ToUser(const store::UserRow& row) {
  std::optional<Role> role = ParseRole(row.role);
  if (!role) return absl::DataLossError(absl::StrCat("user ", row.name, ": unknown role"));
  return User{row.name, *role, row.created_at};
}

}  // namespace

absl::StatusOr<User> AddUser(const Context& ctx, absl::string_view name, Role role,
                             absl::string_view password, int iterations) {
  if (!ValidName(name)) {
    return absl::InvalidArgumentError(
        "user: a name is 1 to 64 characters of letters, digits, '.', '_' and '-'");
  }
  if (password.size() < kMinPassword || password.size() > kMaxPassword) {
    return absl::InvalidArgumentError("user: a password is 8 to 1024 bytes");
  }
  MDM_ASSIGN_OR_RETURN(PasswordHash hash, HashPassword(password, iterations));
  store::UserRow row{std::string(name), RoleName(role), hash.salt, hash.iterations, hash.hash,
                     ctx.Now()};
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    MDM_RETURN_IF_ERROR(ctx.store.InsertUser(row));
    return ctx.Audit({"admin", "user.added", {}, {}, 0,
                      absl::StrCat("user ", row.name, " with role ", row.role)});
  });
  MDM_RETURN_IF_ERROR(written);
  return User{row.name, role, row.created_at};
}

absl::StatusOr<User> Authenticate(const Context& ctx, absl::string_view name,
                                  absl::string_view password) {
  const absl::Status denied = absl::UnauthenticatedError("wrong user name or password");
  std::optional<store::UserRow> row;
  if (ValidName(name) && password.size() <= kMaxPassword) {
    MDM_ASSIGN_OR_RETURN(row, ctx.store.FindUser(name));
  }
  if (!row) {
    // The same work as for a known name: the answer's time must not tell
    // which names exist.
    static const PasswordHash* const dummy = [] {
      absl::StatusOr<PasswordHash> h = HashPassword("not a password");
      return new PasswordHash(h.ok() ? *h : PasswordHash{"salt", kPbkdf2Iterations, ""});
    }();
    VerifyPassword(password, *dummy);
    return denied;
  }
  const PasswordHash stored{row->salt, static_cast<int>(row->iterations), row->hash};
  if (!VerifyPassword(password, stored)) return denied;
  return ToUser(*row);
}

absl::StatusOr<std::vector<User>> ListUsers(const Context& ctx) {
  MDM_ASSIGN_OR_RETURN(std::vector<store::UserRow> rows, ctx.store.ListUsers());
  std::vector<User> out;
  for (const store::UserRow& row : rows) {
    MDM_ASSIGN_OR_RETURN(User u, ToUser(row));
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace mdm::steward
