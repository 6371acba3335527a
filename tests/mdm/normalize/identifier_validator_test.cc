// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/identifier_validator.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::normalize {
namespace {

struct IdCase {
  std::string scheme;
  std::string raw;
  std::string value;
  Validity validity;
};

// Published vectors: NPI 1234567893 is the worked example of CMS's "NPI check
// digit" note; LANR 999999900 is the KBV placeholder number for physicians
// without a LANR and 555555500 the hospital placeholder. 79927398713 is the
// Luhn example of ISO/IEC 7812-1. RPPS and ADELI have no published test
// numbers: the valid ones below are synthetic, completed with
// CompleteIdentifier() and checked by hand.
TEST_CASE("NormalizeIdentifier: valid vectors per scheme", "[normalize]") {
  const IdCase c = GENERATE(values<IdCase>({
      {"npi", "1234567893", "1234567893", Validity::kValid},
      {"npi", "123 456 7893", "1234567893", Validity::kValid},
      {"npi", "808401234567893", "1234567893", Validity::kValid},
      {"rpps", "10000000009", "10000000009", Validity::kValid},
      {"rpps", "810000000009", "10000000009", Validity::kValid},
      {"rpps", "79927398713", "79927398713", Validity::kValid},
      {"adeli", "75 1 23456 8", "751234568", Validity::kValid},
      {"adeli", "0751234568", "751234568", Validity::kValid},
      {"gmc", "1234567", "1234567", Validity::kValid},
      {"lanr", "999999900", "999999900", Validity::kValid},
      {"lanr", "555555500", "555555500", Validity::kValid},
      {"lanr", "123456601", "123456601", Validity::kValid},
      {"crm", "ab-12/34", "AB1234", Validity::kUnchecked},
  }));
  CAPTURE(c.scheme, c.raw);
  Identifier id = NormalizeIdentifier(c.scheme, c.raw);
  CHECK(id.scheme == c.scheme);
  CHECK(id.value == c.value);
  CHECK(id.validity == c.validity);
}

TEST_CASE("NormalizeIdentifier: invalid vectors per scheme", "[normalize]") {
  const IdCase c = GENERATE(values<IdCase>({
      {"npi", "1234567890", "1234567890", Validity::kInvalid},   // wrong digit
      {"npi", "2134567893", "2134567893", Validity::kInvalid},   // transposition
      {"npi", "123456789", "123456789", Validity::kInvalid},     // too short
      {"npi", "12345678AB", "12345678AB", Validity::kInvalid},   // letters
      {"rpps", "10000000008", "10000000008", Validity::kInvalid},
      {"rpps", "1000000000", "1000000000", Validity::kInvalid},
      {"adeli", "751234565", "751234565", Validity::kInvalid},
      {"gmc", "123456", "123456", Validity::kInvalid},
      {"gmc", "12345678", "12345678", Validity::kInvalid},
      {"lanr", "999999800", "999999800", Validity::kInvalid},    // check digit
      {"lanr", "99999990", "99999990", Validity::kInvalid},      // 8 digits
      {"crm", " ", "", Validity::kInvalid},
  }));
  CAPTURE(c.scheme, c.raw);
  Identifier id = NormalizeIdentifier(c.scheme, c.raw);
  CHECK(id.value == c.value);
  CHECK(id.validity == c.validity);
}

TEST_CASE("CompleteIdentifier: inserts a check digit that validates", "[normalize]") {
  CHECK(CompleteIdentifier("npi", "123456789") == "1234567893");
  CHECK(CompleteIdentifier("lanr", "99999900") == "999999900");
  CHECK(CompleteIdentifier("rpps", "7992739871") == "79927398713");
  CHECK(CompleteIdentifier("gmc", "7654321") == "7654321");
  CHECK_FALSE(CompleteIdentifier("npi", "12345678").has_value());
  CHECK_FALSE(CompleteIdentifier("crm", "X").has_value());
  // Every payload completed for a check-digit scheme validates, and changing
  // any one digit of the result breaks it (Luhn and the LANR weights catch
  // every single-digit error).
  for (const char* scheme : {"npi", "rpps", "adeli", "lanr"}) {
    const size_t len = std::string(scheme) == "npi" ? 9
                       : std::string(scheme) == "rpps" ? 10 : 8;
    for (int seed = 0; seed < 50; ++seed) {
      std::string payload;
      for (size_t i = 0; i < len; ++i) payload.push_back('0' + (seed * 7 + i * 3) % 10);
      auto full = CompleteIdentifier(scheme, payload);
      REQUIRE(full.has_value());
      CAPTURE(scheme, *full);
      CHECK(ValidateIdentifier(scheme, *full) == Validity::kValid);
      const size_t check_pos = std::string(scheme) == "lanr" ? 6 : full->size() - 1;
      std::string broken = *full;
      broken[check_pos] = static_cast<char>('0' + (broken[check_pos] - '0' + 1) % 10);
      CHECK(ValidateIdentifier(scheme, broken) == Validity::kInvalid);
    }
  }
}

}  // namespace
}  // namespace mdm::normalize
