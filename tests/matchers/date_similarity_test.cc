// SPDX-License-Identifier: Apache-2.0
#include "matchers/date_similarity.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::matchers {
namespace {

struct ParseCase {
  std::string text;
  PartialDate expected;
};

TEST_CASE("ParsePartialDate: accepts the three ISO precisions", "[matchers]") {
  const ParseCase c = GENERATE(values<ParseCase>({
      {"1980-05-12", {1980, 5, 12}},
      {"1980-05", {1980, 5, 0}},
      {"1980", {1980, 0, 0}},
      {"2024-02-29", {2024, 2, 29}},  // leap year
      {"2000-02-29", {2000, 2, 29}},  // divisible by 400
      {"0001-01-01", {1, 1, 1}},
      {"9999-12-31", {9999, 12, 31}},
  }));
  CAPTURE(c.text);
  const absl::StatusOr<PartialDate> date = ParsePartialDate(c.text);
  REQUIRE(date.ok());
  CHECK(*date == c.expected);
}

TEST_CASE("ParsePartialDate: rejects other shapes and impossible dates",
          "[matchers]") {
  const std::string text = GENERATE(as<std::string>{},
      "", "80", "19800", "1980-5-12", "1980/05/12", "12-05-1980", " 1980",
      "1980-05-12T00:00", "1980-13", "1980-00", "1980-04-31", "2023-02-29",
      "1900-02-29", "1980-05-00", "0000", "198a", "1980-0x");
  CAPTURE(text);
  const absl::StatusOr<PartialDate> date = ParsePartialDate(text);
  REQUIRE_FALSE(date.ok());
  CHECK(date.status().code() == absl::StatusCode::kInvalidArgument);
  if (!text.empty()) {
    CHECK(std::string(date.status().message()).find(text) == std::string::npos);
  }
}

struct CompareCase {
  std::string a;
  std::string b;
  DateCloseness expected;
};

TEST_CASE("CompareDates: grades the usual entry errors", "[matchers]") {
  const CompareCase c = GENERATE(values<CompareCase>({
      {"1980-05-12", "1980-05-12", DateCloseness::kExact},
      {"1980-05", "1980-05", DateCloseness::kExact},
      {"1980", "1980", DateCloseness::kExact},
      {"1980-05-12", "1980-12-05", DateCloseness::kDayMonthSwapped},
      {"1980-05-12", "1980-05-13", DateCloseness::kOneDigitTypo},
      {"1980-05-12", "1981-05-12", DateCloseness::kOneDigitTypo},
      {"1980-05-12", "1980-08-12", DateCloseness::kOneDigitTypo},
      {"1980-05", "1980-06", DateCloseness::kOneDigitTypo},
      {"1980", "1990", DateCloseness::kOneDigitTypo},
      {"1980-05-12", "1980-05-31", DateCloseness::kWithinDays},
      {"1980-12-30", "1981-01-02", DateCloseness::kWithinDays},
      {"1980-05-12", "1980-05", DateCloseness::kPartialMatch},
      {"1980-05-12", "1980", DateCloseness::kPartialMatch},
      {"1980-05", "1980", DateCloseness::kPartialMatch},
      {"1980-05-12", "1980-09-30", DateCloseness::kSameYear},
      {"1980-05-12", "1980-06", DateCloseness::kSameYear},
      {"1980-05-12", "1975-11-03", DateCloseness::kDifferent},
      {"1980-05", "1975", DateCloseness::kDifferent},
  }));
  CAPTURE(c.a, c.b);
  const PartialDate a = *ParsePartialDate(c.a);
  const PartialDate b = *ParsePartialDate(c.b);
  CHECK(CompareDates(a, b, 30) == c.expected);
  CHECK(CompareDates(b, a, 30) == c.expected);
}

TEST_CASE("CompareDates: the day window is the caller's", "[matchers]") {
  const PartialDate a = *ParsePartialDate("1980-05-12");
  const PartialDate b = *ParsePartialDate("1980-05-31");  // 19 days, 2 digits
  CHECK(CompareDates(a, b, 19) == DateCloseness::kWithinDays);
  CHECK(CompareDates(a, b, 18) == DateCloseness::kSameYear);
  CHECK(CompareDates(a, b, -1) == DateCloseness::kSameYear);
  // Same day and month swapped is no swap.
  const PartialDate same = *ParsePartialDate("1980-05-05");
  CHECK(CompareDates(same, same, 0) == DateCloseness::kExact);
}

}  // namespace
}  // namespace mdm::matchers
