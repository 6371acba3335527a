// SPDX-License-Identifier: Apache-2.0
// File: matchers/email_similarity.h
//
// Comparison of two e-mail addresses for the Score stage. An HCP's address
// at one source is often a variant of the address at another: a "+tag"
// sub-address, a typo in the local part, the same person at a different
// domain. The comparator separates those signals so a Comparison can weigh
// them: equal addresses, similarity of the local parts, same domain.
//
// Only "+tag" sub-addressing is undone: dots in the local part are
// significant at most providers (Gmail ignores them, most others do not), so
// they are compared as written. Addresses are expected already normalised
// (trimmed, lower-cased) by the Normalize stage; domains are nevertheless
// compared case-insensitively, as DNS does.
//
// Example:
//   CompareEmails("claire.martin+crm@chu-lyon.fr", "claire.martin@chu-lyon.fr")
//     -> {comparable: true, same_address: true, same_domain: true,
//         local_similarity: 1.0}
#ifndef MDM_MATCHERS_EMAIL_SIMILARITY_H_
#define MDM_MATCHERS_EMAIL_SIMILARITY_H_

#include "absl/strings/string_view.h"

namespace mdm::matchers {

// The parts of an address, as views into the caller's string.
struct EmailParts {
  absl::string_view local;   // before the last '@', "+tag" removed
  absl::string_view domain;  // after the last '@'
};

// SplitEmail()
//
// Splits at the last '@' and drops everything from the first '+' of the local
// part. A value without '@', or with an empty local part (before or after
// removing the tag) or an empty domain, is not an address: both parts are
// returned empty.
EmailParts SplitEmail(absl::string_view email);

struct EmailComparison {
  // Both values are addresses (see SplitEmail()). When false, every other
  // field is false or 0.
  bool comparable = false;
  // Same local part (tags removed) and same domain.
  bool same_address = false;
  // Same domain, ignoring ASCII case.
  bool same_domain = false;
  // JaroWinkler() of the local parts, tags removed: [0, 1].
  double local_similarity = 0.0;
};

// CompareEmails()
//
// Symmetric; an address compared with itself is same_address with
// local_similarity 1. Thread-safe, no allocation for ASCII addresses.
EmailComparison CompareEmails(absl::string_view a, absl::string_view b);

}  // namespace mdm::matchers

#endif  // MDM_MATCHERS_EMAIL_SIMILARITY_H_
