// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/secret_key.h
//
// The store's secret key: 32 random bytes kept in a file beside the store,
// never inside it, so that a copy of the database alone cannot test a
// guessed e-mail against the suppression list (suppression keys are HMACs
// under this key). `mdm init` creates it; losing it means erased people can
// no longer be recognised, so it is never silently replaced.
//
// File format: 64 lower-case hex characters and a newline, mode 0600.
#ifndef MDM_PRIVACY_SECRET_KEY_H_
#define MDM_PRIVACY_SECRET_KEY_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mdm::privacy {

// "<db_path>.key".
std::string DefaultKeyPath(absl::string_view db_path);

// Writes a new key to `path`; AlreadyExists when the file exists,
// PermissionDenied (or Unavailable) when it cannot be written.
absl::Status CreateKeyFile(absl::string_view path);

// The key's 32 bytes. NotFound when the file is missing; DataLoss when it
// does not hold a key.
absl::StatusOr<std::string> ReadKeyFile(absl::string_view path);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_SECRET_KEY_H_
