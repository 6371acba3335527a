// SPDX-License-Identifier: Apache-2.0
// The JSON renderings declared in mdm/json.h.
#include <nlohmann/json.hpp>

#include "mdm/json.h"
#include "mdm/base/json_writer.h"
#include "mdm/model/golden_json.h"
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
              {"warnings", c.warnings}, {"deletes", c.deletes},
              {"suppressed", c.suppressed}};
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

Json MatchToJson(const MatchReport& m) {
  Json rules = Json::array();
  for (const BlockingRuleCounts& r : m.rules) {
    rules.push_back(Json{{"rule", r.rule}, {"pairs", r.pairs}, {"blocks", r.blocks},
                         {"largest_block", r.largest_block},
                         {"capped_blocks", r.capped_blocks}, {"cut_pairs", r.cut_pairs}});
  }
  return Json{{"ran", m.ran},
              {"delta", m.delta},
              {"changed_records", m.changed_records},
              {"skipped_reason", m.skipped_reason},
              {"records", m.records},
              {"model_id", m.model_id},
              {"model_trained", m.model_trained},
              {"candidate_pairs", m.candidate_pairs},
              {"reduction_ratio", m.reduction_ratio},
              {"blocking_rules", rules},
              {"auto_merge_pairs", m.auto_merge_pairs},
              {"review_pairs", m.review_pairs},
              {"distinct_pairs", m.distinct_pairs},
              {"conflict_pairs", m.conflict_pairs},
              {"refused_unions", m.refused_unions},
              {"clusters", m.clusters},
              {"multi_record_clusters", m.multi_record_clusters},
              {"records_reclustered", m.records_reclustered},
              {"review_items", m.review_items},
              {"records_in_review", m.records_in_review}};
}

Json GoldenReportToJson(const GoldenReport& g) {
  return Json{{"ran", g.ran},         {"active", g.active},       {"created", g.created},
              {"merged", g.merged},   {"split", g.split},         {"updated", g.updated},
              {"unchanged", g.unchanged}, {"retired", g.retired}, {"rebuilt", g.rebuilt}};
}

}  // namespace

void RunCounts::Add(const RunCounts& o) {
  rows_read += o.rows_read;
  accepted += o.accepted;
  rejected += o.rejected;
  duplicates += o.duplicates;
  suppressed += o.suppressed;
  inserted += o.inserted;
  updated += o.updated;
  unchanged += o.unchanged;
  stale += o.stale;
  warnings += o.warnings;
  deletes += o.deletes;
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
              {"files", files},
              {"match", MatchToJson(r.match)},
              {"golden", GoldenReportToJson(r.golden)}});
}

std::string GoldenRecordToJson(const GoldenRecord& g) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  w.Key("golden_id");
  w.String(g.golden_id);
  w.Key("status");
  w.String(GoldenStatusName(g.status));
  w.NonEmpty("merged_into", g.merged_into);
  w.Key("created_run");
  w.Int(g.created_run);
  w.Key("updated_run");
  w.Int(g.updated_run);
  w.Key("restricted");
  w.Bool(g.restricted);
  model::WriteGoldenContent(w, g);
  w.EndObject();
  return out;
}

std::string GoldenHistoryToJson(const std::vector<GoldenEvent>& events) {
  Json out = Json::array();
  for (const GoldenEvent& e : events) {
    Json detail = Json::parse(e.detail, nullptr, /*allow_exceptions=*/false);
    out.push_back(Json{{"event_id", e.event_id}, {"run_id", e.run_id}, {"at", e.at},
                       {"kind", e.kind}, {"detail", detail.is_discarded() ? Json(e.detail)
                                                                          : detail}});
  }
  return model::DumpJson(out);
}

std::string CrosswalkToJson(const Crosswalk& c) {
  return model::DumpJson(Json{{"source", c.source}, {"source_key", c.source_key},
                              {"deleted", c.deleted}, {"golden_id", c.golden_id},
                              {"status", GoldenStatusName(c.status)},
                              {"merged_from", c.merged_from}});
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

namespace {

Json ExplanationJson(const Explanation& e) {
  Json terms = Json::array();
  for (const ComparisonTerm& t : e.terms) {
    terms.push_back(Json{{"comparison", t.comparison}, {"level", t.level}, {"m", t.m},
                         {"u", t.u}, {"weight", t.weight},
                         {"tf_adjustment", t.tf_adjustment}, {"value_a", t.value_a},
                         {"value_b", t.value_b}});
  }
  return Json{{"record_a", e.record_a},
              {"record_b", e.record_b},
              {"model_id", e.model_id},
              {"prior", e.prior},
              {"prior_weight", e.prior_weight},
              {"terms", terms},
              {"match_weight", e.match_weight},
              {"probability", e.probability},
              {"decision", MatchDecisionName(e.decision)},
              {"cannot_link_scheme", e.cannot_link_scheme},
              {"blocking_rule", e.blocking_rule}};
}

}  // namespace

std::string ExplanationToJson(const Explanation& e) { return model::DumpJson(ExplanationJson(e)); }

std::string MatchOneResultToJson(const MatchOneResult& result) {
  Json candidates = Json::array();
  for (const MatchCandidate& c : result.candidates) {
    candidates.push_back(Json{{"golden_id", c.golden_id},
                              {"probability", c.probability},
                              {"decision", MatchDecisionName(c.decision)},
                              {"explanation", ExplanationJson(c.explanation)}});
  }
  return model::DumpJson(Json{{"model_id", result.model_id},
                              {"compared_records", result.compared_records},
                              {"candidates", candidates}});
}

std::string ModelSummaryToJson(const ModelSummary& m) {
  Json comparisons = Json::array();
  for (const ComparisonSummary& c : m.comparisons) {
    Json levels = Json::array();
    for (const LevelSummary& l : c.levels) {
      levels.push_back(Json{{"level", l.level}, {"m", l.m}, {"u", l.u}, {"weight", l.weight}});
    }
    comparisons.push_back(Json{{"comparison", c.comparison}, {"levels", levels}});
  }
  return model::DumpJson(Json{{"model_id", m.model_id},
                              {"created_at", m.created_at},
                              {"prior", m.prior},
                              {"prior_weight", m.prior_weight},
                              {"records", m.records},
                              {"candidate_pairs", m.candidate_pairs},
                              {"sampled_candidate_pairs", m.sampled_candidate_pairs},
                              {"distinct_patterns", m.distinct_patterns},
                              {"u_sample_pairs", m.u_sample_pairs},
                              {"em_iterations", m.em_iterations},
                              {"converged", m.converged},
                              {"candidate_match_share", m.candidate_match_share},
                              {"seconds", m.seconds},
                              {"comparisons", comparisons}});
}

std::string EvaluationToJson(const Evaluation& e) {
  return model::DumpJson(Json{{"records", e.records},
                              {"records_without_truth", e.records_without_truth},
                              {"truth_rows_not_loaded", e.truth_rows_not_loaded},
                              {"true_entities", e.true_entities},
                              {"predicted_clusters", e.predicted_clusters},
                              {"true_pairs", e.true_pairs},
                              {"predicted_pairs", e.predicted_pairs},
                              {"correct_pairs", e.correct_pairs},
                              {"precision", e.precision},
                              {"recall", e.recall},
                              {"f1", e.f1},
                              {"bcubed_precision", e.bcubed_precision},
                              {"bcubed_recall", e.bcubed_recall},
                              {"bcubed_f1", e.bcubed_f1},
                              {"candidate_true_pairs", e.candidate_true_pairs},
                              {"blocking_recall", e.blocking_recall},
                              {"review_items", e.review_items},
                              {"records_in_review", e.records_in_review},
                              {"review_share", e.review_share}});
}

}  // namespace mdm
