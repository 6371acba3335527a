// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/match_runner.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "mdm/base/iso_time.h"
#include "mdm/cluster/clusterer.h"
#include "mdm/cluster/review_queue.h"
#include "mdm/match/blocking.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/match_stage.h"
#include "mdm/match/scorer.h"
#include "mdm/match/settings_json.h"
#include "mdm/match/training.h"
#include "mdm/pipeline/delta_matching.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/pipeline/match_support.h"
#include "mdm/pipeline/restricted_records.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

absl::StatusOr<match::MatchModel> TrainAndStore(const MatchingConfig& config,
                                                store::Store& store, const Clock& clock,
                                                int64_t run_id, MatchRecords& records,
                                                match::Blocker& blocker,
                                                const match::Comparator& comparator,
                                                int threads) {
  match::TermFrequencies frequencies = match::CountTermFrequencies(
      records.table(), match::TermFrequencySlots(config.comparisons), threads);
  match::ApplyTermFrequencies(frequencies, records.table());
  MDM_ASSIGN_OR_RETURN(match::MatchModel model,
                       match::TrainModel(records.table(), blocker, comparator, config, threads));
  model.created_at = base::IsoUtc(clock.Now());
  model.term_frequencies = std::move(frequencies);
  MDM_ASSIGN_OR_RETURN(model.model_id,
                       store.AddModel(model.created_at, run_id, model.fingerprint,
                                      match::ModelToJson(model),
                                      match::EncodeTermFrequencies(model.term_frequencies)));
  return model;
}

void CopyBlockingReport(const match::BlockingReport& from, MatchReport& to) {
  to.candidate_pairs = from.candidate_pairs;
  to.reduction_ratio = from.reduction_ratio;
  to.rules.clear();
  for (const match::RuleReport& r : from.rules) {
    to.rules.push_back({r.rule, r.pairs, r.blocks, r.largest_block, r.capped_blocks,
                        r.cut_pairs});
  }
}

// Review-band pairs that clustering left apart, conflicts, and refused
// unions, as cluster/review_queue.h selects them; rows rank in (source,
// key) order.
std::vector<store::ReviewItemRow> ReviewItems(const MatchRecords& records,
                                              const match::ScoreOutput& scored,
                                              const cluster::ClusterOutput& clusters,
                                              const std::vector<store::StewardLink>& links) {
  const match::FeatureTable& t = records.table();
  std::vector<int64_t> size(t.size(), 0);
  for (uint32_t c : clusters.cluster_of) ++size[c];
  std::vector<cluster::ReviewCandidate> candidates;
  auto add = [&](uint32_t a, uint32_t b, double weight, const char* reason) {
    const uint32_t ca = clusters.cluster_of[a], cb = clusters.cluster_of[b];
    candidates.push_back({t.record_id(a), t.record_id(b), a, b, ca, cb, weight, reason,
                          size[ca], size[cb]});
  };
  for (const match::ScoredPair& p : scored.pairs) {
    if (p.decision != MatchDecision::kReview) continue;
    if (p.conflict_scheme >= 0) {
      add(p.lo, p.hi, p.weight, "identifier_conflict");
    } else if (clusters.cluster_of[p.lo] != clusters.cluster_of[p.hi]) {
      add(p.lo, p.hi, p.weight, "review_band");
    }
  }
  for (const cluster::Edge& e : clusters.refused) add(e.a, e.b, e.weight, "cannot_link");
  // Every record is a row here; a deleted record's links answer nothing.
  absl::flat_hash_map<int64_t, uint64_t> cluster_of_linked;
  for (int64_t id : LinkedRecords(links)) cluster_of_linked[id] = ~uint64_t{0};
  for (uint32_t row = 0; row < t.size(); ++row) {
    auto it = cluster_of_linked.find(t.record_id(row));
    if (it != cluster_of_linked.end()) it->second = clusters.cluster_of[row];
  }
  const cluster::Answered answered =
      AnsweredBy(links, [&](int64_t id) { return cluster_of_linked[id]; });
  std::vector<store::ReviewItemRow> items;
  for (const cluster::ReviewCandidate& c :
       cluster::SelectReviewItems(std::move(candidates), answered)) {
    items.push_back(ToReviewRow(c));
  }
  return items;
}

// Every record's blocking keys and scored edges, for the next delta run.
absl::Status PersistMatchState(store::Store& store, const MatchRecords& records,
                               const match::Blocker& blocker,
                               const match::ScoreOutput& scored, int threads,
                               base::ProgressReporter& progress) {
  const match::FeatureTable& t = records.table();
  const uint32_t rows = t.size();
  // Every row's keys and edges side by side (two passes: count, then
  // fill), not a million small vectors.
  std::vector<uint64_t> key_start(rows + 1, 0), edge_start(rows + 1, 0);
  blocker.ForEachRowKey([&](uint32_t row, int, uint64_t) { ++key_start[row + 1]; });
  for (const match::ScoredPair& p : scored.pairs) {
    ++edge_start[p.lo + 1];
    ++edge_start[p.hi + 1];
  }
  for (uint32_t row = 0; row < rows; ++row) {
    key_start[row + 1] += key_start[row];
    edge_start[row + 1] += edge_start[row];
  }
  std::vector<match::RuleKey> keys(key_start[rows]);
  std::vector<match::StoredEdge> edges(edge_start[rows]);
  std::vector<uint64_t> key_fill(key_start.begin(), key_start.end() - 1);
  std::vector<uint64_t> edge_fill(edge_start.begin(), edge_start.end() - 1);
  blocker.ForEachRowKey([&](uint32_t row, int rule, uint64_t key) {
    keys[key_fill[row]++] = {static_cast<uint32_t>(rule), key};
  });
  for (const match::ScoredPair& p : scored.pairs) {
    const match::EdgeKind kind = EdgeKindOf(p.decision, p.conflict_scheme >= 0);
    edges[edge_fill[p.lo]++] = {t.record_id(p.hi), p.weight, kind};
    edges[edge_fill[p.hi]++] = {t.record_id(p.lo), p.weight, kind};
  }
  // Rows in record id order: the table's key order, cheapest to insert.
  std::vector<uint32_t> order(rows);
  for (uint32_t row = 0; row < rows; ++row) order[row] = row;
  std::sort(order.begin(), order.end(),
            [&t](uint32_t a, uint32_t b) { return t.record_id(a) < t.record_id(b); });
  // Encoded on every thread, written by this one, a batch at a time.
  MDM_RETURN_IF_ERROR(store.ClearMatchState());
  constexpr uint32_t kBatch = 1 << 16;
  const uint32_t parts = static_cast<uint32_t>(std::max(1, threads));
  std::vector<std::pair<std::string, std::string>> blobs(std::min(rows, kBatch));
  for (uint32_t begin = 0; begin < rows; begin += kBatch) {
    const uint32_t end = std::min(rows, begin + kBatch);
    auto encode = [&](uint32_t part) {
      for (uint32_t i = begin + part; i < end; i += parts) {
        const uint32_t row = order[i];
        blobs[i - begin] = {
            match::EncodeRuleKeys(absl::MakeConstSpan(keys).subspan(
                key_start[row], key_start[row + 1] - key_start[row])),
            match::EncodeEdges(absl::MakeConstSpan(edges).subspan(
                edge_start[row], edge_start[row + 1] - edge_start[row]))};
      }
    };
    std::vector<std::thread> workers;
    for (uint32_t part = 1; part < parts; ++part) workers.emplace_back(encode, part);
    encode(0);
    for (std::thread& w : workers) w.join();
    for (uint32_t i = begin; i < end; ++i) {
      const auto& [key_blob, edge_blob] = blobs[i - begin];
      MDM_RETURN_IF_ERROR(store.PutMatchState(t.record_id(order[i]), key_blob, edge_blob));
      progress.Advance(1);
    }
  }
  return absl::OkStatus();
}

void CountClusters(const std::vector<uint32_t>& cluster_of, MatchReport& m) {
  absl::flat_hash_map<uint32_t, int64_t> sizes;
  for (uint32_t c : cluster_of) ++sizes[c];
  m.clusters = static_cast<int64_t>(sizes.size());
  m.multi_record_clusters = std::count_if(sizes.begin(), sizes.end(),
                                          [](const auto& s) { return s.second > 1; });
}

// Matches every current record and replaces the match state.
absl::StatusOr<GoldenScope> RunFullMatching(const MatchingConfig& config,
                                            std::optional<match::MatchModel> model,
                                            store::Store& store, const Clock& clock,
                                            int threads, RunReport& report,
                                            const base::ProgressFn* on_progress) {
  Stopwatch watch;
  MatchReport& m = report.match;
  MDM_ASSIGN_OR_RETURN(MatchRecords records,
                       LoadMatchRecords(store, true, threads, on_progress));
  MDM_RETURN_IF_ERROR(store.SetRunMatching(report.run_id, match::MatchingConfigToJson(config)));
  m.records = records.size();
  if (model) match::ApplyTermFrequencies(model->term_frequencies, records.table());
  report.stage_seconds["load_keys"] = watch.Lap();

  match::Comparator comparator(config.comparisons, records.table(), match::DefaultNicknames());
  base::ProgressReporter block_progress(on_progress, "block", "", 0);
  match::Blocker blocker(records.table(), config.blocking_rules, config.max_block_size,
                         threads);
  block_progress.Finish();
  if (!model) {
    base::ProgressReporter train_progress(on_progress, "train", "", 0);
    absl::StatusOr<match::MatchModel> trained = TrainAndStore(
        config, store, clock, report.run_id, records, blocker, comparator, threads);
    if (trained.ok()) {
      model = std::move(*trained);
      m.model_trained = true;
    } else if (trained.status().code() == absl::StatusCode::kFailedPrecondition) {
      m.skipped_reason = std::string(trained.status().message());
    } else {
      return trained.status();
    }
    train_progress.Finish();
  }
  report.stage_seconds["block_train"] = watch.Lap();

  match::ScoreOutput scored;
  match::CannotLink cannot_link(records.table(), config.cannot_link_schemes);
  std::optional<match::Scorer> scorer;
  if (model) {
    m.ran = true;
    m.model_id = model->model_id;
    MDM_RETURN_IF_ERROR(store.SetRunModel(report.run_id, model->model_id));
    scorer.emplace(*model, config.auto_merge, config.review);
    comparator.PrioritizeBy(scorer->MaxContributions(comparator, records.table()));
    base::ProgressReporter score_progress(on_progress, "score", "blocks",
                                          blocker.block_count());
    scored = match::ScoreCandidates(blocker, records.table(), comparator, *scorer, cannot_link,
                                    threads, nullptr, &score_progress);
    score_progress.Finish();
    CopyBlockingReport(blocker.report(), m);
    m.auto_merge_pairs = scored.auto_merge;
    m.review_pairs = scored.review;
    m.distinct_pairs = scored.distinct;
    m.conflict_pairs = scored.conflicts;
  }
  report.stage_seconds["score"] = watch.Lap();

  base::ProgressReporter cluster_progress(on_progress, "cluster", "", 0);
  std::vector<cluster::Edge> merges;
  for (const match::ScoredPair& p : scored.pairs) {
    if (p.decision == MatchDecision::kAutoMerge) merges.push_back({p.lo, p.hi, p.weight});
  }
  MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> links, store.ListStewardLinks());
  RowLinks row_links = LinksOnRows(links, records.table());
  MDM_ASSIGN_OR_RETURN(RestrictedRecords restricted, LoadRestrictedRecords(store));
  FreezeRestricted(restricted, records.table(), row_links);
  cluster::ClusterOutput clusters =
      ClusterEdges(records.table(), std::move(merges), cannot_link, comparator,
                   scorer ? &*scorer : nullptr, config.keep_apart_weight, std::move(row_links));
  cluster_progress.Finish();
  m.refused_unions = static_cast<int64_t>(clusters.refused.size());
  CountClusters(clusters.cluster_of, m);
  report.stage_seconds["cluster"] = watch.Lap();

  std::vector<store::ReviewItemRow> items = ReviewItems(records, scored, clusters, links);
  MDM_RETURN_IF_ERROR(store.ReplaceOpenReviewItems(report.run_id, items, nullptr));
  m.review_items = static_cast<int64_t>(items.size());
  absl::flat_hash_set<int64_t> in_review;
  for (const store::ReviewItemRow& item : items) {
    in_review.insert(item.record_a);
    in_review.insert(item.record_b);
  }
  m.records_in_review = static_cast<int64_t>(in_review.size());
  if (model) {
    base::ProgressReporter persist_progress(on_progress, "persist_matches", "records",
                                            records.size());
    MDM_RETURN_IF_ERROR(PersistMatchState(store, records, blocker, scored, threads, persist_progress));
    persist_progress.Finish();
  }
  report.stage_seconds["persist_matches"] = watch.Lap();

  GoldenScope scope;
  scope.complete = true;
  for (uint32_t row = 0; row < records.size(); ++row) {
    scope.record_id.push_back(records.table().record_id(row));
    scope.ref.push_back(records.Name(row));
  }
  scope.cluster_of = std::move(clusters.cluster_of);
  return scope;
}

}  // namespace

absl::StatusOr<MatchingConfig> LatestRunSetting(store::Store& store) {
  MDM_ASSIGN_OR_RETURN(std::optional<std::string> json, store.LatestRunMatching());
  if (!json) return DefaultMatchingConfig();
  return match::MatchingConfigFromJson(*json);
}

absl::StatusOr<GoldenScope> RunMatching(const MatchingConfig& config, store::Store& store,
                                        const Clock& clock, int threads, bool full,
                                        RunReport& report,
                                        const base::ProgressFn* on_progress) {
  const std::string setting = match::MatchingConfigToJson(config);
  MDM_ASSIGN_OR_RETURN(std::optional<match::MatchModel> model,
                       LoadModel(store, match::ComparisonsFingerprint(config.comparisons)));
  MDM_ASSIGN_OR_RETURN(std::optional<std::string> last_setting, store.LatestRunMatching());
  MDM_ASSIGN_OR_RETURN(int64_t last_model, store.LatestRunModel());
  // A delta run scores what changed with the model and setting of the last
  // run; anything else needs every pair scored again.
  if (!full && model && last_setting == setting && last_model == model->model_id) {
    MDM_RETURN_IF_ERROR(store.SetRunMatching(report.run_id, setting));
    MDM_RETURN_IF_ERROR(store.SetRunModel(report.run_id, model->model_id));
    return RunDeltaMatching(config, *model, store, threads, report, on_progress);
  }
  return RunFullMatching(config, std::move(model), store, clock, threads, report,
                         on_progress);
}

absl::StatusOr<ScoringSetting> LatestScoringSetting(store::Store& store,
                                                    absl::string_view command) {
  MDM_ASSIGN_OR_RETURN(MatchingConfig setting, LatestRunSetting(store));
  MDM_ASSIGN_OR_RETURN(std::optional<match::MatchModel> model,
                       LoadModel(store, match::ComparisonsFingerprint(setting.comparisons)));
  if (!model) {
    MDM_ASSIGN_OR_RETURN(model, LoadModel(store, ""));
  }
  if (!model) {
    return absl::FailedPreconditionError(absl::StrCat(
        command, ": the store has no match model yet (run `mdm run` or `mdm train`)"));
  }
  return ScoringSetting{std::move(setting), *std::move(model)};
}

absl::StatusOr<match::MatchModel> TrainAndStoreModel(const MatchingConfig& config,
                                                     store::Store& store, const Clock& clock,
                                                     int threads) {
  MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecords(store, true, threads));
  match::Comparator comparator(config.comparisons, records.table(), match::DefaultNicknames());
  match::Blocker blocker(records.table(), config.blocking_rules, config.max_block_size,
                         threads);
  return TrainAndStore(config, store, clock, /*run_id=*/0, records, blocker, comparator,
                       threads);
}

namespace {

// The waterfall of rows a and b of `records` under `scoring`; the blocking
// rule as `blocker` pairs them.
Explanation ExplainRows(const ScoringSetting& scoring, MatchRecords& records, uint32_t a,
                        uint32_t b, const match::Blocker& blocker) {
  const MatchingConfig& setting = scoring.setting;
  const match::MatchModel& model = scoring.model;
  const std::vector<ComparisonConfig> comparisons = model.ComparisonConfigs();
  match::ApplyTermFrequencies(model.term_frequencies, records.table());
  match::Comparator comparator(comparisons, records.table(), match::DefaultNicknames());
  match::Scorer scorer(model, setting.auto_merge, setting.review);
  Explanation e = scorer.Explain(comparator, records.table(), a, b);
  e.record_a = records.Name(a);
  e.record_b = records.Name(b);
  match::CannotLink cannot_link(records.table(), setting.cannot_link_schemes);
  const int conflict = cannot_link.Conflict(a, b);
  if (conflict >= 0) {
    e.cannot_link_scheme = records.table().schemes()[conflict];
    if (e.decision == MatchDecision::kAutoMerge) e.decision = MatchDecision::kReview;
  }
  if (std::optional<int> rule = blocker.PairingRule(a, b)) {
    e.blocking_rule = setting.blocking_rules[*rule].name;
  }
  return e;
}

}  // namespace

absl::StatusOr<Explanation> ExplainPair(store::Store& store, absl::string_view source_a,
                                        absl::string_view key_a, absl::string_view source_b,
                                        absl::string_view key_b, int threads) {
  MDM_ASSIGN_OR_RETURN(ScoringSetting scoring, LatestScoringSetting(store, "explain"));
  MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecords(store, false, threads));
  const std::optional<uint32_t> a = records.Find(source_a, key_a);
  const std::optional<uint32_t> b = records.Find(source_b, key_b);
  for (const auto& [row, source, key] :
       {std::tuple(a, source_a, key_a), std::tuple(b, source_b, key_b)}) {
    if (!row) {
      return absl::NotFoundError(absl::StrCat("explain: no record ", source, ":", key));
    }
  }
  // Every record is in the table: block caps apply as in a run.
  match::Blocker blocker(records.table(), scoring.setting.blocking_rules,
                         scoring.setting.max_block_size, threads);
  return ExplainRows(scoring, records, *a, *b, blocker);
}

absl::StatusOr<Explanation> ExplainStoredPair(store::Store& store, int64_t record_a,
                                              int64_t record_b) {
  MDM_ASSIGN_OR_RETURN(ScoringSetting scoring, LatestScoringSetting(store, "explain"));
  MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecordsById(store, {record_a, record_b}));
  if (records.size() != 2) {
    return absl::NotFoundError(absl::StrCat("explain: record ", record_a, " or ", record_b,
                                            " is deleted or unknown"));
  }
  const uint32_t a = records.table().record_id(0) == record_a ? 0 : 1;
  // Two rows cannot tell a block's size over the store: no cap applies.
  match::Blocker blocker(records.table(), scoring.setting.blocking_rules,
                         scoring.setting.max_block_size, 1,
                         [](int, uint64_t) { return int64_t{2}; });
  return ExplainRows(scoring, records, a, 1 - a, blocker);
}

}  // namespace mdm::pipeline
