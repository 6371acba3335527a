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
  options.key_path = common.key_file;
  return Engine::Open(options);
}

std::optional<ConfiguredEngine> OpenWithConfig(const CommonOptions& common,
                                               const CLI::Option* db_option,
                                               const std::string& config_path, int threads,
                                               int* exit_code) {
  // The config is checked before the store is opened: a broken config
  // changes nothing.
  absl::StatusOr<Config> config = LoadConfig(config_path);
  if (!config.ok()) {
    *exit_code = Fail(config.status());
    return std::nullopt;
  }
  EngineOptions options;
  options.db_path = db_option->count() == 0 && !config->store_path.empty()
                        ? config->store_path
                        : common.db;
  options.threads = threads;
  options.key_path = common.key_file;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    *exit_code = Fail(engine.status());
    return std::nullopt;
  }
  return ConfiguredEngine{*std::move(config), *std::move(engine)};
}

std::optional<std::pair<std::string, std::string>> SplitRecordRef(const std::string& ref) {
  const size_t colon = ref.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == ref.size()) return std::nullopt;
  return std::make_pair(ref.substr(0, colon), ref.substr(colon + 1));
}

CLI::Option* AddCommonFlags(CLI::App& command, CommonOptions& common) {
  command.add_flag("--json", common.json, "Print machine-readable JSON");
  command.add_option("--key-file", common.key_file,
                     "The store's secret key file (default: the store's path + .key)");
  return command.add_option("--db", common.db, "SQLite store file")->capture_default_str();
}

}  // namespace mdm::cli
