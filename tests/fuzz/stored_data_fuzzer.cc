// SPDX-License-Identifier: Apache-2.0
// File: tests/fuzz/stored_data_fuzzer.cc
//
// libFuzzer target for the readers of what the store keeps: a damaged or
// tampered store file is hostile input too. The first input byte picks the
// reader; the rest is the stored value:
//   0 RecordFromJson          (source_records.record_json)
//   1 GoldenContentFromJson   (golden_records.golden_json)
//   2 DecodeMatchKeys         (record_match_keys.keys)
//   3 DecodeRuleKeys          (record_match_state.block_keys)
//   4 DecodeEdges             (record_match_state.edges)
//   5 DecodeTermFrequencies   (match_models.term_frequencies)
// A reader either refuses the value or accepts it; what it accepts must
// survive a round trip: encoding the result and reading it back gives the
// same encoding.
//
// Example (after building as in csv_reader_fuzzer.cc):
//   build-fuzz/tests/fuzz/stored_data_fuzzer -max_total_time=300 /tmp/stored-corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "mdm/match/match_keys.h"
#include "mdm/match/match_state.h"
#include "mdm/match/term_frequencies.h"
#include "mdm/model/golden_json.h"
#include "mdm/model/record_json.h"

namespace {

// Aborts (a finding) unless encode(decode(encode(x))) == encode(x).
template <typename T, typename Encode, typename Decode>
void CheckRoundTrip(const T& value, Encode encode, Decode decode) {
  const std::string once = encode(value);
  auto back = decode(once);
  if (!back.ok() || encode(*back) != once) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view blob(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 6) {
    case 0: {
      absl::StatusOr<mdm::SourceRecord> r = mdm::model::RecordFromJson(blob);
      if (r.ok()) CheckRoundTrip(*r, mdm::model::RecordToJson, mdm::model::RecordFromJson);
      break;
    }
    case 1: {
      absl::StatusOr<mdm::GoldenRecord> g = mdm::model::GoldenContentFromJson(blob);
      if (g.ok()) {
        CheckRoundTrip(*g, mdm::model::GoldenContentToJson, mdm::model::GoldenContentFromJson);
      }
      break;
    }
    case 2: {
      mdm::match::MatchKeys keys;
      if (mdm::match::DecodeMatchKeys(blob, &keys).ok()) {
        CheckRoundTrip(keys, mdm::match::EncodeMatchKeys, [](absl::string_view b) {
          mdm::match::MatchKeys k;
          absl::Status s = mdm::match::DecodeMatchKeys(b, &k);
          return s.ok() ? absl::StatusOr<mdm::match::MatchKeys>(k)
                        : absl::StatusOr<mdm::match::MatchKeys>(s);
        });
      }
      break;
    }
    case 3: {
      std::vector<mdm::match::RuleKey> keys;
      if (mdm::match::DecodeRuleKeys(blob, &keys).ok()) {
        std::vector<mdm::match::RuleKey> again;
        if (!mdm::match::DecodeRuleKeys(mdm::match::EncodeRuleKeys(keys), &again).ok() ||
            mdm::match::EncodeRuleKeys(again) != mdm::match::EncodeRuleKeys(keys)) {
          std::abort();
        }
      }
      break;
    }
    case 4: {
      std::vector<mdm::match::StoredEdge> edges;
      if (mdm::match::DecodeEdges(blob, &edges).ok()) {
        std::vector<mdm::match::StoredEdge> again;
        if (!mdm::match::DecodeEdges(mdm::match::EncodeEdges(edges), &again).ok() ||
            mdm::match::EncodeEdges(again) != mdm::match::EncodeEdges(edges)) {
          std::abort();
        }
      }
      break;
    }
    case 5: {
      absl::StatusOr<mdm::match::TermFrequencies> tf = mdm::match::DecodeTermFrequencies(blob);
      if (tf.ok()) {
        CheckRoundTrip(*tf, mdm::match::EncodeTermFrequencies,
                       mdm::match::DecodeTermFrequencies);
      }
      break;
    }
  }
  return 0;
}
