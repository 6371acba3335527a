// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/reject.h"

namespace mdm::model {

Severity SeverityOf(IssueReason reason) {
  return static_cast<int>(reason) >= 100 ? Severity::kWarning
                                         : Severity::kReject;
}

absl::string_view IssueReasonName(IssueReason reason) {
  switch (reason) {
    case IssueReason::kInvalidUtf8: return "invalid_utf8";
    case IssueReason::kUnbalancedQuotes: return "unbalanced_quotes";
    case IssueReason::kMalformedQuotes: return "malformed_quotes";
    case IssueReason::kTooManyFields: return "too_many_fields";
    case IssueReason::kTooFewFields: return "too_few_fields";
    case IssueReason::kFieldTooLarge: return "field_too_large";
    case IssueReason::kRowTooLarge: return "row_too_large";
    case IssueReason::kMalformedJson: return "malformed_json";
    case IssueReason::kNotAnObject: return "not_an_object";
    case IssueReason::kMissingSourceKey: return "missing_source_key";
    case IssueReason::kNoNameNoIdentifier: return "no_name_no_identifier";
    case IssueReason::kEncodingError: return "encoding_error";
    case IssueReason::kUnreadableFile: return "unreadable_file";
    case IssueReason::kInvalidIdentifier: return "invalid_identifier";
    case IssueReason::kInvalidPhone: return "invalid_phone";
    case IssueReason::kInvalidEmail: return "invalid_email";
    case IssueReason::kInvalidPostcode: return "invalid_postcode";
    case IssueReason::kUnknownSpecialty: return "unknown_specialty";
    case IssueReason::kInvalidDate: return "invalid_date";
    case IssueReason::kInvalidGender: return "invalid_gender";
    case IssueReason::kInvalidConsent: return "invalid_consent";
    case IssueReason::kInvalidDeleteMarker: return "invalid_delete_marker";
    case IssueReason::kUnmappedColumn: return "unmapped_column";
    case IssueReason::kMissingColumn: return "missing_column";
  }
  return "unknown";
}

}  // namespace mdm::model
