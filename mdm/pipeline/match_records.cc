// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/match_records.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
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

absl::StatusOr<MatchRecords> LoadMatchRecords(store::Store& store,
                                              bool store_refreshed_keys) {
  MatchRecords out;
  match::MatchKeys keys;
  std::vector<int64_t> stale;  // rows whose keys must be extracted again
  std::vector<uint32_t> stale_rows;
  auto add = [&](int64_t record_id, absl::string_view source, absl::string_view key,
                 absl::string_view blob) -> absl::Status {
        absl::Status decoded = blob.empty()
                                   ? absl::FailedPreconditionError("no keys")
                                   : match::DecodeMatchKeys(blob, &keys);
        if (decoded.code() == absl::StatusCode::kFailedPrecondition) {
          // Placeholder row, filled below: the scan must finish before the
          // store is asked for anything else.
          keys = match::MatchKeys();
          stale.push_back(record_id);
          stale_rows.push_back(out.table_.size());
        } else if (!decoded.ok()) {
          return absl::DataLossError(absl::StrCat("record ", source, ":", key,
                                                  ": stored match keys are damaged"));
        }
        out.table_.Add(record_id, keys);
        out.AddName(source, key);
        return absl::OkStatus();
      };
  MDM_RETURN_IF_ERROR(store.ScanMatchKeys(add));
  if (stale.empty()) return out;
  // Rare (a store written before match keys existed): rebuild the table
  // with the missing rows extracted from their normalized JSON.
  std::vector<match::MatchKeys> fresh(stale.size());
  for (size_t i = 0; i < stale.size(); ++i) {
    MDM_ASSIGN_OR_RETURN(std::string json, store.RecordJson(stale[i]));
    MDM_ASSIGN_OR_RETURN(SourceRecord record, model::RecordFromJson(json));
    fresh[i] = match::ExtractMatchKeys(record);
    if (store_refreshed_keys) {
      MDM_RETURN_IF_ERROR(store.PutMatchKeys(stale[i], match::EncodeMatchKeys(fresh[i])));
    }
  }
  match::FeatureTable rebuilt;
  size_t next_stale = 0;
  auto readd = [&](int64_t record_id, absl::string_view, absl::string_view,
                   absl::string_view blob) -> absl::Status {
        const uint32_t row = rebuilt.size();
        if (next_stale < stale_rows.size() && stale_rows[next_stale] == row) {
          rebuilt.Add(record_id, fresh[next_stale++]);
          return absl::OkStatus();
        }
        MDM_RETURN_IF_ERROR(match::DecodeMatchKeys(blob, &keys));
        rebuilt.Add(record_id, keys);
        return absl::OkStatus();
      };
  MDM_RETURN_IF_ERROR(store.ScanMatchKeys(readd));
  out.table_ = std::move(rebuilt);
  return out;
}

}  // namespace mdm::pipeline
