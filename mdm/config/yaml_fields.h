// SPDX-License-Identifier: Apache-2.0
// File: mdm/config/yaml_fields.h
//
// Typed, error-collecting access to the fields of a YAML mapping. Each getter
// reports a missing, mistyped or out-of-range value into ConfigErrors with
// the line of the offending node and the dotted key path
// ("sources[1].trust"), and returns nullopt, so the loader keeps going and
// reports every problem of the file at once.
#ifndef MDM_CONFIG_YAML_FIELDS_H_
#define MDM_CONFIG_YAML_FIELDS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "absl/strings/string_view.h"
#include "mdm/config/config_errors.h"

namespace mdm::config {

// 1-based line of `node` in its file; 0 when the node has no position.
int LineOf(const YAML::Node& node);

class YamlFields {
 public:
  // `map` is the mapping node read; `path` its key path for messages ("" for
  // the document root); `fallback_line` is used for keys that are missing.
  YamlFields(const YAML::Node& map, std::string path, int fallback_line,
             ConfigErrors* errors);

  // Reports every key of the mapping not in `allowed`.
  void RejectUnknownKeys(std::initializer_list<absl::string_view> allowed);

  bool Has(absl::string_view key) const;
  YAML::Node Get(absl::string_view key) const;
  std::string PathOf(absl::string_view key) const;

  std::optional<std::string> String(absl::string_view key, bool required);
  std::optional<int64_t> Int(absl::string_view key, int64_t min, int64_t max);
  std::optional<double> Double(absl::string_view key, double min, double max);
  // A YAML boolean (true/false, yes/no, on/off in any of YAML's cases).
  std::optional<bool> Bool(absl::string_view key);
  // A one-character string; YAML "\t" escapes are understood.
  std::optional<char> Char(absl::string_view key);

  ConfigErrors* errors() const { return errors_; }

 private:
  std::optional<std::string> Scalar(absl::string_view key);

  YAML::Node map_;
  std::string path_;
  int fallback_line_;
  ConfigErrors* errors_;
};

}  // namespace mdm::config

#endif  // MDM_CONFIG_YAML_FIELDS_H_
