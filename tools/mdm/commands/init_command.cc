// SPDX-License-Identifier: Apache-2.0
// mdm init --db PATH: creates the store and applies the schema migrations,
// and writes the store's secret key beside it (mdm/privacy.h) if missing.
#include <iostream>

#include <nlohmann/json.hpp>

#include "mdm/privacy/secret_key.h"
#include "tools/mdm/cli.h"

namespace mdm::cli {

void RegisterInit(CLI::App& app, CommonOptions& common, Action* action) {
  CLI::App* init = app.add_subcommand("init", "Create a store (or migrate an existing one)");
  AddCommonFlags(*init, common);
  init->callback([&common, action] {
    *action = [&common] {
      EngineOptions options;
      options.db_path = common.db;
      options.key_path = common.key_file;
      options.create_if_missing = true;
      absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
      if (!engine.ok()) return Fail(engine.status());
      const std::string key =
          common.key_file.empty() ? privacy::DefaultKeyPath(common.db) : common.key_file;
      if (common.json) {
        std::cout
            << nlohmann::json{{"db", common.db}, {"key_file", key}, {"status", "ready"}}.dump()
            << "\n";
      } else {
        std::cout << "store " << common.db << " is ready; its secret key is " << key
                  << " (back it up, apart from the store)\n";
      }
      return static_cast<int>(kOk);
    };
  });
}

}  // namespace mdm::cli
