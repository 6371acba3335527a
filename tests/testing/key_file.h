// SPDX-License-Identifier: Apache-2.0
// File: tests/testing/key_file.h
//
// Tests that drive the pipeline without mdm::Engine still need the store's
// secret key: runs write the audit trail, keyed by it (mdm/privacy/audit_chain.h).
#pragma once

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "mdm/privacy/secret_key.h"
#include "tests/testing/temp_dir.h"

namespace mdm::testing {

// The path of a secret key file in `dir`, written on first use.
inline std::string KeyFile(const TempDir& dir) {
  const std::string path = dir.File("mdm.db.key");
  if (!std::filesystem::exists(path)) REQUIRE(privacy::CreateKeyFile(path).ok());
  return path;
}

}  // namespace mdm::testing
