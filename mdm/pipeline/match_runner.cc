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
#include "mdm/match/blocking.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/match_stage.h"
#include "mdm/match/scorer.h"
#include "mdm/match/settings_json.h"
#include "mdm/match/training.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

// Wall time between laps, for the report's stage times.
class Stopwatch {
 public:
  double Lap() {
    const absl::Time now = absl::Now();
    const double seconds = absl::ToDoubleSeconds(now - last_);
    last_ = now;
    return seconds;
  }

 private:
  absl::Time last_ = absl::Now();
};

absl::StatusOr<std::optional<match::MatchModel>> LoadModel(store::Store& store,
                                                          absl::string_view fingerprint) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::StoredModel> stored,
                       store.LatestModel(fingerprint));
  if (!stored) return std::optional<match::MatchModel>();
  // A model stored before term frequencies were kept with models cannot
  // score as it was trained: it is trained again.
  if (stored->term_frequencies.empty()) return std::optional<match::MatchModel>();
  MDM_ASSIGN_OR_RETURN(match::MatchModel model, match::ModelFromJson(stored->model_json));
  MDM_ASSIGN_OR_RETURN(model.term_frequencies,
                       match::DecodeTermFrequencies(stored->term_frequencies));
  model.model_id = stored->model_id;
  return std::optional<match::MatchModel>(std::move(model));
}

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

store::ReviewItemRow ReviewItem(const MatchRecords& records, uint32_t a, uint32_t b,
                                double weight, absl::string_view reason) {
  store::ReviewItemRow item;
  item.record_a = records.table().record_id(a);
  item.record_b = records.table().record_id(b);
  if (item.record_a > item.record_b) std::swap(item.record_a, item.record_b);
  item.reason = std::string(reason);
  item.match_weight = weight;
  item.probability = match::ProbabilityOfWeight(weight);
  return item;
}

// Review-band pairs that clustering left apart, conflicts, and refused
// unions: one item per pair of clusters (its strongest pair), so a steward
// decides each question once; sorted by record ids.
std::vector<store::ReviewItemRow> ReviewItems(const MatchRecords& records,
                                              const match::ScoreOutput& scored,
                                              const cluster::ClusterOutput& clusters) {
  struct Candidate {
    uint32_t a, b;
    double weight;
    const char* reason;
  };
  std::vector<Candidate> candidates;
  for (const match::ScoredPair& p : scored.pairs) {
    if (p.decision != MatchDecision::kReview) continue;
    if (p.conflict_scheme >= 0) {
      candidates.push_back({p.lo, p.hi, p.weight, "identifier_conflict"});
    } else if (clusters.cluster_of[p.lo] != clusters.cluster_of[p.hi]) {
      candidates.push_back({p.lo, p.hi, p.weight, "review_band"});
    }
  }
  for (const cluster::Edge& e : clusters.refused) {
    candidates.push_back({e.a, e.b, e.weight, "cannot_link"});
  }
  // Strongest first; ties by rows, so the kept pair does not depend on order.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.weight != y.weight ? x.weight > y.weight : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  absl::flat_hash_set<std::pair<uint32_t, uint32_t>> asked;
  std::vector<store::ReviewItemRow> items;
  for (const Candidate& c : candidates) {
    uint32_t x = clusters.cluster_of[c.a], y = clusters.cluster_of[c.b];
    if (x > y) std::swap(x, y);
    // Conflicts inside one cluster are asked each; other pairs once per
    // pair of clusters.
    if (x != y && !asked.insert({x, y}).second) continue;
    items.push_back(ReviewItem(records, c.a, c.b, c.weight, c.reason));
  }
  std::sort(items.begin(), items.end(), [](const auto& x, const auto& y) {
    return std::tie(x.record_a, x.record_b) < std::tie(y.record_a, y.record_b);
  });
  return items;
}

cluster::ClusterOutput ClusterPairs(const MatchRecords& records,
                                    const match::ScoreOutput& scored,
                                    const match::CannotLink& cannot_link,
                                    const match::Comparator& comparator,
                                    const match::Scorer* scorer, double keep_apart_weight) {
  cluster::ClusterInput in;
  std::optional<match::Scorer::Bounds> bounds;
  if (scorer != nullptr) {
    bounds = scorer->Bound(comparator, records.table());
    in.distinct = [&comparator, &bounds, scorer, keep_apart_weight](uint32_t a, uint32_t b) {
      return scorer->WeighsLessThan(comparator, *bounds, a, b, keep_apart_weight);
    };
  }
  in.rows = records.size();
  in.identity.resize(in.rows);
  for (uint32_t row = 0; row < in.rows; ++row) in.identity[row] = cannot_link.Keys(row);
  for (const match::ScoredPair& p : scored.pairs) {
    if (p.decision == MatchDecision::kAutoMerge) in.merges.push_back({p.lo, p.hi, p.weight});
  }
  return cluster::Cluster(std::move(in));
}

void CountClusters(const std::vector<uint32_t>& cluster_of, MatchReport& m) {
  absl::flat_hash_map<uint32_t, int64_t> sizes;
  for (uint32_t c : cluster_of) ++sizes[c];
  m.clusters = static_cast<int64_t>(sizes.size());
  m.multi_record_clusters = std::count_if(sizes.begin(), sizes.end(),
                                          [](const auto& s) { return s.second > 1; });
}

}  // namespace

absl::StatusOr<MatchingConfig> LatestRunSetting(store::Store& store) {
  MDM_ASSIGN_OR_RETURN(std::optional<std::string> json, store.LatestRunMatching());
  if (!json) return DefaultMatchingConfig();
  return match::MatchingConfigFromJson(*json);
}

absl::StatusOr<MatchOutcome> RunMatching(const MatchingConfig& config, store::Store& store,
                                         const Clock& clock, int threads, RunReport& report) {
  Stopwatch watch;
  MatchReport& m = report.match;
  MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecords(store, true, threads));
  MDM_RETURN_IF_ERROR(store.SetRunMatching(report.run_id, match::MatchingConfigToJson(config)));
  m.records = records.size();
  MDM_ASSIGN_OR_RETURN(std::optional<match::MatchModel> model,
                       LoadModel(store, match::ComparisonsFingerprint(config.comparisons)));
  if (model) match::ApplyTermFrequencies(model->term_frequencies, records.table());
  report.stage_seconds["load_keys"] = watch.Lap();

  match::Comparator comparator(config.comparisons, records.table(), match::DefaultNicknames());
  match::Blocker blocker(records.table(), config.blocking_rules, config.max_block_size,
                         threads);
  if (!model) {
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
  }
  report.stage_seconds["block_train"] = watch.Lap();

  match::ScoreOutput scored;
  match::CannotLink cannot_link(records.table(), config.cannot_link_schemes);
  std::optional<match::Scorer> scorer;
  if (model) {
    m.ran = true;
    m.model_id = model->model_id;
    scorer.emplace(*model, config.auto_merge, config.review);
    comparator.PrioritizeBy(scorer->MaxContributions(comparator, records.table()));
    scored = match::ScoreCandidates(blocker, records.table(), comparator, *scorer, cannot_link,
                                    threads);
    CopyBlockingReport(blocker.report(), m);
    m.auto_merge_pairs = scored.auto_merge;
    m.review_pairs = scored.review;
    m.distinct_pairs = scored.distinct;
    m.conflict_pairs = scored.conflicts;
  }
  report.stage_seconds["score"] = watch.Lap();

  cluster::ClusterOutput clusters =
      ClusterPairs(records, scored, cannot_link, comparator, scorer ? &*scorer : nullptr,
                   config.keep_apart_weight);
  m.refused_unions = static_cast<int64_t>(clusters.refused.size());
  CountClusters(clusters.cluster_of, m);
  report.stage_seconds["cluster"] = watch.Lap();

  std::vector<store::ReviewItemRow> items = ReviewItems(records, scored, clusters);
  MDM_RETURN_IF_ERROR(store.ReplaceOpenReviewItems(report.run_id, items));
  m.review_items = static_cast<int64_t>(items.size());
  absl::flat_hash_set<int64_t> in_review;
  for (const store::ReviewItemRow& item : items) {
    in_review.insert(item.record_a);
    in_review.insert(item.record_b);
  }
  m.records_in_review = static_cast<int64_t>(in_review.size());
  report.stage_seconds["persist_matches"] = watch.Lap();
  return MatchOutcome{std::move(records), std::move(clusters.cluster_of)};
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

absl::StatusOr<Explanation> ExplainPair(store::Store& store, absl::string_view source_a,
                                        absl::string_view key_a, absl::string_view source_b,
                                        absl::string_view key_b, int threads) {
  MDM_ASSIGN_OR_RETURN(MatchingConfig setting, LatestRunSetting(store));
  MDM_ASSIGN_OR_RETURN(std::optional<match::MatchModel> model,
                       LoadModel(store, match::ComparisonsFingerprint(setting.comparisons)));
  if (!model) {
    MDM_ASSIGN_OR_RETURN(model, LoadModel(store, ""));
  }
  if (!model) {
    return absl::FailedPreconditionError(
        "explain: the store has no match model yet (run `mdm run` or `mdm train`)");
  }
  MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecords(store, false, threads));
  const std::optional<uint32_t> a = records.Find(source_a, key_a);
  const std::optional<uint32_t> b = records.Find(source_b, key_b);
  for (const auto& [row, source, key] :
       {std::tuple(a, source_a, key_a), std::tuple(b, source_b, key_b)}) {
    if (!row) {
      return absl::NotFoundError(absl::StrCat("explain: no record ", source, ":", key));
    }
  }
  const std::vector<ComparisonConfig> comparisons = model->ComparisonConfigs();
  match::ApplyTermFrequencies(model->term_frequencies, records.table());
  match::Comparator comparator(comparisons, records.table(), match::DefaultNicknames());
  match::Scorer scorer(*model, setting.auto_merge, setting.review);
  Explanation e = scorer.Explain(comparator, records.table(), *a, *b);
  e.record_a = records.Name(*a);
  e.record_b = records.Name(*b);
  match::CannotLink cannot_link(records.table(), setting.cannot_link_schemes);
  const int conflict = cannot_link.Conflict(*a, *b);
  if (conflict >= 0) {
    e.cannot_link_scheme = records.table().schemes()[conflict];
    if (e.decision == MatchDecision::kAutoMerge) e.decision = MatchDecision::kReview;
  }
  match::Blocker blocker(records.table(), setting.blocking_rules, setting.max_block_size,
                         threads);
  if (std::optional<int> rule = blocker.PairingRule(*a, *b)) {
    e.blocking_rule = setting.blocking_rules[*rule].name;
  }
  return e;
}

}  // namespace mdm::pipeline
