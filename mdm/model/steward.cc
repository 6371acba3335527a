// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward.h"

namespace mdm {

const char* VerdictName(Verdict verdict) {
  return verdict == Verdict::kSame ? "same" : "different";
}

std::optional<Verdict> ParseVerdict(absl::string_view name) {
  for (Verdict v : {Verdict::kSame, Verdict::kDifferent}) {
    if (name == VerdictName(v)) return v;
  }
  return std::nullopt;
}

const std::vector<std::string>& OverridableFields() {
  static const std::vector<std::string>* const fields = new std::vector<std::string>{
      "given_name", "family_name", "gender", "birth_date", "language"};
  return *fields;
}

const char* ChangeRequestStatusName(ChangeRequestStatus status) {
  switch (status) {
    case ChangeRequestStatus::kOpen: return "open";
    case ChangeRequestStatus::kApproved: return "approved";
    case ChangeRequestStatus::kRejected: return "rejected";
  }
  return "unknown";
}

std::optional<ChangeRequestStatus> ParseChangeRequestStatus(absl::string_view name) {
  for (ChangeRequestStatus s : {ChangeRequestStatus::kOpen, ChangeRequestStatus::kApproved,
                                ChangeRequestStatus::kRejected}) {
    if (name == ChangeRequestStatusName(s)) return s;
  }
  return std::nullopt;
}

const char* RoleName(Role role) {
  switch (role) {
    case Role::kViewer: return "viewer";
    case Role::kSteward: return "steward";
    case Role::kDpo: return "dpo";
  }
  return "unknown";
}

std::optional<Role> ParseRole(absl::string_view name) {
  for (Role r : {Role::kViewer, Role::kSteward, Role::kDpo}) {
    if (name == RoleName(r)) return r;
  }
  return std::nullopt;
}

}  // namespace mdm
