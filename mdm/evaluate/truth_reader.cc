// SPDX-License-Identifier: Apache-2.0
#include "mdm/evaluate/truth_reader.h"

#include <memory>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/ingest/csv_reader.h"
#include "mdm/model/reject.h"
#include "mdm/status.h"
#include "re2/re2.h"

namespace mdm::evaluate {
namespace {

// Index of `name` among the header's columns (compared without surrounding
// spaces: FEBRL writes ", given_name").
std::optional<int> ColumnIndex(const std::vector<std::string>& columns,
                               absl::string_view name) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (absl::StripAsciiWhitespace(columns[i]) == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

absl::string_view Field(const ingest::RawRow& row, int column) {
  for (const ingest::RawField& f : row.fields) {
    if (f.column == column) return absl::StripAsciiWhitespace(f.value);
  }
  return "";
}

}  // namespace

absl::StatusOr<std::vector<TruthRow>> ReadTruth(const TruthOptions& options) {
  const bool mapped = !options.key_column.empty();
  if (mapped && (options.source.empty() || options.entity_column.empty())) {
    return absl::InvalidArgumentError(
        "truth: a key column needs a source and an entity column too");
  }
  std::unique_ptr<RE2> pattern;
  if (!options.entity_pattern.empty()) {
    pattern = std::make_unique<RE2>(options.entity_pattern, RE2::Quiet);
    if (!pattern->ok() || pattern->NumberOfCapturingGroups() != 1) {
      return absl::InvalidArgumentError(
          "truth: entity pattern must be a valid RE2 expression with one capture group");
    }
  }
  ingest::CsvOptions csv;
  csv.delimiter = options.delimiter;
  absl::StatusOr<std::unique_ptr<ingest::CsvReader>> reader =
      ingest::CsvReader::Open(options.path, csv);
  if (!reader.ok()) return reader.status();
  const std::vector<std::string>& columns = (*reader)->columns();
  const std::string source_col = mapped ? "" : "source";
  const std::string key_col = mapped ? options.key_column : "source_key";
  const std::string entity_col = mapped ? options.entity_column : "person_id";
  std::vector<int> index;
  for (const std::string& name :
       mapped ? std::vector<std::string>{key_col, entity_col}
              : std::vector<std::string>{source_col, key_col, entity_col}) {
    std::optional<int> i = ColumnIndex(columns, name);
    if (!i) {
      return absl::InvalidArgumentError(absl::StrCat(
          "truth ", options.path, ": no column '", name, "' (columns: ",
          absl::StrJoin(columns, ", "), ")"));
    }
    index.push_back(*i);
  }
  std::vector<TruthRow> rows;
  ingest::RawRow raw;
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool more, (*reader)->Next(&raw));
    if (!more) return rows;
    const std::string where = absl::StrCat("truth ", options.path, ":", raw.line);
    if (raw.error) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": ", model::IssueReasonName(*raw.error), " ",
                       raw.error_detail));
    }
    TruthRow row;
    row.line = raw.line;
    row.source = mapped ? options.source : std::string(Field(raw, index[0]));
    row.key = std::string(Field(raw, index[mapped ? 0 : 1]));
    std::string entity(Field(raw, index[mapped ? 1 : 2]));
    if (pattern && !RE2::PartialMatch(entity, *pattern, &row.entity)) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": column ", entity_col, " does not match the entity pattern"));
    }
    if (!pattern) row.entity = std::move(entity);
    // An empty key is a row no run could load (the generator writes truth
    // for its deliberately bad rows too): it is counted as not loaded.
    if (row.source.empty() || row.entity.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": empty source or entity"));
    }
    rows.push_back(std::move(row));
  }
}

}  // namespace mdm::evaluate
