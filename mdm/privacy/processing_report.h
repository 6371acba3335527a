// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/processing_report.h
//
// The record of processing activities (GDPR Art. 30) as the store can state
// it: each configured source with its type, lawful basis, retention and
// how many records and files it holds, the golden records, restrictions,
// erasures, suppression keys, audit events, and the last run.
#ifndef MDM_PRIVACY_PROCESSING_REPORT_H_
#define MDM_PRIVACY_PROCESSING_REPORT_H_

#include "absl/status/statusor.h"
#include "mdm/config.h"
#include "mdm/privacy.h"
#include "mdm/privacy/privacy_service.h"

namespace mdm::privacy {

absl::StatusOr<ProcessingReport> BuildProcessingReport(const PrivacyContext& context,
                                                       const Config& config);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_PROCESSING_REPORT_H_
