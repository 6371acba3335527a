// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/bad_rows.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "mdm/normalize/identifier_validator.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr BadRowKind kKindOrder[kBadRowKindCount] = {
    BadRowKind::kInvalidUtf8,      BadRowKind::kUnbalancedQuote,
    BadRowKind::kTooManyFields,    BadRowKind::kTooFewFields,
    BadRowKind::kNoNameNoIdentifier, BadRowKind::kMissingSourceKey,
    BadRowKind::kMalformedJson,    BadRowKind::kJsonArray,
    BadRowKind::kWrongCheckDigit,  BadRowKind::kOversizeField,
};

// Stands in for a field that must be written raw, unquoted.
constexpr absl::string_view kRawMarker = "\x01RAW\x01";
constexpr size_t kTooFewFieldCount = 5;

// One of each kind first; then every kind again except the unbalanced quote
// (kKindOrder[1]), which must stay the last row of its file.
BadRowKind KindOf(int row_idx) {
  if (row_idx < kBadRowKindCount) return kKindOrder[row_idx];
  const int cycle_idx = (row_idx - kBadRowKindCount) % (kBadRowKindCount - 1);
  return kKindOrder[cycle_idx == 0 ? 0 : cycle_idx + 1];
}

SourceIndex SourceOf(BadRowKind kind, const Person& donor) {
  switch (kind) {
    case BadRowKind::kTooFewFields:
    case BadRowKind::kMissingSourceKey:
      return kMedinfo;
    case BadRowKind::kMalformedJson:
      return kMslKol;
    case BadRowKind::kJsonArray:
    case BadRowKind::kOversizeField:
      return kSocial;
    default:
      return RepSource(donor);
  }
}

std::optional<Country> WantedCountry(BadRowKind kind) {
  switch (kind) {
    case BadRowKind::kInvalidUtf8:
    case BadRowKind::kTooManyFields:
      return Country::kFr;
    case BadRowKind::kUnbalancedQuote:
    case BadRowKind::kNoNameNoIdentifier:
    case BadRowKind::kWrongCheckDigit:
      return Country::kUs;
    default:
      return std::nullopt;
  }
}

// `row` as CSV text with its `column` written raw as `raw`.
std::string CsvWithRawField(CsvRow row, const SourceSpec& spec, const char* column,
                            absl::string_view raw) {
  row.Set(column, std::string(kRawMarker));
  return absl::StrReplaceAll(CsvText(row.fields(), spec), {{kRawMarker, raw}});
}

// The person's national identifier with its check digit moved off by one.
std::string WrongCheckDigit(const Person& person) {
  const char* scheme = person.is_fr() ? "rpps" : "npi";
  std::string id = person.is_fr() ? person.rpps : person.npi;
  // Nurses may have no number; any well-formed payload will do for them.
  if (id.empty()) {
    id = *normalize::CompleteIdentifier(scheme, person.is_fr() ? "1999999999" : "199999999");
  }
  // Luhn detects every single-digit change, so the result never validates.
  id.back() = static_cast<char>('0' + (id.back() - '0' + 1) % 10);
  return id;
}

std::string CutJson(const std::string& text) {
  // Cut just before a quote so that no UTF-8 sequence is split: the line is
  // malformed JSON, not invalid UTF-8.
  const size_t cut = text.find('"', text.size() / 2);
  return absl::StrCat(text.substr(0, cut), "\n");
}

std::string Oversize(const std::string& bio) {
  std::string out = bio;
  while (out.size() <= kOversizeFieldBytes) out.append(" Lorem ipsum dolor sit amet.");
  return out;
}

}  // namespace

absl::string_view BadRowKindName(BadRowKind kind) {
  switch (kind) {
    case BadRowKind::kInvalidUtf8: return "invalid_utf8";
    case BadRowKind::kUnbalancedQuote: return "unbalanced_quote";
    case BadRowKind::kTooManyFields: return "too_many_fields";
    case BadRowKind::kTooFewFields: return "too_few_fields";
    case BadRowKind::kNoNameNoIdentifier: return "no_name_no_identifier";
    case BadRowKind::kMissingSourceKey: return "missing_source_key";
    case BadRowKind::kMalformedJson: return "malformed_json";
    case BadRowKind::kJsonArray: return "json_array";
    case BadRowKind::kWrongCheckDigit: return "wrong_check_digit";
    case BadRowKind::kOversizeField: return "oversize_field";
  }
  return "unknown";
}

BadRowMaker::BadRowMaker(int count, uint64_t seed) : rng_(seed) {
  for (int row_idx = 0; row_idx < count; ++row_idx) {
    // After one of each kind, cycle over all kinds but the unbalanced quote.
    const BadRowKind kind = KindOf(row_idx);
    plans_.push_back({kind, WantedCountry(kind), std::nullopt, std::nullopt, 0, 0});
  }
}

void BadRowMaker::Offer(const Person& person) {
  for (Plan& plan : plans_) {
    // Reservoir sampling of size one: every eligible person is equally likely.
    if (rng_.Uniform(static_cast<uint64_t>(++plan.seen_any)) == 0) plan.any = person;
    if (plan.wanted.has_value() && person.country != *plan.wanted) continue;
    if (rng_.Uniform(static_cast<uint64_t>(++plan.seen)) == 0) plan.donor = person;
  }
}

std::vector<BadRow> BadRowMaker::Make(const ReferenceData& data, KeyMaker& keys) {
  std::vector<BadRow> rows;
  for (const Plan& plan : plans_) rows.push_back(MakeOne(plan, data, keys));
  return rows;
}

BadRow BadRowMaker::MakeOne(const Plan& plan, const ReferenceData& data,
                            KeyMaker& keys) {
  const Person& donor = plan.donor.has_value() ? *plan.donor : *plan.any;
  BadRow bad{plan.kind, SourceOf(plan.kind, donor),
             plan.kind == BadRowKind::kUnbalancedQuote, {"", donor.id, ""}};
  if (plan.kind != BadRowKind::kMissingSourceKey) {
    bad.row.source_key = keys.Next(bad.source);
  }
  bad.row.text = SourceSpecs()[bad.source].jsonl
                     ? BrokenJson(plan.kind, donor, data, bad.row.source_key)
                     : BrokenCsv(plan.kind, donor, data, bad.row.source_key);
  return bad;
}

std::string BadRowMaker::BrokenCsv(BadRowKind kind, const Person& donor,
                                   const ReferenceData& data, const std::string& key) {
  const SourceSpec& spec = SourceSpecs()[SourceOf(kind, donor)];
  if (kind == BadRowKind::kTooFewFields || kind == BadRowKind::kMissingSourceKey) {
    const CsvRow row = MedinfoRow(donor, data, rng_, key);
    absl::Span<const std::string> fields = row.fields();
    return CsvText(kind == BadRowKind::kTooFewFields ? fields.first(kTooFewFieldCount)
                                                     : fields,
                   spec);
  }
  CsvRow row = RepRow(donor, rng_, key);
  const Place& place = donor.practice;
  switch (kind) {
    case BadRowKind::kInvalidUtf8:
      row.Set("street", EncodeWindows1252(
                            absl::StrCat(place.street_number, " rue de l'Église")));
      break;
    case BadRowKind::kUnbalancedQuote:
      return CsvWithRawField(std::move(row), spec, "street",
                             absl::StrCat("\"", StreetLine(place, donor.country, true)));
    case BadRowKind::kTooManyFields:
      return CsvWithRawField(
          std::move(row), spec, "street",
          absl::StrCat(place.street_number, ", rue ", place.street_name));
    case BadRowKind::kNoNameNoIdentifier:
      row.Set("last_name", "");
      row.Set(donor.is_fr() ? "rpps" : "npi", "");
      if (donor.is_fr()) row.Set("adeli", "");
      break;
    default:  // kWrongCheckDigit
      row.Set(donor.is_fr() ? "rpps" : "npi", WrongCheckDigit(donor));
      break;
  }
  return CsvText(row.fields(), spec);
}

std::string BadRowMaker::BrokenJson(BadRowKind kind, const Person& donor,
                                    const ReferenceData& data, const std::string& key) {
  if (kind == BadRowKind::kMalformedJson) {
    return CutJson(JsonText(MslProfile(donor, rng_, key)));
  }
  nlohmann::ordered_json mention = SocialMention(donor, data, rng_, key);
  if (kind == BadRowKind::kOversizeField) {
    mention["bio"] = Oversize(mention["bio"].get<std::string>());
    return JsonText(mention);
  }
  nlohmann::ordered_json values = nlohmann::ordered_json::array();  // kJsonArray
  for (const auto& item : mention.items()) values.push_back(item.value());
  return JsonText(values);
}

}  // namespace mdm::gen
