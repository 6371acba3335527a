// SPDX-License-Identifier: Apache-2.0
#include "mdm/model/record_json.h"

#include "mdm/base/json_writer.h"
#include "mdm/model/value_json.h"
#include "mdm/status.h"

namespace mdm::model {

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
  WriteValue(w, r.name);
  w.NonEmpty("gender", r.gender);
  w.NonEmpty("birth_date", r.birth_date);
  w.NonEmpty("language", r.language);
  WriteList(w, "specialties", r.specialties);
  WriteList(w, "identifiers", r.identifiers);
  WriteList(w, "addresses", r.addresses);
  WriteList(w, "phones", r.phones);
  WriteList(w, "emails", r.emails);
  WriteList(w, "social_handles", r.social_handles);
  WriteList(w, "affiliations", r.affiliations);
  WriteList(w, "consents", r.consents);
  w.EndObject();
  return out;
}

absl::StatusOr<SourceRecord> RecordFromJson(absl::string_view json) {
  SourceRecord r;
  MDM_RETURN_IF_ERROR(ParseStored(json, "record", [&r](std::string_view key, sj::value v) {
    if (key == "source") r.source = ReadString(v);
    else if (key == "source_type") {
      r.source_type = ParseSourceType(ReadString(v)).value_or(SourceType::kRep);
    } else if (key == "source_key") r.source_key = ReadString(v);
    else if (key == "observed_at") r.observed_at = ReadString(v);
    else if (key == "lawful_basis") r.lawful_basis = ReadString(v);
    else if (key == "deleted") r.deleted = v.get_bool();
    else if (key == "name") ReadValue(v, r.name);
    else if (key == "gender") r.gender = ReadString(v);
    else if (key == "birth_date") r.birth_date = ReadString(v);
    else if (key == "language") r.language = ReadString(v);
    else if (key == "specialties") r.specialties = ReadList<Specialty>(v);
    else if (key == "identifiers") r.identifiers = ReadList<Identifier>(v);
    else if (key == "addresses") r.addresses = ReadList<Address>(v);
    else if (key == "phones") r.phones = ReadList<Phone>(v);
    else if (key == "emails") r.emails = ReadList<Email>(v);
    else if (key == "social_handles") r.social_handles = ReadList<std::string>(v);
    else if (key == "affiliations") r.affiliations = ReadList<Affiliation>(v);
    else if (key == "consents") r.consents = ReadList<Consent>(v);
  }));
  return r;
}

}  // namespace mdm::model
