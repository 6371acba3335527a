// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/retention.h
//
// Storage limitation (GDPR Art. 5(1)(e)): each source keeps its records
// `retention_days` (0 = until erased). A record expires when its observed_at
// (else the start of the run that loaded its current version) is older than
// now minus that many days. Applying retention purges the expired records,
// each becoming a delete marker without data (its history goes too), and
// rebuilds the golden records they were in, in one run. A golden record
// left without members is retired with no values, and the payloads of its
// audit events are emptied (erased_by = the retention.purge event).
#ifndef MDM_PRIVACY_RETENTION_H_
#define MDM_PRIVACY_RETENTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "mdm/config.h"
#include "mdm/privacy.h"
#include "mdm/privacy/privacy_service.h"
#include "mdm/store/store.h"

namespace mdm::privacy {

// The ISO-8601 instant before which records of a source expire.
std::string RetentionCutoff(absl::Time now, int retention_days);

// The ids of `ages` older than `cutoff`, ascending.
std::vector<int64_t> ExpiredRecords(const std::vector<store::RecordAge>& ages,
                                    absl::string_view cutoff);

absl::StatusOr<RetentionReport> ApplyRetention(const PrivacyContext& context, const Config& config,
                                               bool dry_run, absl::string_view actor);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_RETENTION_H_
