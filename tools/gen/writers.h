// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/writers.h
//
// Serialization of generated records and writing of the output files. A
// record is built as a CsvRow (fields by column name) or a JSON object, turned
// into text here (RFC 4180 quoting, the source's delimiter and line end; one
// compact JSON object per line), and kept as an OutputRow until the file is
// written. WriteSourceFile() adds the CSV header, converts medinfo rows to
// Windows-1252 and reports on which physical line each row starts.
//
// Example:
//   CsvRow row(SourceSpecs()[kCrmFr]);
//   row.Set("crm_id", "FR00001234");
//   row.Set("city", "Saint-Étienne");
//   std::string text = CsvText(row.fields(), SourceSpecs()[kCrmFr]);
//   // "FR00001234,,,,...,Saint-Étienne,...\n"
#ifndef MDM_TOOLS_GEN_WRITERS_H_
#define MDM_TOOLS_GEN_WRITERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "tools/gen/source_spec.h"

namespace mdm::gen {

// One written record and its ground truth.
struct OutputRow {
  std::string source_key;  // empty when the row deliberately lacks one
  std::string person_id;
  std::string text;  // UTF-8 (except deliberately broken rows), line end included
};

// The fields of one CSV record, in the column order of its SourceSpec.
class CsvRow {
 public:
  explicit CsvRow(const SourceSpec& spec);
  // Sets column `column`. REQUIRES: `spec` has that column.
  void Set(const char* column, std::string value);
  const std::vector<std::string>& fields() const { return fields_; }
  std::vector<std::string>& mutable_fields() { return fields_; }

 private:
  const SourceSpec& spec_;
  std::vector<std::string> fields_;
};

// One CSV record of `spec`: fields joined by its delimiter, quoted when they
// hold the delimiter, a quote, CR or LF, followed by its line end.
std::string CsvText(absl::Span<const std::string> fields, const SourceSpec& spec);

// One JSON Lines record: compact, keys in insertion order, "\n" ended.
std::string JsonText(const nlohmann::ordered_json& object);

// WriteSourceFile()
//
// Writes `rows` of `spec` to `path`, CSV header first, converting to
// Windows-1252 when the spec says so. Returns the 1-based physical line on
// which each row starts (header = line 1). Internal error naming the path
// when the file cannot be written.
absl::StatusOr<std::vector<int64_t>> WriteSourceFile(
    const std::string& path, const SourceSpec& spec,
    absl::Span<const OutputRow> rows);

// Writes `content` to `path` as is. Internal error naming the path on failure.
absl::Status WriteTextFile(const std::string& path, absl::string_view content);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_WRITERS_H_
