// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/progress_reporter.h"

#include <algorithm>

namespace mdm::base {

ProgressReporter::ProgressReporter(const ProgressFn* fn, absl::string_view stage,
                                   absl::string_view unit, int64_t total,
                                   absl::string_view item, std::chrono::milliseconds interval)
    : fn_(fn != nullptr && *fn ? fn : nullptr),
      stage_(stage),
      unit_(unit),
      item_(item),
      total_(std::max<int64_t>(total, 0)),
      interval_(interval) {
  if (fn_ != nullptr) Forward(0, false);
}

void ProgressReporter::Finish() {
  if (fn_ == nullptr) return;
  Forward(total_ > 0 ? total_ : done_.load(std::memory_order_relaxed), true);
  fn_ = nullptr;
}

void ProgressReporter::MaybeForward() {
  if (std::chrono::steady_clock::now() < next_) return;
  Forward(done_.load(std::memory_order_relaxed), false);
}

void ProgressReporter::Forward(int64_t done, bool finished) {
  // Counts may overshoot an estimated total (ingest counts row bytes) but
  // what the callback sees stays within [previous, total].
  if (total_ > 0) done = std::min(done, total_);
  forwarded_ = std::max(forwarded_, done);
  Progress p;
  p.stage = stage_;
  p.item = item_;
  p.done = forwarded_;
  p.total = total_;
  p.unit = unit_;
  p.finished = finished;
  (*fn_)(p);
  // Timed after the callback, so a slow display does not get called back
  // to back.
  next_ = std::chrono::steady_clock::now() + interval_;
}

}  // namespace mdm::base
