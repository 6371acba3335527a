// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/password_hash.h
//
// Passwords of `mdm serve` users: PBKDF2-HMAC-SHA256 (OpenSSL) with a
// random 16-byte salt. The iteration count is stored with each hash so it
// can be raised later without invalidating existing users.
#ifndef MDM_STEWARD_PASSWORD_HASH_H_
#define MDM_STEWARD_PASSWORD_HASH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mdm::steward {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about 0.3 s per login here.
inline constexpr int kPbkdf2Iterations = 600000;

struct PasswordHash {
  std::string salt;  // raw bytes
  int iterations = 0;
  std::string hash;  // raw bytes, 32
};

// A new salt from the system's CSPRNG; Internal when it fails.
absl::StatusOr<PasswordHash> HashPassword(absl::string_view password,
                                          int iterations = kPbkdf2Iterations);

// Compares in constant time.
bool VerifyPassword(absl::string_view password, const PasswordHash& stored);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_PASSWORD_HASH_H_
