// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/date_normalizer.h"

#include <optional>
#include <string>

#include <catch2/catch.hpp>

namespace mdm::normalize {
namespace {

struct DateCase {
  std::string raw;
  DateOrder order;
  std::optional<std::string> date;
  std::optional<std::string> timestamp;
};

constexpr DateOrder kDay = DateOrder::kDayFirst;
constexpr DateOrder kMonth = DateOrder::kMonthFirst;
const std::optional<std::string> kNone;

TEST_CASE("NormalizeDate and NormalizeTimestamp: accepted forms", "[normalize]") {
  const DateCase c = GENERATE(values<DateCase>({
      {"2026-03-14", kDay, "2026-03-14", "2026-03-14"},
      {" 2026-3-4 ", kDay, "2026-03-04", "2026-03-04"},
      {"2026-03", kDay, "2026-03", "2026-03"},
      {"1971", kDay, "1971", "1971"},
      {"1630-08-01", kDay, "1630-08-01", "1630-08-01"},  // historical registers
      {"19560409", kDay, "1956-04-09", "1956-04-09"},
      {"2026/03/14", kMonth, "2026-03-14", "2026-03-14"},
      {"14/03/2026", kDay, "2026-03-14", "2026-03-14"},
      {"03/14/2026", kMonth, "2026-03-14", "2026-03-14"},
      {"14.03.2026", kMonth, "2026-03-14", "2026-03-14"},  // dots: day first
      {"2026-03-14T09:30:00Z", kDay, "2026-03-14", "2026-03-14T09:30:00Z"},
      {"2026-03-14 09:30", kDay, "2026-03-14", "2026-03-14T09:30:00Z"},
      {"2026-03-14T00:30:00+01:00", kDay, "2026-03-14", "2026-03-13T23:30:00Z"},
      {"2026-12-31T23:30:00-0100", kDay, "2026-12-31", "2027-01-01T00:30:00Z"},
      {"2026-03-14T09:30:15.250Z", kDay, "2026-03-14", "2026-03-14T09:30:15Z"},
      {"2024-02-29", kDay, "2024-02-29", "2024-02-29"},
  }));
  CAPTURE(c.raw);
  CHECK(NormalizeDate(c.raw, c.order) == c.date);
  CHECK(NormalizeTimestamp(c.raw, c.order) == c.timestamp);
}

TEST_CASE("NormalizeDate: impossible or malformed dates are refused", "[normalize]") {
  for (const char* raw : {"", "yesterday", "2026-02-30", "2025-02-29", "2026-13-01",
                          "2026-00-10", "31/04/2026", "0999-12-31", "2300-01-01",
                          "2026-03-14T25:00", "2026-03-14T10:61", "2026-03-14X",
                          "2026T10:00", "2026-03-14T10:00+15:00", "14/03/26",
                          "2026--03-14", "12345678901"}) {
    CAPTURE(raw);
    CHECK(NormalizeDate(raw, kDay) == kNone);
    CHECK(NormalizeTimestamp(raw, kDay) == kNone);
  }
}

TEST_CASE("DateOrderForCountry: only US writes month first", "[normalize]") {
  CHECK(DateOrderForCountry("US") == kMonth);
  CHECK(DateOrderForCountry("FR") == kDay);
  CHECK(DateOrderForCountry("GB") == kDay);
}

}  // namespace
}  // namespace mdm::normalize
