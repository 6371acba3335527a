// SPDX-License-Identifier: Apache-2.0
// mdm-gen: writes a synthetic multi-source HCP data set with its ground truth
// and a ready mdm.yaml. Flags -> mdm::gen::Generate() -> exit code
// (0 ok, 1 failed, 2 usage).
//
//   mdm-gen --seed 42 --people 300 --out data-samples --bad-rows 10
#include <cstdint>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "tools/gen/generator.h"

namespace {

void PrintReport(const mdm::gen::GenReport& report, absl::Duration elapsed) {
  int64_t total = 0;
  for (const mdm::gen::FileReport& file : report.files) {
    std::cout << file.file << ": " << file.rows << " rows\n";
    total += file.rows;
  }
  for (const mdm::gen::BadRowReport& bad : report.bad_rows) {
    std::cout << "bad row: " << bad.file << ":" << bad.line << " " << bad.kind << "\n";
  }
  std::cout << "truth.csv: " << report.truth_rows << " rows; " << total
            << " rows in " << absl::FormatDuration(elapsed) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"mdm-gen: synthetic multi-source HCP records with ground truth"};
  mdm::gen::GenOptions options;
  options.datasets_dir = MDM_GEN_DEFAULT_DATASETS_DIR;
  app.add_option("--seed", options.seed, "Random seed; same seed, same bytes")
      ->required();
  app.add_option("--people", options.people, "Number of true persons")
      ->required()
      ->check(CLI::Range(int64_t{1}, mdm::gen::kMaxPeople));
  app.add_option("--out", options.out_dir, "Output folder (created if missing)")
      ->required();
  app.add_option("--datasets", options.datasets_dir,
                 "Folder holding the shared reference lists")
      ->capture_default_str();
  app.add_option("--bad-rows", options.bad_rows,
                 "Deliberately bad rows to inject (see data-samples/README.md)")
      ->check(CLI::Range(0, mdm::gen::kMaxBadRows));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  const absl::Time start = absl::Now();
  absl::StatusOr<mdm::gen::GenReport> report = mdm::gen::Generate(options);
  if (!report.ok()) {
    std::cerr << "mdm-gen: " << report.status().message() << "\n";
    return 1;
  }
  PrintReport(*report, absl::Now() - start);
  return 0;
}
