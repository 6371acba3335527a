// SPDX-License-Identifier: Apache-2.0
// File: mdm/json.h
//
// JSON renderings of the library's public value types: what `mdm ... --json`
// prints and what the store keeps as a run's report. Keys are snake_case and
// stable; consumers may rely on them.
#ifndef MDM_JSON_H_
#define MDM_JSON_H_

#include <string>
#include <vector>

#include "mdm/evaluation.h"
#include "mdm/explanation.h"
#include "mdm/golden.h"
#include "mdm/match_one.h"
#include "mdm/model_summary.h"
#include "mdm/record.h"
#include "mdm/run_report.h"
#include "mdm/stored.h"

namespace mdm {

std::string RunReportToJson(const RunReport& report);
std::string SourceRecordToJson(const SourceRecord& record);
std::string StoredRecordToJson(const StoredRecord& record);
std::string LoadedFilesToJson(const std::vector<LoadedFile>& files);
std::string IssuesToJson(const std::vector<StoredIssue>& issues);
std::string RunsToJson(const std::vector<RunSummary>& runs);
std::string ExplanationToJson(const Explanation& explanation);
std::string ModelSummaryToJson(const ModelSummary& model);
std::string EvaluationToJson(const Evaluation& evaluation);
// {"golden_id", "status", "merged_into", "created_run", "updated_run", then
// each attribute {"value", "rule", "records"} (lists add "primary"), "members"}.
std::string GoldenRecordToJson(const GoldenRecord& golden);
std::string GoldenHistoryToJson(const std::vector<GoldenEvent>& events);
std::string CrosswalkToJson(const Crosswalk& crosswalk);
// {"model_id", "compared_records", "candidates": [{"golden_id", "probability",
// "decision", "explanation"}]}.
std::string MatchOneResultToJson(const MatchOneResult& result);

}  // namespace mdm

#endif  // MDM_JSON_H_
