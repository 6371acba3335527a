// SPDX-License-Identifier: Apache-2.0
#include "matchers/email_similarity.h"

#include "absl/strings/match.h"
#include "matchers/string_similarity.h"

namespace mdm::matchers {

EmailParts SplitEmail(absl::string_view email) {
  const size_t at = email.rfind('@');
  if (at == absl::string_view::npos) return {};
  absl::string_view local = email.substr(0, at);
  const absl::string_view domain = email.substr(at + 1);
  local = local.substr(0, local.find('+'));
  if (local.empty() || domain.empty()) return {};
  return {local, domain};
}

EmailComparison CompareEmails(absl::string_view a, absl::string_view b) {
  const EmailParts x = SplitEmail(a);
  const EmailParts y = SplitEmail(b);
  EmailComparison result;
  if (x.local.empty() || y.local.empty()) return result;
  result.comparable = true;
  result.same_domain = absl::EqualsIgnoreCase(x.domain, y.domain);
  result.same_address = result.same_domain && x.local == y.local;
  result.local_similarity = JaroWinkler(x.local, y.local);
  return result;
}

}  // namespace mdm::matchers
