// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/file_loader.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "mdm/base/ordered_pool.h"
#include "mdm/ingest/field_mapper.h"
#include "mdm/ingest/version_policy.h"
#include "mdm/pipeline/row_processor.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

// Rows per work item: large enough to amortize hand-offs between threads,
// small enough to keep every core busy on short files.
constexpr size_t kChunkRows = 1024;

using Chunk = std::vector<PendingRow>;
struct DoneChunk {
  std::vector<ProcessedRow> rows;
  int64_t bytes = 0;  // input bytes of the rows, about: for progress only
};

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

void CountOutcome(ingest::Outcome outcome, int64_t delta, RunCounts& c) {
  switch (outcome) {
    case ingest::Outcome::kInserted: c.inserted += delta; break;
    case ingest::Outcome::kUpdated: c.updated += delta; break;
    case ingest::Outcome::kUnchanged: c.unchanged += delta; break;
    case ingest::Outcome::kStale: c.stale += delta; break;
  }
}

// The writer side: everything that touches the store for one row.
class RowWriter {
 public:
  RowWriter(const FileToLoad& file, store::Store& store, FileLoadResult& result)
      : file_(file), store_(store), result_(result) {}

  absl::Status Write(ProcessedRow& row) {
    ++result_.counts.rows_read;
    if (row.suppressed) {
      ++result_.counts.suppressed;
      return absl::OkStatus();
    }
    for (const model::RowIssue& issue : row.issues) {
      MDM_RETURN_IF_ERROR(store_.AddIssue(file_.run_id, file_.file_id,
                                          file_.source->name, issue, row.raw));
      auto& by_reason = row.rejected ? result_.rejects_by_reason
                                     : result_.warnings_by_reason;
      ++by_reason[std::string(model::IssueReasonName(issue.reason))];
    }
    if (row.rejected) {
      ++result_.counts.rejected;
      return absl::OkStatus();
    }
    if (!row.issues.empty()) ++result_.counts.warnings;
    return WriteVersion(row);
  }

 private:
  absl::Status WriteVersion(ProcessedRow& row) {
    MDM_ASSIGN_OR_RETURN(std::optional<ingest::CurrentVersion> current,
                         store_.FindCurrent(file_.source->name, row.source_key));
    const ingest::VersionDecision decision = ingest::DecideVersion(
        current, {row.observed_at, row.content_sha256}, file_.run_id);
    store::RecordVersion version{file_.source->name, row.source_key,
                                 file_.source->type, row.observed_at,
                                 file_.file_id,       row.line,
                                 row.content_sha256,  std::move(row.raw_json),
                                 std::move(row.record_json), std::move(row.match_keys),
                                 row.deleted};
    MDM_RETURN_IF_ERROR(store_.ApplyVersion(decision, current, version, file_.run_id));
    RunCounts& c = result_.counts;
    if (decision.duplicate) {
      ++c.duplicates;
      if (decision.corrected_from) {
        CountOutcome(*decision.corrected_from, -1, c);
        CountOutcome(decision.outcome, +1, c);
      }
    } else {
      ++c.accepted;
      c.deletes += row.deleted ? 1 : 0;
      CountOutcome(decision.outcome, +1, c);
    }
    return absl::OkStatus();
  }

  const FileToLoad& file_;
  store::Store& store_;
  FileLoadResult& result_;
};

// The reader side, run on its own thread: reads rows, maps them and submits
// chunks until the file ends or the pool is cancelled.
absl::Status ReadChunks(const FileToLoad& file, base::OrderedPool<Chunk, DoneChunk>& pool,
                        double& read_seconds) {
  ingest::FieldMapper mapper(*file.source);
  ingest::RawRow raw;
  Chunk chunk;
  Stopwatch busy;
  double waiting = 0;
  auto submit = [&] {
    Stopwatch wait;
    const bool accepted = pool.Submit(std::move(chunk));
    waiting += wait.Seconds();
    chunk = Chunk();
    chunk.reserve(kChunkRows);
    return accepted;
  };
  for (;;) {
    MDM_ASSIGN_OR_RETURN(bool has_row, file.reader->Next(&raw));
    if (!has_row) break;
    PendingRow row;
    row.line = raw.line;
    row.raw = raw.raw;
    if (raw.error) {
      row.read_error = model::RowIssue{"", raw.line, raw.error_field, *raw.error,
                                       raw.error_detail, ""};
    } else {
      mapper.Map(raw, file.reader->columns(), &row.values);
    }
    chunk.push_back(std::move(row));
    if (chunk.size() == kChunkRows && !submit()) break;
  }
  if (!chunk.empty()) submit();
  read_seconds = busy.Seconds() - waiting;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<FileLoadResult> LoadFile(FileToLoad file, store::Store& store,
                                        int threads) {
  FileLoadResult result;
  RowWriter writer(file, store, result);
  if (file.reader->has_header()) {
    ingest::FieldMapper mapper(*file.source);
    for (const model::RowIssue& issue : mapper.CheckColumns(file.reader->columns(), file.path)) {
      MDM_RETURN_IF_ERROR(store.AddIssue(file.run_id, file.file_id, file.source->name,
                                         issue, ""));
      ++result.warnings_by_reason[std::string(model::IssueReasonName(issue.reason))];
    }
  }
  RowContext context{file.source, file.path,
                     normalize::NormalizeContext{file.source->default_country,
                                                 &normalize::SpecialtyCatalog::Default(),
                                                 file.other_countries},
                     file.suppressor};
  std::atomic<int64_t> normalize_nanos{0};
  base::OrderedPool<Chunk, DoneChunk> pool(threads, 2 * threads + 2, [&](Chunk chunk) {
    Stopwatch busy;
    DoneChunk done;
    done.rows.reserve(chunk.size());
    for (PendingRow& row : chunk) {
      done.bytes += static_cast<int64_t>(row.raw.size()) + 1;  // + line break
      done.rows.push_back(ProcessRow(std::move(row), context));
    }
    normalize_nanos += static_cast<int64_t>(busy.Seconds() * 1e9);
    return done;
  });
  absl::Status read_status;
  std::thread reader([&] {
    read_status = ReadChunks(file, pool, result.read_seconds);
    if (read_status.ok()) {
      pool.Close();
    } else {
      pool.Cancel();
    }
  });
  absl::Status write_status;
  base::ProgressReporter progress(file.on_progress, "ingest", "bytes", file.size, file.path);
  DoneChunk done;
  while (write_status.ok() && pool.Next(&done)) {
    Stopwatch busy;
    for (ProcessedRow& row : done.rows) {
      write_status = writer.Write(row);
      if (!write_status.ok()) break;
    }
    result.persist_seconds += busy.Seconds();
    progress.Advance(done.bytes);
  }
  if (!write_status.ok()) pool.Cancel();
  reader.join();
  MDM_RETURN_IF_ERROR(read_status);
  MDM_RETURN_IF_ERROR(write_status);
  result.normalize_seconds = static_cast<double>(normalize_nanos.load()) / 1e9;
  progress.Finish();
  return result;
}

}  // namespace mdm::pipeline
