// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/record_builder.h
//
// Ingest step "build": places a row's MappedValues into an mdm::SourceRecord
// as received (display forms only; normalization fills keys and validity
// later), and renders the same values as the raw JSON that the store keeps
// beside the normalized record.
//
// Name parts land where the name parser expects them: full_name in
// name.display, given_name (+ middle_name) in name.given_names, and so on.
// Identifier columns become Identifier{scheme, value}; crm_id has scheme
// "crm". Grouped fields form one Address or Affiliation per group.
//
// Example:
//   BuiltRecord built = BuildRecord(values, source);
//   built.record.name.family_name == "MARTIN";
//   built.raw_json == R"({"family_name":"MARTIN","phone":["01 99 00 00 01"]})"
#ifndef MDM_INGEST_RECORD_BUILDER_H_
#define MDM_INGEST_RECORD_BUILDER_H_

#include <string>
#include <vector>

#include "mdm/config.h"
#include "mdm/ingest/field_mapper.h"
#include "mdm/model/reject.h"
#include "mdm/record.h"

namespace mdm::ingest {

struct BuiltRecord {
  SourceRecord record;
  std::string raw_json;
  // Values that could not be placed (a consent that is neither yes nor no);
  // file and line are left for the caller to fill.
  std::vector<model::RowIssue> issues;
};

BuiltRecord BuildRecord(const std::vector<MappedValue>& values,
                        const SourceConfig& source);

}  // namespace mdm::ingest

#endif  // MDM_INGEST_RECORD_BUILDER_H_
