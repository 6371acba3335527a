// SPDX-License-Identifier: Apache-2.0
// mdm::Engine: the facade over the store and the batch pipeline.
#include "mdm/engine.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "mdm/pipeline/batch_runner.h"
#include "mdm/status.h"
#include "mdm/store/sqlite_store.h"

namespace mdm {
namespace {

class RealClock final : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

class EngineImpl final : public Engine {
 public:
  EngineImpl(std::unique_ptr<store::Store> store, const EngineOptions& options)
      : store_(std::move(store)), clock_(*options.clock),
        threads_(options.threads > 0
                     ? options.threads
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))) {}

  absl::StatusOr<RunReport> Run(const Config& config, const RunOptions& options) override {
    return pipeline::RunBatch(config, options, *store_, clock_, threads_);
  }

  absl::StatusOr<std::vector<LoadedFile>> Files(absl::string_view source) override {
    return store_->ListFiles(source);
  }

  absl::StatusOr<std::vector<StoredIssue>> Issues(const IssueQuery& query) override {
    return store_->ListIssues(query);
  }

  absl::StatusOr<StoredRecord> Record(absl::string_view source,
                                      absl::string_view source_key) override {
    MDM_ASSIGN_OR_RETURN(std::optional<StoredRecord> record,
                         store_->GetRecord(source, source_key));
    if (!record) {
      return absl::NotFoundError(absl::StrCat("no record with key ", source_key,
                                              " in source ", source));
    }
    return *std::move(record);
  }

  absl::StatusOr<std::vector<RunSummary>> Runs(int64_t limit) override {
    return store_->ListRuns(limit);
  }

 private:
  std::unique_ptr<store::Store> store_;
  const Clock& clock_;
  const int threads_;
};

}  // namespace

const Clock& Clock::Real() {
  static const RealClock* const clock = new RealClock();
  return *clock;
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options) {
  if (options.db_path.empty()) {
    return absl::InvalidArgumentError("engine: db_path is required");
  }
  if (options.clock == nullptr) {
    return absl::InvalidArgumentError("engine: clock must not be null");
  }
  MDM_ASSIGN_OR_RETURN(
      std::unique_ptr<store::Store> store,
      store::OpenSqliteStore(options.db_path, options.create_if_missing
                                                  ? store::OpenMode::kCreate
                                                  : store::OpenMode::kMustExist));
  return std::unique_ptr<Engine>(new EngineImpl(std::move(store), options));
}

}  // namespace mdm
