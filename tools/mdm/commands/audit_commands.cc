// SPDX-License-Identifier: Apache-2.0
// mdm audit verify: recompute the audit chain; exit 1 naming the first
// broken event.
// mdm audit log [--golden ID] [--since T] [--limit N] [--payload]: the trail.
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct AuditFlags {
  std::string golden;
  std::string since;
  int64_t limit = 100;
  bool payload = false;
};

int Verify(const CommonOptions& common) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<AuditVerification> v = (*engine)->Privacy().VerifyAudit();
  if (!v.ok()) return Fail(v.status());
  if (common.json) {
    std::cout << AuditVerificationToJson(*v) << "\n";
  } else if (v->ok) {
    std::cout << "audit chain intact: " << v->events << " events, " << v->payloads_checked
              << " payloads checked, " << v->payloads_erased << " erased\n";
  } else {
    std::cout << "audit chain BROKEN at event " << v->first_broken_seq << ": " << v->problem << " ("
              << v->events << " events read)\n";
  }
  return v->ok ? kOk : kFailure;
}

int Log(const CommonOptions& common, const AuditFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<std::vector<AuditEvent>> events =
      (*engine)->Privacy().AuditLog({flags.golden, flags.since, flags.limit, flags.payload});
  if (!events.ok()) return Fail(events.status());
  if (common.json) {
    std::cout << AuditEventsToJson(*events) << "\n";
    return kOk;
  }
  std::vector<std::string> header = {"seq",        "at",      "actor", "action",
                                     "golden ids", "records", "run",   "reason"};
  if (flags.payload) header.push_back("payload");
  Table table(header);
  for (const AuditEvent& e : *events) {
    std::vector<std::string> row = {absl::StrCat(e.seq),
                                    e.at,
                                    e.actor,
                                    e.action,
                                    absl::StrJoin(e.golden_ids, " "),
                                    e.source_keys.size() <= 3
                                        ? absl::StrJoin(e.source_keys, " ")
                                        : absl::StrCat(e.source_keys.size(), " records"),
                                    e.run_id == 0 ? "" : absl::StrCat(e.run_id),
                                    e.reason};
    if (flags.payload) row.push_back(e.payload_erased ? "(erased)" : e.payload);
    table.AddRow(std::move(row));
  }
  table.Print(std::cout);
  return kOk;
}

}  // namespace

void RegisterAudit(CLI::App& app, CommonOptions& common, Action* action) {
  CLI::App* audit = app.add_subcommand("audit", "The hash-chained audit trail");
  audit->require_subcommand(1);
  auto flags = std::make_shared<AuditFlags>();

  CLI::App* verify = audit->add_subcommand(
      "verify", "Recompute the chain; exit 1 naming the first event that does not match");
  AddCommonFlags(*verify, common);
  verify->callback([&common, action] { *action = [&common] { return Verify(common); }; });

  CLI::App* log = audit->add_subcommand("log", "Audit events, oldest first");
  AddCommonFlags(*log, common);
  log->add_option("--golden", flags->golden, "Only events about this golden id");
  log->add_option("--since", flags->since, "From this ISO-8601 date or time");
  log->add_option("--limit", flags->limit, "At most this many (the newest)")->capture_default_str();
  log->add_flag("--payload", flags->payload, "Show the personal values each event changed");
  log->callback(
      [&common, flags, action] { *action = [&common, flags] { return Log(common, *flags); }; });
}

}  // namespace mdm::cli
