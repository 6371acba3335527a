// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/erasure.h
//
// The right to erasure (GDPR Art. 17), in one transaction: the person's
// source records (with the records loaded but not matched yet that carry
// one of their strong keys) and their history, match keys and state (and
// the edges of other records that point at them), review items, steward
// links, stored rejects of their keys or holding their values, pins, change
// requests, consent and restriction go; the payloads of every audit event
// about their golden ids or naming their records are emptied (the chain
// keeps verifying), and merged or retired golden records they passed
// through lose their last values; the golden record and the ids merged
// into it stay as tombstones with status "erased" and no content;
// suppression keys (those no other record shares) and an erasures row
// record what happened without personal data. After the commit the
// write-ahead log is checkpointed and truncated, so with secure_delete on
// no erased byte is left in the database files.
#ifndef MDM_PRIVACY_ERASURE_H_
#define MDM_PRIVACY_ERASURE_H_

#include "absl/status/statusor.h"
#include "mdm/privacy.h"
#include "mdm/privacy/privacy_service.h"

namespace mdm::privacy {

// InvalidArgument for an empty or malformed reason or actor, or a request
// naming neither or both of a golden id and a source record; NotFound for
// an unknown id or key; FailedPrecondition for a merged or erased id, a
// record no run has matched, or a secret key that cannot be read (nothing
// is written then). A log another connection keeps open is reported as
// wal_truncated = false, not as an error: the erasure is committed.
absl::StatusOr<ErasureReport> ErasePerson(const PrivacyContext& context,
                                          const ErasureRequest& request);

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_ERASURE_H_
