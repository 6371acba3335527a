// SPDX-License-Identifier: Apache-2.0
// File: mdm/evaluate/truth_reader.h
//
// Reads a ground-truth file (see mdm/evaluation.h for the two formats) into
// (source, key, entity) rows. A malformed file is refused as a whole, with a
// message naming the file, line and column (never a value): an evaluation
// against half a truth would mislead.
#ifndef MDM_EVALUATE_TRUTH_READER_H_
#define MDM_EVALUATE_TRUTH_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mdm/evaluation.h"

namespace mdm::evaluate {

struct TruthRow {
  std::string source;
  std::string key;
  std::string entity;
  int64_t line = 0;
};

// NotFound when the file cannot be opened; InvalidArgument for a missing
// column, an unreadable row, an empty source or entity, an entity that does
// not match entity_pattern, or a bad pattern.
absl::StatusOr<std::vector<TruthRow>> ReadTruth(const TruthOptions& options);

}  // namespace mdm::evaluate

#endif  // MDM_EVALUATE_TRUTH_READER_H_
