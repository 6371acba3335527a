// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/row_processor.h
//
// What a worker thread does to one input row between reading and writing:
// build the record from its mapped values, validate the source key,
// normalize, and serialize and hash the result for the store. Pure and
// thread-safe; the batch loader runs it on chunks of rows in parallel.
#ifndef MDM_PIPELINE_ROW_PROCESSOR_H_
#define MDM_PIPELINE_ROW_PROCESSOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mdm/config.h"
#include "mdm/ingest/field_mapper.h"
#include "mdm/model/reject.h"
#include "mdm/normalize/normalize_stage.h"
#include "mdm/privacy/suppression.h"

namespace mdm::pipeline {

// A row as the reader thread hands it over.
struct PendingRow {
  int64_t line = 0;
  std::optional<model::RowIssue> read_error;  // set: the reader rejected the row
  std::vector<ingest::MappedValue> values;
  std::string raw;  // the row's bytes, kept in case it is rejected
};

// A row ready for the store: either rejected, or a record version.
struct ProcessedRow {
  int64_t line = 0;
  bool rejected = false;
  // Warnings and, when rejected, the reject, with file and line filled in.
  std::vector<model::RowIssue> issues;
  std::string raw;  // only for rejected rows
  std::string source_key;
  std::string observed_at;
  std::string content_sha256;
  std::string raw_json;
  std::string record_json;
  std::string match_keys;  // EncodeMatchKeys() of the normalized record; empty
                           // for a delete marker
  bool deleted = false;    // a delete marker
  bool suppressed = false;  // an erased person's row (privacy/suppression.h): not loaded
};

struct RowContext {
  const SourceConfig* source = nullptr;
  std::string file;  // path as reported in issues
  normalize::NormalizeContext normalize;
  // Erased people's strong keys; null or empty when nobody was erased.
  const privacy::Suppressor* suppressor = nullptr;
};

ProcessedRow ProcessRow(PendingRow row, const RowContext& context);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_ROW_PROCESSOR_H_
