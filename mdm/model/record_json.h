// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/record_json.h
//
// The JSON form of a SourceRecord: how the store keeps normalized records and
// how `--json` outputs show them. Empty strings, empty lists and default
// validities are omitted, so a sparse social-listening record stays small.
// Field names follow mdm/record.h.
//
// Example:
//   std::string json = RecordToJson(record);
//   absl::StatusOr<SourceRecord> back = RecordFromJson(json);  // == record
#ifndef MDM_MODEL_RECORD_JSON_H_
#define MDM_MODEL_RECORD_JSON_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::model {

// Serializes `record` to compact JSON with a stable key order, so equal
// records give equal text (the store hashes it to detect unchanged rows).
std::string RecordToJson(const SourceRecord& record);

// Parses text written by RecordToJson(). DataLoss when the text is not such
// a record (the store holds it, so a bad one means a damaged store).
absl::StatusOr<SourceRecord> RecordFromJson(absl::string_view json);

}  // namespace mdm::model

#endif  // MDM_MODEL_RECORD_JSON_H_
