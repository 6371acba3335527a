// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/iso_time.h
//
// The one text form of instants the store and reports use:
// "2026-03-14T09:30:00Z" (UTC, whole seconds), which sorts in time order.
#ifndef MDM_BASE_ISO_TIME_H_
#define MDM_BASE_ISO_TIME_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace mdm::base {

inline std::string IsoUtc(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

// A bare date, year-month or year ("2026-03-01") as the instant it starts,
// in IsoUtc() form, so that it compares as text with IsoUtc() instants
// ("2026-03-01" and "2026-03-01T00:00:00Z" tie). Longer texts are kept.
inline std::string IsoStartOf(const std::string& when) {
  constexpr absl::string_view kStart = "0000-01-01T00:00:00Z";
  if (when.empty() || when.size() >= kStart.size()) return when;
  return absl::StrCat(when, kStart.substr(when.size()));
}

}  // namespace mdm::base

#endif  // MDM_BASE_ISO_TIME_H_
