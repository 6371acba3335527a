// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/version_policy.h"

namespace mdm::ingest {
namespace {

// ISO-8601 texts of the same zone compare in time order as strings; a date
// alone sorts before the same date with a time, which is the intent.
bool IsOlder(const std::string& incoming, const std::string& current) {
  return !incoming.empty() && !current.empty() && incoming < current;
}

VersionDecision FirstInRun(const CurrentVersion& current,
                           const IncomingVersion& incoming) {
  VersionDecision d;
  if (incoming.content_sha256 == current.content_sha256) {
    d.action = VersionDecision::Action::kMarkSeen;
    d.outcome = Outcome::kUnchanged;
  } else if (IsOlder(incoming.observed_at, current.observed_at)) {
    d.action = VersionDecision::Action::kArchiveIncoming;
    d.history_reason = "older_than_current";
    d.outcome = Outcome::kStale;
  } else {
    d.action = VersionDecision::Action::kReplace;
    d.history_reason = "replaced";
    d.outcome = Outcome::kUpdated;
  }
  return d;
}

VersionDecision RepeatedInRun(const CurrentVersion& current,
                              const IncomingVersion& incoming) {
  VersionDecision d;
  d.duplicate = true;
  d.outcome = current.seen_outcome;
  if (incoming.content_sha256 == current.content_sha256) {
    d.action = VersionDecision::Action::kNone;
  } else if (IsOlder(incoming.observed_at, current.observed_at)) {
    d.action = VersionDecision::Action::kArchiveIncoming;
    d.history_reason = "duplicate_in_run";
  } else {
    d.action = VersionDecision::Action::kReplace;
    d.history_reason = "duplicate_in_run";
    // The key's first row in this run left the stored version current, so
    // that version is the one being replaced, and the key moves from
    // unchanged/stale to updated.
    if (current.seen_outcome == Outcome::kUnchanged ||
        current.seen_outcome == Outcome::kStale) {
      d.history_reason = "replaced";
      d.corrected_from = current.seen_outcome;
      d.outcome = Outcome::kUpdated;
    }
  }
  return d;
}

}  // namespace

VersionDecision DecideVersion(const std::optional<CurrentVersion>& current,
                              const IncomingVersion& incoming, int64_t run_id) {
  if (!current) return VersionDecision{};
  return current->seen_run == run_id ? RepeatedInRun(*current, incoming)
                                     : FirstInRun(*current, incoming);
}

}  // namespace mdm::ingest
