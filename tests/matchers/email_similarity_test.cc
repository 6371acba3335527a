// SPDX-License-Identifier: Apache-2.0
#include "matchers/email_similarity.h"

#include <string>

#include <catch2/catch.hpp>

#include "matchers/string_similarity.h"

namespace mdm::matchers {
namespace {

struct SplitCase {
  std::string email;
  std::string local;
  std::string domain;
};

TEST_CASE("SplitEmail: strips +tags, splits at the last @", "[matchers]") {
  const SplitCase c = GENERATE(values<SplitCase>({
      {"claire.martin@chu-lyon.example", "claire.martin", "chu-lyon.example"},
      {"claire.martin+crm@chu-lyon.example", "claire.martin", "chu-lyon.example"},
      {"c+a+b@example.org", "c", "example.org"},
      {"\"odd@local\"@example.org", "\"odd@local\"", "example.org"},
      // Not addresses.
      {"no-at-sign.example.org", "", ""},
      {"@example.org", "", ""},
      {"+tag@example.org", "", ""},
      {"claire@", "", ""},
      {"", "", ""},
  }));
  CAPTURE(c.email);
  const EmailParts parts = SplitEmail(c.email);
  CHECK(parts.local == c.local);
  CHECK(parts.domain == c.domain);
}

TEST_CASE("CompareEmails: tags ignored, dots kept, domain case ignored",
          "[matchers]") {
  const EmailComparison tagged = CompareEmails(
      "claire.martin+crm@chu-lyon.example", "claire.martin@CHU-Lyon.example");
  CHECK(tagged.comparable);
  CHECK(tagged.same_address);
  CHECK(tagged.same_domain);
  CHECK(tagged.local_similarity == 1.0);

  // Dots are significant outside a few providers: not the same address.
  const EmailComparison dotted =
      CompareEmails("claire.martin@example.org", "clairemartin@example.org");
  CHECK_FALSE(dotted.same_address);
  CHECK(dotted.same_domain);
  CHECK(dotted.local_similarity ==
        JaroWinkler("claire.martin", "clairemartin"));
  CHECK(dotted.local_similarity > 0.9);

  const EmailComparison moved =
      CompareEmails("cmartin@old.example", "cmartin@new.example");
  CHECK_FALSE(moved.same_address);
  CHECK_FALSE(moved.same_domain);
  CHECK(moved.local_similarity == 1.0);
}

TEST_CASE("CompareEmails: a value that is not an address compares to nothing",
          "[matchers]") {
  for (const char* bad : {"", "nobody", "@example.org"}) {
    CAPTURE(bad);
    const EmailComparison c = CompareEmails(bad, "a@example.org");
    CHECK_FALSE(c.comparable);
    CHECK_FALSE(c.same_address);
    CHECK_FALSE(c.same_domain);
    CHECK(c.local_similarity == 0.0);
    CHECK_FALSE(CompareEmails("a@example.org", bad).comparable);
  }
}

}  // namespace
}  // namespace mdm::matchers
