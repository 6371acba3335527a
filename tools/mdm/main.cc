// SPDX-License-Identifier: Apache-2.0
// mdm: the command-line front end of the HCP master data engine.
#include <iostream>

#include "tools/mdm/cli.h"

int main(int argc, char** argv) {
  CLI::App app{"mdm: master data engine for healthcare professionals"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "mdm 0.1.0");
  mdm::cli::CommonOptions common;
  mdm::cli::Action action;
  mdm::cli::RegisterInit(app, common, &action);
  mdm::cli::RegisterRun(app, common, &action);
  mdm::cli::RegisterInspect(app, common, &action);
  mdm::cli::RegisterMatch(app, common, &action);
  mdm::cli::RegisterGolden(app, common, &action);
  mdm::cli::RegisterQueue(app, common, &action);
  mdm::cli::RegisterDcr(app, common, &action);
  mdm::cli::RegisterServe(app, common, &action);
  mdm::cli::RegisterUser(app, common, &action);
  mdm::cli::RegisterAudit(app, common, &action);
  mdm::cli::RegisterGdpr(app, common, &action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0 in CLI11.
    const int code = app.exit(e);
    return code == 0 ? mdm::cli::kOk : mdm::cli::kUsage;
  }
  return action ? action() : mdm::cli::kUsage;
}
