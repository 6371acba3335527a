// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/json_writer.h
//
// Appends compact JSON to a string without building a document tree: the hot
// path writes a JSON record per input row, and a tree costs an allocation per
// value. The caller is responsible for the structure (keys only inside
// objects, balanced Begin/End); values are escaped per RFC 8259. Strings must
// be valid UTF-8 (the readers guarantee it); bytes are copied as they are.
//
// Example:
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject();
//   w.Key("name"); w.String("Zoë \"Z\"");
//   w.Key("ids"); w.BeginArray(); w.Int(1); w.Int(2); w.EndArray();
//   w.EndObject();
//   // out == R"({"name":"Zoë \"Z\"","ids":[1,2]})"
#ifndef MDM_BASE_JSON_WRITER_H_
#define MDM_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace mdm::base {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(absl::string_view key);
  void String(absl::string_view value);
  void Int(int64_t value);
  void Bool(bool value);
  // A value already written as JSON by another writer, copied as it is.
  void Raw(absl::string_view json);

  // Key and string value, both skipped when `value` is empty.
  void NonEmpty(absl::string_view key, absl::string_view value) {
    if (!value.empty()) {
      Key(key);
      String(value);
    }
  }

 private:
  void Separate();
  void Open(char bracket);
  void Close(char bracket);

  std::string* out_;
  bool need_comma_ = false;
};

// Appends `value` as a quoted, escaped JSON string.
void AppendJsonString(absl::string_view value, std::string* out);

}  // namespace mdm::base

#endif  // MDM_BASE_JSON_WRITER_H_
