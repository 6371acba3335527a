// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/row_processor.h"

#include "mdm/base/sha256.h"
#include "mdm/ingest/record_builder.h"
#include "mdm/match/match_keys.h"
#include "mdm/model/record_json.h"
#include "mdm/privacy/suppression.h"

namespace mdm::pipeline {
namespace {

ProcessedRow Reject(PendingRow& row, model::RowIssue issue, const RowContext& context) {
  ProcessedRow out;
  out.line = row.line;
  out.rejected = true;
  issue.file = context.file;
  issue.line = row.line;
  out.issues.push_back(std::move(issue));
  out.raw = std::move(row.raw);
  return out;
}

// An erased person's row: counted, never stored, not even as a reject.
ProcessedRow Suppressed(const PendingRow& row) {
  ProcessedRow out;
  out.line = row.line;
  out.suppressed = true;
  return out;
}

}  // namespace

ProcessedRow ProcessRow(PendingRow row, const RowContext& context) {
  if (row.read_error) return Reject(row, std::move(*row.read_error), context);
  ingest::BuiltRecord built = ingest::BuildRecord(row.values, *context.source);
  const privacy::Suppressor* suppressor = context.suppressor;
  if (suppressor != nullptr &&
      suppressor->MatchesKey(context.source->name, built.record.source_key)) {
    return Suppressed(row);
  }
  // A rejected row is stored with its bytes: an erased person's must not
  // be, so what could be read of it is normalized and checked first.
  const auto erased_person = [&] {
    if (suppressor == nullptr || suppressor->empty()) return false;
    return suppressor->Matches(normalize::NormalizeRecord(built.record, context.normalize).record);
  };
  if (built.record.source_key.empty()) {
    if (erased_person()) return Suppressed(row);
    return Reject(row,
                  {"", 0, "source_key", model::IssueReason::kMissingSourceKey,
                   "the column mapped to source_key is empty or absent", ""},
                  context);
  }
  for (const model::RowIssue& issue : built.issues) {
    if (model::SeverityOf(issue.reason) == model::Severity::kReject) {
      if (erased_person()) return Suppressed(row);
      model::RowIssue reject = issue;
      reject.source_key = built.record.source_key;
      return Reject(row, std::move(reject), context);
    }
  }
  normalize::NormalizeOutcome normalized =
      normalize::NormalizeRecord(std::move(built.record), context.normalize);
  if (suppressor != nullptr && suppressor->Matches(normalized.record)) return Suppressed(row);
  ProcessedRow out;
  out.line = row.line;
  out.rejected = normalized.rejected;
  out.issues = std::move(built.issues);
  for (model::RowIssue& issue : normalized.issues) out.issues.push_back(std::move(issue));
  for (model::RowIssue& issue : out.issues) {
    issue.file = context.file;
    issue.line = row.line;
    issue.source_key = normalized.record.source_key;
  }
  out.source_key = normalized.record.source_key;
  if (out.rejected) {
    // Warnings about a row that is not loaded would only be noise.
    std::erase_if(out.issues, [](const model::RowIssue& issue) {
      return model::SeverityOf(issue.reason) == model::Severity::kWarning;
    });
    out.raw = std::move(row.raw);
    return out;
  }
  out.observed_at = normalized.record.observed_at;
  out.raw_json = std::move(built.raw_json);
  out.record_json = model::RecordToJson(normalized.record);
  out.content_sha256 = base::Sha256Hex(out.record_json);
  // A delete marker has no keys: it is matched no more.
  out.deleted = normalized.record.deleted;
  if (!out.deleted) {
    out.match_keys = match::EncodeMatchKeys(match::ExtractMatchKeys(normalized.record));
  }
  return out;
}

}  // namespace mdm::pipeline
