// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/match_records.h"

#include <algorithm>
#include <tuple>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "mdm/base/ordered_pool.h"
#include "mdm/match/match_keys.h"
#include "mdm/model/record_json.h"
#include "mdm/status.h"

namespace mdm::pipeline {

absl::string_view MatchRecords::source(uint32_t row) const {
  return absl::string_view(names_).substr(offsets_[3 * row],
                                          offsets_[3 * row + 1] - offsets_[3 * row]);
}

absl::string_view MatchRecords::source_key(uint32_t row) const {
  return absl::string_view(names_).substr(offsets_[3 * row + 1],
                                          offsets_[3 * row + 2] - offsets_[3 * row + 1]);
}

std::string MatchRecords::Name(uint32_t row) const {
  return absl::StrCat(source(row), ":", source_key(row));
}

std::optional<uint32_t> MatchRecords::Find(absl::string_view source_name,
                                           absl::string_view key) const {
  // Rows are sorted by (source, key): binary search.
  uint32_t lo = 0, hi = size();
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    const auto here = std::make_pair(source(mid), source_key(mid));
    if (here < std::make_pair(source_name, key)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < size() && source(lo) == source_name && source_key(lo) == key) return lo;
  return std::nullopt;
}

void MatchRecords::AddName(absl::string_view source_name, absl::string_view key) {
  offsets_.push_back(names_.size());
  names_.append(source_name.data(), source_name.size());
  offsets_.push_back(names_.size());
  names_.append(key.data(), key.size());
  offsets_.push_back(names_.size());
}

namespace {

// Rows read from the store, handed to a worker.
struct KeysChunk {
  std::vector<int64_t> record_ids;
  std::vector<std::string> blobs;  // match keys, or record JSON when stale
  std::vector<bool> stale;         // blobs[i] is record JSON
};

struct TableChunk {
  match::FeatureTable table;
  absl::Status status;
  // Fresh keys of stale rows: (record id, encoded keys), to store.
  std::vector<std::pair<int64_t, std::string>> refreshed;
};

constexpr size_t kChunkRows = 4096;

TableChunk BuildChunk(KeysChunk chunk) {
  TableChunk out;
  match::MatchKeys keys;
  for (size_t i = 0; i < chunk.record_ids.size(); ++i) {
    if (chunk.stale[i]) {
      absl::StatusOr<SourceRecord> record = model::RecordFromJson(chunk.blobs[i]);
      if (!record.ok()) {
        out.status = record.status();
        return out;
      }
      keys = match::ExtractMatchKeys(*record);
      out.refreshed.emplace_back(chunk.record_ids[i], match::EncodeMatchKeys(keys));
    } else if (absl::Status s = match::DecodeMatchKeys(chunk.blobs[i], &keys); !s.ok()) {
      out.status = absl::DataLossError(absl::StrCat(
          "record ", chunk.record_ids[i], ": stored match keys are damaged"));
      return out;
    }
    out.table.Add(chunk.record_ids[i], keys);
  }
  return out;
}

}  // namespace

absl::StatusOr<MatchRecords> LoadMatchRecords(store::Store& store, bool store_refreshed_keys,
                                              int threads,
                                              const base::ProgressFn* on_progress) {
  MatchRecords out;
  // The count includes delete markers, which are not loaded: a bound that
  // Finish() makes exact. Counted only when someone listens.
  int64_t total = 0;
  if (on_progress != nullptr && *on_progress) {
    MDM_ASSIGN_OR_RETURN(total, store.CountRecords(""));
  }
  base::ProgressReporter progress(on_progress, "load_keys", "records", total);
  // Decoding and deriving spellings cost more than reading: workers build
  // tables of chunks while one thread reads, joined in read order.
  base::OrderedPool<KeysChunk, TableChunk> pool(std::max(1, threads), 2 * threads + 2,
                                                BuildChunk);
  absl::Status read_status;
  std::thread reader([&] {
    KeysChunk chunk;
    auto flush = [&] {
      if (chunk.record_ids.empty()) return true;
      return pool.Submit(std::exchange(chunk, KeysChunk()));
    };
    read_status = store.ScanMatchKeys([&](int64_t record_id, absl::string_view source,
                                          absl::string_view key,
                                          absl::string_view blob) -> absl::Status {
      out.AddName(source, key);
      chunk.record_ids.push_back(record_id);
      const bool stale = !match::IsCurrentMatchKeys(blob);
      chunk.stale.push_back(stale);
      if (stale) {
        // A store written before match keys existed, or in an older format.
        absl::StatusOr<std::string> json = store.RecordJson(record_id);
        if (!json.ok()) return json.status();
        chunk.blobs.push_back(*std::move(json));
      } else {
        chunk.blobs.emplace_back(blob);
      }
      if (chunk.record_ids.size() >= kChunkRows && !flush()) {
        return absl::CancelledError("load: stopped");
      }
      return absl::OkStatus();
    });
    if (read_status.ok()) flush();
    pool.Close();
  });
  std::vector<std::pair<int64_t, std::string>> refreshed;
  absl::Status build_status;
  TableChunk done;
  while (pool.Next(&done)) {
    if (!done.status.ok()) {
      build_status = done.status;
      pool.Cancel();
      break;
    }
    out.table_.Append(done.table);
    for (auto& r : done.refreshed) refreshed.push_back(std::move(r));
    progress.Advance(done.table.size());
  }
  reader.join();
  MDM_RETURN_IF_ERROR(build_status);
  if (!read_status.ok() && read_status.code() != absl::StatusCode::kCancelled) {
    return read_status;
  }
  if (store_refreshed_keys) {
    for (const auto& [record_id, keys] : refreshed) {
      MDM_RETURN_IF_ERROR(store.PutMatchKeys(record_id, keys));
    }
  }
  progress.Finish();
  return out;
}

absl::StatusOr<MatchRecords> LoadMatchRecordsById(store::Store& store,
                                                  std::vector<int64_t> record_ids,
                                                  int threads) {
  std::sort(record_ids.begin(), record_ids.end());
  struct Row {
    std::string source, key, blob;
    int64_t record_id;
  };
  std::vector<Row> rows;
  MDM_RETURN_IF_ERROR(store.ReadMatchKeys(
      record_ids, [&](int64_t id, absl::string_view source, absl::string_view key,
                      absl::string_view blob) {
        rows.push_back({std::string(source), std::string(key), std::string(blob), id});
        return absl::OkStatus();
      }));
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.source, a.key) < std::tie(b.source, b.key);
  });
  // One contiguous part of the rows per thread, joined in order.
  const size_t parts = std::clamp<size_t>(rows.size() / kChunkRows, 1, std::max(1, threads));
  std::vector<KeysChunk> chunks(parts);
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& row = rows[i];
    const bool stale = !match::IsCurrentMatchKeys(row.blob);
    if (stale) {
      MDM_ASSIGN_OR_RETURN(row.blob, store.RecordJson(row.record_id));
    }
    KeysChunk& chunk = chunks[i * parts / rows.size()];
    chunk.record_ids.push_back(row.record_id);
    chunk.stale.push_back(stale);
    chunk.blobs.push_back(std::move(row.blob));
  }
  std::vector<TableChunk> built(parts);
  std::vector<std::thread> workers;
  for (size_t p = 1; p < parts; ++p) {
    workers.emplace_back([&, p] { built[p] = BuildChunk(std::move(chunks[p])); });
  }
  built[0] = BuildChunk(std::move(chunks[0]));
  for (std::thread& w : workers) w.join();
  MatchRecords out;
  for (TableChunk& part : built) {
    MDM_RETURN_IF_ERROR(part.status);
    if (out.table_.size() == 0) {
      out.table_ = std::move(part.table);
    } else {
      out.table_.Append(part.table);
    }
  }
  for (const Row& row : rows) out.AddName(row.source, row.key);
  return out;
}

}  // namespace mdm::pipeline
