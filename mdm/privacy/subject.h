// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/subject.h
//
// A data subject as the store knows them: their golden record, the golden
// ids merged into it over time (whose last content and events are about
// the same person), and every source record ever a member, with history.
// Erasure and the access export both start here.
#ifndef MDM_PRIVACY_SUBJECT_H_
#define MDM_PRIVACY_SUBJECT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/store/store.h"
#include "mdm/stored.h"

namespace mdm::privacy {

struct Subject {
  store::GoldenRow golden;  // with its JSON
  // Merged into it, directly or not, whose last content held one of the
  // person's records (no JSON).
  std::vector<store::GoldenRow> absorbed;
  std::vector<int64_t> record_ids;    // every member, active or not, ascending
  std::vector<StoredRecord> records;  // in record_ids order
  std::vector<std::string> refs;      // "source:key", in record_ids order

  // golden.golden_id, then the absorbed ids.
  std::vector<std::string> GoldenIds() const;
};

// The golden id a request names: `golden_id`, or the current golden record
// of record (source, source_key). NotFound for unknown ids or keys;
// FailedPrecondition for a merged id (the message names its survivor), an
// erased one (unless `allow_erased`), or a record no run has matched.
absl::StatusOr<std::string> ResolveSubject(store::Store& store, absl::string_view golden_id,
                                           absl::string_view source, absl::string_view source_key,
                                           bool allow_erased = false);

// REQUIRES: `golden_id` came from ResolveSubject().
absl::StatusOr<Subject> LoadSubject(store::Store& store, absl::string_view golden_id);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_SUBJECT_H_
