// SPDX-License-Identifier: Apache-2.0
// `mdm user add|list`: users of `mdm serve`, the password from stdin.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

using Result = testing::MdmResult;

// Runs mdm with `input` on its standard input.
Result Mdm(const std::string& args, const std::string& input, const testing::TempDir& dir) {
  return testing::RunMdm(args, dir, input);
}

TEST_CASE("mdm user add takes the password from stdin, mdm user list shows the roles",
          "[cli]") {
  testing::TempDir dir;
  const std::string db = " --db " + dir.File("mdm.db");
  REQUIRE(Mdm("init" + db, "", dir).exit_code == 0);
  const Result added = Mdm("user add alice --role steward" + db, "long enough password\n", dir);
  CHECK(added.exit_code == 0);
  CHECK(added.out == "user alice added (steward)\n");
  CHECK_FALSE(absl::StrContains(added.out, "long enough"));
  const Result json = Mdm("user add bob --role dpo --json" + db, "another password\r\n", dir);
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["role"] == "dpo");

  const Result list = Mdm("user list" + db, "", dir);
  CHECK(list.exit_code == 0);
  CHECK(absl::StrContains(list.out, "alice  steward"));
  CHECK(absl::StrContains(list.out, "bob    dpo"));
  const nlohmann::json users = nlohmann::json::parse(Mdm("user list --json" + db, "", dir).out);
  REQUIRE(users.size() == 2);
  CHECK(users[0].size() == 3);  // name, role, created_at: no password hash

  CHECK(Mdm("user add alice --role viewer" + db, "long enough password\n", dir).exit_code == 1);
  CHECK(Mdm("user add carol --role admin" + db, "long enough password\n", dir).exit_code == 2);
  CHECK(Mdm("user add carol --role viewer" + db, "short\n", dir).exit_code == 2);
  CHECK(Mdm("user add 'carol smith' --role viewer" + db, "long enough password\n", dir)
            .exit_code == 2);
  CHECK(Mdm("user add carol" + db, "long enough password\n", dir).exit_code == 2);
  CHECK(Mdm("user list --db " + dir.File("missing.db"), "", dir).exit_code == 1);
}

}  // namespace
}  // namespace mdm
