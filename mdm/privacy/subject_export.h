// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/subject_export.h
//
// The right of access (GDPR Art. 15): one JSON document with everything the
// store holds about a person (schemas/json/subject_access_export.schema.json):
// the golden record with lineage, every source record with its source, type,
// lawful basis and history, the steward's decisions and pins, change
// requests, consent and restriction, and the audit events about the person
// with their payloads. Reading it is itself an audit event (gdpr.export).
#ifndef MDM_PRIVACY_SUBJECT_EXPORT_H_
#define MDM_PRIVACY_SUBJECT_EXPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/privacy/privacy_service.h"

namespace mdm::privacy {

inline constexpr absl::string_view kExportFormat = "mdm-subject-access-export/1";

absl::StatusOr<std::string> ExportSubject(const PrivacyContext& context,
                                          absl::string_view golden_id, absl::string_view actor,
                                          absl::string_view reason);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_SUBJECT_EXPORT_H_
