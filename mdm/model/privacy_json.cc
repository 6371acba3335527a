// SPDX-License-Identifier: Apache-2.0
// The JSON renderings of privacy types declared in mdm/json.h.
#include <nlohmann/json.hpp>

#include "mdm/json.h"
#include "mdm/model/json_dump.h"

namespace mdm {
namespace {

using Json = nlohmann::ordered_json;

Json EventJson(const AuditEvent& e) {
  Json out{{"seq", e.seq},
           {"at", e.at},
           {"actor", e.actor},
           {"action", e.action},
           {"golden_ids", e.golden_ids},
           {"source_keys", e.source_keys},
           {"run_id", e.run_id},
           {"reason", e.reason},
           {"payload_sha256", e.payload_sha256},
           {"prev_hash", e.prev_hash},
           {"hash", e.hash},
           {"payload_erased", e.payload_erased}};
  // A payload is JSON the engine wrote; shown as such when asked for.
  if (!e.payload.empty()) {
    Json payload = Json::parse(e.payload, nullptr, false);
    out["payload"] = payload.is_discarded() ? Json(e.payload) : payload;
  }
  return out;
}

Json ConsentJson(const EffectiveConsent& c) {
  return Json{{"channel", c.channel},
              {"purpose", c.purpose},
              {"granted", c.granted},
              {"observed_at", c.observed_at},
              {"origin", c.origin}};
}

}  // namespace

std::string AuditEventsToJson(const std::vector<AuditEvent>& events) {
  Json out = Json::array();
  for (const AuditEvent& e : events) out.push_back(EventJson(e));
  return model::DumpJson(out);
}

std::string AuditVerificationToJson(const AuditVerification& v) {
  return model::DumpJson(Json{{"ok", v.ok},
                              {"events", v.events},
                              {"payloads_checked", v.payloads_checked},
                              {"payloads_erased", v.payloads_erased},
                              {"first_broken_seq", v.first_broken_seq},
                              {"problem", v.problem}});
}

std::string ErasureReportToJson(const ErasureReport& r) {
  return model::DumpJson(Json{{"golden_id", r.golden_id},
                              {"erased_ids", r.erased_ids},
                              {"audit_seq", r.audit_seq},
                              {"source_records", r.source_records},
                              {"history_versions", r.history_versions},
                              {"review_items", r.review_items},
                              {"steward_links", r.steward_links},
                              {"overrides", r.overrides},
                              {"change_requests", r.change_requests},
                              {"consent_changes", r.consent_changes},
                              {"row_issues", r.row_issues},
                              {"audit_payloads", r.audit_payloads},
                              {"suppression_keys", r.suppression_keys},
                              {"shared_keys", r.shared_keys},
                              {"other_golden_ids", r.other_golden_ids},
                              {"wal_truncated", r.wal_truncated}});
}

std::string ConsentsToJson(const std::vector<EffectiveConsent>& consents) {
  Json out = Json::array();
  for (const EffectiveConsent& c : consents) out.push_back(ConsentJson(c));
  return model::DumpJson(out);
}

std::string RetentionReportToJson(const RetentionReport& r) {
  Json sources = Json::array();
  for (const RetentionSource& s : r.sources) {
    sources.push_back(Json{{"source", s.source},
                           {"retention_days", s.retention_days},
                           {"cutoff", s.cutoff},
                           {"expired", s.expired}});
  }
  Json out{{"dry_run", r.dry_run},
           {"sources", sources},
           {"purged", r.purged},
           {"golden_records_emptied", r.golden_records_emptied},
           {"audit_payloads", r.audit_payloads},
           {"audit_seq", r.audit_seq}};
  if (r.run.run_id != 0) out["run"] = Json::parse(RunReportToJson(r.run));
  return model::DumpJson(out);
}

std::string ProcessingReportToJson(const ProcessingReport& r) {
  Json sources = Json::array();
  for (const ProcessingSource& s : r.sources) {
    sources.push_back(Json{{"name", s.name},
                           {"type", s.type},
                           {"lawful_basis", s.lawful_basis},
                           {"retention_days", s.retention_days},
                           {"records", s.records},
                           {"files", s.files}});
  }
  return model::DumpJson(Json{{"generated_at", r.generated_at},
                              {"config", r.config_path},
                              {"sources", sources},
                              {"active_golden_records", r.active_golden_records},
                              {"restricted", r.restricted},
                              {"erasures", r.erasures},
                              {"suppression_keys", r.suppression_keys},
                              {"audit_events", r.audit_events},
                              {"last_run_id", r.last_run_id},
                              {"last_run_at", r.last_run_at}});
}

}  // namespace mdm
