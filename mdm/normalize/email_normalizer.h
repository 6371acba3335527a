// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/email_normalizer.h
//
// E-mail addresses to their matching key. Consumes an address as a source
// spelled it; produces an mdm::Email whose `normalized` form is the key and
// whose `validity` comes from a syntax check.
//
// Cleaning: surrounding whitespace, a "mailto:" scheme (any case, with any
// "?subject=..." query) and enclosing angle brackets are removed, then the
// whole address is lower-cased. The local part is lower-cased too: no HCP
// mail system in practice treats "J.Martin" and "j.martin" as two mailboxes.
//
// Syntax accepted (a pragmatic subset of RFC 5322 addr-spec, ASCII only):
//   local part  dot-separated atoms of letters, digits and !#$%&'*+/=?^_`{|}~-
//               (no leading, trailing or consecutive dots), at most 64 bytes;
//   domain      two labels or more, each 1-63 letters, digits or hyphens, not
//               starting or ending with a hyphen; the last label (the TLD) 2-63
//               letters; whole address at most 254 bytes (RFC 5321).
// Quoted local parts, IP-literal domains and internationalised addresses are
// rejected: CRM exports do not carry them and they would not help matching.
//
// Example:
//   NormalizeEmail(" <mailto:J.Martin@Example.FR> ")
//       -> normalized "j.martin@example.fr", kValid
//   NormalizeEmail("j.martin@example")
//       -> normalized "j.martin@example", kInvalid (no dot in the domain)
#ifndef MDM_NORMALIZE_EMAIL_NORMALIZER_H_
#define MDM_NORMALIZE_EMAIL_NORMALIZER_H_

#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::normalize {

// NormalizeEmail()
//
// Returns `raw` unchanged in `raw`, the cleaned lower-case address in
// `normalized` (also when invalid, so that a steward sees what was checked;
// empty for blank input), and `validity` kValid when it has the syntax above,
// kInvalid otherwise (blank input included). Thread-safe.
Email NormalizeEmail(absl::string_view raw);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_EMAIL_NORMALIZER_H_
