// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/value_json.h"

#include "absl/strings/str_cat.h"

namespace mdm::model {
namespace {

void PutValidity(base::JsonWriter& w, absl::string_view key, Validity validity) {
  if (validity != Validity::kUnchecked) {
    w.Key(key);
    w.String(ValidityName(validity));
  }
}

}  // namespace

void WriteValue(base::JsonWriter& w, const PersonName& n) {
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

void WriteValue(base::JsonWriter& w, const Identifier& id) {
  w.BeginObject();
  w.Key("scheme");
  w.String(id.scheme);
  w.Key("value");
  w.String(id.value);
  PutValidity(w, "validity", id.validity);
  w.EndObject();
}

void WriteValue(base::JsonWriter& w, const Address& a) {
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

void WriteValue(base::JsonWriter& w, const Phone& p) {
  w.BeginObject();
  w.NonEmpty("raw", p.raw);
  w.NonEmpty("e164", p.e164);
  PutValidity(w, "validity", p.validity);
  w.EndObject();
}

void WriteValue(base::JsonWriter& w, const Email& e) {
  w.BeginObject();
  w.NonEmpty("raw", e.raw);
  w.NonEmpty("normalized", e.normalized);
  PutValidity(w, "validity", e.validity);
  w.EndObject();
}

void WriteValue(base::JsonWriter& w, const Specialty& s) {
  w.BeginObject();
  w.NonEmpty("raw", s.raw);
  w.NonEmpty("code", s.code);
  w.EndObject();
}

void WriteValue(base::JsonWriter& w, const Affiliation& a) {
  w.BeginObject();
  w.NonEmpty("name", a.name);
  w.NonEmpty("org_id", a.org_id);
  w.NonEmpty("name_key", a.name_key);
  w.EndObject();
}

void WriteValue(base::JsonWriter& w, const Consent& c) {
  w.BeginObject();
  w.Key("channel");
  w.String(c.channel);
  w.Key("granted");
  w.Bool(c.granted);
  w.NonEmpty("purpose", c.purpose);
  w.NonEmpty("observed_at", c.observed_at);
  w.EndObject();
}

void WriteValue(base::JsonWriter& w, const std::string& s) { w.String(s); }

std::string ReadString(sj::value v) { return std::string(std::string_view(v.get_string())); }

namespace {

Validity ReadValidity(sj::value v) {
  const std::string_view text = v.get_string();
  if (text == "valid") return Validity::kValid;
  if (text == "invalid") return Validity::kInvalid;
  return Validity::kUnchecked;
}

// Calls read(key, value) for each field of object `v`.
template <typename Fn>
void Fields(sj::value v, Fn read) {
  for (auto field : v.get_object()) read(std::string_view(field.unescaped_key()), field.value());
}

}  // namespace

void ReadValue(sj::value v, PersonName& n) {
  n = PersonName();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "display") n.display = ReadString(x);
    else if (key == "title") n.title = ReadString(x);
    else if (key == "given_names") n.given_names = ReadString(x);
    else if (key == "family_name") n.family_name = ReadString(x);
    else if (key == "maiden_name") n.maiden_name = ReadString(x);
    else if (key == "suffix") n.suffix = ReadString(x);
    else if (key == "given_key") n.given_key = ReadString(x);
    else if (key == "family_key") n.family_key = ReadString(x);
    else if (key == "maiden_key") n.maiden_key = ReadString(x);
  });
}

void ReadValue(sj::value v, Identifier& id) {
  id = Identifier();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "scheme") id.scheme = ReadString(x);
    else if (key == "value") id.value = ReadString(x);
    else if (key == "validity") id.validity = ReadValidity(x);
  });
}

void ReadValue(sj::value v, Address& a) {
  a = Address();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "street") a.street = ReadString(x);
    else if (key == "street2") a.street2 = ReadString(x);
    else if (key == "postcode") a.postcode = ReadString(x);
    else if (key == "city") a.city = ReadString(x);
    else if (key == "country") a.country = ReadString(x);
    else if (key == "street_key") a.street_key = ReadString(x);
    else if (key == "city_key") a.city_key = ReadString(x);
    else if (key == "postcode_validity") a.postcode_validity = ReadValidity(x);
  });
}

void ReadValue(sj::value v, Phone& p) {
  p = Phone();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "raw") p.raw = ReadString(x);
    else if (key == "e164") p.e164 = ReadString(x);
    else if (key == "validity") p.validity = ReadValidity(x);
  });
}

void ReadValue(sj::value v, Email& e) {
  e = Email();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "raw") e.raw = ReadString(x);
    else if (key == "normalized") e.normalized = ReadString(x);
    else if (key == "validity") e.validity = ReadValidity(x);
  });
}

void ReadValue(sj::value v, Specialty& s) {
  s = Specialty();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "raw") s.raw = ReadString(x);
    else if (key == "code") s.code = ReadString(x);
  });
}

void ReadValue(sj::value v, Affiliation& a) {
  a = Affiliation();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "name") a.name = ReadString(x);
    else if (key == "org_id") a.org_id = ReadString(x);
    else if (key == "name_key") a.name_key = ReadString(x);
  });
}

void ReadValue(sj::value v, Consent& c) {
  c = Consent();
  Fields(v, [&](std::string_view key, sj::value x) {
    if (key == "channel") c.channel = ReadString(x);
    else if (key == "purpose") c.purpose = ReadString(x);
    else if (key == "granted") c.granted = x.get_bool();
    else if (key == "observed_at") c.observed_at = ReadString(x);
  });
}

void ReadValue(sj::value v, std::string& s) { s = ReadString(v); }

absl::Status ParseStored(absl::string_view json, absl::string_view what,
                         const std::function<void(std::string_view key, sj::value value)>& read) {
  // One parser and one padded buffer per thread: simdjson reads up to
  // SIMDJSON_PADDING bytes past the text.
  thread_local sj::parser parser;
  thread_local std::string buffer;
  buffer.assign(json.data(), json.size());
  buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
  try {
    sj::document doc = parser.iterate(buffer.data(), json.size(), buffer.size());
    for (auto field : doc.get_object()) {
      read(std::string_view(field.unescaped_key()), field.value());
    }
    // Past the object only the end may follow (this simdjson has no
    // at_end(); current_location() says OUT_OF_BOUNDS there).
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
      throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
    }
  } catch (const simdjson::simdjson_error& e) {
    return absl::DataLossError(absl::StrCat("stored ", what, " is not valid JSON (",
                                            simdjson::error_message(e.error()), ")"));
  }
  return absl::OkStatus();
}

}  // namespace mdm::model
