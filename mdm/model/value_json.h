// SPDX-License-Identifier: Apache-2.0
// File: mdm/model/value_json.h
//
// JSON of the value types a source record and a golden record share (name,
// identifier, address, phone, e-mail, specialty, affiliation, consent):
// written with base::JsonWriter, read with simdjson's on-demand parser (a
// full run reads a million stored records; a DOM parser costs ten times as
// much). Empty strings and unchecked validities are omitted; readers treat a
// missing key as empty and skip keys they do not know. A value of the wrong
// JSON type throws simdjson::simdjson_error: ParseStored() turns it into a
// Status, and no exception leaves this folder.
#ifndef MDM_MODEL_VALUE_JSON_H_
#define MDM_MODEL_VALUE_JSON_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/base/json_writer.h"
#include "mdm/record.h"

namespace mdm::model {

namespace sj = simdjson::ondemand;

void WriteValue(base::JsonWriter& w, const PersonName& n);
void WriteValue(base::JsonWriter& w, const Identifier& id);
void WriteValue(base::JsonWriter& w, const Address& a);
void WriteValue(base::JsonWriter& w, const Phone& p);
void WriteValue(base::JsonWriter& w, const Email& e);
void WriteValue(base::JsonWriter& w, const Specialty& s);
void WriteValue(base::JsonWriter& w, const Affiliation& a);
void WriteValue(base::JsonWriter& w, const Consent& c);
void WriteValue(base::JsonWriter& w, const std::string& s);

// `key: [value...]`, nothing when `items` is empty.
template <typename T>
void WriteList(base::JsonWriter& w, absl::string_view key, const std::vector<T>& items) {
  if (items.empty()) return;
  w.Key(key);
  w.BeginArray();
  for (const T& item : items) WriteValue(w, item);
  w.EndArray();
}

std::string ReadString(sj::value v);

// Readers: the inverse of WriteValue(); `out` is overwritten.
void ReadValue(sj::value v, PersonName& out);
void ReadValue(sj::value v, Identifier& out);
void ReadValue(sj::value v, Address& out);
void ReadValue(sj::value v, Phone& out);
void ReadValue(sj::value v, Email& out);
void ReadValue(sj::value v, Specialty& out);
void ReadValue(sj::value v, Affiliation& out);
void ReadValue(sj::value v, Consent& out);
void ReadValue(sj::value v, std::string& out);

template <typename T>
std::vector<T> ReadList(sj::value v) {
  std::vector<T> out;
  for (auto element : v.get_array()) {
    out.emplace_back();
    ReadValue(element.value(), out.back());
  }
  return out;
}

// Parses the stored JSON object `json` and hands its fields to
// `read(key, value)`, in document order. DataLoss (naming `what`) when the
// text is not an object or a value has the wrong type.
absl::Status ParseStored(absl::string_view json, absl::string_view what,
                         const std::function<void(std::string_view key, sj::value value)>& read);

}  // namespace mdm::model

#endif  // MDM_MODEL_VALUE_JSON_H_
