// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/evaluate_runner.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "mdm/evaluate/cluster_metrics.h"
#include "mdm/evaluate/truth_reader.h"
#include "mdm/match/blocking.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/pipeline/match_runner.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

constexpr int64_t kNoEntity = -1;

// Per row, the interned entity of its truth row, or kNoEntity. A record
// given two entities is refused whether or not the store holds it.
absl::StatusOr<std::vector<int64_t>> EntityOfRows(const MatchRecords& records,
                                                  const std::vector<evaluate::TruthRow>& truth,
                                                  const std::string& path,
                                                  int64_t* not_loaded) {
  std::vector<int64_t> entity(records.size(), kNoEntity);
  absl::flat_hash_map<std::string, int64_t> ids;
  absl::flat_hash_map<std::pair<std::string, std::string>, int64_t> seen;
  for (const evaluate::TruthRow& t : truth) {
    if (t.key.empty()) {  // a row no run could load (a bad row's truth)
      ++*not_loaded;
      continue;
    }
    const int64_t id = ids.emplace(t.entity, static_cast<int64_t>(ids.size())).first->second;
    auto [it, fresh] = seen.emplace(std::make_pair(t.source, t.key), id);
    if (!fresh && it->second != id) {
      return absl::InvalidArgumentError(absl::StrCat(
          "truth ", path, ":", t.line, ": record ", t.source, ":", t.key,
          " already has another entity"));
    }
    std::optional<uint32_t> row = records.Find(t.source, t.key);
    if (!row) {
      if (fresh) ++*not_loaded;
      continue;
    }
    entity[*row] = id;
  }
  return entity;
}

// True pairs (rows of one entity) that some blocking rule compares.
int64_t CandidateTruePairs(const MatchRecords& records, const std::vector<int64_t>& entity,
                           const MatchingConfig& setting, int threads) {
  match::Blocker blocker(records.table(), setting.blocking_rules, setting.max_block_size,
                         threads);
  absl::flat_hash_map<int64_t, std::vector<uint32_t>> rows_of;
  for (uint32_t row = 0; row < records.size(); ++row) {
    if (entity[row] != kNoEntity) rows_of[entity[row]].push_back(row);
  }
  int64_t found = 0;
  for (const auto& [id, rows] : rows_of) {
    for (size_t i = 0; i < rows.size(); ++i) {
      for (size_t j = i + 1; j < rows.size(); ++j) {
        if (blocker.PairingRule(rows[i], rows[j])) ++found;
      }
    }
  }
  return found;
}

}  // namespace

absl::StatusOr<Evaluation> EvaluateStore(store::Store& store, const TruthOptions& options,
                                         int threads) {
  MDM_ASSIGN_OR_RETURN(std::vector<evaluate::TruthRow> truth, evaluate::ReadTruth(options));
  MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecords(store, false, threads));
  Evaluation e;
  MDM_ASSIGN_OR_RETURN(std::vector<int64_t> entity,
                       EntityOfRows(records, truth, options.path, &e.truth_rows_not_loaded));
  MDM_ASSIGN_OR_RETURN(std::vector<store::ClusterAssignment> stored, store.ListClusters());
  absl::flat_hash_map<int64_t, int64_t> cluster_of;
  for (const store::ClusterAssignment& c : stored) cluster_of[c.record_id] = c.cluster_id;

  std::vector<int64_t> predicted, actual;
  for (uint32_t row = 0; row < records.size(); ++row) {
    if (entity[row] == kNoEntity) {
      ++e.records_without_truth;
      continue;
    }
    const int64_t record_id = records.table().record_id(row);
    auto it = cluster_of.find(record_id);
    predicted.push_back(it == cluster_of.end() ? record_id : it->second);
    actual.push_back(entity[row]);
  }
  const evaluate::ClusterMetrics m = evaluate::CompareClusterings(predicted, actual);
  e.records = m.items;
  e.true_entities = m.true_clusters;
  e.predicted_clusters = m.predicted_clusters;
  e.true_pairs = m.true_pairs;
  e.predicted_pairs = m.predicted_pairs;
  e.correct_pairs = m.correct_pairs;
  e.precision = m.precision;
  e.recall = m.recall;
  e.f1 = m.f1;
  e.bcubed_precision = m.bcubed_precision;
  e.bcubed_recall = m.bcubed_recall;
  e.bcubed_f1 = m.bcubed_f1;

  MDM_ASSIGN_OR_RETURN(MatchingConfig setting, LatestRunSetting(store));
  e.candidate_true_pairs = CandidateTruePairs(records, entity, setting, threads);
  e.blocking_recall = e.true_pairs > 0 ? static_cast<double>(e.candidate_true_pairs) /
                                             static_cast<double>(e.true_pairs)
                                       : 1.0;

  MDM_ASSIGN_OR_RETURN(std::vector<store::ReviewItemRow> items,
                       store.ListReviewItems("open", INT64_MAX));
  absl::flat_hash_set<int64_t> in_review;
  for (const store::ReviewItemRow& item : items) {
    in_review.insert(item.record_a);
    in_review.insert(item.record_b);
  }
  e.review_items = static_cast<int64_t>(items.size());
  e.records_in_review = static_cast<int64_t>(in_review.size());
  e.review_share = records.size() > 0 ? static_cast<double>(e.records_in_review) /
                                            static_cast<double>(records.size())
                                      : 0;
  return e;
}

}  // namespace mdm::pipeline
