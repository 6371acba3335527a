// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/raw_row.h
//
// What a reader yields for each input row before any mapping: the row's
// values as UTF-8 text keyed by column, or the reason the row could not be
// read. CSV and JSON Lines readers both produce RawRows, so the field mapper
// does not care about the format.
#ifndef MDM_INGEST_RAW_ROW_H_
#define MDM_INGEST_RAW_ROW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mdm/model/reject.h"

namespace mdm::ingest {

// One value of a row. `column` indexes the reader's columns(): the CSV header
// position, or for JSON Lines the interned path ("name.first", "emails[]",
// "addresses[].zip"). `group` is the index of the element in the outermost
// array on the path (0 when there is no array), so that the fields of one
// address stay together.
struct RawField {
  int column = 0;
  int group = 0;
  std::string value;  // valid UTF-8
};

struct RawRow {
  int64_t line = 0;  // 1-based physical line where the row starts
  std::vector<RawField> fields;
  // Set when the row could not be read; `fields` is then unspecified.
  std::optional<model::IssueReason> error;
  std::string error_field;   // column name concerned, when known
  std::string error_detail;  // no personal data: offsets, counts, columns
  // The row's bytes as read (before decoding), at most kMaxRawBytes, kept so
  // a rejected row can be inspected and replayed from the store.
  std::string raw;
  static constexpr size_t kMaxRawBytes = 64 * 1024;
};

}  // namespace mdm::ingest

#endif  // MDM_INGEST_RAW_ROW_H_
