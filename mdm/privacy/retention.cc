// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/retention.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "mdm/base/iso_time.h"
#include "mdm/base/sha256.h"
#include "mdm/model/golden_json.h"
#include "mdm/model/record_json.h"
#include "mdm/pipeline/batch_runner.h"
#include "mdm/status.h"
#include "mdm/steward/steward_context.h"

namespace mdm::privacy {

std::string RetentionCutoff(absl::Time now, int retention_days) {
  return base::IsoUtc(now - absl::Hours(24) * retention_days);
}

std::vector<int64_t> ExpiredRecords(const std::vector<store::RecordAge>& ages,
                                    absl::string_view cutoff) {
  std::vector<int64_t> out;
  for (const store::RecordAge& a : ages) {
    // ISO-8601 UTC texts order as their instants do; a bare date is the
    // start of its day.
    const std::string when = base::IsoStartOf(a.observed_at.empty() ? a.loaded_at : a.observed_at);
    if (when < base::IsoStartOf(std::string(cutoff))) out.push_back(a.record_id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

absl::StatusOr<RetentionReport> ApplyRetention(const PrivacyContext& ctx, const Config& config,
                                               bool dry_run, absl::string_view actor) {
  MDM_RETURN_IF_ERROR(steward::CheckText("actor", actor));
  RetentionReport report;
  report.dry_run = dry_run;
  const absl::Time now = ctx.clock.Now();
  struct Expired {
    const SourceConfig* source;
    std::vector<store::RecordAge> records;
  };
  std::vector<Expired> expired;
  for (const SourceConfig& source : config.sources) {
    if (source.retention_days <= 0) continue;
    RetentionSource r{source.name, source.retention_days,
                      RetentionCutoff(now, source.retention_days), 0};
    MDM_ASSIGN_OR_RETURN(std::vector<store::RecordAge> ages, ctx.store.ListRecordAges(source.name));
    const std::vector<int64_t> ids = ExpiredRecords(ages, r.cutoff);
    Expired e{&source, {}};
    for (const store::RecordAge& a : ages) {
      if (std::binary_search(ids.begin(), ids.end(), a.record_id)) e.records.push_back(a);
    }
    r.expired = static_cast<int64_t>(e.records.size());
    report.sources.push_back(std::move(r));
    if (!e.records.empty()) expired.push_back(std::move(e));
  }
  if (dry_run || expired.empty()) return report;

  const auto purge = [&](RunReport& run, AuditTrail& audit) -> absl::Status {
    for (const Expired& e : expired) {
      std::vector<std::string> keys;
      for (const store::RecordAge& a : e.records) {
        SourceRecord marker;
        marker.source = e.source->name;
        marker.source_type = e.source->type;
        marker.source_key = a.source_key;
        marker.lawful_basis = e.source->lawful_basis;
        marker.deleted = true;
        const std::string json = model::RecordToJson(marker);
        MDM_RETURN_IF_ERROR(
            ctx.store.PurgeRecord(a.record_id, json, base::Sha256Hex(json), run.run_id));
        keys.push_back(absl::StrCat(e.source->name, ":", a.source_key));
        ++report.purged;
      }
      MDM_ASSIGN_OR_RETURN(
          int64_t seq,
          audit.Append({std::string(actor),
                        "retention.purge",
                        {},
                        std::move(keys),
                        run.run_id,
                        absl::StrCat("source ", e.source->name, ": ", e.records.size(),
                                     " records older than ", e.source->retention_days, " days")}));
      if (report.audit_seq == 0) report.audit_seq = seq;
    }
    return absl::OkStatus();
  };
  // A golden record the purge retired (every member expired) would keep its
  // last values, and its events their payloads: those expired too.
  const pipeline::ChangeStep empty_retired = [&](RunReport& run,
                                                 AuditTrail& audit) -> absl::Status {
    MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> goldens, ctx.store.ListGoldens());
    std::vector<store::GoldenRow> retired;
    for (store::GoldenRow& g : goldens) {
      if (g.status == GoldenStatus::kRetired && g.updated_run == run.run_id) {
        retired.push_back(std::move(g));
      }
    }
    if (retired.empty()) return absl::OkStatus();
    // The event that empties them names them, as an erasure names its person.
    std::vector<std::string> ids;
    for (const store::GoldenRow& g : retired) ids.push_back(g.golden_id);
    MDM_ASSIGN_OR_RETURN(
        int64_t seq,
        audit.Append({std::string(actor),
                      "retention.purge",
                      ids,
                      {},
                      run.run_id,
                      absl::StrCat(retired.size(),
                                   " golden records left without members: values emptied")}));
    const std::string empty = model::GoldenContentToJson(GoldenRecord{});
    for (store::GoldenRow& g : retired) {
      g.golden_json = empty;
      g.content_hash = base::Sha256Hex(empty);
      MDM_RETURN_IF_ERROR(ctx.store.UpdateGolden(g));
      MDM_ASSIGN_OR_RETURN(std::vector<AuditEvent> events,
                           ctx.store.AuditEventsAbout({g.golden_id}, {}));
      std::vector<int64_t> seqs;
      for (const AuditEvent& e : events) seqs.push_back(e.seq);
      MDM_ASSIGN_OR_RETURN(int64_t payloads, ctx.store.EraseAuditPayloadsOf(seqs, seq));
      report.audit_payloads += payloads;
      ++report.golden_records_emptied;
    }
    return absl::OkStatus();
  };
  MDM_ASSIGN_OR_RETURN(report.run,
                       pipeline::RunChange(config, RunOptions{}, ctx.store, ctx.clock, ctx.threads,
                                           ctx.key_path, purge, &empty_retired));
  if (ctx.on_change) ctx.on_change();
  // As after an erasure: old page images in the log hold what was purged.
  MDM_RETURN_IF_ERROR(ctx.store.TruncateLog().status());
  return report;
}

}  // namespace mdm::privacy
