// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/row_reader.h
//
// The common face of the CSV and JSON Lines readers, and the factory that
// opens the right one for a source. The batch loader reads every file through
// this interface, so it does not care about formats.
#ifndef MDM_INGEST_ROW_READER_H_
#define MDM_INGEST_ROW_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"
#include "mdm/ingest/raw_row.h"

namespace mdm::ingest {

class RowReader {
 public:
  virtual ~RowReader() = default;
  // Column names (CSV header) or JSON paths met so far (JSON Lines).
  virtual const std::vector<std::string>& columns() const = 0;
  // Reads the next row; false at the end. A malformed row comes back with
  // row->error set; a non-OK status means the file could not be read.
  virtual absl::StatusOr<bool> Next(RawRow* row) = 0;
  // True when columns() is known before the first row (a CSV header).
  virtual bool has_header() const = 0;
};

// Opens `path` with the reader for `source.format`, encoding and delimiter.
// NotFound when the file cannot be opened; InvalidArgument when its header is
// unusable (the message names file and line).
absl::StatusOr<std::unique_ptr<RowReader>> OpenRowReader(const SourceConfig& source,
                                                         const IngestLimits& limits,
                                                         absl::string_view path);

}  // namespace mdm::ingest

#endif  // MDM_INGEST_ROW_READER_H_
