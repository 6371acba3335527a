// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/processing_report.h"

#include <string>
#include <vector>

#include "mdm/base/iso_time.h"
#include "mdm/status.h"

namespace mdm::privacy {

absl::StatusOr<ProcessingReport> BuildProcessingReport(const PrivacyContext& ctx,
                                                       const Config& config) {
  store::Store& store = ctx.store;
  ProcessingReport r;
  r.generated_at = base::IsoUtc(ctx.clock.Now());
  r.config_path = config.path;
  for (const SourceConfig& source : config.sources) {
    ProcessingSource s;
    s.name = source.name;
    s.type = std::string(SourceTypeName(source.type));
    s.lawful_basis = source.lawful_basis;
    s.retention_days = source.retention_days;
    MDM_ASSIGN_OR_RETURN(std::vector<store::RecordAge> ages, store.ListRecordAges(source.name));
    s.records = static_cast<int64_t>(ages.size());
    MDM_ASSIGN_OR_RETURN(std::vector<LoadedFile> files, store.ListFiles(source.name));
    s.files = static_cast<int64_t>(files.size());
    r.sources.push_back(std::move(s));
  }
  MDM_ASSIGN_OR_RETURN(r.active_golden_records, store.CountActiveGoldens());
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> restricted, store.ListRestricted());
  r.restricted = static_cast<int64_t>(restricted.size());
  MDM_ASSIGN_OR_RETURN(r.erasures, store.CountErasures());
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> keys, store.ListSuppressions());
  r.suppression_keys = static_cast<int64_t>(keys.size());
  MDM_ASSIGN_OR_RETURN(r.audit_events, store.CountAuditEvents());
  MDM_ASSIGN_OR_RETURN(std::vector<RunSummary> runs, store.ListRuns(1));
  if (!runs.empty()) {
    r.last_run_id = runs[0].run_id;
    r.last_run_at = runs[0].started_at;
  }
  return r;
}

}  // namespace mdm::privacy
