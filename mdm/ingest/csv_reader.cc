// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/csv_reader.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "absl/base/optimization.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/utf8.h"
#include "mdm/model/reject.h"
#include "mdm/status.h"

namespace mdm::ingest {
namespace {

using model::IssueReason;

constexpr size_t kNoField = static_cast<size_t>(-1);

absl::Status ValidateOptions(const CsvOptions& options, absl::string_view name) {
  const auto delimiter = static_cast<unsigned char>(options.delimiter);
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' ||
      delimiter == 0 || delimiter >= 0x80) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": the delimiter must be one ASCII byte other than '\"', CR, LF"));
  }
  return CheckReadOptions(options.limits, options.read_buffer_bytes, name);
}

// FindAny()
//
// Position of the first byte of data[from, to) equal to `a`, `b` or `c`, or
// `to`. Eight bytes per step: a byte x matches `a` when x ^ a is zero, and
// (v - 0x01..) & ~v & 0x80.. flags zero bytes, the lowest flag exactly.
size_t FindAny(const char* data, size_t from, size_t to, char a, char b,
               char c) {
  static_assert(std::endian::native == std::endian::little);
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const uint64_t mask_a = kOnes * static_cast<unsigned char>(a);
  const uint64_t mask_b = kOnes * static_cast<unsigned char>(b);
  const uint64_t mask_c = kOnes * static_cast<unsigned char>(c);
  auto zero_bytes = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  size_t pos = from;
  for (; pos + 8 <= to; pos += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, data + pos, 8);
    const uint64_t hits = zero_bytes(chunk ^ mask_a) |
                          zero_bytes(chunk ^ mask_b) |
                          zero_bytes(chunk ^ mask_c);
    if (hits != 0) return pos + static_cast<size_t>(std::countr_zero(hits) / 8);
  }
  for (; pos < to; ++pos) {
    if (data[pos] == a || data[pos] == b || data[pos] == c) return pos;
  }
  return to;
}

void AppendRaw(const char* data, size_t size, std::string* raw) {
  const size_t room = RawRow::kMaxRawBytes - std::min(raw->size(),
                                                      RawRow::kMaxRawBytes);
  raw->append(data, std::min(size, room));
}

}  // namespace

absl::StatusOr<std::unique_ptr<CsvReader>> CsvReader::Open(
    absl::string_view path, const CsvOptions& options) {
  MDM_RETURN_IF_ERROR(ValidateOptions(options, path));
  MDM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source,
                       OpenFileSource(path));
  return Start(std::string(path), options, std::move(source));
}

absl::StatusOr<std::unique_ptr<CsvReader>> CsvReader::OpenBuffer(
    std::string bytes, absl::string_view name, const CsvOptions& options) {
  MDM_RETURN_IF_ERROR(ValidateOptions(options, name));
  return Start(std::string(name), options, MemorySource(std::move(bytes)));
}

absl::StatusOr<std::unique_ptr<CsvReader>> CsvReader::Start(
    std::string name, const CsvOptions& options,
    std::unique_ptr<ByteSource> source) {
  MDM_ASSIGN_OR_RETURN(TextDecoder decoder,
                       TextDecoder::Create(options.encoding));
  std::unique_ptr<CsvReader> reader(new CsvReader(
      std::move(name), options, std::move(source), std::move(decoder)));
  if (options.encoding == Encoding::kUtf8) {
    MDM_ASSIGN_OR_RETURN(reader->buf_offset_,
                         Utf8BomLength(reader->source_.get()));
  }
  MDM_RETURN_IF_ERROR(reader->ReadHeader());
  return reader;
}

CsvReader::CsvReader(std::string name, const CsvOptions& options,
                     std::unique_ptr<ByteSource> source, TextDecoder decoder)
    : name_(std::move(name)),
      options_(options),
      source_(std::move(source)),
      decoder_(std::move(decoder)),
      buf_(options.read_buffer_bytes) {}

absl::Status CsvReader::ReadHeader() {
  RawRow header;
  const auto max_fields = static_cast<size_t>(options_.limits.max_fields);
  MDM_ASSIGN_OR_RETURN(bool found, ReadRecord(&header, max_fields));
  const std::string where = absl::StrCat(name_, ":", found ? header.line : 1);
  if (!found) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": empty file, expected a header line"));
  }
  if (header.error) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": unreadable header: ",
                     model::IssueReasonName(*header.error), ": ",
                     header.error_detail));
  }
  if (field_count_ > max_fields) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": the header has ", field_count_,
                     " columns, more than the limit of ", max_fields));
  }
  absl::flat_hash_map<absl::string_view, size_t> seen;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& column = header.fields[i].value;
    if (column.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": header column ", i + 1, " has no name"));
    }
    auto [it, inserted] = seen.emplace(column, i);
    if (!inserted) {
      // No name in the message: a file without header puts data here.
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": header columns ", it->second + 1, " and ",
                       i + 1, " have the same name"));
    }
  }
  for (RawField& field : header.fields) columns_.push_back(std::move(field.value));
  return absl::OkStatus();
}

absl::StatusOr<bool> CsvReader::Next(RawRow* row) {
  return ReadRecord(row, columns_.size());
}

absl::StatusOr<bool> CsvReader::ReadRecord(RawRow* row, size_t max_fields) {
  row->error.reset();
  row->error_field.clear();
  row->error_detail.clear();
  row->raw.clear();
  MDM_ASSIGN_OR_RETURN(bool found, SkipBlankLines());
  if (!found) {
    row->fields.clear();
    return false;
  }
  row->line = line_;
  state_ = State::kFieldStart;
  max_fields_ = max_fields;
  field_count_ = 0;
  field_stored_ = false;
  row_offset_ = Offset();
  raw_mark_ = pos_;
  first_break_ = -1;
  for (;;) {
    if (Scan(row)) return true;
    MDM_ASSIGN_OR_RETURN(bool more, Refill(row));
    if (more) continue;
    if (state_ == State::kQuoted) {
      RejectOpenQuote(row, "before the end of the file");
      return true;
    }
    // A delimiter as the last byte of the file opens an empty last field.
    if (state_ == State::kFieldStart) BeginField(row);
    FinishField(row);
    FinishRecord(row, pos_);
    return true;
  }
}

absl::StatusOr<bool> CsvReader::SkipBlankLines() {
  for (;;) {
    if (pos_ == end_) {
      MDM_ASSIGN_OR_RETURN(bool more, Refill(nullptr));
      if (!more) return false;
    }
    const char c = buf_[pos_];
    if (c == '\r' || (c == '\n' && PrevByte() != '\r')) {
      ++line_;
    } else if (c != '\n') {
      return true;
    }
    ++pos_;
  }
}

absl::StatusOr<bool> CsvReader::Refill(RawRow* row) {
  if (row != nullptr) {
    // The record goes on past the buffer: keep its bytes seen so far.
    AppendRaw(buf_.data() + raw_mark_, end_ - raw_mark_, &row->raw);
    raw_mark_ = 0;
    if (buf_offset_ + static_cast<int64_t>(end_) - row_offset_ >
        options_.limits.max_row_bytes) {
      RejectRowTooLarge(row);
    }
  }
  if (end_ > 0) prev_byte_ = buf_[end_ - 1];
  buf_offset_ += static_cast<int64_t>(end_);
  pos_ = end_ = 0;
  if (eof_) return false;
  MDM_ASSIGN_OR_RETURN(end_,
                       source_->ReadAt(buf_offset_, buf_.data(), buf_.size()));
  eof_ = end_ == 0;
  return !eof_;
}

bool CsvReader::Scan(RawRow* row) {
  while (pos_ < end_) {
    switch (state_) {
      case State::kFieldStart:
        BeginField(row);
        if (buf_[pos_] == '"') {
          ++pos_;
          state_ = State::kQuoted;
          break;
        }
        state_ = State::kUnquoted;
        [[fallthrough]];
      case State::kUnquoted:
        if (ScanUnquoted(row)) return true;
        break;
      case State::kQuoted:
        ScanQuoted(row);
        break;
      case State::kQuoteInQuoted:
        if (ScanAfterQuote(row)) return true;
        break;
    }
  }
  return false;
}

bool CsvReader::ScanUnquoted(RawRow* row) {
  const size_t stop =
      FindAny(buf_.data(), pos_, end_, options_.delimiter, '\r', '\n');
  AppendToField(row, pos_, stop);
  pos_ = stop;
  return stop < end_ && EndField(row);
}

void CsvReader::ScanQuoted(RawRow* row) {
  const void* quote = std::memchr(buf_.data() + pos_, '"', end_ - pos_);
  const size_t stop =
      quote != nullptr
          ? static_cast<size_t>(static_cast<const char*>(quote) - buf_.data())
          : end_;
  CountLineBreaks(pos_, stop);
  AppendToField(row, pos_, stop);
  pos_ = stop;
  if (quote != nullptr) {
    ++pos_;
    state_ = State::kQuoteInQuoted;
  }
}

bool CsvReader::ScanAfterQuote(RawRow* row) {
  const char c = buf_[pos_];
  if (c == '"') {  // "" stands for one quote
    AppendToField(row, pos_, pos_ + 1);
    ++pos_;
    state_ = State::kQuoted;
    return false;
  }
  if (c == options_.delimiter || c == '\r' || c == '\n') return EndField(row);
  if (line_ > field_line_) {
    // A quoted field that spans lines and then closes badly is most often a
    // quote left open, whose field swallowed the next lines: give them back.
    RejectOpenQuote(row, "on its line, and the next quote is followed by text");
    return true;
  }
  Reject(row, IssueReason::kMalformedQuotes, field_count_ - 1,
         absl::StrCat("field ", field_count_, ": text after the closing quote"));
  state_ = State::kUnquoted;  // read on to the delimiter, as data
  return false;
}

bool CsvReader::EndField(RawRow* row) {
  const char c = buf_[pos_];
  FinishField(row);
  ++pos_;
  if (c == options_.delimiter) {
    state_ = State::kFieldStart;
    return false;
  }
  ++line_;  // CR or LF; the LF of a CRLF is skipped as a blank line
  FinishRecord(row, pos_ - 1);
  return true;
}

void CsvReader::BeginField(RawRow* row) {
  const size_t index = field_count_++;
  field_line_ = line_;
  field_stored_ = !row->error && index < max_fields_;
  if (!field_stored_) return;
  if (ABSL_PREDICT_FALSE(index == row->fields.size())) row->fields.emplace_back();
  RawField& field = row->fields[index];
  field.column = static_cast<int>(index);
  field.group = 0;
  field.value.clear();
}

void CsvReader::AppendToField(RawRow* row, size_t from, size_t to) {
  if (!field_stored_ || from == to) return;
  std::string& value = row->fields[field_count_ - 1].value;
  if (ABSL_PREDICT_FALSE(static_cast<int64_t>(value.size() + (to - from)) >
                         options_.limits.max_field_bytes)) {
    RejectFieldTooLarge(row);
    return;
  }
  value.append(buf_.data() + from, to - from);
}

// Overrides any earlier problem, with the same detail whether the size shows
// mid-record or at its end: the read buffer size never changes the outcome.
void CsvReader::RejectRowTooLarge(RawRow* row) {
  row->error.reset();
  Reject(row, IssueReason::kRowTooLarge, kNoField,
         absl::StrCat("row longer than the limit of ",
                      options_.limits.max_row_bytes, " bytes"));
}

void CsvReader::RejectFieldTooLarge(RawRow* row) {
  Reject(row, IssueReason::kFieldTooLarge, field_count_ - 1,
         absl::StrCat("field ", field_count_, ": longer than the limit of ",
                      options_.limits.max_field_bytes, " bytes"));
}

void CsvReader::FinishField(RawRow* row) {
  // UTF-8 is checked once per record, in FinishRecord().
  if (field_stored_ && decoder_.encoding() != Encoding::kUtf8) {
    DecodeField(row, field_count_ - 1);
  }
}

void CsvReader::DecodeField(RawRow* row, size_t field) {
  std::optional<DecodeError> error = decoder_.Decode(&row->fields[field].value);
  if (error) {
    Reject(row, error->reason, field,
           absl::StrCat("field ", field + 1, ": ", error->Detail()));
  }
}

void CsvReader::CheckUtf8(RawRow* row, size_t raw_end) {
  // Fields are cut from the record at ASCII bytes, so a record that is valid
  // UTF-8 has valid fields; only a bad one is searched field by field.
  if (row_offset_ >= buf_offset_) {
    const size_t start = static_cast<size_t>(row_offset_ - buf_offset_);
    if (base::IsValidUtf8(
            absl::string_view(buf_.data() + start, raw_end - start))) {
      return;
    }
  }
  const size_t stored = std::min(field_count_, max_fields_);
  for (size_t field = 0; field < stored && !row->error; ++field) {
    DecodeField(row, field);
  }
}

void CsvReader::FinishRecord(RawRow* row, size_t raw_end) {
  AppendRaw(buf_.data() + raw_mark_, raw_end - raw_mark_, &row->raw);
  if (!row->error && decoder_.encoding() == Encoding::kUtf8) {
    CheckUtf8(row, raw_end);
  }
  const int64_t size = buf_offset_ + static_cast<int64_t>(raw_end) - row_offset_;
  if (size > options_.limits.max_row_bytes) {
    RejectRowTooLarge(row);
  }
  // columns_ is empty while the header itself is read: nothing to compare.
  if (!columns_.empty() && field_count_ != columns_.size()) {
    Reject(row,
           field_count_ > columns_.size() ? IssueReason::kTooManyFields
                                          : IssueReason::kTooFewFields,
           kNoField,
           absl::StrCat("expected ", columns_.size(), " fields, got ",
                        field_count_));
  }
  if (row->error) {
    row->fields.clear();
  } else {
    row->fields.resize(std::min(field_count_, max_fields_));
  }
}

void CsvReader::RejectOpenQuote(RawRow* row, absl::string_view why) {
  row->error.reset();  // whatever the swallowed lines looked like
  Reject(row, IssueReason::kUnbalancedQuotes, field_count_ - 1,
         absl::StrCat("field ", field_count_, ": quote not closed ", why));
  row->fields.clear();
  AppendRaw(buf_.data() + raw_mark_, pos_ - raw_mark_, &row->raw);
  if (first_break_ < 0) return;  // the record is the last line of the file
  // The record is only its first line; read on from that line's break.
  row->raw.resize(std::min(row->raw.size(),
                           static_cast<size_t>(first_break_ - row_offset_)));
  line_ = row->line;
  if (first_break_ >= buf_offset_ &&
      first_break_ < buf_offset_ + static_cast<int64_t>(end_)) {
    pos_ = static_cast<size_t>(first_break_ - buf_offset_);
    return;
  }
  buf_offset_ = first_break_;
  pos_ = end_ = 0;
  prev_byte_ = '\0';
  eof_ = false;
}

void CsvReader::CountLineBreaks(size_t from, size_t to) {
  from = FindAny(buf_.data(), from, to, '\r', '\n', '\n');
  for (size_t i = from; i < to; ++i) {
    const char c = buf_[i];
    const char prev = i > 0 ? buf_[i - 1] : prev_byte_;
    if (c == '\r' || (c == '\n' && prev != '\r')) {
      ++line_;
      if (first_break_ < 0) first_break_ = buf_offset_ + static_cast<int64_t>(i);
    }
  }
}

void CsvReader::Reject(RawRow* row, IssueReason reason, size_t field,
                       std::string detail) {
  field_stored_ = false;
  if (row->error) return;
  row->error = reason;
  row->error_field = ColumnName(field);
  row->error_detail = std::move(detail);
}

std::string CsvReader::ColumnName(size_t field) const {
  return field < columns_.size() ? columns_[field] : std::string();
}

}  // namespace mdm::ingest
