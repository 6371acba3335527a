// SPDX-License-Identifier: Apache-2.0
// File: mdm/clock.h
//
// The engine's only source of time (run timestamps, audit events), so tests
// can fix it and runs can be replayed.
#ifndef MDM_CLOCK_H_
#define MDM_CLOCK_H_

#include "absl/time/time.h"

namespace mdm {

// Thread-safe implementations only: the engine may read the clock from any
// thread.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;

  // The system clock; a process-wide object that is never destroyed.
  static const Clock& Real();
};

}  // namespace mdm

#endif  // MDM_CLOCK_H_
