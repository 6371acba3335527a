// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/delta_matching.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "mdm/match/blocking.h"
#include "mdm/match/match_stage.h"
#include "mdm/match/match_state.h"
#include "mdm/match/term_frequencies.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/pipeline/match_support.h"
#include "mdm/pipeline/restricted_records.h"
#include "mdm/pipeline/steward_links.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

using match::EdgeKind;
using match::RuleKey;
using match::StoredEdge;
using IdSet = absl::flat_hash_set<int64_t>;

// A record's state as the last run left it.
struct State {
  std::vector<RuleKey> keys;
  std::vector<StoredEdge> edges;
};

// An edge scored in this run, by record ids.
struct NewEdge {
  int64_t a = 0, b = 0;
  double weight = 0;
  EdgeKind kind = EdgeKind::kReview;
};

std::vector<int64_t> Sorted(const IdSet& ids) {
  std::vector<int64_t> out(ids.begin(), ids.end());
  std::sort(out.begin(), out.end());
  return out;
}

// Reads the stored state of the `ids` not read yet into `states`.
absl::Status ReadStates(store::Store& store, const std::vector<int64_t>& ids,
                        absl::flat_hash_map<int64_t, State>& states) {
  std::vector<int64_t> missing;
  for (int64_t id : ids) {
    if (!states.contains(id)) missing.push_back(id);
  }
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  return store.ReadMatchState(
      missing, [&states](int64_t id, absl::string_view keys, absl::string_view edges) {
        State& s = states[id];
        MDM_RETURN_IF_ERROR(match::DecodeRuleKeys(keys, &s.keys));
        return match::DecodeEdges(edges, &s.edges);
      });
}

class DeltaRun {
 public:
  DeltaRun(const MatchingConfig& config, const match::MatchModel& model, store::Store& store,
           int threads, RunReport& report, const base::ProgressFn* on_progress)
      : config_(config), model_(model), store_(store), threads_(threads), report_(report),
        m_(report.match), on_progress_(on_progress) {}

  absl::StatusOr<GoldenScope> Run() {
    Stopwatch watch;
    m_.ran = true;
    m_.delta = true;
    m_.model_id = model_.model_id;
    GoldenScope scope;
    scope.complete = false;
    MDM_RETURN_IF_ERROR(FindChanged());
    m_.changed_records = static_cast<int64_t>(changed_.size());
    MDM_ASSIGN_OR_RETURN(seeds_, store_.ListStewardPendingRecords());
    if (changed_.empty() && seeds_.empty()) {
      MDM_ASSIGN_OR_RETURN(m_.review_items, store_.CountReviewItems("open"));
      return scope;
    }
    if (!changed_.empty()) {
      MDM_RETURN_IF_ERROR(FindBlocks());
      report_.stage_seconds["load_keys"] = watch.Lap();
      MDM_RETURN_IF_ERROR(ScoreChanged());
      report_.stage_seconds["score"] = watch.Lap();
    }
    MDM_RETURN_IF_ERROR(FindScope());
    MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecordsById(store_, Sorted(scope_), threads_));
    MDM_ASSIGN_OR_RETURN(links_, store_.ReadStewardLinks(Sorted(scope_)));
    MDM_ASSIGN_OR_RETURN(restricted_, LoadRestrictedRecords(store_));
    cluster::ClusterOutput clusters = ClusterScope(records);
    report_.stage_seconds["cluster"] = watch.Lap();
    MDM_RETURN_IF_ERROR(WriteReviewItems(records, clusters));
    MDM_RETURN_IF_ERROR(WriteStates());
    report_.stage_seconds["persist_matches"] = watch.Lap();

    for (uint32_t row = 0; row < records.size(); ++row) {
      scope.record_id.push_back(records.table().record_id(row));
      scope.ref.push_back(records.Name(row));
    }
    scope.cluster_of = std::move(clusters.cluster_of);
    scope.leavers = Sorted(deleted_);
    return scope;
  }

 private:
  int64_t Cap(uint32_t rule) const {
    const int64_t own = config_.blocking_rules[rule].max_block_size;
    return own > 0 ? own : config_.max_block_size;
  }

  // A: new records and records with a new version since the last match.
  absl::Status FindChanged() {
    MDM_ASSIGN_OR_RETURN(std::vector<int64_t> pending, store_.ListPendingRecords());
    MDM_ASSIGN_OR_RETURN(std::vector<int64_t> unmatched, store_.ListUnmatchedRecords());
    changed_.insert(pending.begin(), pending.end());
    changed_.insert(unmatched.begin(), unmatched.end());
    if (changed_.empty()) return absl::OkStatus();
    MDM_ASSIGN_OR_RETURN(MatchRecords live, LoadMatchRecordsById(store_, Sorted(changed_), threads_));
    for (uint32_t row = 0; row < live.size(); ++row) {
      const int64_t id = live.table().record_id(row);
      new_keys_[id] = RowRuleKeys(live.table(), row, config_.blocking_rules);
      focus_.insert(id);
    }
    for (int64_t id : changed_) {
      if (!focus_.contains(id)) deleted_.insert(id);
    }
    return ReadStates(store_, Sorted(changed_), states_);
  }

  // The members, over every record, of the blocks the changes touch; the
  // records of blocks that cross their cap join the focus.
  absl::Status FindBlocks() {
    absl::flat_hash_set<RuleKey> wanted;
    for (const auto& [id, keys] : new_keys_) {
      for (const RuleKey& k : keys) {
        wanted.insert(k);
        ++joined_[k];
      }
    }
    for (int64_t id : changed_) {
      auto it = states_.find(id);
      if (it == states_.end()) continue;
      for (const RuleKey& k : it->second.keys) {
        wanted.insert(k);
        ++left_[k];
      }
    }
    MDM_RETURN_IF_ERROR(Scan(wanted));
    std::vector<int64_t> crossing;
    for (const RuleKey& k : wanted) {
      const int64_t others = static_cast<int64_t>(members_[k].size());
      const int64_t before = others + left_[k], after = others + joined_[k];
      if ((before > Cap(k.rule)) == (after > Cap(k.rule))) continue;
      for (int64_t id : members_[k]) {
        if (focus_.insert(id).second) crossing.push_back(id);
      }
    }
    if (crossing.empty()) return absl::OkStatus();
    // Their other blocks did not change, but every pair of theirs is scored
    // again: their blocks' members are needed too.
    MDM_RETURN_IF_ERROR(ReadStates(store_, crossing, states_));
    absl::flat_hash_set<RuleKey> more;
    for (int64_t id : crossing) {
      for (const RuleKey& k : states_[id].keys) {
        if (!members_.contains(k)) more.insert(k);
      }
    }
    crossing_ = std::move(crossing);
    return Scan(more);
  }

  // Adds the records (not in A) holding a key of `wanted` to members_.
  absl::Status Scan(const absl::flat_hash_set<RuleKey>& wanted) {
    if (wanted.empty()) return absl::OkStatus();
    for (const RuleKey& k : wanted) members_[k];
    std::vector<RuleKey> keys;
    return store_.ScanBlockKeys([&](int64_t id, absl::string_view blob) {
      if (changed_.contains(id)) return absl::OkStatus();  // their state is old
      MDM_RETURN_IF_ERROR(match::DecodeRuleKeys(blob, &keys));
      for (const RuleKey& k : keys) {
        if (wanted.contains(k)) members_[k].push_back(id);
      }
      return absl::OkStatus();
    });
  }

  // The size of block k after the changes, over every record.
  int64_t SizeAfter(const RuleKey& k) const {
    auto m = members_.find(k);
    if (m == members_.end()) return std::numeric_limits<int64_t>::max();
    auto j = joined_.find(k);
    return static_cast<int64_t>(m->second.size()) + (j == joined_.end() ? 0 : j->second);
  }

  const std::vector<RuleKey>& KeysOf(int64_t id) {
    auto it = new_keys_.find(id);
    return it != new_keys_.end() ? it->second : states_[id].keys;
  }

  // Scores every candidate pair with a record of the focus.
  absl::Status ScoreChanged() {
    absl::flat_hash_map<RuleKey, std::vector<int64_t>> joined_by;
    for (const auto& [id, keys] : new_keys_) {
      for (const RuleKey& k : keys) joined_by[k].push_back(id);
    }
    IdSet load = focus_;
    for (int64_t id : focus_) {
      for (const RuleKey& k : KeysOf(id)) {
        const int64_t size = SizeAfter(k);
        if (size < 2 || size > Cap(k.rule)) continue;
        load.insert(members_[k].begin(), members_[k].end());
        if (auto j = joined_by.find(k); j != joined_by.end()) {
          load.insert(j->second.begin(), j->second.end());
        }
      }
    }
    MDM_ASSIGN_OR_RETURN(MatchRecords records, LoadMatchRecordsById(store_, Sorted(load), threads_));
    match::FeatureTable& table = records.table();
    match::ApplyTermFrequencies(model_.term_frequencies, table);
    match::Comparator comparator(config_.comparisons, table, match::DefaultNicknames());
    match::Scorer scorer(model_, config_.auto_merge, config_.review);
    comparator.PrioritizeBy(scorer.MaxContributions(comparator, table));
    match::CannotLink cannot_link(table, config_.cannot_link_schemes);
    match::Blocker blocker(table, config_.blocking_rules, config_.max_block_size, threads_,
                           [this](int rule, uint64_t key) {
                             return SizeAfter({static_cast<uint32_t>(rule), key});
                           });
    std::vector<bool> focus(table.size());
    for (uint32_t row = 0; row < table.size(); ++row) {
      focus[row] = focus_.contains(table.record_id(row));
    }
    base::ProgressReporter progress(on_progress_, "score", "blocks", blocker.block_count());
    match::ScoreOutput scored = match::ScoreCandidates(blocker, table, comparator, scorer,
                                                       cannot_link, threads_, &focus, &progress);
    progress.Finish();
    m_.records = table.size();
    m_.candidate_pairs = scored.auto_merge + scored.review + scored.distinct;
    m_.auto_merge_pairs = scored.auto_merge;
    m_.review_pairs = scored.review;
    m_.distinct_pairs = scored.distinct;
    m_.conflict_pairs = scored.conflicts;
    for (const match::ScoredPair& p : scored.pairs) {
      new_edges_.push_back({table.record_id(p.lo), table.record_id(p.hi), p.weight,
                            EdgeKindOf(p.decision, p.conflict_scheme >= 0)});
    }
    return absl::OkStatus();
  }

  // S: whole components, old (stored auto-merge edges) and new, joined by
  // the steward's must-links too, around the changes and the records of
  // the steward's pending decisions.
  absl::Status FindScope() {
    std::vector<int64_t> frontier(changed_.begin(), changed_.end());
    frontier.insert(frontier.end(), crossing_.begin(), crossing_.end());
    frontier.insert(frontier.end(), seeds_.begin(), seeds_.end());
    for (const NewEdge& e : new_edges_) {
      if (e.kind != EdgeKind::kAutoMerge) continue;
      frontier.push_back(e.a);
      frontier.push_back(e.b);
    }
    IdSet visited;
    while (!frontier.empty()) {
      MDM_RETURN_IF_ERROR(ReadStates(store_, frontier, states_));
      std::vector<int64_t> next;
      std::vector<int64_t> fresh;
      for (int64_t id : frontier) {
        if (!visited.contains(id)) fresh.push_back(id);
      }
      std::sort(fresh.begin(), fresh.end());
      fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
      MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> links,
                           store_.ReadStewardLinks(fresh));
      for (const store::StewardLink& l : links) {
        if (l.kind != "same") continue;
        for (int64_t id : {l.record_a, l.record_b}) {
          if (!visited.contains(id)) next.push_back(id);
        }
      }
      for (int64_t id : frontier) {
        if (!visited.insert(id).second) continue;
        auto it = states_.find(id);
        if (it == states_.end()) continue;  // new: no old edges
        for (const StoredEdge& e : it->second.edges) {
          if (e.kind == EdgeKind::kAutoMerge && !visited.contains(e.other)) {
            next.push_back(e.other);
          }
        }
      }
      frontier = std::move(next);
    }
    for (int64_t id : visited) {
      if (!deleted_.contains(id)) scope_.insert(id);
    }
    return absl::OkStatus();
  }

  // Whether a stored edge of a record outside the focus still holds: the
  // other end did not change.
  bool StillHolds(const StoredEdge& e) const {
    return !focus_.contains(e.other) && !changed_.contains(e.other);
  }

  cluster::ClusterOutput ClusterScope(MatchRecords& records) {
    match::FeatureTable& table = records.table();
    match::ApplyTermFrequencies(model_.term_frequencies, table);
    absl::flat_hash_map<int64_t, uint32_t> row_of;
    for (uint32_t row = 0; row < table.size(); ++row) row_of[table.record_id(row)] = row;
    std::vector<cluster::Edge> merges;
    auto add = [&](int64_t a, int64_t b, double weight) {
      auto ra = row_of.find(a), rb = row_of.find(b);
      if (ra == row_of.end() || rb == row_of.end()) return;
      merges.push_back({std::min(ra->second, rb->second), std::max(ra->second, rb->second),
                        weight});
    };
    for (const NewEdge& e : new_edges_) {
      if (e.kind == EdgeKind::kAutoMerge) add(e.a, e.b, e.weight);
    }
    for (int64_t id : scope_) {
      if (focus_.contains(id)) continue;
      for (const StoredEdge& e : states_[id].edges) {
        // Each stored edge is on both of its records: take it once.
        if (e.kind == EdgeKind::kAutoMerge && StillHolds(e) && id < e.other) {
          add(id, e.other, e.weight);
        }
      }
    }
    match::Comparator comparator(config_.comparisons, table, match::DefaultNicknames());
    match::Scorer scorer(model_, config_.auto_merge, config_.review);
    comparator.PrioritizeBy(scorer.MaxContributions(comparator, table));
    match::CannotLink cannot_link(table, config_.cannot_link_schemes);
    RowLinks row_links = LinksOnRows(links_, table);
    FreezeRestricted(restricted_, table, row_links);
    cluster::ClusterOutput out = ClusterEdges(table, std::move(merges), cannot_link, comparator,
                                              &scorer, config_.keep_apart_weight,
                                              std::move(row_links));
    m_.refused_unions = static_cast<int64_t>(out.refused.size());
    absl::flat_hash_map<uint32_t, int64_t> sizes;
    for (uint32_t c : out.cluster_of) ++sizes[c];
    m_.clusters = static_cast<int64_t>(sizes.size());
    m_.multi_record_clusters =
        std::count_if(sizes.begin(), sizes.end(), [](const auto& s) { return s.second > 1; });
    return out;
  }

  // The review items with a record in S, decided again.
  absl::Status WriteReviewItems(const MatchRecords& records,
                                const cluster::ClusterOutput& clusters) {
    const match::FeatureTable& table = records.table();
    absl::flat_hash_map<int64_t, uint32_t> row_of;
    for (uint32_t row = 0; row < table.size(); ++row) row_of[table.record_id(row)] = row;
    // Review-band and conflict edges touching S, each once.
    absl::flat_hash_map<std::pair<int64_t, int64_t>, NewEdge> edges;
    auto keep = [&](int64_t a, int64_t b, double weight, EdgeKind kind) {
      if (kind == EdgeKind::kAutoMerge) return;
      if (!scope_.contains(a) && !scope_.contains(b)) return;
      edges[{std::min(a, b), std::max(a, b)}] = {a, b, weight, kind};
    };
    for (const NewEdge& e : new_edges_) keep(e.a, e.b, e.weight, e.kind);
    for (int64_t id : scope_) {
      if (focus_.contains(id)) continue;
      for (const StoredEdge& e : states_[id].edges) {
        if (StillHolds(e)) keep(id, e.other, e.weight, e.kind);
      }
    }
    // Records outside S: their golden record is their cluster; ranks come
    // from (source, key) of every record involved.
    std::vector<int64_t> outside;
    for (const auto& [pair, e] : edges) {
      for (int64_t id : {pair.first, pair.second}) {
        if (!row_of.contains(id)) outside.push_back(id);
      }
    }
    for (int64_t id : LinkedRecords(links_)) {
      if (!row_of.contains(id)) outside.push_back(id);
    }
    std::sort(outside.begin(), outside.end());
    outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
    absl::flat_hash_map<int64_t, int64_t> golden_of;
    MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members,
                         store_.ReadGoldenMembers(outside));
    for (const store::GoldenMemberRow& g : members) golden_of[g.record_id] = g.golden_seq;
    std::vector<std::tuple<std::string, std::string, int64_t>> names;
    for (uint32_t row = 0; row < table.size(); ++row) {
      names.emplace_back(records.source(row), records.source_key(row), table.record_id(row));
    }
    MDM_RETURN_IF_ERROR(store_.ReadMatchKeys(
        outside, [&names](int64_t id, absl::string_view source, absl::string_view key,
                          absl::string_view) {
          names.emplace_back(std::string(source), std::string(key), id);
          return absl::OkStatus();
        }));
    std::sort(names.begin(), names.end());
    absl::flat_hash_map<int64_t, uint64_t> rank;
    for (size_t i = 0; i < names.size(); ++i) rank[std::get<2>(names[i])] = i;

    constexpr uint64_t kScopeCluster = uint64_t{1} << 63;
    auto cluster_key = [&](int64_t id) {
      auto row = row_of.find(id);
      if (row != row_of.end()) return kScopeCluster | clusters.cluster_of[row->second];
      auto g = golden_of.find(id);
      return g != golden_of.end() ? static_cast<uint64_t>(g->second) : ~uint64_t{0};
    };
    absl::flat_hash_map<uint64_t, int64_t> size_of;
    for (uint32_t c : clusters.cluster_of) ++size_of[kScopeCluster | c];
    for (const auto& [id, seq] : golden_of) {
      if (size_of.contains(seq)) continue;
      MDM_ASSIGN_OR_RETURN(size_of[seq], store_.CountActiveMembers(seq));
    }
    auto size = [&](uint64_t key) {
      auto it = size_of.find(key);
      return it != size_of.end() ? it->second : int64_t{1};
    };
    std::vector<cluster::ReviewCandidate> candidates;
    auto add = [&](int64_t a, int64_t b, double weight, const char* reason) {
      if (rank[a] > rank[b]) std::swap(a, b);
      const uint64_t ka = cluster_key(a), kb = cluster_key(b);
      candidates.push_back({a, b, rank[a], rank[b], ka, kb, weight, reason, size(ka),
                            size(kb)});
    };
    for (const auto& [pair, e] : edges) {
      if (e.kind == EdgeKind::kConflict) {
        add(e.a, e.b, e.weight, "identifier_conflict");
      } else if (cluster_key(e.a) != cluster_key(e.b)) {
        add(e.a, e.b, e.weight, "review_band");
      }
    }
    for (const cluster::Edge& e : clusters.refused) {
      add(table.record_id(e.a), table.record_id(e.b), e.weight, "cannot_link");
    }
    std::vector<store::ReviewItemRow> items;
    for (const cluster::ReviewCandidate& c :
         cluster::SelectReviewItems(std::move(candidates), AnsweredBy(links_, cluster_key))) {
      items.push_back(ToReviewRow(c));
    }
    // Items of deleted records go too.
    IdSet decided = scope_;
    decided.insert(deleted_.begin(), deleted_.end());
    const std::vector<int64_t> scope = Sorted(decided);
    MDM_RETURN_IF_ERROR(store_.ReplaceOpenReviewItems(report_.run_id, items, &scope));
    MDM_ASSIGN_OR_RETURN(m_.review_items, store_.CountReviewItems("open"));
    IdSet in_review;
    for (const store::ReviewItemRow& item : items) {
      in_review.insert(item.record_a);
      in_review.insert(item.record_b);
    }
    m_.records_in_review = static_cast<int64_t>(in_review.size());
    return absl::OkStatus();
  }

  // New keys and edges for the focus; edges to the focus replaced for every
  // record that had or has one; deleted records' state removed.
  absl::Status WriteStates() {
    absl::flat_hash_map<int64_t, std::vector<StoredEdge>> added;
    for (const NewEdge& e : new_edges_) {
      added[e.a].push_back({e.b, e.weight, e.kind});
      added[e.b].push_back({e.a, e.weight, e.kind});
    }
    IdSet touched;
    for (const auto& [id, list] : added) touched.insert(id);
    for (int64_t id : changed_) {
      if (auto it = states_.find(id); it != states_.end()) {
        for (const StoredEdge& e : it->second.edges) touched.insert(e.other);
      }
    }
    for (int64_t id : crossing_) {
      for (const StoredEdge& e : states_[id].edges) touched.insert(e.other);
    }
    for (int64_t id : focus_) touched.insert(id);
    const std::vector<int64_t> ids = Sorted(touched);
    MDM_RETURN_IF_ERROR(ReadStates(store_, ids, states_));
    for (int64_t id : ids) {
      if (deleted_.contains(id)) continue;
      std::vector<StoredEdge> edges;
      if (!focus_.contains(id)) {
        for (const StoredEdge& e : states_[id].edges) {
          if (StillHolds(e)) edges.push_back(e);
        }
      }
      if (auto it = added.find(id); it != added.end()) {
        edges.insert(edges.end(), it->second.begin(), it->second.end());
      }
      std::sort(edges.begin(), edges.end(), [](const StoredEdge& x, const StoredEdge& y) {
        return x.other < y.other;
      });
      MDM_RETURN_IF_ERROR(store_.PutMatchState(id, match::EncodeRuleKeys(KeysOf(id)),
                                               match::EncodeEdges(edges)));
    }
    for (int64_t id : Sorted(deleted_)) MDM_RETURN_IF_ERROR(store_.DeleteMatchState(id));
    return absl::OkStatus();
  }

  const MatchingConfig& config_;
  const match::MatchModel& model_;
  store::Store& store_;
  const int threads_;
  RunReport& report_;
  MatchReport& m_;
  const base::ProgressFn* on_progress_;

  IdSet changed_;   // A
  IdSet deleted_;   // the delete markers of A
  IdSet focus_;     // E: live records of A, and members of blocks crossing a cap
  std::vector<int64_t> crossing_;
  IdSet scope_;     // S, live records only
  absl::flat_hash_map<int64_t, std::vector<RuleKey>> new_keys_;
  absl::flat_hash_map<int64_t, State> states_;
  absl::flat_hash_map<RuleKey, int64_t> joined_, left_;
  absl::flat_hash_map<RuleKey, std::vector<int64_t>> members_;  // records not in A
  std::vector<NewEdge> new_edges_;
  std::vector<int64_t> seeds_;               // records of pending steward decisions
  std::vector<store::StewardLink> links_;  // the steward links touching S
  RestrictedRecords restricted_;           // members of restricted golden records
};

}  // namespace

absl::StatusOr<GoldenScope> RunDeltaMatching(const MatchingConfig& config,
                                             const match::MatchModel& model,
                                             store::Store& store, int threads,
                                             RunReport& report,
                                             const base::ProgressFn* on_progress) {
  DeltaRun run(config, model, store, threads, report, on_progress);
  return run.Run();
}

}  // namespace mdm::pipeline
