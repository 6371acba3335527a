// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/record_json.h"

#include <nlohmann/json.hpp>

#include "mdm/model/json_dump.h"

namespace mdm::model {
namespace {

using Json = nlohmann::ordered_json;

void PutString(Json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

void PutValidity(Json& out, const char* key, Validity validity) {
  if (validity != Validity::kUnchecked) out[key] = ValidityName(validity);
}

Json NameToJson(const PersonName& n) {
  Json j = Json::object();
  PutString(j, "display", n.display);
  PutString(j, "title", n.title);
  PutString(j, "given_names", n.given_names);
  PutString(j, "family_name", n.family_name);
  PutString(j, "maiden_name", n.maiden_name);
  PutString(j, "suffix", n.suffix);
  PutString(j, "given_key", n.given_key);
  PutString(j, "family_key", n.family_key);
  PutString(j, "maiden_key", n.maiden_key);
  return j;
}

Json AddressToJson(const Address& a) {
  Json j = Json::object();
  PutString(j, "street", a.street);
  PutString(j, "street2", a.street2);
  PutString(j, "postcode", a.postcode);
  PutString(j, "city", a.city);
  PutString(j, "country", a.country);
  PutString(j, "street_key", a.street_key);
  PutString(j, "city_key", a.city_key);
  PutValidity(j, "postcode_validity", a.postcode_validity);
  return j;
}

template <typename T, typename Fn>
void PutList(Json& out, const char* key, const std::vector<T>& items, Fn to_json) {
  if (items.empty()) return;
  Json list = Json::array();
  for (const T& item : items) list.push_back(to_json(item));
  out[key] = std::move(list);
}

Json ToJson(const SourceRecord& r) {
  Json j = Json::object();
  j["source"] = r.source;
  j["source_type"] = SourceTypeName(r.source_type);
  j["source_key"] = r.source_key;
  PutString(j, "observed_at", r.observed_at);
  PutString(j, "lawful_basis", r.lawful_basis);
  if (r.deleted) j["deleted"] = true;
  j["name"] = NameToJson(r.name);
  PutString(j, "gender", r.gender);
  PutString(j, "birth_date", r.birth_date);
  PutString(j, "language", r.language);
  PutList(j, "specialties", r.specialties, [](const Specialty& s) {
    Json e = Json::object();
    PutString(e, "raw", s.raw);
    PutString(e, "code", s.code);
    return e;
  });
  PutList(j, "identifiers", r.identifiers, [](const Identifier& id) {
    Json e = {{"scheme", id.scheme}, {"value", id.value}};
    PutValidity(e, "validity", id.validity);
    return e;
  });
  PutList(j, "addresses", r.addresses, AddressToJson);
  PutList(j, "phones", r.phones, [](const Phone& p) {
    Json e = Json::object();
    PutString(e, "raw", p.raw);
    PutString(e, "e164", p.e164);
    PutValidity(e, "validity", p.validity);
    return e;
  });
  PutList(j, "emails", r.emails, [](const Email& m) {
    Json e = Json::object();
    PutString(e, "raw", m.raw);
    PutString(e, "normalized", m.normalized);
    PutValidity(e, "validity", m.validity);
    return e;
  });
  PutList(j, "social_handles", r.social_handles,
          [](const std::string& h) { return Json(h); });
  PutList(j, "affiliations", r.affiliations, [](const Affiliation& a) {
    Json e = Json::object();
    PutString(e, "name", a.name);
    PutString(e, "org_id", a.org_id);
    PutString(e, "name_key", a.name_key);
    return e;
  });
  PutList(j, "consents", r.consents, [](const Consent& c) {
    Json e = {{"channel", c.channel}, {"granted", c.granted}};
    PutString(e, "purpose", c.purpose);
    PutString(e, "observed_at", c.observed_at);
    return e;
  });
  return j;
}

// --- parsing -------------------------------------------------------------

std::string GetString(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool GetBool(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

Validity GetValidity(const Json& j, const char* key) {
  std::string v = GetString(j, key);
  if (v == "valid") return Validity::kValid;
  if (v == "invalid") return Validity::kInvalid;
  return Validity::kUnchecked;
}

template <typename T, typename Fn>
std::vector<T> GetList(const Json& j, const char* key, Fn from_json) {
  std::vector<T> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& e : *it) out.push_back(from_json(e));
  return out;
}

PersonName NameFromJson(const Json& j) {
  PersonName n;
  n.display = GetString(j, "display");
  n.title = GetString(j, "title");
  n.given_names = GetString(j, "given_names");
  n.family_name = GetString(j, "family_name");
  n.maiden_name = GetString(j, "maiden_name");
  n.suffix = GetString(j, "suffix");
  n.given_key = GetString(j, "given_key");
  n.family_key = GetString(j, "family_key");
  n.maiden_key = GetString(j, "maiden_key");
  return n;
}

Address AddressFromJson(const Json& j) {
  Address a;
  a.street = GetString(j, "street");
  a.street2 = GetString(j, "street2");
  a.postcode = GetString(j, "postcode");
  a.city = GetString(j, "city");
  a.country = GetString(j, "country");
  a.street_key = GetString(j, "street_key");
  a.city_key = GetString(j, "city_key");
  a.postcode_validity = GetValidity(j, "postcode_validity");
  return a;
}

SourceRecord FromJson(const Json& j) {
  SourceRecord r;
  r.source = GetString(j, "source");
  r.source_type = ParseSourceType(GetString(j, "source_type")).value_or(SourceType::kRep);
  r.source_key = GetString(j, "source_key");
  r.observed_at = GetString(j, "observed_at");
  r.lawful_basis = GetString(j, "lawful_basis");
  r.deleted = GetBool(j, "deleted");
  if (auto it = j.find("name"); it != j.end() && it->is_object()) r.name = NameFromJson(*it);
  r.gender = GetString(j, "gender");
  r.birth_date = GetString(j, "birth_date");
  r.language = GetString(j, "language");
  r.specialties = GetList<Specialty>(j, "specialties", [](const Json& e) {
    return Specialty{GetString(e, "raw"), GetString(e, "code")};
  });
  r.identifiers = GetList<Identifier>(j, "identifiers", [](const Json& e) {
    return Identifier{GetString(e, "scheme"), GetString(e, "value"),
                      GetValidity(e, "validity")};
  });
  r.addresses = GetList<Address>(j, "addresses", AddressFromJson);
  r.phones = GetList<Phone>(j, "phones", [](const Json& e) {
    return Phone{GetString(e, "raw"), GetString(e, "e164"), GetValidity(e, "validity")};
  });
  r.emails = GetList<Email>(j, "emails", [](const Json& e) {
    return Email{GetString(e, "raw"), GetString(e, "normalized"),
                 GetValidity(e, "validity")};
  });
  r.social_handles = GetList<std::string>(j, "social_handles", [](const Json& e) {
    return e.is_string() ? e.get<std::string>() : std::string();
  });
  r.affiliations = GetList<Affiliation>(j, "affiliations", [](const Json& e) {
    return Affiliation{GetString(e, "name"), GetString(e, "org_id"), GetString(e, "name_key")};
  });
  r.consents = GetList<Consent>(j, "consents", [](const Json& e) {
    return Consent{GetString(e, "channel"), GetString(e, "purpose"),
                   GetBool(e, "granted"), GetString(e, "observed_at")};
  });
  return r;
}

}  // namespace

std::string RecordToJson(const SourceRecord& record) {
  return DumpJson(ToJson(record));
}

absl::StatusOr<SourceRecord> RecordFromJson(absl::string_view json) {
  Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return absl::DataLossError("stored record is not a JSON object");
  }
  return FromJson(j);
}

}  // namespace mdm::model
