// SPDX-License-Identifier: Apache-2.0
// match_one_bench: latency of Engine::MatchOne against a matched store.
//
// Queries are records of the store itself, read back through
// Engine::Record() and sent without their source and key: a third as
// stored, a third without phones and e-mails (a form with a name and a
// place), a third with two letters of the family name swapped (a typo).
// The index is built by the first call, timed on its own; then every query
// is timed one by one on one thread (p50, p90, p99, max), and the same
// queries again from several threads at once (queries per second). Each
// pass is repeated --runs times; medians are printed.
//
// Usage: match_one_bench --store PATH [--queries 5000] [--runs 3] [--threads 2]
//        (a store a full run has matched, e.g. nightly_bench's)
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/strings/str_format.h"
#include "mdm/engine.h"
#include "mdm/store/sqlite_db.h"

namespace {

using Clock = std::chrono::steady_clock;

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double PeakRssMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// Every n-th current record of the store, as (source, key): spread over
// all sources, the same ones on every invocation.
std::vector<std::pair<std::string, std::string>> SampleKeys(const std::string& store,
                                                            int count) {
  auto db = mdm::store::SqliteDb::Open(store, mdm::store::SqliteDb::kMustExist);
  if (!db.ok()) return {};
  const int64_t total =
      *(*db)->QueryInt("SELECT count(*) FROM source_records WHERE deleted = 0");
  const int64_t step = std::max<int64_t>(1, total / count);
  auto stmt = *(*db)->Prepare(absl::StrFormat(
      "SELECT source, source_key FROM source_records WHERE deleted = 0 AND record_id %% %d = 0 "
      "ORDER BY record_id LIMIT %d",
      step, count));
  std::vector<std::pair<std::string, std::string>> keys;
  while (*stmt.Step()) keys.emplace_back(stmt.ColumnText(0), stmt.ColumnText(1));
  return keys;
}

mdm::SourceRecord AsQuery(mdm::SourceRecord r, size_t i) {
  r.source.clear();
  r.source_key.clear();
  if (i % 3 == 1) {
    r.phones.clear();
    r.emails.clear();
  } else if (i % 3 == 2 && r.name.family_name.size() > 3) {
    std::swap(r.name.family_name[1], r.name.family_name[2]);
    r.name.display.clear();
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("MatchOne latency against a matched store");
  std::string store;
  int queries = 5000, runs = 3, threads = 2;
  app.add_option("--store", store, "a store a run has matched")->required();
  app.add_option("--queries", queries, "queries per pass")->check(CLI::Range(1, 1000000));
  app.add_option("--runs", runs, "passes")->check(CLI::Range(1, 100));
  app.add_option("--threads", threads, "threads of the concurrent pass")
      ->check(CLI::Range(1, 64));
  CLI11_PARSE(app, argc, argv);

  mdm::EngineOptions options;
  options.db_path = store;
  auto engine = mdm::Engine::Open(options);
  if (!engine.ok()) {
    std::cerr << "match_one_bench: " << engine.status() << "\n";
    return 1;
  }
  std::vector<mdm::SourceRecord> batch;
  for (const auto& [source, key] : SampleKeys(store, queries)) {
    absl::StatusOr<mdm::StoredRecord> r = (*engine)->Record(source, key);
    if (r.ok()) batch.push_back(AsQuery(r->current.record, batch.size()));
  }
  if (batch.empty()) {
    std::cerr << "match_one_bench: no current record in " << store << "\n";
    return 1;
  }

  const Clock::time_point build_start = Clock::now();
  absl::StatusOr<mdm::MatchOneResult> first = (*engine)->MatchOne(batch[0], {});
  const double build_seconds = Millis(Clock::now() - build_start) / 1000;
  if (!first.ok()) {
    std::cerr << "match_one_bench: " << first.status() << "\n";
    return 1;
  }
  std::cout << absl::StrFormat("index built by the first call: %.2f s, peak RSS %.0f MiB\n",
                               build_seconds, PeakRssMib());

  std::vector<double> p50s, p90s, p99s, maxes, qps;
  long long candidates = 0, compared = 0, auto_merge_top = 0;
  for (int run = 0; run < runs; ++run) {
    std::vector<double> latencies;
    latencies.reserve(batch.size());
    candidates = compared = auto_merge_top = 0;
    for (const mdm::SourceRecord& q : batch) {
      const Clock::time_point start = Clock::now();
      absl::StatusOr<mdm::MatchOneResult> result = (*engine)->MatchOne(q, {});
      latencies.push_back(Millis(Clock::now() - start));
      if (!result.ok()) continue;  // e.g. a record without family name or identifier
      candidates += static_cast<long long>(result->candidates.size());
      compared += result->compared_records;
      auto_merge_top += !result->candidates.empty() &&
                        result->candidates[0].decision == mdm::MatchDecision::kAutoMerge;
    }
    p50s.push_back(Percentile(latencies, 0.50));
    p90s.push_back(Percentile(latencies, 0.90));
    p99s.push_back(Percentile(latencies, 0.99));
    maxes.push_back(*std::max_element(latencies.begin(), latencies.end()));

    std::atomic<size_t> next{0};
    const Clock::time_point start = Clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&] {
        for (size_t i = next++; i < batch.size(); i = next++) {
          (*engine)->MatchOne(batch[i], {}).IgnoreError();
        }
      });
    }
    for (std::thread& w : workers) w.join();
    qps.push_back(static_cast<double>(batch.size()) / (Millis(Clock::now() - start) / 1000));
    std::cout << absl::StrFormat(
        "run %d: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.2f ms  %.0f queries/s on %d "
        "threads\n",
        run + 1, p50s.back(), p90s.back(), p99s.back(), maxes.back(), qps.back(), threads);
  }
  const double n = static_cast<double>(batch.size());
  std::cout << absl::StrFormat(
      "median of %d runs, %zu queries: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.2f ms  "
      "%.0f queries/s on %d threads\n"
      "per query: %.1f members compared, %.2f candidates; top candidate auto-merge for "
      "%.1f%% of queries; peak RSS %.0f MiB\n",
      runs, batch.size(), Median(p50s), Median(p90s), Median(p99s), Median(maxes), Median(qps),
      threads, static_cast<double>(compared) / n, static_cast<double>(candidates) / n,
      100.0 * static_cast<double>(auto_merge_top) / n, PeakRssMib());
  return 0;
}
