// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/record_json.h"

#include <nlohmann/json.hpp>

#include "mdm/base/json_writer.h"

namespace mdm::model {
namespace {

using Json = nlohmann::ordered_json;

void PutValidity(base::JsonWriter& w, absl::string_view key, Validity validity) {
  if (validity != Validity::kUnchecked) {
    w.Key(key);
    w.String(ValidityName(validity));
  }
}

void WriteName(base::JsonWriter& w, const PersonName& n) {
  w.BeginObject();
  w.NonEmpty("display", n.display);
  w.NonEmpty("title", n.title);
  w.NonEmpty("given_names", n.given_names);
  w.NonEmpty("family_name", n.family_name);
  w.NonEmpty("maiden_name", n.maiden_name);
  w.NonEmpty("suffix", n.suffix);
  w.NonEmpty("given_key", n.given_key);
  w.NonEmpty("family_key", n.family_key);
  w.NonEmpty("maiden_key", n.maiden_key);
  w.EndObject();
}

void WriteAddress(base::JsonWriter& w, const Address& a) {
  w.BeginObject();
  w.NonEmpty("street", a.street);
  w.NonEmpty("street2", a.street2);
  w.NonEmpty("postcode", a.postcode);
  w.NonEmpty("city", a.city);
  w.NonEmpty("country", a.country);
  w.NonEmpty("street_key", a.street_key);
  w.NonEmpty("city_key", a.city_key);
  PutValidity(w, "postcode_validity", a.postcode_validity);
  w.EndObject();
}

// Writes `key: [item...]` unless `items` is empty.
template <typename T, typename Fn>
void WriteList(base::JsonWriter& w, absl::string_view key, const std::vector<T>& items,
               Fn write_item) {
  if (items.empty()) return;
  w.Key(key);
  w.BeginArray();
  for (const T& item : items) write_item(w, item);
  w.EndArray();
}

void WriteLists(base::JsonWriter& out, const SourceRecord& r) {
  WriteList(out, "specialties", r.specialties, [](base::JsonWriter& w, const Specialty& s) {
    w.BeginObject();
    w.NonEmpty("raw", s.raw);
    w.NonEmpty("code", s.code);
    w.EndObject();
  });
  WriteList(out, "identifiers", r.identifiers, [](base::JsonWriter& w, const Identifier& id) {
    w.BeginObject();
    w.Key("scheme");
    w.String(id.scheme);
    w.Key("value");
    w.String(id.value);
    PutValidity(w, "validity", id.validity);
    w.EndObject();
  });
  WriteList(out, "addresses", r.addresses, WriteAddress);
  WriteList(out, "phones", r.phones, [](base::JsonWriter& w, const Phone& p) {
    w.BeginObject();
    w.NonEmpty("raw", p.raw);
    w.NonEmpty("e164", p.e164);
    PutValidity(w, "validity", p.validity);
    w.EndObject();
  });
  WriteList(out, "emails", r.emails, [](base::JsonWriter& w, const Email& m) {
    w.BeginObject();
    w.NonEmpty("raw", m.raw);
    w.NonEmpty("normalized", m.normalized);
    PutValidity(w, "validity", m.validity);
    w.EndObject();
  });
  WriteList(out, "social_handles", r.social_handles,
            [](base::JsonWriter& w, const std::string& h) { w.String(h); });
  WriteList(out, "affiliations", r.affiliations, [](base::JsonWriter& w, const Affiliation& a) {
    w.BeginObject();
    w.NonEmpty("name", a.name);
    w.NonEmpty("org_id", a.org_id);
    w.NonEmpty("name_key", a.name_key);
    w.EndObject();
  });
  WriteList(out, "consents", r.consents, [](base::JsonWriter& w, const Consent& c) {
    w.BeginObject();
    w.Key("channel");
    w.String(c.channel);
    w.Key("granted");
    w.Bool(c.granted);
    w.NonEmpty("purpose", c.purpose);
    w.NonEmpty("observed_at", c.observed_at);
    w.EndObject();
  });
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

std::string RecordToJson(const SourceRecord& r) {
  std::string out;
  out.reserve(512);
  base::JsonWriter w(&out);
  w.BeginObject();
  w.Key("source");
  w.String(r.source);
  w.Key("source_type");
  w.String(SourceTypeName(r.source_type));
  w.Key("source_key");
  w.String(r.source_key);
  w.NonEmpty("observed_at", r.observed_at);
  w.NonEmpty("lawful_basis", r.lawful_basis);
  if (r.deleted) {
    w.Key("deleted");
    w.Bool(true);
  }
  w.Key("name");
  WriteName(w, r.name);
  w.NonEmpty("gender", r.gender);
  w.NonEmpty("birth_date", r.birth_date);
  w.NonEmpty("language", r.language);
  WriteLists(w, r);
  w.EndObject();
  return out;
}

absl::StatusOr<SourceRecord> RecordFromJson(absl::string_view json) {
  Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return absl::DataLossError("stored record is not a JSON object");
  }
  return FromJson(j);
}

}  // namespace mdm::model
