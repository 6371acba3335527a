// SPDX-License-Identifier: Apache-2.0
// Storage limitation, the pure part (mdm/privacy/retention.h): the cutoff
// of a retention period and which records are older than it. The purge
// itself runs through the engine in privacy_service_test.cc.
#include "mdm/privacy/retention.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/time/time.h"

namespace mdm::privacy {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1798761600);  // 2027-01-01T00:00:00Z

store::RecordAge Age(int64_t id, const std::string& observed, const std::string& loaded) {
  return {id, "K" + std::to_string(id), observed, loaded};
}

TEST_CASE("privacy retention: the cutoff is now minus whole days, in UTC") {
  CHECK(RetentionCutoff(kNow, 30) == "2026-12-02T00:00:00Z");
  CHECK(RetentionCutoff(kNow, 1) == "2026-12-31T00:00:00Z");
  CHECK(RetentionCutoff(kNow, 365) == "2026-01-01T00:00:00Z");
  CHECK(RetentionCutoff(kNow + absl::Hours(8) + absl::Minutes(30) + absl::Seconds(5), 1) ==
        "2026-12-31T08:30:05Z");
  // 2028 is a leap year: 366 days back from 2028-12-31 is 2027-12-31.
  CHECK(RetentionCutoff(absl::FromUnixSeconds(1861833600), 366) == "2027-12-31T00:00:00Z");
}

TEST_CASE("privacy retention: a record exactly at the cutoff stays, one second before expires") {
  const std::string cutoff = RetentionCutoff(kNow + absl::Hours(12), 30);
  REQUIRE(cutoff == "2026-12-02T12:00:00Z");
  const std::vector<store::RecordAge> ages = {
      Age(1, "2026-12-02T12:00:00Z", "2026-01-01T00:00:00Z"),  // at: stays
      Age(2, "2026-12-02T11:59:59Z", "2027-01-01T00:00:00Z"),  // one second before
      Age(3, "2026-12-02T12:00:01Z", "2026-01-01T00:00:00Z"),  // one second after
      Age(4, "2025-06-30T00:00:00Z", "2025-06-30T00:00:00Z"),  // long ago
      Age(5, "2026-12-31T00:00:00Z", "2026-12-31T00:00:00Z"),  // recent
  };
  CHECK(ExpiredRecords(ages, cutoff) == std::vector<int64_t>{2, 4});
}

TEST_CASE("privacy retention: without observed_at the time the record was loaded counts") {
  const std::string cutoff = "2026-12-02T00:00:00Z";
  const std::vector<store::RecordAge> ages = {
      Age(7, "", "2026-12-02T00:00:00Z"),                      // loaded at the cutoff
      Age(8, "", "2026-12-01T23:59:59Z"),                      // loaded just before
      Age(9, "2026-12-20T00:00:00Z", "2026-01-01T00:00:00Z"),  // observed wins over loaded
      Age(10, "2026-01-01T00:00:00Z", "2026-12-20T00:00:00Z"),
  };
  CHECK(ExpiredRecords(ages, cutoff) == std::vector<int64_t>{8, 10});
}

TEST_CASE("privacy retention: a bare date is the start of its day") {
  const std::string midnight = "2026-12-02T00:00:00Z";
  const std::vector<store::RecordAge> ages = {
      Age(1, "2026-12-02", "2020-01-01T00:00:00Z"),  // the very instant of the cutoff
      Age(2, "2026-12-01", "2020-01-01T00:00:00Z"),  // a day before
      Age(3, "2026-12-03", "2020-01-01T00:00:00Z"),
  };
  CHECK(ExpiredRecords(ages, midnight) == std::vector<int64_t>{2});
  // With a cutoff during the day, the day itself started before it.
  CHECK(ExpiredRecords(ages, "2026-12-02T08:00:00Z") == std::vector<int64_t>{1, 2});
}

TEST_CASE("privacy retention: expired ids come out ascending, nothing from nothing") {
  const std::vector<store::RecordAge> ages = {
      Age(30, "2020-01-01T00:00:00Z", ""), Age(4, "2020-01-02T00:00:00Z", ""),
      Age(17, "2030-01-01T00:00:00Z", ""), Age(12, "", "2019-05-05T00:00:00Z")};
  CHECK(ExpiredRecords(ages, "2026-12-02T00:00:00Z") == std::vector<int64_t>{4, 12, 30});
  CHECK(ExpiredRecords({}, "2026-12-02T00:00:00Z").empty());
}

}  // namespace
}  // namespace mdm::privacy
