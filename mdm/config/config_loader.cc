// SPDX-License-Identifier: Apache-2.0
// LoadConfig() and ParseConfig(): mdm.yaml -> mdm::Config, reporting every
// problem at once.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "mdm/config.h"
#include "mdm/base/sha256.h"
#include "mdm/config/config_errors.h"
#include "mdm/config/matching_reader.h"
#include "mdm/config/survivorship_reader.h"
#include "mdm/config/yaml_fields.h"
#include "mdm/model/canonical_field.h"
#include "mdm/status.h"

namespace mdm {
namespace {

using config::ConfigErrors;
using config::LineOf;
using config::YamlFields;

constexpr absl::string_view kLawfulBases[] = {
    "consent",        "contract",    "legal_obligation",
    "vital_interests", "public_task", "legitimate_interests"};

bool ValidSourceName(absl::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' &&
        c != '-') {
      return false;
    }
  }
  return true;
}

void ReadFormat(YamlFields& f, SourceConfig& source) {
  std::optional<std::string> format = f.String("format", false);
  if (!format) {
    // Default by extension so a one-line source entry just works.
    source.format = absl::EndsWith(source.files, ".jsonl") ||
                            absl::EndsWith(source.files, ".ndjson")
                        ? FileFormat::kJsonl
                        : FileFormat::kCsv;
  } else if (*format == "csv") {
    source.format = FileFormat::kCsv;
  } else if (*format == "jsonl") {
    source.format = FileFormat::kJsonl;
  } else {
    f.errors()->Add(LineOf(f.Get("format")), f.PathOf("format"),
                    "unknown format (expected csv or jsonl)");
  }
  if (source.format == FileFormat::kJsonl && f.Has("delimiter")) {
    f.errors()->Add(LineOf(f.Get("delimiter")), f.PathOf("delimiter"),
                    "applies to csv sources only");
  }
}

void ReadEncoding(YamlFields& f, SourceConfig& source) {
  std::optional<std::string> encoding = f.String("encoding", false);
  if (!encoding) return;
  const std::string e = absl::AsciiStrToLower(*encoding);
  if (e == "utf-8" || e == "utf8") {
    source.encoding = Encoding::kUtf8;
  } else if (e == "windows-1252" || e == "cp1252") {
    source.encoding = Encoding::kWindows1252;
  } else if (e == "latin-1" || e == "iso-8859-1" || e == "latin1") {
    source.encoding = Encoding::kLatin1;
  } else {
    f.errors()->Add(LineOf(f.Get("encoding")), f.PathOf("encoding"),
                    "unknown encoding (expected utf-8, windows-1252 or latin-1)");
  }
}

void ReadMapping(YamlFields& f, SourceConfig& source) {
  YAML::Node mapping = f.Get("mapping");
  if (!mapping || mapping.IsNull()) {
    f.errors()->Add(source.line, f.PathOf("mapping"), "is required");
    return;
  }
  if (!mapping.IsMap()) {
    f.errors()->Add(LineOf(mapping), f.PathOf("mapping"),
                    "expected column: field pairs");
    return;
  }
  // Single-valued fields may come from one column only.
  absl::flat_hash_map<std::string, std::string> single_targets;
  for (const auto& entry : mapping) {
    const std::string column = entry.first.Scalar();
    const std::string path = absl::StrCat(f.PathOf("mapping"), ".", column);
    if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
      f.errors()->Add(LineOf(entry.second), path, "expected a canonical field name");
      continue;
    }
    const std::string field = entry.second.Scalar();
    std::optional<model::FieldTarget> target = model::ParseFieldTarget(field);
    if (!target) {
      f.errors()->Add(LineOf(entry.second), path,
                      absl::StrCat("unknown field '", field, "'"));
      continue;
    }
    if (!model::IsMultiValued(target->field) &&
        target->field != model::CanonicalField::kIgnore) {
      auto [it, inserted] = single_targets.emplace(field, column);
      if (!inserted) {
        f.errors()->Add(LineOf(entry.second), path,
                        absl::StrCat("field '", field, "' is already mapped from column '",
                                     it->second, "'"));
        continue;
      }
    }
    source.mapping.push_back({column, field});
  }
  if (!single_targets.contains("source_key")) {
    f.errors()->Add(LineOf(mapping), f.PathOf("mapping"),
                    "no column is mapped to source_key");
  }
}

void ReadPrivacy(YamlFields& f, SourceConfig& source) {
  if (auto basis = f.String("lawful_basis", false)) {
    bool known = false;
    for (absl::string_view b : kLawfulBases) known = known || b == *basis;
    if (known) {
      source.lawful_basis = *basis;
    } else {
      f.errors()->Add(LineOf(f.Get("lawful_basis")), f.PathOf("lawful_basis"),
                      "unknown lawful basis (expected consent, contract, "
                      "legal_obligation, vital_interests, public_task or "
                      "legitimate_interests)");
    }
  }
  if (auto days = f.Int("retention_days", 0, 365 * 100)) {
    source.retention_days = static_cast<int>(*days);
  }
}

SourceConfig ReadSource(const YAML::Node& node, int index, ConfigErrors* errors) {
  SourceConfig source;
  source.line = LineOf(node);
  const std::string path = absl::StrCat("sources[", index, "]");
  if (!node.IsMap()) {
    errors->Add(source.line, path, "expected a mapping");
    return source;
  }
  YamlFields f(node, path, source.line, errors);
  f.RejectUnknownKeys({"name", "type", "files", "format", "delimiter", "encoding",
                       "mapping", "list_separator", "default_country", "trust",
                       "lawful_basis", "retention_days"});
  if (auto name = f.String("name", true)) {
    source.name = *name;
    if (!ValidSourceName(*name)) {
      errors->Add(LineOf(f.Get("name")), f.PathOf("name"),
                  "use 1-64 letters, digits, '_' or '-'");
    }
  }
  if (auto type = f.String("type", true)) {
    if (auto parsed = ParseSourceType(*type)) {
      source.type = *parsed;
    } else {
      errors->Add(LineOf(f.Get("type")), f.PathOf("type"),
                  absl::StrCat("unknown source type '", *type,
                               "' (expected rep, msl, medinfo or social)"));
    }
  }
  if (auto files = f.String("files", true)) source.files = *files;
  ReadFormat(f, source);
  if (auto delimiter = f.Char("delimiter")) source.delimiter = *delimiter;
  ReadEncoding(f, source);
  if (auto separator = f.Char("list_separator")) source.list_separator = *separator;
  if (auto country = f.String("default_country", false)) {
    const bool ok = country->size() == 2 && absl::ascii_isupper((*country)[0]) &&
                    absl::ascii_isupper((*country)[1]);
    if (ok) {
      source.default_country = *country;
    } else {
      errors->Add(LineOf(f.Get("default_country")), f.PathOf("default_country"),
                  "expected an upper-case ISO 3166-1 alpha-2 code such as FR");
    }
  }
  if (auto trust = f.Double("trust", 0.0, 1.0)) source.trust = *trust;
  ReadPrivacy(f, source);
  ReadMapping(f, source);
  return source;
}

void ReadSources(YamlFields& root, Config& config) {
  YAML::Node sources = root.Get("sources");
  if (!sources || !sources.IsSequence() || sources.size() == 0) {
    root.errors()->Add(sources ? LineOf(sources) : 0, "sources",
                       "expected a non-empty list of sources");
    return;
  }
  absl::flat_hash_set<std::string> names;
  int index = 0;
  for (const YAML::Node& node : sources) {
    SourceConfig source = ReadSource(node, index, root.errors());
    if (!source.name.empty() && !names.insert(source.name).second) {
      root.errors()->Add(source.line, absl::StrCat("sources[", index, "].name"),
                         absl::StrCat("duplicate source name '", source.name, "'"));
    }
    config.sources.push_back(std::move(source));
    ++index;
  }
}

void ReadStoreAndLimits(YamlFields& root, Config& config) {
  if (YAML::Node store = root.Get("store")) {
    if (!store.IsMap()) {
      root.errors()->Add(LineOf(store), "store", "expected a mapping");
    } else {
      YamlFields f(store, "store", LineOf(store), root.errors());
      f.RejectUnknownKeys({"path"});
      if (auto path = f.String("path", false)) {
        config.store_path =
            (std::filesystem::path(config.base_dir) / *path).lexically_normal().string();
      }
    }
  }
  if (YAML::Node limits = root.Get("limits")) {
    if (!limits.IsMap()) {
      root.errors()->Add(LineOf(limits), "limits", "expected a mapping");
      return;
    }
    YamlFields f(limits, "limits", LineOf(limits), root.errors());
    f.RejectUnknownKeys({"max_field_bytes", "max_row_bytes", "max_fields"});
    constexpr int64_t kMaxRow = int64_t{64} << 20;
    if (auto v = f.Int("max_field_bytes", 16, kMaxRow)) config.limits.max_field_bytes = *v;
    if (auto v = f.Int("max_row_bytes", 16, kMaxRow)) config.limits.max_row_bytes = *v;
    if (auto v = f.Int("max_fields", 1, 100000)) config.limits.max_fields = static_cast<int>(*v);
    if (config.limits.max_field_bytes > config.limits.max_row_bytes) {
      root.errors()->Add(LineOf(limits), "limits.max_field_bytes",
                         "must not exceed limits.max_row_bytes");
    }
  }
}

}  // namespace

absl::StatusOr<Config> ParseConfig(absl::string_view yaml_text,
                                   absl::string_view path) {
  ConfigErrors errors(path);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp reports syntax errors by exception; this is the one place
    // they are turned into a Status.
    errors.Add(e.mark.is_null() ? 0 : e.mark.line + 1, "", e.msg);
    return errors.ToStatus();
  }
  Config config;
  config.path = std::string(path);
  config.sha256 = base::Sha256Hex(yaml_text);
  config.base_dir = std::filesystem::path(std::string(path)).parent_path().string();
  if (!root.IsMap()) {
    errors.Add(LineOf(root), "", "expected a mapping with version and sources");
    return errors.ToStatus();
  }
  YamlFields f(root, "", 0, &errors);
  f.RejectUnknownKeys(
      {"version", "store", "limits", "sources", "matching", "survivorship"});
  if (auto version = f.Int("version", 1, 1)) {
    config.version = static_cast<int>(*version);
  } else if (!f.Has("version")) {
    errors.Add(0, "version", "is required (use version: 1)");
  }
  ReadStoreAndLimits(f, config);
  ReadSources(f, config);
  if (YAML::Node matching = f.Get("matching")) {
    config.matching = config::ReadMatching(matching, &errors);
  }
  if (YAML::Node survivorship = f.Get("survivorship")) {
    std::vector<std::string> source_names;
    for (const SourceConfig& source : config.sources) source_names.push_back(source.name);
    config.survivorship = config::ReadSurvivorship(survivorship, source_names, &errors);
  }
  MDM_RETURN_IF_ERROR(errors.ToStatus());
  return config;
}

absl::StatusOr<Config> LoadConfig(absl::string_view path) {
  // A config is a few kilobytes; a huge file is a mistake or an attack.
  constexpr std::uintmax_t kMaxConfigBytes = 4 << 20;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(std::string(path), ec);
  std::ifstream in{std::string(path), std::ios::binary};
  if (ec || !in) {
    return absl::NotFoundError(absl::StrCat("config ", path, ": cannot be read"));
  }
  if (size > kMaxConfigBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("config ", path, ": larger than 4 MiB"));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), path);
}

}  // namespace mdm
