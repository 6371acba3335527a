// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/batch_runner.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "mdm/base/iso_time.h"
#include "mdm/base/sha256.h"
#include "mdm/ingest/row_reader.h"
#include "mdm/json.h"
#include "mdm/pipeline/file_loader.h"
#include "mdm/pipeline/golden_runner.h"
#include "mdm/pipeline/match_runner.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/privacy/secret_key.h"
#include "mdm/privacy/suppression.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

bool IsGlob(absl::string_view pattern) {
  return pattern.find_first_of("*?[") != absl::string_view::npos;
}

void Merge(const std::map<std::string, int64_t>& from, std::map<std::string, int64_t>& to) {
  for (const auto& [reason, count] : from) to[reason] += count;
}

// One run inside an open transaction.
class Batch {
 public:
  Batch(const Config& config, const RunOptions& options, store::Store& store,
        int threads, const privacy::Suppressor* suppressor, RunReport& report)
      : config_(config), options_(options), store_(store), threads_(threads),
        suppressor_(suppressor), report_(report) {}

  absl::Status LoadSource(const SourceConfig& source,
                          const std::vector<std::string>& files) {
    for (const std::string& path : files) {
      FileReport file;
      file.source = source.name;
      file.path = path;
      MDM_RETURN_IF_ERROR(LoadOne(source, file));
      report_.totals.Add(file.counts);
      if (options_.on_file_done) options_.on_file_done(file);
      report_.files.push_back(std::move(file));
    }
    return absl::OkStatus();
  }

 private:
  absl::Status LoadOne(const SourceConfig& source, FileReport& file) {
    MDM_ASSIGN_OR_RETURN(file.sha256, base::Sha256File(file.path));
    MDM_ASSIGN_OR_RETURN(std::optional<LoadedFile> loaded,
                         store_.FindFile(source.name, file.sha256));
    if (loaded) {
      file.skipped = true;
      return absl::OkStatus();
    }
    absl::StatusOr<std::unique_ptr<ingest::RowReader>> reader =
        ingest::OpenRowReader(source, config_.limits, file.path);
    if (!reader.ok()) return RecordUnreadable(source, file, reader.status());
    std::error_code size_error;
    const auto size = std::filesystem::file_size(file.path, size_error);
    LoadedFile row{0, source.name, file.path, file.sha256,
                   size_error ? 0 : static_cast<int64_t>(size), report_.run_id, {}};
    MDM_ASSIGN_OR_RETURN(int64_t file_id, store_.AddFile(row));
    MDM_ASSIGN_OR_RETURN(FileLoadResult result,
                         LoadFile({&source, std::move(*reader), file.path, file_id,
                                   report_.run_id, OtherCountries(source),
                                   &options_.on_progress, row.size_bytes, suppressor_},
                                  store_, threads_));
    MDM_RETURN_IF_ERROR(store_.SetFileCounts(file_id, result.counts));
    file.counts = result.counts;
    Merge(result.rejects_by_reason, report_.rejects_by_reason);
    Merge(result.warnings_by_reason, report_.warnings_by_reason);
    report_.stage_seconds["read"] += result.read_seconds;
    report_.stage_seconds["normalize"] += result.normalize_seconds;
    report_.stage_seconds["persist"] += result.persist_seconds;
    return absl::OkStatus();
  }

  // The distinct default countries of the config's other sources.
  std::vector<std::string> OtherCountries(const SourceConfig& source) const {
    std::vector<std::string> countries;
    for (const SourceConfig& other : config_.sources) {
      if (other.default_country != source.default_country &&
          std::find(countries.begin(), countries.end(), other.default_country) ==
              countries.end()) {
        countries.push_back(other.default_country);
      }
    }
    return countries;
  }

  // A file whose header cannot be read is reported and left unregistered, so
  // a corrected delivery of it loads; the run goes on with the other files.
  absl::Status RecordUnreadable(const SourceConfig& source, FileReport& file,
                                const absl::Status& why) {
    if (why.code() != absl::StatusCode::kInvalidArgument) return why;
    file.unreadable = true;
    model::RowIssue issue{file.path, 1, "header", model::IssueReason::kUnreadableFile,
                          std::string(why.message()), ""};
    ++report_.rejects_by_reason[std::string(model::IssueReasonName(issue.reason))];
    return store_.AddIssue(report_.run_id, std::nullopt, source.name, issue, "");
  }

  const Config& config_;
  const RunOptions& options_;
  store::Store& store_;
  const int threads_;
  const privacy::Suppressor* suppressor_;
  RunReport& report_;
};

// The suppression list, when anybody was erased; nullptr otherwise (no key
// is needed then, and rows are not hashed).
absl::StatusOr<std::unique_ptr<privacy::Suppressor>> LoadSuppressor(store::Store& store,
                                                                    const std::string& key_path) {
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> hmacs, store.ListSuppressions());
  if (hmacs.empty()) return nullptr;
  absl::StatusOr<std::string> key = privacy::ReadKeyFile(key_path);
  if (!key.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the store holds suppression keys of erased people but its secret key cannot be "
        "read, so their rows could not be recognised: ", key.status().message()));
  }
  return std::make_unique<privacy::Suppressor>(*std::move(key), hmacs);
}

// Config and model changes are audit events too.
absl::Status AuditSettings(const Config& config, store::Store& store,
                           privacy::AuditTrail& audit, const RunReport& report) {
  MDM_ASSIGN_OR_RETURN(std::vector<RunSummary> last, store.ListRuns(2));
  // [0] is this run; [1] the one before it, if any.
  if (last.size() < 2 || last[1].config_sha256 != config.sha256) {
    MDM_RETURN_IF_ERROR(audit
                            .Append({"run", "config.changed", {}, {}, report.run_id,
                                     absl::StrCat(config.path, " sha256 ", config.sha256)})
                            .status());
  }
  if (report.match.model_trained) {
    MDM_RETURN_IF_ERROR(audit
                            .Append({"run", "model.trained", {}, {}, report.run_id,
                                     absl::StrCat("model ", report.match.model_id)})
                            .status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ResolveFiles(const Config& config,
                                                      const SourceConfig& source) {
  std::filesystem::path pattern(source.files);
  if (pattern.is_relative()) pattern = std::filesystem::path(config.base_dir) / pattern;
  const std::string text = pattern.lexically_normal().string();
  if (!IsGlob(text)) {
    if (!std::filesystem::is_regular_file(text)) {
      return absl::NotFoundError(absl::StrCat("source ", source.name, ": file ", text,
                                              " does not exist (", config.path,
                                              ":", source.line, ")"));
    }
    return std::vector<std::string>{text};
  }
  glob_t matches{};
  const int rc = glob(text.c_str(), GLOB_ERR, nullptr, &matches);
  std::vector<std::string> files;
  for (size_t i = 0; rc == 0 && i < matches.gl_pathc; ++i) {
    if (std::filesystem::is_regular_file(matches.gl_pathv[i])) {
      files.emplace_back(matches.gl_pathv[i]);
    }
  }
  globfree(&matches);
  if (rc != 0 && rc != GLOB_NOMATCH) {
    return absl::UnavailableError(absl::StrCat("source ", source.name,
                                               ": cannot list files matching ", text));
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

// One run in one transaction: `load` brings the run's changes in, then the
// run matches and rebuilds golden records (unless options.skip_matching).
using LoadStep = std::function<absl::Status(RunReport& report, privacy::AuditTrail& audit,
                                            const privacy::Suppressor* suppressor)>;

absl::StatusOr<RunReport> RunInTransaction(const Config& config, const RunOptions& options,
                                           store::Store& store, const Clock& clock,
                                           int threads, const std::string& key_path,
                                           const LoadStep& load,
                                           const ChangeStep* finish = nullptr) {
  RunReport report;
  report.dry_run = options.dry_run;
  report.started_at = base::IsoUtc(clock.Now());
  MDM_RETURN_IF_ERROR(store.BeginWrite());
  absl::Status status = [&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(report.run_id,
                         store.StartRun(report.started_at, config.path, config.sha256));
    MDM_ASSIGN_OR_RETURN(std::unique_ptr<privacy::Suppressor> suppressor,
                         LoadSuppressor(store, key_path));
    privacy::AuditTrail audit(store, clock, key_path);
    MDM_RETURN_IF_ERROR(load(report, audit, suppressor.get()));
    if (options.skip_matching) {
      report.match.skipped_reason = "skipped on request (load only)";
    } else {
      MDM_ASSIGN_OR_RETURN(bool new_setting, GoldenSettingChanged(config, store));
      MDM_ASSIGN_OR_RETURN(GoldenScope scope,
                           RunMatching(config.matching, store, clock, threads,
                                       options.full_rematch || new_setting, report,
                                       &options.on_progress));
      MDM_RETURN_IF_ERROR(BuildGoldenRecords(config, scope, store, audit, threads, report,
                                             &options.on_progress));
      // The steward's pending decisions and pins are in force from now on.
      if (report.match.ran) MDM_RETURN_IF_ERROR(store.MarkStewardApplied(report.run_id));
    }
    if (finish != nullptr) MDM_RETURN_IF_ERROR((*finish)(report, audit));
    MDM_RETURN_IF_ERROR(AuditSettings(config, store, audit, report));
    report.finished_at = base::IsoUtc(clock.Now());
    return store.FinishRun(report.run_id, report.finished_at, RunReportToJson(report));
  }();
  if (!status.ok() || options.dry_run) {
    absl::Status rollback = store.Rollback();
    MDM_RETURN_IF_ERROR(status);
    MDM_RETURN_IF_ERROR(rollback);
    report.run_id = 0;
    return report;
  }
  MDM_RETURN_IF_ERROR(store.Commit());
  return report;
}

}  // namespace

absl::StatusOr<RunReport> RunBatch(const Config& config, const RunOptions& options,
                                   store::Store& store, const Clock& clock, int threads,
                                   const std::string& key_path) {
  // Every file is resolved before the store is touched.
  std::vector<std::vector<std::string>> files;
  for (const SourceConfig& source : config.sources) {
    MDM_ASSIGN_OR_RETURN(std::vector<std::string> matched, ResolveFiles(config, source));
    files.push_back(std::move(matched));
  }
  return RunInTransaction(
      config, options, store, clock, threads, key_path,
      [&](RunReport& report, privacy::AuditTrail&, const privacy::Suppressor* suppressor) {
        Batch batch(config, options, store, threads, suppressor, report);
        for (size_t i = 0; i < config.sources.size(); ++i) {
          MDM_RETURN_IF_ERROR(batch.LoadSource(config.sources[i], files[i]));
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<RunReport> RunChange(const Config& config, const RunOptions& options,
                                    store::Store& store, const Clock& clock, int threads,
                                    const std::string& key_path, const ChangeStep& change,
                                    const ChangeStep* finish) {
  return RunInTransaction(
      config, options, store, clock, threads, key_path,
      [&](RunReport& report, privacy::AuditTrail& audit, const privacy::Suppressor*) {
        return change(report, audit);
      },
      finish);
}

}  // namespace mdm::pipeline
