// SPDX-License-Identifier: Apache-2.0
// File: tests/testing/fake_clock.h
//
// A Clock whose time only moves when a test says so.
#ifndef MDM_TESTS_TESTING_FAKE_CLOCK_H_
#define MDM_TESTS_TESTING_FAKE_CLOCK_H_

#include <mutex>

#include "mdm/clock.h"

namespace mdm::testing {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(absl::Time start = absl::FromUnixSeconds(1798761600))  // 2027-01-01
      : now_(start) {}
  absl::Time Now() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return now_;
  }
  void Advance(absl::Duration d) {
    std::lock_guard<std::mutex> lock(mu_);
    now_ += d;
  }

 private:
  mutable std::mutex mu_;
  absl::Time now_;
};

}  // namespace mdm::testing

#endif  // MDM_TESTS_TESTING_FAKE_CLOCK_H_
