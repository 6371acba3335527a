// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/email_normalizer.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::normalize {
namespace {

struct EmailCase {
  std::string raw;
  std::string normalized;
};

TEST_CASE("NormalizeEmail: valid addresses are cleaned and lower-cased",
          "[normalize]") {
  const EmailCase c = GENERATE(values<EmailCase>({
      {"j.martin@example.fr", "j.martin@example.fr"},
      {"  J.Martin@Example.FR\t", "j.martin@example.fr"},
      {"<j.martin@example.fr>", "j.martin@example.fr"},
      {"mailto:j.martin@example.fr", "j.martin@example.fr"},
      {"MAILTO:J.Martin@example.fr", "j.martin@example.fr"},
      {" < mailto:j.martin@example.fr > ", "j.martin@example.fr"},
      {"mailto:j.martin@example.fr?subject=RDV", "j.martin@example.fr"},
      {"dr.jean-pierre.martin@chu-exemple.example.org",
       "dr.jean-pierre.martin@chu-exemple.example.org"},
      {"first+tag@example.com", "first+tag@example.com"},
      {"o'neil_2@example.co.uk", "o'neil_2@example.co.uk"},
      {"a!#$%&*/=?^`{|}~@example.com", "a!#$%&*/=?^`{|}~@example.com"},
      {"x@a.io", "x@a.io"},
      {"user@123.example.de", "user@123.example.de"},
      {std::string(64, 'a') + "@example.com",
       std::string(64, 'a') + "@example.com"},
  }));
  CAPTURE(c.raw);
  const Email email = NormalizeEmail(c.raw);
  CHECK(email.raw == c.raw);
  CHECK(email.normalized == c.normalized);
  CHECK(email.validity == Validity::kValid);
  CHECK(NormalizeEmail(email.normalized).normalized == email.normalized);
}

TEST_CASE("NormalizeEmail: malformed addresses are invalid but kept",
          "[normalize]") {
  const EmailCase c = GENERATE(values<EmailCase>({
      {"", ""},
      {"   ", ""},
      {"j.martin", "j.martin"},
      {"j.martin@", "j.martin@"},
      {"@example.fr", "@example.fr"},
      {"j.martin@example", "j.martin@example"},          // no dot in domain
      {"j.martin@example.f", "j.martin@example.f"},      // 1-letter TLD
      {"j.martin@example.f2", "j.martin@example.f2"},    // digit in TLD
      {"j..martin@example.fr", "j..martin@example.fr"},  // consecutive dots
      {".jmartin@example.fr", ".jmartin@example.fr"},
      {"jmartin.@example.fr", "jmartin.@example.fr"},
      {"j.martin@example..fr", "j.martin@example..fr"},
      {"j.martin@-example.fr", "j.martin@-example.fr"},  // label hyphen
      {"j.martin@example-.fr", "j.martin@example-.fr"},
      {"j.martin@exa_mple.fr", "j.martin@exa_mple.fr"},
      {"j martin@example.fr", "j martin@example.fr"},
      {"j.martin@@example.fr", "j.martin@@example.fr"},
      {"j@martin@example.fr", "j@martin@example.fr"},
      {"\"j martin\"@example.fr", "\"j martin\"@example.fr"},  // quoted
      {"j.martin@[192.0.2.1]", "j.martin@[192.0.2.1]"},        // IP literal
      {"jérôme@example.fr", "jérôme@example.fr"},              // non-ASCII
      {"j.martin@example.fr; b@example.fr",
       "j.martin@example.fr; b@example.fr"},
      {"<j.martin@example.fr", "<j.martin@example.fr"},
      {"mailto:", ""},
      {std::string(65, 'a') + "@example.com",
       std::string(65, 'a') + "@example.com"},
      {"a@" + std::string(64, 'b') + ".com",
       "a@" + std::string(64, 'b') + ".com"},
      {"a@" + std::string(250, 'b') + ".com",
       "a@" + std::string(250, 'b') + ".com"},
  }));
  CAPTURE(c.raw);
  const Email email = NormalizeEmail(c.raw);
  CHECK(email.raw == c.raw);
  CHECK(email.normalized == c.normalized);
  CHECK(email.validity == Validity::kInvalid);
}

TEST_CASE("NormalizeEmail: a 254-byte address is the longest accepted",
          "[normalize]") {
  // 64 + 1 + 63 + 1 + 63 + 1 + 57 + 1 + 3 = 254 bytes.
  const std::string domain = std::string(63, 'b') + "." + std::string(63, 'c') +
                             "." + std::string(57, 'd') + ".com";
  const std::string longest = std::string(64, 'a') + "@" + domain;
  REQUIRE(longest.size() == 254);
  CHECK(NormalizeEmail(longest).validity == Validity::kValid);
  // 255 bytes, every part within its own limit.
  const std::string one_more = std::string(63, 'a') + "@d." + domain;
  REQUIRE(one_more.size() == 255);
  CHECK(NormalizeEmail(one_more).validity == Validity::kInvalid);
}

}  // namespace
}  // namespace mdm::normalize
