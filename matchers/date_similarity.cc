// SPDX-License-Identifier: Apache-2.0
#include "matchers/date_similarity.h"

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"

namespace mdm::matchers {
namespace {

constexpr char kParseError[] =
    "date: expected YYYY, YYYY-MM or YYYY-MM-DD with a valid month and day";

// Parses exactly `text.size()` ASCII digits.
std::optional<int> Digits(absl::string_view text) {
  int value = 0;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::chrono::year_month_day ToCivil(int year, int month, int day) {
  return std::chrono::year_month_day(
      std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
      std::chrono::day{static_cast<unsigned>(day)});
}

long DaysSinceEpoch(const PartialDate& d) {
  const std::chrono::sys_days days = ToCivil(d.year, d.month, d.day);
  return days.time_since_epoch().count();
}

int Precision(const PartialDate& d) {
  return d.has_day() ? 3 : d.has_month() ? 2 : 1;
}

void AppendDigits(int value, int width, std::string* out) {
  for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
    out->push_back(static_cast<char>('0' + value / divisor % 10));
  }
}

// "YYYYMMDD" digits of the fields the date has.
std::string DigitString(const PartialDate& d) {
  std::string digits;
  AppendDigits(d.year, 4, &digits);
  if (d.has_month()) AppendDigits(d.month, 2, &digits);
  if (d.has_day()) AppendDigits(d.day, 2, &digits);
  return digits;
}

bool OneDigitApart(const PartialDate& a, const PartialDate& b) {
  const std::string x = DigitString(a);
  const std::string y = DigitString(b);
  int differences = 0;
  for (size_t i = 0; i < x.size(); ++i) differences += x[i] != y[i];
  return differences == 1;
}

// True when the less precise date agrees with the other on all its fields.
bool AgreeOnCommonFields(const PartialDate& a, const PartialDate& b) {
  if (a.year != b.year) return false;
  if (a.has_month() && b.has_month() && a.month != b.month) return false;
  return !(a.has_day() && b.has_day() && a.day != b.day);
}

}  // namespace

absl::StatusOr<PartialDate> ParsePartialDate(absl::string_view text) {
  const bool shape_ok =
      text.size() == 4 || (text.size() == 7 && text[4] == '-') ||
      (text.size() == 10 && text[4] == '-' && text[7] == '-');
  if (!shape_ok) return absl::InvalidArgumentError(kParseError);
  PartialDate date;
  const std::optional<int> year = Digits(text.substr(0, 4));
  const std::optional<int> month =
      text.size() >= 7 ? Digits(text.substr(5, 2)) : std::optional<int>(0);
  const std::optional<int> day =
      text.size() == 10 ? Digits(text.substr(8, 2)) : std::optional<int>(0);
  if (!year || !month || !day || *year == 0) {
    return absl::InvalidArgumentError(kParseError);
  }
  date.year = *year;
  date.month = *month;
  date.day = *day;
  if (text.size() >= 7 && (date.month < 1 || date.month > 12)) {
    return absl::InvalidArgumentError(kParseError);
  }
  if (text.size() == 10 && !ToCivil(date.year, date.month, date.day).ok()) {
    return absl::InvalidArgumentError(kParseError);
  }
  return date;
}

DateCloseness CompareDates(const PartialDate& a, const PartialDate& b,
                           int within_days) {
  if (a == b) return DateCloseness::kExact;
  const bool same_precision = Precision(a) == Precision(b);
  const bool both_full = a.has_day() && b.has_day();
  if (both_full && a.year == b.year && a.day == b.month && a.month == b.day) {
    return DateCloseness::kDayMonthSwapped;
  }
  if (same_precision && OneDigitApart(a, b)) return DateCloseness::kOneDigitTypo;
  if (both_full && within_days >= 0 &&
      std::labs(DaysSinceEpoch(a) - DaysSinceEpoch(b)) <= within_days) {
    return DateCloseness::kWithinDays;
  }
  if (!same_precision && AgreeOnCommonFields(a, b)) {
    return DateCloseness::kPartialMatch;
  }
  return a.year == b.year ? DateCloseness::kSameYear : DateCloseness::kDifferent;
}

}  // namespace mdm::matchers
