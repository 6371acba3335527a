// SPDX-License-Identifier: Apache-2.0
// Runs the built `mdm` binary as a user would, for the CLI's end-to-end
// tests: exit code, stdout and stderr of one command line.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "tests/testing/temp_dir.h"

namespace mdm::testing {

inline const std::string& MdmBinary() {
  static const std::string* const path =
      new std::string(std::string(MDM_BINARY_DIR) + "/tools/mdm/mdm");
  return *path;
}

struct MdmResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// `args` go through the shell: quote what needs it. `input` is the
// command's standard input (a password, say).
inline MdmResult RunMdm(const std::string& args, const TempDir& dir,
                        const std::string& input = "") {
  const std::string err_file = dir.File("stderr.txt");
  const std::string in_file = dir.Write("stdin.txt", input);
  const std::string command =
      absl::StrCat(MdmBinary(), " ", args, " <", in_file, " 2>", err_file);
  MdmResult r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream text;
  text << err.rdbuf();
  r.err = text.str();
  return r;
}

}  // namespace mdm::testing
