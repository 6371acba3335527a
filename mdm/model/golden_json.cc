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

namespace {

template <typename T>
bool Absent(const Survived<T>& s) {
  return s.lineage.records.empty() && s.lineage.rule.empty();
}
template <typename T>
bool Absent(const std::vector<Survived<T>>& items) {
  return items.empty();
}

struct AttributeValues {
  std::string json;  // ValuesOf()
  bool absent = false;
};

template <typename T>
AttributeValues Of(const T& attribute) {
  return {ValuesOf(attribute), Absent(attribute)};
}

// Calls fn(name, values of a, values of b) for every attribute, in
// kGoldenAttributes order.
template <typename Fn>
void ForEachAttribute(const GoldenRecord& a, const GoldenRecord& b, Fn fn) {
  fn("name", Of(a.name), Of(b.name));
  fn("gender", Of(a.gender), Of(b.gender));
  fn("birth_date", Of(a.birth_date), Of(b.birth_date));
  fn("language", Of(a.language), Of(b.language));
  fn("identifiers", Of(a.identifiers), Of(b.identifiers));
  fn("addresses", Of(a.addresses), Of(b.addresses));
  fn("phones", Of(a.phones), Of(b.phones));
  fn("emails", Of(a.emails), Of(b.emails));
  fn("specialties", Of(a.specialties), Of(b.specialties));
  fn("affiliations", Of(a.affiliations), Of(b.affiliations));
  fn("social_handles", Of(a.social_handles), Of(b.social_handles));
}

}  // namespace

std::vector<std::string> ChangedAttributes(const GoldenRecord& a, const GoldenRecord& b) {
  std::vector<std::string> changed;
  ForEachAttribute(a, b, [&](const char* name, const AttributeValues& x,
                             const AttributeValues& y) {
    if (x.json != y.json) changed.emplace_back(name);
  });
  return changed;
}

std::string ValueChangesToJson(const GoldenRecord& before, const GoldenRecord& after) {
  std::string old_values, new_values;
  base::JsonWriter o(&old_values), n(&new_values);
  o.BeginObject();
  n.BeginObject();
  ForEachAttribute(before, after, [&](const char* name, const AttributeValues& x,
                                      const AttributeValues& y) {
    if (x.json == y.json) return;
    if (!x.absent) {
      o.Key(name);
      o.Raw(x.json);
    }
    if (!y.absent) {
      n.Key(name);
      n.Raw(y.json);
    }
  });
  o.EndObject();
  n.EndObject();
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  w.Key("before");
  w.Raw(old_values);
  w.Key("after");
  w.Raw(new_values);
  w.EndObject();
  return out;
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
