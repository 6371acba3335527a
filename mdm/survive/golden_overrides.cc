// SPDX-License-Identifier: Apache-2.0
#include "mdm/survive/golden_overrides.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "mdm/base/clip.h"
#include "mdm/base/utf8.h"

namespace mdm::survive {
namespace {

constexpr size_t kMaxNameBytes = 200;

template <typename T>
void Pin(Survived<T>& slot) {
  slot.lineage.records.clear();
  slot.lineage.rule = "steward_override";
}

bool IsDate(absl::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  absl::Time t;
  std::string error;
  // ParseTime normalizes 2023-02-30 to March: compare the round trip.
  return absl::ParseTime("%Y-%m-%d", value, absl::UTCTimeZone(), &t, &error) &&
         absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone()) == value;
}

}  // namespace

void ApplyPins(const Pins& pins, GoldenRecord& golden) {
  for (const auto& [field, value] : pins) {
    if (field == "given_name") {
      golden.name.value.given_names = value;
      golden.name.value.display.clear();
      Pin(golden.name);
    } else if (field == "family_name") {
      golden.name.value.family_name = value;
      golden.name.value.display.clear();
      Pin(golden.name);
    } else if (field == "gender") {
      golden.gender.value = value;
      Pin(golden.gender);
    } else if (field == "birth_date") {
      golden.birth_date.value = value;
      Pin(golden.birth_date);
    } else if (field == "language") {
      golden.language.value = value;
      Pin(golden.language);
    }
  }
}

absl::Status CheckPin(absl::string_view field, absl::string_view value) {
  auto bad = [field](absl::string_view expected) {
    return absl::InvalidArgumentError(
        absl::StrCat("override: the value of ", field, " must be ", expected));
  };
  if (field == "given_name" || field == "family_name") {
    if (value.empty() || value.size() > kMaxNameBytes || !base::IsValidUtf8(value)) {
      return bad("1 to 200 bytes of UTF-8 text");
    }
    for (unsigned char c : value) {
      if (c < 0x20 || c == 0x7f) return bad("text without control characters");
    }
    return absl::OkStatus();
  }
  if (field == "gender") {
    if (value == "F" || value == "M" || value == "X") return absl::OkStatus();
    return bad("F, M or X");
  }
  if (field == "birth_date") {
    return IsDate(value) ? absl::OkStatus() : bad("a date YYYY-MM-DD");
  }
  if (field == "language") {
    if (value.size() == 2 && absl::ascii_islower(value[0]) && absl::ascii_islower(value[1])) {
      return absl::OkStatus();
    }
    return bad("two lowercase letters (ISO 639-1)");
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "override: unknown field '", base::Clip(field),
      "' (given_name, family_name, gender, birth_date, language)"));
}

}  // namespace mdm::survive
