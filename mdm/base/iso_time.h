// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/iso_time.h
//
// The one text form of instants the store and reports use:
// "2026-03-14T09:30:00Z" (UTC, whole seconds), which sorts in time order.
#ifndef MDM_BASE_ISO_TIME_H_
#define MDM_BASE_ISO_TIME_H_

#include <string>

#include "absl/time/time.h"

namespace mdm::base {

inline std::string IsoUtc(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

}  // namespace mdm::base

#endif  // MDM_BASE_ISO_TIME_H_
