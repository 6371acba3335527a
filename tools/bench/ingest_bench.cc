// SPDX-License-Identifier: Apache-2.0
// ingest_bench: end-to-end load of generated multi-source data (read, map,
// normalize, store in SQLite) through the public Engine API.
//
// Each run happens in a fresh child process on a fresh store, so the peak
// resident memory of one run is measured on its own (wait4 rusage). Prints
// per-run figures and the median.
//
// Usage: ingest_bench --data DIR [--runs 3] [--threads 0]
//   DIR holds mdm-gen output (mdm.yaml + source files), e.g. from
//   mdm-gen --seed 1 --people 300000 --out DIR
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mdm/engine.h"

namespace {

struct RunFigures {
  double seconds = 0;
  double peak_rss_mib = 0;
  int64_t rows = 0;
};

// Child side: one run into `db`; writes the row count to `count_file`.
int RunChild(const std::string& config_path, const std::string& db, int threads,
             const std::string& count_file) {
  mdm::EngineOptions options;
  options.db_path = db;
  options.create_if_missing = true;
  options.threads = threads;
  auto engine = mdm::Engine::Open(options);
  auto config = mdm::LoadConfig(config_path);
  if (!engine.ok() || !config.ok()) {
    std::cerr << (engine.ok() ? config.status() : engine.status()) << "\n";
    return 1;
  }
  mdm::RunOptions run_options;
  run_options.skip_matching = true;  // match_bench measures matching
  auto report = (*engine)->Run(*config, run_options);
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  FILE* out = std::fopen(count_file.c_str(), "w");
  if (out == nullptr) return 1;
  std::fprintf(out, "%lld\n", static_cast<long long>(report->totals.rows_read));
  std::fclose(out);
  return 0;
}

bool MeasureOnce(const std::string& config, const std::string& work, int threads,
                 RunFigures* figures) {
  const std::string db = work + "/bench.db";
  const std::string count_file = work + "/rows.txt";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) _exit(RunChild(config, db, threads, count_file));
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  figures->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  figures->peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
  FILE* in = std::fopen(count_file.c_str(), "r");
  long long rows = 0;
  if (in != nullptr) {
    if (std::fscanf(in, "%lld", &rows) != 1) rows = 0;
    std::fclose(in);
  }
  figures->rows = rows;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ingest_bench: files -> normalized source records in SQLite"};
  std::string data;
  std::string work = "/tmp/mdm-ingest-bench";
  int runs = 3;
  int threads = 0;
  app.add_option("--data", data, "Folder with mdm.yaml and generated files")->required();
  app.add_option("--work", work, "Folder for the throwaway store");
  app.add_option("--runs", runs, "Repetitions (median reported)")->check(CLI::Range(1, 50));
  app.add_option("--threads", threads, "Normalization threads (0 = one per core)");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(work);

  std::vector<RunFigures> all;
  for (int i = 0; i < runs; ++i) {
    RunFigures f;
    if (!MeasureOnce(data + "/mdm.yaml", work, threads, &f)) {
      std::cerr << "run " << i << " failed\n";
      return 1;
    }
    std::printf("run %d: %lld rows in %.2f s = %.0f rows/s, peak RSS %.0f MiB\n", i,
                static_cast<long long>(f.rows), f.seconds, f.rows / f.seconds,
                f.peak_rss_mib);
    all.push_back(f);
  }
  auto by_time = all;
  std::sort(by_time.begin(), by_time.end(),
            [](const RunFigures& a, const RunFigures& b) { return a.seconds < b.seconds; });
  const RunFigures& median = by_time[by_time.size() / 2];
  const double max_rss = std::max_element(all.begin(), all.end(), [](auto& a, auto& b) {
                           return a.peak_rss_mib < b.peak_rss_mib;
                         })->peak_rss_mib;
  std::printf("median of %d: %lld rows in %.2f s = %.0f rows/s; peak RSS (max) %.0f MiB\n",
              runs, static_cast<long long>(median.rows), median.seconds,
              median.rows / median.seconds, max_rss);
  return 0;
}
