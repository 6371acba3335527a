// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/source_spec.h
//
// The five files mdm-gen writes and everything the rest of the generator
// needs to know about them: file name, format, delimiter, encoding, line end,
// the columns (CSV header order) or JSON paths with the canonical field each
// maps to, and the source settings that go into mdm.yaml. Writers take their
// header from here and the config writer its mapping, so the two cannot
// disagree.
//
// Example:
//   const SourceSpec& spec = SourceSpecs()[kMedinfo];
//   // spec.file == "medinfo_inquiries.csv", spec.delimiter == ';',
//   // spec.windows1252 == true, spec.columns[0] == {"inquiry_id", "source_key"}
#ifndef MDM_TOOLS_GEN_SOURCE_SPEC_H_
#define MDM_TOOLS_GEN_SOURCE_SPEC_H_

#include <cstddef>
#include <string>

#include "absl/types/span.h"

namespace mdm::gen {

// Positions of the sources in SourceSpecs(), in output order.
enum SourceIndex : size_t { kCrmFr, kCrmUs, kMslKol, kMedinfo, kSocial, kSourceCount };

// A CSV column or JSON path and its canonical field (mdm/model/canonical_field.h).
struct ColumnSpec {
  const char* column;
  const char* field;
};

struct SourceSpec {
  const char* name;  // source name in mdm.yaml and truth.csv
  const char* type;  // rep | msl | medinfo | social
  const char* file;
  bool jsonl;        // else CSV
  char delimiter;    // CSV only
  bool crlf;         // CSV line end "\r\n" instead of "\n"
  bool windows1252;  // else UTF-8
  const char* default_country;
  const char* trust;
  const char* lawful_basis;
  int retention_days;
  absl::Span<const ColumnSpec> columns;
};

absl::Span<const SourceSpec> SourceSpecs();

// Position of the column named `column` in `spec`. REQUIRES: it exists.
size_t ColumnIndex(const SourceSpec& spec, const char* column);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_SOURCE_SPEC_H_
