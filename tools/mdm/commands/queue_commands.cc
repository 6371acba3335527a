// SPDX-License-Identifier: Apache-2.0
// mdm queue list [--status S] [--assignee A]: the review queue, a page at a time.
// mdm queue show ID: both records side by side, differences marked, and the waterfall.
// mdm queue decide ID same|different --reason R --steward S: a decision later runs obey.
// mdm queue assign ID NAME: who should decide an item.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/explanation_text.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct QueueFlags {
  QueueQuery query;
  int64_t id = 0;
  std::string verdict;
  std::string reason;
  std::string steward;
  std::string assignee;
  std::optional<int64_t> revision;
};

std::string Side(const ReviewSide& s) {
  return absl::StrCat(s.source, ":", s.source_key);
}

std::string Golden(const ReviewSide& s) {
  return s.golden_id.empty() ? "-" : absl::StrCat(s.golden_id, " (", s.golden_members, ")");
}

int List(const CommonOptions& common, const QueueFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  QueueQuery query = flags.query;
  if (query.status == "all") query.status.clear();
  absl::StatusOr<QueuePage> page = (*engine)->Stewardship().Queue(query);
  if (!page.ok()) return Fail(page.status());
  if (common.json) {
    std::cout << QueuePageToJson(*page) << "\n";
    return kOk;
  }
  Table table({"item", "priority", "probability", "reason", "record a", "golden a", "record b",
               "golden b", "status", "assignee"});
  for (const ReviewItem& i : page->items) {
    table.AddRow({absl::StrCat(i.item_id), absl::StrFormat("%.3f", i.priority),
                  absl::StrFormat("%.4f", i.probability), i.reason, Side(i.a), Golden(i.a),
                  Side(i.b), Golden(i.b),
                  i.status == "decided" ? absl::StrCat(i.decision, " by ", i.decided_by)
                                        : i.status,
                  i.assignee});
  }
  table.Print(std::cout);
  std::cout << page->items.size() << " of " << page->total << " items (from "
            << query.offset + 1 << ")\n";
  return kOk;
}

void PrintDetail(const ReviewItemDetail& d) {
  const ReviewItem& i = d.item;
  std::cout << "item " << i.item_id << "  " << i.status << "  " << i.reason
            << absl::StrFormat("  probability %.4f  priority %.3f", i.probability, i.priority)
            << "  revision " << i.revision << "\n";
  if (i.status == "decided") {
    std::cout << "decided " << i.decision << " by " << i.decided_by << " at " << i.decided_at
              << (i.applied ? "" : " (pending: the next run applies it)") << "\n";
  }
  Table fields({"", "field", Side(i.a), Side(i.b)});
  fields.AddRow({"", "golden", Golden(i.a), Golden(i.b)});
  for (const FieldComparison& f : d.fields) {
    fields.AddRow({f.differs ? "≠" : "", f.field, f.value_a, f.value_b});
  }
  fields.Print(std::cout);
  std::cout << "\n";
  if (!d.explanation.record_a.empty()) PrintExplanation(d.explanation);
}

int Show(const CommonOptions& common, const QueueFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<ReviewItemDetail> detail = (*engine)->Stewardship().Item(flags.id);
  if (!detail.ok()) return Fail(detail.status());
  if (common.json) {
    std::cout << ReviewItemDetailToJson(*detail) << "\n";
  } else {
    PrintDetail(*detail);
  }
  return kOk;
}

int PrintItem(const CommonOptions& common, const ReviewItem& item) {
  if (common.json) {
    std::cout << ReviewItemToJson(item) << "\n";
  } else {
    std::cout << "item " << item.item_id << ": " << item.status;
    if (item.status == "decided") {
      std::cout << " " << item.decision << " by " << item.decided_by
                << "; the next `mdm run` applies it";
    }
    if (!item.assignee.empty()) std::cout << ", assigned to " << item.assignee;
    std::cout << " (revision " << item.revision << ")\n";
  }
  return kOk;
}

int Decide(const CommonOptions& common, const QueueFlags& flags) {
  std::optional<Verdict> verdict = ParseVerdict(flags.verdict);
  if (!verdict) {
    std::cerr << "mdm: queue decide: the verdict is same or different\n";
    return kUsage;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  Decision d;
  d.item_id = flags.id;
  d.verdict = *verdict;
  d.reason = flags.reason;
  d.steward = flags.steward;
  d.expected_revision = flags.revision;
  absl::StatusOr<ReviewItem> item = (*engine)->Stewardship().Decide(d);
  if (!item.ok()) return Fail(item.status());
  return PrintItem(common, *item);
}

int Assign(const CommonOptions& common, const QueueFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<ReviewItem> item = (*engine)->Stewardship().Assign(flags.id, flags.assignee);
  if (!item.ok()) return Fail(item.status());
  return PrintItem(common, *item);
}

}  // namespace

void RegisterQueue(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<QueueFlags>();
  auto bind = [&common, flags, action](CLI::App* command,
                                       int (*fn)(const CommonOptions&, const QueueFlags&)) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };
  CLI::App* queue = app.add_subcommand("queue", "The data steward's review queue");
  queue->require_subcommand(1);

  CLI::App* list = queue->add_subcommand("list", "List review items, highest priority first");
  AddCommonFlags(*list, common);
  list->add_option("--status", flags->query.status, "open, stale, decided or all")
      ->check(CLI::IsMember({"open", "stale", "decided", "all"}));
  list->add_option("--assignee", flags->query.assignee, "Only items assigned to this steward");
  list->add_option("--offset", flags->query.offset, "Items to skip")->check(CLI::NonNegativeNumber);
  list->add_option("--limit", flags->query.limit, "Items to show (1-1000)")
      ->check(CLI::Range(1, 1000));
  bind(list, List);

  CLI::App* show = queue->add_subcommand(
      "show", "Show an item: both records side by side, differences marked, the waterfall");
  AddCommonFlags(*show, common);
  show->add_option("id", flags->id, "Item id")->required();
  bind(show, Show);

  CLI::App* decide = queue->add_subcommand(
      "decide", "Decide an item: same (must-link) or different (cannot-link), binding later runs");
  AddCommonFlags(*decide, common);
  decide->add_option("id", flags->id, "Item id")->required();
  decide->add_option("verdict", flags->verdict, "same or different")->required();
  decide->add_option("--reason", flags->reason, "Why (kept with the decision)")->required();
  decide->add_option("--steward", flags->steward, "Who decides")->required();
  decide->add_option("--revision", flags->revision,
                     "The revision you looked at: refused if the item changed since");
  bind(decide, Decide);

  CLI::App* assign = queue->add_subcommand("assign", "Assign an item to a steward (\"\" clears)");
  AddCommonFlags(*assign, common);
  assign->add_option("id", flags->id, "Item id")->required();
  assign->add_option("steward", flags->assignee, "Who should decide it")->required();
  bind(assign, Assign);
}

}  // namespace mdm::cli
