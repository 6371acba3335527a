// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/match_support.h"

#include <algorithm>
#include <utility>

#include "mdm/match/blocking.h"
#include "mdm/status.h"

namespace mdm::pipeline {

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

cluster::ClusterOutput ClusterEdges(const match::FeatureTable& table,
                                    std::vector<cluster::Edge> merges,
                                    const match::CannotLink& cannot_link,
                                    const match::Comparator& comparator,
                                    const match::Scorer* scorer, double keep_apart_weight,
                                    RowLinks links) {
  cluster::ClusterInput in;
  std::optional<match::Scorer::Bounds> bounds;
  if (scorer != nullptr) {
    bounds = scorer->Bound(comparator, table);
    in.distinct = [&comparator, &bounds, scorer, keep_apart_weight](uint32_t a, uint32_t b) {
      return scorer->WeighsLessThan(comparator, *bounds, a, b, keep_apart_weight);
    };
  }
  in.rows = table.size();
  in.identity.resize(in.rows);
  for (uint32_t row = 0; row < in.rows; ++row) in.identity[row] = cannot_link.Keys(row);
  if (!links.frozen.empty()) {
    // A restricted golden record neither absorbs nor is absorbed: no edge,
    // not even a steward's must-link decided before the restriction, joins
    // a frozen row to a row outside its group. Cannot-links stay (they
    // never merge).
    std::erase_if(merges, [&links](const cluster::Edge& e) {
      return links.frozen[e.a] != links.frozen[e.b];
    });
    std::erase_if(links.must, [&links](const std::pair<uint32_t, uint32_t>& m) {
      return links.frozen[m.first] != links.frozen[m.second];
    });
  }
  in.merges = std::move(merges);
  in.must_link = std::move(links.must);
  in.cannot_link = std::move(links.cannot);
  return cluster::Cluster(std::move(in));
}

store::ReviewItemRow ToReviewRow(const cluster::ReviewCandidate& c) {
  store::ReviewItemRow item;
  item.record_a = std::min(c.record_a, c.record_b);
  item.record_b = std::max(c.record_a, c.record_b);
  item.reason = c.reason;
  item.match_weight = c.weight;
  item.probability = match::ProbabilityOfWeight(c.weight);
  item.priority = cluster::ReviewPriority(item.probability, c.size_a, c.size_b);
  return item;
}

std::vector<match::RuleKey> RowRuleKeys(const match::FeatureTable& table, uint32_t row,
                                        const std::vector<BlockingRuleConfig>& rules) {
  std::vector<match::RuleKey> out;
  match::RowKeyBuffers buffers;
  std::vector<uint64_t> keys;
  for (size_t r = 0; r < rules.size(); ++r) {
    match::RowKeys(table, row, rules[r], &buffers, &keys);
    for (uint64_t k : keys) out.push_back({static_cast<uint32_t>(r), k});
  }
  return out;  // rules in order, each rule's keys sorted: sorted by (rule, key)
}

match::EdgeKind EdgeKindOf(MatchDecision decision, bool conflict) {
  if (conflict) return match::EdgeKind::kConflict;
  return decision == MatchDecision::kAutoMerge ? match::EdgeKind::kAutoMerge
                                               : match::EdgeKind::kReview;
}

}  // namespace mdm::pipeline
