// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/sha256.h
//
// SHA-256 through OpenSSL libcrypto: content hashes of source files (a file
// loaded twice is recognised) and of normalized records (unchanged rows are
// not rewritten), the audit chain; HMAC-SHA256 for suppression keys.
#ifndef MDM_BASE_SHA256_H_
#define MDM_BASE_SHA256_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mdm::base {

// Incremental hasher for data that arrives in pieces (a streamed file).
// Not thread-safe; one hasher per stream.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(absl::string_view data);
  // Returns the lower-case hex digest (64 characters). REQUIRES: called once.
  std::string HexDigest();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

// Sha256File()
//
// Lower-case hex SHA-256 of the file at `path`, read in blocks. NotFound when
// it cannot be opened; DataLoss when a read fails.
absl::StatusOr<std::string> Sha256File(absl::string_view path);

// Sha256Hex()
//
// Lower-case hex SHA-256 of `data` in one call.
std::string Sha256Hex(absl::string_view data);

// HmacSha256Hex()
//
// Lower-case hex HMAC-SHA256 (RFC 2104) of `data` under `key`.
std::string HmacSha256Hex(absl::string_view key, absl::string_view data);

}  // namespace mdm::base

#endif  // MDM_BASE_SHA256_H_
