// SPDX-License-Identifier: Apache-2.0
// mdm golden split ID --records S:K,... : split records off a golden record.
// mdm golden merge ID ID : join two golden records.
// mdm golden override ID FIELD=VALUE : pin a value until `mdm golden unpin ID FIELD`.
// All take --reason and --steward; the next `mdm run` applies them, and no
// later run undoes them.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct EditFlags {
  std::string id;
  std::string other;
  std::vector<std::string> records;
  std::string assignment;  // FIELD=VALUE
  std::string field;
  std::string reason;
  std::string steward;
};

constexpr char kPending[] = "the next `mdm run` applies it";

int Split(const CommonOptions& common, const EditFlags& flags) {
  std::vector<SourceRef> refs;
  for (const std::string& r : flags.records) {
    auto ref = SplitRecordRef(r);
    if (!ref) {
      std::cerr << "mdm: golden split: records are written SOURCE:KEY\n";
      return kUsage;
    }
    refs.push_back({ref->first, ref->second});
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::Status split = (*engine)->Stewardship().Split(flags.id, refs, flags.reason, flags.steward);
  if (!split.ok()) return Fail(split);
  std::cout << (common.json ? absl::StrCat("{\"golden_id\":\"", flags.id,
                                           "\",\"split\":", refs.size(), "}")
                            : absl::StrCat("split ", refs.size(), " record(s) off ", flags.id,
                                           "; ", kPending))
            << "\n";
  return kOk;
}

int Merge(const CommonOptions& common, const EditFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::Status merged =
      (*engine)->Stewardship().Merge(flags.id, flags.other, flags.reason, flags.steward);
  if (!merged.ok()) return Fail(merged);
  std::cout << (common.json ? absl::StrCat("{\"merged\":[\"", flags.id, "\",\"", flags.other,
                                           "\"]}")
                            : absl::StrCat("merging ", flags.id, " and ", flags.other,
                                           " (the older id survives); ", kPending))
            << "\n";
  return kOk;
}

int PrintOverride(const CommonOptions& common, const Override& o, const char* what) {
  if (common.json) {
    std::cout << OverrideToJson(o) << "\n";
  } else {
    std::cout << what << " " << o.field << " on " << o.golden_id << " (override "
              << o.override_id << "); " << kPending << "\n";
  }
  return kOk;
}

int Pin(const CommonOptions& common, const EditFlags& flags) {
  const size_t eq = flags.assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    std::cerr << "mdm: golden override: write FIELD=VALUE (fields: "
              << absl::StrJoin(OverridableFields(), ", ") << ")\n";
    return kUsage;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<Override> o = (*engine)->Stewardship().Pin(
      flags.id, flags.assignment.substr(0, eq), flags.assignment.substr(eq + 1), flags.reason,
      flags.steward);
  if (!o.ok()) return Fail(o.status());
  return PrintOverride(common, *o, "pinned");
}

int Unpin(const CommonOptions& common, const EditFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<Override> o =
      (*engine)->Stewardship().Unpin(flags.id, flags.field, flags.reason, flags.steward);
  if (!o.ok()) return Fail(o.status());
  return PrintOverride(common, *o, "unpinned");
}

int Overrides(const CommonOptions& common, const EditFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<std::vector<Override>> all = (*engine)->Stewardship().Overrides(flags.id, true);
  if (!all.ok()) return Fail(all.status());
  if (common.json) {
    std::cout << OverridesToJson(*all) << "\n";
    return kOk;
  }
  Table table({"override", "field", "value", "by", "at", "reason", "state"});
  for (const Override& o : *all) {
    table.AddRow({absl::StrCat(o.override_id), o.field, o.value, o.steward, o.created_at,
                  o.reason, o.pinned ? "pinned" : absl::StrCat("unpinned by ", o.unpinned_by)});
  }
  table.Print(std::cout);
  return kOk;
}

}  // namespace

void RegisterGoldenEdits(CLI::App& golden, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<EditFlags>();
  auto bind = [&common, flags, action](CLI::App* command,
                                       int (*fn)(const CommonOptions&, const EditFlags&)) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };
  auto who = [&flags](CLI::App* command) {
    command->add_option("--reason", flags->reason, "Why (kept with the change)")->required();
    command->add_option("--steward", flags->steward, "Who decides")->required();
  };

  CLI::App* split = golden.add_subcommand(
      "split", "Split records off a golden record into one of their own, for good");
  AddCommonFlags(*split, common);
  split->add_option("id", flags->id, "Golden id")->required();
  split->add_option("--records", flags->records, "SOURCE:KEY,... to split off")
      ->required()
      ->delimiter(',');
  who(split);
  bind(split, Split);

  CLI::App* merge = golden.add_subcommand("merge", "Join two golden records, for good");
  AddCommonFlags(*merge, common);
  merge->add_option("id", flags->id, "Golden id")->required();
  merge->add_option("other", flags->other, "The other golden id")->required();
  who(merge);
  bind(merge, Merge);

  CLI::App* pin = golden.add_subcommand(
      "override", "Pin a value on a golden record: it beats every policy until unpinned");
  AddCommonFlags(*pin, common);
  pin->add_option("id", flags->id, "Golden id")->required();
  pin->add_option("assignment", flags->assignment,
                  absl::StrCat("FIELD=VALUE; fields: ", absl::StrJoin(OverridableFields(), ", ")))
      ->required();
  who(pin);
  bind(pin, Pin);

  CLI::App* unpin = golden.add_subcommand("unpin", "Remove a pinned value");
  AddCommonFlags(*unpin, common);
  unpin->add_option("id", flags->id, "Golden id")->required();
  unpin->add_option("field", flags->field, "The pinned field")->required();
  who(unpin);
  bind(unpin, Unpin);

  CLI::App* overrides = golden.add_subcommand(
      "overrides", "List the values pinned on a golden record, unpinned ones too");
  AddCommonFlags(*overrides, common);
  overrides->add_option("id", flags->id, "Golden id")->required();
  bind(overrides, Overrides);
}

}  // namespace mdm::cli
