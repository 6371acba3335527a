// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/version_policy.h
//
// Decides what an incoming row does to the stored versions of its source key:
// insert, replace the current version (which goes to history), keep the
// current one (the incoming row goes to history), or nothing. It also says
// how the row counts in the run report, so that for every run
// rows_read == accepted + rejected + duplicates holds.
//
// The newer version wins: a later observed_at, or on a tie (or when either
// side has none) the row loaded later. Within one run, a second row for a key
// is a duplicate: the older of the two goes to history.
#ifndef MDM_INGEST_VERSION_POLICY_H_
#define MDM_INGEST_VERSION_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>

namespace mdm::ingest {

// How a run's first row for a key counted. Do not renumber: stored.
enum class Outcome : int { kInserted = 0, kUpdated = 1, kUnchanged = 2, kStale = 3 };

// The stored current version of a key, as far as the policy needs it.
struct CurrentVersion {
  int64_t record_id = 0;
  std::string observed_at;
  std::string content_sha256;
  int64_t seen_run = 0;
  Outcome seen_outcome = Outcome::kInserted;
};

struct IncomingVersion {
  std::string observed_at;
  std::string content_sha256;
};

struct VersionDecision {
  enum class Action {
    kInsert,          // first version of the key
    kReplace,         // incoming becomes current; current goes to history
    kArchiveIncoming, // current stays; incoming goes to history
    kMarkSeen,        // same content: nothing stored, key marked seen
    kNone,            // same content seen earlier in this run
  };
  Action action = Action::kInsert;
  std::string history_reason;  // for kReplace and kArchiveIncoming
  bool duplicate = false;      // counts as a duplicate, not as accepted
  Outcome outcome = Outcome::kInserted;  // recorded as the key's seen_outcome
  // For a duplicate that upgrades the key's outcome (unchanged/stale ->
  // updated), the outcome whose count moves to `outcome`.
  std::optional<Outcome> corrected_from;
};

VersionDecision DecideVersion(const std::optional<CurrentVersion>& current,
                              const IncomingVersion& incoming, int64_t run_id);

}  // namespace mdm::ingest

#endif  // MDM_INGEST_VERSION_POLICY_H_
