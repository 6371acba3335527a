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

// HMAC-SHA256 (RFC 2104) under one key, for many messages: the key's inner
// and outer blocks are hashed once, so a message costs two short digests
// (about 0.2 µs instead of 1.3 µs for OpenSSL's one-shot HMAC()). Hex() is
// const and safe to call from several threads at once.
class HmacSha256 {
 public:
  explicit HmacSha256(absl::string_view key);
  ~HmacSha256();
  HmacSha256(const HmacSha256&) = delete;
  HmacSha256& operator=(const HmacSha256&) = delete;

  // Lower-case hex HMAC of `data`.
  std::string Hex(absl::string_view data) const;

 private:
  struct Contexts;
  std::unique_ptr<Contexts> ctx_;
};

// HmacSha256Hex()
//
// Lower-case hex HMAC-SHA256 of `data` under `key`, in one call.
std::string HmacSha256Hex(absl::string_view key, absl::string_view data);

}  // namespace mdm::base

#endif  // MDM_BASE_SHA256_H_
