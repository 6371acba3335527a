// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/erasure.h
//
// The right to erasure (GDPR Art. 17), in one transaction: the person's
// source records and their history, match keys and state (and the edges of
// other records that point at them), review items, steward links, row
// issues of their keys, pins, change requests, consent and restriction go;
// the audit payloads about their golden ids are emptied (the chain keeps
// verifying); the golden record and the ids merged into it stay as
// tombstones with status "erased" and no content; suppression keys and an
// erasures row record what happened without personal data. After the
// commit the write-ahead log is checkpointed and truncated, so with
// secure_delete on no erased byte is left in the database files.
#ifndef MDM_PRIVACY_ERASURE_H_
#define MDM_PRIVACY_ERASURE_H_

#include "absl/status/statusor.h"
#include "mdm/privacy.h"
#include "mdm/privacy/privacy_service.h"

namespace mdm::privacy {

absl::StatusOr<ErasureReport> ErasePerson(const PrivacyContext& context,
                                          const ErasureRequest& request);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_ERASURE_H_
