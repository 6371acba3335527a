// SPDX-License-Identifier: Apache-2.0
// match_bench: matching a store end to end, from the normalized records it
// holds to clusters and review items written back (load match keys, term
// frequencies, Block, Score, Cluster, persist), and training a model.
//
// The store is made once from generated data (load only: no model, no
// clusters) and kept between invocations. Each measured run happens in a
// fresh child process inside a transaction that is rolled back, so every
// run starts from the same store and its peak resident memory is measured
// on its own (wait4 rusage). Two kinds of run are measured:
//   first run:  no model yet, so the run trains one (u sample + EM) first;
//   later run:  a model is trained untimed, then the run is timed.
// Prints per-run figures and medians.
//
// Usage: match_bench --data DIR [--store PATH] [--runs 3] [--threads 0]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/time/clock.h"
#include "mdm/clock.h"
#include "mdm/config.h"
#include "mdm/engine.h"
#include "mdm/pipeline/match_runner.h"
#include "mdm/store/sqlite_store.h"

namespace {

struct Figures {
  double seconds = 0;
  double peak_rss_mib = 0;
  std::map<std::string, double> stages;
  long long records = 0;
  long long pairs = 0;
};

absl::Status Prepare(const std::string& config_path, const std::string& store,
                     int threads) {
  if (std::filesystem::exists(store)) return absl::OkStatus();
  std::cout << "== preparing " << store << " (load only)\n";
  mdm::EngineOptions options;
  options.db_path = store;
  options.create_if_missing = true;
  options.threads = threads;
  absl::StatusOr<std::unique_ptr<mdm::Engine>> engine = mdm::Engine::Open(options);
  absl::StatusOr<mdm::Config> config = mdm::LoadConfig(config_path);
  if (!engine.ok()) return engine.status();
  if (!config.ok()) return config.status();
  mdm::RunOptions run;
  run.skip_matching = true;
  return (*engine)->Run(*config, run).status();
}

// Child: one measured run in a rolled-back transaction; figures go to `out`.
int Child(const std::string& config_path, const std::string& store, bool first_run,
          int threads, const std::string& out) {
  absl::StatusOr<mdm::Config> config = mdm::LoadConfig(config_path);
  auto opened = mdm::store::OpenSqliteStore(store, mdm::store::OpenMode::kMustExist);
  if (!config.ok() || !opened.ok()) return 1;
  mdm::store::Store& db = **opened;
  if (!db.BeginWrite().ok()) return 1;
  mdm::RunReport report;
  absl::StatusOr<int64_t> run_id = db.StartRun("bench", config_path, "");
  if (!run_id.ok()) return 1;
  report.run_id = *run_id;
  if (!first_run && !mdm::pipeline::TrainAndStoreModel(config->matching, db,
                                                       mdm::Clock::Real(), threads)
                         .ok()) {
    return 1;
  }
  // Timed by the parent from here: the child's set-up above is small next
  // to a run, but the stage times below are the run's own.
  absl::Status status = mdm::pipeline::RunMatching(config->matching, db, mdm::Clock::Real(),
                                                   threads, /*full=*/true, report)
                            .status();
  if (!status.ok()) {
    std::cerr << status << "\n";
    return 1;
  }
  const long long pairs = report.match.candidate_pairs;
  db.Rollback().IgnoreError();
  FILE* f = std::fopen(out.c_str(), "w");
  if (f == nullptr) return 1;
  std::fprintf(f, "%lld %lld\n", static_cast<long long>(report.match.records), pairs);
  for (const auto& [stage, seconds] : report.stage_seconds) {
    std::fprintf(f, "%s %.6f\n", stage.c_str(), seconds);
  }
  std::fclose(f);
  return 0;
}

bool Measure(const std::string& config, const std::string& store, bool first_run,
             int threads, const std::string& work, Figures* figures) {
  const std::string out = work + "/figures.txt";
  std::filesystem::remove(out);
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) _exit(Child(config, store, first_run, threads, out));
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  figures->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  figures->peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  FILE* in = std::fopen(out.c_str(), "r");
  if (in == nullptr) return false;
  if (std::fscanf(in, "%lld %lld", &figures->records, &figures->pairs) != 2) {
    std::fclose(in);
    return false;
  }
  char stage[64];
  double seconds = 0;
  while (std::fscanf(in, "%63s %lf", stage, &seconds) == 2) figures->stages[stage] = seconds;
  std::fclose(in);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void Report(const char* what, std::vector<Figures> all) {
  std::sort(all.begin(), all.end(),
            [](const Figures& a, const Figures& b) { return a.seconds < b.seconds; });
  const Figures& m = all[all.size() / 2];
  double rss = 0;
  for (const Figures& f : all) rss = std::max(rss, f.peak_rss_mib);
  std::printf("%s, median of %zu: %lld records, %lld candidate pairs in %.2f s; "
              "peak RSS (max) %.0f MiB\n",
              what, all.size(), m.records, m.pairs, m.seconds, rss);
  for (const auto& [stage, seconds] : m.stages) {
    std::printf("    %-16s %7.2f s\n", stage.c_str(), seconds);
  }
  auto score = m.stages.find("score");
  if (score != m.stages.end() && score->second > 0) {
    std::printf("    scoring: %.1f M candidate pairs/s\n", m.pairs / score->second / 1e6);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"match_bench: normalized records -> clusters, and model training"};
  std::string data;
  std::string store;
  std::string work = "/tmp/mdm-match-bench";
  int runs = 3;
  int threads = 0;
  app.add_option("--data", data, "Folder with mdm.yaml and generated files")->required();
  app.add_option("--store", store, "Store to make once and reuse (default: WORK/match.db)");
  app.add_option("--work", work, "Folder for scratch files");
  app.add_option("--runs", runs, "Repetitions (median reported)")->check(CLI::Range(1, 50));
  app.add_option("--threads", threads, "Threads (0 = one per core)");
  CLI11_PARSE(app, argc, argv);
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::filesystem::create_directories(work);
  if (store.empty()) store = work + "/match.db";
  const std::string config = data + "/mdm.yaml";
  if (absl::Status s = Prepare(config, store, threads); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }
  for (bool first_run : {true, false}) {
    const char* what = first_run ? "first run (trains the model)" : "later run (stored model)";
    std::vector<Figures> all;
    for (int i = 0; i < runs; ++i) {
      Figures f;
      if (!Measure(config, store, first_run, threads, work, &f)) {
        std::cerr << what << " " << i << " failed\n";
        return 1;
      }
      double seconds = 0;
      for (const auto& [stage, s] : f.stages) seconds += s;
      std::printf("%s %d: %.2f s in stages, peak RSS %.0f MiB\n", what, i, seconds,
                  f.peak_rss_mib);
      f.seconds = seconds;
      all.push_back(std::move(f));
    }
    Report(what, all);
  }
  return 0;
}
