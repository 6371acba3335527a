// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/record_builder.h"

#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/json_writer.h"

namespace mdm::ingest {
namespace {

using model::CanonicalField;

void AppendWord(std::string* to, absl::string_view word) {
  if (!to->empty()) to->push_back(' ');
  to->append(word.data(), word.size());
}

// The given name goes before middle names whatever the column order.
void PrependWord(std::string* to, absl::string_view word) {
  *to = to->empty() ? std::string(word) : absl::StrCat(word, " ", *to);
}

template <typename T>
T& Item(std::vector<T>& items, int group) {
  if (static_cast<size_t>(group) >= items.size()) items.resize(group + 1);
  return items[group];
}

// "yes"/"no" and their usual spellings in CRM exports.
std::optional<bool> ParseConsent(absl::string_view value) {
  const std::string v = absl::AsciiStrToLower(value);
  for (const char* yes : {"yes", "y", "true", "1", "oui", "o", "opt-in", "optin", "granted"}) {
    if (v == yes) return true;
  }
  for (const char* no : {"no", "n", "false", "0", "non", "opt-out", "optout", "refused", "withdrawn"}) {
    if (v == no) return false;
  }
  return std::nullopt;
}

void PlaceConsent(absl::string_view channel, const std::string& value,
                  BuiltRecord& built) {
  std::optional<bool> granted = ParseConsent(value);
  if (!granted) {
    built.issues.push_back({"", 0, absl::StrCat("consent.", channel),
                            model::IssueReason::kInvalidConsent,
                            "expected yes/no, true/false, 1/0 or opt-in/opt-out", ""});
    return;
  }
  built.record.consents.push_back({std::string(channel), "", *granted, ""});
}

// A delete marker is spelled like a yes; an empty cell is a no. Anything
// else is refused: loading a row meant as a delete would keep the person.
void PlaceDeleted(const std::string& value, BuiltRecord& built) {
  const std::string v = absl::AsciiStrToLower(absl::StripAsciiWhitespace(value));
  if (v.empty()) return;
  for (const char* yes : {"yes", "y", "true", "1", "d", "deleted", "delete", "x"}) {
    if (v == yes) {
      built.record.deleted = true;
      return;
    }
  }
  for (const char* no : {"no", "n", "false", "0"}) {
    if (v == no) return;
  }
  built.issues.push_back({"", 0, "deleted", model::IssueReason::kInvalidDeleteMarker,
                          "expected yes/no, true/false, 1/0, d or deleted", ""});
}

void PlaceIdentifier(absl::string_view scheme, const std::string& value,
                     SourceRecord& r) {
  r.identifiers.push_back({std::string(scheme), value, Validity::kUnchecked});
}

void Place(const MappedValue& v, BuiltRecord& built) {
  SourceRecord& r = built.record;
  switch (v.field) {
    case CanonicalField::kSourceKey: r.source_key = v.value; break;
    case CanonicalField::kObservedAt: r.observed_at = v.value; break;
    case CanonicalField::kFullName: r.name.display = v.value; break;
    case CanonicalField::kTitle: AppendWord(&r.name.title, v.value); break;
    case CanonicalField::kGivenName: PrependWord(&r.name.given_names, v.value); break;
    case CanonicalField::kMiddleName: AppendWord(&r.name.given_names, v.value); break;
    case CanonicalField::kFamilyName: r.name.family_name = v.value; break;
    case CanonicalField::kMaidenName: r.name.maiden_name = v.value; break;
    case CanonicalField::kSuffix: AppendWord(&r.name.suffix, v.value); break;
    case CanonicalField::kGender: r.gender = v.value; break;
    case CanonicalField::kBirthDate: r.birth_date = v.value; break;
    case CanonicalField::kLanguage: r.language = v.value; break;
    case CanonicalField::kSpecialty: r.specialties.push_back({v.value, ""}); break;
    case CanonicalField::kNpi: PlaceIdentifier("npi", v.value, r); break;
    case CanonicalField::kRpps: PlaceIdentifier("rpps", v.value, r); break;
    case CanonicalField::kAdeli: PlaceIdentifier("adeli", v.value, r); break;
    case CanonicalField::kGmc: PlaceIdentifier("gmc", v.value, r); break;
    case CanonicalField::kLanr: PlaceIdentifier("lanr", v.value, r); break;
    case CanonicalField::kCrmId: PlaceIdentifier("crm", v.value, r); break;
    case CanonicalField::kOtherId: PlaceIdentifier("other", v.value, r); break;
    case CanonicalField::kPhone: r.phones.push_back({v.value, "", Validity::kUnchecked}); break;
    case CanonicalField::kEmail: r.emails.push_back({v.value, "", Validity::kUnchecked}); break;
    case CanonicalField::kSocialHandle: r.social_handles.push_back(v.value); break;
    // A house number from a column of its own goes before the street name,
    // whichever column comes first.
    case CanonicalField::kAddressNumber: PrependWord(&Item(r.addresses, v.group).street, v.value); break;
    case CanonicalField::kAddressStreet: AppendWord(&Item(r.addresses, v.group).street, v.value); break;
    case CanonicalField::kAddressStreet2: Item(r.addresses, v.group).street2 = v.value; break;
    case CanonicalField::kAddressPostcode: Item(r.addresses, v.group).postcode = v.value; break;
    case CanonicalField::kAddressCity: Item(r.addresses, v.group).city = v.value; break;
    case CanonicalField::kAddressCountry: Item(r.addresses, v.group).country = v.value; break;
    case CanonicalField::kAffiliationName: Item(r.affiliations, v.group).name = v.value; break;
    case CanonicalField::kAffiliationId: Item(r.affiliations, v.group).org_id = v.value; break;
    case CanonicalField::kConsentEmail: PlaceConsent("email", v.value, built); break;
    case CanonicalField::kConsentPhone: PlaceConsent("phone", v.value, built); break;
    case CanonicalField::kConsentVisit: PlaceConsent("visit", v.value, built); break;
    case CanonicalField::kDeleted: PlaceDeleted(v.value, built); break;
    case CanonicalField::kIgnore: break;
  }
}

// Groups that no column filled (address2 mapped but empty) are dropped.
void DropEmptyGroups(SourceRecord& r) {
  std::erase_if(r.addresses, [](const Address& a) {
    return a.street.empty() && a.street2.empty() && a.postcode.empty() &&
           a.city.empty() && a.country.empty();
  });
  std::erase_if(r.affiliations,
                [](const Affiliation& a) { return a.name.empty() && a.org_id.empty(); });
}

std::string RawJson(const std::vector<MappedValue>& values) {
  // Field name (with its group for grouped fields) -> values in input order;
  // sorted by name so equal rows give equal text.
  std::map<std::string, std::vector<const std::string*>> by_name;
  for (const MappedValue& v : values) {
    std::string name(model::FieldName(v.field));
    if (v.group > 0 && model::IsGrouped(v.field)) {
      name.insert(name.find('.'), std::to_string(v.group + 1));
    }
    by_name[name].push_back(&v.value);
  }
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  for (const auto& [name, list] : by_name) {
    w.Key(name);
    if (list.size() == 1) {
      w.String(*list[0]);
      continue;
    }
    w.BeginArray();
    for (const std::string* value : list) w.String(*value);
    w.EndArray();
  }
  w.EndObject();
  return out;
}

}  // namespace

BuiltRecord BuildRecord(const std::vector<MappedValue>& values,
                        const SourceConfig& source) {
  BuiltRecord built;
  built.record.source = source.name;
  built.record.source_type = source.type;
  built.record.lawful_basis = source.lawful_basis;
  for (const MappedValue& v : values) Place(v, built);
  if (built.record.deleted) {
    // A delete marker keeps its key and time only: the values of a person
    // whose record is being deleted are not stored again, not even raw.
    SourceRecord marker;
    marker.source = source.name;
    marker.source_type = source.type;
    marker.lawful_basis = source.lawful_basis;
    marker.source_key = std::move(built.record.source_key);
    marker.observed_at = std::move(built.record.observed_at);
    marker.deleted = true;
    built.record = std::move(marker);
    built.issues.clear();
    std::vector<MappedValue> kept;
    for (const MappedValue& v : values) {
      if (v.field == CanonicalField::kSourceKey || v.field == CanonicalField::kObservedAt ||
          v.field == CanonicalField::kDeleted) {
        kept.push_back(v);
      }
    }
    built.raw_json = RawJson(kept);
    return built;
  }
  DropEmptyGroups(built.record);
  built.raw_json = RawJson(values);
  return built;
}

}  // namespace mdm::ingest
