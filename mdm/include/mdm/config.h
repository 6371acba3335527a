// SPDX-License-Identifier: Apache-2.0
// File: mdm/config.h
//
// The engine's configuration, read from `mdm.yaml`: where the sources are, how
// their columns map to the canonical HCP record, and the settings of later
// stages. schemas/json/mdm_config.schema.json describes the file and
// README.md ("Configuration") documents every key.
//
// LoadConfig() reports every problem of a broken file at once, each naming
// the file, the line and the key, so a user fixes them in one pass:
//
//   absl::StatusOr<mdm::Config> config = mdm::LoadConfig("mdm.yaml");
//   if (!config.ok()) {
//     // config.status().message():
//     //   mdm.yaml:7: sources[0].type: unknown source type 'crm' ...
//     //   mdm.yaml:12: sources[0].mapping.zip: unknown field 'postal'
//   }
#ifndef MDM_CONFIG_H_
#define MDM_CONFIG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/matching_config.h"
#include "mdm/record.h"
#include "mdm/survivorship_config.h"

namespace mdm {

enum class FileFormat { kCsv, kJsonl };
enum class Encoding { kUtf8, kWindows1252, kLatin1 };

// One column (CSV header name) or JSON path ("name.first", "emails[]",
// "addresses[].zip") mapped to a canonical field ("family_name",
// "address.postcode", see mdm/model/canonical_field.h).
struct FieldMapping {
  std::string column;
  std::string field;
};

struct SourceConfig {
  std::string name;  // unique; names the source in records, xref and reports
  SourceType type = SourceType::kRep;
  // A file path or a glob ("exports/crm_*.csv"), relative to the config file's
  // folder unless absolute. Matches are loaded in name order.
  std::string files;
  FileFormat format = FileFormat::kCsv;
  char delimiter = ',';                // CSV only
  Encoding encoding = Encoding::kUtf8;
  std::vector<FieldMapping> mapping;   // must map a column to "source_key"
  // Separator inside one field holding several values ("Cardio|Pediatrics").
  // Default: '|'. Applies to multi-valued fields only.
  char list_separator = '|';
  std::string default_country = "FR";  // ISO 3166-1 alpha-2 for phones, postcodes
  double trust = 0.5;                  // 0..1, used by survivorship
  // GDPR Art. 6 basis: consent, contract, legal_obligation, vital_interests,
  // public_task or legitimate_interests.
  std::string lawful_basis = "legitimate_interests";
  int retention_days = 0;  // 0 = kept until erased
  int line = 0;            // line of the source in the config file
};

// Bounds that protect a run against hostile input. Default values suit CRM
// exports; a row or field above a bound is rejected, not truncated.
struct IngestLimits {
  int64_t max_field_bytes = 64 * 1024;
  int64_t max_row_bytes = 1024 * 1024;
  int max_fields = 1000;
};

struct Config {
  std::string path;      // the file it was loaded from
  std::string sha256;    // of the file's text, recorded with every run
  std::string base_dir;  // folder that relative paths are resolved against
  int version = 1;
  std::string store_path;  // optional default for --db, resolved to base_dir
  IngestLimits limits;
  std::vector<SourceConfig> sources;
  MatchingConfig matching = DefaultMatchingConfig();  // `matching:`
  SurvivorshipConfig survivorship;                    // `survivorship:`
};

// LoadConfig()
//
// Reads and validates the YAML configuration at `path`. Returns the config on
// success; NotFound when the file cannot be read; InvalidArgument listing
// every problem found (YAML syntax, unknown or missing keys, wrong types,
// values out of range, unknown canonical fields, duplicate source names), one
// per line as "<file>:<line>: <key path>: <what is wrong>". Touches nothing
// but the file.
absl::StatusOr<Config> LoadConfig(absl::string_view path);

// ParseConfig()
//
// As LoadConfig() for YAML text already in memory; `path` names it in
// messages and anchors relative paths.
absl::StatusOr<Config> ParseConfig(absl::string_view yaml_text,
                                   absl::string_view path);

}  // namespace mdm

#endif  // MDM_CONFIG_H_
