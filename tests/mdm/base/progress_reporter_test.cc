// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/progress_reporter.h"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::base {
namespace {

// A Progress with its views copied, to look at after the call.
struct Call {
  std::string stage, item, unit;
  int64_t done = 0, total = 0;
  bool finished = false;
  std::thread::id thread;
};

struct Recorder {
  std::vector<Call> calls;
  ProgressFn fn = [this](const Progress& p) {
    calls.push_back({std::string(p.stage), std::string(p.item), std::string(p.unit), p.done,
                     p.total, p.finished, std::this_thread::get_id()});
  };
};

constexpr std::chrono::milliseconds kEveryTick{0};
constexpr std::chrono::milliseconds kNever{std::chrono::hours(1)};

TEST_CASE("ProgressReporter: a stage is announced, advanced and finished", "[base]") {
  Recorder r;
  ProgressReporter progress(&r.fn, "ingest", "bytes", 100, "a.csv", kEveryTick);
  progress.Advance(30);
  progress.Advance(30);
  progress.Finish();
  progress.Advance(10);  // after Finish(): ignored
  progress.Finish();
  REQUIRE(r.calls.size() == 4);
  CHECK(r.calls[0].stage == "ingest");
  CHECK(r.calls[0].item == "a.csv");
  CHECK(r.calls[0].unit == "bytes");
  CHECK(r.calls[0].done == 0);
  CHECK(r.calls[1].done == 30);
  CHECK(r.calls[2].done == 60);
  CHECK(r.calls[3].done == 100);  // a known total ends complete
  for (const Call& c : r.calls) CHECK(c.total == 100);
  CHECK(r.calls[3].finished);
  CHECK_FALSE(r.calls[2].finished);
}

TEST_CASE("ProgressReporter: calls within the interval are held back", "[base]") {
  Recorder r;
  ProgressReporter progress(&r.fn, "golden", "clusters", 1000, "", kNever);
  for (int i = 0; i < 1000; ++i) progress.Advance(1);
  CHECK(r.calls.size() == 1);  // the start only
  progress.Finish();
  REQUIRE(r.calls.size() == 2);
  CHECK(r.calls[1].done == 1000);
  CHECK(r.calls[1].finished);
}

TEST_CASE("ProgressReporter: done stays within [previous, total]", "[base]") {
  Recorder r;
  // Ingest counts row bytes, which may overshoot the file's size.
  ProgressReporter progress(&r.fn, "ingest", "bytes", 50, "", kEveryTick);
  progress.Advance(40);
  progress.Advance(40);
  progress.Finish();
  REQUIRE(r.calls.size() == 4);
  CHECK(r.calls[1].done == 40);
  CHECK(r.calls[2].done == 50);
  CHECK(r.calls[3].done == 50);
}

TEST_CASE("ProgressReporter: with an unknown total the count is reported as is", "[base]") {
  Recorder r;
  ProgressReporter progress(&r.fn, "block", "", 0, "", kEveryTick);
  progress.Advance(7);
  progress.Finish();
  REQUIRE(r.calls.size() == 3);
  CHECK(r.calls[2].done == 7);
  CHECK(r.calls[2].total == 0);
  CHECK(r.calls[2].finished);
}

TEST_CASE("ProgressReporter: without a callback nothing is called", "[base]") {
  SECTION("null") {
    ProgressReporter progress(nullptr, "score", "blocks", 10);
    CHECK_FALSE(progress.enabled());
    progress.Advance(5);
    progress.Add(5);
    progress.Tick();
    progress.Finish();
  }
  SECTION("empty function") {
    const ProgressFn empty;
    ProgressReporter progress(&empty, "score", "blocks", 10);
    CHECK_FALSE(progress.enabled());
    progress.Advance(5);
    progress.Finish();
  }
}

TEST_CASE("ProgressReporter: workers count, only the owner thread is called back",
          "[base]") {
  Recorder r;
  ProgressReporter progress(&r.fn, "score", "blocks", 4000, "", kEveryTick);
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&progress] {
      for (int i = 0; i < 1000; ++i) progress.Add(1);
    });
  }
  for (int i = 0; i < 50; ++i) progress.Tick();
  for (std::thread& w : workers) w.join();
  progress.Tick();
  CHECK(r.calls.back().done == 4000);
  progress.Finish();
  int64_t previous = 0;
  for (const Call& c : r.calls) {
    CHECK(c.thread == std::this_thread::get_id());
    CHECK(c.done >= previous);
    previous = c.done;
  }
}

}  // namespace
}  // namespace mdm::base
