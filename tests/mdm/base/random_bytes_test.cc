// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/random_bytes.h"

#include <catch2/catch.hpp>

namespace mdm::base {
namespace {

TEST_CASE("RandomBytes: the asked size, different between calls", "[base]") {
  absl::StatusOr<std::string> a = RandomBytes(32), b = RandomBytes(32);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->size() == 32);
  CHECK(*a != *b);
  CHECK(RandomBytes(0)->empty());
}

}  // namespace
}  // namespace mdm::base
