// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/jsonl_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/model/reject.h"
#include "mdm/status.h"

namespace mdm::ingest {
namespace {

using model::IssueReason;
using Json = nlohmann::json;

// Builds the fields of one row from the parser's events. A path grows by
// ".key" in objects and "[]" in arrays; each container remembers the path
// length to restore when it closes.
class RowFlattener final : public nlohmann::json_sax<Json> {
 public:
  RowFlattener(const IngestLimits& limits, JsonColumns* columns, RawRow* row)
      : limits_(limits), columns_(columns), row_(row) {}

  bool not_object() const { return not_object_; }
  size_t field_count() const { return field_count_; }

  bool null() override {
    if (!not_object_) BeginValue(false);  // counts the array element
    return true;
  }
  bool boolean(bool value) override {
    return Emit(value ? "true" : "false");
  }
  bool number_integer(number_integer_t value) override {
    return EmitInteger(value);
  }
  bool number_unsigned(number_unsigned_t value) override {
    return EmitInteger(value);
  }
  // `text` is the number as written: "1.50" stays "1.50".
  bool number_float(number_float_t, const string_t& text) override {
    return Emit(text);
  }
  bool string(string_t& value) override { return Emit(value); }
  // The JSON text parser never reports binary values.
  bool binary(binary_t&) override { return false; }

  bool start_object(std::size_t) override {
    if (not_object_) return true;
    if (!BeginValue(true)) return not_object_;
    frames_.push_back(Frame{false, path_.size(), -1});
    return true;
  }
  bool key(string_t& key) override {
    if (not_object_) return true;
    path_.resize(frames_.back().path_size);
    if (!path_.empty()) path_ += '.';
    path_ += key;
    return true;
  }
  bool end_object() override { return not_object_ || EndContainer(); }

  bool start_array(std::size_t) override {
    if (not_object_) return true;
    if (!BeginValue(false)) return not_object_;
    if (outer_array_ < 0) outer_array_ = static_cast<int>(frames_.size());
    frames_.push_back(Frame{true, path_.size(), -1});
    path_ += "[]";
    return true;
  }
  bool end_array() override { return not_object_ || EndContainer(); }

  // The parser's message quotes the input; only the offset is kept.
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    return Fail(IssueReason::kMalformedJson, "",
                absl::StrCat("not valid JSON at byte ", position));
  }

  bool Fail(IssueReason reason, absl::string_view field, std::string detail) {
    if (!row_->error) {
      row_->error = reason;
      row_->error_field = std::string(field);
      row_->error_detail = std::move(detail);
    }
    return false;
  }

 private:
  struct Frame {
    bool is_array;
    size_t path_size;  // path_ length when the container opened
    int index;         // of the current element, for arrays
  };

  // Runs before every value. At the top level only an object is accepted;
  // anything else sets not_object_ and the rest of the line is only checked
  // for syntax. Returns true when the value is to be stored.
  bool BeginValue(bool is_object) {
    if (frames_.empty()) {
      not_object_ = !is_object;
      return is_object;
    }
    Frame& top = frames_.back();
    if (top.is_array) {
      ++top.index;
      if (outer_array_ == static_cast<int>(frames_.size()) - 1) {
        group_ = top.index;
      }
    }
    return true;
  }

  bool EndContainer() {
    path_.resize(frames_.back().path_size);
    frames_.pop_back();
    if (outer_array_ == static_cast<int>(frames_.size())) {
      outer_array_ = -1;
      group_ = 0;
    }
    return true;
  }

  template <typename Int>
  bool EmitInteger(Int value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof(digits), value);
    return Emit(absl::string_view(digits, result.ptr - digits));
  }

  bool Emit(absl::string_view value) {
    if (not_object_) return true;
    if (!BeginValue(false)) return not_object_;
    if (static_cast<int64_t>(value.size()) > limits_.max_field_bytes) {
      return Fail(IssueReason::kFieldTooLarge, path_,
                  absl::StrCat("value longer than the limit of ",
                               limits_.max_field_bytes, " bytes"));
    }
    if (field_count_ >= static_cast<size_t>(limits_.max_fields)) {
      return Fail(IssueReason::kTooManyFields, "",
                  absl::StrCat("more than ", limits_.max_fields, " values"));
    }
    const std::optional<int> column = Intern();
    if (!column) {
      return Fail(IssueReason::kTooManyFields, path_,
                  absl::StrCat("more than ", limits_.max_fields,
                               " distinct paths in the file"));
    }
    if (field_count_ == row_->fields.size()) row_->fields.emplace_back();
    RawField& field = row_->fields[field_count_++];
    field.column = *column;
    field.group = group_;
    field.value.assign(value.data(), value.size());
    return true;
  }

  std::optional<int> Intern() {
    auto it = columns_->index.find(path_);
    if (it != columns_->index.end()) return it->second;
    if (columns_->names.size() >= static_cast<size_t>(limits_.max_fields)) {
      return std::nullopt;
    }
    const int column = static_cast<int>(columns_->names.size());
    columns_->names.push_back(path_);
    columns_->index.emplace(path_, column);
    return column;
  }

  const IngestLimits& limits_;
  JsonColumns* columns_;
  RawRow* row_;
  std::vector<Frame> frames_;
  std::string path_;
  int outer_array_ = -1;  // position in frames_ of the outermost array
  int group_ = 0;
  bool not_object_ = false;
  size_t field_count_ = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<JsonlReader>> JsonlReader::Open(
    absl::string_view path, const JsonlOptions& options) {
  MDM_RETURN_IF_ERROR(CheckReadOptions(options.limits, options.read_buffer_bytes, path));
  MDM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source,
                       OpenFileSource(path));
  return Start(options, std::move(source));
}

absl::StatusOr<std::unique_ptr<JsonlReader>> JsonlReader::OpenBuffer(
    std::string bytes, absl::string_view name, const JsonlOptions& options) {
  MDM_RETURN_IF_ERROR(CheckReadOptions(options.limits, options.read_buffer_bytes, name));
  return Start(options, MemorySource(std::move(bytes)));
}

absl::StatusOr<std::unique_ptr<JsonlReader>> JsonlReader::Start(
    const JsonlOptions& options, std::unique_ptr<ByteSource> source) {
  MDM_ASSIGN_OR_RETURN(TextDecoder decoder,
                       TextDecoder::Create(options.encoding));
  int64_t start = 0;
  if (options.encoding == Encoding::kUtf8) {
    MDM_ASSIGN_OR_RETURN(start, Utf8BomLength(source.get()));
  }
  LineReader lines(std::move(source), start, options.limits.max_row_bytes,
                   options.read_buffer_bytes);
  return std::unique_ptr<JsonlReader>(
      new JsonlReader(options, std::move(lines), std::move(decoder)));
}

JsonlReader::JsonlReader(const JsonlOptions& options, LineReader lines,
                         TextDecoder decoder)
    : options_(options),
      lines_(std::move(lines)),
      decoder_(std::move(decoder)) {}

absl::StatusOr<bool> JsonlReader::Next(RawRow* row) {
  LineReader::Line line;
  do {
    MDM_ASSIGN_OR_RETURN(bool more, lines_.Next(&line));
    if (!more) return false;
  } while (!line.too_long && absl::StripAsciiWhitespace(line.text).empty());
  row->line = line.number;
  row->error.reset();
  row->error_field.clear();
  row->error_detail.clear();
  row->raw.assign(line.text.data(),
                  std::min(line.text.size(), RawRow::kMaxRawBytes));
  if (line.too_long) {
    row->fields.clear();
    row->error = IssueReason::kRowTooLarge;
    row->error_detail = absl::StrCat("line longer than the limit of ",
                                     options_.limits.max_row_bytes, " bytes");
    return true;
  }
  ParseLine(line.text, row);
  return true;
}

void JsonlReader::ParseLine(absl::string_view line, RawRow* row) {
  RowFlattener flattener(options_.limits, &columns_, row);
  text_.assign(line.data(), line.size());
  if (std::optional<DecodeError> error = decoder_.Decode(&text_)) {
    flattener.Fail(error->reason, "", absl::StrCat("line: ", error->Detail()));
  } else {
    bool parsed = false;
    // sax_parse reports syntax errors through parse_error(); the catch is
    // the boundary that keeps any other nlohmann exception inside.
    try {
      parsed = Json::sax_parse(text_.begin(), text_.end(), &flattener);
    } catch (const Json::exception&) {
      parsed = false;
    }
    if (!parsed) {
      flattener.Fail(IssueReason::kMalformedJson, "", "not valid JSON");
    } else if (flattener.not_object()) {
      flattener.Fail(IssueReason::kNotAnObject, "",
                     "the line is a JSON array or scalar, not an object");
    }
  }
  if (row->error) {
    row->fields.clear();
  } else {
    row->fields.resize(flattener.field_count());
  }
}

}  // namespace mdm::ingest
