// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/field_mapper.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace mdm::ingest {

FieldMapper::FieldMapper(const SourceConfig& source)
    : split_lists_(source.format == FileFormat::kCsv),
      list_separator_(source.list_separator) {
  for (const FieldMapping& m : source.mapping) {
    // The config loader has validated every target.
    if (auto target = model::ParseFieldTarget(m.field)) by_column_[m.column] = *target;
  }
}

std::vector<model::RowIssue> FieldMapper::CheckColumns(
    const std::vector<std::string>& columns, absl::string_view file) const {
  std::vector<model::RowIssue> issues;
  absl::flat_hash_set<std::string> present;
  for (const std::string& column : columns) {
    const std::string name(absl::StripAsciiWhitespace(column));
    present.insert(name);
    if (!by_column_.contains(name)) {
      issues.push_back({std::string(file), 1, name, model::IssueReason::kUnmappedColumn,
                        "column is not in the source's mapping and is not loaded", ""});
    }
  }
  for (const auto& [column, target] : by_column_) {
    if (present.contains(column) || columns.empty()) continue;
    issues.push_back({std::string(file), 1, column, model::IssueReason::kMissingColumn,
                      absl::StrCat("mapped column is absent from the header; field ",
                                   model::FieldName(target.field), " stays empty"),
                      ""});
  }
  // Map iteration order is unspecified; reports must be stable.
  std::sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) {
    return std::tie(a.reason, a.field) < std::tie(b.reason, b.field);
  });
  return issues;
}

const std::optional<model::FieldTarget>& FieldMapper::TargetOf(
    int column, const std::vector<std::string>& columns) {
  while (column_targets_.size() < columns.size()) {
    const std::string name(
        absl::StripAsciiWhitespace(columns[column_targets_.size()]));
    auto it = by_column_.find(name);
    column_targets_.push_back(it == by_column_.end()
                                  ? std::nullopt
                                  : std::optional<model::FieldTarget>(it->second));
  }
  return column_targets_[column];
}

void FieldMapper::Map(const RawRow& row, const std::vector<std::string>& columns,
                      std::vector<MappedValue>* out) {
  out->clear();
  for (const RawField& raw : row.fields) {
    if (raw.column < 0 || static_cast<size_t>(raw.column) >= columns.size()) continue;
    const std::optional<model::FieldTarget>& target = TargetOf(raw.column, columns);
    if (!target || target->field == model::CanonicalField::kIgnore) continue;
    const int group = target->group + raw.group;
    auto add = [&](absl::string_view value) {
      value = absl::StripAsciiWhitespace(value);
      if (!value.empty()) out->push_back({target->field, group, std::string(value)});
    };
    if (split_lists_ && model::IsMultiValued(target->field)) {
      for (absl::string_view part : absl::StrSplit(raw.value, list_separator_)) add(part);
    } else {
      add(raw.value);
    }
  }
}

}  // namespace mdm::ingest
