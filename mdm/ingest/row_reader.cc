// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/row_reader.h"

#include "mdm/ingest/csv_reader.h"
#include "mdm/ingest/jsonl_reader.h"
#include "mdm/status.h"

namespace mdm::ingest {
namespace {

// Adapts a concrete reader (same shape, no common base) to RowReader.
template <typename Reader, bool kHasHeader>
class Adapter final : public RowReader {
 public:
  explicit Adapter(std::unique_ptr<Reader> reader) : reader_(std::move(reader)) {}
  const std::vector<std::string>& columns() const override { return reader_->columns(); }
  absl::StatusOr<bool> Next(RawRow* row) override { return reader_->Next(row); }
  bool has_header() const override { return kHasHeader; }

 private:
  std::unique_ptr<Reader> reader_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<RowReader>> OpenRowReader(const SourceConfig& source,
                                                         const IngestLimits& limits,
                                                         absl::string_view path) {
  if (source.format == FileFormat::kJsonl) {
    JsonlOptions options;
    options.encoding = source.encoding;
    options.limits = limits;
    MDM_ASSIGN_OR_RETURN(std::unique_ptr<JsonlReader> reader,
                         JsonlReader::Open(path, options));
    return std::unique_ptr<RowReader>(new Adapter<JsonlReader, false>(std::move(reader)));
  }
  CsvOptions options;
  options.delimiter = source.delimiter;
  options.encoding = source.encoding;
  options.limits = limits;
  MDM_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader, CsvReader::Open(path, options));
  return std::unique_ptr<RowReader>(new Adapter<CsvReader, true>(std::move(reader)));
}

}  // namespace mdm::ingest
