// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/generator.h
//
// mdm-gen's whole run: loads the reference lists, makes `people` persons,
// derives their records in the four source types, injects the requested bad
// rows, and writes into the output folder:
//   crm_fr.csv crm_us.csv msl_profiles.jsonl medinfo_inquiries.csv
//   social_mentions.jsonl    the sources (see tools/gen/sources.h)
//   truth.csv                source,source_key,person_id for every written row
//   bad_rows.csv             file,line,kind,source_key of each bad row
//   mdm.yaml                 the config that loads the sources
// The output is a pure function of the options: same options, same bytes.
// Rows of a file are ordered by source key, as an export would be.
//
// Example:
//   GenOptions options{.seed = 42, .people = 300, .out_dir = "data-samples",
//                      .datasets_dir = "../shared/datasets", .bad_rows = 10};
//   absl::StatusOr<GenReport> report = Generate(options);
//   // report->files[0] == {"crm_fr.csv", 251}
#ifndef MDM_TOOLS_GEN_GENERATOR_H_
#define MDM_TOOLS_GEN_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace mdm::gen {

inline constexpr int64_t kMaxPeople = 10'000'000;
inline constexpr int kMaxBadRows = 10'000;

struct GenOptions {
  uint64_t seed = 1;
  int64_t people = 1000;     // 1 .. kMaxPeople
  std::string out_dir;       // created when missing
  std::string datasets_dir;  // the shared/datasets folder
  int bad_rows = 0;          // 0 .. kMaxBadRows
};

struct FileReport {
  std::string file;
  int64_t rows = 0;  // records, bad rows included, header excluded
};

struct BadRowReport {
  std::string file;
  int64_t line = 0;  // 1-based physical line where the row starts
  std::string kind;  // BadRowKindName()
  std::string source_key;
};

struct GenReport {
  std::vector<FileReport> files;  // in SourceSpecs() order
  std::vector<BadRowReport> bad_rows;
  int64_t truth_rows = 0;
};

// Generate()
//
// Runs the generator with `options`. InvalidArgument when people or bad_rows
// is out of range; NotFound or InvalidArgument naming the reference list that
// is missing or unreadable; Internal naming the file that cannot be written.
// Writes only inside out_dir. Not thread-safe with another run on the same
// out_dir.
absl::StatusOr<GenReport> Generate(const GenOptions& options);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_GENERATOR_H_
