// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/golden_json.h"

#include "mdm/model/value_json.h"
#include "mdm/status.h"

namespace mdm::model {
namespace {

void WriteLineage(base::JsonWriter& w, const Lineage& l) {
  w.Key("rule");
  w.String(l.rule);
  w.Key("records");
  w.BeginArray();
  for (const std::string& r : l.records) w.String(r);
  w.EndArray();
}

template <typename T>
void WriteSingle(base::JsonWriter& w, absl::string_view key, const Survived<T>& s) {
  // No member carries a value, and no steward pinned one.
  if (s.lineage.records.empty() && s.lineage.rule.empty()) return;
  w.Key(key);
  w.BeginObject();
  w.Key("value");
  WriteValue(w, s.value);
  WriteLineage(w, s.lineage);
  w.EndObject();
}

template <typename T>
void WriteSurvivedList(base::JsonWriter& w, absl::string_view key,
                       const std::vector<Survived<T>>& items) {
  if (items.empty()) return;
  w.Key(key);
  w.BeginArray();
  for (const Survived<T>& s : items) {
    w.BeginObject();
    w.Key("value");
    WriteValue(w, s.value);
    w.Key("primary");
    w.Bool(s.primary);
    WriteLineage(w, s.lineage);
    w.EndObject();
  }
  w.EndArray();
}

// Reads {"value": ..., "primary": ..., "rule": ..., "records": [...]}.
template <typename T>
Survived<T> ReadSurvived(sj::value v) {
  Survived<T> s;
  for (auto field : v.get_object()) {
    const std::string_view key = field.unescaped_key();
    if (key == "value") ReadValue(field.value(), s.value);
    else if (key == "primary") s.primary = field.value().get_bool();
    else if (key == "rule") s.lineage.rule = ReadString(field.value());
    else if (key == "records") s.lineage.records = ReadList<std::string>(field.value());
  }
  return s;
}

template <typename T>
std::vector<Survived<T>> ReadSurvivedList(sj::value v) {
  std::vector<Survived<T>> out;
  for (auto element : v.get_array()) out.push_back(ReadSurvived<T>(element.value()));
  return out;
}

// The values of an attribute (no lineage), for comparing versions.
template <typename T>
std::string ValuesOf(const Survived<T>& s) {
  std::string out;
  base::JsonWriter w(&out);
  WriteValue(w, s.value);
  return out;
}

template <typename T>
std::string ValuesOf(const std::vector<Survived<T>>& items) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginArray();
  for (const Survived<T>& s : items) WriteValue(w, s.value);
  w.EndArray();
  return out;
}

}  // namespace

std::vector<std::string> ChangedAttributes(const GoldenRecord& a, const GoldenRecord& b) {
  std::vector<std::string> changed;
  auto check = [&](const char* name, const auto& x, const auto& y) {
    if (ValuesOf(x) != ValuesOf(y)) changed.emplace_back(name);
  };
  check("name", a.name, b.name);
  check("gender", a.gender, b.gender);
  check("birth_date", a.birth_date, b.birth_date);
  check("language", a.language, b.language);
  check("identifiers", a.identifiers, b.identifiers);
  check("addresses", a.addresses, b.addresses);
  check("phones", a.phones, b.phones);
  check("emails", a.emails, b.emails);
  check("specialties", a.specialties, b.specialties);
  check("affiliations", a.affiliations, b.affiliations);
  check("social_handles", a.social_handles, b.social_handles);
  return changed;
}

void WriteGoldenContent(base::JsonWriter& w, const GoldenRecord& g) {
  WriteSingle(w, "name", g.name);
  WriteSingle(w, "gender", g.gender);
  WriteSingle(w, "birth_date", g.birth_date);
  WriteSingle(w, "language", g.language);
  WriteSurvivedList(w, "identifiers", g.identifiers);
  WriteSurvivedList(w, "addresses", g.addresses);
  WriteSurvivedList(w, "phones", g.phones);
  WriteSurvivedList(w, "emails", g.emails);
  WriteSurvivedList(w, "specialties", g.specialties);
  WriteSurvivedList(w, "affiliations", g.affiliations);
  WriteSurvivedList(w, "social_handles", g.social_handles);
  w.Key("members");
  w.BeginArray();
  for (const std::string& m : g.members) w.String(m);
  w.EndArray();
}

std::string GoldenContentToJson(const GoldenRecord& golden) {
  std::string out;
  out.reserve(1024);
  base::JsonWriter w(&out);
  w.BeginObject();
  WriteGoldenContent(w, golden);
  w.EndObject();
  return out;
}

absl::StatusOr<GoldenRecord> GoldenContentFromJson(absl::string_view json) {
  GoldenRecord g;
  MDM_RETURN_IF_ERROR(ParseStored(json, "golden record", [&g](std::string_view key, sj::value v) {
    if (key == "name") g.name = ReadSurvived<PersonName>(v);
    else if (key == "gender") g.gender = ReadSurvived<std::string>(v);
    else if (key == "birth_date") g.birth_date = ReadSurvived<std::string>(v);
    else if (key == "language") g.language = ReadSurvived<std::string>(v);
    else if (key == "identifiers") g.identifiers = ReadSurvivedList<Identifier>(v);
    else if (key == "addresses") g.addresses = ReadSurvivedList<Address>(v);
    else if (key == "phones") g.phones = ReadSurvivedList<Phone>(v);
    else if (key == "emails") g.emails = ReadSurvivedList<Email>(v);
    else if (key == "specialties") g.specialties = ReadSurvivedList<Specialty>(v);
    else if (key == "affiliations") g.affiliations = ReadSurvivedList<Affiliation>(v);
    else if (key == "social_handles") g.social_handles = ReadSurvivedList<std::string>(v);
    else if (key == "members") g.members = ReadList<std::string>(v);
  }));
  return g;
}

}  // namespace mdm::model
