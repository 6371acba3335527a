// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/email_normalizer.h"

#include <string>

#include <re2/re2.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace mdm::normalize {
namespace {

// RFC 5321 section 4.5.3.1 limits.
constexpr size_t kMaxLocalPartBytes = 64;
constexpr size_t kMaxAddressBytes = 254;

// Matched against the lower-cased address, so letters are a-z only.
const RE2& AddressPattern() {
  static const RE2* const kPattern = new RE2(
      R"re([a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)re"
      R"re(@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})re");
  return *kPattern;
}

// Removes whitespace, enclosing "<...>" and a "mailto:" scheme with its query,
// in the order a pasted "<mailto:...>" link nests them.
absl::string_view StripDecorations(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    text = absl::StripAsciiWhitespace(text.substr(1, text.size() - 2));
  }
  constexpr absl::string_view kScheme = "mailto:";
  if (absl::StartsWithIgnoreCase(text, kScheme)) {
    text = text.substr(kScheme.size());
    text = text.substr(0, text.find('?'));
    text = absl::StripAsciiWhitespace(text);
  }
  return text;
}

bool HasValidSyntax(absl::string_view address) {
  const size_t at = address.find('@');
  if (at == absl::string_view::npos || at > kMaxLocalPartBytes ||
      address.size() > kMaxAddressBytes) {
    return false;
  }
  return RE2::FullMatch(re2::StringPiece(address.data(), address.size()),
                        AddressPattern());
}

}  // namespace

Email NormalizeEmail(absl::string_view raw) {
  Email email;
  email.raw = std::string(raw);
  email.normalized = absl::AsciiStrToLower(StripDecorations(raw));
  email.validity =
      HasValidSyntax(email.normalized) ? Validity::kValid : Validity::kInvalid;
  return email;
}

}  // namespace mdm::normalize
