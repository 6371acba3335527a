// SPDX-License-Identifier: Apache-2.0
// mdm run --config mdm.yaml [--db PATH] [--dry-run]: one batch run.
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct RunFlags {
  std::string config;
  bool dry_run = false;
  int threads = 0;
  CLI::Option* db_option = nullptr;
};

std::vector<std::string> CountCells(const RunCounts& c) {
  return {absl::StrCat(c.rows_read), absl::StrCat(c.accepted), absl::StrCat(c.rejected),
          absl::StrCat(c.duplicates), absl::StrCat(c.inserted), absl::StrCat(c.updated),
          absl::StrCat(c.unchanged), absl::StrCat(c.stale), absl::StrCat(c.warnings)};
}

void PrintReasons(const char* title, const std::map<std::string, int64_t>& reasons) {
  if (reasons.empty()) return;
  std::cout << title << ":";
  for (const auto& [reason, count] : reasons) std::cout << " " << reason << "=" << count;
  std::cout << "\n";
}

void PrintReport(const RunReport& r) {
  Table table({"source", "file", "status", "read", "accepted", "rejected", "duplicates",
               "inserted", "updated", "unchanged", "stale", "warnings"});
  for (const FileReport& f : r.files) {
    // A skipped file was loaded by an earlier run; an unreadable one has its
    // reason in `mdm rejects`.
    std::vector<std::string> row = {
        f.source, f.path, f.skipped ? "skipped" : f.unreadable ? "unreadable" : "loaded"};
    for (std::string& cell : CountCells(f.counts)) row.push_back(std::move(cell));
    table.AddRow(std::move(row));
  }
  std::vector<std::string> total = {"total", "", ""};
  for (std::string& cell : CountCells(r.totals)) total.push_back(std::move(cell));
  table.AddRow(std::move(total));
  table.Print(std::cout);
  PrintReasons("rejects", r.rejects_by_reason);
  PrintReasons("warnings", r.warnings_by_reason);
  const RunCounts& t = r.totals;
  std::cout << absl::StrFormat("read %d = accepted %d + rejected %d + duplicates %d\n",
                               t.rows_read, t.accepted, t.rejected, t.duplicates);
  if (r.dry_run) {
    std::cout << "dry run: nothing was stored\n";
  } else {
    std::cout << "run " << r.run_id << " committed (" << r.started_at << " .. "
              << r.finished_at << ")\n";
  }
}

int Run(const CommonOptions& common, const RunFlags& flags) {
  // The config is checked before the store is opened: a broken config
  // changes nothing.
  absl::StatusOr<Config> config = LoadConfig(flags.config);
  if (!config.ok()) return Fail(config.status());
  EngineOptions options;
  options.db_path = flags.db_option->count() == 0 && !config->store_path.empty()
                        ? config->store_path
                        : common.db;
  options.threads = flags.threads;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) return Fail(engine.status());
  RunOptions run_options;
  run_options.dry_run = flags.dry_run;
  absl::StatusOr<RunReport> report = (*engine)->Run(*config, run_options);
  if (!report.ok()) return Fail(report.status());
  if (common.json) {
    std::cout << RunReportToJson(*report) << "\n";
  } else {
    PrintReport(*report);
  }
  return kOk;
}

}  // namespace

void RegisterRun(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* run = app.add_subcommand("run", "Load the configured sources into the store");
  flags->db_option = AddCommonFlags(*run, common);
  run->add_option("--config", flags->config, "mdm.yaml")->required();
  run->add_flag("--dry-run", flags->dry_run, "Do everything, report, store nothing");
  run->add_option("--threads", flags->threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  run->callback([&common, flags, action] {
    *action = [&common, flags] { return Run(common, *flags); };
  });
}

}  // namespace mdm::cli
