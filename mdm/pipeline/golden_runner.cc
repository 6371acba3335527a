// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/golden_runner.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "mdm/base/json_writer.h"
#include "mdm/base/stable_hash.h"
#include "mdm/cluster/golden_ids.h"
#include "mdm/model/golden_json.h"
#include "mdm/model/record_json.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/status.h"
#include "mdm/survive/golden_builder.h"
#include "mdm/survive/golden_events.h"
#include "mdm/survive/golden_overrides.h"

namespace mdm::pipeline {
namespace {

using cluster::kNoIndex;

// Records read per batch: bounds memory on a full rebuild of millions.
constexpr size_t kBatchRecords = 1 << 16;

// What decides golden values besides the records: a run with another
// setting rebuilds every golden record.
std::string SettingJson(const Config& config) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  w.Key("source_priority");
  w.BeginArray();
  for (const std::string& p : config.survivorship.source_priority) w.String(p);
  w.EndArray();
  w.Key("trust_half_life_days");
  w.String(absl::StrFormat("%.17g", config.survivorship.trust_half_life_days));
  w.Key("attributes");
  w.BeginObject();
  for (const char* attribute : kGoldenAttributes) {
    w.Key(attribute);
    w.BeginArray();
    for (SurvivorshipPolicy p : config.survivorship.PoliciesOf(attribute)) {
      w.String(SurvivorshipPolicyName(p));
    }
    w.EndArray();
  }
  w.EndObject();
  w.Key("trust");
  w.BeginObject();
  std::vector<const SourceConfig*> sources;
  for (const SourceConfig& s : config.sources) sources.push_back(&s);
  std::sort(sources.begin(), sources.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const SourceConfig* s : sources) {
    w.Key(s->name);
    w.String(absl::StrFormat("%.17g", s->trust));
  }
  w.EndObject();
  w.EndObject();
  return out;
}

std::string HashOf(absl::string_view json) {
  return absl::StrFormat("%016x", base::StableHash(json));
}

// The records of the run, the records that left (deleted since), and the
// clusters and prior golden records they form; indices are "universe" ids.
struct Universe {
  std::vector<int64_t> record_id;
  std::vector<std::string> ref;  // "source:key"
  cluster::IdInput ids;
  std::vector<int64_t> prior_seq;        // per prior index
  std::vector<int64_t> prior_active;     // per prior index: active members before
  std::vector<uint32_t> member_offset;   // CSR: members of cluster c are
  std::vector<uint32_t> members;         //   members[offset[c] .. offset[c+1])
  std::vector<bool> pending;             // per universe record
};

// The prior membership of the scope: every member row when the scope is
// complete, else the rows of its records.
absl::StatusOr<std::vector<store::GoldenMemberRow>> PriorMembers(const GoldenScope& scope,
                                                                 store::Store& store) {
  if (scope.complete) return store.ListGoldenMembers();
  std::vector<int64_t> ids = scope.record_id;
  ids.insert(ids.end(), scope.leavers.begin(), scope.leavers.end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return store.ReadGoldenMembers(ids);
}

absl::StatusOr<Universe> BuildUniverse(const GoldenScope& scope, store::Store& store) {
  Universe u;
  const uint32_t rows = static_cast<uint32_t>(scope.record_id.size());
  // Clusters in order of their smallest row, i.e. of their smallest
  // (source, key): that is also the order new ids are created in.
  std::vector<uint32_t> cluster_index(rows, kNoIndex);
  uint32_t clusters = 0;
  for (uint32_t row = 0; row < rows; ++row) {
    if (scope.cluster_of[row] == row) {
      cluster_index[row] = clusters++;
      std::string seed = scope.ref[row];
      seed[seed.find(':')] = '\0';
      u.ids.cluster_seed.push_back(std::move(seed));
    }
  }
  absl::flat_hash_map<int64_t, uint32_t> universe_of;
  universe_of.reserve(rows);
  for (uint32_t row = 0; row < rows; ++row) {
    u.record_id.push_back(scope.record_id[row]);
    u.ref.push_back(scope.ref[row]);
    u.ids.cluster_of.push_back(cluster_index[scope.cluster_of[row]]);
    universe_of[u.record_id.back()] = row;
  }
  u.ids.prior_of.assign(rows, kNoIndex);

  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members, PriorMembers(scope, store));
  absl::flat_hash_map<int64_t, uint32_t> prior_of_seq;
  for (const store::GoldenMemberRow& m : members) {
    if (!m.active) continue;
    auto [it, added] = prior_of_seq.try_emplace(m.golden_seq, u.prior_seq.size());
    if (added) {
      u.prior_seq.push_back(m.golden_seq);
      u.prior_active.push_back(0);
    }
    ++u.prior_active[it->second];
    auto row = universe_of.find(m.record_id);
    if (row != universe_of.end()) {
      u.ids.prior_of[row->second] = it->second;
    } else {
      u.record_id.push_back(m.record_id);
      u.ref.emplace_back();  // named from the prior golden record when needed
      u.ids.cluster_of.push_back(kNoIndex);
      u.ids.prior_of.push_back(it->second);
    }
  }
  if (scope.complete) {
    MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> goldens, store.ListGoldens());
    absl::flat_hash_map<int64_t, const store::GoldenRow*> by_seq;
    for (const store::GoldenRow& g : goldens) by_seq[g.seq] = &g;
    for (int64_t seq : u.prior_seq) {
      auto it = by_seq.find(seq);
      if (it == by_seq.end()) {
        return absl::DataLossError(absl::StrCat("golden_members names golden seq ", seq,
                                                ", which golden_records does not hold"));
      }
      u.ids.prior.push_back({it->second->golden_id, seq});
    }
    auto taken = std::make_shared<absl::flat_hash_set<std::string>>();
    for (const store::GoldenRow& g : goldens) taken->insert(g.golden_id);
    u.ids.taken = [taken](absl::string_view id) { return taken->contains(id); };
  } else {
    for (size_t p = 0; p < u.prior_seq.size(); ++p) {
      MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> g, store.GetGolden(u.prior_seq[p]));
      MDM_ASSIGN_OR_RETURN(int64_t active, store.CountActiveMembers(u.prior_seq[p]));
      if (!g || active != u.prior_active[p]) {
        return absl::InternalError(absl::StrCat(
            "delta run: golden seq ", u.prior_seq[p], " has members outside the records the "
            "run considered; run again with --full"));
      }
      u.ids.prior.push_back({g->golden_id, g->seq});
    }
    u.ids.taken = [&store](absl::string_view id) {
      absl::StatusOr<std::optional<store::GoldenRow>> g = store.FindGolden(id);
      return !g.ok() || g->has_value();  // on a store error, try the next id
    };
  }

  std::vector<int64_t> pending;
  MDM_ASSIGN_OR_RETURN(pending, store.ListPendingRecords());
  u.pending.assign(u.record_id.size(), false);
  for (int64_t id : pending) {
    if (auto it = universe_of.find(id); it != universe_of.end()) u.pending[it->second] = true;
  }

  u.member_offset.assign(clusters + 1, 0);
  for (uint32_t r = 0; r < rows; ++r) ++u.member_offset[u.ids.cluster_of[r] + 1];
  for (uint32_t c = 0; c < clusters; ++c) u.member_offset[c + 1] += u.member_offset[c];
  u.members.resize(rows);
  std::vector<uint32_t> fill(u.member_offset.begin(), u.member_offset.end() - 1);
  for (uint32_t r = 0; r < rows; ++r) u.members[fill[u.ids.cluster_of[r]]++] = r;
  return u;
}

// A golden record built in this run, waiting to be written.
struct Built {
  GoldenRecord golden;
  std::string json;
  std::string hash;
  // The audit payload of a new golden record (its values), sealed here.
  privacy::SealedPayload created{};
  absl::Status status;
};

// The clusters of one batch with their records' JSON, read from the store.
struct BatchInput {
  std::vector<uint32_t> clusters;
  std::vector<int64_t> ids;  // the member records, ascending
  std::vector<std::string> jsons;  // of ids
};

absl::StatusOr<BatchInput> ReadBatch(const Universe& u, std::vector<uint32_t> clusters,
                                     store::Store& store) {
  BatchInput in;
  in.clusters = std::move(clusters);
  for (uint32_t c : in.clusters) {
    for (uint32_t i = u.member_offset[c]; i < u.member_offset[c + 1]; ++i) {
      in.ids.push_back(u.record_id[u.members[i]]);
    }
  }
  std::sort(in.ids.begin(), in.ids.end());
  in.jsons.resize(in.ids.size());
  size_t next_json = 0;
  MDM_RETURN_IF_ERROR(store.ReadRecordJsons(
      in.ids, [&](int64_t, absl::string_view json) {
        in.jsons[next_json++].assign(json.data(), json.size());
        return absl::OkStatus();
      }));
  return in;
}

// Builds the golden records of a batch on `threads` threads (the calling
// one included); results in the order of in.clusters, each with its status.
// The steward's pinned values by golden id, and the golden ids whose pins
// changed since the last run.
struct StewardPins {
  absl::flat_hash_map<std::string, survive::Pins> pins;
  absl::flat_hash_set<std::string> pending;
};

absl::StatusOr<StewardPins> LoadPins(store::Store& store) {
  StewardPins out;
  MDM_ASSIGN_OR_RETURN(std::vector<store::OverrideRow> rows, store.ListLiveOverrides());
  for (const store::OverrideRow& o : rows) {  // oldest first: a later pin wins
    if (o.pinned) out.pins[o.golden_id].emplace_back(o.field, o.value);
    if (o.applied_run == 0) out.pending.insert(o.golden_id);
  }
  return out;
}

std::vector<Built> BuildBatch(const Config& config, const Universe& u, const BatchInput& in,
                              const cluster::IdOutput& ids, const StewardPins& pins,
                              int threads) {
  absl::flat_hash_map<std::string, double> trust;
  for (const SourceConfig& s : config.sources) trust[s.name] = s.trust;
  std::vector<Built> out(in.clusters.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next++; k < in.clusters.size(); k = next++) {
      const uint32_t c = in.clusters[k];
      std::vector<survive::Member> members;
      for (uint32_t i = u.member_offset[c]; i < u.member_offset[c + 1]; ++i) {
        const int64_t id = u.record_id[u.members[i]];
        const size_t at = std::lower_bound(in.ids.begin(), in.ids.end(), id) - in.ids.begin();
        absl::StatusOr<SourceRecord> record = model::RecordFromJson(in.jsons[at]);
        if (!record.ok()) {
          out[k].status = absl::DataLossError(
              absl::StrCat("record ", id, ": ", record.status().message()));
          break;
        }
        auto t = trust.find(record->source);
        members.push_back({*std::move(record), t != trust.end() ? t->second : 0.5});
      }
      if (!out[k].status.ok()) continue;
      out[k].golden = survive::BuildGolden(members, config.survivorship);
      if (auto p = pins.pins.find(ids.cluster_id[c]); p != pins.pins.end()) {
        survive::ApplyPins(p->second, out[k].golden);
      }
      out[k].json = model::GoldenContentToJson(out[k].golden);
      out[k].hash = HashOf(out[k].json);
      if (ids.cluster_prior[c] == kNoIndex) {
        absl::StatusOr<privacy::SealedPayload> sealed =
            privacy::SealPayload(model::ValueChangesToJson(GoldenRecord{}, out[k].golden));
        if (!sealed.ok()) {
          out[k].status = sealed.status();
          continue;
        }
        out[k].created = *std::move(sealed);
      }
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  return out;
}

// Writes what the run changed, in cluster order so that new seqs and event
// order are deterministic.
class GoldenWriter {
 public:
  GoldenWriter(const Universe& u, const cluster::IdOutput& ids, store::Store& store,
               privacy::AuditTrail& audit, int64_t run_id, GoldenReport& report)
      : u_(u), ids_(ids), store_(store), audit_(audit), run_id_(run_id), report_(report) {}

  absl::Status Write(uint32_t c, Built built) {
    std::vector<std::string> refs;
    for (uint32_t i = u_.member_offset[c]; i < u_.member_offset[c + 1]; ++i) {
      refs.push_back(u_.ref[u_.members[i]]);
    }
    std::sort(refs.begin(), refs.end());  // as GoldenRecord::members
    int64_t seq;
    const uint32_t p = ids_.cluster_prior[c];
    if (p == kNoIndex) {
      store::GoldenRow row{0, ids_.cluster_id[c], GoldenStatus::kActive, "", run_id_, run_id_,
                           built.hash, built.json};
      MDM_ASSIGN_OR_RETURN(seq, store_.InsertGolden(row));
      ++report_.created;
      std::vector<std::string> from = PriorIdsOf(c);
      std::vector<std::string> about = {ids_.cluster_id[c]};
      about.insert(about.end(), from.begin(), from.end());
      MDM_RETURN_IF_ERROR(Event(
          seq, from.empty() ? "created" : "split_from",
          from.empty() ? survive::CreatedDetail(refs) : survive::SplitFromDetail(from, refs),
          std::move(about), refs, std::move(built.created)));
    } else {
      seq = u_.prior_seq[p];
      MDM_RETURN_IF_ERROR(UpdateKept(c, p, built, refs));
    }
    for (uint32_t i = u_.member_offset[c]; i < u_.member_offset[c + 1]; ++i) {
      const uint32_t r = u_.members[i];
      if (u_.ids.prior_of[r] == kNoIndex || u_.prior_seq[u_.ids.prior_of[r]] != seq) {
        ++reclustered_;
        MDM_RETURN_IF_ERROR(store_.PutGoldenMember({u_.record_id[r], seq, true}, run_id_));
      }
    }
    return absl::OkStatus();
  }

  // Merged, split and retired prior records, and members that left.
  absl::Status WritePriorFates() {
    // (prior, cluster) of every record that was a member before and is now.
    std::vector<std::pair<uint32_t, uint32_t>> moves;
    for (size_t r = 0; r < u_.ids.cluster_of.size(); ++r) {
      if (u_.ids.prior_of[r] != kNoIndex && u_.ids.cluster_of[r] != kNoIndex) {
        moves.emplace_back(u_.ids.prior_of[r], u_.ids.cluster_of[r]);
      }
    }
    std::sort(moves.begin(), moves.end());
    moves.erase(std::unique(moves.begin(), moves.end()), moves.end());
    auto next_move = moves.begin();
    for (uint32_t p = 0; p < u_.ids.prior.size(); ++p) {
      const int64_t seq = u_.prior_seq[p];
      std::vector<std::string> into;
      for (; next_move != moves.end() && next_move->first == p; ++next_move) {
        into.push_back(ids_.cluster_id[next_move->second]);
      }
      if (ids_.split[p]) {
        ++report_.split;
        std::sort(into.begin(), into.end());
        std::vector<std::string> about = {u_.ids.prior[p].golden_id};
        about.insert(about.end(), into.begin(), into.end());
        MDM_RETURN_IF_ERROR(Event(seq, "split", survive::SplitDetail(into), std::move(about)));
      }
      if (ids_.fate[p] == cluster::PriorFate::kKept) continue;
      MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store_.GetGolden(seq));
      if (!row) return absl::DataLossError(absl::StrCat("golden seq ", seq, " vanished"));
      row->updated_run = run_id_;
      if (ids_.fate[p] == cluster::PriorFate::kMerged) {
        ++report_.merged;
        row->status = GoldenStatus::kMerged;
        row->merged_into = ids_.cluster_id[ids_.prior_cluster[p]];
        MDM_RETURN_IF_ERROR(store_.UpdateGolden(*row));
        MDM_RETURN_IF_ERROR(Event(seq, "merged_into", survive::MergedIntoDetail(row->merged_into),
                                  {row->golden_id, row->merged_into}));
      } else {
        ++report_.retired;
        row->status = GoldenStatus::kRetired;
        MDM_RETURN_IF_ERROR(store_.UpdateGolden(*row));
        MDM_ASSIGN_OR_RETURN(GoldenRecord last, model::GoldenContentFromJson(row->golden_json));
        MDM_RETURN_IF_ERROR(Event(seq, "retired", survive::RetiredDetail(last.members),
                                  {row->golden_id}, last.members));
      }
    }
    for (size_t r = 0; r < u_.record_id.size(); ++r) {
      if (u_.ids.cluster_of[r] != kNoIndex) continue;
      MDM_RETURN_IF_ERROR(store_.PutGoldenMember(
          {u_.record_id[r], u_.prior_seq[u_.ids.prior_of[r]], false}, run_id_));
    }
    return absl::OkStatus();
  }

  int64_t reclustered() const { return reclustered_; }

 private:
  absl::Status UpdateKept(uint32_t c, uint32_t p, const Built& built,
                          const std::vector<std::string>& refs) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store_.GetGolden(u_.prior_seq[p]));
    if (!row) {
      return absl::DataLossError(absl::StrCat("golden seq ", u_.prior_seq[p], " vanished"));
    }
    std::vector<std::string> absorbed;
    for (uint32_t q = 0; q < u_.ids.prior.size(); ++q) {
      if (q != p && ids_.prior_cluster[q] == c) absorbed.push_back(u_.ids.prior[q].golden_id);
    }
    std::sort(absorbed.begin(), absorbed.end());
    if (!absorbed.empty()) {
      std::vector<std::string> about = {row->golden_id};
      about.insert(about.end(), absorbed.begin(), absorbed.end());
      MDM_RETURN_IF_ERROR(
          Event(row->seq, "merged", survive::MergedDetail(absorbed), std::move(about)));
    }
    if (row->content_hash == built.hash) return absl::OkStatus();
    MDM_ASSIGN_OR_RETURN(GoldenRecord before, model::GoldenContentFromJson(row->golden_json));
    std::vector<std::string> added, removed;
    std::set_difference(refs.begin(), refs.end(), before.members.begin(), before.members.end(),
                        std::back_inserter(added));
    std::set_difference(before.members.begin(), before.members.end(), refs.begin(), refs.end(),
                        std::back_inserter(removed));
    row->content_hash = built.hash;
    row->golden_json = built.json;
    row->updated_run = run_id_;
    MDM_RETURN_IF_ERROR(store_.UpdateGolden(*row));
    ++report_.updated;
    std::vector<std::string> moved = added;
    moved.insert(moved.end(), removed.begin(), removed.end());
    MDM_ASSIGN_OR_RETURN(privacy::SealedPayload payload,
                         privacy::SealPayload(model::ValueChangesToJson(before, built.golden)));
    return Event(row->seq, "updated",
                 survive::UpdatedDetail(added, removed,
                                        model::ChangedAttributes(before, built.golden)),
                 {row->golden_id}, std::move(moved), std::move(payload));
  }

  // A golden record's history event and its audit event ("golden.<kind>",
  // about `golden_ids`, the first being the record's own id).
  absl::Status Event(int64_t seq, const char* kind, const std::string& detail,
                     std::vector<std::string> golden_ids,
                     std::vector<std::string> source_keys = {},
                     privacy::SealedPayload payload = {}) {
    MDM_RETURN_IF_ERROR(store_.AddGoldenEvent(seq, run_id_, kind, detail));
    return audit_
        .Append({"run", absl::StrCat("golden.", kind), std::move(golden_ids),
                 std::move(source_keys), run_id_},
                std::move(payload))
        .status();
  }

  // The prior golden ids the members of new cluster `c` came from.
  std::vector<std::string> PriorIdsOf(uint32_t c) const {
    std::vector<std::string> from;
    for (uint32_t i = u_.member_offset[c]; i < u_.member_offset[c + 1]; ++i) {
      const uint32_t p = u_.ids.prior_of[u_.members[i]];
      if (p != kNoIndex) from.push_back(u_.ids.prior[p].golden_id);
    }
    std::sort(from.begin(), from.end());
    from.erase(std::unique(from.begin(), from.end()), from.end());
    return from;
  }

  const Universe& u_;
  const cluster::IdOutput& ids_;
  store::Store& store_;
  privacy::AuditTrail& audit_;
  const int64_t run_id_;
  GoldenReport& report_;
  int64_t reclustered_ = 0;
};

// Whether cluster `c` must be rebuilt: new, members changed, a member has a
// new version, its pins changed, or the setting changed.
bool NeedsRebuild(const Universe& u, const cluster::IdOutput& ids, const StewardPins& pins,
                  uint32_t c, bool all) {
  const uint32_t p = ids.cluster_prior[c];
  if (all || p == kNoIndex || pins.pending.contains(ids.cluster_id[c])) return true;
  const uint32_t size = u.member_offset[c + 1] - u.member_offset[c];
  if (size != u.prior_active[p]) return true;
  for (uint32_t i = u.member_offset[c]; i < u.member_offset[c + 1]; ++i) {
    const uint32_t r = u.members[i];
    if (u.ids.prior_of[r] != p || u.pending[r]) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<bool> GoldenSettingChanged(const Config& config, store::Store& store) {
  MDM_ASSIGN_OR_RETURN(std::optional<std::string> last, store.LatestGoldenSetting());
  return last.has_value() && *last != SettingJson(config);
}

absl::Status BuildGoldenRecords(const Config& config, const GoldenScope& scope,
                                store::Store& store, privacy::AuditTrail& audit, int threads,
                                RunReport& report, const base::ProgressFn* on_progress) {
  absl::Time start = absl::Now();
  GoldenReport& g = report.golden;
  g.ran = true;
  const std::string setting = SettingJson(config);
  MDM_ASSIGN_OR_RETURN(std::optional<std::string> last_setting, store.LatestGoldenSetting());
  const bool rebuild_all = last_setting.has_value() && *last_setting != setting;
  if (rebuild_all && !scope.complete) {
    return absl::InternalError("a new survivorship setting needs a complete scope");
  }

  MDM_ASSIGN_OR_RETURN(Universe u, BuildUniverse(scope, store));
  const cluster::IdOutput ids = cluster::AssignGoldenIds(u.ids);
  const uint32_t clusters = static_cast<uint32_t>(u.ids.cluster_seed.size());

  MDM_ASSIGN_OR_RETURN(const StewardPins pins, LoadPins(store));
  std::vector<uint32_t> rebuild;
  for (uint32_t c = 0; c < clusters; ++c) {
    if (NeedsRebuild(u, ids, pins, c, rebuild_all)) rebuild.push_back(c);
  }
  g.rebuilt = static_cast<int64_t>(rebuild.size());

  GoldenWriter writer(u, ids, store, audit, report.run_id, g);
  base::ProgressReporter progress(on_progress, "golden", "clusters",
                                  static_cast<int64_t>(rebuild.size()));
  // Batch k is built on worker threads while this thread writes batch
  // k - 1: the store is used by this thread only.
  double build_seconds = 0, wait_seconds = 0;
  BatchInput written;  // the batch whose golden records are being written
  std::vector<Built> to_write;
  auto write_all = [&]() -> absl::Status {
    for (size_t k = 0; k < written.clusters.size(); ++k) {
      MDM_RETURN_IF_ERROR(writer.Write(written.clusters[k], std::move(to_write[k])));
      progress.Advance(1);
    }
    return absl::OkStatus();
  };
  for (size_t begin = 0; begin < rebuild.size();) {
    std::vector<uint32_t> batch;
    size_t batch_records = 0;
    while (begin < rebuild.size() && batch_records < kBatchRecords) {
      const uint32_t c = rebuild[begin++];
      batch.push_back(c);
      batch_records += u.member_offset[c + 1] - u.member_offset[c];
    }
    MDM_ASSIGN_OR_RETURN(BatchInput in, ReadBatch(u, std::move(batch), store));
    std::vector<Built> built;
    double seconds = 0;
    std::thread builder([&] {
      const absl::Time t = absl::Now();
      built = BuildBatch(config, u, in, ids, pins, std::max(1, threads));
      seconds = absl::ToDoubleSeconds(absl::Now() - t);
    });
    const absl::Status wrote = write_all();
    const absl::Time wait = absl::Now();
    builder.join();
    wait_seconds += absl::ToDoubleSeconds(absl::Now() - wait);
    build_seconds += seconds;
    MDM_RETURN_IF_ERROR(wrote);
    for (const Built& b : built) MDM_RETURN_IF_ERROR(b.status);
    written = std::move(in);
    to_write = std::move(built);
  }
  MDM_RETURN_IF_ERROR(write_all());
  MDM_RETURN_IF_ERROR(writer.WritePriorFates());
  MDM_RETURN_IF_ERROR(store.ClearPendingRecords());
  MDM_RETURN_IF_ERROR(store.SetRunGoldenSetting(report.run_id, setting));
  report.match.records_reclustered = writer.reclustered();
  progress.Finish();
  // Every active golden record was created, updated or left as it was (a
  // delta run did not look at most of them).
  if (scope.complete) {
    g.active = clusters;
  } else {
    MDM_ASSIGN_OR_RETURN(g.active, store.CountActiveGoldens());
  }
  g.unchanged = g.active - g.created - g.updated;
  // Building overlaps writing: survive is the building's own time,
  // persist_golden the stage's time less what it spent waiting for builds.
  report.stage_seconds["survive"] = build_seconds;
  report.stage_seconds["persist_golden"] =
      absl::ToDoubleSeconds(absl::Now() - start) - wait_seconds;
  return absl::OkStatus();
}

}  // namespace mdm::pipeline
