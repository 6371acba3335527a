// SPDX-License-Identifier: Apache-2.0
// mdm run --config mdm.yaml [--db PATH] [--dry-run]: one batch run.
#include <iostream>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/progress_line.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct RunFlags {
  std::string config;
  bool dry_run = false;
  bool load_only = false;
  bool full = false;
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

void PrintMatch(const MatchReport& m) {
  std::cout << "\n";
  if (!m.ran) {
    std::cout << "matching: " << m.records << " records, not scored: " << m.skipped_reason
              << "\n";
    return;
  }
  if (m.delta) {
    std::cout << absl::StrFormat(
        "matching (delta): %d records changed since the last run; %d records around them "
        "matched with model %d, %d candidate pairs scored\n",
        m.changed_records, m.records, m.model_id, m.candidate_pairs);
  } else {
    std::cout << absl::StrFormat(
        "matching: %d records, model %d%s, %d candidate pairs (reduction ratio %.6f)\n",
        m.records, m.model_id, m.model_trained ? " (trained by this run)" : "",
        m.candidate_pairs, m.reduction_ratio);
  }
  Table rules({"blocking rule", "pairs", "blocks", "largest", "capped", "cut pairs"});
  for (const BlockingRuleCounts& rule : m.rules) {
    rules.AddRow({rule.rule, absl::StrCat(rule.pairs), absl::StrCat(rule.blocks),
                  absl::StrCat(rule.largest_block), absl::StrCat(rule.capped_blocks),
                  absl::StrCat(rule.cut_pairs)});
  }
  rules.Print(std::cout);
  std::cout << absl::StrFormat(
      "pairs: auto-merge %d, review %d (identifier conflicts %d), distinct %d; "
      "unions refused by cannot-link %d\n",
      m.auto_merge_pairs, m.review_pairs, m.conflict_pairs, m.distinct_pairs,
      m.refused_unions);
  std::cout << absl::StrFormat(
      "clusters: %d (%d with several records), %d records changed cluster; "
      "review queue: %d open items over %d records\n",
      m.clusters, m.multi_record_clusters, m.records_reclustered, m.review_items,
      m.records_in_review);
  for (const BlockingRuleCounts& rule : m.rules) {
    if (rule.capped_blocks == 0) continue;
    std::cout << absl::StrFormat(
        "warning: blocking rule %s: %d blocks over max_block_size were not compared "
        "(%d pairs cut, largest block %d records)\n",
        rule.rule, rule.capped_blocks, rule.cut_pairs, rule.largest_block);
  }
}

void PrintGolden(const GoldenReport& g) {
  if (!g.ran) return;
  std::cout << absl::StrFormat(
      "golden records: %d active; new %d, merges %d, splits %d, updated %d, unchanged %d, "
      "retired %d (%d rebuilt)\n",
      g.active, g.created, g.merged, g.split, g.updated, g.unchanged, g.retired, g.rebuilt);
}

void PrintStages(const std::map<std::string, double>& seconds) {
  if (seconds.empty()) return;
  std::cout << "seconds per stage:";
  for (const auto& [stage, s] : seconds) std::cout << absl::StrFormat(" %s %.2f", stage, s);
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
  std::cout << absl::StrFormat("read %d = accepted %d + rejected %d + duplicates %d",
                               t.rows_read, t.accepted, t.rejected, t.duplicates);
  // Rows of erased people (mdm gdpr erase) are counted, never loaded.
  if (t.suppressed > 0) std::cout << " + suppressed " << t.suppressed;
  std::cout << "\n";
  PrintMatch(r.match);
  PrintGolden(r.golden);
  PrintStages(r.stage_seconds);
  if (r.dry_run) {
    std::cout << "dry run: nothing was stored\n";
  } else {
    std::cout << "run " << r.run_id << " committed (" << r.started_at << " .. "
              << r.finished_at << ")\n";
  }
}

int Run(const CommonOptions& common, const RunFlags& flags) {
  int exit_code = kOk;
  std::optional<ConfiguredEngine> opened =
      OpenWithConfig(common, flags.db_option, flags.config, flags.threads, &exit_code);
  if (!opened) return exit_code;
  RunOptions run_options;
  run_options.dry_run = flags.dry_run;
  run_options.skip_matching = flags.load_only;
  run_options.full_rematch = flags.full;
  // Progress only where a person watches: a terminal, not --json, logs or
  // pipes.
  std::optional<ProgressLine> progress;
  if (!common.json && StderrIsTerminal()) {
    progress.emplace(stderr);
    run_options.on_progress = [&progress](const Progress& p) { progress->Update(p); };
  }
  absl::StatusOr<RunReport> report = opened->engine->Run(opened->config, run_options);
  if (progress) progress->Clear();
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
  run->add_flag("--load-only", flags->load_only,
                "Load and normalize, do not match (clusters stay as they are)");
  run->add_flag("--full", flags->full,
                "Match every record again, not only what changed since the last run");
  run->add_option("--threads", flags->threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  run->callback([&common, flags, action] {
    *action = [&common, flags] { return Run(common, *flags); };
  });
}

}  // namespace mdm::cli
