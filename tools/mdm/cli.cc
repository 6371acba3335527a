// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/cli.h"

#include <iostream>

namespace mdm::cli {

int Fail(const absl::Status& status) {
  std::cerr << "mdm: " << status.message() << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? kUsage : kFailure;
}

absl::StatusOr<std::unique_ptr<Engine>> OpenEngine(const CommonOptions& common) {
  EngineOptions options;
  options.db_path = common.db;
  return Engine::Open(options);
}

CLI::Option* AddCommonFlags(CLI::App& command, CommonOptions& common) {
  command.add_flag("--json", common.json, "Print machine-readable JSON");
  return command.add_option("--db", common.db, "SQLite store file")->capture_default_str();
}

}  // namespace mdm::cli
