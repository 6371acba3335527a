// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward/steward_context.h
//
// What the steward operations share: the store and clock they work on,
// one write transaction per operation, checks of the free text a steward
// types, and the golden records they act on.
#ifndef MDM_STEWARD_STEWARD_CONTEXT_H_
#define MDM_STEWARD_STEWARD_CONTEXT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/clock.h"
#include "mdm/golden.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/store/store.h"

namespace mdm::steward {

struct Context {
  store::Store& store;
  const Clock& clock;
  std::string key_path{};  // the store's secret key, which keys the audit trail

  std::string Now() const;
  // Runs `body` in one write transaction: committed when it returns OK,
  // rolled back otherwise (the store is then as before).
  absl::Status InWrite(const std::function<absl::Status()>& body) const;
  // Appends the operation's event to the audit trail (privacy/audit_trail.h).
  // REQUIRES: inside InWrite().
  absl::Status Audit(privacy::AuditEntry entry) const;
};

// The golden ids and "source:key" names of records (each golden id once).
struct RecordNames {
  std::vector<std::string> golden_ids;
  std::vector<std::string> refs;
};
absl::StatusOr<RecordNames> NamesOf(store::Store& store, const std::vector<int64_t>& record_ids);


// `what` ("reason", "steward") must be 1..1000 bytes of UTF-8 without
// control characters other than newline and tab.
absl::Status CheckText(absl::string_view what, absl::string_view text);

// A golden record a steward acts on, with the record ids of its active
// members (ascending).
struct GoldenTarget {
  store::GoldenRow row;
  GoldenRecord content;
  std::vector<int64_t> members;
};

// NotFound for an unknown id; FailedPrecondition unless it is active.
absl::StatusOr<GoldenTarget> ActiveGolden(store::Store& store, absl::string_view golden_id);

// FailedPrecondition naming `golden_id` when it is restricted (GDPR Art. 18,
// mdm/privacy.h): a restricted golden record neither absorbs nor is absorbed,
// split or given new values until it is unrestricted. `action` ("merge",
// "split", ...) says what was refused.
absl::Status CheckNotRestricted(store::Store& store, absl::string_view golden_id,
                                absl::string_view action);

// The record id of source record "source:key"; NotFound when unknown.
absl::StatusOr<int64_t> RecordIdOf(store::Store& store, absl::string_view source,
                                   absl::string_view source_key);

}  // namespace mdm::steward

#endif  // MDM_STEWARD_STEWARD_CONTEXT_H_
