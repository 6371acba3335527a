// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/identifier_validator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace mdm::normalize {
namespace {

// The NPI is a card-issuer identifier under ISO 7812: its Luhn digit is
// computed as if prefixed by 80840 (health industry, United States).
constexpr absl::string_view kNpiLuhnPrefix = "80840";

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool DigitsOfLength(absl::string_view s, size_t n) {
  return s.size() == n && AllDigits(s);
}

// Sum of the Luhn digits of `digits`, doubling every second digit counted
// from the right, starting with the rightmost when `double_rightmost`.
int LuhnSum(absl::string_view digits, bool double_rightmost) {
  int sum = 0;
  bool doubled = double_rightmost;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return sum;
}

bool LuhnValid(absl::string_view digits) {
  return AllDigits(digits) && LuhnSum(digits, false) % 10 == 0;
}

int LanrCheckDigit(absl::string_view first_six) {
  int sum = 0;
  for (size_t i = 0; i < 6; ++i) {
    sum += (first_six[i] - '0') * (i % 2 == 0 ? 4 : 9);
  }
  return (10 - sum % 10) % 10;
}

}  // namespace

bool IsKnownScheme(absl::string_view scheme) {
  return scheme == "npi" || scheme == "rpps" || scheme == "adeli" ||
         scheme == "gmc" || scheme == "lanr" || scheme == "crm" ||
         scheme == "other";
}

std::string CleanIdentifier(absl::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '\t') continue;
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

int LuhnCheckDigit(absl::string_view digits) {
  return (10 - LuhnSum(digits, true) % 10) % 10;
}

Validity ValidateIdentifier(absl::string_view scheme,
                            absl::string_view cleaned) {
  bool ok;
  if (scheme == "npi") {
    ok = DigitsOfLength(cleaned, 10) &&
         LuhnValid(absl::StrCat(kNpiLuhnPrefix, cleaned));
  } else if (scheme == "rpps") {
    ok = DigitsOfLength(cleaned, 11) && LuhnValid(cleaned);
  } else if (scheme == "adeli") {
    ok = DigitsOfLength(cleaned, 9) && LuhnValid(cleaned);
  } else if (scheme == "gmc") {
    ok = DigitsOfLength(cleaned, 7);
  } else if (scheme == "lanr") {
    ok = DigitsOfLength(cleaned, 9) &&
         cleaned[6] - '0' == LanrCheckDigit(cleaned.substr(0, 6));
  } else {
    return cleaned.empty() ? Validity::kInvalid : Validity::kUnchecked;
  }
  return ok ? Validity::kValid : Validity::kInvalid;
}

Identifier NormalizeIdentifier(absl::string_view scheme, absl::string_view raw) {
  std::string value = CleanIdentifier(raw);
  // French "identifiant national" forms carry a one-digit type prefix.
  if (scheme == "rpps" && value.size() == 12 && value[0] == '8') {
    value.erase(0, 1);
  } else if (scheme == "adeli" && value.size() == 10 && value[0] == '0') {
    value.erase(0, 1);
  } else if (scheme == "npi" && value.size() == 15 &&
             absl::StartsWith(value, kNpiLuhnPrefix)) {
    value.erase(0, kNpiLuhnPrefix.size());
  }
  Identifier id;
  id.scheme = std::string(scheme);
  id.validity = ValidateIdentifier(scheme, value);
  id.value = std::move(value);
  return id;
}

std::optional<std::string> CompleteIdentifier(absl::string_view scheme,
                                              absl::string_view payload) {
  auto digit = [](int d) { return static_cast<char>('0' + d); };
  if (scheme == "npi" && DigitsOfLength(payload, 9)) {
    return absl::StrCat(
        payload, std::string(1, digit(LuhnCheckDigit(
                                    absl::StrCat(kNpiLuhnPrefix, payload)))));
  }
  if ((scheme == "rpps" && DigitsOfLength(payload, 10)) ||
      (scheme == "adeli" && DigitsOfLength(payload, 8))) {
    return absl::StrCat(payload, std::string(1, digit(LuhnCheckDigit(payload))));
  }
  if (scheme == "lanr" && DigitsOfLength(payload, 8)) {
    return absl::StrCat(payload.substr(0, 6),
                        std::string(1, digit(LanrCheckDigit(payload))),
                        payload.substr(6));
  }
  if (scheme == "gmc" && DigitsOfLength(payload, 7)) return std::string(payload);
  return std::nullopt;
}

}  // namespace mdm::normalize
