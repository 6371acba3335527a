// SPDX-License-Identifier: Apache-2.0
// File: mdm/match_one.h
//
// Engine::MatchOne(): which golden records one incoming record (a form being
// filled in, a call-centre lookup, another system's new contact) belongs
// to, answered from the store without writing to it.
//
// The record is normalized as a batch run would, given the keys of every
// blocking rule of the newest run, and compared with every current record
// that shares a key (in a block under its cap), with the model and setting
// of that run. Candidates are golden records: each with the probability of
// its best-scoring member and that pair's explanation.
//
// Example:
//   mdm::SourceRecord probe;
//   probe.name.given_names = "Jeanne";
//   probe.name.family_name = "Martin";
//   probe.phones.push_back({.raw = "01 42 68 53 00"});
//   absl::StatusOr<mdm::MatchOneResult> result = engine->MatchOne(probe, {});
//   // result->candidates[0].golden_id, .probability, .explanation
//
// The answer holds the compared values of the records: it is for the
// caller, not for logs.
#ifndef MDM_MATCH_ONE_H_
#define MDM_MATCH_ONE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "mdm/explanation.h"

namespace mdm {

struct MatchOneOptions {
  // ISO alpha-2 country of national phone numbers and postcodes without
  // one (a batch run takes it from the source's config). Default: FR.
  std::string default_country = "FR";
  // At most this many candidates, best first. Default: 10.
  int max_candidates = 10;
  // Candidates below this probability are left out. Default: 0 = every
  // golden record that shares a blocking key.
  double min_probability = 0;
};

struct MatchCandidate {
  std::string golden_id;
  double probability = 0;  // of the best-scoring member
  // The decision a run would make about the record and that member
  // (kAutoMerge: it would join this golden record).
  MatchDecision decision = MatchDecision::kDistinct;
  // The waterfall of the best pair: record_a is the query ("source:key"
  // when it has them, else "query"), record_b the member.
  Explanation explanation;
};

struct MatchOneResult {
  std::vector<MatchCandidate> candidates;  // by probability, best first
  int64_t compared_records = 0;            // members scored against the query
  int64_t model_id = 0;
};

}  // namespace mdm

#endif  // MDM_MATCH_ONE_H_
