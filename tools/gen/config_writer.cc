// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/config_writer.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "tools/gen/source_spec.h"

namespace mdm::gen {
namespace {

// Mapping keys with YAML flow characters ("emails[]") must be quoted.
std::string YamlKey(absl::string_view key) {
  if (key.find_first_of("[]{}:#,") == absl::string_view::npos) return std::string(key);
  return absl::StrCat("\"", key, "\"");
}

std::string DelimiterYaml(char delimiter) {
  return delimiter == '\t' ? "\"\\t\"" : absl::StrCat("\"", std::string(1, delimiter), "\"");
}

void AppendSource(const SourceSpec& spec, std::string* out) {
  absl::StrAppend(out, "  - name: ", spec.name, "\n",
                  "    type: ", spec.type, "\n",
                  "    files: ", spec.file, "\n",
                  "    format: ", spec.jsonl ? "jsonl" : "csv", "\n");
  if (!spec.jsonl) absl::StrAppend(out, "    delimiter: ", DelimiterYaml(spec.delimiter), "\n");
  absl::StrAppend(out, "    encoding: ", spec.windows1252 ? "windows-1252" : "utf-8", "\n",
                  "    default_country: ", spec.default_country, "\n",
                  "    trust: ", spec.trust, "\n",
                  "    lawful_basis: ", spec.lawful_basis, "\n",
                  "    retention_days: ", spec.retention_days, "\n");
  if (!spec.jsonl) absl::StrAppend(out, "    list_separator: \"|\"\n");
  absl::StrAppend(out, "    mapping:\n");
  for (const ColumnSpec& column : spec.columns) {
    absl::StrAppend(out, "      ", YamlKey(column.column), ": ", column.field, "\n");
  }
}

}  // namespace

std::string RenderConfig() {
  std::string out =
      "# Written by mdm-gen: loads the synthetic sample in this folder.\n"
      "# Every person is fictional; truth.csv gives the person behind each row.\n"
      "version: 1\n"
      "store:\n"
      "  path: mdm.db\n"
      "sources:\n";
  for (const SourceSpec& spec : SourceSpecs()) AppendSource(spec, &out);
  return out;
}

}  // namespace mdm::gen
