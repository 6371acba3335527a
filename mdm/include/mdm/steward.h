// SPDX-License-Identifier: Apache-2.0
// File: mdm/steward.h
//
// What data stewards do: resolve the review queue, split and merge golden
// records, pin attribute values, and approve data change requests (DCRs)
// from reps and MSLs. Reached through Engine::Stewardship().
//
//   mdm::Steward& s = engine->Stewardship();
//   absl::StatusOr<mdm::QueuePage> page = s.Queue({.status = "open", .limit = 20});
//   absl::StatusOr<mdm::ReviewItem> done =
//       s.Decide({.item_id = 7, .verdict = mdm::Verdict::kDifferent,
//                 .reason = "two sisters at one practice", .steward = "alice"});
//
// DECISIONS BIND. `same` stores a must-link and `different` a cannot-link
// between the item's two records; a split stores cannot-links between the
// records split off and the rest (and must-links among those split off); a
// merge stores a must-link. Every later run applies them: clustering joins
// must-links first and never joins across a cannot-link, and a pair or pair
// of clusters a steward has answered is not asked again. The newest word
// wins: a `same` removes the cannot-links between the two sides and a
// split removes the must-links across it. Decisions, splits, merges and
// pins take effect on golden records at the next run (`mdm run`, which
// re-clusters only what they touch); until then they are "pending".
//
// CONFLICTS. Decide() takes the revision the steward saw: when the item
// changed since (a run rescored it, another steward decided it) the answer
// is Aborted and nothing is written, so two stewards deciding one item at
// once cannot both win. An item is stale when one of its records has a
// version no run has matched yet; deciding a stale item is refused
// (FailedPrecondition) until a run has re-evaluated it.
//
// RESTRICTION. A golden record restricted under GDPR Art. 18
// (Privacy::Restrict, mdm/privacy.h) is frozen until unrestricted: Merge,
// Split, Pin, approving a change request on it, and deciding `same` on a
// review item one of whose records is in it are refused
// (FailedPrecondition naming the golden id), and Search leaves it out.
// Deciding `different`, rejecting a change request and Unpin stay allowed:
// they never merge a record into or out of it. A `same` decided before the
// restriction is not applied while it lasts (runs drop must-links between
// its members and other records). Restricting or unrestricting makes the
// items of its records stale until the next run.
//
// Errors: NotFound for unknown ids; InvalidArgument for bad input (empty
// reason or steward, unknown field, bad value); Aborted for conflicts;
// FailedPrecondition for stale items, golden records that are not active
// and restricted golden records (see RESTRICTION). Messages name ids and
// fields, never a person's data.
// Thread-safety: as Engine (one thread at a time).
#ifndef MDM_STEWARD_H_
#define MDM_STEWARD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/explanation.h"
#include "mdm/golden.h"
#include "mdm/record.h"

namespace mdm {

enum class Verdict { kSame, kDifferent };
// "same", "different".
const char* VerdictName(Verdict verdict);
std::optional<Verdict> ParseVerdict(absl::string_view name);

// One side of a review item.
struct ReviewSide {
  std::string source;
  std::string source_key;
  std::string golden_id;  // its golden record now ("" before any match)
  int64_t golden_members = 0;
};

struct ReviewItem {
  int64_t item_id = 0;
  ReviewSide a;
  ReviewSide b;
  std::string reason;  // review_band, identifier_conflict, cannot_link
  double probability = 0;
  double match_weight = 0;
  // Higher first: 1 - |2p - 1| (closest to even odds) plus
  // log2(records of both golden records) / 10 (touching many records).
  double priority = 0;
  std::string status;    // open, stale, decided
  std::string assignee;  // "" = anyone
  int64_t revision = 0;  // changes whenever the item does
  int64_t created_run = 0;
  int64_t updated_run = 0;
  // For decided items.
  std::string decision;  // same, different
  std::string decided_by;
  std::string decided_at;  // ISO-8601 UTC
  std::string decision_reason;
  bool applied = false;  // a run has applied the decision
};

struct QueueQuery {
  std::string status = "open";  // open, stale, decided, or "" for all
  std::string assignee;         // "" = any
  int64_t offset = 0;
  int64_t limit = 50;           // 1..1000
};

struct QueuePage {
  std::vector<ReviewItem> items;  // priority order (decided: newest first)
  int64_t total = 0;              // items matching the query
};

// A field either record has, with the values side by side (lists joined
// with "; ").
struct FieldComparison {
  std::string field;  // "given_name", "rpps", "email", "phone", "postcode", ...
  std::string value_a;
  std::string value_b;
  bool differs = false;  // both hold values, and not the same ones
};

struct ReviewItemDetail {
  ReviewItem item;
  std::vector<FieldComparison> fields;
  // The waterfall under the newest run's model, as `mdm explain` gives it
  // (blocking_rule: the first rule whose keys the two records share); empty
  // when a record was deleted since.
  Explanation explanation;
};

struct Decision {
  int64_t item_id = 0;
  Verdict verdict = Verdict::kSame;
  std::string reason;   // required
  std::string steward;  // required: who decides
  // The revision the steward saw; nullopt = the current one.
  std::optional<int64_t> expected_revision;
};

// A source record by its key.
struct SourceRef {
  std::string source;
  std::string source_key;
};

// A value a steward pinned on a golden record (beats every policy).
struct Override {
  int64_t override_id = 0;
  std::string golden_id;
  std::string field;  // see OverridableFields()
  std::string value;
  std::string steward;
  std::string reason;
  std::string created_at;
  bool pinned = true;      // false once unpinned
  std::string unpinned_by;
  std::string unpinned_at;
};

// The golden fields an override or change request may set:
// given_name, family_name, gender, birth_date, language.
const std::vector<std::string>& OverridableFields();

enum class ChangeRequestStatus { kOpen, kApproved, kRejected };
// "open", "approved", "rejected".
const char* ChangeRequestStatusName(ChangeRequestStatus status);
std::optional<ChangeRequestStatus> ParseChangeRequestStatus(absl::string_view name);

struct ChangeRequest {
  int64_t dcr_id = 0;
  std::string golden_id;
  std::string field;
  std::string value;
  std::string submitted_by;  // the rep or MSL
  std::string reason;
  std::string submitted_at;
  ChangeRequestStatus status = ChangeRequestStatus::kOpen;
  std::string decided_by;
  std::string decided_at;
  std::string decision_reason;
};

// A golden record found by a search.
struct GoldenHit {
  std::string golden_id;
  std::string display_name;  // "DUPONT Marie"
  int64_t members = 0;
};

enum class Role { kViewer, kSteward, kDpo };
// "viewer", "steward", "dpo".
const char* RoleName(Role role);
std::optional<Role> ParseRole(absl::string_view name);

struct User {
  std::string name;
  Role role = Role::kViewer;
  std::string created_at;
};

class Steward {
 public:
  virtual ~Steward() = default;

  // --- queue --------------------------------------------------------------
  virtual absl::StatusOr<QueuePage> Queue(const QueueQuery& query) = 0;
  virtual absl::StatusOr<ReviewItemDetail> Item(int64_t item_id) = 0;
  // Sets (or clears, with "") who should decide an item.
  virtual absl::StatusOr<ReviewItem> Assign(int64_t item_id, absl::string_view assignee) = 0;
  virtual absl::StatusOr<ReviewItem> Decide(const Decision& decision) = 0;

  // --- golden records -----------------------------------------------------
  // Splits `records` (members of active, unrestricted golden record
  // `golden_id`, not all of them) off into a golden record of their own.
  virtual absl::Status Split(absl::string_view golden_id, const std::vector<SourceRef>& records,
                             absl::string_view reason, absl::string_view steward) = 0;
  // Joins two active, unrestricted golden records into one.
  virtual absl::Status Merge(absl::string_view golden_a, absl::string_view golden_b,
                             absl::string_view reason, absl::string_view steward) = 0;
  // Pins `value` on `field` of an active, unrestricted golden record until
  // Unpin.
  virtual absl::StatusOr<Override> Pin(absl::string_view golden_id, absl::string_view field,
                                       absl::string_view value, absl::string_view reason,
                                       absl::string_view steward) = 0;
  virtual absl::StatusOr<Override> Unpin(absl::string_view golden_id, absl::string_view field,
                                         absl::string_view reason,
                                         absl::string_view steward) = 0;
  // Pinned overrides of a golden record (all = also unpinned ones).
  virtual absl::StatusOr<std::vector<Override>> Overrides(absl::string_view golden_id,
                                                          bool all) = 0;
  // Active golden records whose name, golden id, identifier or source key
  // contains `text` (case- and accent-insensitive for names), at most
  // `limit`; restricted ones are left out.
  virtual absl::StatusOr<std::vector<GoldenHit>> Search(absl::string_view text,
                                                        int64_t limit) = 0;

  // --- data change requests -----------------------------------------------
  virtual absl::StatusOr<ChangeRequest> SubmitChange(absl::string_view golden_id,
                                                     absl::string_view field,
                                                     absl::string_view value,
                                                     absl::string_view submitted_by,
                                                     absl::string_view reason) = 0;
  // Requests with `status` (nullopt = all), newest first.
  virtual absl::StatusOr<std::vector<ChangeRequest>> Changes(
      std::optional<ChangeRequestStatus> status, int64_t limit) = 0;
  // Approving pins the value (an override naming the request); refused
  // while the golden record is restricted, rejecting is not.
  virtual absl::StatusOr<ChangeRequest> DecideChange(int64_t dcr_id, bool approve,
                                                     absl::string_view steward,
                                                     absl::string_view reason) = 0;

  // --- users --------------------------------------------------------------
  // Stores the user with the password salted and hashed (PBKDF2-HMAC-SHA256).
  // AlreadyExists for a taken name; InvalidArgument for a name outside
  // [A-Za-z0-9._-]{1,64} or a password shorter than 8 bytes.
  virtual absl::StatusOr<User> AddUser(absl::string_view name, Role role,
                                       absl::string_view password) = 0;
  // The user when the password is right; Unauthenticated otherwise (the
  // same answer for an unknown name and a wrong password).
  virtual absl::StatusOr<User> Authenticate(absl::string_view name,
                                            absl::string_view password) = 0;
  virtual absl::StatusOr<std::vector<User>> Users() = 0;
};

}  // namespace mdm

#endif  // MDM_STEWARD_H_
