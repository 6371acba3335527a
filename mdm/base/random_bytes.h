// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/random_bytes.h
//
// Cryptographically strong random bytes from OpenSSL: password salts,
// session tokens, audit payload salts and the store's secret key.
#ifndef MDM_BASE_RANDOM_BYTES_H_
#define MDM_BASE_RANDOM_BYTES_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace mdm::base {

// `bytes` random bytes; Internal when the system's generator fails.
absl::StatusOr<std::string> RandomBytes(size_t bytes);

}  // namespace mdm::base

#endif  // MDM_BASE_RANDOM_BYTES_H_
