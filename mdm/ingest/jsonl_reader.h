// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/jsonl_reader.h
//
// Streaming reader of JSON Lines, the first step of the Ingest stage for
// `format: jsonl` sources. It consumes one JSON object per line (blank lines
// skipped) and produces one RawRow per object, flattened to path/value pairs
// so that the field mapper treats it like a CSV row:
//
// | JSON                                  | columns() path   | group | value        |
// |---------------------------------------|------------------|-------|--------------|
// | {"npi": 1234567893}                   | npi              | 0     | 1234567893   |
// | {"name": {"first": "Ana"}}            | name.first       | 0     | Ana          |
// | {"emails": ["a@x.org", "b@x.org"]}    | emails[]         | 0, 1  | a@x.org ...  |
// | {"addr": [{"zip": "75001"}, {...}]}   | addr[].zip       | 0, 1  | 75001 ...    |
// | {"active": true, "fax": null}         | active           | 0     | true         |
//
// Numbers keep their JSON text (integers never gain an exponent or ".0");
// null, empty arrays and empty objects give no field; a key repeated in one
// object gives one field per occurrence. `group` is the element index in the
// outermost array on the path. Paths are interned: columns() grows as new
// paths are met and column indexes stay stable for the whole file.
//
// Rejected rows: kMalformedJson (not JSON, or text after the object),
// kNotAnObject (an array or a scalar), kRowTooLarge (line above
// limits.max_row_bytes, not parsed), kFieldTooLarge (a string above
// limits.max_field_bytes), kTooManyFields (more than limits.max_fields values
// in the row, or more than limits.max_fields distinct paths in the file),
// kInvalidUtf8 / kEncodingError (the line does not decode).
//
// Example:
//   MDM_ASSIGN_OR_RETURN(std::unique_ptr<JsonlReader> reader,
//                        JsonlReader::Open("exports/msl.jsonl", {}));
//   RawRow row;
//   while (true) {
//     MDM_ASSIGN_OR_RETURN(bool more, reader->Next(&row));
//     if (!more) break;
//     for (const RawField& f : row.fields) {
//       // reader->columns()[f.column], f.group, f.value
//     }
//   }
#ifndef MDM_INGEST_JSONL_READER_H_
#define MDM_INGEST_JSONL_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"
#include "mdm/ingest/file_source.h"
#include "mdm/ingest/raw_row.h"
#include "mdm/ingest/text_decoder.h"

namespace mdm::ingest {

struct JsonlOptions {
  // Encoding of the file's bytes. Default: UTF-8.
  Encoding encoding = Encoding::kUtf8;
  // Bounds on line and string size and on the number of values and paths.
  IngestLimits limits;
  // Size of each read, in bytes. Affects speed only. Default: 1 MiB.
  size_t read_buffer_bytes = size_t{1} << 20;
};

// The interned JSON paths of one file.
struct JsonColumns {
  std::vector<std::string> names;
  absl::flat_hash_map<std::string, int> index;  // name -> position in names
};

// Reads one JSON Lines file front to back. Lifecycle: Open() or
// OpenBuffer(), then Next() until it returns false. Not thread-safe.
class JsonlReader {
 public:
  // Open()
  //
  // Opens `path`. NotFound when it cannot be opened; InvalidArgument when
  // the limits or the buffer size are not positive; DataLoss on a read error.
  static absl::StatusOr<std::unique_ptr<JsonlReader>> Open(
      absl::string_view path, const JsonlOptions& options);

  // OpenBuffer()
  //
  // As Open() for content already in memory; `name` stands for the path.
  static absl::StatusOr<std::unique_ptr<JsonlReader>> OpenBuffer(
      std::string bytes, absl::string_view name, const JsonlOptions& options);

  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Every path met so far, in order of first appearance.
  const std::vector<std::string>& columns() const { return columns_.names; }

  // Next()
  //
  // Reads the next non-blank line into *row, reusing its storage, and
  // returns true; false at the end of the file. A bad line comes back with
  // row->error set, never as a non-OK status: DataLoss means a read failed.
  absl::StatusOr<bool> Next(RawRow* row);

 private:
  JsonlReader(const JsonlOptions& options, LineReader lines,
              TextDecoder decoder);
  static absl::StatusOr<std::unique_ptr<JsonlReader>> Start(
      const JsonlOptions& options, std::unique_ptr<ByteSource> source);
  void ParseLine(absl::string_view line, RawRow* row);

  const JsonlOptions options_;
  LineReader lines_;
  TextDecoder decoder_;
  JsonColumns columns_;
  std::string text_;  // the line being decoded and parsed
};

}  // namespace mdm::ingest

#endif  // MDM_INGEST_JSONL_READER_H_
