// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/field_mapper.h
//
// Ingest step "map": turns a reader's RawRow (values keyed by column or JSON
// path) into MappedValues keyed by canonical field, following the source's
// mapping in mdm.yaml. Multi-valued CSV cells are split on the source's list
// separator; empty values are dropped; values are trimmed.
//
// Example:
//   FieldMapper mapper(source);   // mapping {nom: family_name, tel: phone}
//   auto header_issues = mapper.CheckColumns(reader.columns(), "crm.csv");
//   std::vector<MappedValue> values;
//   mapper.Map(row, reader.columns(), &values);
//   // values: {kFamilyName, 0, "Martin"}, {kPhone, 0, "01 99 00 00 01"} ...
//
// Thread-safety: one mapper per reader; Map() caches column lookups.
#ifndef MDM_INGEST_FIELD_MAPPER_H_
#define MDM_INGEST_FIELD_MAPPER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"
#include "mdm/ingest/raw_row.h"
#include "mdm/model/canonical_field.h"
#include "mdm/model/reject.h"

namespace mdm::ingest {

struct MappedValue {
  model::CanonicalField field = model::CanonicalField::kIgnore;
  int group = 0;  // item of a grouped field (address, affiliation)
  std::string value;
};

class FieldMapper {
 public:
  explicit FieldMapper(const SourceConfig& source);

  // File-level warnings for a CSV header: columns present but not mapped
  // (kUnmappedColumn) and mapped columns absent (kMissingColumn), each once,
  // at line 1. JSON Lines files have no header: call with an empty list.
  std::vector<model::RowIssue> CheckColumns(const std::vector<std::string>& columns,
                                            absl::string_view file) const;

  // Appends the mapped values of `row` to `*out` (cleared first). `columns`
  // is the reader's column list at the time of the row.
  void Map(const RawRow& row, const std::vector<std::string>& columns,
           std::vector<MappedValue>* out);

 private:
  const std::optional<model::FieldTarget>& TargetOf(int column,
                                                    const std::vector<std::string>& columns);

  bool split_lists_;
  char list_separator_;
  absl::flat_hash_map<std::string, model::FieldTarget> by_column_;
  std::vector<std::optional<model::FieldTarget>> column_targets_;  // cache
};

}  // namespace mdm::ingest

#endif  // MDM_INGEST_FIELD_MAPPER_H_
