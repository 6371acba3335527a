// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/ordered_pool.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

namespace mdm::base {
namespace {

TEST_CASE("OrderedPool: results come back in submission order", "[base]") {
  const int workers = GENERATE(1, 2, 4);
  OrderedPool<int, int> pool(workers, 3, [](int x) {
    // Uneven work so that later items often finish first.
    std::this_thread::sleep_for(std::chrono::microseconds((x * 7919) % 300));
    return x * x;
  });
  // Catch assertions are not thread-safe: the producer only counts.
  std::atomic<int> accepted{0};
  std::thread producer([&] {
    for (int i = 0; i < 200; ++i) accepted += pool.Submit(i) ? 1 : 0;
    pool.Close();
  });
  int result = 0, expected = 0;
  while (pool.Next(&result)) {
    CHECK(result == expected * expected);
    ++expected;
  }
  producer.join();
  CHECK(accepted.load() == 200);
  CHECK(expected == 200);
}

TEST_CASE("OrderedPool: never holds more than max_in_flight items", "[base]") {
  std::atomic<int> started{0};
  OrderedPool<int, int> pool(2, 4, [&](int x) {
    ++started;
    return x;
  });
  std::thread producer([&] {
    for (int i = 0; i < 50; ++i) pool.Submit(i);
    pool.Close();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // Nothing consumed yet: at most 4 items were accepted.
  CHECK(started.load() <= 4);
  int out = 0, count = 0;
  while (pool.Next(&out)) ++count;
  producer.join();
  CHECK(count == 50);
}

TEST_CASE("OrderedPool: Cancel stops both producer and consumer", "[base]") {
  OrderedPool<int, int> pool(2, 2, [](int x) { return x; });
  std::atomic<bool> producer_stopped{false};
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) {
      if (!pool.Submit(i)) break;
    }
    producer_stopped = true;
  });
  int out = 0;
  REQUIRE(pool.Next(&out));
  pool.Cancel();
  CHECK_FALSE(pool.Next(&out));
  producer.join();
  CHECK(producer_stopped.load());
}

TEST_CASE("OrderedPool: an empty closed pool yields nothing", "[base]") {
  OrderedPool<int, int> pool(2, 2, [](int x) { return x; });
  pool.Close();
  int out = 0;
  CHECK_FALSE(pool.Next(&out));
}

}  // namespace
}  // namespace mdm::base
