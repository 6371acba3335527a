// SPDX-License-Identifier: Apache-2.0
// mdm::Engine: the facade over the store and the batch pipeline.
#include "mdm/engine.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "mdm/pipeline/batch_runner.h"
#include "mdm/pipeline/evaluate_runner.h"
#include "mdm/pipeline/golden_lookup.h"
#include "mdm/pipeline/match_one.h"
#include "mdm/pipeline/match_runner.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/privacy/privacy_service.h"
#include "mdm/privacy/secret_key.h"
#include "mdm/status.h"
#include "mdm/steward/steward_service.h"
#include "mdm/store/sqlite_store.h"

namespace mdm {
namespace {

class RealClock final : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

ModelSummary Summarize(const match::MatchModel& model) {
  ModelSummary s;
  s.model_id = model.model_id;
  s.created_at = model.created_at;
  s.prior = model.prior;
  s.prior_weight = model.PriorWeight();
  const match::TrainingStats& t = model.training;
  s.records = t.records;
  s.candidate_pairs = t.candidate_pairs;
  s.sampled_candidate_pairs = t.sampled_candidate_pairs;
  s.distinct_patterns = t.distinct_patterns;
  s.u_sample_pairs = t.u_sample_pairs;
  s.em_iterations = t.em_iterations;
  s.converged = t.converged;
  s.candidate_match_share = t.candidate_match_share;
  s.seconds = t.seconds;
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    const match::ComparisonParameters& p = model.comparisons[c];
    ComparisonSummary cs;
    cs.comparison = p.config.name;
    for (size_t l = 1; l < p.levels.size(); ++l) {
      cs.levels.push_back({l <= p.config.levels.size() ? p.config.levels[l - 1].Label()
                                                       : "else",
                           p.levels[l].m, p.levels[l].u,
                           model.LevelWeight(c, static_cast<int>(l))});
    }
    s.comparisons.push_back(std::move(cs));
  }
  return s;
}

std::string KeyPathOf(const EngineOptions& options) {
  return options.key_path.empty() ? privacy::DefaultKeyPath(options.db_path) : options.key_path;
}

class EngineImpl final : public Engine {
 public:
  EngineImpl(std::unique_ptr<store::Store> store, const EngineOptions& options)
      : store_(std::move(store)), clock_(*options.clock),
        threads_(options.threads > 0
                     ? options.threads
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
        key_path_(KeyPathOf(options)),
        steward_(steward::NewStewardService(*store_, clock_, key_path_)),
        privacy_(privacy::NewPrivacyService({*store_, clock_, key_path_, threads_,
                                             [this] { DropMatchOneIndex(); }})) {}

  absl::StatusOr<RunReport> Run(const Config& config, const RunOptions& options) override {
    DropMatchOneIndex();
    return pipeline::RunBatch(config, options, *store_, clock_, threads_, key_path_);
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

  absl::StatusOr<ModelSummary> Train(const Config& config) override {
    DropMatchOneIndex();
    MDM_RETURN_IF_ERROR(store_->BeginWrite());
    absl::StatusOr<match::MatchModel> model =
        pipeline::TrainAndStoreModel(config.matching, *store_, clock_, threads_);
    absl::Status audited = model.status();
    if (model.ok()) {
      privacy::AuditTrail audit(*store_, clock_, key_path_);
      audited = audit
                    .Append({"train", "model.trained", {}, {}, 0,
                             absl::StrCat("model ", model->model_id, " by mdm train")})
                    .status();
    }
    if (!audited.ok()) {
      store_->Rollback().IgnoreError();
      return audited;
    }
    MDM_RETURN_IF_ERROR(store_->Commit());
    return Summarize(*model);
  }

  absl::StatusOr<Explanation> Explain(absl::string_view source_a, absl::string_view key_a,
                                      absl::string_view source_b,
                                      absl::string_view key_b) override {
    return pipeline::ExplainPair(*store_, source_a, key_a, source_b, key_b, threads_);
  }

  absl::StatusOr<MatchOneResult> MatchOne(const SourceRecord& record,
                                          const MatchOneOptions& options) override {
    std::shared_ptr<const pipeline::MatchOneIndex> index;
    {
      // One thread builds the index; the others wait for it, then all
      // query it at once.
      std::lock_guard<std::mutex> lock(match_one_mu_);
      if (match_one_ == nullptr) {
        MDM_ASSIGN_OR_RETURN(match_one_, pipeline::MatchOneIndex::Build(*store_, threads_));
      }
      index = match_one_;
    }
    return index->Match(record, options);
  }

  absl::StatusOr<GoldenRecord> Golden(absl::string_view golden_id) override {
    return pipeline::LookupGolden(*store_, golden_id);
  }

  absl::StatusOr<std::vector<GoldenEvent>> GoldenHistory(absl::string_view golden_id) override {
    return pipeline::LookupGoldenHistory(*store_, golden_id);
  }

  absl::StatusOr<Crosswalk> Xref(absl::string_view source,
                                 absl::string_view source_key) override {
    return pipeline::LookupCrosswalk(*store_, source, source_key);
  }

  absl::StatusOr<Evaluation> Evaluate(const TruthOptions& truth) override {
    return pipeline::EvaluateStore(*store_, truth, threads_);
  }

  mdm::Steward& Stewardship() override { return *steward_; }
  mdm::Privacy& Privacy() override { return *privacy_; }

 private:
  void DropMatchOneIndex() {
    std::lock_guard<std::mutex> lock(match_one_mu_);
    match_one_ = nullptr;
  }

  std::unique_ptr<store::Store> store_;
  const Clock& clock_;
  const int threads_;
  std::mutex match_one_mu_;
  std::shared_ptr<const pipeline::MatchOneIndex> match_one_;  // built by the first MatchOne
  const std::string key_path_;
  std::unique_ptr<mdm::Steward> steward_;
  std::unique_ptr<mdm::Privacy> privacy_;
};

// With create_if_missing, the secret key is created beside a store that
// has none, unless erased people's keys already depend on a lost one.
absl::Status EnsureKey(store::Store& store, const EngineOptions& options) {
  const std::string path = KeyPathOf(options);
  if (!options.create_if_missing || std::filesystem::exists(path)) return absl::OkStatus();
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> suppressions, store.ListSuppressions());
  if (!suppressions.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": the secret key file is missing and the store holds suppression keys made "
              "with it; restore the file (a new key would let erased people back in)"));
  }
  return privacy::CreateKeyFile(path);
}

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
  MDM_RETURN_IF_ERROR(EnsureKey(*store, options));
  return std::unique_ptr<Engine>(new EngineImpl(std::move(store), options));
}

}  // namespace mdm
