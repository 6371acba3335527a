// SPDX-License-Identifier: Apache-2.0
#include "mdm/config/yaml_fields.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace mdm::config {

int LineOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

YamlFields::YamlFields(const YAML::Node& map, std::string path,
                       int fallback_line, ConfigErrors* errors)
    : map_(map), path_(std::move(path)), fallback_line_(fallback_line),
      errors_(errors) {}

void YamlFields::RejectUnknownKeys(
    std::initializer_list<absl::string_view> allowed) {
  for (const auto& entry : map_) {
    const std::string key = entry.first.Scalar();
    bool known = false;
    for (absl::string_view name : allowed) known = known || name == key;
    if (!known) errors_->Add(LineOf(entry.first), PathOf(key), "unknown key");
  }
}

bool YamlFields::Has(absl::string_view key) const {
  return static_cast<bool>(Get(key));
}

YAML::Node YamlFields::Get(absl::string_view key) const {
  // Const access: operator[] on a mutable node may insert the key.
  const YAML::Node& map = map_;
  return map[std::string(key)];
}

std::string YamlFields::PathOf(absl::string_view key) const {
  return path_.empty() ? std::string(key) : absl::StrCat(path_, ".", key);
}

std::optional<std::string> YamlFields::Scalar(absl::string_view key) {
  YAML::Node node = Get(key);
  if (!node || node.IsNull()) return std::nullopt;
  if (!node.IsScalar()) {
    errors_->Add(LineOf(node), PathOf(key), "expected a single value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> YamlFields::String(absl::string_view key,
                                              bool required) {
  if (!Has(key) || Get(key).IsNull()) {
    if (required) errors_->Add(fallback_line_, PathOf(key), "is required");
    return std::nullopt;
  }
  std::optional<std::string> value = Scalar(key);
  if (value && value->empty() && required) {
    errors_->Add(LineOf(Get(key)), PathOf(key), "must not be empty");
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> YamlFields::Int(absl::string_view key, int64_t min,
                                       int64_t max) {
  std::optional<std::string> text = Scalar(key);
  if (!text) return std::nullopt;
  int64_t value = 0;
  if (!absl::SimpleAtoi(*text, &value) || value < min || value > max) {
    errors_->Add(LineOf(Get(key)), PathOf(key),
                 absl::StrCat("expected a whole number from ", min, " to ", max));
    return std::nullopt;
  }
  return value;
}

std::optional<double> YamlFields::Double(absl::string_view key, double min,
                                         double max) {
  std::optional<std::string> text = Scalar(key);
  if (!text) return std::nullopt;
  double value = 0;
  if (!absl::SimpleAtod(*text, &value) || !std::isfinite(value) ||
      value < min || value > max) {
    errors_->Add(LineOf(Get(key)), PathOf(key),
                 absl::StrCat("expected a number from ", min, " to ", max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlFields::Bool(absl::string_view key) {
  std::optional<std::string> text = Scalar(key);
  if (!text) return std::nullopt;
  bool value = false;
  // decode() reports failure by return value; as<bool>() would throw.
  if (!YAML::convert<bool>::decode(Get(key), value)) {
    errors_->Add(LineOf(Get(key)), PathOf(key), "expected true or false");
    return std::nullopt;
  }
  return value;
}

std::optional<char> YamlFields::Char(absl::string_view key) {
  std::optional<std::string> text = Scalar(key);
  if (!text) return std::nullopt;
  const bool ok = text->size() == 1 && (*text)[0] != '"' && (*text)[0] != '\n' &&
                  (*text)[0] != '\r';
  if (!ok) {
    errors_->Add(LineOf(Get(key)), PathOf(key),
                 "expected one character other than a quote or a line break");
    return std::nullopt;
  }
  return (*text)[0];
}

}  // namespace mdm::config
