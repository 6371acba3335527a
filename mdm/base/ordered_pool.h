// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/ordered_pool.h
//
// A bounded worker pool that maps work items in parallel and hands results
// back in submission order. The batch loader uses it to normalize chunks of
// rows on every core while one thread reads the file and another writes to
// the store: results stay in file order, so a run is deterministic whatever
// the thread timing.
//
// Lifecycle: construct with a map function; one producer thread calls
// Submit() then Close(); one consumer thread calls Next() until it returns
// false. Cancel() (any thread) makes pending and later Submit() calls return
// false and Next() return false, so either side can stop the other.
//
// Example:
//   OrderedPool<Chunk, Result> pool(2, 4, [](Chunk c) { return Process(c); });
//   std::thread producer([&] { while (Read(&c)) if (!pool.Submit(c)) break;
//                              pool.Close(); });
//   Result r;
//   while (pool.Next(&r)) Write(r);
//   producer.join();
#ifndef MDM_BASE_ORDERED_POOL_H_
#define MDM_BASE_ORDERED_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace mdm::base {

template <typename In, typename Out>
class OrderedPool {
 public:
  // `workers` threads apply `fn`; at most `max_in_flight` items are queued or
  // being processed or waiting to be consumed (bounds memory).
  OrderedPool(int workers, int max_in_flight, std::function<Out(In)> fn)
      : max_in_flight_(max_in_flight < 1 ? 1 : max_in_flight), fn_(std::move(fn)) {
    for (int i = 0; i < (workers < 1 ? 1 : workers); ++i) {
      threads_.emplace_back([this] { WorkLoop(); });
    }
  }

  ~OrderedPool() {
    Cancel();
    for (std::thread& t : threads_) t.join();
  }

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Queues `item`; blocks while max_in_flight items are pending. Returns
  // false when the pool was cancelled (the item is dropped).
  bool Submit(In item) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [this] { return cancelled_ || in_flight_ < max_in_flight_; });
    if (cancelled_) return false;
    ++in_flight_;
    input_.emplace_back(next_submit_++, std::move(item));
    work_.notify_one();
    return true;
  }

  // No more Submit() calls will follow.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    work_.notify_all();
    ready_.notify_all();
  }

  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    work_.notify_all();
    ready_.notify_all();
    space_.notify_all();
  }

  // Moves the next result in submission order into `*out`. Returns false once
  // every submitted item was returned after Close(), or on Cancel().
  bool Next(Out* out) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [this] {
      return cancelled_ || done_.count(next_output_) > 0 ||
             (closed_ && next_output_ == next_submit_);
    });
    if (cancelled_ || done_.count(next_output_) == 0) return false;
    auto it = done_.find(next_output_);
    *out = std::move(it->second);
    done_.erase(it);
    ++next_output_;
    --in_flight_;
    space_.notify_one();
    return true;
  }

 private:
  void WorkLoop() {
    for (;;) {
      std::pair<int64_t, In> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_.wait(lock, [this] { return cancelled_ || closed_ || !input_.empty(); });
        if (cancelled_ || input_.empty()) return;
        task = std::move(input_.front());
        input_.pop_front();
      }
      Out result = fn_(std::move(task.second));
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(task.first, std::move(result));
      ready_.notify_all();
    }
  }

  const int max_in_flight_;
  const std::function<Out(In)> fn_;
  std::mutex mu_;
  std::condition_variable work_, ready_, space_;
  std::deque<std::pair<int64_t, In>> input_;
  std::map<int64_t, Out> done_;
  int64_t next_submit_ = 0;
  int64_t next_output_ = 0;
  int in_flight_ = 0;
  bool closed_ = false;
  bool cancelled_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace mdm::base

#endif  // MDM_BASE_ORDERED_POOL_H_
