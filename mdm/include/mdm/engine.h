// SPDX-License-Identifier: Apache-2.0
// File: mdm/engine.h
//
// Start here. mdm::Engine is the library's front door: it opens a store,
// runs batches of source files through the pipeline
// (read -> map -> validate -> normalize -> persist -> block -> score ->
// cluster) and answers questions about what the store holds.
//
// OPENING
//
//   mdm::EngineOptions options;
//   options.db_path = "mdm.db";
//   options.create_if_missing = true;          // what `mdm init` does
//   absl::StatusOr<std::unique_ptr<mdm::Engine>> engine = mdm::Engine::Open(options);
//
// RUNNING A BATCH
//
//   absl::StatusOr<mdm::Config> config = mdm::LoadConfig("mdm.yaml");
//   absl::StatusOr<mdm::RunReport> report = (*engine)->Run(*config, {});
//   // report->totals.rows_read == accepted + rejected + duplicates + suppressed
//
// A run is one transaction: if it fails or the process dies, the store is
// exactly as before. A file whose content was loaded before is skipped. Bad
// rows are not errors: they are counted, stored with file, line, field and
// reason, and the run goes on. A non-OK status means the run itself failed.
//
// MATCHING
//
// A run matches the records it loaded: blocking rules give candidate
// pairs, a Fellegi-Sunter model scores them, pairs above the auto-merge band
// are clustered (never across two different valid identifiers of one
// cannot-link scheme) and pairs in the review band become review items.
// When the model and setting are those of the last run, only new, changed
// and deleted records are matched and the clusters they touch recomputed
// (the result equals matching everything, which RunOptions::full_rematch
// forces). A run trains the model itself when the store has none for the
// configured comparisons; Train() trains a new version on demand.
//
// GOLDEN RECORDS
//
// Each cluster becomes a golden record with a stable id (golden.h), its
// values chosen by the survivorship policies of the config:
//
//   absl::StatusOr<mdm::Crosswalk> x = (*engine)->Xref("crm_fr", "A-1042");
//   absl::StatusOr<mdm::GoldenRecord> g = (*engine)->Golden(x->golden_id);
//
// MATCHING ONE RECORD
//
//   absl::StatusOr<mdm::MatchOneResult> m = (*engine)->MatchOne(record, {});
//   // m->candidates: golden ids with probabilities and explanations
//
//   absl::StatusOr<mdm::ModelSummary> model = (*engine)->Train(*config);
//   absl::StatusOr<mdm::Explanation> why =
//       (*engine)->Explain("crm_fr", "A-1042", "medinfo", "INQ-77");
//
// STEWARDSHIP
//
// Review queue, decisions that bind later runs, splits, merges, pinned
// values, change requests and users: Stewardship() (mdm/steward.h).
//
// INSPECTING
//
//   Files("crm_fr"), Issues({...}), Record("crm_fr", "A-1042"), Runs(10).
//
// Errors are absl::Status values; no exception crosses this interface.
// Thread-safety: an Engine is used by one thread at a time, except MatchOne,
// which any number of threads may call at once while no other method runs.
#ifndef MDM_ENGINE_H_
#define MDM_ENGINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/clock.h"
#include "mdm/config.h"
#include "mdm/evaluation.h"
#include "mdm/explanation.h"
#include "mdm/golden.h"
#include "mdm/match_one.h"
#include "mdm/model_summary.h"
#include "mdm/privacy.h"
#include "mdm/progress.h"
#include "mdm/run_report.h"
#include "mdm/steward.h"
#include "mdm/stored.h"

namespace mdm {

struct EngineOptions {
  // Path of the SQLite store file. Required.
  std::string db_path;
  // Create and initialize the store when the file does not exist.
  // Default: false (a mistyped path is an error, not a new empty store).
  bool create_if_missing = false;
  // Worker threads for normalization. Default: 0 = one per core.
  int threads = 0;
  // Source of time. Default: the system clock. Must outlive the engine.
  const Clock* clock = &Clock::Real();
  // The store's secret key file (mdm/privacy.h: suppression keys of erased
  // people are HMACs under it), kept outside the store. Default: "" =
  // db_path + ".key". With create_if_missing, a missing key file is created,
  // unless the store already holds suppression keys (FailedPrecondition:
  // a new key would not recognise them; restore the old file).
  std::string key_path{};
};

struct RunOptions {
  // Do everything, report it, then roll back: the store is left untouched.
  bool dry_run = false;
  // Load and normalize only; clusters stay as they were until a run that
  // matches (several deliveries can be loaded first and matched once).
  // Default: false.
  bool skip_matching = false;
  // Match every record again instead of what changed since the last run
  // (a new model or setting does so anyway). Default: false.
  bool full_rematch = false;
  // Called after each file (from the calling thread), e.g. to show progress.
  std::function<void(const FileReport&)> on_file_done;
  // Called as the long stages advance (mdm/progress.h lists them), at most
  // about every 100 ms per stage besides each stage's first and last call.
  // Always called from the thread that called Run(), never concurrently,
  // also while worker threads do the stage's work; a slow callback slows
  // the run. Default: empty (no progress is tracked, nothing is timed).
  std::function<void(const Progress&)> on_progress;
};

class Engine {
 public:
  // Opens the store at options.db_path, applying any pending schema
  // migrations. NotFound when the file is missing and !create_if_missing;
  // DataLoss when it is not a store; FailedPrecondition when it was written
  // by a newer mdm; InvalidArgument when db_path is empty.
  static absl::StatusOr<std::unique_ptr<Engine>> Open(const EngineOptions& options);

  virtual ~Engine() = default;

  // Loads every source of `config` into the store in one transaction and
  // returns what happened. NotFound when a configured file (not a glob) does
  // not exist, checked before anything is written; Unavailable when another
  // process holds the store; other codes when the store fails (the run is
  // rolled back).
  virtual absl::StatusOr<RunReport> Run(const Config& config,
                                        const RunOptions& options) = 0;

  // Loaded files in load order; `source` empty = all sources.
  virtual absl::StatusOr<std::vector<LoadedFile>> Files(absl::string_view source) = 0;

  // Rejected rows (and warnings when asked), oldest first.
  virtual absl::StatusOr<std::vector<StoredIssue>> Issues(const IssueQuery& query) = 0;

  // The current version of a source record with its history. NotFound when
  // the source has no record with that key.
  virtual absl::StatusOr<StoredRecord> Record(absl::string_view source,
                                              absl::string_view source_key) = 0;

  // The most recent runs, newest first.
  virtual absl::StatusOr<std::vector<RunSummary>> Runs(int64_t limit) = 0;

  // Trains a new version of the match model on the store's current records
  // with config.matching (u by random sampling, m by EM) and stores it; later
  // runs with the same comparisons use it. FailedPrecondition when there are
  // fewer than two records or no candidate pair; Unavailable when another
  // process holds the store.
  virtual absl::StatusOr<ModelSummary> Train(const Config& config) = 0;

  // Why the engine decides what it does about two current records: the
  // waterfall under the setting and model of the newest run. NotFound for an
  // unknown record; FailedPrecondition when no model exists yet.
  virtual absl::StatusOr<Explanation> Explain(absl::string_view source_a,
                                              absl::string_view key_a,
                                              absl::string_view source_b,
                                              absl::string_view key_b) = 0;

  // The golden record `golden_id` with its values, lineage and members; a
  // merged or retired id answers too, with its last content (status and
  // merged_into tell). NotFound for an id never issued.
  virtual absl::StatusOr<GoldenRecord> Golden(absl::string_view golden_id) = 0;

  // Every change to golden record `golden_id`, oldest first. NotFound for an
  // id never issued.
  virtual absl::StatusOr<std::vector<GoldenEvent>> GoldenHistory(
      absl::string_view golden_id) = 0;

  // The golden record source record (source, key) belongs to now, merges
  // followed; also for a deleted record (its last golden record).
  // NotFound for an unknown key; FailedPrecondition for a record no run has
  // matched yet (loaded with --load-only).
  virtual absl::StatusOr<Crosswalk> Xref(absl::string_view source,
                                         absl::string_view source_key) = 0;

  // The golden records `record` would join or come close to, best first,
  // with the probability and explanation of its best pair with each; the
  // store is not written. The record is normalized as in a run (fill the
  // display fields: name, phones' raw, e-mails' raw, identifiers, ...). The
  // first call builds an in-memory index of the store (seconds for a
  // million records, memory about that of a matching run); later calls
  // answer from it in well under a millisecond. The index is rebuilt after
  // Run() or Train() on this engine; runs by other processes are not seen
  // until the engine is opened again. FailedPrecondition when no run has matched
  // yet; InvalidArgument when the record has neither a family name nor a
  // national identifier, or for options out of range.
  virtual absl::StatusOr<MatchOneResult> MatchOne(const SourceRecord& record,
                                                  const MatchOneOptions& options) = 0;

  // Measures the store's clusters, blocking and review queue against a
  // ground truth. NotFound when the truth file cannot be read;
  // InvalidArgument when it is malformed (the message names file, line and
  // column).
  virtual absl::StatusOr<Evaluation> Evaluate(const TruthOptions& truth) = 0;

  // The data steward's operations on this engine's store (mdm/steward.h).
  // Lives as long as the engine.
  virtual mdm::Steward& Stewardship() = 0;

  // The privacy officer's operations: audit trail and GDPR rights
  // (mdm/privacy.h). Lives as long as the engine.
  virtual mdm::Privacy& Privacy() = 0;
};

}  // namespace mdm

#endif  // MDM_ENGINE_H_
