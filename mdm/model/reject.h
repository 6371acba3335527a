// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/reject.h
//
// Rejects and warnings: what ingest and normalization produce instead of (or
// beside) a source record when a row is bad. A bad row is data, not an error:
// the run goes on and the run report counts every reject by reason.
//
// Details name columns, fields, lines and byte offsets, never a value: they
// end up in logs and reports, outside the GDPR boundary of the store.
#ifndef MDM_MODEL_REJECT_H_
#define MDM_MODEL_REJECT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace mdm::model {

// Why a row was rejected or flagged. Do not renumber: stored in schemas/sql.
enum class IssueReason : int {
  // Row rejects: the row is not loaded.
  kInvalidUtf8 = 1,
  kUnbalancedQuotes = 2,
  kMalformedQuotes = 3,
  kTooManyFields = 4,
  kTooFewFields = 5,
  kFieldTooLarge = 6,
  kRowTooLarge = 7,
  kMalformedJson = 8,
  kNotAnObject = 9,
  kMissingSourceKey = 10,
  kNoNameNoIdentifier = 11,
  kEncodingError = 12,
  kUnreadableFile = 13,  // the file's header cannot be read: no row loaded
  kInvalidDeleteMarker = 14,  // a `deleted` value that is neither yes nor no
  // Warnings: the row is loaded, the value is kept and flagged.
  kInvalidIdentifier = 100,
  kInvalidPhone = 101,
  kInvalidEmail = 102,
  kInvalidPostcode = 103,
  kUnknownSpecialty = 104,
  kInvalidDate = 105,
  kInvalidGender = 106,
  kInvalidConsent = 107,
  kUnmappedColumn = 108,
  kMissingColumn = 109,
};

enum class Severity : int { kReject = 0, kWarning = 1 };  // stored

Severity SeverityOf(IssueReason reason);
// Stable snake_case name used in reports and --json ("invalid_utf8").
absl::string_view IssueReasonName(IssueReason reason);

// One reject or warning, located in its input file.
struct RowIssue {
  std::string file;        // path as configured/resolved
  int64_t line = 0;        // 1-based line where the row starts; 0 = whole file
  std::string field;       // column or canonical field concerned; may be empty
  IssueReason reason = IssueReason::kMalformedJson;
  std::string detail;      // human explanation without personal data
  std::string source_key;  // when known
};

}  // namespace mdm::model

#endif  // MDM_MODEL_REJECT_H_
