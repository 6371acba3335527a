// SPDX-License-Identifier: Apache-2.0
// File: matchers/date_similarity.h
//
// Comparison of dates that may be partial (a year, or a year and a month),
// such as dates of birth or of qualification, for the Score stage. Parses the
// ISO 8601 calendar forms YYYY-MM-DD, YYYY-MM and YYYY that the normalizers
// produce, and grades two dates into ordered closeness levels that catch the
// usual data-entry errors: day and month swapped, one mistyped digit.
//
// Example:
//   absl::StatusOr<PartialDate> a = ParsePartialDate("1980-05-12");
//   absl::StatusOr<PartialDate> b = ParsePartialDate("1980-12-05");
//   CompareDates(*a, *b, 30) == DateCloseness::kDayMonthSwapped
#ifndef MDM_MATCHERS_DATE_SIMILARITY_H_
#define MDM_MATCHERS_DATE_SIMILARITY_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mdm::matchers {

// A calendar date whose month and day may be unknown (0).
// Invariant (when built by ParsePartialDate()): 1 <= year <= 9999; month in
// [0, 12]; day 0, or valid for the month and year when month is known; day
// is 0 whenever month is 0.
struct PartialDate {
  int year = 0;
  int month = 0;  // 1-12, or 0 when unknown
  int day = 0;    // 1-31, or 0 when unknown

  bool has_month() const { return month != 0; }
  bool has_day() const { return day != 0; }
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// ParsePartialDate()
//
// Parses exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ASCII digits, four-digit
// year 0001-9999, Gregorian calendar: "2023-02-29" is rejected, "2024-02-29"
// accepted). Returns InvalidArgument for anything else, including surrounding
// spaces; the message never quotes the input.
absl::StatusOr<PartialDate> ParsePartialDate(absl::string_view text);

// Closeness levels of two dates, best first. Comparisons map each level to a
// ComparisonLevel, so do not reorder.
enum class DateCloseness {
  kExact,            // same fields at the same precision
  kDayMonthSwapped,  // full dates, same year, day and month exchanged
  kOneDigitTypo,     // same precision, the YYYYMMDD digits differ in one place
  kWithinDays,       // full dates at most `within_days` days apart
  kPartialMatch,     // different precision, equal on every field both have
  kSameYear,         // same year, nothing better
  kDifferent,        // different years
};

// CompareDates()
//
// The first level above that holds, so "1980-05-12" vs "1980-05-13" is
// kOneDigitTypo rather than kWithinDays. `within_days` < 0 disables
// kWithinDays. Symmetric; CompareDates(d, d, n) == kExact.
DateCloseness CompareDates(const PartialDate& a, const PartialDate& b,
                           int within_days);

}  // namespace mdm::matchers

#endif  // MDM_MATCHERS_DATE_SIMILARITY_H_
