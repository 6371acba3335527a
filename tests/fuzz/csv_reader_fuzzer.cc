// SPDX-License-Identifier: Apache-2.0
// File: tests/fuzz/csv_reader_fuzzer.cc
//
// libFuzzer target for mdm::ingest::CsvReader. The first input byte picks the
// dialect; the rest is the file:
//   bits 0-1  delimiter: ',' ';' '\t' '|'
//   bits 2-3  encoding: utf-8, windows-1252, latin-1 (3 = utf-8)
//   bits 4-6  size of the second read buffer, 1 to 8 bytes
//   bit 7     tiny limits (field 16 B, row 64 B, 8 columns) to reach rejects
// Every file is read twice, in one read and with the tiny buffer: the
// rows must be identical, line numbers must increase, a good row must have
// one valid UTF-8 value per column, and raw bytes stay within their bound.
//
// Example:
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja \
//     -DMDM_BUILD_FUZZERS=ON -DMDM_SANITIZE=ON
//   ninja -C build-fuzz csv_reader_fuzzer
//   mkdir -p /tmp/csv-corpus  # new inputs go to the first folder given
//   build-fuzz/tests/fuzz/csv_reader_fuzzer -max_total_time=300 \
//     /tmp/csv-corpus tests/fuzz/corpus/csv
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mdm/base/utf8.h"
#include "mdm/ingest/csv_reader.h"

namespace {

using mdm::ingest::CsvOptions;
using mdm::ingest::CsvReader;
using mdm::ingest::RawRow;

struct Outcome {
  absl::StatusCode open_code = absl::StatusCode::kOk;
  std::vector<std::string> columns;
  std::vector<RawRow> rows;
};

bool SameRow(const RawRow& a, const RawRow& b) {
  if (a.line != b.line || a.error != b.error || a.error_field != b.error_field ||
      a.error_detail != b.error_detail || a.raw != b.raw ||
      a.fields.size() != b.fields.size()) {
    return false;
  }
  for (size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].column != b.fields[i].column ||
        a.fields[i].value != b.fields[i].value) {
      return false;
    }
  }
  return true;
}

bool Same(const Outcome& a, const Outcome& b) {
  if (a.open_code != b.open_code || a.columns != b.columns ||
      a.rows.size() != b.rows.size()) {
    return false;
  }
  for (size_t i = 0; i < a.rows.size(); ++i) {
    if (!SameRow(a.rows[i], b.rows[i])) return false;
  }
  return true;
}

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

Outcome ReadAll(const std::string& bytes, const CsvOptions& options) {
  Outcome outcome;
  auto reader = CsvReader::OpenBuffer(bytes, "fuzz.csv", options);
  if (!reader.ok()) {
    outcome.open_code = reader.status().code();
    Check(outcome.open_code == absl::StatusCode::kInvalidArgument);
    return outcome;
  }
  outcome.columns = (*reader)->columns();
  RawRow row;
  int64_t last_line = 0;
  for (;;) {
    absl::StatusOr<bool> more = (*reader)->Next(&row);
    Check(more.ok());
    if (!*more) break;
    Check(row.line > last_line);
    last_line = row.line;
    Check(row.raw.size() <= RawRow::kMaxRawBytes);
    if (!row.error) {
      Check(row.fields.size() == outcome.columns.size());
      for (const auto& field : row.fields) {
        Check(mdm::base::IsValidUtf8(field.value));
      }
    }
    outcome.rows.push_back(row);
  }
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  CsvOptions options;
  options.delimiter = ",;\t|"[selector & 3];
  constexpr mdm::Encoding kEncodings[] = {
      mdm::Encoding::kUtf8, mdm::Encoding::kWindows1252,
      mdm::Encoding::kLatin1, mdm::Encoding::kUtf8};
  options.encoding = kEncodings[(selector >> 2) & 3];
  if ((selector & 0x80) != 0) options.limits = {16, 64, 8};
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  options.read_buffer_bytes = bytes.size() + 1;
  const Outcome large = ReadAll(bytes, options);
  options.read_buffer_bytes = 1 + ((selector >> 4) & 7);
  Check(Same(large, ReadAll(bytes, options)));
  return 0;
}
