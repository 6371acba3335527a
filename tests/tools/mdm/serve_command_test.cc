// SPDX-License-Identifier: Apache-2.0
// `mdm serve` as a process: the address it refuses, the URL it prints, and
// a clean stop on SIGTERM.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <httplib.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

const std::string& kMdm = testing::MdmBinary();

int Run(const std::string& args) {
  const int status = std::system(absl::StrCat(kMdm, " ", args, " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("mdm serve refuses a non-loopback address unless --allow-remote", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Run("init --db " + db) == 0);
  CHECK(Run(absl::StrCat("serve --db ", db, " --listen 0.0.0.0:0")) == 2);
  CHECK(Run(absl::StrCat("serve --db ", db, " --listen 192.0.2.1:8080")) == 2);
  CHECK(Run(absl::StrCat("serve --db ", db, " --listen localhost")) == 2);
  CHECK(Run(absl::StrCat("serve --db ", db, " --listen 127.0.0.1:99999")) == 2);
  CHECK(Run(absl::StrCat("serve --db ", dir.File("missing.db"), " --listen 127.0.0.1:0")) == 1);
}

TEST_CASE("mdm serve prints its URL, answers, and stops cleanly on SIGTERM", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("mdm.db");
  REQUIRE(Run("init --db " + db) == 0);
  int out[2];
  REQUIRE(pipe(out) == 0);
  const std::string err = dir.File("stderr.txt");
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    freopen(err.c_str(), "w", stderr);
    close(out[0]);
    execl(kMdm.c_str(), kMdm.c_str(), "serve", "--db", db.c_str(), "--listen", "127.0.0.1:0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  FILE* stdout_of_server = fdopen(out[0], "r");
  char line[256] = {};
  const bool got_line = fgets(line, sizeof(line), stdout_of_server) != nullptr;
  fclose(stdout_of_server);
  INFO(line);
  absl::string_view url = line;
  const bool printed = got_line && absl::ConsumePrefix(&url, "mdm: serving on http://127.0.0.1:");
  int port = 0;
  if (printed) CHECK(absl::SimpleAtoi(absl::StripSuffix(url, "\n"), &port));
  if (port > 0) {
    httplib::Client client("127.0.0.1", port);
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    auto me = client.Get("/api/me");
    REQUIRE(me);
    CHECK(me->status == 401);
  }
  kill(pid, SIGTERM);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(printed);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const std::string log = ReadFile(err);
  INFO(log);
  CHECK(absl::StrContains(log, "mdm: GET / 200 "));
  CHECK(absl::StrContains(log, "mdm: GET /api/me 401 "));
  CHECK(absl::StrContains(log, "mdm: stopped"));
}

}  // namespace
}  // namespace mdm
