// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/csv_reader.h
//
// Streaming reader of delimited text (RFC 4180 CSV), the first step of the
// Ingest stage for `format: csv` sources. It consumes a file (or bytes in
// memory) in the source's encoding and produces one RawRow per record: the
// UTF-8 values by header column, or the reason the row was rejected. Memory
// is bounded by the read buffer and the row limits, not by the file size.
//
// Dialect:
//   - the first non-blank line is the header; names must be unique, non-empty;
//   - fields are separated by the configured delimiter (',', ';', '\t', '|');
//   - a field that starts with '"' is quoted: it may hold delimiters, line
//     breaks (CR, LF, CRLF) and '""' for one quote; a quote inside an
//     unquoted field is kept as text (as Python's csv module does);
//   - records end with LF, CRLF or CR; blank lines are skipped; the last
//     record needs no line break; a UTF-8 byte order mark is skipped.
//
// Rejected rows (RawRow::error), each naming the line and, when it applies,
// the column:
//   kMalformedQuotes   text between a closing quote and the delimiter ("a"x)
//   kUnbalancedQuotes  a quote never closed; reading resumes on the next
//                      physical line, so the rest of the file is still read
//   kTooManyFields / kTooFewFields   field count differs from the header's
//   kFieldTooLarge / kRowTooLarge    above IngestLimits (never truncated)
//   kInvalidUtf8 / kEncodingError    bytes that do not decode
// A row with several problems reports the first one met, except that
// kUnbalancedQuotes and then kRowTooLarge win over any other.
//
// Example:
//   CsvOptions options;
//   options.delimiter = ';';
//   MDM_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader,
//                        CsvReader::Open("exports/crm.csv", options));
//   RawRow row;
//   while (true) {
//     MDM_ASSIGN_OR_RETURN(bool more, reader->Next(&row));
//     if (!more) break;
//     if (row.error) { /* reject: row.line, *row.error, row.error_field */ }
//     else { /* row.fields[i].value is column reader->columns()[i] */ }
//   }
#ifndef MDM_INGEST_CSV_READER_H_
#define MDM_INGEST_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"
#include "mdm/ingest/file_source.h"
#include "mdm/ingest/raw_row.h"
#include "mdm/ingest/text_decoder.h"

namespace mdm::ingest {

struct CsvOptions {
  // Field separator: one ASCII byte other than '"', CR and LF. Default: ','.
  char delimiter = ',';
  // Encoding of the file's bytes. Default: UTF-8.
  Encoding encoding = Encoding::kUtf8;
  // Bounds on field and row size and on the number of columns.
  IngestLimits limits;
  // Size of each read, in bytes. Affects speed only. Default: 1 MiB.
  size_t read_buffer_bytes = size_t{1} << 20;
};

// Reads one delimited file front to back. Lifecycle: Open() or OpenBuffer()
// (reads the header), then Next() until it returns false. Not thread-safe.
class CsvReader {
 public:
  // Open()
  //
  // Opens `path` and reads its header. NotFound when the file cannot be
  // opened; InvalidArgument when the options are unusable or the header is
  // (empty file, bad quotes, undecodable bytes, empty or duplicate names, more
  // than limits.max_fields columns), the message naming the file and line;
  // DataLoss on a read error.
  static absl::StatusOr<std::unique_ptr<CsvReader>> Open(
      absl::string_view path, const CsvOptions& options);

  // OpenBuffer()
  //
  // As Open() for file content already in memory; `name` stands for the path
  // in messages.
  static absl::StatusOr<std::unique_ptr<CsvReader>> OpenBuffer(
      std::string bytes, absl::string_view name, const CsvOptions& options);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The header's names, decoded to UTF-8, in file order.
  const std::vector<std::string>& columns() const { return columns_; }

  // Next()
  //
  // Reads the next record into *row, reusing its storage, and returns true;
  // returns false at the end of the file. A good row has one field per
  // column, fields[i].column == i. A malformed row comes back with
  // row->error set, never as a non-OK status: DataLoss means a read failed.
  absl::StatusOr<bool> Next(RawRow* row);

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };

  CsvReader(std::string name, const CsvOptions& options,
            std::unique_ptr<ByteSource> source, TextDecoder decoder);
  static absl::StatusOr<std::unique_ptr<CsvReader>> Start(
      std::string name, const CsvOptions& options,
      std::unique_ptr<ByteSource> source);
  absl::Status ReadHeader();

  // Reads one record, storing at most `max_fields` fields; false at the end.
  absl::StatusOr<bool> ReadRecord(RawRow* row, size_t max_fields);
  absl::StatusOr<bool> SkipBlankLines();
  // Reads the next chunk; false at the end of the source. `row`, when not
  // null, is the record that goes on past the old chunk.
  absl::StatusOr<bool> Refill(RawRow* row);
  bool Scan(RawRow* row);
  bool ScanUnquoted(RawRow* row);
  void ScanQuoted(RawRow* row);
  bool ScanAfterQuote(RawRow* row);
  bool EndField(RawRow* row);
  void BeginField(RawRow* row);
  void FinishField(RawRow* row);
  void DecodeField(RawRow* row, size_t field);
  // Checks the UTF-8 of the record whose bytes end at buf_[raw_end].
  void CheckUtf8(RawRow* row, size_t raw_end);
  void RejectFieldTooLarge(RawRow* row);
  void RejectRowTooLarge(RawRow* row);
  // Ends the record whose bytes end at buf_[raw_end] and checks its size and
  // field count.
  void FinishRecord(RawRow* row, size_t raw_end);
  // Rejects the record as kUnbalancedQuotes (`why` completes the detail),
  // keeps its first physical line as raw and goes back to read on from the
  // line after it.
  void RejectOpenQuote(RawRow* row, absl::string_view why);
  void AppendToField(RawRow* row, size_t from, size_t to);
  void CountLineBreaks(size_t from, size_t to);
  // Marks the row rejected unless it already is (the first problem wins) and
  // stops storing the current field. `field` indexes columns_, or kNoField.
  void Reject(RawRow* row, model::IssueReason reason, size_t field,
              std::string detail);
  std::string ColumnName(size_t field) const;
  char PrevByte() const { return pos_ > 0 ? buf_[pos_ - 1] : prev_byte_; }
  int64_t Offset() const { return buf_offset_ + static_cast<int64_t>(pos_); }

  const std::string name_;
  const CsvOptions options_;
  std::unique_ptr<ByteSource> source_;
  TextDecoder decoder_;
  std::vector<std::string> columns_;

  // Read buffer: buf_[0, end_) holds the source bytes from buf_offset_.
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  int64_t buf_offset_ = 0;
  char prev_byte_ = '\0';  // the byte before buf_[0]
  bool eof_ = false;
  int64_t line_ = 1;  // physical line of buf_[pos_]

  // The record being read.
  State state_ = State::kFieldStart;
  size_t max_fields_ = 0;
  size_t field_count_ = 0;      // fields begun, stored or not
  bool field_stored_ = false;   // the current field is kept in row->fields
  int64_t field_line_ = 0;      // line where the current field starts
  int64_t row_offset_ = 0;      // source offset of the record's first byte
  size_t raw_mark_ = 0;         // first byte of the record not yet in raw
  int64_t first_break_ = -1;    // offset of its first line break, if any
};

}  // namespace mdm::ingest

#endif  // MDM_INGEST_CSV_READER_H_
