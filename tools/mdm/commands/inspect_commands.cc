// SPDX-License-Identifier: Apache-2.0
// Read-only commands over the store: sources, rejects, records show, runs.
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct InspectFlags {
  std::string source;
  std::string key;
  int64_t run_id = 0;
  bool warnings = false;
  int64_t limit = 1000;
};

// Opens the engine and hands it to `body`; failures become exit codes.
int WithEngine(const CommonOptions& common,
               const std::function<int(Engine&)>& body) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  return body(**engine);
}

int Sources(const CommonOptions& common, const InspectFlags& flags) {
  return WithEngine(common, [&](Engine& engine) {
    absl::StatusOr<std::vector<LoadedFile>> files = engine.Files(flags.source);
    if (!files.ok()) return Fail(files.status());
    if (common.json) {
      std::cout << LoadedFilesToJson(*files) << "\n";
      return static_cast<int>(kOk);
    }
    Table table({"source", "file", "run", "read", "accepted", "rejected", "duplicates",
                 "sha256"});
    for (const LoadedFile& f : *files) {
      table.AddRow({f.source, f.path, absl::StrCat(f.run_id), absl::StrCat(f.counts.rows_read),
                    absl::StrCat(f.counts.accepted), absl::StrCat(f.counts.rejected),
                    absl::StrCat(f.counts.duplicates), f.sha256.substr(0, 12)});
    }
    table.Print(std::cout);
    return static_cast<int>(kOk);
  });
}

int Rejects(const CommonOptions& common, const InspectFlags& flags) {
  return WithEngine(common, [&](Engine& engine) {
    IssueQuery query;
    if (flags.run_id > 0) query.run_id = flags.run_id;
    query.source = flags.source;
    query.include_warnings = flags.warnings;
    query.limit = flags.limit;
    absl::StatusOr<std::vector<StoredIssue>> issues = engine.Issues(query);
    if (!issues.ok()) return Fail(issues.status());
    if (common.json) {
      std::cout << IssuesToJson(*issues) << "\n";
      return static_cast<int>(kOk);
    }
    Table table({"run", "file", "line", "field", "severity", "reason", "key", "detail"});
    for (const StoredIssue& i : *issues) {
      table.AddRow({absl::StrCat(i.run_id), i.file, absl::StrCat(i.line), i.field,
                    i.warning ? "warning" : "reject", i.reason, i.source_key, i.detail});
    }
    table.Print(std::cout);
    return static_cast<int>(kOk);
  });
}

void PrintVersion(const StoredVersion& v) {
  const SourceRecord& r = v.record;
  std::cout << "  " << v.status << " (run " << v.run_id << ", " << v.file << ":" << v.line
            << ")\n";
  std::cout << "    name: " << r.name.display << " | title=" << r.name.title
            << " given=" << r.name.given_names << " family=" << r.name.family_name
            << " keys=" << r.name.given_key << "/" << r.name.family_key << "\n";
  for (const Identifier& id : r.identifiers) {
    std::cout << "    id: " << id.scheme << " " << id.value << " (" << ValidityName(id.validity)
              << ")\n";
  }
  for (const Phone& p : r.phones) {
    std::cout << "    phone: " << (p.e164.empty() ? p.raw : p.e164) << " ("
              << ValidityName(p.validity) << ")\n";
  }
  for (const Email& e : r.emails) {
    std::cout << "    email: " << e.normalized << " (" << ValidityName(e.validity) << ")\n";
  }
  for (const Address& a : r.addresses) {
    std::cout << "    address: " << absl::StrJoin({a.street, a.postcode, a.city, a.country}, ", ")
              << "\n";
  }
  for (const Specialty& s : r.specialties) {
    std::cout << "    specialty: " << s.raw << " -> " << (s.code.empty() ? "?" : s.code) << "\n";
  }
  if (!r.observed_at.empty()) std::cout << "    observed_at: " << r.observed_at << "\n";
}

int ShowRecord(const CommonOptions& common, const InspectFlags& flags) {
  return WithEngine(common, [&](Engine& engine) {
    absl::StatusOr<StoredRecord> record = engine.Record(flags.source, flags.key);
    if (!record.ok()) return Fail(record.status());
    if (common.json) {
      std::cout << StoredRecordToJson(*record) << "\n";
      return static_cast<int>(kOk);
    }
    std::cout << flags.source << " " << flags.key << " (record " << record->record_id << ")\n";
    PrintVersion(record->current);
    for (const StoredVersion& v : record->history) PrintVersion(v);
    return static_cast<int>(kOk);
  });
}

int Runs(const CommonOptions& common, const InspectFlags& flags) {
  return WithEngine(common, [&](Engine& engine) {
    absl::StatusOr<std::vector<RunSummary>> runs = engine.Runs(flags.limit);
    if (!runs.ok()) return Fail(runs.status());
    if (common.json) {
      std::cout << RunsToJson(*runs) << "\n";
      return static_cast<int>(kOk);
    }
    Table table({"run", "started", "read", "accepted", "rejected", "new", "merges", "splits",
                 "updated", "unchanged", "review", "seconds", "config"});
    for (const RunSummary& r : *runs) {
      // The stored report is what `mdm run --json` printed; a run from
      // before a counter existed shows 0.
      const nlohmann::json report = nlohmann::json::parse(r.report_json, nullptr, false);
      auto count = [&report](const char* section, const char* key) {
        const nlohmann::json v = report.is_object() ? report.value(section, nlohmann::json())
                                                    : nlohmann::json();
        return absl::StrCat(v.is_object() ? v.value(key, int64_t{0}) : int64_t{0});
      };
      double seconds = 0;
      if (report.is_object() && report.contains("stage_seconds") &&
          report["stage_seconds"].is_object()) {
        for (const auto& [stage, s] : report["stage_seconds"].items()) {
          if (s.is_number()) seconds += s.get<double>();
        }
      }
      table.AddRow({absl::StrCat(r.run_id), r.started_at, count("totals", "rows_read"),
                    count("totals", "accepted"), count("totals", "rejected"),
                    count("golden", "created"), count("golden", "merged"),
                    count("golden", "split"), count("golden", "updated"),
                    count("golden", "unchanged"), count("match", "review_items"),
                    absl::StrFormat("%.1f", seconds), r.config_path});
    }
    table.Print(std::cout);
    return static_cast<int>(kOk);
  });
}

}  // namespace

void RegisterInspect(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<InspectFlags>();
  auto bind = [&common, flags, action](CLI::App* command,
                                       int (*fn)(const CommonOptions&, const InspectFlags&)) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };

  CLI::App* sources = app.add_subcommand("sources", "List the files loaded per source");
  AddCommonFlags(*sources, common);
  sources->add_option("--source", flags->source, "Only this source");
  bind(sources, Sources);

  CLI::App* rejects = app.add_subcommand("rejects", "List rejected rows (and warnings)");
  AddCommonFlags(*rejects, common);
  rejects->add_option("--source", flags->source, "Only this source");
  rejects->add_option("--run", flags->run_id, "Only this run")->check(CLI::PositiveNumber);
  rejects->add_flag("--warnings", flags->warnings, "Include warnings about loaded rows");
  rejects->add_option("--limit", flags->limit, "At most this many")->check(CLI::PositiveNumber);
  bind(rejects, Rejects);

  CLI::App* records = app.add_subcommand("records", "Source records");
  records->require_subcommand(1);
  CLI::App* show = records->add_subcommand("show", "Show a source record with its history");
  AddCommonFlags(*show, common);
  show->add_option("source", flags->source, "Source name")->required();
  show->add_option("key", flags->key, "Source key")->required();
  bind(show, ShowRecord);

  CLI::App* runs = app.add_subcommand("runs", "List the most recent runs");
  AddCommonFlags(*runs, common);
  runs->add_option("--limit", flags->limit, "At most this many")->check(CLI::PositiveNumber);
  bind(runs, Runs);
}

}  // namespace mdm::cli
