// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/progress_reporter.h
//
// What a long stage calls as it advances, to feed RunOptions::on_progress
// (mdm/progress.h) without slowing down: counting is one atomic add, and the
// callback is called at most once per interval (100 ms), plus the stage's
// first and last call. With no callback every method returns at once.
//
// Example:
//   base::ProgressReporter progress(on_progress, "golden", "clusters", n);
//   for (...) { ...; progress.Advance(1); }      // the stage's own thread
//   progress.Finish();
//
// Worker threads may count with Add(); the owner (the thread that built the
// reporter) forwards what they counted in its next Tick(), Advance() or
// Finish(), so the callback only ever runs on the owner thread.
//
// Thread-safety: Add() from any thread; everything else from the owner only.
#ifndef MDM_BASE_PROGRESS_REPORTER_H_
#define MDM_BASE_PROGRESS_REPORTER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

#include "absl/strings/string_view.h"
#include "mdm/progress.h"

namespace mdm::base {

using ProgressFn = std::function<void(const Progress&)>;

class ProgressReporter {
 public:
  static constexpr std::chrono::milliseconds kDefaultInterval{100};

  // Starts the stage: forwards done = 0. `fn` null or empty = disabled.
  // `total` 0 = unknown. The views and *fn must outlive the reporter.
  ProgressReporter(const ProgressFn* fn, absl::string_view stage, absl::string_view unit,
                   int64_t total, absl::string_view item = {},
                   std::chrono::milliseconds interval = kDefaultInterval);
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  bool enabled() const { return fn_ != nullptr; }

  // Counts `units` more done; any thread. Forwards nothing.
  void Add(int64_t units) {
    if (fn_ != nullptr) done_.fetch_add(units, std::memory_order_relaxed);
  }
  // Add() then Tick(); owner only.
  void Advance(int64_t units) {
    if (fn_ == nullptr) return;
    done_.fetch_add(units, std::memory_order_relaxed);
    Tick();
  }
  // Forwards the count when the interval has passed since the last call.
  void Tick() {
    if (fn_ != nullptr) MaybeForward();
  }
  // Ends the stage: forwards done = total (when known), finished = true.
  // Later calls do nothing. A stage that fails does not call it.
  void Finish();

 private:
  void MaybeForward();
  void Forward(int64_t done, bool finished);

  const ProgressFn* fn_;  // null when disabled
  const absl::string_view stage_, unit_, item_;
  const int64_t total_;
  const std::chrono::steady_clock::duration interval_;
  std::atomic<int64_t> done_{0};
  // Owner only. Throttling needs a monotonic clock, not mdm::Clock: it
  // decides nothing stored.
  int64_t forwarded_ = 0;
  std::chrono::steady_clock::time_point next_;
};

}  // namespace mdm::base

#endif  // MDM_BASE_PROGRESS_REPORTER_H_
