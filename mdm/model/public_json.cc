// SPDX-License-Identifier: Apache-2.0
// The JSON renderings declared in mdm/json.h.
#include <nlohmann/json.hpp>

#include "mdm/json.h"
#include "mdm/model/json_dump.h"
#include "mdm/model/record_json.h"

namespace mdm {
namespace {

using Json = nlohmann::ordered_json;

Json CountsToJson(const RunCounts& c) {
  return Json{{"rows_read", c.rows_read}, {"accepted", c.accepted},
              {"rejected", c.rejected},   {"duplicates", c.duplicates},
              {"inserted", c.inserted},   {"updated", c.updated},
              {"unchanged", c.unchanged}, {"stale", c.stale},
              {"warnings", c.warnings}};
}

Json VersionToJson(const StoredVersion& v) {
  Json raw = Json::parse(v.raw_json, nullptr, /*allow_exceptions=*/false);
  return Json{{"status", v.status},
              {"file", v.file},
              {"line", v.line},
              {"run_id", v.run_id},
              {"raw", raw.is_discarded() ? Json(v.raw_json) : raw},
              {"record", Json::parse(model::RecordToJson(v.record))}};
}

}  // namespace

void RunCounts::Add(const RunCounts& o) {
  rows_read += o.rows_read;
  accepted += o.accepted;
  rejected += o.rejected;
  duplicates += o.duplicates;
  inserted += o.inserted;
  updated += o.updated;
  unchanged += o.unchanged;
  stale += o.stale;
  warnings += o.warnings;
}

std::string RunReportToJson(const RunReport& r) {
  Json files = Json::array();
  for (const FileReport& f : r.files) {
    files.push_back(Json{{"source", f.source}, {"path", f.path}, {"sha256", f.sha256},
                         {"skipped", f.skipped}, {"unreadable", f.unreadable},
                         {"counts", CountsToJson(f.counts)}});
  }
  return model::DumpJson(Json{{"run_id", r.run_id},
              {"dry_run", r.dry_run},
              {"started_at", r.started_at},
              {"finished_at", r.finished_at},
              {"totals", CountsToJson(r.totals)},
              {"rejects_by_reason", r.rejects_by_reason},
              {"warnings_by_reason", r.warnings_by_reason},
              {"stage_seconds", r.stage_seconds},
              {"files", files}});
}

std::string SourceRecordToJson(const SourceRecord& record) {
  return model::RecordToJson(record);
}

std::string StoredRecordToJson(const StoredRecord& record) {
  Json history = Json::array();
  for (const StoredVersion& v : record.history) history.push_back(VersionToJson(v));
  return model::DumpJson(Json{{"record_id", record.record_id},
              {"current", VersionToJson(record.current)},
              {"history", history}});
}

std::string LoadedFilesToJson(const std::vector<LoadedFile>& files) {
  Json out = Json::array();
  for (const LoadedFile& f : files) {
    out.push_back(Json{{"file_id", f.file_id}, {"source", f.source}, {"path", f.path},
                       {"sha256", f.sha256}, {"size_bytes", f.size_bytes},
                       {"run_id", f.run_id}, {"counts", CountsToJson(f.counts)}});
  }
  return model::DumpJson(out);
}

std::string IssuesToJson(const std::vector<StoredIssue>& issues) {
  Json out = Json::array();
  for (const StoredIssue& i : issues) {
    out.push_back(Json{{"issue_id", i.issue_id}, {"run_id", i.run_id},
                       {"source", i.source}, {"file", i.file}, {"line", i.line},
                       {"field", i.field}, {"reason", i.reason},
                       {"severity", i.warning ? "warning" : "reject"},
                       {"detail", i.detail}, {"source_key", i.source_key}});
  }
  return model::DumpJson(out);
}

std::string RunsToJson(const std::vector<RunSummary>& runs) {
  Json out = Json::array();
  for (const RunSummary& r : runs) {
    Json report = Json::parse(r.report_json, nullptr, /*allow_exceptions=*/false);
    out.push_back(Json{{"run_id", r.run_id}, {"started_at", r.started_at},
                       {"finished_at", r.finished_at}, {"config_path", r.config_path},
                       {"report", report.is_discarded() ? Json() : report}});
  }
  return model::DumpJson(out);
}

}  // namespace mdm
