// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/date_normalizer.h
//
// Dates and timestamps from source files into ISO-8601: birth dates keep the
// precision given (YYYY-MM-DD, YYYY-MM or YYYY); observed_at timestamps become
// "YYYY-MM-DD" or, with a time, "YYYY-MM-DDTHH:MM:SSZ" in UTC, so that they
// compare in time order as plain strings.
//
// Accepted forms: 2026-03-14, 2026-03, 2026, 20260314 (FEBRL), 2026/03/14,
// 14/03/2026 or 14.03.2026 (day first) and 03/14/2026 (month first, when the
// source's country writes dates that way: US), each optionally followed by a
// time "09:30", "09:30:15", "T09:30:15Z", "T09:30:15+01:00" or ".123Z".
//
// Example:
//   NormalizeTimestamp("2026-03-14T10:30:00+01:00", DateOrder::kDayFirst)
//       == "2026-03-14T09:30:00Z"
//   NormalizeDate("14/03/1971", DateOrder::kDayFirst) == "1971-03-14"
#ifndef MDM_NORMALIZE_DATE_NORMALIZER_H_
#define MDM_NORMALIZE_DATE_NORMALIZER_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace mdm::normalize {

// How a source writes numeric dates with slashes.
enum class DateOrder { kDayFirst, kMonthFirst };

// kMonthFirst for US sources, kDayFirst elsewhere.
DateOrder DateOrderForCountry(absl::string_view iso_country);

// A calendar date (time ignored) at the precision given. nullopt for text
// that is not a date or a date that does not exist (2026-02-30), or a year
// outside 1000..2200.
std::optional<std::string> NormalizeDate(absl::string_view raw, DateOrder order);

// A timestamp: a date alone stays a date; a date with a time becomes UTC with
// seconds. nullopt as for NormalizeDate() or for an impossible time.
std::optional<std::string> NormalizeTimestamp(absl::string_view raw,
                                              DateOrder order);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_DATE_NORMALIZER_H_
