// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/writers.h"

#include <algorithm>
#include <fstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

bool NeedsQuotes(absl::string_view field, char delimiter) {
  for (char c : field) {
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

void AppendCsvField(absl::string_view field, char delimiter, std::string* out) {
  if (!NeedsQuotes(field, delimiter)) {
    out->append(field.data(), field.size());
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string HeaderText(const SourceSpec& spec) {
  std::vector<std::string> names;
  for (const ColumnSpec& column : spec.columns) names.emplace_back(column.column);
  return CsvText(names, spec);
}

}  // namespace

CsvRow::CsvRow(const SourceSpec& spec) : spec_(spec), fields_(spec.columns.size()) {}

void CsvRow::Set(const char* column, std::string value) {
  fields_[ColumnIndex(spec_, column)] = std::move(value);
}

std::string CsvText(absl::Span<const std::string> fields, const SourceSpec& spec) {
  std::string out;
  for (size_t field_idx = 0; field_idx < fields.size(); ++field_idx) {
    if (field_idx > 0) out.push_back(spec.delimiter);
    AppendCsvField(fields[field_idx], spec.delimiter, &out);
  }
  out.append(spec.crlf ? "\r\n" : "\n");
  return out;
}

std::string JsonText(const nlohmann::ordered_json& object) {
  // The replace handler keeps dump() from throwing on a stray invalid byte.
  return absl::StrCat(
      object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
      "\n");
}

absl::StatusOr<std::vector<int64_t>> WriteSourceFile(
    const std::string& path, const SourceSpec& spec,
    absl::Span<const OutputRow> rows) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  int64_t line = 1;
  if (!spec.jsonl) {
    out << HeaderText(spec);
    ++line;
  }
  std::vector<int64_t> start_lines;
  start_lines.reserve(rows.size());
  for (const OutputRow& row : rows) {
    start_lines.push_back(line);
    line += std::count(row.text.begin(), row.text.end(), '\n');
    out << (spec.windows1252 ? EncodeWindows1252(row.text) : row.text);
  }
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path));
  return start_lines;
}

absl::Status WriteTextFile(const std::string& path, absl::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

}  // namespace mdm::gen
