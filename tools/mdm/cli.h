// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/cli.h
//
// What every `mdm` subcommand shares: the exit-code contract (0 ok, 1
// failure, 2 usage or invalid config), output helpers that honour --json,
// and the registration hook each command file provides. Commands are thin:
// flags -> public mdm API -> output and exit code.
#ifndef MDM_TOOLS_MDM_CLI_H_
#define MDM_TOOLS_MDM_CLI_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "mdm/engine.h"

namespace mdm::cli {

enum ExitCode : int { kOk = 0, kFailure = 1, kUsage = 2 };

// Options every command accepts.
struct CommonOptions {
  std::string db = "mdm.db";
  std::string key_file;  // "" = the store's path + ".key"
  bool json = false;
};

// The action a parsed subcommand runs; returns the process exit code.
using Action = std::function<int()>;

// Each command file registers its subcommands on `app` and stores the action
// to run into `*action` from its callback.
void RegisterInit(CLI::App& app, CommonOptions& common, Action* action);
void RegisterRun(CLI::App& app, CommonOptions& common, Action* action);
void RegisterInspect(CLI::App& app, CommonOptions& common, Action* action);

// Prints `status` to stderr as "mdm: <message>" and returns its exit code:
// kUsage for InvalidArgument (bad config or arguments), kFailure otherwise.
int Fail(const absl::Status& status);

// Opens the engine on common.db (the store must exist).
absl::StatusOr<std::unique_ptr<Engine>> OpenEngine(const CommonOptions& common);

// "source:key" -> {source, key} (the key may itself hold ':'); nullopt
// when either part is empty.
std::optional<std::pair<std::string, std::string>> SplitRecordRef(const std::string& ref);

// Adds --db and --json to a subcommand; returns the --db option.
CLI::Option* AddCommonFlags(CLI::App& command, CommonOptions& common);

// Loads the --config file and opens the engine on its store: --db when
// given, else the config's store.path, else the --db default. Failures are
// printed and returned as an exit code in *exit_code.
struct ConfiguredEngine {
  Config config;
  std::unique_ptr<Engine> engine;
};
std::optional<ConfiguredEngine> OpenWithConfig(const CommonOptions& common,
                                               const CLI::Option* db_option,
                                               const std::string& config_path, int threads,
                                               int* exit_code);

void RegisterMatch(CLI::App& app, CommonOptions& common, Action* action);
void RegisterGolden(CLI::App& app, CommonOptions& common, Action* action);
// Adds split, merge, override, unpin and overrides to `mdm golden`.
void RegisterGoldenEdits(CLI::App& golden, CommonOptions& common, Action* action);
void RegisterQueue(CLI::App& app, CommonOptions& common, Action* action);
void RegisterDcr(CLI::App& app, CommonOptions& common, Action* action);
void RegisterServe(CLI::App& app, CommonOptions& common, Action* action);
void RegisterUser(CLI::App& app, CommonOptions& common, Action* action);
void RegisterAudit(CLI::App& app, CommonOptions& common, Action* action);
void RegisterGdpr(CLI::App& app, CommonOptions& common, Action* action);

}  // namespace mdm::cli

#endif  // MDM_TOOLS_MDM_CLI_H_
