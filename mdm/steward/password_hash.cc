// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "mdm/base/random_bytes.h"

namespace mdm::steward {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

bool Derive(absl::string_view password, absl::string_view salt, int iterations,
            std::string* out) {
  out->assign(kHashBytes, '\0');
  return PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                           reinterpret_cast<const unsigned char*>(salt.data()),
                           static_cast<int>(salt.size()), iterations, EVP_sha256(),
                           static_cast<int>(kHashBytes),
                           reinterpret_cast<unsigned char*>(out->data())) == 1;
}

}  // namespace

absl::StatusOr<PasswordHash> HashPassword(absl::string_view password, int iterations) {
  if (iterations < 1) return absl::InvalidArgumentError("password: iterations must be >= 1");
  absl::StatusOr<std::string> salt = base::RandomBytes(kSaltBytes);
  if (!salt.ok()) return salt.status();
  PasswordHash h;
  h.salt = *std::move(salt);
  h.iterations = iterations;
  if (!Derive(password, h.salt, iterations, &h.hash)) {
    return absl::InternalError("password: PBKDF2 failed");
  }
  return h;
}

bool VerifyPassword(absl::string_view password, const PasswordHash& stored) {
  if (stored.iterations < 1 || stored.hash.size() != kHashBytes) return false;
  std::string derived;
  if (!Derive(password, stored.salt, stored.iterations, &derived)) return false;
  return CRYPTO_memcmp(derived.data(), stored.hash.data(), kHashBytes) == 0;
}

}  // namespace mdm::steward
