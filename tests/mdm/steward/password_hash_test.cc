// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/password_hash.h"

#include <catch2/catch.hpp>

namespace mdm::steward {
namespace {

TEST_CASE("password_hash: the right password verifies, any other does not") {
  absl::StatusOr<PasswordHash> h = HashPassword("correct horse", 1000);
  REQUIRE(h.ok());
  CHECK(h->iterations == 1000);
  CHECK(h->salt.size() == 16);
  CHECK(h->hash.size() == 32);
  CHECK(VerifyPassword("correct horse", *h));
  CHECK_FALSE(VerifyPassword("correct hors", *h));
  CHECK_FALSE(VerifyPassword("", *h));
  PasswordHash tampered = *h;
  tampered.hash[0] = static_cast<char>(tampered.hash[0] ^ 1);
  CHECK_FALSE(VerifyPassword("correct horse", tampered));
  PasswordHash fewer = *h;
  fewer.iterations = 999;
  CHECK_FALSE(VerifyPassword("correct horse", fewer));
}

TEST_CASE("password_hash: each hash has its own salt") {
  absl::StatusOr<PasswordHash> a = HashPassword("same password", 1000);
  absl::StatusOr<PasswordHash> b = HashPassword("same password", 1000);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->salt != b->salt);
  CHECK(a->hash != b->hash);
}

TEST_CASE("password_hash: bad iteration counts and empty hashes are refused") {
  CHECK(HashPassword("x", 0).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK_FALSE(VerifyPassword("x", PasswordHash{}));
}

}  // namespace
}  // namespace mdm::steward
