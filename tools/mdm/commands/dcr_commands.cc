// SPDX-License-Identifier: Apache-2.0
// mdm dcr submit GOLDEN FIELD=VALUE --by NAME --reason R: a rep's or MSL's proposed change.
// mdm dcr list [--status open|approved|rejected|all]
// mdm dcr approve|reject ID --steward S --reason R: approval pins the value.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct DcrFlags {
  std::string golden_id;
  std::string assignment;  // FIELD=VALUE
  std::string by;
  std::string reason;
  std::string steward;
  std::string status = "open";
  int64_t id = 0;
  int64_t limit = 100;
};

int PrintRequest(const CommonOptions& common, const ChangeRequest& c) {
  if (common.json) {
    std::cout << ChangeRequestToJson(c) << "\n";
  } else {
    std::cout << "change request " << c.dcr_id << " on " << c.golden_id << " (" << c.field
              << "): " << ChangeRequestStatusName(c.status);
    if (c.status == ChangeRequestStatus::kApproved) {
      std::cout << "; pinned, the next `mdm run` applies it";
    }
    std::cout << "\n";
  }
  return kOk;
}

int Submit(const CommonOptions& common, const DcrFlags& flags) {
  const size_t eq = flags.assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    std::cerr << "mdm: dcr submit: write FIELD=VALUE (fields: "
              << absl::StrJoin(OverridableFields(), ", ") << ")\n";
    return kUsage;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<ChangeRequest> c = (*engine)->Stewardship().SubmitChange(
      flags.golden_id, flags.assignment.substr(0, eq), flags.assignment.substr(eq + 1), flags.by,
      flags.reason);
  if (!c.ok()) return Fail(c.status());
  return PrintRequest(common, *c);
}

int List(const CommonOptions& common, const DcrFlags& flags) {
  std::optional<ChangeRequestStatus> status;
  if (flags.status != "all") status = ParseChangeRequestStatus(flags.status);
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<std::vector<ChangeRequest>> all =
      (*engine)->Stewardship().Changes(status, flags.limit);
  if (!all.ok()) return Fail(all.status());
  if (common.json) {
    std::cout << ChangeRequestsToJson(*all) << "\n";
    return kOk;
  }
  Table table({"dcr", "golden", "field", "value", "by", "at", "status", "decided by"});
  for (const ChangeRequest& c : *all) {
    table.AddRow({absl::StrCat(c.dcr_id), c.golden_id, c.field, c.value, c.submitted_by,
                  c.submitted_at, ChangeRequestStatusName(c.status), c.decided_by});
  }
  table.Print(std::cout);
  return kOk;
}

int DecideWith(const CommonOptions& common, const DcrFlags& flags, bool approve) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<ChangeRequest> c =
      (*engine)->Stewardship().DecideChange(flags.id, approve, flags.steward, flags.reason);
  if (!c.ok()) return Fail(c.status());
  return PrintRequest(common, *c);
}

int Approve(const CommonOptions& common, const DcrFlags& flags) {
  return DecideWith(common, flags, true);
}
int Reject(const CommonOptions& common, const DcrFlags& flags) {
  return DecideWith(common, flags, false);
}

}  // namespace

void RegisterDcr(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<DcrFlags>();
  auto bind = [&common, flags, action](CLI::App* command,
                                       int (*fn)(const CommonOptions&, const DcrFlags&)) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };
  CLI::App* dcr = app.add_subcommand(
      "dcr", "Data change requests: proposed golden values a steward approves or rejects");
  dcr->require_subcommand(1);

  CLI::App* submit = dcr->add_subcommand("submit", "Propose a value for a golden record");
  AddCommonFlags(*submit, common);
  submit->add_option("golden", flags->golden_id, "Golden id")->required();
  submit->add_option("assignment", flags->assignment,
                     absl::StrCat("FIELD=VALUE; fields: ",
                                  absl::StrJoin(OverridableFields(), ", ")))
      ->required();
  submit->add_option("--by", flags->by, "Who proposes it (rep or MSL)")->required();
  submit->add_option("--reason", flags->reason, "Why")->required();
  bind(submit, Submit);

  CLI::App* list = dcr->add_subcommand("list", "List change requests, newest first");
  AddCommonFlags(*list, common);
  list->add_option("--status", flags->status, "open, approved, rejected or all")
      ->check(CLI::IsMember({"open", "approved", "rejected", "all"}));
  list->add_option("--limit", flags->limit, "At most (1-10000)")->check(CLI::Range(1, 10000));
  bind(list, List);

  using Fn = int (*)(const CommonOptions&, const DcrFlags&);
  for (auto [name, fn, help] :
       {std::tuple<const char*, Fn, const char*>{"approve", Approve,
                                                 "Approve a request: its value is pinned"},
        std::tuple<const char*, Fn, const char*>{"reject", Reject, "Reject a request"}}) {
    CLI::App* decide = dcr->add_subcommand(name, help);
    AddCommonFlags(*decide, common);
    decide->add_option("id", flags->id, "Change request id")->required();
    decide->add_option("--steward", flags->steward, "Who decides")->required();
    decide->add_option("--reason", flags->reason, "Why")->required();
    bind(decide, fn);
  }
}

}  // namespace mdm::cli
