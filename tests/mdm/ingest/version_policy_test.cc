// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/version_policy.h"

#include <catch2/catch.hpp>

namespace mdm::ingest {
namespace {

using Action = VersionDecision::Action;
constexpr int64_t kRun = 7;

CurrentVersion Current(const std::string& observed, const std::string& sha,
                       int64_t seen_run, Outcome seen = Outcome::kInserted) {
  return CurrentVersion{1, observed, sha, seen_run, seen};
}

struct PolicyCase {
  std::string name;
  std::optional<CurrentVersion> current;
  IncomingVersion incoming;
  Action action;
  bool duplicate;
  Outcome outcome;
  std::optional<Outcome> corrected_from;
  std::string reason;
};

TEST_CASE("DecideVersion: every case of the version table", "[ingest]") {
  const PolicyCase c = GENERATE(values<PolicyCase>({
      {"new key", std::nullopt, {"2026-01-01", "a"}, Action::kInsert, false,
       Outcome::kInserted, std::nullopt, ""},
      {"same content as before the run", Current("2026-01-01", "a", 3),
       {"2026-01-01", "a"}, Action::kMarkSeen, false, Outcome::kUnchanged, std::nullopt, ""},
      {"newer content", Current("2026-01-01", "a", 3), {"2026-02-01", "b"},
       Action::kReplace, false, Outcome::kUpdated, std::nullopt, "replaced"},
      {"no dates: the later load wins", Current("", "a", 3), {"", "b"},
       Action::kReplace, false, Outcome::kUpdated, std::nullopt, "replaced"},
      {"older than stored", Current("2026-02-01", "a", 3), {"2026-01-01", "b"},
       Action::kArchiveIncoming, false, Outcome::kStale, std::nullopt, "older_than_current"},
      {"repeat in run, same content", Current("2026-01-01", "a", kRun),
       {"2026-01-01", "a"}, Action::kNone, true, Outcome::kInserted, std::nullopt, ""},
      {"repeat in run, newer", Current("2026-01-01", "a", kRun, Outcome::kInserted),
       {"2026-01-02", "b"}, Action::kReplace, true, Outcome::kInserted, std::nullopt,
       "duplicate_in_run"},
      {"repeat in run, older", Current("2026-01-05", "a", kRun, Outcome::kUpdated),
       {"2026-01-02", "b"}, Action::kArchiveIncoming, true, Outcome::kUpdated,
       std::nullopt, "duplicate_in_run"},
      {"repeat in run upgrades unchanged to updated",
       Current("2026-01-01", "a", kRun, Outcome::kUnchanged), {"2026-03-01", "c"},
       Action::kReplace, true, Outcome::kUpdated, Outcome::kUnchanged, "replaced"},
      {"repeat in run upgrades stale to updated",
       Current("2026-01-01", "a", kRun, Outcome::kStale), {"2026-03-01", "c"},
       Action::kReplace, true, Outcome::kUpdated, Outcome::kStale, "replaced"},
  }));
  CAPTURE(c.name);
  const VersionDecision d = DecideVersion(c.current, c.incoming, kRun);
  CHECK(d.action == c.action);
  CHECK(d.duplicate == c.duplicate);
  CHECK(d.outcome == c.outcome);
  CHECK(d.corrected_from == c.corrected_from);
  CHECK(d.history_reason == c.reason);
}

}  // namespace
}  // namespace mdm::ingest
