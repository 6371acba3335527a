// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/file_source.h
//
// Byte access for the input readers. A ByteSource hands out the bytes of one
// input (a file on disk, or a string for tests and fuzzing) by offset, so a
// reader can go back to an earlier offset to recover from a broken row. A
// LineReader cuts a source into '\n'-terminated lines with a bounded buffer,
// for the JSON Lines reader.
//
// Example:
//   MDM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source,
//                        OpenFileSource("exports/msl.jsonl"));
//   LineReader lines(std::move(source), /*start_offset=*/0,
//                    /*max_line_bytes=*/1 << 20, /*chunk_bytes=*/1 << 20);
//   LineReader::Line line;
//   while (true) {
//     MDM_ASSIGN_OR_RETURN(bool more, lines.Next(&line));
//     if (!more) break;
//     // line.text, line.number, line.too_long
//   }
#ifndef MDM_INGEST_FILE_SOURCE_H_
#define MDM_INGEST_FILE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"

namespace mdm::ingest {

// The bytes of one input, read by offset. Implementations are not
// thread-safe; one reader owns one source.
// CheckReadOptions()
//
// InvalidArgument naming `name` unless every limit and the read buffer size
// are positive; both readers call it before opening anything.
absl::Status CheckReadOptions(const IngestLimits& limits, size_t read_buffer_bytes,
                              absl::string_view name);

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Copies up to `size` bytes starting at `offset` into `dst` and returns how
  // many were copied: fewer than `size` is not an error, 0 means `offset` is
  // at or past the end. DataLoss when the underlying read fails.
  virtual absl::StatusOr<size_t> ReadAt(int64_t offset, char* dst,
                                        size_t size) = 0;
};

// OpenFileSource()
//
// Opens the regular file at `path` for reading. NotFound when it cannot be
// opened or is not a regular file (a directory, a pipe: readers seek back).
absl::StatusOr<std::unique_ptr<ByteSource>> OpenFileSource(
    absl::string_view path);

// MemorySource()
//
// A source over `bytes`, which it owns. Never fails.
std::unique_ptr<ByteSource> MemorySource(std::string bytes);

// Utf8BomLength()
//
// 3 when `source` starts with the UTF-8 byte order mark EF BB BF, else 0.
// DataLoss when the read fails.
absl::StatusOr<int64_t> Utf8BomLength(ByteSource* source);

// Cuts a source into lines ended by '\n' (a '\r' before it is dropped; the
// last line needs no '\n'). A line longer than `max_line_bytes` is reported
// as too long and skipped without being held in memory, so the buffer never
// exceeds max_line_bytes + chunk_bytes. Not thread-safe.
class LineReader {
 public:
  struct Line {
    // The line without its terminator; for a too-long line, its first
    // max_line_bytes bytes. Valid until the next call to Next().
    absl::string_view text;
    int64_t number = 0;  // 1-based physical line
    bool too_long = false;
  };

  // Reads `source` from `start_offset` (past a BOM, say) in reads of
  // `chunk_bytes`. REQUIRES: max_line_bytes > 0, chunk_bytes > 0.
  LineReader(std::unique_ptr<ByteSource> source, int64_t start_offset,
             int64_t max_line_bytes, size_t chunk_bytes);

  // Stores the next line in *line and returns true, or returns false at the
  // end of the source. DataLoss when a read fails.
  absl::StatusOr<bool> Next(Line* line);

 private:
  // Reads more bytes after the buffered ones; false at the end of the source.
  absl::StatusOr<bool> Fill();
  // Points line->text at [start, start + len) less a final '\r'.
  static void SetText(const char* start, size_t len, Line* line);
  // Reports the too-long line of `len` bytes at pos_ (more if its '\n' is not
  // in the buffer) by its first max_line_bytes bytes, and skips it.
  absl::Status TakeLongLine(size_t len, bool ends_in_buffer, Line* line);
  // Drops the rest of a too-long line, up to and including its '\n'.
  absl::Status SkipRestOfLine();

  std::unique_ptr<ByteSource> source_;
  int64_t max_line_bytes_;
  size_t chunk_bytes_;
  std::vector<char> buf_;
  size_t pos_ = 0;          // first unread byte in buf_
  size_t end_ = 0;          // end of the valid bytes in buf_
  int64_t next_offset_;     // source offset of buf_[end_]
  bool eof_ = false;
  int64_t line_number_ = 0;
  std::string long_prefix_;  // start of the last too-long line
};

}  // namespace mdm::ingest

#endif  // MDM_INGEST_FILE_SOURCE_H_
