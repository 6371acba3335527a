// SPDX-License-Identifier: Apache-2.0
// mdm user add NAME --role viewer|steward|dpo: a user of `mdm serve`. The
// password is asked twice on the terminal without echo or, when standard
// input is not a terminal, read from its first line; never from the command
// line, where other users of the machine could see it.
// mdm user list: the users and their roles.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct UserFlags {
  std::string name;
  std::string role;
};

std::string ReadLine() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string AskHidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios saved;
  tcgetattr(STDIN_FILENO, &saved);
  termios hidden = saved;
  hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
  std::string line = ReadLine();
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  std::cerr << "\n";
  return line;
}

absl::StatusOr<std::string> ReadPassword() {
  if (!isatty(STDIN_FILENO)) return ReadLine();
  std::string password = AskHidden("password: ");
  if (AskHidden("password again: ") != password) {
    return absl::InvalidArgumentError("user add: the two passwords differ");
  }
  return password;
}

int Add(const CommonOptions& common, const UserFlags& flags) {
  // CLI11 has checked the role against the same names.
  const Role role = *ParseRole(flags.role);
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  const absl::StatusOr<std::string> password = ReadPassword();
  if (!password.ok()) return Fail(password.status());
  const absl::StatusOr<User> user = (*engine)->Stewardship().AddUser(flags.name, role, *password);
  if (!user.ok()) return Fail(user.status());
  if (common.json) {
    std::cout << UserToJson(*user) << "\n";
  } else {
    std::cout << "user " << user->name << " added (" << RoleName(user->role) << ")\n";
  }
  return kOk;
}

int List(const CommonOptions& common, const UserFlags&) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  const absl::StatusOr<std::vector<User>> users = (*engine)->Stewardship().Users();
  if (!users.ok()) return Fail(users.status());
  if (common.json) {
    std::cout << UsersToJson(*users) << "\n";
    return kOk;
  }
  Table table({"name", "role", "created_at"});
  for (const User& u : *users) table.AddRow({u.name, RoleName(u.role), u.created_at});
  table.Print(std::cout);
  return kOk;
}

}  // namespace

void RegisterUser(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<UserFlags>();
  auto bind = [&common, flags, action](CLI::App* command,
                                       int (*fn)(const CommonOptions&, const UserFlags&)) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };
  CLI::App* user = app.add_subcommand("user", "Users of the steward web server (mdm serve)");
  user->require_subcommand(1);
  CLI::App* add = user->add_subcommand(
      "add", "Add a user; the password comes from the terminal or the first line of stdin");
  AddCommonFlags(*add, common);
  add->add_option("name", flags->name, "User name ([A-Za-z0-9._-], at most 64)")->required();
  add->add_option("--role", flags->role, "viewer, steward or dpo")
      ->required()
      ->check(CLI::IsMember({RoleName(Role::kViewer), RoleName(Role::kSteward),
                             RoleName(Role::kDpo)}));
  bind(add, Add);
  CLI::App* list = user->add_subcommand("list", "List users and their roles");
  AddCommonFlags(*list, common);
  bind(list, List);
}

}  // namespace mdm::cli
