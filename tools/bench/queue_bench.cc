// SPDX-License-Identifier: Apache-2.0
// queue_bench: how fast a steward's review queue answers on a large store.
//
// Times, on a store with many review items: a page of the queue
// (Steward::Queue, 50 items) at its start, middle and end; opening an item
// (Steward::Item: both records, differences, waterfall); and the same two
// through `mdm serve`'s JSON API over loopback HTTP, as the page asks
// (ReviewServer in-process, a logged-in session); and a search by name and
// by source key. Each is repeated --runs times; medians are printed, and
// the 90th percentile for items.
//
// The bench adds a user to the store when it lacks one (to log in).
//
// Usage: queue_bench --store PATH [--runs 7] [--items 20]
#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/engine.h"
#include "tools/mdm/server/http_server.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr char kUser[] = "queue-bench";
constexpr char kPassword[] = "queue-bench-password";
constexpr int64_t kPage = 50;

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

template <typename F>
double Time(F&& f) {
  const Clock::time_point start = Clock::now();
  f();
  return Millis(Clock::now() - start);
}

int Fail(const std::string& what) {
  std::cerr << "queue_bench: " << what << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Review queue latency on a large store");
  std::string store;
  int runs = 7;
  int items = 20;
  app.add_option("--store", store, "A matched store with review items")->required();
  app.add_option("--runs", runs, "Repetitions")->check(CLI::Range(1, 100));
  app.add_option("--items", items, "Items opened per run")->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);

  mdm::EngineOptions options;
  options.db_path = store;
  absl::StatusOr<std::unique_ptr<mdm::Engine>> engine = mdm::Engine::Open(options);
  if (!engine.ok()) return Fail(std::string(engine.status().message()));
  mdm::Steward& steward = (*engine)->Stewardship();
  absl::StatusOr<mdm::QueuePage> first = steward.Queue({"open", "", 0, kPage});
  if (!first.ok()) return Fail(std::string(first.status().message()));
  const int64_t total = first->total;
  if (total < kPage) return Fail("the store needs at least 50 open review items");
  const std::vector<int64_t> offsets = {0, total / 2, total - kPage};
  std::vector<int64_t> ids;
  for (const mdm::ReviewItem& i : first->items) {
    if (static_cast<int>(ids.size()) < items) ids.push_back(i.item_id);
  }
  std::cout << absl::StrFormat("store %s: %d open review items\n", store, total);

  // The library.
  for (int64_t offset : offsets) {
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
      ms.push_back(Time([&] { (void)steward.Queue({"open", "", offset, kPage}); }));
    }
    std::cout << absl::StrFormat("Steward::Queue, 50 items at offset %d: median %.2f ms\n",
                                 offset, Percentile(ms, 0.5));
  }
  std::vector<double> item_ms;
  for (int r = 0; r < runs; ++r) {
    for (int64_t id : ids) item_ms.push_back(Time([&] { (void)steward.Item(id); }));
  }
  std::cout << absl::StrFormat("Steward::Item: median %.2f ms, p90 %.2f ms (%d opens)\n",
                               Percentile(item_ms, 0.5), Percentile(item_ms, 0.9),
                               item_ms.size());

  // Search by a name and by a source key (a full scan of golden records).
  const std::string key = first->items[0].a.source_key;
  for (const std::string& text : {std::string("martin"), key}) {
    std::vector<double> ms;
    size_t hits = 0;
    for (int r = 0; r < runs; ++r) {
      ms.push_back(Time([&] {
        absl::StatusOr<std::vector<mdm::GoldenHit>> found = steward.Search(text, 20);
        hits = found.ok() ? found->size() : 0;
      }));
    }
    std::cout << absl::StrFormat("Steward::Search(%s): median %.1f ms, %d hits\n",
                                 text == key ? "a source key" : "a family name",
                                 Percentile(ms, 0.5), hits);
  }

  // The same through the HTTP API.
  absl::StatusOr<mdm::User> user = steward.Authenticate(kUser, kPassword);
  if (!user.ok()) {
    absl::StatusOr<mdm::User> added = steward.AddUser(kUser, mdm::Role::kSteward, kPassword);
    if (!added.ok()) return Fail(std::string(added.status().message()));
  }
  mdm::server::ServerOptions server_options;
  server_options.port = 0;
  std::ostringstream log;
  server_options.log = &log;
  mdm::server::ReviewServer server(**engine, server_options);
  absl::StatusOr<int> port = server.Bind();
  if (!port.ok()) return Fail(std::string(port.status().message()));
  std::thread serving([&server] { (void)server.Serve(); });
  httplib::Client client("127.0.0.1", *port);
  const nlohmann::json login = {{"name", kUser}, {"password", kPassword}};
  httplib::Result in = client.Post("/api/login", login.dump(), "application/json");
  if (!in || in->status != 200) {
    server.Stop();
    serving.join();
    return Fail("login failed");
  }
  const std::string cookie = in->get_header_value("Set-Cookie");
  const httplib::Headers headers = {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  for (int64_t offset : offsets) {
    std::vector<double> ms;
    const std::string path = absl::StrCat("/api/queue?status=open&limit=50&offset=", offset);
    for (int r = 0; r < runs; ++r) {
      ms.push_back(Time([&] { (void)client.Get(path.c_str(), headers); }));
    }
    std::cout << absl::StrFormat("GET %s: median %.2f ms\n", path, Percentile(ms, 0.5));
  }
  std::vector<double> http_item_ms;
  for (int r = 0; r < runs; ++r) {
    for (int64_t id : ids) {
      const std::string path = absl::StrCat("/api/queue/", id);
      http_item_ms.push_back(Time([&] { (void)client.Get(path.c_str(), headers); }));
    }
  }
  std::cout << absl::StrFormat("GET /api/queue/ID: median %.2f ms, p90 %.2f ms\n",
                               Percentile(http_item_ms, 0.5), Percentile(http_item_ms, 0.9));
  server.Stop();
  serving.join();
  return 0;
}
