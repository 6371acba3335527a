// SPDX-License-Identifier: Apache-2.0
#include "matchers/identifier_match.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::matchers {
namespace {

struct IdCase {
  std::string a;
  std::string b;
  IdentifierAgreement expected;
};

// Synthetic identifier values.
TEST_CASE("CompareIdentifiers: agreement levels", "[matchers]") {
  const IdCase c = GENERATE(values<IdCase>({
      {"10003456789", "10003456789", IdentifierAgreement::kExact},
      {"10003456789", "10003456780", IdentifierAgreement::kOneEdit},  // typo
      {"10003456789", "10003465789", IdentifierAgreement::kOneEdit},  // swap
      {"10003456789", "1000345678", IdentifierAgreement::kOneEdit},   // lost
      {"10003456789", "100034567890", IdentifierAgreement::kOneEdit}, // extra
      {"10003456789", "10003465780", IdentifierAgreement::kDifferent},
      {"10003456789", "20003456780", IdentifierAgreement::kDifferent},
      {"10003456789", "100034567", IdentifierAgreement::kDifferent},
      {"10003456789", "", IdentifierAgreement::kOneMissing},
      {"", "", IdentifierAgreement::kBothMissing},
  }));
  CAPTURE(c.a, c.b);
  CHECK(CompareIdentifiers(c.a, c.b) == c.expected);
  CHECK(CompareIdentifiers(c.b, c.a) == c.expected);
}

TEST_CASE("IsOneEditApart: exactly one edit, transposition included",
          "[matchers]") {
  CHECK(IsOneEditApart("1234", "1243"));
  CHECK(IsOneEditApart("1234", "123"));
  CHECK(IsOneEditApart("", "1"));
  CHECK_FALSE(IsOneEditApart("1234", "1234"));
  CHECK_FALSE(IsOneEditApart("1234", "2143"));
  CHECK_FALSE(IsOneEditApart("12", "1234"));
}

}  // namespace
}  // namespace mdm::matchers
